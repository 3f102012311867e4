#pragma once
// Publishing a review to GitHub: one pull-request review with inline comments
// on the changed lines, a summary comment updated in place, and a check run.
// Re-runs are idempotent: every inline comment carries the finding's
// fingerprint, and findings already commented on the pull request are skipped.
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "remote/http.h"
#include "review/finding.h"
#include "util/result.h"

namespace copilot::remote::github {

struct PullRequest {
  int number = 0;
  std::string base_sha;
  std::string head_sha;
};

/// Where and as whom to post, from the variables GitHub Actions sets.
struct Context {
  std::string api_url = "https://api.github.com";  ///< no trailing slash
  std::string token;                               ///< never logged or put in a message
  std::string owner, repo;
  std::optional<PullRequest> pull_request;  ///< unset for push and other events
  std::string head_sha;                     ///< commit the check run is for: the PR head, else GITHUB_SHA
};

/// Looks a variable up; returns nullptr when it is unset (std::getenv fits).
using EnvLookup = std::function<const char*(const char* name)>;

/// Reads GITHUB_TOKEN, GITHUB_REPOSITORY, GITHUB_API_URL, GITHUB_EVENT_PATH
/// (a pull_request or pull_request_target event, or any other event) and
/// GITHUB_SHA. The error names the missing variable or the bad file and field.
Result<Context> context_from_environment(const EnvLookup& env);

struct PublishInput {
  const review::ReviewResult* result = nullptr;
  std::filesystem::path repo_root;  ///< the local clone, for the pull request's diff
  std::optional<review::Severity> fail_on;
  bool gate_failed = false;
  /// Text of a repository file, for UTF-16 annotation columns; may be null.
  std::function<std::string(const std::string& file)> read_file;
  std::string check_name = "copilot review";
};

struct PublishOutcome {
  int reviews_posted = 0;          ///< pull-request reviews created
  int comments_posted = 0;         ///< inline comments in them
  int comments_already_there = 0;  ///< findings skipped because an earlier run commented them
  int findings_in_summary = 0;     ///< findings listed in the summary instead of inline
  enum class Summary { none, created, updated, unchanged } summary = Summary::none;
  int check_run_requests = 0;  ///< 0 when the token may not create check runs
  std::vector<std::string> warnings;
};

/// Posts the review, the summary comment and the check run. Errors name the
/// request and carry GitHub's message and documentation link; a check run the
/// token may not create is only a warning.
Result<PublishOutcome> publish(const Context& context, const PublishInput& input, const HttpClient& http);

}  // namespace copilot::remote::github
