#pragma once
// Reads a JSON request body strictly: a member of the wrong type, out of range,
// missing, or not in the API at all is an error that names the member.
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <variant>

#include "http/problem.h"

namespace copilot::controlplane {

/// A value or the Problem to answer with.
template <typename T>
using Parsed = std::variant<T, Problem>;

class Fields {
 public:
  /// The body must be a JSON object (an empty body reads as `{}` only if `allow_empty`).
  static Parsed<Fields> parse(std::string_view body, bool allow_empty = false);

  std::optional<std::string> text(const char* name, bool required, size_t max_length = 256);
  /// An identifier-like name: letters, digits, `.`, `_`, `-`, at most 64 characters.
  std::optional<std::string> name(const char* name, bool required);
  std::optional<int64_t> integer(const char* name, bool required, int64_t min, int64_t max);
  std::optional<double> number(const char* name, bool required, double min, double max);
  std::optional<bool> boolean(const char* name);
  /// A JSON object, returned as its compact text (at most `max_bytes` of it).
  std::optional<std::string> object_text(const char* name, bool required, size_t max_bytes = 65536);
  std::optional<nlohmann::json> object(const char* name, bool required);
  std::optional<nlohmann::json> array(const char* name, bool required, size_t max_items);
  /// An RFC 3339 timestamp, as milliseconds.
  std::optional<int64_t> timestamp(const char* name, bool required);
  /// One of `choices`.
  std::optional<std::string> choice(const char* name, bool required, std::initializer_list<std::string_view> choices);

  /// Call after reading every member: the first error, or an unknown member.
  std::optional<Problem> finish() const;

 private:
  explicit Fields(nlohmann::json body) : body_(std::move(body)) {}
  const nlohmann::json* take(const char* name, bool required);
  void fail(const std::string& field, const std::string& message);

  nlohmann::json body_;
  std::set<std::string> known_;
  std::optional<Problem> error_;
};

/// Same strictness for query-string parameters: nullopt when `text` is not a valid name.
bool is_valid_name(std::string_view text);

}  // namespace copilot::controlplane
