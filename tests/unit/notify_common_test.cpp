// What the publishers share: the CI run context, ${VARIABLE} settings, and
// text cut to a vendor's limit without breaking UTF-8.
#include "remote/notify_common.h"

#include <gtest/gtest.h>

namespace copilot::remote {
namespace {

TEST(RunContext, GitHubActions) {
  auto ctx = run_context({{"GITHUB_SERVER_URL", "https://github.example/"},
                          {"GITHUB_REPOSITORY", "acme/shop"},
                          {"GITHUB_RUN_ID", "99"},
                          {"GITHUB_SHA", "feedface"},
                          {"BUILD_URL", "https://jenkins/job/1/"}},
                         "checkout", "");
  EXPECT_EQ(ctx.repository, "acme/shop");
  EXPECT_EQ(ctx.commit, "feedface");
  EXPECT_EQ(ctx.run_url, "https://github.example/acme/shop/actions/runs/99");
}

TEST(RunContext, JenkinsAndLocal) {
  auto jenkins = run_context({{"BUILD_URL", "https://jenkins/job/shop/7/"}, {"GIT_COMMIT", "abc"}}, "shop", "");
  EXPECT_EQ(jenkins.repository, "shop");
  EXPECT_EQ(jenkins.commit, "abc");
  EXPECT_EQ(jenkins.run_url, "https://jenkins/job/shop/7/");
  auto local = run_context({{"GITHUB_REPOSITORY", "acme/shop"}}, "shop", "0123");
  EXPECT_EQ(local.commit, "0123") << "the reviewed commit wins over the environment";
  EXPECT_EQ(local.run_url, "") << "no run id, no link";
}

TEST(ExpandEnvironment, ReplacesVariablesAndNamesProblems) {
  Environment env = {{"HOST", "jira.example"}, {"EMPTY", ""}};
  EXPECT_EQ(*expand_environment("https://${HOST}/x", env, "k"), "https://jira.example/x");
  EXPECT_EQ(*expand_environment("plain $HOST", env, "k"), "plain $HOST");
  EXPECT_EQ(expand_environment("${EMPTY}", env, "jira.base_url").error().message,
            "jira.base_url refers to ${EMPTY}, which is not set in the environment");
  EXPECT_EQ(expand_environment("a ${HOST", env, "k").error().message, "k: '${HOST' is not a ${VARIABLE} reference");
  EXPECT_FALSE(expand_environment("${A-B}", env, "k"));
}

TEST(TruncateUtf8, CutsOnCharacterBoundaries) {
  EXPECT_EQ(truncate_utf8("short", 10), "short");
  std::string e_acute = "\xc3\xa9";
  std::string text = "ab" + e_acute + e_acute + e_acute;  // 8 bytes
  std::string cut = truncate_utf8(text, 6);               // 3 bytes of text + "…"
  EXPECT_EQ(cut, "ab\xe2\x80\xa6") << "the half of é at the cut is dropped";
  EXPECT_LE(truncate_utf8(std::string(500, 'x'), 150).size(), 150u);
}

TEST(Urls, RedactEncodeJoin) {
  EXPECT_EQ(redact_url("https://hooks.slack.com/services/T0/B0/secret"), "https://hooks.slack.com/\xe2\x80\xa6");
  EXPECT_EQ(url_encode("Audit: a&b / c?d=1 #2 é"), "Audit%3A%20a%26b%20%2F%20c%3Fd%3D1%20%232%20%C3%A9");
  EXPECT_EQ(join_url("https://x/wiki//", "/rest/api/content"), "https://x/wiki/rest/api/content");
}

}  // namespace
}  // namespace copilot::remote
