// --post github against a stateful stand-in for GitHub on loopback, with a
// real git repository for the pull request's diff: what is posted, re-runs,
// pagination, rate limits, refused reviews and bad credentials.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>

#include "fake_github.h"
#include "remote/github.h"
#include "test_support.h"

namespace copilot::remote::github {
namespace {

using review::Finding;
using review::Severity;
using ::testing::ElementsAre;
using testing::FakeGithub;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;

std::string numbered_lines(int n, const std::string& prefix) {
  std::string out;
  for (int i = 1; i <= n; ++i) out += prefix + std::to_string(i) + " = " + std::to_string(i) + "\n";
  return out;
}

std::string rev_parse(const std::filesystem::path& dir, const std::string& rev) {
  std::string sha = testing::run(dir, "git rev-parse " + rev);
  return sha.substr(0, sha.find('\n'));
}

/// A repository with a pull request: `app.py` changes at line 20 and gains
/// lines 41-44; `util.py` is unchanged (its findings are outside the diff).
struct PullRequestRepo {
  testing::TempDir dir;
  std::string base, head;
  explicit PullRequestRepo(int extra_files = 0) {
    testing::git_init(dir.path());
    dir.write("app.py", numbered_lines(40, "a"));
    dir.write("util.py", numbered_lines(10, "u"));
    for (int i = 0; i < extra_files; ++i) dir.write("pkg/m" + std::to_string(i) + ".py", "x = 1\n");
    testing::git_commit_all(dir.path(), "base");
    base = rev_parse(dir.path(), "HEAD");
    testing::run(dir.path(), "git checkout -q -b feature && sed -i 's/^a20 = 20$/a20 = 21/' app.py");
    std::ofstream(dir.path() / "app.py", std::ios::app) << numbered_lines(4, "b");
    for (int i = 0; i < extra_files; ++i)
      std::ofstream(dir.path() / ("pkg/m" + std::to_string(i) + ".py"), std::ios::app) << "y = eval(x)\n";
    testing::git_commit_all(dir.path(), "change", 1767312000);
    head = rev_parse(dir.path(), "HEAD");
  }
  std::string diff() const { return testing::run(dir.path(), "git diff -U3 " + base + "..." + head); }
};

Finding finding(const std::string& file, int line, int end_line = 0, Severity severity = Severity::medium) {
  Finding f;
  f.rule_id = "py-eval";
  f.agent = "security";
  f.severity = severity;
  f.location = {file, line, 1, end_line ? end_line : line, 8};
  f.message = "eval of data at " + file + ":" + std::to_string(line);
  f.fingerprint = "fp-" + file + "-" + std::to_string(line);
  return f;
}

struct Harness {
  PullRequestRepo repo;
  FakeGithub github;
  Context context;
  review::ReviewResult result;
  std::vector<std::chrono::milliseconds> waits;

