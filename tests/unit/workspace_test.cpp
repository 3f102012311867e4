#include "workspace/workspace.h"

#include <gtest/gtest.h>

#include <set>

#include "test_support.h"

namespace copilot::workspace {
namespace {

using copilot::testing::git_commit_all;
using copilot::testing::git_init;
using copilot::testing::TempDir;

std::vector<std::string> paths(const Workspace& ws) {
  std::vector<std::string> out;
  for (const auto& f : ws.files()) out.push_back(f.path);
  return out;
}

TEST(Workspace, GitListsTrackedAndUntrackedButNotIgnored) {
  TempDir dir;
  git_init(dir.path());
  dir.write(".gitignore", "build/\n*.log\n");
  dir.write("src/a.py", "print(1)\n");
  dir.write("build/out.py", "x = 1\n");
  dir.write("debug.log", "noise\n");
  git_commit_all(dir.path(), "one");
  dir.write("src/new.py", "y = 2\n");
  Diagnostics diags;
  auto ws = Workspace::open(dir.path(), {}, 1, diags);
  ASSERT_TRUE(ws.ok()) << ws.error().message;
  EXPECT_NE(ws->repo(), nullptr);
  EXPECT_EQ(paths(*ws), (std::vector<std::string>{".gitignore", "src/a.py", "src/new.py"}));
  const FileEntry* a = ws->find("src/a.py");
  ASSERT_NE(a, nullptr);
  ASSERT_NE(a->language, nullptr);
  EXPECT_EQ(a->language->id, "python");
  EXPECT_TRUE(a->analysed());
}

TEST(Workspace, SubdirectoryOfARepository) {
  TempDir dir;
  git_init(dir.path());
  dir.write("svc/app.js", "module.exports = 1;\n");
  dir.write("other/x.js", "1;\n");
  git_commit_all(dir.path(), "one");
  Diagnostics diags;
  auto ws = Workspace::open(dir.path() / "svc", {}, 1, diags);
  ASSERT_TRUE(ws.ok());
  EXPECT_EQ(paths(*ws), std::vector<std::string>{"app.js"});
  EXPECT_EQ(ws->prefix_in_repo(), "svc/");
}

TEST(Workspace, PlainWalkClassifiesAndNotes) {
  TempDir dir;
  dir.write("node_modules/lib/index.js", "module.exports = 1;\n");
  dir.write("app.min.js", "var a=1;\n");
  dir.write("package-lock.json", "{}\n");
  dir.write("main.go", "package main\n");
  dir.write("blob.bin", std::string("\0\1\2", 3));
  Diagnostics diags;
  auto ws = Workspace::open(dir.path(), {}, 2, diags);
  ASSERT_TRUE(ws.ok());
  EXPECT_EQ(ws->repo(), nullptr);
  EXPECT_EQ(ws->find("node_modules/lib/index.js"), nullptr);  // vendored directories are not walked
  EXPECT_EQ(ws->find("app.min.js")->kind, FileKind::minified);
  EXPECT_EQ(ws->find("package-lock.json")->kind, FileKind::lock);
  EXPECT_TRUE(ws->find("package-lock.json")->loaded);
  EXPECT_EQ(ws->find("blob.bin")->kind, FileKind::binary);
  EXPECT_TRUE(ws->find("main.go")->analysed());
  bool noted = false;
  for (const auto& d : diags.snapshot()) noted = noted || d.message.find("not a git repository") != std::string::npos;
  EXPECT_TRUE(noted);
}

TEST(Workspace, LargeFilesAreSkippedWithANote) {
  TempDir dir;
  dir.write("big.py", std::string(2 << 20, 'x'));
  WalkOptions opts;
  opts.max_file_size = 1 << 20;
  Diagnostics diags;
  auto ws = Workspace::open(dir.path(), opts, 1, diags);
  ASSERT_TRUE(ws.ok());
  EXPECT_EQ(ws->find("big.py")->kind, FileKind::too_large);
  EXPECT_FALSE(ws->find("big.py")->loaded);
  auto notes = diags.take_sorted();
  ASSERT_FALSE(notes.empty());
  EXPECT_EQ(notes.back().file, "big.py");
}

TEST(Git, DiffRevisionsStagedAndWorktree) {
  TempDir dir;
  git_init(dir.path());
  dir.write("a.py", "one\ntwo\nthree\n");
  git_commit_all(dir.path(), "base");
  copilot::testing::run(dir.path(), "git checkout -q -b feature");
  dir.write("a.py", "one\nTWO\nthree\nfour\n");
  dir.write("b.py", "new\n");
  git_commit_all(dir.path(), "change", 1767312000);
  auto repo = Repo::discover(dir.path());
  ASSERT_TRUE(repo.ok());
  auto base = (*repo)->resolve("main");
  auto head = (*repo)->resolve("HEAD");
  ASSERT_TRUE(base.ok() && head.ok());
  auto mb = (*repo)->merge_base(*base, *head);
  ASSERT_TRUE(mb.ok());
  EXPECT_EQ(*mb, *base);
  auto changes = (*repo)->diff_commits(*mb, *head);
  ASSERT_TRUE(changes.ok());
  ASSERT_EQ(changes->size(), 2u);
  EXPECT_EQ((*changes)[0].path, "a.py");
  EXPECT_EQ((*changes)[0].added_lines, (std::set<int>{2, 4}));
  EXPECT_EQ((*changes)[1].status, 'A');
  EXPECT_FALSE((*repo)->resolve("no-such-branch").ok());

  dir.write("c.py", "staged\n");
  copilot::testing::run(dir.path(), "git add c.py");
  dir.write("a.py", "one\nTWO\nthree\nfour\nfive\n");
  auto staged = (*repo)->diff_staged();
  ASSERT_TRUE(staged.ok());
  ASSERT_EQ(staged->size(), 1u);
  EXPECT_EQ((*staged)[0].path, "c.py");
  auto work = (*repo)->diff_worktree();
  ASSERT_TRUE(work.ok());
  ASSERT_EQ(work->size(), 2u);
  EXPECT_EQ((*work)[0].added_lines, std::set<int>{5});

  auto history = (*repo)->history(0);
  ASSERT_TRUE(history.ok());
  EXPECT_EQ(history->commits, 2);
  EXPECT_EQ(history->files.at("a.py").commits, 2);
  EXPECT_EQ((*repo)->read_blob("main", "a.py").value(), "one\ntwo\nthree\n");
}

}  // namespace
}  // namespace copilot::workspace
