#include "remote/github_diff.h"

#include <algorithm>

namespace copilot::remote::github {

DiffLines diff_lines(const std::vector<workspace::FileChange>& changes) {
  DiffLines out;
  for (const auto& change : changes) {
    if (change.status == 'D' || change.binary) continue;
    auto& ranges = out[change.path];
    for (const auto& h : change.hunks)
      if (h.new_lines > 0) ranges.push_back({h.new_start, h.new_start + h.new_lines - 1});
  }
  return out;
}

Result<DiffLines> pull_request_lines(const std::filesystem::path& root, const std::string& base_sha,
                                     const std::string& head_sha) {
  auto repo = workspace::Repo::discover(root);
  if (!repo) return repo.error();
  auto base = (*repo)->resolve(base_sha);
  if (!base) return Error{"the pull request's base " + base_sha + " is not in the local clone"};
  auto head = (*repo)->resolve(head_sha);
  if (!head) return Error{"the pull request's head " + head_sha + " is not in the local clone"};
  auto merge_base = (*repo)->merge_base(*base, *head);
  if (!merge_base) return Error{"no merge base of " + base_sha + " and " + head_sha + " in the local clone"};
  auto changes = (*repo)->diff_commits(*merge_base, *head, kDiffContext);
  if (!changes) return changes.error();
  return diff_lines(*changes);
}

std::optional<LineRange> comment_anchor(const DiffLines& diff, const review::Location& location) {
  auto file = diff.find(location.file);
  if (file == diff.end() || location.start_line < 1) return std::nullopt;
  int first = location.start_line;
  int last = std::max(first, location.end_line);
  // A range that ends at column 1 stops at the end of the line before.
  if (last > first && location.end_column == 1) --last;
  for (const auto& hunk : file->second)
    if (hunk.first <= last && hunk.last >= first)
      return LineRange{std::max(first, hunk.first), std::min(last, hunk.last)};
  return std::nullopt;
}

}  // namespace copilot::remote::github
