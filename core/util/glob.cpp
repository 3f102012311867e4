#include "util/glob.h"

namespace copilot::util {
namespace {

bool match_class(std::string_view& p, char c) {
  // p starts just after '['.
  bool negate = !p.empty() && (p[0] == '!' || p[0] == '^');
  if (negate) p.remove_prefix(1);
  bool hit = false;
  bool first = true;
  while (!p.empty() && (first || p[0] != ']')) {
    first = false;
    char lo = p[0];
    if (p.size() >= 3 && p[1] == '-' && p[2] != ']') {
      if (c >= lo && c <= p[2]) hit = true;
      p.remove_prefix(3);
    } else {
      if (c == lo) hit = true;
      p.remove_prefix(1);
    }
  }
  if (!p.empty()) p.remove_prefix(1);  // ']'
  return hit != negate;
}

bool match_here(std::string_view p, std::string_view s) {
  while (!p.empty()) {
    if (p.substr(0, 2) == "**") {
      std::string_view rest = p.substr(2);
      bool slash_after = !rest.empty() && rest[0] == '/';
      if (slash_after) rest.remove_prefix(1);
      if (rest.empty()) return true;
      // `**/` matches zero or more whole segments.
      for (size_t i = 0; i <= s.size(); ++i) {
        if ((i == 0 || s[i - 1] == '/' || !slash_after) && match_here(rest, s.substr(i))) return true;
      }
      return false;
    }
    char pc = p[0];
    if (pc == '*') {
      std::string_view rest = p.substr(1);
      for (size_t i = 0; i <= s.size(); ++i) {
        if (match_here(rest, s.substr(i))) return true;
        if (i < s.size() && s[i] == '/') return false;
      }
      return false;
    }
    if (s.empty()) return false;
    if (pc == '?') {
      if (s[0] == '/') return false;
    } else if (pc == '[') {
      std::string_view cls = p.substr(1);
      if (!match_class(cls, s[0])) return false;
      p = cls;
      s.remove_prefix(1);
      continue;
    } else if (pc == '\\' && p.size() > 1) {
      p.remove_prefix(1);
      if (p[0] != s[0]) return false;
    } else if (pc != s[0]) {
      return false;
    }
    p.remove_prefix(1);
    s.remove_prefix(1);
  }
  return s.empty();
}

}  // namespace

bool glob_match(std::string_view pattern, std::string_view path) {
  if (pattern.empty()) return false;
  bool dir_only = pattern.back() == '/';
  if (dir_only) pattern.remove_suffix(1);
  bool anchored = pattern.find('/') != std::string_view::npos;
  if (!pattern.empty() && pattern[0] == '/') pattern.remove_prefix(1);
  // Try the pattern against every prefix of the path that ends at a segment
  // boundary, so "build/" and "docs/*.md" match files below them.
  for (size_t start = 0; start <= path.size();) {
    std::string_view tail = path.substr(start);
    for (size_t end = 0; end <= tail.size(); ++end) {
      if (end == tail.size() || tail[end] == '/') {
        bool is_dir_prefix = end < tail.size();
        if ((!dir_only || is_dir_prefix) && match_here(pattern, tail.substr(0, end))) return true;
      }
    }
    if (anchored) break;
    size_t slash = path.find('/', start);
    if (slash == std::string_view::npos) break;
    start = slash + 1;
  }
  return false;
}

}  // namespace copilot::util
