#pragma once
// Several repositories in one run: the list of them (command line or a repos
// file), a thread budget split between repositories and the work inside each,
// and one outcome per repository, in list order, whatever happened to the others.
#include <exception>
#include <filesystem>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "util/parallel.h"
#include "util/result.h"

namespace copilot::batch {

/// One repository of a batch.
struct Repo {
  std::string path;                ///< as listed, for people and reports
  std::filesystem::path location;  ///< where it is (relative entries resolved against the list's directory)
  std::string listed_at;           ///< "repos.txt:3", or "" when given on the command line
};

/// "repos.txt:3: " for a listed repository, "" for a command-line path: what
/// starts the messages about it.
std::string where_listed(const Repo& repo);

/// Parses a repos file: one path per line; blank lines and comments (from a
/// `#` at the start of a line or after a blank) are skipped; relative paths
/// resolve against `base_dir`. `origin` names the list in Repo::listed_at.
std::vector<Repo> parse_repo_list(std::string_view text, const std::string& origin,
                                  const std::filesystem::path& base_dir);

enum class Status { ok, gate_failed, error };
/// "ok", "gate_failed", "error" (the JSON spelling).
std::string_view to_string(Status s);

/// What happened to one repository; its report, if any, is in Results::reports.
struct Outcome {
  Repo repo;
  Status status = Status::error;
  std::string error;  ///< why it did not run, when status is error
};

/// What a command's run over one repository gives back.
template <typename Report>
struct Checked {
  Report report;
  bool gate_failed = false;
};

/// Outcomes and reports side by side, in the order the repositories were listed.
template <typename Report>
struct Results {
  std::vector<Outcome> outcomes;
  std::vector<std::optional<Report>> reports;  ///< empty where the run failed
};

/// Threads for repositories side by side, and for the work inside each.
struct Budget {
  unsigned repos_at_once = 1;
  unsigned jobs_per_repo = 1;
};
/// Splits `jobs` threads (0 = all cores) so that repos_at_once × jobs_per_repo
/// never exceeds it: as many repositories at once as there are threads, and the
/// threads left over go to the work inside each.
Budget split_jobs(unsigned jobs, size_t repos);

/// Error when `repo` is not a directory that can be run on.
Result<void> check_repo(const Repo& repo);

/// The worst status: error, else gate_failed, else ok (ok for no outcomes).
Status worst(const std::vector<Outcome>& outcomes);

template <typename Report>
using RunOne = std::function<Result<Checked<Report>>(const Repo& repo, unsigned jobs)>;
using OnDone = std::function<void(const Outcome& outcome, size_t finished, size_t total)>;

/// Runs `run_one` on every repository within the `jobs` budget (split_jobs),
/// each with its share of threads. A repository that is missing, fails or
/// throws becomes an error outcome and the others still run. `on_done` is
/// called as each one finishes, one call at a time.
template <typename Report>
Results<Report> run(const std::vector<Repo>& repos, unsigned jobs, const RunOne<Report>& run_one,
                    const OnDone& on_done = nullptr) {
  Results<Report> results;
  results.outcomes.resize(repos.size());
  results.reports.resize(repos.size());
  Budget budget = split_jobs(jobs, repos.size());
  std::mutex mu;
  size_t finished = 0;
  util::parallel_for(repos.size(), budget.repos_at_once, [&](size_t i) {
    Outcome& outcome = results.outcomes[i];
    outcome.repo = repos[i];
    Result<Checked<Report>> done = Error{""};
    if (auto usable = check_repo(repos[i]); !usable) {
      done = usable.error();
    } else {
      // One repository's surprise must not take the others down with it.
      try {
        done = run_one(repos[i], budget.jobs_per_repo);
      } catch (const std::exception& e) {
        done = Error{std::string("internal error: ") + e.what()};
      } catch (...) {
        done = Error{"internal error: unknown exception"};
      }
    }
    if (done) {
      outcome.status = done->gate_failed ? Status::gate_failed : Status::ok;
      results.reports[i] = std::move(done->report);
    } else {
      outcome.status = Status::error;
      outcome.error = done.error().message;
    }
    std::lock_guard lock(mu);
    ++finished;
    if (on_done) on_done(outcome, finished, repos.size());
  });
  return results;
}

}  // namespace copilot::batch
