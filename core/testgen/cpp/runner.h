#pragma once
#include <map>
#include <string>
#include <vector>

#include "testgen/language.h"

namespace copilot::testgen::cpp {

/// Builds each test file with g++ against GoogleTest (and the sources its
/// `// copilot-gen: compile` lines name), runs it and reads its JSON report.
Result<TestRun> run_gtest(const RunContext& ctx, const std::vector<std::string>& test_files);

/// Calls free functions on table inputs in a small program built against the
/// header (and its source) and records results or throws.
void characterize(const RunContext& ctx, const ModuleUnits& module, std::vector<TestCase>& cases,
                  std::vector<std::string>& notes);

/// Line coverage (gcov) of each header and the source file of the same name,
/// when `tests` (GoogleTest files) are built with --coverage and run.
Result<std::map<std::string, FileCoverage>> run_gcov(const RunContext& ctx, const std::vector<std::string>& tests,
                                                     const std::vector<std::string>& sources);

}  // namespace copilot::testgen::cpp
