// The batch layer: the repos-file list, the thread budget, and runs in which
// one repository's failure leaves the others alone and the order is the list's.
#include "batch/batch.h"

#include <gtest/gtest.h>

#include <atomic>
#include <stdexcept>

#include "test_support.h"

namespace copilot::batch {
namespace {

TEST(Batch, RepoListSkipsCommentsAndResolvesAgainstItsDirectory) {
  auto repos = parse_repo_list(
      "# the team's services\n"
      "api\n"
      "\n"
      "  web   # the front end\r\n"
      "/abs/tools\n"
      "c#-tools\n"
      "\t# indented comment\n",
      "lists/repos.txt", "/base/lists");
  ASSERT_EQ(repos.size(), 4u);
  EXPECT_EQ(repos[0].path, "api");
  EXPECT_EQ(repos[0].location, "/base/lists/api");
  EXPECT_EQ(repos[0].listed_at, "lists/repos.txt:2");
  EXPECT_EQ(repos[1].path, "web");
  EXPECT_EQ(repos[1].listed_at, "lists/repos.txt:4");
  EXPECT_EQ(repos[2].location, "/abs/tools");
  EXPECT_EQ(repos[3].path, "c#-tools");
  EXPECT_TRUE(parse_repo_list("\n# only comments\n", "x", "/").empty());
}

TEST(Batch, JobsAreSplitBetweenRepositoriesAndTheirWork) {
  auto b = split_jobs(2, 3);
  EXPECT_EQ(b.repos_at_once, 2u);
  EXPECT_EQ(b.jobs_per_repo, 1u);
  b = split_jobs(8, 3);
  EXPECT_EQ(b.repos_at_once, 3u);
  EXPECT_EQ(b.jobs_per_repo, 2u);
  b = split_jobs(8, 1);
  EXPECT_EQ(b.repos_at_once, 1u);
  EXPECT_EQ(b.jobs_per_repo, 8u);
  b = split_jobs(1, 5);
  EXPECT_EQ(b.repos_at_once, 1u);
  EXPECT_EQ(b.jobs_per_repo, 1u);
  b = split_jobs(0, 100);
  EXPECT_GE(b.repos_at_once, 1u);
  EXPECT_LE(b.repos_at_once * b.jobs_per_repo, util::default_jobs());
}

TEST(Batch, WorstStatus) {
  EXPECT_EQ(worst({}), Status::ok);
  Outcome ok{{}, Status::ok, ""}, gate{{}, Status::gate_failed, ""}, error{{}, Status::error, "x"};
  EXPECT_EQ(worst({ok, gate}), Status::gate_failed);
  EXPECT_EQ(worst({error, gate, ok}), Status::error);
  EXPECT_EQ(to_string(Status::gate_failed), "gate_failed");
}

TEST(Batch, EveryRepositoryGetsAnOutcomeInListOrder) {
  testing::TempDir dir;
  for (const char* name : {"a", "b", "c", "d"}) dir.write(std::string(name) + "/README", "x");
  dir.write("file", "not a directory");
  std::vector<Repo> repos;
  for (const char* name : {"d", "missing", "a", "file", "b", "c"})
    repos.push_back({name, dir.path() / name, std::string("repos.txt:") + name});

  RunOne<std::string> run_one = [](const Repo& repo, unsigned jobs) -> Result<Checked<std::string>> {
    if (jobs != 1) return Error{"expected one job per repository"};
    if (repo.path == "b") return Error{"b is broken"};
    if (repo.path == "c") throw std::runtime_error("c exploded");
    return Checked<std::string>{"report of " + repo.path, repo.path == "a"};
  };
  std::atomic<size_t> calls{0};
  size_t last_finished = 0;
  auto results = run<std::string>(repos, 2, run_one, [&](const Outcome&, size_t finished, size_t total) {
    ++calls;
    EXPECT_EQ(finished, last_finished + 1);  // one call at a time, counting up
    last_finished = finished;
    EXPECT_EQ(total, 6u);
  });
  EXPECT_EQ(calls, 6u);
  ASSERT_EQ(results.outcomes.size(), 6u);
  std::vector<std::string> order, statuses;
  for (const auto& o : results.outcomes) {
    order.push_back(o.repo.path);
    statuses.push_back(std::string(to_string(o.status)) + (o.error.empty() ? "" : ": " + o.error));
  }
  EXPECT_EQ(order, (std::vector<std::string>{"d", "missing", "a", "file", "b", "c"}));
  EXPECT_EQ(statuses,
            (std::vector<std::string>{"ok", "error: no such directory", "gate_failed", "error: not a directory",
                                      "error: b is broken", "error: internal error: c exploded"}));
  EXPECT_EQ(results.reports[0], "report of d");
  EXPECT_EQ(results.reports[2], "report of a");
  EXPECT_FALSE(results.reports[1].has_value());
  EXPECT_EQ(worst(results.outcomes), Status::error);
}

}  // namespace
}  // namespace copilot::batch
