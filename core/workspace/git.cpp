#include "workspace/git.h"

#include <git2.h>

#include <algorithm>
#include <map>
#include <mutex>

namespace copilot::workspace {
namespace {

// libgit2 keeps global state; initialise it once for the process.
void ensure_libgit2() {
  static std::once_flag once;
  std::call_once(once, [] { git_libgit2_init(); });
}

Error last_error(const std::string& what) {
  const git_error* e = git_error_last();
  return Error{what + ": " + (e && e->message ? e->message : "unknown libgit2 error")};
}

template <typename T, void (*Free)(T*)>
struct Owned {
  T* ptr = nullptr;
  ~Owned() {
    if (ptr) Free(ptr);
  }
  T** out() { return &ptr; }
  T* get() const { return ptr; }
};
using OwnedObject = Owned<git_object, git_object_free>;
using OwnedCommit = Owned<git_commit, git_commit_free>;
using OwnedTree = Owned<git_tree, git_tree_free>;
using OwnedDiff = Owned<git_diff, git_diff_free>;
using OwnedIndex = Owned<git_index, git_index_free>;
using OwnedRef = Owned<git_reference, git_reference_free>;
using OwnedPatch = Owned<git_patch, git_patch_free>;
using OwnedWalk = Owned<git_revwalk, git_revwalk_free>;
using OwnedStatus = Owned<git_status_list, git_status_list_free>;
using OwnedBlob = Owned<git_blob, git_blob_free>;

std::string oid_hex(const git_oid* oid) {
  char buf[GIT_OID_HEXSZ + 1];
  git_oid_tostr(buf, sizeof buf, oid);
  return buf;
}

Result<std::vector<FileChange>> collect_changes(git_diff* diff) {
  git_diff_find_options find = GIT_DIFF_FIND_OPTIONS_INIT;
  find.flags = GIT_DIFF_FIND_RENAMES;
  if (git_diff_find_similar(diff, &find) != 0) return last_error("finding renames");

  std::vector<FileChange> changes;
  size_t n = git_diff_num_deltas(diff);
  for (size_t i = 0; i < n; ++i) {
    const git_diff_delta* delta = git_diff_get_delta(diff, i);
    FileChange change;
    change.path = delta->new_file.path ? delta->new_file.path : "";
    change.old_path = delta->old_file.path ? delta->old_file.path : change.path;
    switch (delta->status) {
      case GIT_DELTA_ADDED:
      case GIT_DELTA_UNTRACKED: change.status = 'A'; break;
      case GIT_DELTA_DELETED: change.status = 'D'; break;
      case GIT_DELTA_RENAMED: change.status = 'R'; break;
      default: change.status = 'M';
    }
    change.binary = (delta->flags & GIT_DIFF_FLAG_BINARY) != 0;
    if (change.status != 'D') {
      OwnedPatch patch;
      if (git_patch_from_diff(patch.out(), diff, i) != 0) return last_error("reading diff of " + change.path);
      if (patch.get()) {
        size_t hunks = git_patch_num_hunks(patch.get());
        for (size_t h = 0; h < hunks; ++h) {
          const git_diff_hunk* hunk = nullptr;
          size_t lines = 0;
          if (git_patch_get_hunk(&hunk, &lines, patch.get(), h) != 0) continue;
          change.hunks.push_back({hunk->old_start, hunk->old_lines, hunk->new_start, hunk->new_lines});
          for (size_t l = 0; l < lines; ++l) {
            const git_diff_line* line = nullptr;
            if (git_patch_get_line_in_hunk(&line, patch.get(), h, l) == 0 && line->origin == GIT_DIFF_LINE_ADDITION)
              change.added_lines.insert(line->new_lineno);
          }
        }
        // libgit2 marks binary only after loading the patch.
        if (git_patch_get_delta(patch.get())->flags & GIT_DIFF_FLAG_BINARY) change.binary = true;
      }
    }
    changes.push_back(std::move(change));
  }
  std::sort(changes.begin(), changes.end(), [](const auto& a, const auto& b) { return a.path < b.path; });
  return changes;
}

git_diff_options diff_options(int context_lines = 0) {
  git_diff_options opts = GIT_DIFF_OPTIONS_INIT;
  opts.context_lines = static_cast<uint32_t>(context_lines);
  return opts;
}

Result<git_tree*> tree_of(git_repository* repo, const std::string& sha, OwnedCommit& commit, OwnedTree& tree) {
  git_oid oid;
  if (git_oid_fromstr(&oid, sha.c_str()) != 0) return Error{"not a commit id: " + sha};
  if (git_commit_lookup(commit.out(), repo, &oid) != 0) return last_error("looking up " + sha);
  if (git_commit_tree(tree.out(), commit.get()) != 0) return last_error("reading tree of " + sha);
  return tree.get();
}

/// The commit's changes against its first parent (everything, for a root commit).
bool diff_to_first_parent(git_repository* repo, git_commit* commit, OwnedDiff& diff) {
  OwnedTree tree, parent_tree;
  if (git_commit_tree(tree.out(), commit) != 0) return false;
  if (git_commit_parentcount(commit) > 0) {
    OwnedCommit parent;
    if (git_commit_parent(parent.out(), commit, 0) == 0) git_commit_tree(parent_tree.out(), parent.get());
  }
  git_diff_options opts = diff_options();
  return git_diff_tree_to_tree(diff.out(), repo, parent_tree.get(), tree.get(), &opts) == 0;
}

}  // namespace

Repo::~Repo() {
  if (repo_) git_repository_free(repo_);
}

Result<std::unique_ptr<Repo>> Repo::discover(const std::filesystem::path& path) {
  ensure_libgit2();
  git_buf found = GIT_BUF_INIT;
  if (git_repository_discover(&found, path.c_str(), 0, nullptr) != 0) {
    git_buf_dispose(&found);
    return Error{"not a git repository: " + path.string()};
  }
  std::string git_dir(found.ptr, found.size);
  git_buf_dispose(&found);
  git_repository* repo = nullptr;
  if (git_repository_open(&repo, git_dir.c_str()) != 0) return last_error("opening " + git_dir);
  if (git_repository_is_bare(repo)) {
    git_repository_free(repo);
    return Error{"bare repository has no work tree: " + git_dir};
  }
  std::filesystem::path workdir = git_repository_workdir(repo);
  std::error_code ec;
  auto canonical = std::filesystem::canonical(workdir, ec);
  return std::unique_ptr<Repo>(new Repo(repo, ec ? workdir : canonical));
}

bool Repo::is_shallow() const {
  return git_repository_is_shallow(repo_) == 1;
}

Result<std::string> Repo::resolve(const std::string& revision) const {
  OwnedObject obj;
  if (git_revparse_single(obj.out(), repo_, revision.c_str()) != 0)
    return last_error("unknown revision '" + revision + "'");
  OwnedObject commit;
  if (git_object_peel(commit.out(), obj.get(), GIT_OBJECT_COMMIT) != 0)
    return last_error("'" + revision + "' is not a commit");
  return oid_hex(git_object_id(commit.get()));
}

Result<std::string> Repo::merge_base(const std::string& a, const std::string& b) const {
  git_oid oa, ob, out;
  if (git_oid_fromstr(&oa, a.c_str()) != 0 || git_oid_fromstr(&ob, b.c_str()) != 0) return Error{"bad commit id"};
  if (git_merge_base(&out, repo_, &oa, &ob) != 0) return last_error("no merge base between " + a + " and " + b);
  return oid_hex(&out);
}

std::optional<std::string> Repo::upstream() const {
  OwnedRef head, up;
  if (git_repository_head(head.out(), repo_) != 0) return std::nullopt;
  if (git_branch_upstream(up.out(), head.get()) != 0) return std::nullopt;
  const char* name = nullptr;
  if (git_branch_name(&name, up.get()) != 0 || !name) return std::nullopt;
  return std::string(name);
}

Result<std::vector<std::string>> Repo::list_files() const {
  std::vector<std::string> files;
  OwnedIndex index;
  if (git_repository_index(index.out(), repo_) != 0) return last_error("reading the index");
  size_t n = git_index_entrycount(index.get());
  files.reserve(n);
  for (size_t i = 0; i < n; ++i) {
    const git_index_entry* e = git_index_get_byindex(index.get(), i);
    if (GIT_INDEX_ENTRY_STAGE(e) > 0 && !files.empty() && files.back() == e->path) continue;  // conflict stages
    if ((e->mode & 0170000) == 0160000) continue;                                             // submodule
    files.emplace_back(e->path);
  }
  git_status_options opts = GIT_STATUS_OPTIONS_INIT;
  opts.show = GIT_STATUS_SHOW_WORKDIR_ONLY;
  opts.flags = GIT_STATUS_OPT_INCLUDE_UNTRACKED | GIT_STATUS_OPT_RECURSE_UNTRACKED_DIRS |
               GIT_STATUS_OPT_EXCLUDE_SUBMODULES | GIT_STATUS_OPT_NO_REFRESH;
  OwnedStatus status;
  if (git_status_list_new(status.out(), repo_, &opts) != 0) return last_error("listing untracked files");
  size_t m = git_status_list_entrycount(status.get());
  for (size_t i = 0; i < m; ++i) {
    const git_status_entry* s = git_status_byindex(status.get(), i);
    if ((s->status & GIT_STATUS_WT_NEW) && s->index_to_workdir && s->index_to_workdir->new_file.path)
      files.emplace_back(s->index_to_workdir->new_file.path);
  }
  std::sort(files.begin(), files.end());
  files.erase(std::unique(files.begin(), files.end()), files.end());
  return files;
}

Result<std::vector<FileChange>> Repo::diff_commits(const std::string& base_sha, const std::string& head_sha,
                                                   int context_lines) const {
  OwnedCommit bc, hc;
  OwnedTree bt, ht;
  auto base = tree_of(repo_, base_sha, bc, bt);
  if (!base) return base.error();
  auto head = tree_of(repo_, head_sha, hc, ht);
  if (!head) return head.error();
  OwnedDiff diff;
  git_diff_options opts = diff_options(context_lines);
  if (git_diff_tree_to_tree(diff.out(), repo_, bt.get(), ht.get(), &opts) != 0) return last_error("diffing");
  return collect_changes(diff.get());
}

Result<std::vector<FileChange>> Repo::diff_staged() const {
  OwnedObject head_obj;
  OwnedTree tree;
  if (git_revparse_single(head_obj.out(), repo_, "HEAD^{tree}") == 0)
    git_tree_lookup(tree.out(), repo_, git_object_id(head_obj.get()));
  OwnedIndex index;
  if (git_repository_index(index.out(), repo_) != 0) return last_error("reading the index");
  git_index_read(index.get(), 0);  // pick up changes made since the repository was opened
  OwnedDiff diff;
  git_diff_options opts = diff_options();
  if (git_diff_tree_to_index(diff.out(), repo_, tree.get(), index.get(), &opts) != 0)
    return last_error("diffing the index");
  return collect_changes(diff.get());
}

Result<std::vector<FileChange>> Repo::diff_worktree() const {
  OwnedObject head_obj;
  OwnedTree tree;
  if (git_revparse_single(head_obj.out(), repo_, "HEAD^{tree}") == 0)
    git_tree_lookup(tree.out(), repo_, git_object_id(head_obj.get()));
  OwnedDiff diff;
  OwnedIndex index;
  if (git_repository_index(index.out(), repo_) == 0) git_index_read(index.get(), 0);
  git_diff_options opts = diff_options();
  opts.flags |= GIT_DIFF_INCLUDE_UNTRACKED | GIT_DIFF_RECURSE_UNTRACKED_DIRS | GIT_DIFF_SHOW_UNTRACKED_CONTENT;
  if (git_diff_tree_to_workdir_with_index(diff.out(), repo_, tree.get(), &opts) != 0)
    return last_error("diffing the work tree");
  return collect_changes(diff.get());
}

Result<History> Repo::history(int64_t since_unix, int max_commits) const {
  History out;
  out.shallow = is_shallow();
  OwnedWalk walk;
  if (git_revwalk_new(walk.out(), repo_) != 0) return last_error("walking history");
  git_revwalk_sorting(walk.get(), GIT_SORT_TIME);
  if (git_revwalk_push_head(walk.get()) != 0) return out;  // no commits yet
  std::map<std::string, AuthorStats> authors;
  git_oid oid;
  while (out.commits < max_commits && git_revwalk_next(&oid, walk.get()) == 0) {
    OwnedCommit commit;
    if (git_commit_lookup(commit.out(), repo_, &oid) != 0) continue;
    if (git_commit_time(commit.get()) < since_unix) break;
    ++out.commits;
    const git_signature* sig = git_commit_author(commit.get());
    std::string email = sig && sig->email ? sig->email : "";
    auto& a = authors[email];
    a.email = email;
    if (sig && sig->name) a.name = sig->name;
    ++a.commits;

    OwnedDiff diff;
    if (!diff_to_first_parent(repo_, commit.get(), diff)) continue;
    size_t n = git_diff_num_deltas(diff.get());
    for (size_t i = 0; i < n; ++i) {
      OwnedPatch patch;
      if (git_patch_from_diff(patch.out(), diff.get(), i) != 0 || !patch.get()) continue;
      size_t ctx = 0, add = 0, del = 0;
      git_patch_line_stats(&ctx, &add, &del, patch.get());
      const git_diff_delta* d = git_patch_get_delta(patch.get());
      std::string path = d->new_file.path ? d->new_file.path : "";
      auto& f = out.files[path];
      ++f.commits;
      f.lines_added += static_cast<int64_t>(add);
      f.lines_deleted += static_cast<int64_t>(del);
      f.lines_by_author[email] += static_cast<int64_t>(add + del);
    }
  }
  for (auto& [_, a] : authors) out.authors.push_back(a);
  std::sort(out.authors.begin(), out.authors.end(), [](const auto& x, const auto& y) {
    return x.commits != y.commits ? x.commits > y.commits : x.email < y.email;
  });
  return out;
}

Result<std::vector<CommitSummary>> Repo::commits(const std::string& head_sha, const std::string& hide_sha,
                                                 int max_commits) const {
  std::vector<CommitSummary> out;
  OwnedWalk walk;
  git_oid oid;
  if (git_revwalk_new(walk.out(), repo_) != 0) return last_error("walking history");
  git_revwalk_sorting(walk.get(), GIT_SORT_TOPOLOGICAL | GIT_SORT_TIME);
  if (git_oid_fromstr(&oid, head_sha.c_str()) != 0 || git_revwalk_push(walk.get(), &oid) != 0)
    return last_error("walking from " + head_sha);
  if (!hide_sha.empty() && (git_oid_fromstr(&oid, hide_sha.c_str()) != 0 || git_revwalk_hide(walk.get(), &oid) != 0))
    return last_error("hiding " + hide_sha);
  while (static_cast<int>(out.size()) < max_commits && git_revwalk_next(&oid, walk.get()) == 0) {
    OwnedCommit commit;
    if (git_commit_lookup(commit.out(), repo_, &oid) != 0) return last_error("looking up " + oid_hex(&oid));
    CommitSummary summary;
    summary.sha = oid_hex(&oid);
    summary.parents = static_cast<int>(git_commit_parentcount(commit.get()));
    if (const git_signature* sig = git_commit_author(commit.get())) {
      summary.author_name = sig->name ? sig->name : "";
      summary.author_email = sig->email ? sig->email : "";
      summary.time = sig->when.time;
    }
    OwnedDiff diff;
    if (!diff_to_first_parent(repo_, commit.get(), diff)) return last_error("diffing " + summary.sha);
    for (size_t i = 0, n = git_diff_num_deltas(diff.get()); i < n; ++i) {
      const git_diff_delta* d = git_diff_get_delta(diff.get(), i);
      const char* path = d->status == GIT_DELTA_DELETED ? d->old_file.path : d->new_file.path;
      if (path) summary.paths.emplace_back(path);
    }
    out.push_back(std::move(summary));
  }
  return out;
}

Result<std::string> Repo::read_blob(const std::string& revision, const std::string& path) const {
  OwnedObject obj;
  std::string spec = revision + ":" + path;
  if (git_revparse_single(obj.out(), repo_, spec.c_str()) != 0) return last_error("reading " + spec);
  if (git_object_type(obj.get()) != GIT_OBJECT_BLOB) return Error{spec + " is not a file"};
  auto* blob = reinterpret_cast<git_blob*>(obj.get());
  return std::string(static_cast<const char*>(git_blob_rawcontent(blob)), git_blob_rawsize(blob));
}

}  // namespace copilot::workspace
