#pragma once
// What --characterize runs, and how recorded results become test cases; the
// same for every language (each runs its own harness). Internal to testgen/.
#include <nlohmann/json.hpp>
#include <vector>

#include "testgen/cases.h"

namespace copilot::testgen {

/// Boundary tables of units that may be run on made-up inputs.
bool characterizable(const TestCase& c);

/// Turns recorded results — {case id: {row label: {"expected": literal} |
/// {"error": exception} | {"skip": why}}} — into `:characterized` (values)
/// and `:characterized-raises` (exceptions) tables that replace the boundary
/// tables they came from.
void apply_characterization(std::vector<TestCase>& cases, const nlohmann::json& results);

}  // namespace copilot::testgen
