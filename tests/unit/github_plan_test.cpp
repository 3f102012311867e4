// What --post github decides to send, without a server: which findings become
// inline comments and where, which go to the summary, batching, the
// fingerprint dedupe of re-runs, the summary body and the check-run requests.
#include "remote/github_plan.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "remote/github_diff.h"
#include "test_support.h"

namespace copilot::remote::github {
namespace {

using review::Finding;
using review::Severity;
using ::testing::HasSubstr;
using ::testing::Not;

Finding finding(const std::string& file, int line, int end_line = 0, Severity severity = Severity::medium,
                const std::string& rule = "py-rule") {
  Finding f;
  f.rule_id = rule;
  f.agent = "security";
  f.severity = severity;
  f.location = {file, line, 5, end_line ? end_line : line, 12};
  f.message = "Something at " + file + ":" + std::to_string(line);
  f.fingerprint = rule + "-" + file + "-" + std::to_string(line);
  return f;
}

std::set<std::string> fingerprints_of(const ReviewPlan& plan) {
  std::set<std::string> out;
  for (const auto& review : plan.reviews)
    for (const auto& c : review) collect_fingerprints(c.body, out);
  return out;
}

size_t comments_in(const ReviewPlan& plan) {
  size_t n = 0;
  for (const auto& review : plan.reviews) n += review.size();
  return n;
}

const DiffLines kDiff = {{"app.py", {{7, 13}, {40, 52}}}, {"new.py", {{1, 20}}}};

TEST(CommentAnchor, LinesInsideAHunkOnly) {
  EXPECT_EQ(comment_anchor(kDiff, {"app.py", 10, 1, 10, 4})->first, 10);
  EXPECT_EQ(comment_anchor(kDiff, {"app.py", 13, 1, 13, 4})->last, 13);  // a context line still takes comments
  EXPECT_FALSE(comment_anchor(kDiff, {"app.py", 14, 1, 14, 4}));
  EXPECT_FALSE(comment_anchor(kDiff, {"app.py", 6, 1, 6, 4}));
  EXPECT_FALSE(comment_anchor(kDiff, {"other.py", 10, 1, 10, 4}));
  EXPECT_FALSE(comment_anchor(kDiff, {"app.py", 0, 0, 0, 0}));  // file-level findings have no line
}

TEST(CommentAnchor, MultiLineRangesStayInOneHunk) {
  auto inside = comment_anchor(kDiff, {"app.py", 8, 1, 11, 2});
  ASSERT_TRUE(inside);
  EXPECT_EQ(inside->first, 8);
  EXPECT_EQ(inside->last, 11);
  // A function spanning both hunks is anchored on the part in the first one.
  auto across = comment_anchor(kDiff, {"app.py", 2, 1, 45, 2});
  ASSERT_TRUE(across);
  EXPECT_EQ(across->first, 7);
  EXPECT_EQ(across->last, 13);
  // Ending at column 1 means ending with the line before.
  auto column_one = comment_anchor(kDiff, {"app.py", 9, 1, 14, 1});
  ASSERT_TRUE(column_one);
  EXPECT_EQ(column_one->last, 13);
}

TEST(DiffLines, FromTheLocalRepositoryLikeGithub) {
  testing::TempDir dir;
  testing::git_init(dir.path());
  std::string lines;
  for (int i = 1; i <= 30; ++i) lines += "x" + std::to_string(i) + " = " + std::to_string(i) + "\n";
  dir.write("app.py", lines);
  dir.write("gone.py", "a = 1\n");
  testing::git_commit_all(dir.path(), "base");
  std::string base = testing::run(dir.path(), "git rev-parse HEAD");
  base.pop_back();
  testing::run(dir.path(), "git checkout -q -b feature && sed -i 's/^x15 = 15$/x15 = 16/' app.py && rm gone.py");
  dir.write("new.py", "b = 2\nc = 3\n");
  testing::git_commit_all(dir.path(), "change", 1767312000);
  std::string head = testing::run(dir.path(), "git rev-parse HEAD");
  head.pop_back();

  auto lines_of = pull_request_lines(dir.path(), base, head);
  ASSERT_TRUE(lines_of) << lines_of.error().message;
  ASSERT_EQ(lines_of->count("app.py"), 1u);
  ASSERT_EQ(lines_of->at("app.py").size(), 1u);
  EXPECT_EQ(lines_of->at("app.py")[0].first, 12);  // three lines of context on each side
  EXPECT_EQ(lines_of->at("app.py")[0].last, 18);
  EXPECT_EQ(lines_of->at("new.py")[0].first, 1);
  EXPECT_EQ(lines_of->at("new.py")[0].last, 2);
  EXPECT_EQ(lines_of->count("gone.py"), 0u);

  auto unknown = pull_request_lines(dir.path(), "0123456789012345678901234567890123456789", head);
  ASSERT_FALSE(unknown);
  EXPECT_THAT(unknown.error().message, HasSubstr("not in the local clone"));
}

TEST(PlanReview, InsideTheDiffInlineOutsideInTheSummary) {
  std::vector<Finding> findings = {finding("app.py", 10), finding("app.py", 30), finding("new.py", 3, 6),
                                   finding("docs.md", 1)};
  ReviewPlan plan = plan_review(findings, kDiff, {});
  ASSERT_EQ(plan.reviews.size(), 1u);
  ASSERT_EQ(plan.reviews[0].size(), 2u);
  EXPECT_EQ(plan.reviews[0][0].path, "app.py");
  EXPECT_EQ(plan.reviews[0][0].lines.first, 10);
  EXPECT_EQ(plan.reviews[0][1].lines.first, 3);
  EXPECT_EQ(plan.reviews[0][1].lines.last, 6);
  ASSERT_EQ(plan.outside_diff.size(), 2u);
  EXPECT_EQ(plan.outside_diff[0]->location.start_line, 30);
  EXPECT_EQ(plan.outside_diff[1]->location.file, "docs.md");
  EXPECT_TRUE(plan.over_limit.empty());
}

TEST(PlanReview, RequestShapeForSingleAndMultiLineComments) {
  std::vector<Finding> findings = {finding("app.py", 10), finding("new.py", 3, 6)};
  ReviewPlan plan = plan_review(findings, kDiff, {});
  auto request = review_request(plan.reviews[0], "abc123", 1, 1);
  EXPECT_EQ(request["commit_id"], "abc123");
  EXPECT_EQ(request["event"], "COMMENT");
  EXPECT_FALSE(request["body"].get<std::string>().empty());
  const auto& single = request["comments"][0];
  EXPECT_EQ(single["path"], "app.py");
  EXPECT_EQ(single["line"], 10);
  EXPECT_EQ(single["side"], "RIGHT");
  EXPECT_FALSE(single.contains("start_line"));
  EXPECT_FALSE(single.contains("start_side"));
  const auto& multi = request["comments"][1];
  EXPECT_EQ(multi["start_line"], 3);
  EXPECT_EQ(multi["line"], 6);
  EXPECT_EQ(multi["start_side"], "RIGHT");
  EXPECT_FALSE(multi.contains("position"));
}

TEST(PlanReview, CommentsCarryTheirFingerprintAndReRunsSkipThem) {
  std::vector<Finding> findings = {finding("app.py", 10), finding("app.py", 11), finding("new.py", 2)};
  ReviewPlan first = plan_review(findings, kDiff, {});
  auto posted = fingerprints_of(first);
  EXPECT_EQ(posted, (std::set<std::string>{"py-rule-app.py-10", "py-rule-app.py-11", "py-rule-new.py-2"}));

  ReviewPlan second = plan_review(findings, kDiff, posted);
  EXPECT_TRUE(second.reviews.empty());
  EXPECT_EQ(second.already_commented, 3);

  findings.push_back(finding("app.py", 12));
  ReviewPlan third = plan_review(findings, kDiff, posted);
  ASSERT_EQ(comments_in(third), 1u);
  EXPECT_EQ(third.reviews[0][0].lines.first, 12);
}

TEST(PlanReview, ForgedMarkersInMessagesAreInert) {
  Finding f = finding("app.py", 10);
  f.message = "see <!-- copilot:fingerprint=forged --> here";
  std::set<std::string> found;
  collect_fingerprints(comment_body(f), found);
  EXPECT_EQ(found, (std::set<std::string>{"py-rule-app.py-10"}));
}

TEST(PlanReview, BatchesAndCapsMostSevereFirstAndStaysStable) {
  DiffLines big;
  std::vector<Finding> findings;
  for (int file = 0; file < 350; ++file) {
    std::string path = "pkg/m" + std::to_string(file) + ".py";
    big[path] = {{1, 10}};
    findings.push_back(finding(path, 2, 0, file % 7 == 0 ? Severity::high : Severity::low));
  }
  ReviewPlan plan = plan_review(findings, big, {});
  ASSERT_EQ(plan.reviews.size(), kReviewsPerRun);
  for (const auto& review : plan.reviews) EXPECT_EQ(review.size(), kCommentsPerReview);
  EXPECT_EQ(plan.over_limit.size(), 50u);
  EXPECT_EQ(plan.reviews[0][0].finding->severity, Severity::high);
  for (const Finding* f : plan.over_limit) EXPECT_EQ(f->severity, Severity::low);

  // The next run counts what is there against the cap: nothing new to post.
  ReviewPlan again = plan_review(findings, big, fingerprints_of(plan));
  EXPECT_TRUE(again.reviews.empty());
  EXPECT_EQ(again.already_commented, 300);
  EXPECT_EQ(again.over_limit.size(), 50u);
}

TEST(SummaryBody, CountsGateOutsideTheDiffAndInlineNote) {
  review::ReviewResult result;
  result.tool_version = "1.2.3";
  result.files_reviewed = 3;
  result.findings = {finding("app.py", 10, 0, Severity::high), finding("app.py", 30), finding("docs.md", 1)};
  ReviewPlan plan = plan_review(result.findings, kDiff, {});
  SummaryInput input{&result, {Severity::high, true}, &plan, {}, {}, "0123456789abcdef"};
  std::string body = summary_body(input);
  EXPECT_EQ(body.rfind(std::string(kSummaryMarker), 0), 0u) << body;
  EXPECT_THAT(body, HasSubstr("**3 findings** in 3 files reviewed."));
  EXPECT_THAT(body, HasSubstr("| high | 1 | 1 |"));
  EXPECT_THAT(body, HasSubstr("Gate: **failed**: findings at or above `high`."));
  EXPECT_THAT(body, HasSubstr("### Outside the diff (2)"));
  EXPECT_THAT(body, HasSubstr("`app.py:30`"));
  EXPECT_THAT(body, HasSubstr("`docs.md:1`"));
  EXPECT_THAT(body, Not(HasSubstr("`app.py:10`")));
  EXPECT_THAT(body, HasSubstr("1 finding is commented on the changed lines"));
  EXPECT_THAT(body, HasSubstr("0123456789ab"));

  // The same head after every comment was posted gives the same body, so it is not rewritten.
  ReviewPlan rerun = plan_review(result.findings, kDiff, fingerprints_of(plan));
  SummaryInput again{&result, {Severity::high, true}, &rerun, {}, {}, "0123456789abcdef"};
  EXPECT_EQ(summary_body(again), body);
}

TEST(SummaryBody, RefusedReviewsAreListedAndLongSummariesFit) {
  review::ReviewResult result;
  DiffLines diff;
  for (int i = 0; i < 400; ++i) {
    std::string path = "f" + std::to_string(i) + ".py";
    Finding f = finding(path, 50);
    f.message = std::string(400, 'm');
    result.findings.push_back(f);
    if (i < 3) diff[path] = {{49, 51}};
  }
  ReviewPlan plan = plan_review(result.findings, diff, {});
  SummaryInput input{&result, {}, &plan, {plan.reviews[0][0].finding}, "HTTP 422: Line could not be resolved", ""};
  std::string body = summary_body(input);
  EXPECT_LE(body.size(), kMaxBodyChars);
  EXPECT_THAT(body, HasSubstr("### Refused by GitHub (1)"));
  EXPECT_THAT(body, HasSubstr("HTTP 422: Line could not be resolved"));
  EXPECT_THAT(body, HasSubstr("### Outside the diff (397)"));
  EXPECT_THAT(body, HasSubstr("… and "));
  EXPECT_THAT(body, HasSubstr("2 findings are commented"));
  EXPECT_THAT(body, HasSubstr("Gate: none"));
}

TEST(CheckRun, FiftyAnnotationsPerRequestWithLevelsAndColumns) {
  review::ReviewResult result;
  for (int i = 0; i < 120; ++i) result.findings.push_back(finding("a.py", i + 1, 0, Severity::low));
  result.findings[5] = finding("a.py", 6, 9, Severity::critical);
  result.findings[6].severity = Severity::medium;
  CheckRunPlan plan = plan_check_run("copilot review", "abc", result, {Severity::high, true}, nullptr);
  EXPECT_EQ(plan.create["name"], "copilot review");
  EXPECT_EQ(plan.create["head_sha"], "abc");
  EXPECT_EQ(plan.create["status"], "completed");
  EXPECT_EQ(plan.create["conclusion"], "failure");
  const auto& output = plan.create["output"];
  EXPECT_THAT(output["title"].get<std::string>(), HasSubstr("120 findings"));
  EXPECT_THAT(output["summary"].get<std::string>(), HasSubstr("Gate: **failed**"));
  ASSERT_EQ(output["annotations"].size(), 50u);
  ASSERT_EQ(plan.updates.size(), 2u);
  EXPECT_EQ(plan.updates[0]["output"]["annotations"].size(), 50u);
  EXPECT_EQ(plan.updates[1]["output"]["annotations"].size(), 20u);
  EXPECT_TRUE(plan.updates[1]["output"].contains("title"));
  EXPECT_TRUE(plan.updates[1]["output"].contains("summary"));

  const auto& critical = output["annotations"][0];  // most severe first
  EXPECT_EQ(critical["annotation_level"], "failure");
  EXPECT_EQ(critical["start_line"], 6);
  EXPECT_EQ(critical["end_line"], 9);
  EXPECT_FALSE(critical.contains("start_column"));  // columns only on one line
  EXPECT_EQ(output["annotations"][1]["annotation_level"], "warning");
  const auto& low = output["annotations"][2];
  EXPECT_EQ(low["annotation_level"], "notice");
  EXPECT_EQ(low["start_column"], 5);
  EXPECT_EQ(low["end_column"], 12);
}

TEST(CheckRun, ConclusionFollowsTheGateAndAnnotationsAreCapped) {
  review::ReviewResult result;
  EXPECT_EQ(plan_check_run("c", "h", result, {}, nullptr).create["conclusion"], "neutral");
  EXPECT_EQ(plan_check_run("c", "h", result, {Severity::high, false}, nullptr).create["conclusion"], "success");
  for (int i = 0; i < 700; ++i) result.findings.push_back(finding("a.py", i + 1));
  CheckRunPlan plan = plan_check_run("c", "h", result, {}, nullptr);
  EXPECT_EQ(plan.updates.size(), kMaxAnnotations / kAnnotationsPerRequest - 1);
  EXPECT_THAT(plan.create["output"]["summary"].get<std::string>(), HasSubstr("500 most severe of 700"));
}

}  // namespace
}  // namespace copilot::remote::github
