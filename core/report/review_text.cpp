// The terminal report: findings grouped by file, each with a code frame.
#include <fmt/format.h>

#include <map>

#include "report/review_formats.h"
#include "util/strings.h"

namespace copilot::report {
namespace {

using review::Finding;
using review::Severity;
using review_detail::code_points;

constexpr int kMaxFrameLines = 5;

struct Style {
  bool on;
  std::string operator()(std::string_view code, std::string_view s) const {
    return on ? fmt::format("\x1b[{}m{}\x1b[0m", code, s) : std::string(s);
  }
};

std::string_view severity_color(Severity s) {
  switch (s) {
    case Severity::critical: return "1;35";
    case Severity::high: return "1;31";
    case Severity::medium: return "33";
    case Severity::low: return "36";
    case Severity::info: return "34";
  }
  return "0";
}

/// Source text and messages go to a terminal: control characters in them
/// (escape sequences above all) must not reach it.
std::string printable(std::string_view s) {
  std::string out;
  for (char c : review_detail::valid_utf8(s)) {
    auto u = static_cast<unsigned char>(c);
    out += (u < 0x20 && c != '\t') || u == 0x7F ? std::string("\xEF\xBF\xBD") : std::string(1, c);
  }
  return out;
}

/// Writes `text` with every line after the first indented by `indent`.
void append_lines(std::string& out, std::string_view indent, std::string_view text, bool indent_first) {
  auto lines = util::split_lines(text);
  if (lines.empty()) out += '\n';
  for (size_t i = 0; i < lines.size(); ++i)
    out += (i > 0 || indent_first ? std::string(indent) : "") + printable(lines[i]) + "\n";
}

std::string plural(size_t n, std::string_view word) {
  return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s");
}

std::string location_string(const review::Location& l) {
  std::string s = printable(l.file);
  if (l.start_line > 0) s += fmt::format(":{}", l.start_line);
  if (l.start_line > 0 && l.start_column > 0) s += fmt::format(":{}", l.start_column);
  return s;
}

/// The `^~~~` line under a single-line location; tabs are kept so it lines up.
std::string underline(std::string_view line, int start_column, int end_column) {
  size_t start = std::min(static_cast<size_t>(start_column - 1), line.size());
  size_t end = end_column > start_column ? std::min(static_cast<size_t>(end_column - 1), line.size()) : start;
  std::string pad;
  for (size_t i = 0; i < start; ++i) {
    auto c = static_cast<unsigned char>(line[i]);
    if (c == '\t')
      pad += '\t';
    else if ((c & 0xC0) != 0x80)
      pad += ' ';
  }
  int width = std::max(1, code_points(line.substr(start, end - start)));
  return pad + "^" + std::string(width - 1, '~');
}

void append_frame(std::string& out, const Finding& f, review_detail::SourceLines& lines, const Style& style) {
  const auto& l = f.location;
  if (l.start_line < 1) return;
  int last = std::max(l.start_line, l.end_line);
  std::vector<std::pair<int, std::string>> shown;
  for (int n = l.start_line; n <= last && n < l.start_line + kMaxFrameLines; ++n) {
    const std::string* text = lines.line(f, l.file, n);
    if (!text) break;
    shown.emplace_back(n, *text);
  }
  if (shown.empty()) return;
  size_t width = std::to_string(shown.back().first).size();
  for (const auto& [n, text] : shown)
    out += fmt::format("  {}{}\n", style("2", fmt::format("{:>{}} |", n, width)),
                       text.empty() ? "" : " " + printable(text));
  if (static_cast<int>(shown.size()) < last - l.start_line + 1)
    out += fmt::format("  {} …\n", style("2", fmt::format("{:>{}} |", "", width)));
  bool one_line = l.end_line <= l.start_line;
  if (one_line && l.start_column > 0) {
    std::string mark = underline(shown.front().second, l.start_column, l.end_column);
    out += fmt::format("  {} {}\n", style("2", fmt::format("{:>{}} |", "", width)),
                       style(severity_color(f.severity), mark));
  }
}

void append_finding(std::string& out, const Finding& f, review_detail::SourceLines& lines, const Style& style) {
  auto message = util::split_lines(f.message);
  out += fmt::format("{}: {} {} {}\n", style("1", location_string(f.location)),
                     style(severity_color(f.severity), review::to_string(f.severity)),
                     style("2", "[" + printable(f.rule_id) + "]"), message.empty() ? "" : printable(message[0]));
  for (size_t i = 1; i < message.size(); ++i) out += "    " + printable(message[i]) + "\n";
  append_frame(out, f, lines, style);
  if (!f.rationale.empty()) append_lines(out, "    ", f.rationale, true);
  if (!f.fix_text.empty()) {
    out += "    " + style("32", "Fix:") + " ";
    append_lines(out, "      ", f.fix_text, false);
  }
  if (f.fix) {
    const auto& r = f.fix->range;
    std::string where = r.file == f.location.file ? "" : printable(r.file) + ":";
    where += fmt::format("{}:{}-{}:{}", r.start_line, r.start_column, r.end_line, r.end_column);
    out += fmt::format("    {} {} with:\n", style("32", "Suggested edit: replace"), where);
    append_lines(out, "      ", f.fix->text.empty() ? std::string_view("(nothing)") : f.fix->text, true);
  }
  if (!f.flow.empty()) {
    out += "    " + style("1", "Data flow:") + "\n";
    for (size_t i = 0; i < f.flow.size(); ++i) {
      out += fmt::format("      {}. {}: ", i + 1, location_string(f.flow[i].location));
      append_lines(out, "         ", f.flow[i].message, false);
    }
  }
}

std::string summary(const review::ReviewResult& r, size_t files_with_findings) {
  std::vector<std::string> hidden;
  if (r.suppressed_inline > 0) hidden.push_back(fmt::format("{} suppressed inline", r.suppressed_inline));
  if (r.suppressed_baseline > 0) hidden.push_back(fmt::format("{} in baseline", r.suppressed_baseline));
  if (r.filtered_by_diff > 0) hidden.push_back(fmt::format("{} outside the diff", r.filtered_by_diff));
  if (r.below_confidence > 0) hidden.push_back(fmt::format("{} below the confidence threshold", r.below_confidence));
  std::string tail = hidden.empty() ? "" : "; " + util::join(hidden, ", ");
  if (r.findings.empty()) return fmt::format("No findings in {}{}.", plural(r.files_reviewed, "file"), tail);

  int counts[5] = {};
  for (const auto& f : r.findings) ++counts[static_cast<int>(f.severity)];
  std::vector<std::string> parts;
  for (int s = 4; s >= 0; --s)
    if (counts[s] > 0) parts.push_back(fmt::format("{} {}", counts[s], review::to_string(static_cast<Severity>(s))));
  return fmt::format("{} ({}) in {}{}", plural(r.findings.size(), "finding"), util::join(parts, ", "),
                     plural(files_with_findings, "file"), tail);
}

}  // namespace

std::string write_review_text(const review::ReviewResult& result, const WriterOptions& options) {
  Style style{options.color};
  review_detail::SourceLines lines(options);

  // Group by file in order of first appearance; findings arrive sorted, but do not rely on it.
  std::vector<std::pair<std::string, std::vector<const Finding*>>> groups;
  std::map<std::string, size_t> index;
  for (const auto& f : result.findings) {
    auto [it, added] = index.emplace(f.location.file, groups.size());
    if (added) groups.emplace_back(f.location.file, std::vector<const Finding*>{});
    groups[it->second].second.push_back(&f);
  }

  std::string out;
  for (const auto& [file, findings] : groups) {
    out += style("1;4", printable(file)) + "\n\n";
    for (const Finding* f : findings) {
      append_finding(out, *f, lines, style);
      out += "\n";
    }
  }
  if (!result.notes.empty()) {
    out += style("1", "Notes:") + "\n";
    for (const auto& n : result.notes) {
      std::string where = n.file.empty() ? "" : n.line > 0 ? fmt::format("{}:{}: ", n.file, n.line) : n.file + ": ";
      out += "  " + printable(where);
      append_lines(out, "    ", n.message, false);
    }
    out += "\n";
  }
  out += style("1", summary(result, groups.size())) + "\n";
  if (result.llm) out += llm::summary_line(*result.llm) + "\n";
  return out;
}

std::string combine_review_text(const ReviewResults& results, const CombinedOptions& options) {
  auto section = [&](size_t i) {
    const RepoReview& r = *results.reports[i];
    return write_review_text(r.result, options_for_root(r.root, options.color));
  };
  return combined_text("review", results.outcomes, section, review_detail::review_totals(results), options.color);
}

}  // namespace copilot::report
