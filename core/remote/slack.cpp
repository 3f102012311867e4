#include "remote/slack.h"

#include <fmt/format.h>

#include <algorithm>

#include "audit/audit.h"
#include "review/review.h"
#include "util/strings.h"

namespace copilot::remote {
namespace {

// Block Kit limits (characters; we count bytes, which is never more).
constexpr size_t kHeaderLimit = 150;
constexpr size_t kSectionLimit = 3000;
constexpr size_t kItemMessageLimit = 200;

/// Slack reads &, < and > as markup in mrkdwn and in `text`.
std::string mrkdwn_escape(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '&')
      out += "&amp;";
    else if (c == '<')
      out += "&lt;";
    else if (c == '>')
      out += "&gt;";
    else
      out += c;
  }
  return out;
}

/// Backticks cannot be escaped inside inline code, so they are swapped for a look-alike.
std::string inline_code(std::string_view s) {
  std::string out;
  for (char c : s) out += c == '`' ? std::string("\u02cb") : std::string(1, c);
  return "`" + mrkdwn_escape(out) + "`";
}

std::string one_line(std::string_view s) {
  std::string out(s);
  std::replace(out.begin(), out.end(), '\n', ' ');
  std::replace(out.begin(), out.end(), '\r', ' ');
  return out;
}

nlohmann::json mrkdwn_section(const std::string& text) {
  return {{"type", "section"}, {"text", {{"type", "mrkdwn"}, {"text", truncate_utf8(text, kSectionLimit)}}}};
}

std::string gate_line(const NotifySummary& s) {
  if (!s.gate_passed) return "";
  return *s.gate_passed ? fmt::format(":white_check_mark: *Gate passed* ({})", mrkdwn_escape(s.gate_rule))
                        : fmt::format(":x: *Gate failed* ({})", mrkdwn_escape(s.gate_rule));
}

std::string context_line(const RunContext& ctx) {
  std::vector<std::string> parts;
  if (!ctx.repository.empty())
    parts.push_back(mrkdwn_escape(ctx.repository) + (ctx.commit.empty() ? "" : "@" + ctx.commit.substr(0, 12)));
  if (!ctx.run_url.empty()) parts.push_back("<" + mrkdwn_escape(ctx.run_url) + "|CI run>");
  return util::join(parts, " \u00b7 ");
}

}  // namespace

NotifySummary summarize_review(const review::ReviewResult& result, std::optional<review::Severity> fail_on,
                               double min_confidence) {
  NotifySummary s;
  size_t n = result.findings.size();
  s.title = n == 0 ? "copilot review: no findings" : fmt::format("copilot review: {} finding{}", n, n == 1 ? "" : "s");
  int counts[5] = {};
  for (const auto& f : result.findings) ++counts[static_cast<int>(f.severity)];
  std::vector<std::string> by_severity;
  for (int i = 4; i >= 0; --i)
    by_severity.push_back(fmt::format("{} {}", counts[i], review::to_string(static_cast<review::Severity>(i))));
  s.facts.push_back("*Findings:* " + util::join(by_severity, " \u00b7 "));
  s.facts.push_back(fmt::format("*Scope:* {}, {} files reviewed", mrkdwn_escape(result.scope), result.files_reviewed));
  if (fail_on) {
    s.gate_passed = !review::gate_fails(result, fail_on, min_confidence);
    s.gate_rule = "--fail-on " + std::string(review::to_string(*fail_on));
  }
  std::vector<const review::Finding*> order;
  for (const auto& f : result.findings) order.push_back(&f);
  // Findings arrive sorted by location; a stable sort keeps that order within a severity.
  std::stable_sort(order.begin(), order.end(), [](const auto* a, const auto* b) { return a->severity > b->severity; });
  for (const auto* f : order) {
    if (s.top.size() == kTopItems) break;
    s.top.push_back({fmt::format("{}:{}", f->location.file, f->location.start_line), f->rule_id, f->message});
  }
  s.not_listed = order.size() - s.top.size();
  return s;
}

