#pragma once
// libgit2 behind a small value-returning interface.
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "util/result.h"

struct git_repository;

namespace copilot::workspace {

struct Hunk {
  int old_start = 0, old_lines = 0;
  int new_start = 0, new_lines = 0;
};

struct FileChange {
  std::string path;      ///< new path ('/'-separated, relative to the work tree)
  std::string old_path;  ///< differs from path for renames
  char status = 'M';     ///< A, M, D, R
  std::vector<Hunk> hunks;
  std::set<int> added_lines;  ///< new-side line numbers that were added
  bool binary = false;
};

struct AuthorStats {
  std::string name;
  std::string email;
  int commits = 0;
};

struct FileHistory {
  int commits = 0;
  int64_t lines_added = 0;
  int64_t lines_deleted = 0;
  std::map<std::string, int64_t> lines_by_author;  ///< author email → lines touched
};

/// One commit, with the files it changed against its first parent.
struct CommitSummary {
  std::string sha;
  std::string author_name;
  std::string author_email;
  int64_t time = 0;                ///< author time, seconds since the epoch
  int parents = 0;                 ///< more than one for a merge
  std::vector<std::string> paths;  ///< new paths (old paths for deletions)
};

struct History {
  int commits = 0;
  std::vector<AuthorStats> authors;
  std::map<std::string, FileHistory> files;
  bool shallow = false;
};

class Repo {
 public:
  ~Repo();
  Repo(const Repo&) = delete;
  Repo& operator=(const Repo&) = delete;

  /// Finds the repository that contains `path` (searching upwards).
  static Result<std::unique_ptr<Repo>> discover(const std::filesystem::path& path);

  const std::filesystem::path& workdir() const { return workdir_; }
  bool is_shallow() const;

  /// Resolves a revision ("HEAD", "main", "origin/main~2", a sha) to a full sha.
  Result<std::string> resolve(const std::string& revision) const;
  Result<std::string> merge_base(const std::string& a, const std::string& b) const;
  /// The upstream of the current branch ("origin/feature"), if it has one.
  std::optional<std::string> upstream() const;

  /// Tracked files and untracked files that are not ignored, relative to the work tree.
  Result<std::vector<std::string>> list_files() const;

  /// Diffs between two commits, the index and HEAD (staged), or the work tree and the index.
  /// `context_lines` widens each hunk by unchanged lines, as `git diff -U<n>` does.
  Result<std::vector<FileChange>> diff_commits(const std::string& base_sha, const std::string& head_sha,
                                               int context_lines = 0) const;
  Result<std::vector<FileChange>> diff_staged() const;
  Result<std::vector<FileChange>> diff_worktree() const;

  /// Commit, author and per-file churn statistics for commits newer than `since_unix`.
  Result<History> history(int64_t since_unix, int max_commits = 100000) const;

  /// Commits reachable from `head_sha` and not from `hide_sha` ("" hides
  /// nothing), newest first, at most `max_commits`: `git log hide..head`.
  Result<std::vector<CommitSummary>> commits(const std::string& head_sha, const std::string& hide_sha,
                                             int max_commits) const;

  /// Content of a path at a revision (for baselines and golden tests).
  Result<std::string> read_blob(const std::string& revision, const std::string& path) const;

 private:
  Repo(git_repository* repo, std::filesystem::path workdir) : repo_(repo), workdir_(std::move(workdir)) {}
  git_repository* repo_;
  std::filesystem::path workdir_;
};

}  // namespace copilot::workspace
