#pragma once
// Small YAML helpers shared by the pattern and taint rule loaders.
#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <set>
#include <string>
#include <vector>

namespace copilot::review {

/// The review agents a rule may belong to.
const std::set<std::string>& rule_agents();

/// 1-based line of a node.
inline int line_of(const YAML::Node& n) {
  return n.Mark().line + 1;
}

/// A scalar or a sequence of scalars, as a list.
std::vector<std::string> string_list(const YAML::Node& n);

/// `<stem>.<kind>.*` beside a rule file (kind: "positive" or "negative"), or empty.
std::filesystem::path example_for(const std::filesystem::path& yaml, const char* kind);

}  // namespace copilot::review
