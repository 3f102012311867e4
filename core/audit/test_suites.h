#pragma once
// Test suites: which frameworks a repository tests with, its test files and how
// many test functions they hold (counted on syntax trees, not by grepping).
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "audit/evidence.h"
#include "audit/input.h"

namespace copilot::audit {

struct TestFramework {
  std::string name;                ///< "pytest", "Jest", "go test", "JUnit 5", "GoogleTest", ...
  std::vector<Evidence> evidence;  ///< manifests, config files and imports; capped
  int files = 0;                   ///< test files attributed to it
  int tests = 0;                   ///< test functions in those files
};
void to_json(nlohmann::json& j, const TestFramework& f);

struct TestFile {
  std::string path;
  std::string framework;  ///< one of the framework names, or "unknown"
  int tests = 0;
};
void to_json(nlohmann::json& j, const TestFile& f);

struct TestsSection {
  std::vector<TestFramework> frameworks;  ///< sorted by name
  int test_files = 0;
  int test_functions = 0;
  std::vector<TestFile> files;  ///< sorted by path
};
void to_json(nlohmann::json& j, const TestsSection& s);

/// Whether a path follows a test-file naming convention of its language
/// (test_*.py, *_test.go, *.spec.ts, src/test/java/..., spec/*_spec.rb, ...).
bool is_test_file_name(std::string_view path);

/// Test functions in one file of a tree-sitter grammar ("python", "tsx", ...):
/// the lines they start on. Empty for grammars without test conventions.
std::vector<int> count_test_functions(std::string_view grammar, std::string_view source);

TestsSection detect_tests(const AuditInput& input);

}  // namespace copilot::audit
