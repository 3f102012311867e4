#include "config/schema_check.h"

#include <string>

namespace copilot::config {
namespace {

std::string join_key(const std::string& parent, const std::string& child) {
  return parent.empty() ? child : parent + "." + child;
}

int line_of(const YAML::Node& n) {
  return n.Mark().line + 1;
}

std::optional<std::string> type_problem(const YAML::Node& node, const std::string& type) {
  auto scalar_as = [&](auto probe) {
    try {
      (void)node.as<decltype(probe)>();
      return true;
    } catch (const YAML::Exception&) {
      return false;
    }
  };
  bool ok = false;
  if (type == "object")
    ok = node.IsMap();
  else if (type == "array")
    ok = node.IsSequence();
  else if (type == "string")
    ok = node.IsScalar();
  else if (type == "boolean")
    ok = node.IsScalar() && scalar_as(bool{});
  else if (type == "integer")
    ok = node.IsScalar() && scalar_as(static_cast<long long>(0));
  else if (type == "number")
    ok = node.IsScalar() && scalar_as(double{});
  if (ok) return std::nullopt;
  return "expected " + std::string(type == "object" ? "a mapping" : type == "array" ? "a list" : "a " + type);
}

std::optional<SchemaViolation> check(const YAML::Node& node, const nlohmann::json& schema, const std::string& key) {
  if (schema.contains("type")) {
    if (auto p = type_problem(node, schema["type"].get<std::string>())) return SchemaViolation{line_of(node), key, *p};
  }
  if (schema.contains("enum")) {
    bool found = false;
    std::string allowed;
    for (const auto& v : schema["enum"]) {
      std::string s = v.is_string() ? v.get<std::string>() : v.dump();
      allowed += (allowed.empty() ? "" : ", ") + s;
      if (node.IsScalar() && node.Scalar() == s) found = true;
    }
    if (!found) return SchemaViolation{line_of(node), key, "must be one of: " + allowed};
  }
  if ((schema.contains("minimum") || schema.contains("maximum")) && node.IsScalar()) {
    double v = node.as<double>();
    if (schema.contains("minimum") && v < schema["minimum"].get<double>())
      return SchemaViolation{line_of(node), key, "must be at least " + schema["minimum"].dump()};
    if (schema.contains("maximum") && v > schema["maximum"].get<double>())
      return SchemaViolation{line_of(node), key, "must be at most " + schema["maximum"].dump()};
  }
  if (node.IsMap()) {
    const auto props = schema.value("properties", nlohmann::json::object());
    for (auto it = node.begin(); it != node.end(); ++it) {
      std::string name = it->first.Scalar();
      std::string child = join_key(key, name);
      if (props.contains(name)) {
        if (auto v = check(it->second, props[name], child)) return v;
      } else if (schema.contains("additionalProperties")) {
        const auto& extra = schema["additionalProperties"];
        if (extra.is_boolean() && !extra.get<bool>()) return SchemaViolation{line_of(it->first), child, "unknown key"};
        if (extra.is_object())
          if (auto v = check(it->second, extra, child)) return v;
      }
    }
    for (const auto& req : schema.value("required", nlohmann::json::array())) {
      if (!node[req.get<std::string>()])
        return SchemaViolation{line_of(node), key, "missing required key '" + req.get<std::string>() + "'"};
    }
  }
  if (node.IsSequence() && schema.contains("items")) {
    for (size_t i = 0; i < node.size(); ++i)
      if (auto v = check(node[i], schema["items"], key + "[" + std::to_string(i) + "]")) return v;
  }
  return std::nullopt;
}

}  // namespace

std::optional<SchemaViolation> check_against_schema(const YAML::Node& node, const nlohmann::json& schema) {
  return check(node, schema, "");
}

}  // namespace copilot::config
