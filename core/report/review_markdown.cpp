// A Markdown summary for GITHUB_STEP_SUMMARY or a merge request comment:
// counts by severity and agent, then the findings, most severe first.
#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "report/markdown.h"
#include "report/review_formats.h"
#include "util/strings.h"

namespace copilot::report {
namespace {

using review::Finding;
using review::Severity;

constexpr size_t kMaxRows = 200;
constexpr std::string_view kAgentOrder[] = {"security", "style", "logic", "performance", "architecture"};

std::vector<std::string> agents_of(const review::ReviewResult& r) {
  std::vector<std::string> found;
  for (const auto& f : r.findings)
    if (std::find(found.begin(), found.end(), f.agent) == found.end()) found.push_back(f.agent);
  auto rank = [](const std::string& a) {
    auto it = std::find(std::begin(kAgentOrder), std::end(kAgentOrder), a);
    return static_cast<size_t>(it - std::begin(kAgentOrder));
  };
  std::sort(found.begin(), found.end(),
            [&](const auto& a, const auto& b) { return rank(a) != rank(b) ? rank(a) < rank(b) : a < b; });
  return found;
}

std::string hidden_counts(const review::ReviewResult& r) {
  std::vector<std::string> parts;
  if (r.suppressed_inline > 0) parts.push_back(fmt::format("{} suppressed inline", r.suppressed_inline));
  if (r.suppressed_baseline > 0) parts.push_back(fmt::format("{} in baseline", r.suppressed_baseline));
  if (r.filtered_by_diff > 0) parts.push_back(fmt::format("{} outside the diff", r.filtered_by_diff));
  if (r.below_confidence > 0) parts.push_back(fmt::format("{} below the confidence threshold", r.below_confidence));
  return parts.empty() ? "" : "Not shown: " + util::join(parts, ", ") + ".\n";
}

}  // namespace

namespace review_detail {

std::string markdown_counts(const review::ReviewResult& r) {
  std::string out;
  auto agents = agents_of(r);
  std::map<std::pair<int, std::string>, int> counts;
  for (const auto& f : r.findings) ++counts[{static_cast<int>(f.severity), f.agent}];

  out += "| Severity |";
  for (const auto& a : agents) out += " " + markdown_cell(a.empty() ? "(none)" : a) + " |";
  out += " Total |\n| --- |";
  for (size_t i = 0; i <= agents.size(); ++i) out += " ---: |";
  out += "\n";
  for (int s = 4; s >= 0; --s) {
    int total = 0;
    std::string row = fmt::format("| {} |", review::to_string(static_cast<Severity>(s)));
    for (const auto& a : agents) {
      int n = counts[{s, a}];
      total += n;
      row += fmt::format(" {} |", n);
    }
    out += row + fmt::format(" {} |\n", total);
  }
  out += "| **Total** |";
  for (const auto& a : agents) {
    int n = 0;
    for (int s = 0; s <= 4; ++s) n += counts[{s, a}];
    out += fmt::format(" **{}** |", n);
  }
  out += fmt::format(" **{}** |\n", r.findings.size());
  return out;
}

std::string markdown_findings(const std::vector<const Finding*>& findings, size_t max_rows) {
  std::string out = "| Severity | Rule | Location | Message |\n| --- | --- | --- | --- |\n";
  for (size_t i = 0; i < findings.size() && i < max_rows; ++i) {
    const Finding& f = *findings[i];
    std::string where = f.location.file + (f.location.start_line > 0 ? fmt::format(":{}", f.location.start_line) : "");
    out += fmt::format("| {} | {} | {} | {} |\n", review::to_string(f.severity), markdown_code(f.rule_id),
                       markdown_code(where), markdown_cell(util::trim(f.message)));
  }
  if (findings.size() > max_rows) out += fmt::format("\n… and {} more\n", findings.size() - max_rows);
  return out;
}

}  // namespace review_detail

std::string write_review_markdown(const review::ReviewResult& result, const WriterOptions&) {
  std::string out = "## copilot review\n\n";
  auto files = [](size_t n) { return fmt::format("{} file{}", n, n == 1 ? "" : "s"); };
  if (result.findings.empty()) {
    out += fmt::format("No findings in {}.\n", files(result.files_reviewed));
    if (auto hidden = hidden_counts(result); !hidden.empty()) out += "\n" + hidden;
    return out;
  }

  std::vector<const Finding*> order;
  std::vector<std::string> paths;
  for (const auto& f : result.findings) {
    order.push_back(&f);
    if (std::find(paths.begin(), paths.end(), f.location.file) == paths.end()) paths.push_back(f.location.file);
  }
  // Only the first rows are shown, so they should be the most severe.
  std::stable_sort(order.begin(), order.end(),
                   [](const Finding* a, const Finding* b) { return a->severity > b->severity; });

  size_t n = result.findings.size();
  out += fmt::format("**{} finding{}** in {} ({} reviewed).\n", n, n == 1 ? "" : "s", files(paths.size()),
                     files(result.files_reviewed));
  if (auto hidden = hidden_counts(result); !hidden.empty()) out += hidden;
  out += "\n";
  out += review_detail::markdown_counts(result);
  out += "\n### Findings\n\n" + review_detail::markdown_findings(order, kMaxRows);
  return out;
}

std::string combine_review_markdown(const ReviewResults& results, const CombinedOptions&) {
  auto section = [&](size_t i) {
    const RepoReview& r = *results.reports[i];
    return write_review_markdown(r.result, options_for_root(r.root, false));
  };
  return combined_markdown("review", results.outcomes, section, review_detail::review_totals(results));
}

}  // namespace copilot::report
