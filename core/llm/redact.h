#pragma once
// Nothing secret leaves the machine: before a prompt is sent, secrets (found
// by the audit's secret scanner) and common personal data (e-mail addresses,
// IPv4 and IPv6 addresses, bearer tokens, JSON Web Tokens) are replaced by
// placeholders such as <<SECRET_1>>. The same value always gets the same
// placeholder within a run, and answers that quote a placeholder get the
// original back.
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace copilot::llm {

class Redactor {
 public:
  /// `path` is the file the text comes from, if any (the secret scanner judges
  /// some patterns by file type).
  std::string redact(std::string_view text, std::string_view path = "");
  /// Puts the originals back where the text names a placeholder this redactor made.
  std::string restore(std::string_view text) const;
  /// The same for every string in a JSON document (keys untouched).
  void restore(nlohmann::json& doc) const;
  /// How many distinct values were replaced so far.
  size_t replaced() const;

 private:
  std::string placeholder_for(const std::string& value, const char* kind);
  mutable std::mutex mutex_;
  std::map<std::string, std::string> placeholder_of_value_;
  std::map<std::string, std::string> value_of_placeholder_;
  std::map<std::string, int> counters_;
};

}  // namespace copilot::llm
