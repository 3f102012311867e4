#include "testgen/markers.h"

#include "util/strings.h"

namespace copilot::testgen {
namespace {

constexpr std::string_view kBegin = "copilot-gen: begin ";
constexpr std::string_view kEnd = "copilot-gen: end ";
constexpr std::string_view kRemoved = "copilot-gen: removed ";

// The id after `tag` on a comment line, or "".
std::string marker_id(std::string_view line, std::string_view comment, std::string_view tag) {
  std::string_view t = util::trim(line);
  if (!util::starts_with(t, comment)) return {};
  t = util::trim(t.substr(comment.size()));
  if (!util::starts_with(t, tag)) return {};
  t = t.substr(tag.size());
  return std::string(t.substr(0, t.find(' ')));
}

}  // namespace

bool MarkedFile::has(std::string_view id) const {
  for (const auto& b : blocks)
    if (b.id == id) return true;
  return removed.count(id) > 0;
}

MarkedFile scan_markers(std::string_view text, std::string_view comment) {
  MarkedFile f;
  size_t first_nl = text.find('\n');
  f.generated = util::contains(text.substr(0, first_nl), kGeneratedTag);
  size_t pos = 0;
  Block open;
  bool in_block = false;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    size_t next = nl == std::string_view::npos ? text.size() : nl + 1;
    std::string_view line = text.substr(pos, next - pos);
    if (std::string id = marker_id(line, comment, kBegin); !id.empty()) {
      open = Block{id, pos, 0};
      in_block = true;
    } else if (std::string id = marker_id(line, comment, kEnd); !id.empty() && in_block && id == open.id) {
      open.end = next;
      f.blocks.push_back(open);
      in_block = false;
    } else if (std::string id = marker_id(line, comment, kRemoved); !id.empty()) {
      f.removed.insert(id);
    }
    pos = next;
  }
  return f;
}

std::string begin_marker(std::string_view comment, std::string_view id) {
  return std::string(comment) + " " + std::string(kBegin) + std::string(id);
}
std::string end_marker(std::string_view comment, std::string_view id) {
  return std::string(comment) + " " + std::string(kEnd) + std::string(id);
}

int merge_blocks(std::string& text, std::string_view comment,
                 const std::vector<std::pair<std::string, std::string>>& blocks, int blank_lines) {
  MarkedFile f = scan_markers(text, comment);
  int added = 0;
  for (const auto& [id, block] : blocks) {
    if (f.has(id)) continue;
    if (!text.empty() && text.back() != '\n') text += '\n';
    text += std::string(static_cast<size_t>(blank_lines), '\n') + block;
    ++added;
  }
  return added;
}

bool remove_block(std::string& text, std::string_view comment, std::string_view id, std::string_view why) {
  MarkedFile f = scan_markers(text, comment);
  for (const auto& b : f.blocks) {
    if (b.id != id) continue;
    std::string tomb =
        std::string(comment) + " " + std::string(kRemoved) + std::string(id) + " (" + std::string(why) + ")\n";
    text.replace(b.begin, b.end - b.begin, tomb);
    return true;
  }
  return false;
}

bool remove_row(std::string& text, std::string_view comment, std::string_view id, std::string_view row,
                std::string_view any_row, std::string_view why) {
  MarkedFile f = scan_markers(text, comment);
  std::string needle(row);
  for (const auto& b : f.blocks) {
    if (b.id != id) continue;
    size_t at = text.find(needle, b.begin);
    if (at == std::string::npos || at >= b.end) return false;
    size_t line_begin = text.rfind('\n', at) + 1;
    size_t line_end = text.find('\n', at) + 1;
    text.erase(line_begin, line_end - line_begin);
    size_t block_end = b.end - (line_end - line_begin);
    if (text.find(any_row, b.begin) >= block_end) return remove_block(text, comment, id, why);
    return true;
  }
  return false;
}

}  // namespace copilot::testgen
