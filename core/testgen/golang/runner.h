#pragma once
#include <string>
#include <vector>

#include "testgen/language.h"

namespace copilot::testgen::golang {

/// Runs `go test -json` on the generated package (the directory of the test files).
Result<TestRun> run_go_test(const RunContext& ctx, const std::vector<std::string>& test_files);

/// Calls functions on table inputs in a temporary package and records results or panics.
void characterize(const RunContext& ctx, const ModuleUnits& module, std::vector<TestCase>& cases,
                  std::vector<std::string>& notes);

}  // namespace copilot::testgen::golang
