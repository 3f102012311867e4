#pragma once
// Checks a YAML document against the subset of JSON Schema our schemas use
// (type, properties, additionalProperties, required, items, enum, minimum,
// maximum), reporting the first problem with its line.
#include <yaml-cpp/yaml.h>

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

namespace copilot::config {

struct SchemaViolation {
  int line = 0;     ///< 1-based
  std::string key;  ///< dotted path, e.g. "review.fail_on"
  std::string problem;
};

std::optional<SchemaViolation> check_against_schema(const YAML::Node& node, const nlohmann::json& schema);

}  // namespace copilot::config
