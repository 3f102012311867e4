// The terminal report: one block per failure group, most frequent first, each
// starting with a clickable "file:line:col" and ending with where it was seen.
#include <fmt/format.h>

#include "report/review_formats.h"
#include "report/triage_formats.h"
#include "util/strings.h"

namespace copilot::report {
namespace {

constexpr size_t kDetailLines = 12;
constexpr size_t kShownOccurrences = 5;

struct Style {
  bool on;
  std::string operator()(std::string_view code, std::string_view text) const {
    return on ? fmt::format("\x1b[{}m{}\x1b[0m", code, text) : std::string(text);
  }
};

void append_group(std::string& out, size_t index, const triage::FailureGroup& g, const TriageWriterOptions& options) {
  Style style{options.color};
  const triage::Failure& f = g.failure;
  // Lead with what a terminal can open; a test without a file leads with its name.
  std::string where = triage_detail::location(g, options);
  std::string title = !where.empty() ? where : !f.test.empty() ? f.test : "(no file)";
  out += fmt::format("{}. {}: {} [{}]", index, style("1", title), style("1;31", triage::to_string(f.kind)), f.tool);
  if (g.count > 1) out += fmt::format(" x{}", g.count);
  out += "\n";
  if (!f.test.empty() && !where.empty()) out += "   test: " + f.test + "\n";
  out += "   " + f.message + "\n";
  if (!g.linked && !g.file.empty()) out += "   " + style("2", "not linked to the repository: " + g.link_note) + "\n";
  auto lines = util::split_lines(f.detail);
  for (size_t i = 0; i < lines.size() && i < kDetailLines; ++i) out += "   | " + std::string(lines[i]) + "\n";
  if (lines.size() > kDetailLines) out += fmt::format("   | [{} more lines]\n", lines.size() - kDetailLines);
  std::vector<std::string> seen;
  for (size_t i = 0; i < g.occurrences.size() && i < kShownOccurrences; ++i)
    seen.push_back(fmt::format("{}:{}", g.occurrences[i].log, g.occurrences[i].log_line));
  std::string more = g.count > seen.size() ? fmt::format(" and {} more", g.count - seen.size()) : "";
  out += "   " + style("2", "seen at " + util::join(seen, ", ") + more) + "\n";
}

}  // namespace

std::string write_triage_text(const triage::TriageReport& report, const TriageWriterOptions& options) {
  std::string out = "copilot triage: " + triage_detail::headline(report) + "\n";
  for (size_t i = 0; i < report.groups.size(); ++i) {
    out += "\n";
    append_group(out, i + 1, report.groups[i], options);
  }
  // Terminals show whatever bytes a log held; keep the report valid UTF-8.
  return review_detail::valid_utf8(out);
}

}  // namespace copilot::report
