// Slack: the Block Kit message built from a review or an audit, and the
// webhook call against a stand-in that checks every request the way Slack
// documents it (POST, JSON, text + blocks within the limits) and answers with
// Slack's own words ("ok", invalid_payload, no_service, ...).
#include "remote/slack.h"

#include <gtest/gtest.h>

#include <map>
#include <mutex>

#include "loopback_server.h"
#include "notify_fixtures.h"

namespace copilot::remote {
namespace {

using nlohmann::json;
using testing::LoopbackServer;

review::ReviewResult sample_review() {
  review::ReviewResult r;
  r.scope = "main...HEAD";
  r.files_reviewed = 4;
  r.head_sha = "0123456789abcdef0123456789abcdef01234567";
  r.findings = testing::sample_findings();
  return r;
}

RunContext github_context() {
  return run_context(
      {{"GITHUB_SERVER_URL", "https://github.com"}, {"GITHUB_REPOSITORY", "acme/shop"}, {"GITHUB_RUN_ID", "42"}},
      "shop", "0123456789abcdef0123456789abcdef01234567");
}

/// Block Kit as Slack documents it for incoming webhooks; "" when `message` conforms.
std::string block_kit_problem(const json& message) {
  if (!message.is_object()) return "payload is not an object";
  if (!message.contains("text") || !message["text"].is_string() || message["text"].get<std::string>().empty())
    return "no_text";
  if (!message.contains("blocks")) return "";
  const json& blocks = message["blocks"];
  if (!blocks.is_array() || blocks.empty() || blocks.size() > 50) return "blocks must be a list of 1-50 blocks";
  for (const auto& b : blocks) {
    std::string type = b.value("type", "");
    if (type == "header") {
      if (b["text"].value("type", "") != "plain_text") return "header text must be plain_text";
      if (b["text"].value("text", "").size() > 150) return "header text over 150 characters";
    } else if (type == "section") {
      if (b["text"].value("type", "") != "mrkdwn") return "section text must be mrkdwn here";
      std::string text = b["text"].value("text", "");
      if (text.empty() || text.size() > 3000) return "section text must be 1-3000 characters";
    } else if (type == "context") {
      if (!b.contains("elements") || !b["elements"].is_array() || b["elements"].empty() || b["elements"].size() > 10)
        return "context needs 1-10 elements";
      for (const auto& e : b["elements"])
        if (e.value("type", "") != "mrkdwn" || e.value("text", "").empty()) return "context element needs mrkdwn text";
    } else {
      return "unexpected block type " + type;
    }
  }
  return "";
}

/// Slack's incoming webhook: answers "ok", or invalid_payload on a wrong request.
class SlackStandIn {
 public:
  SlackStandIn() {
    server_.http().Post(R"(/services/(\w+)/(\w+)/(\w+))", [this](const httplib::Request& req, httplib::Response& res) {
      std::string problem;
      if (req.get_header_value("Content-Type").rfind("application/json", 0) != 0) problem = "not JSON";
      json body = json::parse(req.body, nullptr, false);
      if (problem.empty()) problem = block_kit_problem(body);
      std::lock_guard lock(mutex_);
      if (!problem.empty()) {
        problems_.push_back(problem);
        res.status = 400;
        res.set_content("invalid_payload", "text/plain");
        return;
      }
      messages_.push_back(body);
      res.set_content("ok", "text/plain");
    });
    url_ = server_.start();
  }
  std::string webhook() const { return url_ + "/services/T0001/B0001/SeCrEtPaTh"; }
  std::vector<json> messages() const {
    std::lock_guard lock(mutex_);
    return messages_;
  }
  std::vector<std::string> problems() const {
    std::lock_guard lock(mutex_);
    return problems_;
  }

