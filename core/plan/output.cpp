// Writing a blueprint (staged next to the target, then renamed into place)
// and diffing it against the repository.
#include <git2.h>
#include <stdlib.h>

#include <cerrno>
#include <cstring>
#include <mutex>

#include "plan/plan.h"
#include "util/files.h"

namespace copilot::plan {

namespace fs = std::filesystem;

namespace {

Error io_error(const std::string& what, const std::error_code& ec) {
  return Error{what + ": " + ec.message()};
}

// A directory next to `out` (so renames stay on one file system).
Result<fs::path> make_staging_dir(const fs::path& out) {
  fs::path parent = out.parent_path().empty() ? fs::path(".") : out.parent_path();
  std::error_code ec;
  fs::create_directories(parent, ec);
  if (ec) return io_error("cannot write the plan to " + out.string() + ": cannot create " + parent.string(), ec);
  std::string pattern = (parent / ("." + out.filename().string() + ".tmp-XXXXXX")).string();
  if (!::mkdtemp(pattern.data()))
    return Error{"cannot write the plan to " + out.string() + ": " + parent.string() + ": " + std::strerror(errno)};
  return fs::path(pattern);
}

// Undoes a partial move into an existing directory: new files go, old ones come back.
class Mover {
 public:
  Mover(fs::path out, fs::path staging) : out_(std::move(out)), staging_(std::move(staging)) {}

  Result<void> move(const std::string& path) {
    std::error_code ec;
    fs::path dest = out_ / path;
    fs::path parent = dest.parent_path();
    std::vector<fs::path> missing;  // deepest first
    for (fs::path p = parent; !fs::exists(p, ec) && p != out_; p = p.parent_path()) missing.push_back(p);
    created_.insert(created_.end(), missing.rbegin(), missing.rend());
    fs::create_directories(parent, ec);
    if (ec) return io_error("cannot create " + parent.string(), ec);
    if (fs::exists(dest, ec)) {
      fs::path backup = staging_ / ".replaced" / path;
      fs::create_directories(backup.parent_path(), ec);
      fs::rename(dest, backup, ec);
      if (ec) return io_error("cannot replace " + dest.string(), ec);
      replaced_.push_back(path);
    }
    fs::rename(staging_ / path, dest, ec);
    if (ec) return io_error("cannot write " + dest.string(), ec);
    moved_.push_back(path);
    return {};
  }

  void roll_back() {
    std::error_code ec;
    for (const auto& path : moved_) fs::remove(out_ / path, ec);
    for (const auto& path : replaced_) fs::rename(staging_ / ".replaced" / path, out_ / path, ec);
    for (auto it = created_.rbegin(); it != created_.rend(); ++it) fs::remove(*it, ec);  // only empty ones go
  }

 private:
  fs::path out_, staging_;
  std::vector<std::string> moved_, replaced_;
  std::vector<fs::path> created_;  // in the order they were created
};

}  // namespace

Result<WriteSummary> write_blueprint(const Blueprint& b, const fs::path& out, bool force) {
  WriteSummary summary;
  std::vector<const PlanFile*> changed;
  std::vector<std::string> conflicts;
  std::error_code ec;
  for (const auto& f : b.files) {
    fs::path dest = out / f.path;
    if (fs::is_directory(dest, ec)) return Error{"cannot write " + dest.string() + ": it is a directory"};
    if (fs::exists(dest, ec)) {
      auto current = util::read_file(dest);
      if (current && *current == f.content) {
        summary.unchanged.push_back(f.path);
        continue;
      }
      conflicts.push_back(dest.string());
    }
    changed.push_back(&f);
    summary.written.push_back(f.path);
  }
  if (!conflicts.empty() && !force) {
    std::string list;
    for (const auto& c : conflicts) list += "\n  " + c;
    return Error{std::to_string(conflicts.size()) +
                     " file(s) already exist with other content; use --force to replace them:" + list,
                 true};
  }
  if (changed.empty()) return summary;

  auto staging = make_staging_dir(out);
  if (!staging) return staging.error();
  auto discard = [&] { fs::remove_all(*staging, ec); };
  for (const PlanFile* f : changed) {
    fs::path file = *staging / f->path;
    fs::create_directories(file.parent_path(), ec);
    auto written = ec ? Result<void>(io_error("cannot create " + file.parent_path().string(), ec))
                      : util::write_file_atomic(file, f->content);
    if (!written) {
      discard();
      return Error{"cannot write the plan to " + out.string() + ": " + written.error().message};
    }
  }
  if (!fs::exists(out, ec)) {
    fs::rename(*staging, out, ec);  // the whole plan appears at once
    if (ec) {
      discard();
      return io_error("cannot write the plan to " + out.string(), ec);
    }
    return summary;
  }
  Mover mover(out, *staging);
  for (const PlanFile* f : changed) {
    if (auto moved = mover.move(f->path); !moved) {
      mover.roll_back();
      discard();
      return Error{"cannot write the plan to " + out.string() + ": " + moved.error().message};
    }
  }
  discard();
  return summary;
}

namespace {

std::string unified_diff(const std::string& path, const std::string* old_text, const std::string& new_text) {
  static std::once_flag once;
  std::call_once(once, [] { git_libgit2_init(); });
  git_diff_options options = GIT_DIFF_OPTIONS_INIT;
  options.context_lines = 3;
  git_patch* patch = nullptr;
  if (git_patch_from_buffers(&patch, old_text ? old_text->data() : nullptr, old_text ? old_text->size() : 0,
                             old_text ? path.c_str() : nullptr, new_text.data(), new_text.size(), path.c_str(),
                             &options) != 0)
    return "";
  git_buf buf = GIT_BUF_INIT;
  std::string out;
  if (git_patch_to_buf(&buf, patch) == 0) out.assign(buf.ptr, buf.size);
  git_buf_dispose(&buf);
  git_patch_free(patch);
  return out;
}

}  // namespace

Result<std::string> diff_blueprint(const Blueprint& b, const fs::path& repo) {
  std::string out;
  std::error_code ec;
  for (const auto& f : b.files) {
    fs::path existing = repo / f.path;
    if (fs::exists(existing, ec)) {
      auto current = util::read_file(existing);
      if (!current) return current.error();
      if (*current != f.content) out += unified_diff(f.path, &*current, f.content);
    } else {
      out += unified_diff(f.path, nullptr, f.content);
    }
  }
  return out;
}

}  // namespace copilot::plan
