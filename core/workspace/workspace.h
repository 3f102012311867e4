#pragma once
// The files of a repository or a plain directory, as analysis sees them.
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "util/diagnostics.h"
#include "util/result.h"
#include "workspace/classify.h"
#include "workspace/git.h"
#include "workspace/language.h"

namespace copilot::workspace {

struct WalkOptions {
  uint64_t max_file_size = 5ull << 20;  ///< larger files are listed as too_large and not read
  bool include_all = false;             ///< analyse vendored, generated, minified and lock files too
  std::vector<std::string> exclude;     ///< glob patterns, relative to the root
  bool use_git = true;                  ///< false forces a plain directory walk
  bool read_contents = true;            ///< false only lists the files (paths, no kind, size or content)
};

struct FileEntry {
  std::string path;  ///< relative to the root, '/'-separated
  uint64_t size = 0;
  FileKind kind = FileKind::source;
  const Language* language = nullptr;  ///< set for source files once content is loaded
  std::string content;                 ///< loaded unless binary or too large
  bool loaded = false;
  bool analysed() const { return loaded && kind == FileKind::source; }
};

class Workspace {
 public:
  /// Lists and loads the files under `root`: tracked and untracked-but-not-ignored
  /// files in a git work tree, else every file below `root` (a plain walk, noted
  /// in diagnostics). Problems with single files become diagnostics, never errors.
  static Result<Workspace> open(const std::filesystem::path& root, const WalkOptions& options, unsigned jobs,
                                Diagnostics& diagnostics);

  /// An in-memory workspace for tests: each (path, content) pair becomes a loaded
  /// file, classified and language-detected as open() would.
  static Workspace from_memory(const std::vector<std::pair<std::string, std::string>>& files);

  const std::filesystem::path& root() const { return root_; }
  std::vector<FileEntry>& files() { return files_; }
  const std::vector<FileEntry>& files() const { return files_; }
  /// The file at a relative path, or nullptr.
  const FileEntry* find(std::string_view path) const;
  /// The git repository, when the root is inside one.
  Repo* repo() const { return repo_.get(); }
  /// Path of `root` relative to the repository's work tree ("" when they are the same).
  const std::string& prefix_in_repo() const { return prefix_; }

 private:
  std::filesystem::path root_;
  std::vector<FileEntry> files_;
  std::shared_ptr<Repo> repo_;
  std::string prefix_;
};

/// Loads one file's content and refines its kind and language.
void load_file(const std::filesystem::path& root, FileEntry& entry, const WalkOptions& options,
               Diagnostics& diagnostics);

}  // namespace copilot::workspace
