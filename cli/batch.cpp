#include "batch.h"

#include <spdlog/spdlog.h>

#include <CLI/CLI.hpp>

#include "util/files.h"

namespace copilot::cli {

void add_repos_option(CLI::App& sub, std::optional<std::string>& repos_file) {
  sub.add_option("--repos", repos_file,
                 "Run over the repositories listed in FILE, one per line ('-' reads stdin), with one combined report");
}

std::vector<batch::Repo> batch_repos(const std::vector<std::string>& paths,
                                     const std::optional<std::string>& repos_file) {
  std::vector<batch::Repo> repos;
  for (const auto& p : paths) repos.push_back({p, p, ""});
  if (repos_file) {
    bool from_stdin = *repos_file == "-";
    auto text = util::read_file(from_stdin ? "/dev/stdin" : *repos_file);
    if (!text) throw Failure{kUsage, "--repos: " + text.error().message};
    std::error_code ec;
    auto base =
        from_stdin ? std::filesystem::current_path(ec) : std::filesystem::absolute(*repos_file, ec).parent_path();
    auto listed = batch::parse_repo_list(*text, from_stdin ? "stdin" : *repos_file, base);
    if (listed.empty())
      throw Failure{kUsage, "--repos: " + (from_stdin ? "stdin" : *repos_file) + " lists no repositories"};
    repos.insert(repos.end(), listed.begin(), listed.end());
  }
  return repos;
}

void note_outcome(const GlobalOptions& global, std::string_view command, const batch::Outcome& o, size_t finished,
                  size_t total) {
  std::string head = fmt::format("{} [{}/{}] ", command, finished, total);
  if (o.status == batch::Status::error) {
    spdlog::error("{}{}{}: {}", head, batch::where_listed(o.repo), o.repo.path, o.error);
    return;
  }
  progress_note(global, head + o.repo.path + ": " + (o.status == batch::Status::ok ? "done" : "done, gate failed"));
}

int batch_exit_code(const std::vector<batch::Outcome>& outcomes) {
  switch (batch::worst(outcomes)) {
    case batch::Status::ok: return kOk;
    case batch::Status::gate_failed: return kGateFailed;
    case batch::Status::error: return kRuntime;
  }
  return kRuntime;
}

}  // namespace copilot::cli
