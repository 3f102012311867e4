#include "release/settings_reader.h"

#include <cmath>

namespace copilot::release {

SettingsReader::SettingsReader(const nlohmann::json& values, std::string origin, std::string key)
    : values_(values), origin_(std::move(origin)), key_(std::move(key)) {
  if (!values_.is_object()) error_ = Error{origin_ + ": key '" + key_ + "': must be a mapping"};
}

void SettingsReader::fail(const char* name, const std::string& problem) {
  if (!error_) error_ = Error{origin_ + ": key '" + key_ + "." + name + "': " + problem};
}

const nlohmann::json* SettingsReader::get(const char* name, bool required) {
  read_.insert(name);
  if (!values_.is_object()) return nullptr;
  auto it = values_.find(name);
  if (it == values_.end() || it->is_null()) {
    if (required) fail(name, "is required");
    return nullptr;
  }
  return &*it;
}

std::optional<std::string> SettingsReader::string(const char* name, bool required) {
  const nlohmann::json* v = get(name, required);
  if (!v) return std::nullopt;
  if (v->is_string()) return v->get<std::string>();
  if (v->is_number() || v->is_boolean()) return v->dump();
  fail(name, "must be a string");
  return std::nullopt;
}

std::optional<double> SettingsReader::number(const char* name, bool required) {
  const nlohmann::json* v = get(name, required);
  if (!v) return std::nullopt;
  if (v->is_number()) return v->get<double>();
  if (v->is_string()) {
    try {
      size_t used = 0;
      double d = std::stod(v->get<std::string>(), &used);
      if (used == v->get<std::string>().size() && std::isfinite(d)) return d;
    } catch (const std::exception&) {
    }
  }
  fail(name, "must be a number");
  return std::nullopt;
}

std::optional<bool> SettingsReader::boolean(const char* name) {
  const nlohmann::json* v = get(name, false);
  if (!v) return std::nullopt;
  if (v->is_boolean()) return v->get<bool>();
  if (v->is_string() && (*v == "true" || *v == "false")) return *v == "true";
  fail(name, "must be true or false");
  return std::nullopt;
}

std::optional<std::vector<std::string>> SettingsReader::strings(const char* name, bool required) {
  const nlohmann::json* v = get(name, required);
  if (!v) return std::nullopt;
  if (v->is_string()) return std::vector<std::string>{v->get<std::string>()};
  if (v->is_array()) {
    std::vector<std::string> out;
    for (const auto& item : *v) {
      if (item.is_string())
        out.push_back(item.get<std::string>());
      else if (item.is_number())
        out.push_back(item.dump());
      else {
        fail(name, "must be a list of strings");
        return std::nullopt;
      }
    }
    return out;
  }
  fail(name, "must be a string or a list of strings");
  return std::nullopt;
}

std::optional<std::vector<std::string>> SettingsReader::command(const char* name, bool required) {
  const nlohmann::json* v = get(name, required);
  if (!v) return std::nullopt;
  if (v->is_string()) {
    if (v->get<std::string>().empty()) {
      fail(name, "must not be empty");
      return std::nullopt;
    }
    return std::vector<std::string>{"/bin/sh", "-c", v->get<std::string>()};
  }
  read_.erase(name);
  auto list = strings(name, required);
  if (list && list->empty()) {
    fail(name, "must not be empty");
    return std::nullopt;
  }
  return list;
}

std::optional<std::vector<std::pair<std::string, std::string>>> SettingsReader::string_map(const char* name,
                                                                                           bool required) {
  const nlohmann::json* v = get(name, required);
  if (!v) return std::nullopt;
  if (!v->is_object()) {
    fail(name, "must be a mapping");
    return std::nullopt;
  }
  std::vector<std::pair<std::string, std::string>> out;
  for (auto it = v->begin(); it != v->end(); ++it) {
    if (!it->is_string() && !it->is_number()) {
      fail(name, "value of '" + it.key() + "' must be a string");
      return std::nullopt;
    }
    out.emplace_back(it.key(), it->is_string() ? it->get<std::string>() : it->dump());
  }
  return out;
}

std::optional<std::chrono::milliseconds> parse_duration(const std::string& text) {
  size_t used = 0;
  double amount = 0;
  try {
    amount = std::stod(text, &used);
  } catch (const std::exception&) {
    return std::nullopt;
  }
  if (!std::isfinite(amount) || amount < 0) return std::nullopt;
  std::string unit = text.substr(used);
  double ms = 0;
  if (unit.empty() || unit == "s")
    ms = amount * 1000;
  else if (unit == "ms")
    ms = amount;
  else if (unit == "m")
    ms = amount * 60'000;
  else if (unit == "h")
    ms = amount * 3'600'000;
  else
    return std::nullopt;
  return std::chrono::milliseconds(static_cast<long long>(std::llround(ms)));
}

std::optional<std::chrono::milliseconds> SettingsReader::duration(const char* name) {
  const nlohmann::json* v = get(name, false);
  if (!v) return std::nullopt;
  std::string text = v->is_string() ? v->get<std::string>() : v->is_number() ? v->dump() : "";
  if (auto d = parse_duration(text)) return d;
  fail(name, "must be a duration such as 500ms, 30s, 2m or 1h");
  return std::nullopt;
}

Result<void> SettingsReader::finish() {
  if (error_) return *error_;
  if (values_.is_object())
    for (auto it = values_.begin(); it != values_.end(); ++it)
      if (!read_.count(it.key())) return Error{origin_ + ": key '" + key_ + "." + it.key() + "': unknown setting"};
  return {};
}

}  // namespace copilot::release
