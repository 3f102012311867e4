#pragma once
// Where results go besides the local report: Slack, Jira and Confluence. Each
// runs after the report is written, so a failing service loses nothing.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "config/config.h"
#include "review/finding.h"

namespace copilot::audit {
struct AuditReport;
}

namespace copilot::cli {

struct PublishFlags {
  std::vector<std::string> notify;  ///< "slack"
  bool jira = false;
  bool confluence = false;
};

/// `review --notify slack --jira`. Tries every destination asked for, then
/// throws Failure{kRuntime} naming each one that failed.
void publish_review(const PublishFlags& flags, const review::ReviewResult& result,
                    std::optional<review::Severity> fail_on, double min_confidence, const std::filesystem::path& root,
                    const config::Config& config);

/// `audit --notify slack --confluence`, likewise.
void publish_audit(const PublishFlags& flags, const audit::AuditReport& report, const std::filesystem::path& root,
                   const config::Config& config);

}  // namespace copilot::cli
