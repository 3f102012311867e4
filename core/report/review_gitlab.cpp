// GitLab Code Quality: the Code Climate subset GitLab reads for its merge
// request widget (description, check_name, fingerprint, severity, location).
#include <algorithm>
#include <map>

#include "report/review_formats.h"
#include "util/hash.h"
#include "util/strings.h"

namespace copilot::report {
namespace {

using json = nlohmann::ordered_json;
using review::Severity;

std::string_view gitlab_severity(Severity s) {
  switch (s) {
    case Severity::info: return "info";
    case Severity::low: return "minor";
    case Severity::medium: return "major";
    case Severity::high: return "critical";
    case Severity::critical: return "blocker";
  }
  return "major";
}

/// Code Climate's category names, which GitLab shows beside each issue.
std::string_view category(std::string_view agent) {
  if (agent == "security") return "Security";
  if (agent == "performance") return "Performance";
  if (agent == "style") return "Style";
  if (agent == "architecture") return "Complexity";
  return "Bug Risk";
}

}  // namespace

std::string write_review_gitlab(const review::ReviewResult& result, const WriterOptions&) {
  json issues = json::array();
  // GitLab keeps only the first issue per fingerprint, so repeats are made distinct.
  std::map<std::string, int> seen;
  for (const auto& f : result.findings) {
    std::string fingerprint = review_detail::fingerprint_of(f);
    if (int n = seen[fingerprint]++; n > 0) fingerprint = util::hash_hex(fingerprint + "#" + std::to_string(n));
    const auto& l = f.location;
    int begin = std::max(1, l.start_line);
    json issue = {
        {"type", "issue"},
        {"description", util::trim(f.message)},
        {"check_name", f.rule_id},
        {"fingerprint", fingerprint},
        {"severity", gitlab_severity(f.severity)},
        {"categories", json::array({category(f.agent)})},
        {"location", {{"path", l.file}, {"lines", {{"begin", begin}, {"end", std::max(begin, l.end_line)}}}}}};
    if (auto body = util::trim(f.rationale); !body.empty()) issue["content"] = {{"body", body}};
    issues.push_back(issue);
  }
  return issues.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

// A repository that could not be reviewed has no place in Code Quality: it is
// on stderr and in the exit code.
std::string combine_review_gitlab(const ReviewResults& results, const CombinedOptions& options) {
  return write_review_gitlab(review_detail::merged_from_cwd(results, options), review_detail::merged_options(options));
}

}  // namespace copilot::report
