#include "publish.h"

#include <spdlog/spdlog.h>

#include <algorithm>

#include "audit/audit.h"
#include "context.h"
#include "remote/confluence.h"
#include "remote/jira.h"
#include "remote/slack.h"
#include "util/strings.h"
#include "workspace/git.h"

namespace copilot::cli {
namespace {

bool wants_slack(const PublishFlags& flags) {
  return std::find(flags.notify.begin(), flags.notify.end(), "slack") != flags.notify.end();
}

/// Collects failures so one broken service does not stop the others.
class Outcomes {
 public:
  void failed(const Error& e) { failures_.push_back(e.message); }
  void finish() const {
    if (!failures_.empty()) throw Failure{kRuntime, util::join(failures_, "\n  ")};
  }

 private:
  std::vector<std::string> failures_;
};

void notify_slack(const remote::NotifySummary& summary, const remote::RunContext& ctx, const config::Config& config,
                  const remote::Environment& env, const remote::HttpClient& client, Outcomes& outcomes) {
  auto url = remote::slack_webhook_url(config.slack_webhook_url, env);
  if (!url) return outcomes.failed(url.error());
  if (auto posted = remote::post_to_slack(*url, remote::slack_message(summary, ctx), client); !posted)
    return outcomes.failed(posted.error());
  spdlog::info("slack: posted the summary");
}

std::string head_commit(const std::filesystem::path& root) {
  auto repo = workspace::Repo::discover(root);
  if (!repo) return "";
  auto sha = (*repo)->resolve("HEAD");
  return sha ? *sha : "";
}

std::string directory_name(const std::filesystem::path& root) {
  std::error_code ec;
  return std::filesystem::weakly_canonical(root, ec).filename().string();
}

}  // namespace

void publish_review(const PublishFlags& flags, const review::ReviewResult& result,
                    std::optional<review::Severity> fail_on, double min_confidence, const std::filesystem::path& root,
                    const config::Config& config) {
  if (!wants_slack(flags) && !flags.jira) return;
  auto env = config::process_environment();
  remote::HttpClient client;
  // Whole-tree reviews carry no head commit; the checkout's HEAD is the next best.
  auto ctx =
      remote::run_context(env, directory_name(root), result.head_sha.empty() ? head_commit(root) : result.head_sha);
  Outcomes outcomes;
  if (wants_slack(flags))
    notify_slack(remote::summarize_review(result, fail_on, min_confidence), ctx, config, env, client, outcomes);
  if (flags.jira) {
    auto settings = remote::jira_settings(config.jira, env);
    auto synced = settings ? remote::sync_jira(result.findings, *settings, ctx, client)
                           : Result<remote::JiraSyncResult>(settings.error());
    if (!synced)
      outcomes.failed(synced.error());
    else
      spdlog::info("jira: {} findings at or above {}: created {} [{}], updated {} [{}]", synced->eligible,
                   config.jira.min_severity, synced->created.size(), util::join(synced->created, ", "),
                   synced->updated.size(), util::join(synced->updated, ", "));
  }
  outcomes.finish();
}

void publish_audit(const PublishFlags& flags, const audit::AuditReport& report, const std::filesystem::path& root,
                   const config::Config& config) {
  if (!wants_slack(flags) && !flags.confluence) return;
  auto env = config::process_environment();
  remote::HttpClient client;
  auto ctx = remote::run_context(env, report.project, report.git ? head_commit(root) : "");
  Outcomes outcomes;
  if (wants_slack(flags)) notify_slack(remote::summarize_audit(report), ctx, config, env, client, outcomes);
  if (flags.confluence) {
    auto settings = remote::confluence_settings(config.confluence, env);
    auto page = settings ? remote::publish_page(remote::audit_page(report, ctx, settings->title), *settings, client)
                         : Result<remote::PublishedPage>(settings.error());
    if (!page)
      outcomes.failed(page.error());
    else
      spdlog::info("confluence: {} page {} (version {}) {}", page->created ? "created" : "updated", page->id,
                   page->version, page->url);
  }
  outcomes.finish();
}

}  // namespace copilot::cli
