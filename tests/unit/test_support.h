#pragma once
// Helpers shared by unit tests: scratch directories and real git repositories.
#include <filesystem>
#include <string>

namespace copilot::testing {

/// A fresh directory under the system temp dir, removed when the object dies.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  const std::filesystem::path& path() const { return path_; }
  /// Writes a file (creating parent directories) relative to the directory.
  void write(const std::string& relative, const std::string& content) const;

 private:
  std::filesystem::path path_;
};

/// Runs a shell command in `dir`, failing the test on a non-zero exit; returns stdout.
std::string run(const std::filesystem::path& dir, const std::string& command);

/// `git init` with a fixed identity, so commits are reproducible.
void git_init(const std::filesystem::path& dir);
/// `git add -A && git commit` with a fixed date (seconds since the epoch).
void git_commit_all(const std::filesystem::path& dir, const std::string& message, long date = 1767225600,
                    const std::string& author = "Ada Lovelace <ada@example.com>");

}  // namespace copilot::testing
