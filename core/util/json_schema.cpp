#include "util/json_schema.h"

namespace copilot::util {
namespace {

using nlohmann::json;

std::string type_of(const json& v) {
  switch (v.type()) {
    case json::value_t::null: return "null";
    case json::value_t::boolean: return "boolean";
    case json::value_t::number_integer:
    case json::value_t::number_unsigned: return "integer";
    case json::value_t::number_float: return "number";
    case json::value_t::string: return "string";
    case json::value_t::array: return "array";
    default: return "object";
  }
}

bool has_type(const json& v, const std::string& type) {
  std::string actual = type_of(v);
  return actual == type || (type == "number" && actual == "integer");
}

std::string short_text(const json& v) {
  std::string s = v.dump();
  return s.size() > 60 ? s.substr(0, 57) + "..." : s;
}

class Checker {
 public:
  explicit Checker(const SchemaLookup& lookup) : lookup_(lookup) {}

  std::optional<JsonSchemaViolation> check(const json& v, const json& schema, const json& root,
                                           const std::string& field) {
    if (++depth_ > 64) return JsonSchemaViolation{field, "schema nests too deeply"};
    auto result = check_here(v, schema, root, field);
    --depth_;
    return result;
  }

 private:
  std::optional<JsonSchemaViolation> check_here(const json& v, const json& schema, const json& root,
                                                const std::string& field) {
    if (!schema.is_object()) return std::nullopt;
    if (auto ref = schema.find("$ref"); ref != schema.end()) {
      auto [target, target_root] = resolve(ref->get<std::string>(), root);
      if (!target) return JsonSchemaViolation{field, "schema reference " + ref->get<std::string>() + " not found"};
      if (auto bad = check(v, *target, *target_root, field)) return bad;
    }
    auto fail = [&](std::string problem) { return JsonSchemaViolation{field, std::move(problem)}; };
    if (auto type = schema.find("type"); type != schema.end()) {
      bool ok = false;
      std::string names;
      for (const auto& t : type->is_array() ? *type : json::array({*type})) {
        ok = ok || has_type(v, t.get<std::string>());
        names += (names.empty() ? "" : " or ") + t.get<std::string>();
      }
      if (!ok) return fail("expected " + names + ", got " + type_of(v));
    }
    if (auto c = schema.find("const"); c != schema.end() && v != *c)
      return fail("expected " + c->dump() + ", got " + short_text(v));
    if (auto e = schema.find("enum"); e != schema.end()) {
      bool found = false;
      for (const auto& option : *e) found = found || option == v;
      if (!found) return fail("expected one of " + e->dump() + ", got " + short_text(v));
    }
    if (v.is_number()) {
      if (auto m = schema.find("minimum"); m != schema.end() && v.get<double>() < m->get<double>())
        return fail("must be at least " + m->dump());
      if (auto m = schema.find("maximum"); m != schema.end() && v.get<double>() > m->get<double>())
        return fail("must be at most " + m->dump());
    }
    if (v.is_string()) {
      size_t length = v.get_ref<const std::string&>().size();
      if (auto m = schema.find("minLength"); m != schema.end() && length < m->get<size_t>())
        return fail("must have at least " + m->dump() + " characters");
      if (auto m = schema.find("maxLength"); m != schema.end() && length > m->get<size_t>())
        return fail("must have at most " + m->dump() + " characters");
    }
    if (v.is_array()) return check_array(v, schema, root, field);
    if (v.is_object()) return check_object(v, schema, root, field);
    return std::nullopt;
  }

  std::optional<JsonSchemaViolation> check_array(const json& v, const json& schema, const json& root,
                                                 const std::string& field) {
    if (auto m = schema.find("minItems"); m != schema.end() && v.size() < m->get<size_t>())
      return JsonSchemaViolation{field, "must have at least " + m->dump() + " items"};
    if (auto m = schema.find("maxItems"); m != schema.end() && v.size() > m->get<size_t>())
      return JsonSchemaViolation{field, "must have at most " + m->dump() + " items"};
    if (auto items = schema.find("items"); items != schema.end())
      for (size_t i = 0; i < v.size(); ++i)
        if (auto bad = check(v[i], *items, root, field + "[" + std::to_string(i) + "]")) return bad;
    return std::nullopt;
  }

  std::optional<JsonSchemaViolation> check_object(const json& v, const json& schema, const json& root,
                                                  const std::string& field) {
    auto child = [&](const std::string& key) { return field.empty() ? key : field + "." + key; };
    if (auto required = schema.find("required"); required != schema.end())
      for (const auto& key : *required)
        if (!v.contains(key.get<std::string>())) return JsonSchemaViolation{child(key), "is missing"};
    const json* properties = schema.contains("properties") ? &schema["properties"] : nullptr;
    const json* extra = schema.contains("additionalProperties") ? &schema["additionalProperties"] : nullptr;
    for (auto it = v.begin(); it != v.end(); ++it) {
      if (properties && properties->contains(it.key())) {
        if (auto bad = check(it.value(), (*properties)[it.key()], root, child(it.key()))) return bad;
      } else if (extra && extra->is_boolean() && !extra->get<bool>()) {
        return JsonSchemaViolation{child(it.key()), "is not a known field"};
      } else if (extra && extra->is_object()) {
        if (auto bad = check(it.value(), *extra, root, child(it.key()))) return bad;
      }
    }
    return std::nullopt;
  }

  // "#/$defs/x" within `root`, "other.schema.json" or "other.schema.json#/$defs/x".
  std::pair<const json*, const json*> resolve(const std::string& ref, const json& root) {
    size_t hash = ref.find('#');
    std::string file = ref.substr(0, hash);
    const json* base = &root;
    if (!file.empty()) {
      base = lookup_ ? lookup_(file) : nullptr;
      if (!base) return {nullptr, nullptr};
    }
    if (hash == std::string::npos || hash + 1 == ref.size()) return {base, base};
    try {
      const json& target = base->at(json::json_pointer(ref.substr(hash + 1)));
      return {&target, base};
    } catch (const json::exception&) {
      return {nullptr, nullptr};
    }
  }

  const SchemaLookup& lookup_;
  int depth_ = 0;
};

}  // namespace

std::optional<JsonSchemaViolation> check_json_schema(const json& doc, const json& schema, const SchemaLookup& lookup) {
  Checker checker(lookup);
  return checker.check(doc, schema, schema, "");
}

}  // namespace copilot::util
