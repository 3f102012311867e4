#pragma once
// What the Slack, Jira and Confluence publishers share: where a run happened
// (repository, commit, CI run link), settings that may point at environment
// variables, and text that must fit a vendor's limits.
#include <map>
#include <string>
#include <string_view>

#include "util/result.h"

namespace copilot::remote {

using Environment = std::map<std::string, std::string>;

/// Where the results come from, shown in messages, issues and pages.
struct RunContext {
  std::string repository;  ///< "owner/name" in GitHub Actions, else the directory name
  std::string commit;      ///< full SHA, or "" when unknown
  std::string run_url;     ///< the CI run (GitHub Actions or Jenkins), or ""
};

/// Reads GITHUB_SERVER_URL/GITHUB_REPOSITORY/GITHUB_RUN_ID (and GITHUB_SHA),
/// or Jenkins' BUILD_URL (and GIT_COMMIT). `commit` from the review wins over
/// the environment; `directory_name` is used when GITHUB_REPOSITORY is unset.
RunContext run_context(const Environment& env, const std::string& directory_name, const std::string& commit);

/// Replaces each ${NAME} in a configuration value by that environment
/// variable, so URLs and keys need not be committed. `key` names the setting
/// in the error when a variable is unset or the syntax is broken.
Result<std::string> expand_environment(const std::string& value, const Environment& env, const std::string& key);

/// At most `max_bytes` bytes of `text`, never splitting a UTF-8 character;
/// "…" marks a cut. Vendors reject over-long fields instead of cutting them.
std::string truncate_utf8(std::string_view text, size_t max_bytes);

/// "https://hooks.slack.com/…": the scheme and host only, for URLs whose path is a secret.
std::string redact_url(std::string_view url);

/// Percent-encodes everything but RFC 3986 unreserved characters.
std::string url_encode(std::string_view text);

/// `base` without trailing slashes, then `path` (which starts with '/').
std::string join_url(std::string_view base, std::string_view path);

}  // namespace copilot::remote
