// The summary comment and the check run: the parts of a GitHub publication
// that describe the whole review rather than one line.
#include <fmt/format.h>

#include <algorithm>

#include "remote/github_plan.h"
#include "report/review_formats.h"
#include "util/strings.h"

namespace copilot::remote::github {
namespace {

using review::Finding;

std::string plural(size_t n, std::string_view word) {
  return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s");
}

std::string gate_line(const Gate& gate) {
  if (!gate.fail_on) return "Gate: none (`--fail-on` is not set).";
  std::string level(review::to_string(*gate.fail_on));
  return gate.failed ? "Gate: **failed**: findings at or above `" + level + "`."
                     : "Gate: passed: no finding at or above `" + level + "`.";
}

std::string headline(const review::ReviewResult& r) {
  if (r.findings.empty()) return fmt::format("No findings in {} reviewed.", plural(r.files_reviewed, "file"));
  return fmt::format("**{}** in {} reviewed.", plural(r.findings.size(), "finding"), plural(r.files_reviewed, "file"));
}

std::vector<const Finding*> most_severe_first(std::vector<const Finding*> findings) {
  std::stable_sort(findings.begin(), findings.end(),
                   [](const Finding* a, const Finding* b) { return a->severity > b->severity; });
  return findings;
}

void append_section(std::string& out, std::string_view title, std::string_view why,
                    const std::vector<const Finding*>& findings, size_t rows) {
  if (findings.empty()) return;
  out += fmt::format("\n### {} ({})\n\n{}\n\n", title, findings.size(), why);
  out += report::review_detail::markdown_findings(most_severe_first(findings), rows);
}

std::string render_summary(const SummaryInput& in, size_t rows) {
  const auto& r = *in.result;
  std::string out =
      std::string(kSummaryMarker) + "\n## copilot review\n\n" + headline(r) + "\n" + gate_line(in.gate) + "\n";
  if (!r.findings.empty()) out += "\n" + report::review_detail::markdown_counts(r);
  append_section(out, "Outside the diff",
                 "These are on lines this pull request does not change, so they cannot be "
                 "review comments.",
                 in.plan->outside_diff, rows);
  append_section(out, "Not commented inline",
                 fmt::format("These are on the diff, past the {} inline comments a run posts.",
                             kCommentsPerReview * kReviewsPerRun),
                 in.plan->over_limit, rows);
  append_section(out, "Refused by GitHub",
                 "GitHub refused the review carrying these (" + in.rejected_reason + "), so they are listed here.",
                 in.rejected, rows);

  size_t planned = 0;
  for (const auto& review : in.plan->reviews) planned += review.size();
  size_t commented = in.plan->already_commented + planned - std::min(planned, in.rejected.size());
  if (commented > 0)
    out += fmt::format(
        "\n{} {} commented on the changed lines. Each comment carries a fingerprint, so re-runs post only new "
        "findings and edit this summary in place.\n",
        plural(commented, "finding"), commented == 1 ? "is" : "are");
  std::string head = in.head_sha.substr(0, 12);
  out += fmt::format("\n<sub>copilot {}{}</sub>\n", r.tool_version, head.empty() ? "" : " · " + head);
  return out;
}

std::string_view annotation_level(review::Severity s) {
  switch (s) {
    case review::Severity::critical:
    case review::Severity::high: return "failure";
    case review::Severity::medium: return "warning";
    case review::Severity::low:
    case review::Severity::info: return "notice";
  }
  return "warning";
}

nlohmann::json annotation(const Finding& f, report::review_detail::SourceLines& lines) {
  const auto& l = f.location;
  int start = std::max(1, l.start_line);
  int end = std::max(start, l.end_line);
  std::string message(util::trim(f.message));
  if (auto fix = util::trim(f.fix_text); !fix.empty()) message += "\n\nFix: " + std::string(fix);
  nlohmann::json a = {{"path", l.file},
                      {"start_line", start},
                      {"end_line", end},
                      {"annotation_level", annotation_level(f.severity)},
                      {"title", fmt::format("{} ({})", f.rule_id, review::to_string(f.severity))},
                      {"message", report::review_detail::valid_utf8(message)}};
  // GitHub takes columns only on single-line annotations, counted in UTF-16 units.
  if (start == end && l.start_line > 0 && l.start_column > 0) {
    const std::string* text = lines.line(f, l.file, l.start_line);
    auto column = [&](int c) { return text ? report::review_detail::utf16_column(*text, c) : c; };
    a["start_column"] = column(l.start_column);
    a["end_column"] = column(std::max(l.start_column, l.end_column));
  }
  return a;
}

}  // namespace

std::string summary_body(const SummaryInput& input) {
  for (size_t rows : {100, 40, 10}) {
    std::string body = render_summary(input, rows);
    if (body.size() <= kMaxBodyChars) return body;
  }
  return render_summary(input, 0);
}

CheckRunPlan plan_check_run(const std::string& name, const std::string& head_sha, const review::ReviewResult& result,
                            const Gate& gate, const std::function<std::string(const std::string&)>& read_file) {
  std::vector<const Finding*> order;
  for (const auto& f : result.findings) order.push_back(&f);
  order = most_severe_first(std::move(order));

  report::WriterOptions options;
  options.read_file = read_file;
  report::review_detail::SourceLines lines(options);
  std::vector<nlohmann::json> annotations;
  for (size_t i = 0; i < order.size() && i < kMaxAnnotations; ++i) annotations.push_back(annotation(*order[i], lines));

  std::string title = result.findings.empty() ? "No findings" : plural(result.findings.size(), "finding");
  if (gate.fail_on) title += gate.failed ? ", gate failed" : ", gate passed";
  std::string summary = headline(result) + "\n" + gate_line(gate) + "\n";
  if (!result.findings.empty()) summary += "\n" + report::review_detail::markdown_counts(result);
  if (order.size() > kMaxAnnotations)
    summary += fmt::format("\nAnnotations show the {} most severe of {} findings.\n", kMaxAnnotations, order.size());

  auto output = [&](size_t from) {
    size_t to = std::min(annotations.size(), from + kAnnotationsPerRequest);
    nlohmann::json batch = nlohmann::json::array();
    for (size_t i = from; i < to; ++i) batch.push_back(annotations[i]);
    return nlohmann::json{{"title", title}, {"summary", summary}, {"annotations", batch}};
  };
  CheckRunPlan plan;
  plan.create = {{"name", name},
                 {"head_sha", head_sha},
                 {"status", "completed"},
                 {"conclusion", !gate.fail_on ? "neutral"
                                : gate.failed ? "failure"
                                              : "success"},
                 {"output", output(0)}};
  for (size_t from = kAnnotationsPerRequest; from < annotations.size(); from += kAnnotationsPerRequest)
    plan.updates.push_back({{"output", output(from)}});
  return plan;
}

}  // namespace copilot::remote::github
