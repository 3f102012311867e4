// Reading an audit report from JSON: syntax, schema version, then the schema.
#include <map>

#include "audit/audit.h"
#include "plan/plan.h"
#include "util/json_schema.h"
#include "util/schemas.h"

namespace copilot::plan {
namespace {

const nlohmann::json* embedded_schema(const std::string& name) {
  static const std::map<std::string, nlohmann::json> parsed = [] {
    std::map<std::string, nlohmann::json> table;
    for (const auto& [file, text] : embedded_schemas()) table[file] = nlohmann::json::parse(text);
    return table;
  }();
  auto it = parsed.find(name);
  return it == parsed.end() ? nullptr : &it->second;
}

// "line L, column C" of a byte offset, for JSON syntax errors.
std::string position_of(std::string_view text, size_t byte) {
  int line = 1;
  size_t column = 1;
  for (size_t i = 0; i < byte && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  }
  return std::to_string(line) + ":" + std::to_string(column);
}

}  // namespace

Result<nlohmann::json> parse_audit(std::string_view text, const std::string& origin) {
  nlohmann::json doc;
  try {
    doc = nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& e) {
    size_t byte = e.byte > 0 ? e.byte - 1 : 0;
    return Error{origin + ":" + position_of(text, byte) + ": not valid JSON: " + e.what(), true};
  }
  if (!doc.is_object()) return Error{origin + ": not an audit report: expected a JSON object", true};
  auto version = doc.find("schema_version");
  if (version == doc.end())
    return Error{origin + ": field 'schema_version' is missing: not a copilot audit report?", true};
  if (*version != audit::kAuditSchemaVersion)
    return Error{origin + ": field 'schema_version' is " + version->dump() +
                     ", but this copilot reads audit reports of version \"" + audit::kAuditSchemaVersion +
                     "\"; run `copilot audit --format json` again",
                 true};
  const nlohmann::json* schema = embedded_schema("audit.schema.json");
  if (!schema) return Error{"audit.schema.json is not compiled in"};
  if (auto bad = util::check_json_schema(doc, *schema, embedded_schema)) {
    std::string field = bad->field.empty() ? "the report" : "field '" + bad->field + "'";
    return Error{origin + ": " + field + " " + bad->problem + " (schemas/audit.schema.json)", true};
  }
  return doc;
}

}  // namespace copilot::plan