NotifySummary summarize_audit(const audit::AuditReport& report) {
  NotifySummary s;
  s.title = "copilot audit: " + report.project;
  size_t failed = std::count_if(report.readiness.items.begin(), report.readiness.items.end(),
                                [](const auto& i) { return !i.passed; });
  s.facts.push_back(fmt::format("*Readiness:* {}/100 ({} of {} checks failed)", report.readiness.score, failed,
                                report.readiness.items.size()));
  const auto& total = report.languages.total;
  s.facts.push_back(fmt::format("*Code:* {} lines in {} files, {} languages", total.code, total.files,
                                report.languages.languages.size()));
  s.facts.push_back(fmt::format("*Secrets:* {} found", report.secrets.findings.size()));
  std::vector<SummaryItem> items;
  for (const auto& f : report.secrets.findings)
    items.push_back(
        {fmt::format("{}:{}", f.file, f.match.line), f.match.rule, f.match.description + " " + f.match.redacted});
  for (const auto& i : report.readiness.items)
    if (!i.passed) items.push_back({"", "readiness/" + i.id, i.title + ": " + i.reason});
  for (auto& item : items) {
    if (s.top.size() == kTopItems) break;
    s.top.push_back(std::move(item));
  }
  s.not_listed = items.size() - s.top.size();
  return s;
}

nlohmann::json slack_message(const NotifySummary& summary, const RunContext& context) {
  std::string title = one_line(summary.title);
  std::string gate = gate_line(summary);
  std::string facts = util::join(summary.facts, "\n") + (gate.empty() ? "" : "\n" + gate);

  nlohmann::json blocks = nlohmann::json::array();
  blocks.push_back({{"type", "header"},
                    {"text", {{"type", "plain_text"}, {"text", truncate_utf8(title, kHeaderLimit)}, {"emoji", true}}}});
  blocks.push_back(mrkdwn_section(facts));
  if (!summary.top.empty()) {
    std::string list = "*Top findings*";
    for (const auto& item : summary.top) {
      list += "\n\u2022 ";
      if (!item.where.empty()) list += inline_code(item.where) + " ";
      list += mrkdwn_escape(item.rule) + " \u2014 " +
              mrkdwn_escape(truncate_utf8(one_line(item.message), kItemMessageLimit));
    }
    if (summary.not_listed) list += fmt::format("\n_and {} more_", summary.not_listed);
    blocks.push_back(mrkdwn_section(list));
  }
  if (std::string where = context_line(context); !where.empty())
    blocks.push_back({{"type", "context"}, {"elements", {{{"type", "mrkdwn"}, {"text", where}}}}});

  std::string fallback = mrkdwn_escape(title);
  if (summary.gate_passed) fallback += *summary.gate_passed ? " (gate passed)" : " (gate failed)";
  if (!context.repository.empty()) fallback += " in " + mrkdwn_escape(context.repository);
  return {{"text", fallback}, {"blocks", blocks}};
}

Result<std::string> slack_webhook_url(const std::string& configured, const Environment& env) {
  if (auto it = env.find("COPILOT_SLACK_WEBHOOK"); it != env.end() && !it->second.empty()) return it->second;
  if (configured.empty())
    return Error{
        "Slack: no webhook URL; set COPILOT_SLACK_WEBHOOK, or notify.slack.webhook_url in .copilot.yaml "
        "(${VARIABLE} there reads the environment)"};
  auto url = expand_environment(configured, env, "notify.slack.webhook_url");
  if (!url) return Error{"Slack: " + url.error().message};
  return url;
}

Result<void> post_to_slack(const std::string& webhook_url, const nlohmann::json& message, const HttpClient& client) {
  HttpRequest request{"POST",
                      webhook_url,
                      {{"Content-Type", "application/json; charset=utf-8"}},
                      message.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)};
  auto response = client.send(request);
  if (!response) {
    // The webhook URL is a credential: keep its path out of logs.
    std::string text = response.error().message;
    for (size_t at = text.find(webhook_url); at != std::string::npos; at = text.find(webhook_url, at))
      text.replace(at, webhook_url.size(), redact_url(webhook_url));
    return Error{"Slack: " + text};
  }
  std::string answer(util::trim(response->body));
  if (response->status == 200 && answer == "ok") return {};
  return Error{fmt::format("Slack rejected the message: HTTP {}: {}", response->status,
                           answer.empty() ? "(no answer)" : truncate_utf8(one_line(answer), 300))};
}

}  // namespace copilot::remote
