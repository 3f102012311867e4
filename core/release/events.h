#pragma once
// Release events for people: one line per event on stderr; the JSON form
// goes to --events files and the environment's event log unchanged.
#include <nlohmann/json.hpp>
#include <string>

namespace copilot::release {

/// "prod-3: step 2/4: 25% on v2" and the like.
std::string describe_event(const nlohmann::json& event);

}  // namespace copilot::release
