#pragma once
// Which services a repository runs, from its manifests and frameworks, and
// what the audit says about each: runtime version, port, health route, start
// command, test frameworks and the commands its CI already runs.
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "plan/context.h"

namespace copilot::plan {

/// One JSON object per service (sorted by directory, the root first). A
/// repository without a recognised manifest gets one generic service.
nlohmann::json discover_services(const nlohmann::json& audit, const std::string& project_slug,
                                 std::vector<PendingGap>& gaps);

/// A CI evidence line reduced to its shell command ("- run: npm test" →
/// "npm test", "sh 'make'" → "make"); "" when it is not a plain command.
std::string command_of_ci_line(std::string_view text);

}  // namespace copilot::plan
