#include "review/rule_yaml.h"

namespace copilot::review {

const std::set<std::string>& rule_agents() {
  static const std::set<std::string> agents = {"security", "style", "logic", "performance", "architecture"};
  return agents;
}

std::vector<std::string> string_list(const YAML::Node& n) {
  std::vector<std::string> out;
  if (!n) return out;
  if (n.IsScalar())
    out.push_back(n.Scalar());
  else
    for (const auto& x : n) out.push_back(x.as<std::string>());
  return out;
}

std::filesystem::path example_for(const std::filesystem::path& yaml, const char* kind) {
  std::string prefix = yaml.stem().string() + "." + kind + ".";
  std::error_code ec;
  for (const auto& e : std::filesystem::directory_iterator(yaml.parent_path(), ec))
    if (e.path().filename().string().rfind(prefix, 0) == 0) return e.path();
  return {};
}

}  // namespace copilot::review
