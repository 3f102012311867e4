#include "release/targets.h"

#include <string_view>

#include "release/target_kubernetes.h"

namespace copilot::release {
namespace {

struct TargetKind {
  std::string_view name;
  Result<std::unique_ptr<Target>> (*make)(const TargetSettings&);
};

// Adding a target is one file and one row here.
constexpr TargetKind kTargets[] = {
    {"nginx", make_nginx_target},
    {"kubernetes", make_kubernetes_target},
    {"command", make_command_target},
};

}  // namespace

std::vector<std::string> target_kinds() {
  std::vector<std::string> names;
  for (const auto& t : kTargets) names.emplace_back(t.name);
  return names;
}

Result<std::unique_ptr<Target>> make_target(const TargetSettings& settings) {
  std::string kind = settings.values.is_object() ? settings.values.value("kind", "") : "";
  for (const auto& t : kTargets)
    if (t.name == kind) return t.make(settings);
  std::string known;
  for (const auto& name : target_kinds()) known += (known.empty() ? "" : ", ") + name;
  return Error{
      settings.origin + ": key '" + settings.key + ".kind': unknown target kind '" + kind + "' (known: " + known + ")",
      true};
}

}  // namespace copilot::release
