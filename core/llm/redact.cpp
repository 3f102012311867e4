#include "llm/redact.h"

#include <arpa/inet.h>
#include <re2/re2.h>

#include <algorithm>
#include <cctype>
#include <memory>
#include <vector>

#include "audit/secrets.h"

namespace copilot::llm {
namespace {

struct Span {
  size_t offset, length;
  const char* kind;
};

struct Pattern {
  const char* kind;
  std::unique_ptr<RE2> re;  ///< group 1 is the value to hide
  bool ipv6 = false;        ///< candidates checked by plausible_ipv6
};

bool word_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
}

// A candidate that is really an IPv6 address: inet_pton accepts it, it has a
// decimal digit (so `Bad::add` in C++ stays), and it is not glued to a word.
bool plausible_ipv6(std::string_view text, size_t at, size_t length) {
  std::string value(text.substr(at, length));
  if (std::none_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; })) return false;
  if (at > 0 && (word_char(text[at - 1]) || text[at - 1] == '.')) return false;
  if (at + length < text.size() && (word_char(text[at + length]) || text[at + length] == '.')) return false;
  in6_addr addr;
  return inet_pton(AF_INET6, value.c_str(), &addr) == 1;
}

const std::vector<Pattern>& patterns() {
  static const std::vector<Pattern> table = [] {
    std::vector<Pattern> p;
    auto add = [&](const char* kind, const char* re, bool ipv6 = false) {
      p.push_back({kind, std::make_unique<RE2>(re), ipv6});
    };
    add("TOKEN", R"((?i)\bbearer\s+([A-Za-z0-9_\-.=/+~]{16,}))");
    add("TOKEN", R"(\b(eyJ[A-Za-z0-9_\-]{8,}\.eyJ[A-Za-z0-9_\-]{8,}\.[A-Za-z0-9_\-]{8,}))");
    add("EMAIL", R"(\b([A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,})\b)");
    add("IP", R"((?:^|[^0-9.])((?:(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\.){3})"
              R"((?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9]))(?:[^0-9.]|$))");
    add("IP", R"(((?:[0-9A-Fa-f]{0,4}:){2,7}[0-9A-Fa-f]{0,4}))", true);
    return p;
  }();
  return table;
}

bool overlaps(const std::vector<Span>& spans, size_t offset, size_t length) {
  return std::any_of(spans.begin(), spans.end(),
                     [&](const Span& s) { return offset < s.offset + s.length && s.offset < offset + length; });
}

}  // namespace

std::string Redactor::placeholder_for(const std::string& value, const char* kind) {
  auto it = placeholder_of_value_.find(value);
  if (it != placeholder_of_value_.end()) return it->second;
  std::string placeholder = std::string("<<") + kind + "_" + std::to_string(++counters_[kind]) + ">>";
  placeholder_of_value_.emplace(value, placeholder);
  value_of_placeholder_.emplace(placeholder, value);
  return placeholder;
}

std::string Redactor::redact(std::string_view text, std::string_view path) {
  std::vector<Span> spans;
  for (const auto& s : audit::find_secret_spans(path, text)) spans.push_back({s.offset, s.length, "SECRET"});
  for (const auto& pattern : patterns()) {
    re2::StringPiece input(text.data(), text.size()), groups[2];
    size_t at = 0;
    while (at < text.size() && pattern.re->Match(input, at, text.size(), RE2::UNANCHORED, groups, 2)) {
      const re2::StringPiece& value = groups[1];
      size_t whole = static_cast<size_t>(groups[0].data() - text.data());
      if (value.data() == nullptr || value.empty()) {
        at = whole + std::max<size_t>(groups[0].size(), 1);
        continue;
      }
      size_t offset = static_cast<size_t>(value.data() - text.data());
      at = offset + value.size();
      if (overlaps(spans, offset, value.size())) continue;
      if (pattern.ipv6 && !plausible_ipv6(text, offset, value.size())) continue;
      spans.push_back({offset, value.size(), pattern.kind});
    }
  }
  if (spans.empty()) return std::string(text);
  std::sort(spans.begin(), spans.end(), [](const Span& a, const Span& b) { return a.offset < b.offset; });
  std::lock_guard lock(mutex_);
  std::string out;
  out.reserve(text.size());
  size_t at = 0;
  for (const auto& s : spans) {
    out.append(text.substr(at, s.offset - at));
    out += placeholder_for(std::string(text.substr(s.offset, s.length)), s.kind);
    at = s.offset + s.length;
  }
  out.append(text.substr(at));
  return out;
}

std::string Redactor::restore(std::string_view text) const {
  std::lock_guard lock(mutex_);
  if (value_of_placeholder_.empty()) return std::string(text);
  std::string out;
  size_t at = 0;
  for (size_t open = text.find("<<"); open != std::string_view::npos; open = text.find("<<", open + 2)) {
    size_t close = text.find(">>", open + 2);
    if (close == std::string_view::npos) break;
    auto it = value_of_placeholder_.find(std::string(text.substr(open, close + 2 - open)));
    if (it == value_of_placeholder_.end()) continue;
    out.append(text.substr(at, open - at));
    out += it->second;
    at = close + 2;
    open = close;
  }
  out.append(text.substr(at));
  return out;
}

void Redactor::restore(nlohmann::json& doc) const {
  if (doc.is_string()) {
    doc = restore(doc.get<std::string>());
  } else if (doc.is_structured()) {
    for (auto& item : doc) restore(item);
  }
}

size_t Redactor::replaced() const {
  std::lock_guard lock(mutex_);
  return placeholder_of_value_.size();
}

}  // namespace copilot::llm
