#pragma once
// Typed reads from a JSON mapping taken from .copilot.yaml, with errors that
// name the file, line and key ("FILE:LINE: key 'a.b.c': must be a string"),
// and a final check that no key was left unread (a misspelt key is an error,
// not a silently ignored setting).
#include <chrono>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "util/result.h"

namespace copilot::release {

class SettingsReader {
 public:
  SettingsReader(const nlohmann::json& values, std::string origin, std::string key);

  std::optional<std::string> string(const char* name, bool required = false);
  std::optional<double> number(const char* name, bool required = false);
  std::optional<bool> boolean(const char* name);
  /// A list of strings; a single string is read as a one-element list.
  std::optional<std::vector<std::string>> strings(const char* name, bool required = false);
  /// A command: a string run with `sh -c`, or a list run as argv.
  std::optional<std::vector<std::string>> command(const char* name, bool required = false);
  /// A mapping of strings to strings.
  std::optional<std::vector<std::pair<std::string, std::string>>> string_map(const char* name, bool required = false);
  /// A duration: "500ms", "30s", "2m", "1h", or a number of seconds.
  std::optional<std::chrono::milliseconds> duration(const char* name);

  /// The first problem met, or one for a key nobody read.
  Result<void> finish();
  const std::string& key() const { return key_; }

 private:
  const nlohmann::json* get(const char* name, bool required);
  void fail(const char* name, const std::string& problem);

  const nlohmann::json& values_;
  std::string origin_;
  std::string key_;
  std::set<std::string> read_;
  std::optional<Error> error_;
};

/// Parses "500ms", "30s", "2m", "1h" (or a bare number of seconds).
std::optional<std::chrono::milliseconds> parse_duration(const std::string& text);

}  // namespace copilot::release
