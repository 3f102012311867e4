#include "http/fields.h"

#include <algorithm>
#include <cmath>

#include "common/clock.h"

namespace copilot::controlplane {

bool is_valid_name(std::string_view text) {
  return !text.empty() && text.size() <= 64 && std::all_of(text.begin(), text.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' ||
           c == '-' || c == '@' || c == '+';
  });
}

namespace {

/// Deepest nesting of arrays and objects (brackets inside strings do not count).
/// Checked before parsing: serializing a deeply nested value recurses once per level.
size_t nesting_depth(std::string_view body) {
  size_t depth = 0, deepest = 0;
  bool in_string = false, escaped = false;
  for (char c : body) {
    if (in_string) {
      if (escaped)
        escaped = false;
      else if (c == '\\')
        escaped = true;
      else if (c == '"')
        in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      deepest = std::max(deepest, ++depth);
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return deepest;
}

constexpr size_t kMaxNesting = 32;

}  // namespace

Parsed<Fields> Fields::parse(std::string_view body, bool allow_empty) {
  if (body.empty() && allow_empty) return Fields(nlohmann::json::object());
  if (nesting_depth(body) > kMaxNesting) {
    return invalid_request("", "the body nests arrays and objects deeper than " + std::to_string(kMaxNesting));
  }
  nlohmann::json j = nlohmann::json::parse(body, nullptr, false);
  if (j.is_discarded()) return malformed_json("the body is not valid JSON");
  if (!j.is_object()) return invalid_request("", "the body must be a JSON object");
  return Fields(std::move(j));
}

void Fields::fail(const std::string& field, const std::string& message) {
  if (!error_) error_ = invalid_request(field, field + ": " + message);
}

const nlohmann::json* Fields::take(const char* name, bool required) {
  known_.insert(name);
  auto it = body_.find(name);
  if (it == body_.end() || it->is_null()) {
    if (required) fail(name, "is required");
    return nullptr;
  }
  return &*it;
}

std::optional<std::string> Fields::text(const char* name, bool required, size_t max_length) {
  const nlohmann::json* v = take(name, required);
  if (!v) return std::nullopt;
  if (!v->is_string()) return fail(name, "must be a string"), std::nullopt;
  const auto& s = v->get_ref<const std::string&>();
  if (required && s.empty()) return fail(name, "must not be empty"), std::nullopt;
  if (s.size() > max_length) return fail(name, "is longer than " + std::to_string(max_length) + " bytes"), std::nullopt;
  if (s.find('\0') != std::string::npos) return fail(name, "must not contain NUL characters"), std::nullopt;
  return s;
}

std::optional<std::string> Fields::name(const char* field, bool required) {
  auto s = text(field, required, 64);
  if (!s) return std::nullopt;
  if (!is_valid_name(*s)) {
    return fail(field, "must be 1-64 letters, digits or . _ - @ +"), std::nullopt;
  }
  return s;
}

std::optional<int64_t> Fields::integer(const char* name, bool required, int64_t min, int64_t max) {
  const nlohmann::json* v = take(name, required);
  if (!v) return std::nullopt;
  if (!v->is_number_integer()) return fail(name, "must be an integer"), std::nullopt;
  if (v->is_number_unsigned() && v->get<uint64_t>() > static_cast<uint64_t>(max)) {
    return fail(name, "must be at most " + std::to_string(max)), std::nullopt;
  }
  auto n = v->get<int64_t>();
  if (n < min || n > max) {
    return fail(name, "must be between " + std::to_string(min) + " and " + std::to_string(max)), std::nullopt;
  }
  return n;
}

std::optional<double> Fields::number(const char* name, bool required, double min, double max) {
  const nlohmann::json* v = take(name, required);
  if (!v) return std::nullopt;
  if (!v->is_number()) return fail(name, "must be a number"), std::nullopt;
  double n = v->get<double>();
  if (!std::isfinite(n) || n < min || n > max) return fail(name, "is out of range"), std::nullopt;
  return n;
}

std::optional<bool> Fields::boolean(const char* name) {
  const nlohmann::json* v = take(name, false);
  if (!v) return std::nullopt;
  if (!v->is_boolean()) return fail(name, "must be true or false"), std::nullopt;
  return v->get<bool>();
}

std::optional<nlohmann::json> Fields::object(const char* name, bool required) {
  const nlohmann::json* v = take(name, required);
  if (!v) return std::nullopt;
  if (!v->is_object()) return fail(name, "must be an object"), std::nullopt;
  return *v;
}

std::optional<std::string> Fields::object_text(const char* name, bool required, size_t max_bytes) {
  auto v = object(name, required);
  if (!v) return std::nullopt;
  std::string text = v->dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  if (text.size() > max_bytes)
    return fail(name, "is larger than " + std::to_string(max_bytes) + " bytes"), std::nullopt;
  return text;
}

std::optional<nlohmann::json> Fields::array(const char* name, bool required, size_t max_items) {
  const nlohmann::json* v = take(name, required);
  if (!v) return std::nullopt;
  if (!v->is_array()) return fail(name, "must be an array"), std::nullopt;
  if (v->size() > max_items) return fail(name, "has more than " + std::to_string(max_items) + " items"), std::nullopt;
  return *v;
}

std::optional<int64_t> Fields::timestamp(const char* name, bool required) {
  auto s = text(name, required, 64);
  if (!s) return std::nullopt;
  auto ms = parse_rfc3339(*s);
  if (!ms) return fail(name, "must be an RFC 3339 timestamp such as 2026-01-01T12:00:00Z"), std::nullopt;
  return ms;
}

std::optional<std::string> Fields::choice(const char* name, bool required,
                                          std::initializer_list<std::string_view> choices) {
  auto s = text(name, required, 64);
  if (!s) return std::nullopt;
  if (std::find(choices.begin(), choices.end(), *s) == choices.end()) {
    std::string list;
    for (auto c : choices) list += (list.empty() ? "" : ", ") + std::string(c);
    return fail(name, "must be one of " + list), std::nullopt;
  }
  return s;
}

std::optional<Problem> Fields::finish() const {
  if (error_) return error_;
  for (const auto& [key, value] : body_.items()) {
    if (!known_.count(key)) {
      Problem p = invalid_request(key, key + ": is not a member of this request");
      return p;
    }
  }
  return std::nullopt;
}

}  // namespace copilot::controlplane
