#include "audit/input.h"

#include "audit/secrets.h"
#include "util/strings.h"

namespace copilot::audit {
namespace {
// Evidence lines are trimmed, cut on a UTF-8 boundary and have secrets redacted.
std::string clip(const std::string& file, std::string_view line) {
  return evidence_text(file, line);
}
}  // namespace

Evidence evidence_at(const std::string& file, std::string_view content, size_t offset) {
  offset = std::min(offset, content.size());
  size_t begin = content.rfind('\n', offset == 0 ? 0 : offset - 1);
  begin = (begin == std::string_view::npos || offset == 0) ? 0 : begin + 1;
  if (offset > 0 && content[offset - 1] == '\n') begin = offset;
  size_t end = content.find('\n', offset);
  if (end == std::string_view::npos) end = content.size();
  return {file, util::line_of_offset(content, offset), clip(file, content.substr(begin, end - begin))};
}

Evidence evidence_line(const std::string& file, std::string_view content, int line) {
  auto lines = util::split_lines(content);
  std::string text = line >= 1 && static_cast<size_t>(line) <= lines.size() ? clip(file, lines[line - 1]) : "";
  return {file, line, text};
}

}  // namespace copilot::audit