  explicit Harness(FakeGithub::Options options = {}, int extra_files = 0)
      : repo(extra_files), github(with_head(std::move(options), repo.head)) {
    github.set_diff(repo.diff());
    context.api_url = github.start();
    context.token = "ghs_fake_token_value";
    context.owner = "acme";
    context.repo = "widgets";
    context.pull_request = PullRequest{7, repo.base, repo.head};
    context.head_sha = repo.head;
    result.tool_version = "9.9.9";
    result.files_reviewed = 2;
    // Inside the diff: the changed line, a multi-line range over added lines;
    // outside: an unchanged line of app.py and the untouched util.py.
    result.findings = {finding("app.py", 20, 0, Severity::high), finding("app.py", 30), finding("app.py", 41, 43),
                       finding("util.py", 3, 0, Severity::low)};
  }
  static FakeGithub::Options with_head(FakeGithub::Options o, const std::string& head) {
    o.head_sha = head;
    return o;
  }
  Result<PublishOutcome> publish(std::optional<Severity> fail_on = Severity::high, bool failed = true) {
    PublishInput input;
    input.result = &result;
    input.repo_root = repo.dir.path();
    input.fail_on = fail_on;
    input.gate_failed = failed;
    RetryPolicy policy;
    policy.sleep = [this](std::chrono::milliseconds d) { waits.push_back(d); };
    return github::publish(context, input, HttpClient(policy));
  }
};

const char* kReviews = R"(/repos/acme/widgets/pulls/7/reviews)";
const char* kIssueComments = R"(/repos/acme/widgets/issues/7/comments)";
const char* kSummaryPatch = R"(/repos/acme/widgets/issues/comments/\d+)";

TEST(PublishToGithub, FirstRunPostsOneReviewTheSummaryAndACheckRun) {
  Harness h;
  h.github.add_issue_comment("> <!-- copilot:review-summary -->\n> quoted from an older pull request");
  auto outcome = h.publish();
  ASSERT_TRUE(outcome) << outcome.error().message;
  EXPECT_THAT(h.github.violations(), IsEmpty());
  EXPECT_EQ(h.github.count("POST", kReviews), 1u);
  EXPECT_EQ(outcome->reviews_posted, 1);
  EXPECT_EQ(outcome->comments_posted, 2);
  EXPECT_EQ(outcome->findings_in_summary, 2);
  EXPECT_EQ(outcome->summary, PublishOutcome::Summary::created);
  EXPECT_EQ(outcome->check_run_requests, 1);
  EXPECT_THAT(outcome->warnings, IsEmpty());

  auto comments = h.github.review_comments();
  ASSERT_EQ(comments.size(), 2u);
  EXPECT_EQ(comments[0]["path"], "app.py");
  EXPECT_EQ(comments[0]["line"], 20);
  EXPECT_THAT(comments[0]["body"].get<std::string>(), HasSubstr("<!-- copilot:fingerprint=fp-app.py-20 -->"));
  EXPECT_EQ(comments[1]["start_line"], 41);
  EXPECT_EQ(comments[1]["line"], 43);

  auto issue = h.github.issue_comments();
  ASSERT_EQ(issue.size(), 2u);  // the quote is left alone
  EXPECT_THAT(issue[0]["body"].get<std::string>(), HasSubstr("quoted from"));
  std::string summary = issue[1]["body"];
  EXPECT_THAT(summary, HasSubstr("<!-- copilot:review-summary -->"));
  EXPECT_THAT(summary, HasSubstr("Gate: **failed**"));
  EXPECT_THAT(summary, HasSubstr("`app.py:30`"));
  EXPECT_THAT(summary, HasSubstr("`util.py:3`"));
  EXPECT_THAT(summary, HasSubstr("2 findings are commented"));

  auto runs = h.github.check_runs();
  ASSERT_EQ(runs.size(), 1u);
  EXPECT_EQ(runs[0]["conclusion"], "failure");
  EXPECT_EQ(runs[0]["head_sha"], h.repo.head);
  EXPECT_EQ(runs[0]["output"]["annotations"].size(), 4u);

  for (const auto& r : h.github.seen()) {
    EXPECT_EQ(r.headers.find("Authorization")->second, "Bearer ghs_fake_token_value");
    EXPECT_THAT(r.headers.find("User-Agent")->second, HasSubstr("copilot/"));
  }
}

TEST(PublishToGithub, SecondRunOnTheSameHeadPostsNothingNew) {
  Harness h;
  ASSERT_TRUE(h.publish());
  auto second = h.publish();
  ASSERT_TRUE(second) << second.error().message;
  EXPECT_EQ(second->reviews_posted, 0);
  EXPECT_EQ(second->comments_already_there, 2);
  EXPECT_EQ(second->summary, PublishOutcome::Summary::unchanged);
  EXPECT_EQ(h.github.count("POST", kReviews), 1u);
  EXPECT_EQ(h.github.count("POST", kIssueComments), 1u);
  EXPECT_EQ(h.github.count("PATCH", kSummaryPatch), 0u);
  EXPECT_EQ(h.github.review_comments().size(), 2u);

  // A new finding later: one more comment, and the summary is edited in place.
  h.result.findings.push_back(finding("app.py", 44));
  auto third = h.publish();
  ASSERT_TRUE(third) << third.error().message;
  EXPECT_EQ(third->comments_posted, 1);
  EXPECT_EQ(third->summary, PublishOutcome::Summary::updated);
  EXPECT_EQ(h.github.count("PATCH", kSummaryPatch), 1u);
  ASSERT_EQ(h.github.issue_comments().size(), 1u);
  EXPECT_THAT(h.github.issue_comments()[0]["body"].get<std::string>(), HasSubstr("3 findings are commented"));
  EXPECT_EQ(h.github.review_comments().size(), 3u);
  EXPECT_THAT(h.github.violations(), IsEmpty());
}

TEST(PublishToGithub, FollowsPaginationForCommentsAndTheSummary) {
  FakeGithub::Options options;
  options.page_size = 3;
  Harness h(options);
  for (int line : {17, 18, 19, 21, 22, 23, 44}) h.result.findings.push_back(finding("app.py", line, 0, Severity::low));
  // Other people's comments come first, so the summary lands on a later page.
  for (int i = 0; i < 4; ++i) h.github.add_issue_comment("LGTM " + std::to_string(i));
  ASSERT_TRUE(h.publish());  // 9 inline comments: three pages of three
  h.result.findings.push_back(finding("app.py", 42, 0, Severity::info));
  auto second = h.publish();
  ASSERT_TRUE(second) << second.error().message;
  EXPECT_EQ(second->comments_already_there, 9);
  EXPECT_EQ(second->comments_posted, 1);
  EXPECT_EQ(second->summary, PublishOutcome::Summary::updated);
  EXPECT_EQ(h.github.count("GET", R"(/repos/acme/widgets/pulls/7/comments)"), 1u + 3u);  // first run: one empty page
  EXPECT_EQ(h.github.count("GET", kIssueComments), 2u + 2u);
  EXPECT_EQ(h.github.issue_comments().size(), 5u);
  EXPECT_THAT(h.github.violations(), IsEmpty());
  size_t later_pages = 0;  // followed from Link headers, at the page size the server chose
  for (const auto& r : h.github.seen())
    later_pages += r.path == "/repos/acme/widgets/pulls/7/comments" && r.query == "page=2&per_page=3";
  EXPECT_EQ(later_pages, 1u);
}

TEST(PublishToGithub, RetriesASecondaryRateLimitOnTheReview) {
  FakeGithub::Options options;
  options.rate_limited_review_posts = 1;
  Harness h(options);
  auto outcome = h.publish();
  ASSERT_TRUE(outcome) << outcome.error().message;
  EXPECT_EQ(h.waits, std::vector<std::chrono::milliseconds>{std::chrono::seconds(1)});
  EXPECT_EQ(h.github.count("POST", kReviews), 2u);
  EXPECT_EQ(h.github.review_comments().size(), 2u);
  EXPECT_THAT(h.github.violations(), IsEmpty());
}

TEST(PublishToGithub, ARateLimitThatDoesNotClearIsAnError) {
  FakeGithub::Options options;
  options.rate_limit_never_clears = true;
  Harness h(options);
  auto outcome = h.publish();
  ASSERT_FALSE(outcome);
  EXPECT_THAT(outcome.error().message, HasSubstr("HTTP 403 after 4 attempts"));
  EXPECT_THAT(outcome.error().message, HasSubstr("secondary rate limit"));
  EXPECT_THAT(outcome.error().message, HasSubstr("https://docs.github.com/rest/overview/rate-limits-for-the-rest-api"));
  EXPECT_THAT(outcome.error().message, HasSubstr("/pulls/7/reviews"));
}

TEST(PublishToGithub, AMissingPullRequestIsAnErrorWithGithubsMessage) {
  FakeGithub::Options options;
  options.pull_exists = false;
  Harness h(options);
  auto outcome = h.publish();
  ASSERT_FALSE(outcome);
  EXPECT_THAT(outcome.error().message, HasSubstr("GitHub answered 404"));
  EXPECT_THAT(outcome.error().message, HasSubstr("Not Found"));
  EXPECT_THAT(outcome.error().message, HasSubstr("https://docs.github.com/rest/pulls/pulls"));
  EXPECT_THAT(outcome.error().message, HasSubstr("pull request #7 does not exist in acme/widgets"));
  EXPECT_EQ(h.github.count("POST", kReviews), 0u);
}

TEST(PublishToGithub, ABadTokenIsAnErrorThatDoesNotShowIt) {
  Harness h;
  h.context.token = "ghp_wrong_secret_value";
  auto outcome = h.publish();
  ASSERT_FALSE(outcome);
  EXPECT_THAT(outcome.error().message, HasSubstr("401"));
  EXPECT_THAT(outcome.error().message, HasSubstr("Bad credentials"));
  EXPECT_THAT(outcome.error().message, Not(HasSubstr("ghp_wrong_secret_value")));
  EXPECT_THAT(h.github.violations(), ElementsAre("401 Bad credentials"));
}

TEST(PublishToGithub, AForbiddenCheckRunIsOnlyAWarning) {
  FakeGithub::Options options;
  options.check_runs_forbidden = true;
  Harness h(options);
  auto outcome = h.publish();
  ASSERT_TRUE(outcome) << outcome.error().message;
  EXPECT_EQ(outcome->check_run_requests, 0);
  ASSERT_EQ(outcome->warnings.size(), 1u);
  EXPECT_THAT(outcome->warnings[0], HasSubstr("Resource not accessible by integration"));
  EXPECT_THAT(outcome->warnings[0], HasSubstr("checks: write"));
  EXPECT_EQ(h.github.review_comments().size(), 2u);
}

TEST(PublishToGithub, ARefusedReviewFallsBackToTheSummary) {
  Harness h;
  // GitHub's idea of the diff lacks the added lines (say, the branch moved on).
  h.github.set_diff("+++ b/app.py\n@@ -17,7 +17,7 @@\n");
  auto outcome = h.publish();
  ASSERT_TRUE(outcome) << outcome.error().message;
  EXPECT_EQ(outcome->reviews_posted, 0);
  EXPECT_EQ(outcome->findings_in_summary, 4);
  EXPECT_THAT(h.github.violations(), ElementsAre("422 Line could not be resolved"));
  ASSERT_EQ(outcome->warnings.size(), 1u);
  EXPECT_THAT(outcome->warnings[0], HasSubstr("Line could not be resolved"));
  std::string summary = h.github.issue_comments().at(0)["body"];
  EXPECT_THAT(summary, HasSubstr("### Refused by GitHub (2)"));
  EXPECT_THAT(summary, HasSubstr("`app.py:20`"));
  EXPECT_THAT(summary, HasSubstr("`app.py:41`"));
}

TEST(PublishToGithub, APushEventGetsOnlyTheCheckRun) {
  Harness h;
  h.context.pull_request.reset();
  auto outcome = h.publish(std::nullopt, false);
  ASSERT_TRUE(outcome) << outcome.error().message;
  EXPECT_EQ(h.github.seen().size(), 1u);
  ASSERT_EQ(h.github.check_runs().size(), 1u);
  EXPECT_EQ(h.github.check_runs()[0]["conclusion"], "neutral");
  EXPECT_EQ(outcome->summary, PublishOutcome::Summary::none);
}

TEST(PublishToGithub, ThreeHundredFilesPostInAtMostThreeReviews) {
  Harness h({}, 300);
  h.result.findings.clear();
  for (int i = 0; i < 300; ++i) h.result.findings.push_back(finding("pkg/m" + std::to_string(i) + ".py", 2));
  auto outcome = h.publish();
  ASSERT_TRUE(outcome) << outcome.error().message;
  EXPECT_EQ(h.github.count("POST", kReviews), 3u);
  EXPECT_EQ(h.github.review_comments().size(), 300u);
  EXPECT_EQ(h.github.count("PATCH", R"(/repos/acme/widgets/check-runs/\d+)"), 5u);  // 300 annotations, 50 a request
  EXPECT_THAT(h.github.violations(), IsEmpty());
  size_t before = h.github.seen().size();
  auto again = h.publish();
  ASSERT_TRUE(again);
  EXPECT_EQ(again->comments_posted, 0);
  EXPECT_EQ(h.github.count("POST", kReviews), 3u);
  EXPECT_EQ(h.github.count("POST", kIssueComments), 1u);
  EXPECT_EQ(h.github.count("PATCH", kSummaryPatch), 0u);
  EXPECT_GT(h.github.seen().size(), before);
}

// The environment GitHub Actions provides.
struct Env {
  std::map<std::string, std::string> values;
  EnvLookup lookup() const {
    return [this](const char* name) -> const char* {
      auto it = values.find(name);
      return it == values.end() ? nullptr : it->second.c_str();
    };
  }
};

TEST(GithubContext, ReadsThePullRequestEvent) {
  testing::TempDir dir;
  dir.write("event.json", R"({"action":"synchronize","number":7,"pull_request":{"number":7,
    "base":{"sha":"b0b0","ref":"main"},"head":{"sha":"c0c0","ref":"feature"}}})");
  Env env{{{"GITHUB_TOKEN", "t"},
           {"GITHUB_REPOSITORY", "acme/widgets"},
           {"GITHUB_API_URL", "http://127.0.0.1:1/api/"},
           {"GITHUB_EVENT_PATH", (dir.path() / "event.json").string()},
           {"GITHUB_SHA", "merge"}}};
  auto ctx = context_from_environment(env.lookup());
  ASSERT_TRUE(ctx) << ctx.error().message;
  EXPECT_EQ(ctx->api_url, "http://127.0.0.1:1/api");
  EXPECT_EQ(ctx->owner, "acme");
  EXPECT_EQ(ctx->repo, "widgets");
  ASSERT_TRUE(ctx->pull_request);
  EXPECT_EQ(ctx->pull_request->number, 7);
  EXPECT_EQ(ctx->pull_request->base_sha, "b0b0");
  EXPECT_EQ(ctx->head_sha, "c0c0");  // the check run goes on the PR head, not the merge commit