 private:
  LoopbackServer server_;
  std::string url_;
  mutable std::mutex mutex_;
  std::vector<json> messages_;
  std::vector<std::string> problems_;
};

TEST(SlackMessage, ReviewSummaryHasHeaderCountsGateTopFindingsAndContext) {
  auto summary = summarize_review(sample_review(), review::Severity::high, 0.0);
  json m = slack_message(summary, github_context());
  EXPECT_EQ(block_kit_problem(m), "");
  ASSERT_EQ(m["blocks"].size(), 4u);
  EXPECT_EQ(m["blocks"][0]["type"], "header");
  EXPECT_EQ(m["blocks"][0]["text"]["text"], "copilot review: 3 findings");
  std::string counts = m["blocks"][1]["text"]["text"];
  EXPECT_NE(counts.find("1 critical \u00b7 1 high \u00b7 0 medium \u00b7 1 low \u00b7 0 info"), std::string::npos)
      << counts;
  EXPECT_NE(counts.find(":x: *Gate failed* (--fail-on high)"), std::string::npos) << counts;
  std::string top = m["blocks"][2]["text"]["text"];
  EXPECT_LT(top.find("`app/db.py:12` py-sql-injection \u2014 Untrusted"), top.find("`app/run.py:3` py-eval-injection"))
      << "most severe first: " << top;
  std::string context = m["blocks"][3]["elements"][0]["text"];
  EXPECT_EQ(context, "acme/shop@0123456789ab \u00b7 <https://github.com/acme/shop/actions/runs/42|CI run>");
  EXPECT_EQ(m["text"], "copilot review: 3 findings (gate failed) in acme/shop");
}

TEST(SlackMessage, GatePassesOrIsAbsent) {
  auto passed = slack_message(summarize_review(sample_review(), review::Severity::critical, 1.0), {});
  EXPECT_NE(passed["blocks"][1]["text"]["text"].get<std::string>().find("Gate passed"), std::string::npos);
  auto none = slack_message(summarize_review(sample_review(), std::nullopt, 0.0), {});
  EXPECT_EQ(none["blocks"][1]["text"]["text"].get<std::string>().find("Gate"), std::string::npos);
  EXPECT_EQ(none["blocks"].size(), 3u) << "no context block without a repository or run";
}

TEST(SlackMessage, EscapesMarkupAndKeepsToTheLimits) {
  review::ReviewResult r = sample_review();
  r.findings[0].message = "<!channel> & <https://evil|click>";
  r.findings[0].location.file = "a`b.py";
  for (int i = 0; i < 30; ++i)
    r.findings.push_back(testing::sample_finding("r" + std::to_string(i), review::Severity::medium, "x.py", i,
                                                 "fp" + std::to_string(i), std::string(500, 'y')));
  auto summary = summarize_review(r, std::nullopt, 0);
  summary.title = std::string(100, 'x') + std::string(100, '\xc3') + "\xa9";  // broken and long
  json m = slack_message(summary, {});
  EXPECT_EQ(block_kit_problem(m), "");
  std::string top = m["blocks"][2]["text"]["text"];
  EXPECT_NE(top.find("&lt;!channel&gt; &amp; &lt;https://evil|click&gt;"), std::string::npos) << top;
  EXPECT_EQ(top.find("<!channel>"), std::string::npos);
  EXPECT_NE(top.find("`a\u02cbb.py:12`"), std::string::npos) << top;
  EXPECT_NE(top.find("_and 23 more_"), std::string::npos) << "10 listed out of 33";
  EXPECT_LE(m["blocks"][0]["text"]["text"].get<std::string>().size(), 150u);
}

TEST(SlackMessage, AuditSummaryListsSecretsThenFailedChecks) {
  auto summary = summarize_audit(testing::sample_audit());
  EXPECT_EQ(summary.title, "copilot audit: shop");
  EXPECT_EQ(summary.facts[0], "*Readiness:* 60/100 (1 of 2 checks failed)");
  EXPECT_FALSE(summary.gate_passed.has_value());
  ASSERT_EQ(summary.top.size(), 2u);
  EXPECT_EQ(summary.top[0].where, "config/settings.py:7");
  EXPECT_EQ(summary.top[0].message, "AWS access key AKIA****");
  EXPECT_EQ(summary.top[1].rule, "readiness/ci");
  EXPECT_EQ(block_kit_problem(slack_message(summary, {"shop", "", ""})), "");
}

TEST(SlackWebhook, EnvironmentWinsThenConfigWithVariables) {
  EXPECT_EQ(*slack_webhook_url("https://hooks/x", {{"COPILOT_SLACK_WEBHOOK", "https://hooks/env"}}),
            "https://hooks/env");
  EXPECT_EQ(*slack_webhook_url("${HOOK}", {{"HOOK", "https://hooks/var"}}), "https://hooks/var");
  auto unset = slack_webhook_url("${HOOK}", {});
  ASSERT_FALSE(unset);
  EXPECT_NE(unset.error().message.find("notify.slack.webhook_url refers to ${HOOK}"), std::string::npos);
  auto missing = slack_webhook_url("", {});
  ASSERT_FALSE(missing);
  EXPECT_NE(missing.error().message.find("COPILOT_SLACK_WEBHOOK"), std::string::npos);
}

TEST(SlackWebhook, PostsWhatSlackAccepts) {
  SlackStandIn slack;
  auto summary = summarize_review(sample_review(), review::Severity::high, 0.0);
  summary.top[0].message = "bad bytes \xff\xfe here";  // must not stop the post
  HttpClient client(testing::no_sleep_policy());
  auto posted = post_to_slack(slack.webhook(), slack_message(summary, github_context()), client);
  ASSERT_TRUE(posted) << posted.error().message;
  EXPECT_EQ(slack.problems(), std::vector<std::string>{});
  ASSERT_EQ(slack.messages().size(), 1u);
  EXPECT_EQ(slack.messages()[0]["blocks"][0]["text"]["text"], "copilot review: 3 findings");
}

TEST(SlackWebhook, StandInRejectsAMessageWithoutText) {
  SlackStandIn slack;
  HttpClient client(testing::no_sleep_policy());
  auto posted = post_to_slack(slack.webhook(), json{{"blocks", json::array()}}, client);
  ASSERT_FALSE(posted);
  EXPECT_NE(posted.error().message.find("HTTP 400: invalid_payload"), std::string::npos) << posted.error().message;
  EXPECT_EQ(slack.problems(), std::vector<std::string>{"no_text"});
}

TEST(SlackWebhook, QuotesSlacksErrorWords) {
  const std::map<std::string, int> answers = {
      {"invalid_payload", 400}, {"action_prohibited", 403}, {"no_service", 404}, {"channel_is_archived", 410}};
  LoopbackServer server;
  server.http().Post(R"(/services/T1/B1/(\w+))", [&answers](const httplib::Request& req, httplib::Response& res) {
    std::string word = req.matches[1];
    res.status = answers.at(word);
    res.set_content(word, "text/plain");
  });
  std::string base = server.start();
  HttpClient client(testing::no_sleep_policy());
  json message = slack_message(summarize_review(sample_review(), std::nullopt, 0), {});
  for (const auto& [word, status] : answers) {
    auto posted = post_to_slack(base + "/services/T1/B1/" + word, message, client);
    ASSERT_FALSE(posted) << word;
    EXPECT_NE(posted.error().message.find("HTTP " + std::to_string(status) + ": " + word), std::string::npos)
        << posted.error().message;
  }
}

TEST(SlackWebhook, RateLimitThatDoesNotClearIsAnErrorWithoutTheSecret) {
  LoopbackServer server;
  server.http().Post("/services/T1/B1/SeCrEt", [](const httplib::Request&, httplib::Response& res) {
    res.status = 429;
    res.set_header("Retry-After", "1");
  });
  std::string url = server.start() + "/services/T1/B1/SeCrEt";
  HttpClient client(testing::no_sleep_policy());
  auto posted = post_to_slack(url, json{{"text", "x"}}, client);
  ASSERT_FALSE(posted);
  EXPECT_NE(posted.error().message.find("HTTP 429"), std::string::npos) << posted.error().message;
  EXPECT_EQ(posted.error().message.find("SeCrEt"), std::string::npos) << posted.error().message;
  EXPECT_EQ(server.seen().size(), 4u) << "retried as the policy allows, then gave up";
}

TEST(SlackWebhook, UnreachableWebhookKeepsTheSecretOutOfTheError) {
  std::string url;
  {
    LoopbackServer gone;
    url = gone.start() + "/services/T1/B1/SeCrEt";
  }
  HttpClient client(testing::no_sleep_policy());
  auto posted = post_to_slack(url, json{{"text", "x"}}, client);
  ASSERT_FALSE(posted);
  EXPECT_EQ(posted.error().message.find("SeCrEt"), std::string::npos) << posted.error().message;
  EXPECT_NE(posted.error().message.find("Slack: "), std::string::npos);
}

}  // namespace
}  // namespace copilot::remote
