#pragma once
// Checks a JSON document against the subset of JSON Schema (2020-12) our
// schemas use: $ref (local "#/$defs/..." and other schemas by file name),
// type, const, enum, required, properties, additionalProperties, items,
// minimum, maximum, minLength, maxLength, minItems, maxItems.
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

namespace copilot::util {

struct JsonSchemaViolation {
  std::string field;  ///< dotted path, e.g. "stack.manifests[0].ecosystem"; "" for the document
  std::string problem;
};

/// Finds another schema by the name a `$ref` uses ("audit-stack.schema.json"), or nullptr.
using SchemaLookup = std::function<const nlohmann::json*(const std::string& name)>;

/// The first violation, or nullopt when `doc` conforms.
std::optional<JsonSchemaViolation> check_json_schema(const nlohmann::json& doc, const nlohmann::json& schema,
                                                     const SchemaLookup& lookup);

}  // namespace copilot::util
