#pragma once
#include <map>
#include <string>
#include <vector>

#include "testgen/language.h"

namespace copilot::testgen::javascript {

/// Runs Jest on the given test files (relative to the root), from the root.
Result<TestRun> run_jest(const RunContext& ctx, const std::vector<std::string>& test_files);

/// Runs boundary tables of pure functions inside Jest and records what they return or throw.
void characterize(const RunContext& ctx, const ModuleUnits& module, std::vector<TestCase>& cases,
                  std::vector<std::string>& notes);

/// Line coverage (Jest's istanbul) of `sources` when `tests` run; percent per file.
Result<std::map<std::string, FileCoverage>> run_jest_coverage(const RunContext& ctx,
                                                              const std::vector<std::string>& tests,
                                                              const std::vector<std::string>& sources);

}  // namespace copilot::testgen::javascript
