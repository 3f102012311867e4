#pragma once
// `--notify slack`: a short summary of a review or an audit, posted to a Slack
// incoming webhook as Block Kit blocks with a plain `text` fallback.
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "remote/http.h"
#include "remote/notify_common.h"
#include "review/finding.h"
#include "util/result.h"

namespace copilot::audit {
struct AuditReport;
}

namespace copilot::remote {

/// One line of the summary: `where` rule — message.
struct SummaryItem {
  std::string where;  ///< "file:line", or "" when the item has no location
  std::string rule;
  std::string message;
};

/// What a notification says, whichever command produced it.
struct NotifySummary {
  std::string title;                ///< "copilot review: 3 findings"
  std::vector<std::string> facts;   ///< short mrkdwn lines: counts by severity, readiness score
  std::optional<bool> gate_passed;  ///< nullopt when no gate was asked for
  std::string gate_rule;            ///< what the gate checks, e.g. "--fail-on high"
  std::vector<SummaryItem> top;     ///< most important first, at most kTopItems
  size_t not_listed = 0;            ///< items left out of `top`
};

inline constexpr size_t kTopItems = 10;

/// Counts by severity, the gate's verdict and the most severe findings first.
NotifySummary summarize_review(const review::ReviewResult& result, std::optional<review::Severity> fail_on,
                               double min_confidence);

/// The readiness score, what was counted, then secrets and failed readiness checks.
NotifySummary summarize_audit(const audit::AuditReport& report);

/// The webhook payload: `text` (notification fallback) and `blocks` (header,
/// counts and gate, top findings, and a context line with the repository,
/// commit and CI run). Every string is escaped for mrkdwn and cut to Slack's limits.
nlohmann::json slack_message(const NotifySummary& summary, const RunContext& context);

/// COPILOT_SLACK_WEBHOOK, else `configured` (notify.slack.webhook_url, with ${VARIABLE}s expanded).
Result<std::string> slack_webhook_url(const std::string& configured, const Environment& env);

/// Posts `message`; Slack answers "ok", or an error word (invalid_payload,
/// no_text, channel_not_found, ...) which the error quotes. The webhook's
/// secret path never appears in an error.
Result<void> post_to_slack(const std::string& webhook_url, const nlohmann::json& message, const HttpClient& client);

}  // namespace copilot::remote
