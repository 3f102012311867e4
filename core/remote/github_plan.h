#pragma once
// What to post to GitHub, decided without talking to it: findings, the pull
// request's diff and the fingerprints already commented go in; review
// batches, the summary comment and the check-run requests come out.
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "remote/github_diff.h"
#include "review/finding.h"

namespace copilot::remote::github {

// GitHub documents no cap on comments per review, but each comment is
// validated and notifies in one request that must finish within GitHub's
// 10-second API timeout, and content-creating requests count against the
// secondary rate limit. 100 comments keep a review request well inside both,
// and three of them (300 inline comments) are more than anyone reads on one
// pull request; further findings are listed in the summary.
constexpr size_t kCommentsPerReview = 100;
constexpr size_t kReviewsPerRun = 3;
/// The Checks API takes at most 50 annotations per request; later ones are
/// appended with PATCH. Past 500 (ten requests) they are counted, not sent.
constexpr size_t kAnnotationsPerRequest = 50;
constexpr size_t kMaxAnnotations = 500;
/// GitHub rejects issue-comment and check-run summary bodies over 65,536 characters.
constexpr size_t kMaxBodyChars = 65'000;

/// Marks the summary comment so re-runs find and edit it.
constexpr std::string_view kSummaryMarker = "<!-- copilot:review-summary -->";
/// `<!-- copilot:fingerprint=F -->`, carried by every inline comment.
std::string fingerprint_marker(const std::string& fingerprint);
/// Adds every fingerprint marked in `body` to `into`.
void collect_fingerprints(std::string_view body, std::set<std::string>& into);

struct InlineComment {
  const review::Finding* finding = nullptr;
  std::string path;
  LineRange lines;  ///< a single-line comment when first == last
  std::string body;
};

struct ReviewPlan {
  std::vector<std::vector<InlineComment>> reviews;   ///< one review request each, most severe first
  std::vector<const review::Finding*> outside_diff;  ///< no line of the finding is in the diff
  std::vector<const review::Finding*> over_limit;    ///< on the diff, past kReviewsPerRun reviews
  int already_commented = 0;                         ///< fingerprints an earlier run posted
};

/// Splits findings into inline comments (new ones only, batched) and the rest.
/// The cap counts comments already posted, so a re-run selects the same
/// findings and posts nothing new.
ReviewPlan plan_review(const std::vector<review::Finding>& findings, const DiffLines& diff,
                       const std::set<std::string>& existing_fingerprints);

/// The body of one inline comment, ending in its fingerprint marker.
std::string comment_body(const review::Finding& finding);

/// POST /repos/{o}/{r}/pulls/{n}/reviews: an event COMMENT review of `comments` on `commit_id`.
nlohmann::json review_request(const std::vector<InlineComment>& comments, const std::string& commit_id, size_t part,
                              size_t parts);

/// The gate as the summary and the check run state it.
struct Gate {
  std::optional<review::Severity> fail_on;
  bool failed = false;
};

struct SummaryInput {
  const review::ReviewResult* result = nullptr;
  Gate gate;
  const ReviewPlan* plan = nullptr;
  /// Findings of reviews GitHub refused (422), with its reason.
  std::vector<const review::Finding*> rejected;
  std::string rejected_reason;
  std::string head_sha;
};

/// The summary comment: marker, counts by severity, the gate, every finding
/// that is not an inline comment, and how many are. Stable for the same input,
/// so a re-run can leave it untouched.
std::string summary_body(const SummaryInput& input);

/// POST /repos/{o}/{r}/check-runs (`create`, with the first annotations), then
/// PATCH /repos/{o}/{r}/check-runs/{id} with `updates`, each appending more.
struct CheckRunPlan {
  nlohmann::json create;
  std::vector<nlohmann::json> updates;
};
CheckRunPlan plan_check_run(const std::string& name, const std::string& head_sha, const review::ReviewResult& result,
                            const Gate& gate, const std::function<std::string(const std::string&)>& read_file);

}  // namespace copilot::remote::github
