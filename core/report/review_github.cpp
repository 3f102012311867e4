// GitHub Actions workflow commands: the runner turns each line into an
// annotation on the pull request diff.
#include <fmt/format.h>

#include <algorithm>

#include "report/review_formats.h"
#include "util/strings.h"

namespace copilot::report {
namespace {

using review::Finding;
using review::Severity;
using review_detail::github_escape_data;
using review_detail::github_escape_property;

std::string_view command(Severity s) {
  switch (s) {
    case Severity::critical:
    case Severity::high: return "error";
    case Severity::medium: return "warning";
    case Severity::low:
    case Severity::info: return "notice";
  }
  return "warning";
}

std::string annotation(const Finding& f, review_detail::SourceLines& lines) {
  const auto& l = f.location;
  std::vector<std::string> props;
  props.push_back("file=" + github_escape_property(l.file));
  if (l.start_line > 0) props.push_back(fmt::format("line={}", l.start_line));
  if (l.end_line > 0) props.push_back(fmt::format("endLine={}", std::max(l.start_line, l.end_line)));
  // GitHub honours columns only on single-line annotations, counted like SARIF (UTF-16).
  if (l.start_line > 0 && l.end_line <= l.start_line && l.start_column > 0) {
    const std::string* text = lines.line(f, l.file, l.start_line);
    auto column = [&](int c) { return text ? review_detail::utf16_column(*text, c) : c; };
    props.push_back(fmt::format("col={}", column(l.start_column)));
    if (l.end_column > l.start_column) props.push_back(fmt::format("endColumn={}", column(l.end_column)));
  }
  props.push_back("title=" + github_escape_property(fmt::format("{} ({})", f.rule_id, review::to_string(f.severity))));

  // Rule text often ends in a newline (YAML block scalars); it would show as an empty line.
  std::string message(util::trim(f.message));
  if (auto fix = util::trim(f.fix_text); !fix.empty()) message += "\n\nFix: " + std::string(fix);
  std::string joined;
  for (const auto& p : props) joined += (joined.empty() ? "" : ",") + p;
  return fmt::format("::{} {}::{}\n", command(f.severity), joined, github_escape_data(message));
}

}  // namespace

std::string write_review_github(const review::ReviewResult& result, const WriterOptions& options) {
  review_detail::SourceLines lines(options);
  // GitHub shows only the first few annotations of each kind per step, so the
  // most severe go first; the sort is stable to keep file order within a severity.
  std::vector<const Finding*> order;
  for (const auto& f : result.findings) order.push_back(&f);
  std::stable_sort(order.begin(), order.end(),
                   [](const Finding* a, const Finding* b) { return a->severity > b->severity; });

  std::string out;
  for (const Finding* f : order) out += annotation(*f, lines);
  // Input that could not be reviewed (syntax errors, skipped files) is worth a quiet mention.
  for (const auto& n : result.notes) {
    std::string props = n.file.empty() ? "" : "file=" + github_escape_property(n.file);
    if (!n.file.empty() && n.line > 0) props += fmt::format(",line={}", n.line);
    props += std::string(props.empty() ? "" : ",") + "title=copilot review";
    out += fmt::format("::notice {}::{}\n", props, github_escape_data(n.message));
  }
  return out;
}

std::string combine_review_github(const ReviewResults& results, const CombinedOptions& options) {
  std::string out =
      write_review_github(review_detail::merged_from_cwd(results, options), review_detail::merged_options(options));
  for (const auto& o : results.outcomes) {
    if (o.status != batch::Status::error) continue;
    out += fmt::format("::error title=copilot review::{}\n",
                       github_escape_data(batch::where_listed(o.repo) + o.repo.path + ": " + o.error));
  }
  return out;
}

}  // namespace copilot::report
