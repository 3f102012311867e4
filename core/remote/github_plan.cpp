#include "remote/github_plan.h"

#include <fmt/format.h>

#include <algorithm>
#include <regex>

#include "report/review_formats.h"
#include "util/strings.h"

namespace copilot::remote::github {
namespace {

using review::Finding;

/// Text from a rule or the code, made safe to embed: an HTML comment opener
/// could hide the rest of the body or forge a marker.
std::string inert(std::string_view raw) {
  std::string s = report::review_detail::valid_utf8(util::trim(raw));
  for (size_t at = s.find("<!--"); at != std::string::npos; at = s.find("<!--", at)) s.replace(at, 1, "&lt;");
  return s;
}

}  // namespace

std::string fingerprint_marker(const std::string& fingerprint) {
  return "<!-- copilot:fingerprint=" + fingerprint + " -->";
}

void collect_fingerprints(std::string_view body, std::set<std::string>& into) {
  static const std::regex marker(R"(<!-- copilot:fingerprint=(\S+?) -->)");
  std::string text(body);
  for (auto it = std::sregex_iterator(text.begin(), text.end(), marker); it != std::sregex_iterator(); ++it)
    into.insert((*it)[1].str());
}

std::string comment_body(const Finding& f) {
  std::string out = fmt::format("**{}** · {} · `{}`\n\n{}\n", review::to_string(f.severity),
                                f.agent.empty() ? "review" : f.agent, f.rule_id, inert(f.message));
  if (auto fix = inert(f.fix_text); !fix.empty()) out += "\n**Fix:** " + fix + "\n";
  std::vector<std::string> refs = f.cwe;
  refs.insert(refs.end(), f.owasp.begin(), f.owasp.end());
  if (!refs.empty()) out += "\n<sub>" + util::join(refs, " · ") + "</sub>\n";
  return out + fingerprint_marker(report::review_detail::fingerprint_of(f));
}

ReviewPlan plan_review(const std::vector<Finding>& findings, const DiffLines& diff,
                       const std::set<std::string>& existing_fingerprints) {
  std::vector<const Finding*> order;
  for (const auto& f : findings) order.push_back(&f);
  // The cap keeps the first findings, so they should be the most severe.
  std::stable_sort(order.begin(), order.end(),
                   [](const Finding* a, const Finding* b) { return a->severity > b->severity; });

  ReviewPlan plan;
  std::vector<InlineComment> fresh;
  std::set<std::string> seen;
  size_t inline_total = 0;
  for (const Finding* f : order) {
    std::string fingerprint = report::review_detail::fingerprint_of(*f);
    if (existing_fingerprints.count(fingerprint)) {
      ++plan.already_commented;
      ++inline_total;
      continue;
    }
    auto anchor = comment_anchor(diff, f->location);
    if (!anchor) {
      plan.outside_diff.push_back(f);
      continue;
    }
    if (!seen.insert(fingerprint).second) continue;  // the same finding twice says nothing new
    if (inline_total >= kCommentsPerReview * kReviewsPerRun) {
      plan.over_limit.push_back(f);
      continue;
    }
    ++inline_total;
    fresh.push_back({f, f->location.file, *anchor, comment_body(*f)});
  }
  for (size_t i = 0; i < fresh.size(); i += kCommentsPerReview) {
    size_t end = std::min(fresh.size(), i + kCommentsPerReview);
    plan.reviews.emplace_back(fresh.begin() + static_cast<std::ptrdiff_t>(i),
                              fresh.begin() + static_cast<std::ptrdiff_t>(end));
  }
  return plan;
}

nlohmann::json review_request(const std::vector<InlineComment>& comments, const std::string& commit_id, size_t part,
                              size_t parts) {
  nlohmann::json items = nlohmann::json::array();
  for (const auto& c : comments) {
    nlohmann::json item = {{"path", c.path}, {"line", c.lines.last}, {"side", "RIGHT"}, {"body", c.body}};
    if (c.lines.first < c.lines.last) {
      item["start_line"] = c.lines.first;
      item["start_side"] = "RIGHT";
    }
    items.push_back(std::move(item));
  }
  std::string body = fmt::format("**copilot review**: {} finding{} on the changed lines", comments.size(),
                                 comments.size() == 1 ? "" : "s");
  if (parts > 1) body += fmt::format(" (part {} of {})", part, parts);
  body += ". Counts and the gate result are in the summary comment.";
  return {{"commit_id", commit_id}, {"event", "COMMENT"}, {"body", body}, {"comments", items}};
}

}  // namespace copilot::remote::github
