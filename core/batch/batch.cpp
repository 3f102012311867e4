#include "batch/batch.h"

#include <algorithm>

#include "util/strings.h"

namespace copilot::batch {

std::vector<Repo> parse_repo_list(std::string_view text, const std::string& origin,
                                  const std::filesystem::path& base_dir) {
  std::vector<Repo> repos;
  auto lines = util::split_lines(text);
  for (size_t n = 0; n < lines.size(); ++n) {
    std::string_view line = lines[n];
    for (size_t hash = line.find('#'); hash != std::string_view::npos; hash = line.find('#', hash + 1)) {
      // A '#' inside a name ("c#-tools") is part of it; one after a blank starts a comment.
      if (hash == 0 || line[hash - 1] == ' ' || line[hash - 1] == '\t') {
        line = line.substr(0, hash);
        break;
      }
    }
    line = util::trim(line);
    if (line.empty()) continue;
    std::filesystem::path path{std::string(line)};
    repos.push_back(
        {std::string(line), path.is_absolute() ? path : base_dir / path, origin + ":" + std::to_string(n + 1)});
  }
  return repos;
}

std::string where_listed(const Repo& repo) {
  return repo.listed_at.empty() ? "" : repo.listed_at + ": ";
}

std::string_view to_string(Status s) {
  switch (s) {
    case Status::ok: return "ok";
    case Status::gate_failed: return "gate_failed";
    case Status::error: return "error";
  }
  return "error";
}

Budget split_jobs(unsigned jobs, size_t repos) {
  if (jobs == 0) jobs = util::default_jobs();
  Budget b;
  b.repos_at_once = static_cast<unsigned>(std::clamp<size_t>(repos, 1, jobs));
  b.jobs_per_repo = std::max(1u, jobs / b.repos_at_once);
  return b;
}

Result<void> check_repo(const Repo& repo) {
  std::error_code ec;
  auto status = std::filesystem::status(repo.location, ec);
  if (status.type() == std::filesystem::file_type::not_found) return Error{"no such directory"};
  if (ec) return Error{ec.message()};
  if (status.type() != std::filesystem::file_type::directory) return Error{"not a directory"};
  return {};
}

Status worst(const std::vector<Outcome>& outcomes) {
  Status w = Status::ok;
  for (const auto& o : outcomes)
    if (o.status == Status::error || (o.status == Status::gate_failed && w == Status::ok)) w = o.status;
  return w;
}

}  // namespace copilot::batch
