// A Markdown summary for GITHUB_STEP_SUMMARY or a pull request comment: a table
// of failure groups, then each group's excerpt folded under <details>.
#include <fmt/format.h>

#include <cctype>

#include "report/markdown.h"
#include "report/review_formats.h"
#include "report/triage_formats.h"

namespace copilot::report {
namespace {

constexpr size_t kMaxRows = 100;
constexpr size_t kMaxDetails = 30;

/// Text inside an HTML element (<summary>), where Markdown escapes do not apply.
std::string html_text(std::string_view raw) {
  std::string out;
  for (char c : review_detail::valid_utf8(raw)) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '\n': out += ' '; break;
      default: out += c;
    }
  }
  return out;
}

}  // namespace

std::string write_triage_markdown(const triage::TriageReport& report, const TriageWriterOptions& options) {
  std::string out = "## copilot triage\n\n";
  std::string headline = triage_detail::headline(report);
  headline[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(headline[0])));
  out += markdown_cell(headline) + ".\n";
  if (report.groups.empty()) return out;

  out += "\n| # | Count | Kind | Tool | Location | Test | Message |\n";
  out += "| ---: | ---: | --- | --- | --- | --- | --- |\n";
  for (size_t i = 0; i < report.groups.size() && i < kMaxRows; ++i) {
    const auto& g = report.groups[i];
    std::string where = triage_detail::location(g, options);
    if (!where.empty()) where = markdown_code(where) + (g.linked ? "" : " (not linked)");
    std::string test = g.failure.test.empty() ? "" : markdown_code(g.failure.test);
    out += fmt::format("| {} | {} | {} | {} | {} | {} | {} |\n", i + 1, g.count, triage::to_string(g.failure.kind),
                       markdown_cell(g.failure.tool), where, test, markdown_cell(g.failure.message));
  }
  if (report.groups.size() > kMaxRows)
    out += fmt::format("\n... and {} more groups\n", report.groups.size() - kMaxRows);

  for (size_t i = 0; i < report.groups.size() && i < kMaxDetails; ++i) {
    const auto& g = report.groups[i];
    if (g.failure.detail.empty()) continue;
    std::string title = g.failure.test.empty() ? triage_detail::location(g, options) : g.failure.test;
    if (title.empty()) title = g.failure.tool;
    out += fmt::format("\n<details><summary>{}. {}</summary>\n\n{}\n</details>\n", i + 1, html_text(title),
                       markdown_fence(g.failure.detail, "text"));
  }
  return out;
}

}  // namespace copilot::report
