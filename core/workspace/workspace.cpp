#include "workspace/workspace.h"

#include <sys/stat.h>

#include <algorithm>

#include "util/files.h"
#include "util/glob.h"
#include "util/parallel.h"
#include "util/strings.h"

namespace copilot::workspace {
namespace {

bool excluded(const std::string& path, const std::vector<std::string>& patterns) {
  for (const auto& p : patterns)
    if (util::glob_match(p, path)) return true;
  return false;
}

/// Root-level .gitignore patterns for the plain walk (no negations: a plain
/// directory is a fallback, not a git reimplementation).
std::vector<std::string> read_gitignore(const std::filesystem::path& root) {
  std::vector<std::string> out;
  auto text = util::read_file(root / ".gitignore");
  if (!text) return out;
  for (auto line : util::split_lines(*text)) {
    line = util::trim(line);
    if (line.empty() || line[0] == '#' || line[0] == '!') continue;
    out.emplace_back(line);
  }
  return out;
}

void plain_walk(const std::filesystem::path& root, const WalkOptions& options, std::vector<std::string>& out,
                Diagnostics& diagnostics) {
  namespace fs = std::filesystem;
  std::vector<std::string> ignores = read_gitignore(root);
  std::error_code ec;
  fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec), end;
  if (ec) {
    diagnostics.add("", "cannot list " + root.string() + ": " + ec.message());
    return;
  }
  while (it != end) {
    const fs::directory_entry& entry = *it;
    std::string rel = entry.path().lexically_relative(root).generic_string();
    std::error_code sec;
    bool is_link = entry.is_symlink(sec);
    bool is_dir = !is_link && entry.is_directory(sec);
    if (is_dir) {
      std::string dir = rel + "/";
      bool skip = entry.path().filename() == ".git" || excluded(dir, ignores) || excluded(dir, options.exclude) ||
                  (!options.include_all && classify_path(dir + "x") == FileKind::vendored);
      if (skip) it.disable_recursion_pending();
    } else if (is_link) {
      // Directory symlinks are not followed (that is how loops are avoided);
      // links to files are read through, dangling links are reported.
      if (!fs::exists(entry.path(), sec)) {
        diagnostics.add(rel, "broken symbolic link skipped");
      } else if (fs::is_directory(entry.path(), sec)) {
        diagnostics.add(rel, "symbolic link to a directory not followed");
      } else if (!excluded(rel, ignores)) {
        out.push_back(rel);
      }
    } else if (entry.is_regular_file(sec) && !excluded(rel, ignores)) {
      out.push_back(rel);
    }
    it.increment(ec);
    if (ec) {
      diagnostics.add(rel, "cannot read directory: " + ec.message());
      ec.clear();
    }
  }
  std::sort(out.begin(), out.end());
}

}  // namespace

void load_file(const std::filesystem::path& root, FileEntry& entry, const WalkOptions& options,
               Diagnostics& diagnostics) {
  entry.kind = classify_path(entry.path);
  bool wanted = entry.kind == FileKind::source || entry.kind == FileKind::lock || options.include_all;
  if (!wanted || entry.kind == FileKind::binary) return;
  struct stat st;
  std::string full = (root / entry.path).string();
  if (::stat(full.c_str(), &st) != 0) {
    diagnostics.add(entry.path, "cannot stat file");
    return;
  }
  entry.size = static_cast<uint64_t>(st.st_size);
  if (entry.size > options.max_file_size) {
    entry.kind = FileKind::too_large;
    diagnostics.add(entry.path, "skipped: larger than " + std::to_string(options.max_file_size >> 20) + " MiB");
    return;
  }
  auto content = util::read_file(full);
  if (!content) {
    diagnostics.add(entry.path, "unreadable: " + content.error().message.substr(full.size() + 2));
    return;
  }
  entry.content = std::move(*content);
  FileKind kind = classify_content(entry.path, entry.content);
  if (kind == FileKind::binary) {
    entry.content.clear();
    entry.kind = kind;
    return;
  }
  if (entry.kind == FileKind::source) entry.kind = kind;
  if (options.include_all && entry.kind != FileKind::lock) entry.kind = FileKind::source;
  entry.loaded = true;
  size_t bad = util::first_invalid_utf8(entry.content);
  if (bad != std::string::npos && entry.kind == FileKind::source)
    diagnostics.add(entry.path, util::line_of_offset(entry.content, bad), "invalid UTF-8; analysed byte by byte");
  std::string_view first = entry.content;
  first = first.substr(0, first.find('\n'));
  entry.language = detect_language(entry.path, first);
}

Result<Workspace> Workspace::open(const std::filesystem::path& root, const WalkOptions& options, unsigned jobs,
                                  Diagnostics& diagnostics) {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::path canonical = fs::canonical(root, ec);
  if (ec) return Error{root.string() + ": " + ec.message()};
  if (!fs::is_directory(canonical)) return Error{root.string() + ": not a directory"};

  Workspace ws;
  ws.root_ = canonical;
  std::vector<std::string> paths;
  bool listed = false;
  if (options.use_git) {
    auto repo = Repo::discover(canonical);
    if (repo) {
      auto files = (*repo)->list_files();
      if (files) {
        fs::path rel = fs::relative(canonical, (*repo)->workdir(), ec);
        ws.prefix_ = (ec || rel == ".") ? "" : rel.generic_string() + "/";
        for (auto& f : *files)
          if (util::starts_with(f, ws.prefix_)) paths.push_back(f.substr(ws.prefix_.size()));
        ws.repo_ = std::move(repo.value());
        listed = true;
      } else {
        diagnostics.add(".git", "cannot read the git index (" + files.error().message + "); walking the directory");
      }
    } else if (fs::exists(canonical / ".git")) {
      diagnostics.add(".git", "corrupt git repository (" + repo.error().message + "); walking the directory");
    } else {
      diagnostics.add("", "not a git repository; walking the directory instead");
    }
  }
  if (!listed) plain_walk(canonical, options, paths, diagnostics);

  for (auto& p : paths) {
    if (excluded(p, options.exclude)) continue;
    FileEntry e;
    e.path = std::move(p);
    ws.files_.push_back(std::move(e));
  }
  if (options.read_contents)
    util::parallel_for(ws.files_.size(), jobs,
                       [&](size_t i) { load_file(ws.root_, ws.files_[i], options, diagnostics); });
  return ws;
}

Workspace Workspace::from_memory(const std::vector<std::pair<std::string, std::string>>& files) {
  Workspace ws;
  ws.root_ = "/nonexistent";
  for (const auto& [path, content] : files) {
    FileEntry e;
    e.path = path;
    e.size = content.size();
    e.kind = classify_content(path, content);
    if (e.kind != FileKind::binary) {
      e.content = content;
      e.loaded = true;
      std::string_view first = e.content;
      e.language = detect_language(path, first.substr(0, first.find('\n')));
    }
    ws.files_.push_back(std::move(e));
  }
  std::sort(ws.files_.begin(), ws.files_.end(), [](const auto& a, const auto& b) { return a.path < b.path; });
  return ws;
}

const FileEntry* Workspace::find(std::string_view path) const {
  auto it = std::lower_bound(files_.begin(), files_.end(), path,
                             [](const FileEntry& f, std::string_view p) { return f.path < p; });
  return it != files_.end() && it->path == path ? &*it : nullptr;
}

}  // namespace copilot::workspace
