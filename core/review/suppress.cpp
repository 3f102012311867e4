#include "review/suppress.h"

#include "util/strings.h"

namespace copilot::review {
namespace {

bool line_ignores(std::string_view text, std::string_view rule_id) {
  size_t pos = 0;
  while ((pos = text.find("copilot-ignore[", pos)) != std::string_view::npos) {
    size_t open = pos + 15, close = text.find(']', open);
    if (close == std::string_view::npos) return false;
    for (auto id : util::split(text.substr(open, close - open), ',')) {
      id = util::trim(id);
      if (id == "*" || id == rule_id) return true;
    }
    pos = close;
  }
  return false;
}

std::string_view nth_line(std::string_view s, int line) {
  size_t pos = 0;
  for (int i = 1; i < line; ++i) {
    pos = s.find('\n', pos);
    if (pos == std::string_view::npos) return {};
    ++pos;
  }
  size_t end = s.find('\n', pos);
  return s.substr(pos, end == std::string_view::npos ? std::string_view::npos : end - pos);
}

}  // namespace

bool suppressed_inline(std::string_view source, int line, std::string_view rule_id) {
  if (source.find("copilot-ignore[") == std::string_view::npos) return false;
  if (line_ignores(nth_line(source, line), rule_id)) return true;
  return line > 1 && line_ignores(nth_line(source, line - 1), rule_id);
}

}  // namespace copilot::review