  dir.write("push.json", R"({"ref":"refs/heads/main","after":"d0d0"})");
  env.values["GITHUB_EVENT_PATH"] = (dir.path() / "push.json").string();
  env.values.erase("GITHUB_API_URL");
  auto push = context_from_environment(env.lookup());
  ASSERT_TRUE(push) << push.error().message;
  EXPECT_FALSE(push->pull_request);
  EXPECT_EQ(push->head_sha, "merge");
  EXPECT_EQ(push->api_url, "https://api.github.com");
  env.values.erase("GITHUB_SHA");
  EXPECT_THAT(context_from_environment(env.lookup()).error().message, HasSubstr("GITHUB_SHA is not set"));
}

TEST(GithubContext, BadInputNamesWhatIsWrong) {
  testing::TempDir dir;
  dir.write("bad.json", "{\"pull_request\": {\n");
  dir.write("nohead.json", R"({"pull_request":{"number":7,"base":{"sha":"b"},"head":{}}})");
  dir.write("nonumber.json", R"({"pull_request":{"base":{"sha":"b"},"head":{"sha":"h"}}})");
  Env env{{{"GITHUB_TOKEN", "secret-token"}, {"GITHUB_REPOSITORY", "acme/widgets"}}};
  auto error = [&] { return context_from_environment(env.lookup()).error().message; };

  EXPECT_THAT(error(), HasSubstr("GITHUB_EVENT_PATH is not set"));
  env.values["GITHUB_EVENT_PATH"] = (dir.path() / "missing.json").string();
  EXPECT_THAT(error(), HasSubstr("missing.json"));
  env.values["GITHUB_EVENT_PATH"] = (dir.path() / "bad.json").string();
  EXPECT_THAT(error(), HasSubstr("bad.json: not valid JSON"));
  env.values["GITHUB_EVENT_PATH"] = (dir.path() / "nohead.json").string();
  EXPECT_THAT(error(), HasSubstr("nohead.json: pull_request.head.sha is missing"));
  env.values["GITHUB_EVENT_PATH"] = (dir.path() / "nonumber.json").string();
  EXPECT_THAT(error(), HasSubstr("pull_request.number"));
  env.values["GITHUB_REPOSITORY"] = "widgets";
  EXPECT_THAT(error(), HasSubstr("GITHUB_REPOSITORY must be owner/name"));
  env.values.erase("GITHUB_REPOSITORY");
  EXPECT_THAT(error(), HasSubstr("GITHUB_REPOSITORY is not set"));
  env.values.erase("GITHUB_TOKEN");
  EXPECT_THAT(error(), HasSubstr("GITHUB_TOKEN is not set"));
}

}  // namespace
}  // namespace copilot::remote::github
