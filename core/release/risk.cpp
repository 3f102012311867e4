// The change risk model (documented in docs/RELEASE.md, "Change risk"): six
// factors, each scored 0..1 against a saturation point, weighted into 0..100.
#include "release/risk.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <set>

#include "release/review_report.h"
#include "release/risk_paths.h"
#include "release/wording.h"
#include "util/strings.h"
#include "workspace/git.h"

namespace copilot::release {
namespace {

using workspace::FileChange;
using workspace::Repo;

// Saturation points: the measure at which a factor reaches its full score.
constexpr double kChurnLines = 1000;
constexpr double kFilesTouched = 25;
constexpr double kExtraSubsystems = 4;  // a fifth subsystem saturates
// Findings points: one critical, two high, five medium or twenty low saturate.
constexpr double kFindingPoints[5] = {0, 0.05, 0.2, 0.5, 1.0};
/// How far back earlier commits are read for author familiarity.
constexpr int kFamiliarityCommits = 5000;
/// Familiarity when no touched file has any earlier commit: neither known nor foreign.
constexpr double kUnknownFamiliarity = 0.5;

constexpr double kWeightChurn = 0.25, kWeightFiles = 0.15, kWeightSubsystems = 0.15, kWeightTests = 0.20,
                 kWeightFindings = 0.15, kWeightFamiliarity = 0.10;

constexpr int kMediumFrom = 30, kHighFrom = 60, kBlueGreenFrom = 85;

double saturate(double value, double full) {
  return std::clamp(value / full, 0.0, 1.0);
}

int64_t line_count(const std::string& text) {
  int64_t n = std::count(text.begin(), text.end(), '\n');
  return n + (!text.empty() && text.back() != '\n' ? 1 : 0);
}

RiskFactor churn(const Repo& repo, const std::string& base, const std::vector<FileChange>& changes) {
  int64_t added = 0, deleted = 0;
  for (const auto& c : changes) {
    if (c.status == 'D') {
      // The diff carries no patch for a deleted file: every line it had goes.
      if (auto blob = repo.read_blob(base, c.old_path); blob && !c.binary) deleted += line_count(*blob);
      continue;
    }
    for (const auto& h : c.hunks) {
      added += h.new_lines;
      deleted += h.old_lines;
    }
  }
  double lines = static_cast<double>(added + deleted);
  return {"churn", lines, saturate(lines, kChurnLines), kWeightChurn,
          fmt::format("{} changed (+{} -{})", plural(added + deleted, "line"), grouped(added), grouped(deleted))};
}

RiskFactor files(const std::vector<FileChange>& changes) {
  double n = static_cast<double>(changes.size());
  return {"files", n, saturate(n, kFilesTouched), kWeightFiles, plural(static_cast<int64_t>(n), "file") + " touched"};
}

RiskFactor subsystems(const std::vector<FileChange>& changes) {
  std::set<std::string> touched;
  for (const auto& c : changes) touched.insert(subsystem_of(c.path));
  double n = static_cast<double>(touched.size());
  std::vector<std::string> names(touched.begin(), touched.end());
  std::string detail = plural(static_cast<int64_t>(n), "subsystem");
  if (!names.empty()) detail += ": " + util::join(names, ", ");
  return {"subsystems", n, saturate(std::max(0.0, n - 1), kExtraSubsystems), kWeightSubsystems, detail};
}

RiskFactor tests(const std::vector<FileChange>& changes) {
  int code = 0, test = 0;
  for (const auto& c : changes) {
    if (is_test_path(c.path))
      ++test;
    else if (is_code_path(c.path))
      ++code;
  }
  bool untested = code > 0 && test == 0;
  std::string detail = code == 0 ? "no code changed"
                                 : fmt::format("{} changed, {}", plural(code, "code file"),
                                               test == 0 ? "no test changed" : plural(test, "test file") + " changed");
  return {"tests", static_cast<double>(test), untested ? 1.0 : 0.0, kWeightTests, detail};
}

Result<RiskFactor> findings(const std::filesystem::path& report) {
  auto counts = read_review_report(report);
  if (!counts) return counts.error();
  double points = 0;
  for (int s = 0; s < 5; ++s) points += kFindingPoints[s] * counts->by_severity[s];
  return RiskFactor{"findings", static_cast<double>(counts->total()), std::min(points, 1.0), kWeightFindings,
                    plural(counts->total(), "review finding") + " (" + counts->describe() + ")"};
}

/// The share of the touched files' earlier commits (before `base`) that the
/// change's own authors made: people changing code they know are less likely
/// to break what they cannot see.
Result<RiskFactor> familiarity(const Repo& repo, const std::string& base, const std::string& head,
                               const std::vector<FileChange>& changes) {
  auto change_commits = repo.commits(head, base, kFamiliarityCommits);
  if (!change_commits) return change_commits.error();
  std::set<std::string> authors, touched;
  // A merge's first-parent diff carries other people's work: merges count for no one.
  for (const auto& c : *change_commits)
    if (c.parents <= 1) authors.insert(c.author_email);
  for (const auto& c : changes) touched.insert(c.status == 'A' ? c.path : c.old_path);
  auto earlier = repo.commits(base, "", kFamiliarityCommits);
  if (!earlier) return earlier.error();
  int64_t total = 0, own = 0;
  for (const auto& commit : *earlier) {
    if (commit.parents > 1) continue;
    bool by_author = authors.count(commit.author_email) > 0;
    for (const auto& path : commit.paths)
      if (touched.count(path)) {
        ++total;
        own += by_author ? 1 : 0;
      }
  }
  std::string who = plural(static_cast<int64_t>(authors.size()), "author");
  if (total == 0)
    return RiskFactor{"familiarity", kUnknownFamiliarity, 1 - kUnknownFamiliarity, kWeightFamiliarity,
                      "no earlier commit touched these files"};
  double share = static_cast<double>(own) / static_cast<double>(total);
  std::string detail = fmt::format("the change's {} made {} of {} earlier commits to these files ({:.0f}%)", who,
                                   grouped(own), grouped(total), share * 100);
  if (repo.is_shallow()) detail += "; shallow clone, history is partial";
  return RiskFactor{"familiarity", share, 1 - share, kWeightFamiliarity, detail};
}

void recommend(RiskAssessment& a) {
  using std::chrono::seconds;
  if (a.score < kMediumFrom) {
    a.level = "low";
    a.strategy = "rolling";
    a.steps = {25, 50, 100};
    a.pause = seconds(30);
  } else if (a.score < kHighFrom) {
    a.level = "medium";
    a.strategy = "canary";
    a.steps = {10, 25, 50, 100};
    a.pause = seconds(60);
  } else if (a.score < kBlueGreenFrom) {
    a.level = "high";
    a.strategy = "canary";
    a.steps = {5, 10, 25, 50, 100};
    a.pause = seconds(120);
  } else {
    a.level = "high";
    a.strategy = "blue-green";
    a.steps = {100};
    a.pause = seconds(300);
  }
}

}  // namespace

Result<RiskAssessment> assess_risk(const std::filesystem::path& repo_path, const std::string& base,
                                   const std::string& head, const std::optional<std::filesystem::path>& review_report) {
  auto repo = Repo::discover(repo_path);
  if (!repo) return repo.error();
  auto base_sha = (*repo)->resolve(base);
  if (!base_sha) return Error{base_sha.error().message, true};
  auto head_sha = (*repo)->resolve(head);
  if (!head_sha) return Error{head_sha.error().message, true};
  auto changes = (*repo)->diff_commits(*base_sha, *head_sha);
  if (!changes) return changes.error();

  RiskAssessment a;
  a.factors = {churn(**repo, *base_sha, *changes), files(*changes), subsystems(*changes), tests(*changes)};
  if (review_report) {
    auto f = findings(*review_report);
    if (!f) return f.error();
    a.factors.push_back(*f);
  }
  auto known = familiarity(**repo, *base_sha, *head_sha, *changes);
  if (!known) return known.error();
  a.factors.push_back(*known);

  // Without a review report the other factors share its weight.
  double total_weight = 0, weighted = 0;
  for (const auto& f : a.factors) total_weight += f.weight;
  for (auto& f : a.factors) {
    f.weight /= total_weight;
    weighted += f.weight * f.score;
  }
  a.score = static_cast<int>(std::lround(weighted * 100));
  recommend(a);
  return a;
}

}  // namespace copilot::release
