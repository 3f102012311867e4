// The change risk model on real repositories built with git: a small, tested
// change by the files' usual author against a large cross-cutting change
// without tests by a newcomer.
#include <gtest/gtest.h>

#include <string>

#include "release/risk.h"
#include "release/risk_paths.h"
#include "report/review_formats.h"
#include "test_support.h"

namespace copilot::release {
namespace {

using copilot::testing::git_commit_all;
using copilot::testing::run;
using copilot::testing::TempDir;

const std::string kAda = "Ada Lovelace <ada@example.com>";
const std::string kGrace = "Grace Hopper <grace@example.com>";
const std::string kMallory = "Mallory Newcomer <mallory@example.com>";

std::string lines(int n, const std::string& stem) {
  std::string out;
  for (int i = 0; i < n; ++i) out += stem + "_" + std::to_string(i) + " = " + std::to_string(i) + "\n";
  return out;
}

/// History before the release: Ada owns the orders service and its tests,
/// Grace the billing service; the last release is tagged v1.
void released_history(const TempDir& dir) {
  testing::git_init(dir.path());
  dir.write("services/orders/api.py", lines(40, "order"));
  dir.write("services/orders/tests/test_api.py", "def test_api():\n    assert True\n");
  dir.write("README.md", "# shop\n");
  git_commit_all(dir.path(), "orders service", 1767225600, kAda);
  dir.write("services/billing/invoice.py", lines(30, "invoice"));
  git_commit_all(dir.path(), "billing service", 1767229200, kGrace);
  dir.write("services/orders/api.py", lines(45, "order"));
  git_commit_all(dir.path(), "orders: more fields", 1767232800, kAda);
  dir.write("services/billing/invoice.py", lines(35, "invoice"));
  git_commit_all(dir.path(), "billing: totals", 1767236400, kGrace);
  run(dir.path(), "git tag v1");
}

const RiskFactor& factor(const RiskAssessment& a, const std::string& name) {
  for (const auto& f : a.factors)
    if (f.name == name) return f;
  throw std::runtime_error("no factor " + name);
}

RiskAssessment assess(const TempDir& dir, const std::string& head,
                      const std::optional<std::filesystem::path>& report = std::nullopt) {
  auto a = assess_risk(dir.path(), "v1", head, report);
  EXPECT_TRUE(a.ok()) << (a ? "" : a.error().message);
  return a ? *a : RiskAssessment{};
}

/// Ada adds two fields to her own service, with a test.
std::string small_change(const TempDir& dir) {
  run(dir.path(), "git checkout -q -b small v1");
  dir.write("services/orders/api.py", lines(47, "order"));
  dir.write("services/orders/tests/test_api.py", "def test_api():\n    assert True\n\ndef test_more():\n    pass\n");
  git_commit_all(dir.path(), "orders: two fields", 1767240000, kAda);
  return "small";
}

/// Mallory rewrites billing and adds code across five more subsystems, with no test.
std::string big_change(const TempDir& dir) {
  run(dir.path(), "git checkout -q -b big v1");
  dir.write("services/billing/invoice.py", lines(300, "rewritten"));
  for (const char* module : {"services/payments", "services/shipping", "lib", "web", "infra"})
    for (int i = 0; i < 4; ++i) dir.write(std::string(module) + "/part" + std::to_string(i) + ".py", lines(60, "part"));
  dir.write("docs/payments.md", "# Payments\n");
  git_commit_all(dir.path(), "payments everywhere", 1767240000, kMallory);
  return "big";
}

TEST(Risk, SmallTestedChangeByTheOwnerIsLow) {
  TempDir dir;
  released_history(dir);
  RiskAssessment a = assess(dir, small_change(dir));
  EXPECT_EQ(factor(a, "churn").value, 5);  // +2 lines of code, +3 lines of test
  EXPECT_EQ(factor(a, "churn").detail, "5 lines changed (+5 -0)");
  EXPECT_DOUBLE_EQ(factor(a, "churn").score, 0.005);
  EXPECT_EQ(factor(a, "files").value, 2);
  EXPECT_EQ(factor(a, "subsystems").value, 1);
  EXPECT_EQ(factor(a, "subsystems").detail, "1 subsystem: services/orders");
  EXPECT_EQ(factor(a, "subsystems").score, 0);
  EXPECT_EQ(factor(a, "tests").score, 0);
  EXPECT_EQ(factor(a, "tests").detail, "1 code file changed, 1 test file changed");
  EXPECT_DOUBLE_EQ(factor(a, "familiarity").value, 1.0);  // Ada made all 3 earlier commits to both files
  EXPECT_EQ(factor(a, "familiarity").detail, "the change's 1 author made 3 of 3 earlier commits to these files (100%)");
  EXPECT_EQ(a.factors.size(), 5u);  // no review report: no findings factor
  EXPECT_LT(a.score, 30);
  EXPECT_EQ(a.level, "low");
  EXPECT_EQ(a.strategy, "rolling");
  EXPECT_EQ(a.steps, (std::vector<int>{25, 50, 100}));
  EXPECT_EQ(a.pause, std::chrono::seconds(30));
  double weights = 0;
  for (const auto& f : a.factors) weights += f.weight;
  EXPECT_NEAR(weights, 1.0, 1e-9);
}

TEST(Risk, BigUntestedCrossCuttingChangeByANewcomerIsHigh) {
  TempDir dir;
  released_history(dir);
  RiskAssessment small = assess(dir, small_change(dir));
  RiskAssessment big = assess(dir, big_change(dir));
  EXPECT_EQ(factor(big, "churn").value, 35 + 300 + 20 * 60 + 1);
  EXPECT_EQ(factor(big, "churn").score, 1);
  EXPECT_EQ(factor(big, "files").value, 22);
  EXPECT_DOUBLE_EQ(factor(big, "files").score, 22.0 / 25);
  EXPECT_EQ(factor(big, "subsystems").value, 7);
  EXPECT_EQ(factor(big, "subsystems").detail,
            "7 subsystems: docs, infra, lib, services/billing, services/payments, services/shipping, web");
  EXPECT_EQ(factor(big, "subsystems").score, 1);
  EXPECT_EQ(factor(big, "tests").score, 1);
  EXPECT_EQ(factor(big, "tests").detail, "21 code files changed, no test changed");
  EXPECT_EQ(factor(big, "familiarity").value, 0);  // Grace made both earlier commits to invoice.py
  EXPECT_EQ(factor(big, "familiarity").score, 1);
  EXPECT_GT(big.score, small.score);
  EXPECT_GE(big.score, 60);
  EXPECT_EQ(big.level, "high");
  EXPECT_EQ(big.strategy, "blue-green");
  EXPECT_EQ(big.steps, (std::vector<int>{100}));
}

TEST(Risk, ReviewFindingsRaiseTheScore) {
  TempDir dir;
  released_history(dir);
  std::string head = small_change(dir);
  review::ReviewResult review;
  review.scope = "v1..small";
  for (auto severity : {review::Severity::critical, review::Severity::medium}) {
    review::Finding f;
    f.rule_id = "py-sql-injection";
    f.agent = "security";
    f.severity = severity;
    f.location = {"services/orders/api.py", 3, 1, 3, 10};
    f.message = "query built from input";
    review.findings.push_back(f);
  }
  dir.write("review.sarif", report::write_review_sarif(review, {}));
  RiskAssessment without = assess(dir, head);
  RiskAssessment with = assess(dir, head, dir.path() / "review.sarif");
  const RiskFactor& findings = factor(with, "findings");
  EXPECT_EQ(findings.value, 2);
  EXPECT_EQ(findings.score, 1);  // one critical saturates
  EXPECT_EQ(findings.detail, "2 review findings (1 critical, 1 medium)");
  EXPECT_NEAR(findings.weight, 0.15, 1e-9);
  EXPECT_GT(with.score, without.score);
  EXPECT_EQ(with.level, "low");
  EXPECT_EQ(with.score, 16);  // 0.15 of findings, 0.25 * 0.005 of churn, 0.15 * 0.08 of files

  auto missing = assess_risk(dir.path(), "v1", head, dir.path() / "nope.sarif");
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.error().message.find("nope.sarif"), std::string::npos);
}

TEST(Risk, DeletedFilesCountTheirLinesAndMediumRiskIsACanary) {
  TempDir dir;
  released_history(dir);
  run(dir.path(), "git checkout -q -b cleanup v1");
  std::filesystem::remove(dir.path() / "services/billing/invoice.py");
  dir.write("services/orders/api.py", lines(20, "order"));
  git_commit_all(dir.path(), "drop billing", 1767240000, kGrace);
  RiskAssessment a = assess(dir, "cleanup");
  EXPECT_EQ(factor(a, "churn").detail, "60 lines changed (+0 -60)");  // 35 deleted with the file, 25 trimmed
  EXPECT_EQ(factor(a, "tests").score, 1);
  // Grace made 2 of the 4 earlier commits to api.py and invoice.py.
  EXPECT_DOUBLE_EQ(factor(a, "familiarity").value, 0.5);
  EXPECT_EQ(a.level, "medium");
  EXPECT_EQ(a.strategy, "canary");
  EXPECT_EQ(a.steps, (std::vector<int>{10, 25, 50, 100}));
  EXPECT_EQ(a.pause, std::chrono::seconds(60));
}

TEST(Risk, MergesCountForNoOne) {
  TempDir dir;
  released_history(dir);
  // Ada merges Grace's billing work into the release branch; the merge's
  // diff is Grace's code, so it does not make Ada familiar with invoice.py.
  run(dir.path(), "git checkout -q -b grace v1");
  dir.write("services/billing/invoice.py", lines(36, "invoice"));
  git_commit_all(dir.path(), "billing: one more", 1767238000, kGrace);
  run(dir.path(), "git checkout -q -b merged v1 && git commit -q --allow-empty -m 'prepare' --author='" + kAda +
                      "' && GIT_AUTHOR_NAME='Ada Lovelace' GIT_AUTHOR_EMAIL=ada@example.com git merge -q --no-ff "
                      "-m 'merge billing' grace");
  run(dir.path(), "git tag v2");
  run(dir.path(), "git checkout -q -b fix v2");
  dir.write("services/billing/invoice.py", lines(37, "invoice"));
  git_commit_all(dir.path(), "billing: fix", 1767250000, kAda);
  auto a = assess_risk(dir.path(), "v2", "fix", std::nullopt);
  ASSERT_TRUE(a.ok()) << a.error().message;
  // invoice.py's earlier commits: Grace's three; Ada's merge does not count.
  EXPECT_EQ(factor(*a, "familiarity").detail, "the change's 1 author made 0 of 3 earlier commits to these files (0%)");
}

TEST(Risk, BadRevisionsAreUsageErrors) {
  TempDir dir;
  released_history(dir);
  auto a = assess_risk(dir.path(), "v0", "HEAD", std::nullopt);
  ASSERT_FALSE(a.ok());
  EXPECT_TRUE(a.error().usage);
  EXPECT_NE(a.error().message.find("v0"), std::string::npos);
  TempDir empty;
  EXPECT_FALSE(assess_risk(empty.path(), "v1", "HEAD", std::nullopt).ok());
}

TEST(Risk, PathsAreSortedIntoCodeTestsAndSubsystems) {
  EXPECT_TRUE(is_code_path("services/orders/api.py"));
  EXPECT_FALSE(is_code_path("services/orders/tests/test_api.py"));
  EXPECT_TRUE(is_test_path("services/orders/tests/test_api.py"));
  EXPECT_TRUE(is_test_path("web/src/cart.spec.ts"));
  EXPECT_FALSE(is_code_path("docs/payments.md"));
  EXPECT_FALSE(is_code_path("deploy/values.yaml"));
  EXPECT_EQ(subsystem_of("README.md"), "(root)");
  EXPECT_EQ(subsystem_of("web/app.ts"), "web");
  EXPECT_EQ(subsystem_of("src/billing/x.go"), "src/billing");
  EXPECT_EQ(subsystem_of("src/main.go"), "src");
}

}  // namespace
}  // namespace copilot::release
