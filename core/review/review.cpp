#include "review/review.h"

#include <algorithm>
#include <atomic>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "audit/secrets.h"
#include "review/checks/checks.h"
#include "review/checks/import_cycles.h"
#include "review/engine.h"
#include "review/llm_agent.h"
#include "review/suppress.h"
#include "review/taint/taint.h"
#include "review/taint/taint_rule.h"
#include "util/diagnostics.h"
#include "util/files.h"
#include "util/glob.h"
#include "util/parallel.h"
#include "util/strings.h"
#include "workspace/workspace.h"

namespace copilot::review {
namespace {

struct Target {
  std::string path;  ///< relative to the repository root (or the reviewed directory)
  std::string content;
  const workspace::FileChange* change = nullptr;  ///< null for --all
};

struct FileResult {
  std::vector<Finding> findings;
  int suppressed = 0;
  bool reviewed = false;
  std::optional<syntax::Tree> tree;  ///< kept for checks across files (import cycles)
};

const RuleInfo kSecretRule{"secret-hardcoded-credential",
                           "security",
                           Severity::high,
                           "A credential is written into the source",
                           "Credentials in source control leak to everyone with read access and live on in history. "
                           "Load them from the environment or a secret manager, and rotate the exposed one.",
                           {"CWE-798"},
                           {"A07:2021"}};

Error usage(std::string message) {
  return Error{std::move(message), true};
}

Result<std::string> pick_base(const workspace::Repo& repo, const std::string& requested) {
  if (!requested.empty()) return requested;
  if (auto up = repo.upstream()) return *up;
  for (const char* name : {"main", "master", "origin/main", "origin/master"})
    if (repo.resolve(name)) return std::string(name);
  return usage("no base revision: the branch has no upstream and there is no main or master; pass --base REV");
}

Result<std::vector<Target>> diff_targets(const ReviewRequest& req, workspace::Repo& repo,
                                         std::vector<workspace::FileChange>& changes, ReviewResult& result) {
  std::vector<Target> targets;
  if (req.mode == ScopeMode::range) {
    auto base_name = pick_base(repo, req.base.empty() ? req.config.review_base : req.base);
    if (!base_name) return base_name.error();
    auto base = repo.resolve(*base_name);
    if (!base) {
      return usage("unknown base revision '" + *base_name + "'" +
                   (repo.is_shallow() ? "; this is a shallow clone: fetch it with `git fetch origin " + *base_name +
                                            "` or `git fetch --unshallow`"
                                      : "; fetch it first (git fetch origin " + *base_name + ")"));
    }
    auto head = repo.resolve(req.head);
    if (!head) return usage("unknown head revision '" + req.head + "'");
    auto mb = repo.merge_base(*base, *head);
    if (!mb) {
      return usage("no merge base between " + *base_name + " and " + req.head +
                   (repo.is_shallow() ? ": the clone is shallow and lacks the shared history; run `git fetch "
                                        "--deepen=200` (or `git fetch --unshallow`, or `fetch-depth: 0` in "
                                        "actions/checkout) and try again"
                                      : ": the histories are unrelated"));
    }
    result.base_sha = *mb;
    result.head_sha = *head;
    result.scope = *base_name + "..." + req.head;
    auto diff = repo.diff_commits(*mb, *head);
    if (!diff) return diff.error();
    changes = std::move(*diff);
  } else {
    auto diff = req.mode == ScopeMode::staged ? repo.diff_staged() : repo.diff_worktree();
    if (!diff) return diff.error();
    changes = std::move(*diff);
    result.scope = req.mode == ScopeMode::staged ? "staged" : "worktree";
  }
  for (const auto& c : changes) {
    if (c.status == 'D' || c.binary) continue;
    Target t{c.path, {}, &c};
    if (req.mode == ScopeMode::range) {
      auto blob = repo.read_blob(result.head_sha, c.path);
      if (!blob) continue;
      t.content = std::move(*blob);
    } else {
      auto text = util::read_file(repo.workdir() / c.path);
      if (!text) continue;
      t.content = std::move(*text);
    }
    targets.push_back(std::move(t));
  }
  return targets;
}

bool in_diff(const Finding& f, const Target& t, DiffFilter filter) {
  if (!t.change || filter == DiffFilter::nofilter || filter == DiffFilter::file) return true;
  if (filter == DiffFilter::added) {
    for (int l = f.location.start_line; l <= std::max(f.location.start_line, f.location.end_line); ++l)
      if (t.change->added_lines.count(l)) return true;
    return false;
  }
  constexpr int kContext = 3;  // the context lines a unified diff shows around a hunk
  for (const auto& h : t.change->hunks)
    if (f.location.start_line >= h.new_start - kContext &&
        f.location.start_line <= h.new_start + h.new_lines + kContext)
      return true;
  return false;
}

std::vector<std::string> read_ignore_globs(const std::filesystem::path& root) {
  std::vector<std::string> globs;
  auto text = util::read_file(root / ".copilotignore");
  if (!text) return globs;
  for (auto line : util::split_lines(*text)) {
    line = util::trim(line);
    if (!line.empty() && line[0] != '#') globs.emplace_back(line);
  }
  return globs;
}

/// What every file's review shares.
struct FileReviewSetup {
  const std::vector<const Rule*>& rules;
  const std::vector<const TaintRule*>& taint;
  const std::set<std::string>& agents;
  const std::set<std::string>& disabled;
  const config::Config& cfg;
  uint64_t max_size;
  bool keep_tree;
  const std::set<std::string>& superseded;
};

// A pattern rule that a taint rule supersedes still runs (it sees code whose
// source is out of the taint analysis' reach, such as a parameter), but only as
// a hint: its confidence is capped here, and it is dropped where the taint rule
// reported the same line.
constexpr double kSupersededConfidence = 0.3;

FileResult review_file(const Target& t, const FileReviewSetup& setup, Diagnostics& notes) {
  const auto& [rules, taint, agents, disabled, cfg, max_size, keep_tree, superseded] = setup;
  FileResult out;
  if (t.content.size() > max_size) {
    notes.add(t.path, "skipped: larger than " + std::to_string(max_size >> 20) + " MiB");
    return out;
  }
  auto kind = workspace::classify_content(t.path, t.content);
  if (kind != workspace::FileKind::source) return out;
  std::string_view src = t.content;
  const workspace::Language* lang = workspace::detect_language(t.path, src.substr(0, src.find('\n')));
  out.reviewed = true;
  std::vector<Finding> found;
  if (agents.count("security")) {
    for (const auto& s : audit::scan_secrets(t.path, t.content)) {
      Finding f;
      f.rule_id = kSecretRule.id;
      f.agent = "security";
      f.severity = kSecretRule.severity;
      f.confidence = s.confidence;
      f.location = {t.path, s.line, s.column, s.line, s.column + static_cast<int>(s.redacted.size())};
      f.message = s.description + " (" + s.redacted + ") is hard-coded";
      f.rationale = kSecretRule.description;
      f.fix_text = "Move the value to the environment or a secret manager and rotate it.";
      f.cwe = kSecretRule.cwe;
      f.owasp = kSecretRule.owasp;
      f.fingerprint = s.fingerprint;  // hashed already; never the secret itself
      found.push_back(std::move(f));
    }
  }
  if (lang && !lang->grammar.empty()) {
    auto tree = syntax::parse(lang->grammar, src);
    if (!tree) {
      notes.add(t.path, tree.error().message + "; pattern rules skipped");
    } else {
      if (tree->has_error()) notes.add(t.path, "syntax errors; reviewed where the tree is sound");
      SourceUnit unit{t.path, std::string(lang->grammar), src, &*tree};
      std::vector<Finding> from_rules = run_rules(rules, unit);
      std::vector<std::string> budget_notes;
      std::vector<Finding> from_taint = run_taint_rules(taint, unit, budget_notes);
      if (!superseded.empty()) {
        std::set<int> taint_lines;
        for (const auto& f : from_taint) taint_lines.insert(f.location.start_line);
        std::erase_if(from_rules, [&](Finding& f) {
          if (!superseded.count(f.rule_id)) return false;
          if (taint_lines.count(f.location.start_line)) return true;
          f.confidence = std::min(f.confidence, kSupersededConfidence);
          return false;
        });
      }
      for (auto& f : from_taint) from_rules.push_back(std::move(f));
      for (auto& n : budget_notes) notes.add(t.path, std::move(n));
      CheckContext ctx{unit, cfg};
      for (const auto& check : code_checks())
        if (agents.count(check.info.agent) && !disabled.count(check.info.id)) check.run(ctx, check, from_rules);
      assign_fingerprints(from_rules, src);
      for (auto& f : from_rules) found.push_back(std::move(f));
      if (keep_tree) out.tree.emplace(std::move(*tree));
    }
  }
  for (auto& f : found) {
    if (suppressed_inline(src, f.location.start_line, f.rule_id)) {
      ++out.suppressed;
      continue;
    }
    out.findings.push_back(std::move(f));
  }
  return out;
}

/// The llm agent over one file's changed hunks (or the whole file for --all);
/// its findings join the rules' unless a rule already said the same thing.
void review_with_model(llm::Client& client, const Target& t, const std::set<std::string>& agents, FileResult& fr,
                       Diagnostics& notes) {
  LlmReviewFile file;
  file.path = t.path;
  file.content = t.content;
  std::string_view src = t.content;
  if (const auto* lang = workspace::detect_language(t.path, src.substr(0, src.find('\n'))))
    file.grammar = lang->grammar;
  if (t.change) {
    for (const auto& h : t.change->hunks)
      if (h.new_lines > 0) file.changed.push_back({h.new_start, h.new_start + h.new_lines - 1});
  } else {
    file.changed = llm::whole_file_ranges(t.content, client.request_tokens());
  }
  if (file.changed.empty()) return;
  std::vector<Finding> found = llm_review_file(client, file, notes);
  std::erase_if(found, [&](const Finding& f) { return !agents.count(f.agent); });
  drop_rule_duplicates(found, fr.findings);
  assign_fingerprints(found, t.content);
  for (auto& f : found) {
    if (suppressed_inline(t.content, f.location.start_line, f.rule_id)) {
      ++fr.suppressed;
      continue;
    }
    fr.findings.push_back(std::move(f));
  }
}

std::set<std::string> load_baseline(const std::filesystem::path& path, std::string& error) {
  std::set<std::string> out;
  auto text = util::read_file(path);
  if (!text) {
    error = text.error().message;
    return out;
  }
  try {
    auto j = nlohmann::json::parse(*text);
    for (const auto& f : j.at("findings"))
      out.insert(f.at("rule_id").get<std::string>() + ":" + f.at("fingerprint").get<std::string>());
  } catch (const std::exception& e) {
    error = path.string() + ": not a copilot baseline: " + e.what();
  }
  return out;
}

}  // namespace

std::optional<DiffFilter> parse_diff_filter(std::string_view s) {
  if (s == "added") return DiffFilter::added;
  if (s == "diff_context") return DiffFilter::diff_context;
  if (s == "file") return DiffFilter::file;
  if (s == "nofilter") return DiffFilter::nofilter;
  return std::nullopt;
}

Result<ReviewOutput> run_review(const ReviewRequest& req) {
  const config::Config& cfg = req.config;
  std::vector<std::filesystem::path> dirs;
  if (req.builtin_rules) dirs.push_back(builtin_rules_dir());
  for (const auto& d : cfg.review_rule_dirs) dirs.push_back(req.root / d);
  for (const auto& d : req.rule_dirs) dirs.push_back(d);
  // Queries are compiled later, only for the languages the change contains.
  auto loaded = load_rules(dirs, false, false);
  if (!loaded) return usage(loaded.error().message);

  std::set<std::string> agents;
  const auto& wanted = !req.agents.empty() ? req.agents : cfg.review_agents;
  for (const char* a : {"security", "style", "logic", "performance", "architecture"})
    if (wanted.empty() || std::find(wanted.begin(), wanted.end(), a) != wanted.end()) agents.insert(a);
  for (const auto& a : wanted)
    if (!std::set<std::string>{"security", "style", "logic", "performance", "architecture"}.count(a))
      return usage("unknown agent '" + a + "' (use security, style, logic, performance, architecture)");
  std::set<std::string> disabled(cfg.review_disable.begin(), cfg.review_disable.end());
  // Built-in rules are compiled and checked by the build, so they may wait for
  // a file that needs them; a user's rule is compiled first, so errors come first.
  const std::string builtin_prefix = (builtin_rules_dir() / "").lexically_normal().string();
  auto builtin = [&](const std::filesystem::path& file) {
    return req.builtin_rules && util::starts_with(file.lexically_normal().string(), builtin_prefix);
  };
  for (auto& r : loaded->rules) {
    r.compile_lazily = builtin(r.file);
    auto it = cfg.review_severity.find(r.id);
    if (it != cfg.review_severity.end()) r.severity = *parse_severity(it->second);
  }
  std::vector<Rule*> selected;  // compiled below, once the languages in scope are known
  std::vector<const TaintRule*> taint;
  ReviewOutput out;
  ReviewResult& result = out.result;
  result.tool_version = COPILOT_VERSION;
  for (auto& r : loaded->rules) {
    if (!agents.count(r.agent) || disabled.count(r.id)) continue;
    selected.push_back(&r);
    result.rules.push_back(r.info());
  }
  std::set<std::string> superseded;  // pattern rules an active taint rule makes redundant
  for (const auto& t : loaded->taint) {
    if (!agents.count(taint_rule_agent(*t)) || disabled.count(taint_rule_id(*t))) continue;
    taint.push_back(t.get());
    result.rules.push_back(taint_rule_info(*t));
    for (const auto& id : taint_rule_supersedes(*t)) superseded.insert(id);
  }
  for (const auto& c : code_checks())
    if (agents.count(c.info.agent) && !disabled.count(c.info.id)) result.rules.push_back(c.info);
  if (agents.count("security") && !disabled.count(kSecretRule.id)) result.rules.push_back(kSecretRule);
  bool cycles = agents.count("architecture") && !disabled.count(import_cycle_rule().id);
  if (cycles) result.rules.push_back(import_cycle_rule());
  if (req.llm)
    for (const auto& r : llm_rules())
      if (agents.count(r.agent)) result.rules.push_back(r);
  std::sort(result.rules.begin(), result.rules.end(), [](const auto& a, const auto& b) { return a.id < b.id; });

  Diagnostics notes;
  std::vector<Target> targets;
  std::vector<workspace::FileChange> changes;
  std::filesystem::path ignore_root = req.root;
  if (req.mode == ScopeMode::all) {
    workspace::WalkOptions walk;
    walk.exclude = cfg.exclude;
    walk.max_file_size = req.max_file_size;
    auto ws = workspace::Workspace::open(req.root, walk, cfg.jobs, notes);
    if (!ws) return ws.error();
    result.scope = "all";
    for (auto& f : ws->files())
      if (f.analysed()) targets.push_back({ws->prefix_in_repo() + f.path, std::move(f.content), nullptr});
    if (ws->repo()) ignore_root = ws->repo()->workdir();
  } else {
    auto repo = workspace::Repo::discover(req.root);
    if (!repo)
      return usage("--base/--staged/--worktree review needs a git repository (" + repo.error().message +
                   "); use --all to review a plain directory");
    auto t = diff_targets(req, **repo, changes, result);
    if (!t) return t.error();
    targets = std::move(*t);
    ignore_root = (*repo)->workdir();
  }

  // Narrow by explicit paths, .copilotignore and configured excludes.
  std::vector<std::string> ignores = read_ignore_globs(ignore_root);
  ignores.insert(ignores.end(), cfg.exclude.begin(), cfg.exclude.end());
  std::vector<std::string> narrow;
  for (const auto& p : req.paths) {
    std::error_code ec;
    auto abs = std::filesystem::weakly_canonical(req.root / p, ec);
    auto rel = std::filesystem::relative(abs, std::filesystem::weakly_canonical(ignore_root, ec), ec).generic_string();
    narrow.push_back(rel == "." ? "" : rel);
  }
  std::erase_if(targets, [&](const Target& t) {
    for (const auto& g : ignores)
      if (util::glob_match(g, t.path)) return true;
    if (narrow.empty()) return false;
    for (const auto& n : narrow)
      if (n.empty() || t.path == n || util::starts_with(t.path, n + "/")) return false;
    return true;
  });

  std::set<std::string> grammar_set;
  for (const auto& t : targets) {
    std::string_view src = t.content;
    if (const auto* lang = workspace::detect_language(t.path, src.substr(0, src.find('\n')));
        lang && !lang->grammar.empty())
      grammar_set.emplace(lang->grammar);
  }
  std::vector<std::string> grammars(grammar_set.begin(), grammar_set.end());
  const std::vector<const Rule*> rules(selected.begin(), selected.end());
  {
    // Every query the review needs, compiled side by side: the rule packs of
    // each language in scope and the taint rules' queries for those languages.
    std::vector<std::function<std::string()>> jobs;
    for (const auto& g : grammars)
      jobs.push_back([&, g]() -> std::string {
        auto pack = rule_pack(rules, g);
        return pack ? "" : pack.error().message;
      });
    for (const auto& g : grammars)
      for (const Rule* r : rules)
        if (runs_anchored(*r) && r->applies_to(g) && !(r->compile_lazily && !r->gate.empty()))
          jobs.push_back([r, g]() -> std::string {
            auto ok = prepare_anchored(*r, g);
            return ok ? "" : ok.error().message;
          });
    for (const TaintRule* t : taint)
      for (size_t gi = 0; gi < t->languages.size(); ++gi)
        if (grammar_set.count(t->languages[gi]) && !(builtin(t->file) && !t->sink_gate.empty()))
          jobs.push_back([t, gi]() -> std::string {
            std::string error;
            return prepare_taint_language(*t, static_cast<int>(gi), &error) ? "" : error;
          });
    std::vector<std::string> errors(jobs.size());
    util::parallel_for(jobs.size(), cfg.jobs, [&](size_t i) { errors[i] = jobs[i](); });
    for (const auto& e : errors)
      if (!e.empty()) return usage(e);
  }
  std::vector<FileResult> per_file(targets.size());
  std::atomic<size_t> done{0};
  const FileReviewSetup setup{rules, taint, agents, disabled, cfg, req.max_file_size, cycles, superseded};
  util::parallel_for(targets.size(), cfg.jobs, [&](size_t i) {
    per_file[i] = review_file(targets[i], setup, notes);
    size_t d = ++done;
    if (req.on_progress && (d % 64 == 0 || d == targets.size())) req.on_progress(d, targets.size());
  });

  if (cycles) {
    // Cycles are a property of several files: found once over the whole scope,
    // then filtered like any other finding of the file they are reported in.
    std::vector<ImportSource> sources;
    std::map<std::string, size_t> by_path;
    for (size_t i = 0; i < targets.size(); ++i) {
      if (!per_file[i].reviewed) continue;
      sources.push_back({targets[i].path, targets[i].content, per_file[i].tree ? &*per_file[i].tree : nullptr});
      by_path[targets[i].path] = i;
    }
    FileReader reader = [&](const std::string& path) -> std::optional<std::string> {
      auto text = util::read_file(ignore_root / path);
      if (!text) return std::nullopt;
      return std::move(*text);
    };
    auto found = find_import_cycles(sources, reader);
    assign_fingerprints(found, "");
    for (auto& f : found) {
      size_t i = by_path.at(f.location.file);
      if (suppressed_inline(targets[i].content, f.location.start_line, f.rule_id)) {
        ++per_file[i].suppressed;
        continue;
      }
      per_file[i].findings.push_back(std::move(f));
    }
  }

  if (req.llm) {
    for (size_t i = 0; i < targets.size(); ++i) {
      if (!per_file[i].reviewed) continue;
      review_with_model(*req.llm, targets[i], agents, per_file[i], notes);
    }
    for (auto& n : req.llm->take_notes()) notes.add("", "llm: " + n);
    result.llm = req.llm->stats();
  }

  DiffFilter filter = req.mode == ScopeMode::all ? DiffFilter::nofilter : req.filter;
  for (size_t i = 0; i < targets.size(); ++i) {
    auto& fr = per_file[i];
    if (fr.reviewed) ++result.files_reviewed;
    result.suppressed_inline += fr.suppressed;
    for (auto& f : fr.findings) {
      if (disabled.count(f.rule_id)) continue;
      auto sev = cfg.review_severity.find(f.rule_id);
      if (sev != cfg.review_severity.end()) f.severity = *parse_severity(sev->second);
      if (f.confidence < req.min_confidence) {
        ++result.below_confidence;
        continue;
      }
      if (!in_diff(f, targets[i], filter)) {
        ++result.filtered_by_diff;
        continue;
      }
      out.before_baseline.push_back(std::move(f));
    }
  }
  auto order = [](const Finding& a, const Finding& b) {
    return std::tie(a.location.file, a.location.start_line, a.location.start_column, a.rule_id) <
           std::tie(b.location.file, b.location.start_line, b.location.start_column, b.rule_id);
  };
  std::sort(out.before_baseline.begin(), out.before_baseline.end(), order);

  std::set<std::string> baseline;
  auto baseline_path = req.baseline;
  if (!baseline_path && !cfg.review_baseline.empty()) baseline_path = ignore_root / cfg.review_baseline;
  if (baseline_path) {
    std::string error;
    baseline = load_baseline(*baseline_path, error);
    if (!error.empty()) return usage(error);
  }
  for (const auto& f : out.before_baseline) {
    if (baseline.count(f.rule_id + ":" + f.fingerprint)) {
      ++result.suppressed_baseline;
      continue;
    }
    result.findings.push_back(f);
  }
  result.notes = notes.take_sorted();
  out.root = ignore_root;
  return out;
}

std::string write_baseline(const std::vector<Finding>& findings) {
  nlohmann::json items = nlohmann::json::array();
  for (const auto& f : findings)
    items.push_back({{"rule_id", f.rule_id}, {"fingerprint", f.fingerprint}, {"file", f.location.file}});
  return nlohmann::json{{"schema_version", "1.0"}, {"findings", items}}.dump(2, ' ', false,
                                                                             nlohmann::json::error_handler_t::replace) +
         "\n";
}

bool gate_fails(const ReviewResult& result, std::optional<Severity> fail_on, double min_confidence) {
  if (!fail_on) return false;
  for (const auto& f : result.findings)
    if (f.severity >= *fail_on && f.confidence >= min_confidence) return true;
  return false;
}

}  // namespace copilot::review
