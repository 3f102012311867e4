#pragma once
// Test generation: units extracted with tree-sitter become test files in the
// project's framework; optionally run (--verify), characterized and measured.
#include <chrono>
#include <filesystem>
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "llm/types.h"
#include "util/result.h"

namespace copilot::llm {
class Client;
}

namespace copilot::testgen {

inline constexpr const char* kSchemaVersion = "1.0";

struct GenTestsRequest {
  std::filesystem::path root = ".";
  std::vector<std::string> paths;            ///< files or directories (relative to root); empty: the whole tree
  std::string out = "tests/generated";       ///< where test files go, relative to root (or absolute)
  std::string framework;                     ///< "" detects from the sources; "pytest"
  std::optional<std::string> changed_since;  ///< only units whose lines changed since this revision
  bool force = false;                        ///< replace generated files instead of merging
  bool verify = false;                       ///< run the tests and remove those that fail
  bool characterize = false;                 ///< record what pure functions return on generated inputs
  bool coverage = false;                     ///< line coverage before and after
  unsigned jobs = 0;
  std::string python = "/usr/bin/python3";
  std::string coverage_tool = "python3-coverage";
  std::chrono::seconds timeout{900};  ///< per test-runner invocation
  std::function<void(const std::string&)> on_progress;
  /// --llm: the model writes tests for units that only got a skeleton; null leaves it out.
  llm::Client* llm = nullptr;
};

/// One generated test (a marker block) and what became of it.
struct CaseResult {
  std::string id;
  std::string kind;    ///< doctest, raises, boundary, characterized, fixture, smoke, skeleton
  std::string status;  ///< generated, existing, passed, removed, skipped
  std::string detail;  ///< why removed or skipped
  int rows = 0;        ///< table rows (parametrized cases) kept
};

struct UnitResult {
  std::string unit;  ///< qualname, or "" for module-level tests
  int line = 0;
  std::vector<CaseResult> cases;
  std::string skipped;  ///< why the unit got no concrete test
};

struct FileCoverage {
  double before = 0, after = 0;  ///< percent of statements
  int statements = 0;
};

struct FileResult {
  std::string source;     ///< module path, relative to root
  std::string test_file;  ///< relative to root; "" when nothing was written
  std::string framework;
  std::string status;  ///< written, merged, unchanged, skipped, removed
  std::string reason;  ///< for skipped and removed files
  int tests_added = 0;
  std::vector<UnitResult> units;
  std::optional<FileCoverage> coverage;
};

struct VerifySummary {
  int files_run = 0;
  int files_collected = 0;  ///< files that collected without error
  int collected = 0;        ///< generated tests (table rows count one each) collected
  int passed = 0;
  int removed = 0;
  int skipped = 0;
};

struct GenTestsReport {
  std::string root;
  std::string out;
  std::vector<FileResult> files;
  int units = 0;
  int tests_generated = 0;  ///< blocks added this run (skeletons included)
  int skeletons = 0;
  int units_skipped = 0;
  std::optional<VerifySummary> verify;
  std::optional<FileCoverage> coverage_total;
  int characterized = 0;           ///< tables with recorded results
  std::vector<std::string> notes;  ///< problems that did not stop the run
  std::optional<llm::Stats> llm;   ///< what the model did, with --llm
};

/// Generates (and optionally verifies and measures) tests. Errors: bad root or
/// revision, unknown framework (usage), an --out that is not a directory.
Result<GenTestsReport> run_gen_tests(const GenTestsRequest& request);

nlohmann::json to_json(const GenTestsReport& report);
std::string render_text(const GenTestsReport& report);

/// The unit × case × status matrix, for publishing.
std::string matrix_markdown(const GenTestsReport& report);
nlohmann::json matrix_json(const GenTestsReport& report);

}  // namespace copilot::testgen
