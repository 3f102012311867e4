#pragma once
// `--jira`: one Jira issue per finding at or above `jira.min_severity`, found
// again by its fingerprint on the next run (a label, or a custom field) so an
// open issue gets a comment or fresh fields instead of a duplicate.
#include <string>
#include <vector>

#include "config/config.h"
#include "remote/http.h"
#include "remote/jira_payload.h"
#include "remote/notify_common.h"
#include "review/finding.h"
#include "util/result.h"

namespace copilot::remote {

/// Checks the `jira:` settings and reads credentials (JIRA_USER + JIRA_API_TOKEN,
/// or JIRA_TOKEN); the error names what is missing.
Result<JiraSettings> jira_settings(const config::JiraConfig& config, const Environment& env);

struct JiraSyncResult {
  size_t eligible = 0;               ///< findings at or above the severity
  std::vector<std::string> created;  ///< issue keys
  std::vector<std::string> updated;  ///< issue keys commented on or rewritten
};

/// Searches open issues for the findings' fingerprints (batched JQL), updates
/// those found and creates the rest (one request, or /issue/bulk for several).
/// An error says what was already created or updated before it happened.
Result<JiraSyncResult> sync_jira(const std::vector<review::Finding>& findings, const JiraSettings& settings,
                                 const RunContext& context, const HttpClient& client);

}  // namespace copilot::remote
