#pragma once
// Jira requests built from findings, with no I/O: issue fields (wiki text for
// REST v2, Atlassian Document Format for v3), comments, the batched JQL that
// finds open issues by fingerprint, and the plan of what to create or update.
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "remote/notify_common.h"
#include "review/finding.h"

namespace copilot::remote {

/// The `jira:` settings, resolved: URL expanded, severity parsed, credentials read.
struct JiraSettings {
  std::string base_url;
  std::string project;
  std::string issue_type = "Bug";
  int api_version = 3;
  review::Severity min_severity = review::Severity::high;
  std::vector<std::string> labels;
  std::map<std::string, std::string> fields;      ///< custom field id → template
  std::map<std::string, std::string> priorities;  ///< severity → priority name
  std::string fingerprint_field;                  ///< customfield_NNNNN, or "" for labels
  bool comment_on_existing = true;                ///< else rewrite the issue's fields
  std::string authorization;                      ///< the Authorization header value
};

/// "copilot-" and the fingerprint's first 16 characters.
std::string fingerprint_label(const std::string& fingerprint);

/// Replaces {{rule_id}}, {{agent}}, {{severity}}, {{file}}, {{line}},
/// {{fingerprint}} and {{message}} (config::kJiraPlaceholders) with the finding's values.
std::string render_template(const std::string& text, const review::Finding& finding);

/// A one-line summary within Jira's 255 characters: "rule: message (file)".
std::string issue_summary(const review::Finding& finding);

/// The description in Jira wiki markup (REST v2), with markup characters escaped.
std::string wiki_description(const review::Finding& finding, const RunContext& context);

/// The description as an ADF document (REST v3): {"type":"doc","version":1,"content":[...]}.
nlohmann::json adf_description(const review::Finding& finding, const RunContext& context);

/// `fields` for creating an issue: project, issuetype, summary, description,
/// labels (with the fingerprint label), priority when mapped, custom fields.
nlohmann::json create_fields(const review::Finding& finding, const JiraSettings& settings, const RunContext& context);

/// `fields` for rewriting an existing issue: summary, description, priority, custom fields.
nlohmann::json update_fields(const review::Finding& finding, const JiraSettings& settings, const RunContext& context);

/// The body of POST .../issue/{key}/comment saying the finding was seen again.
nlohmann::json comment_body(const review::Finding& finding, const JiraSettings& settings, const RunContext& context);

/// JQL finding open issues of the project for these fingerprints, at most
/// `batch` fingerprints per query (labels in (...) or cf[N] ~ "..." OR ...).
std::vector<std::string> search_jql(const std::vector<std::string>& fingerprints, const JiraSettings& settings,
                                    size_t batch = 50);

/// The fields a search must return to map its issues back to fingerprints.
std::vector<std::string> search_fields(const JiraSettings& settings);

/// Which of `wanted` fingerprints an issue from a search result carries, or "".
std::string fingerprint_of(const nlohmann::json& issue, const JiraSettings& settings,
                           const std::set<std::string>& wanted);

struct JiraPlan {
  std::vector<const review::Finding*> create;
  std::vector<std::pair<std::string, const review::Finding*>> update;  ///< issue key, finding
};

/// Findings at or above `min_severity`, each once: those with an open issue
/// (fingerprint → key) are updated, the rest created.
JiraPlan plan_issues(const std::vector<review::Finding>& findings, review::Severity min_severity,
                     const std::map<std::string, std::string>& open_issues);

/// The fingerprints worth searching for: findings at or above `min_severity`.
std::vector<std::string> eligible_fingerprints(const std::vector<review::Finding>& findings,
                                               review::Severity min_severity);

}  // namespace copilot::remote
