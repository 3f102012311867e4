#pragma once
// A YAML node as JSON, for settings whose shape belongs to the code that reads
// them (a release target's keys belong to that target), not to config.h.
#include <yaml-cpp/yaml.h>

#include <nlohmann/json.hpp>

namespace copilot::config {

/// Unquoted scalars that read as integers, numbers, booleans or null become
/// those; everything else stays a string.
nlohmann::json yaml_to_json(const YAML::Node& node);

}  // namespace copilot::config
