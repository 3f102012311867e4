#pragma once
#include <string>
#include <vector>

#include "testgen/language.h"

namespace copilot::testgen::javascript {

/// Runs Jest on the given test files (relative to the root), from the root.
Result<TestRun> run_jest(const RunContext& ctx, const std::vector<std::string>& test_files);

}  // namespace copilot::testgen::javascript
