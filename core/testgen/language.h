#pragma once
// One row per supported language: how its units are extracted, turned into
// cases, rendered in its framework, run and measured. Adding a language is
// one row in languages() and the functions it names.
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "testgen/cases.h"
#include "testgen/testgen.h"
#include "testgen/unit.h"
#include "util/result.h"
#include "workspace/workspace.h"

namespace copilot::testgen {

/// What a language's runner needs from the run.
struct RunContext {
  std::filesystem::path root;  ///< absolute
  const GenTestsRequest& request;
};

struct TestOutcome {
  std::string file;     ///< test file, relative to root
  std::string test;     ///< test function name
  std::string label;    ///< table row id, "" for a plain test
  std::string outcome;  ///< passed, failed, error, skipped
  std::string message;  ///< first line of the failure
};

struct TestRun {
  std::map<std::string, std::string> collect_errors;  ///< test file (relative) → why it did not collect
  std::vector<TestOutcome> outcomes;
};

struct LanguageSupport {
  std::string_view language;   ///< workspace language id
  std::string_view also;       ///< a second language id it handles ("typescript"), or empty
  std::string_view framework;  ///< the only framework so far per language
  std::string_view grammar;    ///< tree-sitter grammar of generated files (they must parse)
  std::string_view comment;    ///< line-comment leader for markers
  int blank_lines;             ///< between two tests, as the language's formatter wants
  /// A source file to generate tests for (not a test, fixture or build script).
  bool (*wants)(std::string_view path);
  ModuleUnits (*extract)(std::string_view path, std::string_view source);
  /// Sets import_name/import_root, or skip_reason, knowing every file of the tree.
  void (*resolve_import)(ModuleUnits& module, const std::set<std::string, std::less<>>& files,
                         const workspace::Workspace& ws);
  std::vector<TestCase> (*derive)(const ModuleUnits& module, std::vector<SkippedUnit>& skipped);
  /// Runs boundary tables of pure units and records results (--characterize); null when unsupported.
  void (*characterize)(const RunContext& ctx, const ModuleUnits& module, std::vector<TestCase>& cases,
                       std::vector<std::string>& notes);
  std::string (*test_file_name)(std::string_view module_path);
  std::string (*render)(const ModuleUnits& module, const std::vector<TestCase>& cases,
                        const std::string& import_root_from_out);
  std::string (*render_block)(const ModuleUnits& module, const TestCase& c);
  /// Test names defined in a block of generated text (as the runner reports them).
  std::vector<std::string> (*test_names)(std::string_view block);
  /// Text on the line of one table row, and text every row line holds.
  std::string (*row_needle)(std::string_view label);
  std::string_view any_row;
  Result<TestRun> (*run_tests)(const RunContext& ctx, const std::vector<std::string>& test_files);
  /// Percent of statements covered per source file (relative paths) when the given tests run; null when unsupported.
  Result<std::map<std::string, FileCoverage>> (*coverage)(const RunContext& ctx,
                                                          const std::vector<std::string>& test_files,
                                                          const std::vector<std::string>& sources);
  /// Existing tests of the project (outside --out), run for the "before" coverage.
  bool (*is_test_file)(std::string_view path);
};

const std::vector<LanguageSupport>& languages();
const LanguageSupport* language_for(std::string_view language_id);
const LanguageSupport* language_for_framework(std::string_view framework);

}  // namespace copilot::testgen
