#pragma once
// Child processes for Python: pytest, coverage.py, the characterization harness.
#include <map>
#include <string>
#include <vector>

#include "testgen/language.h"

namespace copilot::testgen::python {

/// Runs pytest on the given test files (relative to the root), from the root.
Result<TestRun> run_pytest(const RunContext& ctx, const std::vector<std::string>& test_files);

/// Runs the tests under coverage.py; percent covered per source (0 for sources never imported).
Result<std::map<std::string, FileCoverage>> run_coverage(const RunContext& ctx, const std::vector<std::string>& tests,
                                                         const std::vector<std::string>& sources);

/// Calls the boundary rows of pure functions in a child process and turns the
/// recorded results into characterized cases (values and raised exceptions).
void characterize(const RunContext& ctx, const ModuleUnits& module, std::vector<TestCase>& cases,
                  std::vector<std::string>& notes);

}  // namespace copilot::testgen::python
