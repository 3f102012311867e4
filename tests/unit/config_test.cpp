#include "config/config.h"

#include <gtest/gtest.h>

#include "test_support.h"

namespace copilot::config {
namespace {

TEST(Config, ValidFileIsRead) {
  auto c = parse(
      "jobs: 3\nreview:\n  fail_on: high\n  disable: [py-print]\n  severity: {py-x: low}\n"
      "  layers:\n    - from: 'app/domain/**'\n      deny: [app.web]\n",
      ".copilot.yaml");
  ASSERT_TRUE(c.ok()) << c.error().message;
  EXPECT_EQ(c->jobs, 3u);
  EXPECT_EQ(c->review_fail_on, "high");
  EXPECT_EQ(c->review_disable, std::vector<std::string>{"py-print"});
  EXPECT_EQ(c->review_severity.at("py-x"), "low");
  ASSERT_EQ(c->review_layers.size(), 1u);
  EXPECT_EQ(c->review_layers[0].deny[0], "app.web");
}

TEST(Config, UnknownKeyNamesFileLineAndKey) {
  auto c = parse("review:\n  fail_on: high\n  fial_on: low\n", "x.yaml");
  ASSERT_FALSE(c.ok());
  EXPECT_EQ(c.error().message, "x.yaml:3: key 'review.fial_on': unknown key");
}

TEST(Config, WrongTypeAndEnum) {
  auto a = parse("jobs: lots\n", "x.yaml");
  ASSERT_FALSE(a.ok());
  EXPECT_EQ(a.error().message, "x.yaml:1: key 'jobs': expected a integer");
  auto b = parse("review:\n  filter: everything\n", "x.yaml");
  ASSERT_FALSE(b.ok());
  EXPECT_NE(b.error().message.find("x.yaml:2: key 'review.filter': must be one of"), std::string::npos);
}

TEST(Config, InvalidYamlNamesLine) {
  auto c = parse("a: [1, 2\nb: 3\n", "x.yaml");
  ASSERT_FALSE(c.ok());
  EXPECT_EQ(c.error().message.rfind("x.yaml:", 0), 0u);
}

TEST(Config, PrecedenceEnvOverFile) {
  testing::TempDir dir;
  dir.write(".copilot.yaml", "review:\n  fail_on: low\noutput:\n  format: json\n");
  auto c = load(dir.path(), std::nullopt, {{"COPILOT_FAIL_ON", "critical"}});
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->review_fail_on, "critical");
  EXPECT_EQ(c->format, "json");
  auto d = load(dir.path(), std::nullopt, {});
  EXPECT_EQ(d->review_fail_on, "low");
}

TEST(Config, MissingExplicitFileIsAnError) {
  testing::TempDir dir;
  EXPECT_FALSE(load(dir.path(), dir.path() / "nope.yaml", {}).ok());
  EXPECT_TRUE(load(dir.path(), std::nullopt, {}).ok());
}

TEST(Config, NotificationAndTrackerKeysAreRead) {
  auto c = parse(
      "notify:\n  slack:\n    webhook_url: ${SLACK_HOOK}\n"
      "jira:\n  base_url: https://acme.atlassian.net\n  project: SEC\n  api_version: 2\n  min_severity: medium\n"
      "  labels: [appsec]\n  fields: {customfield_10010: '{{rule_id}} at {{file}}:{{line}}'}\n"
      "  priorities: {critical: Highest}\n  fingerprint_field: customfield_10050\n  on_existing: update\n"
      "confluence:\n  base_url: https://acme.atlassian.net/wiki\n  space: ENG\n  parent_id: 12345\n",
      ".copilot.yaml");
  ASSERT_TRUE(c.ok()) << c.error().message;
  EXPECT_EQ(c->slack_webhook_url, "${SLACK_HOOK}");
  EXPECT_EQ(c->jira.api_version, 2);
  EXPECT_EQ(c->jira.issue_type, "Bug");
  EXPECT_EQ(c->jira.fields.at("customfield_10010"), "{{rule_id}} at {{file}}:{{line}}");
  EXPECT_EQ(c->jira.priorities.at("critical"), "Highest");
  EXPECT_EQ(c->jira.on_existing, "update");
  EXPECT_EQ(c->confluence.parent_id, "12345");
  EXPECT_EQ(c->confluence.title, "");
}

TEST(Config, TrackerMistakesNameTheKey) {
  auto version = parse("jira:\n  api_version: 4\n", "x.yaml");
  ASSERT_FALSE(version.ok());
  EXPECT_EQ(version.error().message, "x.yaml:2: key 'jira.api_version': must be one of: 2, 3");
  auto placeholder = parse("jira:\n  project: SEC\n  fields:\n    customfield_1: '{{rule}} x'\n", "x.yaml");
  ASSERT_FALSE(placeholder.ok());
  EXPECT_EQ(placeholder.error().message, "x.yaml:4: key 'jira.fields.customfield_1': unknown placeholder {{rule}}");
  auto priority = parse("jira:\n  priorities: {urgent: P1}\n", "x.yaml");
  ASSERT_FALSE(priority.ok());
  EXPECT_EQ(priority.error().message, "x.yaml:2: key 'jira.priorities.urgent': unknown key");
  auto slack = parse("notify:\n  teams: {}\n", "x.yaml");
  ASSERT_FALSE(slack.ok());
  EXPECT_EQ(slack.error().message, "x.yaml:2: key 'notify.teams': unknown key");
}

}  // namespace
}  // namespace copilot::config
