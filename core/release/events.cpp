#include "release/events.h"

#include "release/journal.h"

namespace copilot::release {

std::string describe_event(const nlohmann::json& e) {
  const std::string name = e.value("event", "");
  std::string head = e.value("release", "") + ": ";
  auto s = [&](const char* key) { return e.contains(key) && e[key].is_string() ? e[key].get<std::string>() : ""; };
  auto n = [&](const char* key) { return e.contains(key) ? e[key].dump() : "?"; };
  if (name == "release_started")
    return head + "releasing " + s("version") + (s("stable").empty() ? "" : " over " + s("stable")) + " (" +
           s("strategy") + ", steps " + n("steps") + ")";
  if (name == "step_started") return head + "step " + n("step") + "/" + n("of") + ": " + n("weight") + "% of traffic";
  if (name == "traffic_shifted") return head + "serving " + s("served");
  if (name == "step_paused") return head + "step " + n("step") + ": watching for " + n("seconds") + " s";
  if (name == "gate_measured") return head + "gate " + s("gate") + ": " + s("outcome") + " (" + s("detail") + ")";
  if (name == "step_passed") return head + "step " + n("step") + " passed";
  if (name == "gate_failed") return head + "gate failed: " + s("reason");
  if (name == "rollback_started")
    return head + "rolling back" + (s("version").empty() ? "" : " to " + s("version")) +
           (s("reason").empty() ? "" : ": " + s("reason"));
  if (name == "release_paused") return head + "paused: " + s("reason");
  if (name == "action_failed") return head + s("action") + " failed: " + s("error");
  if (name == "action_replayed") return head + "repeating the unconfirmed " + s("action") + " (" + s("key") + ")";
  if (name == "release_resumed") return head + "resumed";
  if (name.rfind("release_", 0) == 0) return head + name.substr(8) + (s("reason").empty() ? "" : ": " + s("reason"));
  if (name == "prepared" || name == "promoted") return head + name;
  return head + name;
}

}  // namespace copilot::release
