#include "audit/input.h"

#include "util/strings.h"

namespace copilot::audit {
namespace {
std::string clip(std::string_view line) {
  line = util::trim(line);
  return std::string(line.substr(0, 200));
}
}  // namespace

Evidence evidence_at(const std::string& file, std::string_view content, size_t offset) {
  offset = std::min(offset, content.size());
  size_t begin = content.rfind('\n', offset == 0 ? 0 : offset - 1);
  begin = (begin == std::string_view::npos || offset == 0) ? 0 : begin + 1;
  if (offset > 0 && content[offset - 1] == '\n') begin = offset;
  size_t end = content.find('\n', offset);
  if (end == std::string_view::npos) end = content.size();
  return {file, util::line_of_offset(content, offset), clip(content.substr(begin, end - begin))};
}

Evidence evidence_line(const std::string& file, std::string_view content, int line) {
  auto lines = util::split_lines(content);
  std::string text = line >= 1 && static_cast<size_t>(line) <= lines.size() ? clip(lines[line - 1]) : "";
  return {file, line, text};
}

}  // namespace copilot::audit
