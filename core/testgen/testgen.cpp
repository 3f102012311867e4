// gen-tests: scope → extract → derive → (characterize) → settle → write/merge
// → (verify) → (coverage) → report.
#include "testgen/testgen.h"

#include <algorithm>
#include <map>
#include <mutex>
#include <set>

#include "syntax/syntax.h"
#include "testgen/language.h"
#include "testgen/markers.h"
#include "testgen/model_fill.h"
#include "testgen/syntax_error.h"
#include "testgen/work.h"
#include "util/files.h"
#include "util/parallel.h"
#include "util/strings.h"
#include "workspace/workspace.h"

namespace copilot::testgen {
namespace {

namespace fs = std::filesystem;
using NameSet = std::set<std::string, std::less<>>;
using ChangedLines = std::map<std::string, std::set<int>, std::less<>>;

bool under(std::string_view path, std::string_view dir) {
  return !dir.empty() &&
         (path == dir || (util::starts_with(path, dir) && path.size() > dir.size() && path[dir.size()] == '/'));
}

Result<ChangedLines> changed_lines(const workspace::Workspace& ws, const std::string& rev) {
  workspace::Repo* repo = ws.repo();
  if (!repo) return Error{"--changed-since needs a git repository", true};
  auto base = repo->resolve(rev);
  if (!base) return Error{"--changed-since: unknown revision '" + rev + "'", true};
  auto head = repo->resolve("HEAD");
  if (!head) return Error{"--changed-since: the repository has no HEAD commit", true};
  ChangedLines out;
  auto add = [&](const Result<std::vector<workspace::FileChange>>& changes) -> Result<void> {
    if (!changes) return changes.error();
    for (const auto& c : *changes) {
      if (!util::starts_with(c.path, ws.prefix_in_repo())) continue;
      auto& lines = out[c.path.substr(ws.prefix_in_repo().size())];
      lines.insert(c.added_lines.begin(), c.added_lines.end());
    }
    return {};
  };
  // Committed changes, then what is staged and what is only in the work tree.
  if (auto r = add(repo->diff_commits(*base, *head)); !r) return r.error();
  if (auto r = add(repo->diff_staged()); !r) return r.error();
  if (auto r = add(repo->diff_worktree()); !r) return r.error();
  return out;
}

// Keeps the units (and their cases) whose lines changed; false when none did.
bool keep_changed(ModuleWork& w, const std::set<int>& lines) {
  NameSet changed;
  for (const auto& u : w.module.units) {
    auto it = lines.lower_bound(u.line);
    if (it != lines.end() && *it <= u.end_line) changed.insert(u.qualname);
  }
  std::erase_if(w.cases, [&](const TestCase& c) { return !c.unit.empty() && !changed.count(c.unit); });
  std::erase_if(w.skipped, [&](const SkippedUnit& s) { return !changed.count(s.unit); });
  std::erase_if(w.module.units, [&](const Unit& u) { return !changed.count(u.qualname); });
  return !changed.empty();
}

std::string import_root_from_out(const fs::path& root, const fs::path& out_dir, const std::string& import_root) {
  fs::path target = import_root.empty() ? root : (root / import_root).lexically_normal();
  fs::path rel = target.lexically_relative(out_dir);
  return rel.empty() ? target.string() : rel.generic_string();
}

int error_line(const std::string& grammar, const std::string& text) {
  auto tree = syntax::parse(grammar, text);
  if (!tree) return 1;
  return tree->has_error() ? first_error_line(tree->root()) : 0;
}

void write_test_file(const RunContext& ctx, const fs::path& out_dir, ModuleWork& w) {
  const auto& lang = *w.lang;
  std::string name = lang.test_file_name(w.module.path);
  fs::path file = out_dir / name;
  std::error_code ec;
  w.result.test_file = file.lexically_relative(ctx.root).generic_string();
  if (w.result.test_file.empty() || util::starts_with(w.result.test_file, "..")) w.result.test_file = file.string();
  std::string text;
  if (fs::exists(file, ec)) {
    auto existing = util::read_file(file);
    if (!existing) {
      w.result.status = "skipped";
      w.result.reason = existing.error().message;
      return;
    }
    w.existed = true;
    w.previous_text = *existing;
  }
  MarkedFile marked = scan_markers(w.previous_text, lang.comment);
  if (w.existed && !marked.generated) {
    w.result.status = "skipped";
    w.result.reason = "a test file that copilot gen-tests did not write is there; it is never replaced";
    return;
  }
  for (const auto& c : w.cases) {
    CaseResult cr{c.id, to_string(c.kind), "generated", c.reason, static_cast<int>(c.rows.size())};
    if (ctx.request.characterize && c.kind == TestCase::Kind::boundary && !c.not_characterizable.empty())
      cr.detail = "not characterized: " + c.not_characterizable;
    if (w.existed && !ctx.request.force && marked.has(c.id)) cr.status = "existing";
    if (c.kind == TestCase::Kind::skeleton) cr.status = "skipped";
    auto it = std::find_if(w.result.units.begin(), w.result.units.end(),
                           [&](const UnitResult& u) { return u.unit == c.unit; });
    if (it == w.result.units.end())
      it = w.result.units.insert(w.result.units.end(), UnitResult{c.unit, c.line, {}, ""});
    it->cases.push_back(cr);
  }
  if (w.existed && !ctx.request.force) {
    text = w.previous_text;
    std::vector<std::pair<std::string, std::string>> blocks;
    for (const auto& c : w.cases) blocks.emplace_back(c.id, lang.render_block(w.module, c));
    w.result.tests_added = merge_blocks(text, lang.comment, blocks, lang.blank_lines);
    w.result.status = w.result.tests_added ? "merged" : "unchanged";
  } else {
    text = lang.render(w.module, w.cases, import_root_from_out(ctx.root, out_dir, w.module.import_root));
    w.result.tests_added = static_cast<int>(w.cases.size());
    w.result.status = w.existed ? "replaced" : "written";
  }
  if (int line = error_line(std::string(lang.grammar), text); line > 0) {
    w.result.status = "skipped";
    w.result.reason = "the generated file would not parse (line " + std::to_string(line) + "); not written";
    w.result.tests_added = 0;
    return;
  }
  w.touched = true;
  if (w.result.status == "unchanged") return;
  if (auto r = util::write_file_atomic(file, text); !r) {
    w.result.status = "skipped";
    w.result.reason = r.error().message;
    w.touched = false;
  }
}

}  // namespace

Result<GenTestsReport> run_gen_tests(const GenTestsRequest& req) {
  std::error_code ec;
  fs::path root = fs::weakly_canonical(fs::absolute(req.root), ec);
  if (ec || !fs::is_directory(root)) return Error{req.root.string() + ": not a directory", true};
  const LanguageSupport* only = nullptr;
  if (!req.framework.empty()) {
    only = language_for_framework(req.framework == "go" ? "go test" : req.framework);
    if (!only)
      return Error{"unknown --framework '" + req.framework + "' (supported: pytest, jest, go, googletest)", true};
  }
  fs::path out_dir = fs::path(req.out).is_absolute() ? fs::path(req.out) : root / req.out;
  out_dir = out_dir.lexically_normal();
  if (fs::exists(out_dir, ec) && !fs::is_directory(out_dir, ec))
    return Error{req.out + ": --out exists and is not a directory", true};
  std::string out_rel = out_dir.lexically_relative(root).generic_string();
  if (util::starts_with(out_rel, "..")) out_rel.clear();
  if (!out_rel.empty() && out_rel.back() == '/') out_rel.pop_back();

  Diagnostics diagnostics;
  workspace::WalkOptions walk;
  auto ws = workspace::Workspace::open(root, walk, req.jobs, diagnostics);
  if (!ws) return ws.error();
  std::vector<std::string> scopes;
  for (const auto& p : req.paths) {
    fs::path abs = fs::path(p).is_absolute() ? fs::path(p) : root / p;
    if (!fs::exists(abs, ec)) return Error{p + ": no such file or directory", true};
    std::string rel = fs::weakly_canonical(abs, ec).lexically_relative(root).generic_string();
    if (rel.empty() || util::starts_with(rel, "..")) return Error{p + ": outside " + root.string(), true};
    scopes.push_back(rel == "." ? "" : rel);
  }
  std::optional<ChangedLines> changed;
  if (req.changed_since) {
    auto c = changed_lines(*ws, *req.changed_since);
    if (!c) return c.error();
    changed = std::move(*c);
  }

  NameSet all_files;
  for (const auto& f : ws->files()) all_files.insert(f.path);
  std::vector<ModuleWork> work;
  for (const auto& f : ws->files()) {
    if (!f.analysed() || !f.language) continue;
    const LanguageSupport* lang = language_for(f.language->id);
    if (!lang || (only && lang != only) || !lang->wants(f.path) || under(f.path, out_rel)) continue;
    if (!scopes.empty() && std::none_of(scopes.begin(), scopes.end(), [&](const std::string& s) {
          return s.empty() || f.path == s || under(f.path, s);
        }))
      continue;
    if (changed && !changed->count(f.path)) continue;
    ModuleWork w;
    w.lang = lang;
    w.module.path = f.path;
    w.result.source = f.path;
    w.result.framework = std::string(lang->framework);
    work.push_back(std::move(w));
  }
  if (req.on_progress) req.on_progress("extracting units from " + std::to_string(work.size()) + " files");

  util::parallel_for(work.size(), req.jobs, [&](size_t i) {
    ModuleWork& w = work[i];
    const auto* file = ws->find(w.module.path);
    w.module = w.lang->extract(w.module.path, file->content);
    if (w.module.skip_reason.empty()) w.lang->resolve_import(w.module, all_files, *ws);
    if (!w.module.skip_reason.empty()) return;
    w.cases = w.lang->derive(w.module, w.skipped);
    if (changed && !keep_changed(w, changed->at(w.module.path)))
      w.module.skip_reason = "no unit changed since " + *req.changed_since;
  });

  RunContext ctx{root, req};
  std::vector<std::string> notes;
  std::mutex notes_mu;
  if (req.characterize) {
    if (req.on_progress) req.on_progress("characterizing pure functions");
    util::parallel_for(work.size(), req.jobs, [&](size_t i) {
      ModuleWork& w = work[i];
      if (!w.module.skip_reason.empty()) return;
      std::vector<std::string> mine;
      if (w.lang->characterize)
        w.lang->characterize(ctx, w.module, w.cases, mine);
      else
        mine.push_back(w.module.path + ": --characterize is not available for " + std::string(w.lang->framework));
      std::lock_guard lock(notes_mu);
      notes.insert(notes.end(), mine.begin(), mine.end());
    });
  }

  // Test file names must not collide (a/b_c.py and a_b/c.py both flatten to test_a_b_c.py).
  NameSet taken;
  util::parallel_for(work.size(), req.jobs, [&](size_t i) {
    ModuleWork& w = work[i];
    if (w.module.skip_reason.empty()) settle(w.cases, w.skipped);
  });
  for (auto& w : work) {
    if (!w.module.skip_reason.empty()) {
      w.result.status = "skipped";
      w.result.reason = w.module.skip_reason;
      continue;
    }
    if (!taken.insert(w.lang->test_file_name(w.module.path)).second) {
      w.result.status = "skipped";
      w.result.reason = "its test file name is taken by another module";
      w.module.skip_reason = w.result.reason;
    }
  }
  if (req.llm) {
    // One module at a time: the client serializes requests anyway, and notes keep their order.
    if (req.on_progress) req.on_progress("asking the model for tests the code did not give");
    for (auto& w : work)
      if (w.module.skip_reason.empty()) fill_with_model(*req.llm, w, ws->find(w.module.path)->content, notes);
    for (auto& n : req.llm->take_notes()) notes.push_back("llm: " + n);
  }
  if (req.on_progress) req.on_progress("writing test files");
  util::parallel_for(work.size(), req.jobs, [&](size_t i) {
    ModuleWork& w = work[i];
    if (!w.module.skip_reason.empty()) return;
    write_test_file(ctx, out_dir, w);
    for (const auto& s : w.skipped) {
      auto it = std::find_if(w.result.units.begin(), w.result.units.end(),
                             [&](const UnitResult& u) { return u.unit == s.unit; });
      if (it == w.result.units.end()) it = w.result.units.insert(w.result.units.end(), UnitResult{s.unit, 0, {}, ""});
      it->skipped = s.reason;
    }
  });

  GenTestsReport report;
  if (req.llm) report.llm = req.llm->stats();
  report.root = root.string();
  report.out = out_dir.string();
  if (req.verify) {
    if (req.on_progress) req.on_progress("running the generated tests");
    auto v = verify(ctx, work);
    if (!v) return v.error();
    if (req.llm) drop_model_tests_without_coverage(ctx, work, *v, notes);
    report.verify = *v;
  }
  if (req.coverage) {
    if (req.on_progress) req.on_progress("measuring coverage");
    auto total = measure_coverage(ctx, work, ws->files(), out_rel, notes);
    if (!total) return total.error();
    report.coverage_total = *total;
  }
  for (auto& w : work) {
    for (const auto& u : w.result.units) {
      report.units += u.unit.empty() ? 0 : 1;
      if (!u.skipped.empty()) ++report.units_skipped;
      for (const auto& c : u.cases) {
        if (c.status == "existing") continue;
        if (c.kind == "skeleton") ++report.skeletons;
        if (c.kind == "characterized") ++report.characterized;
      }
    }
    report.tests_generated += w.result.tests_added;
    report.files.push_back(std::move(w.result));
  }
  std::sort(report.files.begin(), report.files.end(),
            [](const FileResult& a, const FileResult& b) { return a.source < b.source; });
  for (const auto& d : diagnostics.take_sorted()) notes.push_back(d.file + (d.file.empty() ? "" : ": ") + d.message);
  report.notes = std::move(notes);
  return report;
}

}  // namespace copilot::testgen
