#pragma once
#include <map>
#include <string>
#include <vector>

#include "testgen/language.h"

namespace copilot::testgen::golang {

/// Runs `go test -json` on the generated package (the directory of the test files).
Result<TestRun> run_go_test(const RunContext& ctx, const std::vector<std::string>& test_files);

/// Statement coverage of `sources` (from a -coverprofile) when the packages of `tests` run.
Result<std::map<std::string, FileCoverage>> run_go_coverage(const RunContext& ctx,
                                                            const std::vector<std::string>& tests,
                                                            const std::vector<std::string>& sources);

/// Calls functions on table inputs in a temporary package and records results or panics.
void characterize(const RunContext& ctx, const ModuleUnits& module, std::vector<TestCase>& cases,
                  std::vector<std::string>& notes);

}  // namespace copilot::testgen::golang
