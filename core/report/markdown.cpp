#include "report/markdown.h"

#include <algorithm>

#include "report/review_formats.h"

namespace copilot::report {

std::string markdown_cell(std::string_view raw) {
  std::string out;
  for (char c : review_detail::valid_utf8(raw)) {
    if (c == '\r') continue;
    if (c == '\n') {
      out += "<br>";
      continue;
    }
    if (std::string_view("\\`*_[]<>|~&").find(c) != std::string_view::npos) out += '\\';
    out += c;
  }
  return out;
}

std::string markdown_code(std::string_view raw) {
  std::string s;
  for (char c : review_detail::valid_utf8(raw)) {
    if (c == '|')
      s += "\\|";
    else
      s += c == '\n' || c == '\r' ? ' ' : c;
  }
  std::string fence = s.find('`') == std::string::npos ? "`" : "`` ";
  return fence + s + (fence == "`" ? "`" : " ``");
}

std::string markdown_fence(std::string_view text, std::string_view language) {
  std::string body = review_detail::valid_utf8(text);
  size_t longest = 0, run = 0;
  for (char c : body) {
    run = c == '`' ? run + 1 : 0;
    longest = std::max(longest, run);
  }
  std::string fence(std::max<size_t>(3, longest + 1), '`');
  return fence + std::string(language) + "\n" + body + "\n" + fence + "\n";
}

}  // namespace copilot::report
