#pragma once
#include <string>
#include <vector>

#include "testgen/language.h"

namespace copilot::testgen::cpp {

/// Builds each test file with g++ against GoogleTest (and the sources its
/// `// copilot-gen: compile` lines name), runs it and reads its JSON report.
Result<TestRun> run_gtest(const RunContext& ctx, const std::vector<std::string>& test_files);

}  // namespace copilot::testgen::cpp
