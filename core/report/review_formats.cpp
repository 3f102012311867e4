#include "report/review_formats.h"

#include <algorithm>
#include <cstdint>

#include "util/hash.h"
#include "util/strings.h"

namespace copilot::report {

const std::vector<ReviewFormat>& review_formats() {
  static const std::vector<ReviewFormat> formats = {
      {"text", "txt", "human-readable, grouped by file, with code frames", write_review_text, combine_review_text},
      {"json", "json", "the documented JSON report (schemas/review.schema.json)", write_review_json,
       combine_review_json},
      {"sarif", "sarif", "SARIF 2.1.0, for GitHub code scanning and SARIF viewers", write_review_sarif,
       combine_review_sarif},
      {"github", "txt", "GitHub Actions workflow commands (annotations)", write_review_github, combine_review_github},
      {"gitlab", "json", "GitLab Code Quality report", write_review_gitlab, combine_review_gitlab},
      {"checkstyle", "xml", "Checkstyle XML", write_review_checkstyle, combine_review_checkstyle},
      {"junit", "xml", "JUnit XML, one failing test case per finding", write_review_junit, combine_review_junit},
      {"markdown", "md", "Markdown summary, e.g. for GITHUB_STEP_SUMMARY", write_review_markdown,
       combine_review_markdown},
  };
  return formats;
}

const ReviewFormat* find_review_format(std::string_view name) {
  for (const auto& f : review_formats())
    if (name == f.name) return &f;
  return nullptr;
}

std::string review_format_names() {
  std::string out;
  for (const auto& f : review_formats()) out += (out.empty() ? "" : ", ") + std::string(f.name);
  return out;
}

namespace review_detail {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

/// Length of the valid UTF-8 sequence at s[i], or 0 when it is invalid.
size_t utf8_sequence(std::string_view s, size_t i, uint32_t* code_point) {
  auto b = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char c = b(i);
  size_t len;
  uint32_t cp, min;
  if (c < 0x80) {
    *code_point = c;
    return 1;
  } else if ((c & 0xE0) == 0xC0) {
    len = 2, cp = c & 0x1F, min = 0x80;
  } else if ((c & 0xF0) == 0xE0) {
    len = 3, cp = c & 0x0F, min = 0x800;
  } else if ((c & 0xF8) == 0xF0) {
    len = 4, cp = c & 0x07, min = 0x10000;
  } else {
    return 0;
  }
  if (i + len > s.size()) return 0;
  for (size_t k = 1; k < len; ++k) {
    if ((b(i + k) & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (b(i + k) & 0x3F);
  }
  // Overlong forms, UTF-16 surrogates and values past U+10FFFF are not UTF-8.
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  *code_point = cp;
  return len;
}

}  // namespace

std::string valid_utf8(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    uint32_t cp;
    size_t n = utf8_sequence(s, i, &cp);
    if (n == 0) {
      out += kReplacement;
      ++i;
    } else {
      out.append(s.substr(i, n));
      i += n;
    }
  }
  return out;
}

std::string xml_escape(std::string_view raw, bool attribute) {
  std::string s = valid_utf8(raw);
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    uint32_t cp;
    size_t n = utf8_sequence(s, i, &cp);
    std::string_view seq(s.data() + i, n);
    i += n;
    switch (cp) {
      case '&': out += "&amp;"; continue;
      case '<': out += "&lt;"; continue;
      case '>': out += "&gt;"; continue;
      case '"': out += attribute ? "&quot;" : "\""; continue;
      case '\'': out += attribute ? "&apos;" : "'"; continue;
      // Parsers normalise raw whitespace in attributes to spaces; references survive.
      case '\n': out += attribute ? "&#10;" : "\n"; continue;
      case '\r': out += "&#13;"; continue;
      case '\t': out += attribute ? "&#9;" : "\t"; continue;
      default: break;
    }
    // XML 1.0 cannot carry other C0 controls or U+FFFE/U+FFFF, even escaped.
    if (cp < 0x20 || cp == 0xFFFE || cp == 0xFFFF) continue;
    out += seq;
  }
  return out;
}

std::string github_escape_data(std::string_view s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '%': out += "%25"; break;
      case '\r': out += "%0D"; break;
      case '\n': out += "%0A"; break;
      default: out += c;
    }
  }
  return out;
}

std::string github_escape_property(std::string_view s) {
  std::string out;
  for (char c : github_escape_data(s)) {
    switch (c) {
      case ':': out += "%3A"; break;
      case ',': out += "%2C"; break;
      default: out += c;
    }
  }
  return out;
}

int utf16_column(std::string_view line, int byte_column) {
  if (byte_column <= 1) return byte_column;
  size_t offset = static_cast<size_t>(byte_column - 1);
  size_t end = std::min(offset, line.size());
  int units = 0;
  for (size_t i = 0; i < end; ++i) {
    auto c = static_cast<unsigned char>(line[i]);
    if ((c & 0xC0) != 0x80) ++units;  // each lead byte starts one code point
    if (c >= 0xF0) ++units;           // beyond the BMP: a surrogate pair
  }
  return units + static_cast<int>(offset - end) + 1;
}

int code_points(std::string_view s) {
  int n = 0;
  for (char c : s)
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
  return n;
}

std::string fingerprint_of(const review::Finding& f) {
  if (!f.fingerprint.empty()) return f.fingerprint;
  // Without a snippet the line is the best anchor left, though it moves with edits.
  std::string anchor = f.snippet.empty() ? std::to_string(f.location.start_line) : std::string(util::trim(f.snippet));
  std::string key = f.rule_id + '\0' + f.location.file + '\0' + anchor;
  return util::hash_hex(key);
}

std::string uri_encode_path(std::string_view path) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (char ch : path) {
    auto c = static_cast<unsigned char>(ch);
    bool keep = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
                c == '_' || c == '~' || c == '/';
    if (keep) {
      out += ch;
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 0xF];
    }
  }
  return out;
}

/// Text in a table cell: Markdown punctuation is escaped so messages render
/// literally (no stray emphasis, HTML or broken columns); newlines become <br>.
std::string markdown_cell(std::string_view raw) {
  std::string out;
  for (char c : valid_utf8(raw)) {
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

/// A code span in a table cell; GFM still splits cells on a bare '|' inside one.
std::string markdown_code(std::string_view raw) {
  std::string s;
  for (char c : valid_utf8(raw)) {
    if (c == '|')
      s += "\\|";
    else
      s += c == '\n' || c == '\r' ? ' ' : c;
  }
  std::string fence = s.find('`') == std::string::npos ? "`" : "`` ";
  return fence + s + (fence == "`" ? "`" : " ``");
}

const std::string* SourceLines::line(const std::string& file, int line) {
  if (!options_.read_file || line < 1) return nullptr;
  auto it = files_.find(file);
  if (it == files_.end()) {
    std::string content = options_.read_file(file);
    std::vector<std::string> lines;
    for (auto l : util::split_lines(content)) lines.emplace_back(l);
    it = files_.emplace(file, std::move(lines)).first;
  }
  if (static_cast<size_t>(line) > it->second.size()) return nullptr;
  return &it->second[line - 1];
}

const std::string* SourceLines::line(const review::Finding& f, const std::string& file, int line) {
  if (const std::string* text = this->line(file, line)) return text;
  if (file == f.location.file && line == f.location.start_line && !f.snippet.empty()) return &f.snippet;
  return nullptr;
}

}  // namespace review_detail
}  // namespace copilot::report
