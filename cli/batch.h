#pragma once
// Batch runs: one subcommand over several repositories side by side, with one
// combined report. A subcommand adopts it in a few lines: add_repos_option,
// batch_repos for the list, run_batch around its per-repository run, its
// combined writer, and batch_exit_code.
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "batch/batch.h"
#include "context.h"

namespace CLI {
class App;
}

namespace copilot::cli {

/// Adds `--repos FILE` (one repository per line, `-` for stdin) to a subcommand.
void add_repos_option(CLI::App& sub, std::optional<std::string>& repos_file);

/// The repositories of a batch run: `paths` from the command line, then those
/// `repos_file` lists (relative to its directory). Throws Failure{kUsage}
/// when the file cannot be read or nothing is listed.
std::vector<batch::Repo> batch_repos(const std::vector<std::string>& paths,
                                     const std::optional<std::string>& repos_file);

/// A line on stderr as each repository finishes; failures are errors naming
/// the line of the repos file.
void note_outcome(const GlobalOptions& global, std::string_view command, const batch::Outcome& outcome, size_t finished,
                  size_t total);

/// 3 if any repository failed to run, else 1 if any gate failed, else 0.
int batch_exit_code(const std::vector<batch::Outcome>& outcomes);

/// What a subcommand does for one repository of a batch, with `jobs` threads;
/// it may throw Failure like any subcommand.
template <typename Report>
using RunRepository = std::function<batch::Checked<Report>(const batch::Repo& repo, unsigned jobs)>;

/// batch::run with progress on stderr, and a Failure thrown for one repository
/// kept as that repository's error.
template <typename Report>
batch::Results<Report> run_batch(std::string_view command, const std::vector<batch::Repo>& repos,
                                 const GlobalOptions& global, unsigned jobs, const RunRepository<Report>& run_one) {
  batch::RunOne<Report> guarded = [&](const batch::Repo& repo, unsigned repo_jobs) -> Result<batch::Checked<Report>> {
    try {
      return run_one(repo, repo_jobs);
    } catch (const Failure& f) {
      return Error{f.message, f.code == kUsage};
    }
  };
  batch::Budget budget = batch::split_jobs(jobs, repos.size());
  progress_note(global, std::string(command) + ": " + std::to_string(repos.size()) +
                            (repos.size() == 1 ? " repository, " : " repositories, ") +
                            std::to_string(budget.repos_at_once) + " at a time");
  return batch::run<Report>(repos, jobs, guarded, [&](const batch::Outcome& o, size_t finished, size_t total) {
    note_outcome(global, command, o, finished, total);
  });
}

}  // namespace copilot::cli
