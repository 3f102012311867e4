// `copilot review [PATHS...] [-C DIR | --repos FILE]`
#include "review/review.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <cstdlib>

#include "batch.h"
#include "commands.h"
#include "llm.h"
#include "publish.h"
#include "remote/github.h"
#include "report/review_formats.h"
#include "util/files.h"

namespace copilot::cli {
namespace {

struct ReviewFlags {
  std::vector<std::string> paths;
  std::optional<std::string> root;
  std::optional<std::string> repos;
  std::optional<std::string> base;
  std::optional<std::string> head;
  bool staged = false, worktree = false, all = false;
  std::vector<std::string> agents;
  std::vector<std::string> rule_dirs;
  bool no_builtin_rules = false;
  std::optional<std::string> filter;
  std::optional<std::string> format;
  std::optional<std::string> output;
  std::optional<std::string> fail_on;
  std::optional<double> min_confidence;
  std::optional<std::string> baseline;
  std::optional<std::string> write_baseline;
  PublishFlags publish;
  std::vector<std::string> post;
  LlmFlags llm;
};

/// Where --post can publish a review.
const std::vector<std::string> kPostSinks = {"github"};

bool posts_to(const ReviewFlags& flags, const std::string& sink) {
  return std::find(flags.post.begin(), flags.post.end(), sink) != flags.post.end();
}

/// Publishes to GitHub once the local outputs are written, so a failure here loses nothing.
void post_to_github(const Result<remote::github::Context>& context, const review::ReviewOutput& out,
                    const report::WriterOptions& options, std::optional<review::Severity> gate, bool gate_failed) {
  if (!context) throw Failure{kRuntime, "--post github: " + context.error().message};
  remote::github::PublishInput input;
  input.result = &out.result;
  input.repo_root = out.root;
  input.fail_on = gate;
  input.gate_failed = gate_failed;
  input.read_file = options.read_file;
  auto posted = remote::github::publish(*context, input, remote::HttpClient());
  if (!posted) throw Failure{kRuntime, "--post github: " + posted.error().message};
  for (const auto& w : posted->warnings) spdlog::warn("--post github: {}", w);
  spdlog::info("--post github: {} review(s) with {} new inline comment(s), {} already there, {} in the summary",
               posted->reviews_posted, posted->comments_posted, posted->comments_already_there,
               posted->findings_in_summary);
}

void check_scope(const ReviewFlags& flags) {
  if (int modes = flags.staged + flags.worktree + flags.all + (flags.base ? 1 : 0); modes > 1)
    throw Failure{kUsage, "choose one of --base, --staged, --worktree and --all"};
}

review::DiffFilter filter_of(const std::string& name) {
  auto parsed = review::parse_diff_filter(name);
  if (!parsed) throw Failure{kUsage, "unknown --filter '" + name + "' (use added, diff_context, file, nofilter)"};
  return *parsed;
}

std::optional<review::Severity> gate_of(const std::string& fail_on) {
  if (fail_on == "none") return std::nullopt;
  auto gate = review::parse_severity(fail_on);
  if (!gate) throw Failure{kUsage, "unknown --fail-on '" + fail_on + "' (use none, info, low, medium, high, critical)"};
  return gate;
}

const report::ReviewFormat& format_of(const ReviewFlags& flags, const config::Config& cfg) {
  std::string format = flags.format.value_or(cfg.format);
  const report::ReviewFormat* writer = report::find_review_format(format);
  if (!writer)
    throw Failure{kUsage, "unknown review format '" + format + "' (use " + report::review_format_names() + ")"};
  return *writer;
}

struct Reviewed {
  review::ReviewOutput out;
  bool gate_failed = false;
  std::optional<review::Severity> gate;
  double min_confidence = 0;
  config::Config config;                                  ///< the repository's, for publishing
  std::optional<Result<remote::github::Context>> github;  ///< with --post github
};

/// Reviews one repository with its configuration; `label` starts its notes.
Reviewed review_repository(const ReviewFlags& flags, config::Config cfg, const std::filesystem::path& root,
                           const std::string& label, std::function<void(size_t, size_t)> on_progress) {
  review::ReviewRequest req;
  req.root = root;
  req.mode = flags.all        ? review::ScopeMode::all
             : flags.staged   ? review::ScopeMode::staged
             : flags.worktree ? review::ScopeMode::worktree
                              : review::ScopeMode::range;
  req.base = flags.base.value_or("");
  req.head = flags.head.value_or("HEAD");
  // A pull request names its own range; an explicit --base or scope wins.
  std::optional<Result<remote::github::Context>> github;
  if (posts_to(flags, "github")) {
    github = remote::github::context_from_environment([](const char* name) { return std::getenv(name); });
    if (*github && (*github)->pull_request && req.mode == review::ScopeMode::range && !flags.base) {
      req.base = (*github)->pull_request->base_sha;
      if (!flags.head) req.head = (*github)->pull_request->head_sha;
    }
  }
  req.paths = flags.paths;
  req.agents = flags.agents;
  for (const auto& d : flags.rule_dirs) req.rule_dirs.emplace_back(d);
  req.builtin_rules = !flags.no_builtin_rules;
  req.filter = filter_of(flags.filter.value_or(cfg.review_filter));
  if (flags.baseline) req.baseline = *flags.baseline;
  req.max_file_size = static_cast<uint64_t>(cfg.max_file_size_mib) << 20;
  std::optional<review::Severity> gate = gate_of(flags.fail_on.value_or(cfg.review_fail_on));
  double min_conf = flags.min_confidence.value_or(cfg.review_min_confidence);
  req.min_confidence = min_conf;
  req.config = cfg;
  req.on_progress = std::move(on_progress);
  auto model = make_llm_client(flags.llm, flags.llm.on || cfg.llm.review, cfg, root);
  req.llm = model.get();

  auto out = review::run_review(req);
  if (!out) throw Failure{out.error().usage ? kUsage : kRuntime, out.error().message};
  for (const auto& n : out->result.notes)
    spdlog::info("{}{}{}: {}", label, n.file, n.line ? ":" + std::to_string(n.line) : "", n.message);
  bool failed = review::gate_fails(out->result, gate, min_conf);
  return {std::move(*out), failed, gate, min_conf, std::move(cfg), std::move(github)};
}

int run(const ReviewFlags& flags, const GlobalOptions& global) {
  std::string root = flags.root.value_or(".");
  config::Config cfg = load_config(global, root);
  check_scope(flags);
  const report::ReviewFormat& writer = format_of(flags, cfg);
  bool color = use_color(global, cfg);

  ProgressLine progress(show_progress(global));
  auto reviewed = review_repository(flags, std::move(cfg), root, "", [&](size_t done, size_t total) {
    progress.update("review: " + std::to_string(done) + "/" + std::to_string(total) + " files");
  });
  if (flags.write_baseline) {
    if (auto r = util::write_file_atomic(*flags.write_baseline, review::write_baseline(reviewed.out.before_baseline));
        !r)
      throw Failure{kRuntime, r.error().message};
  }
  report::WriterOptions options = report::options_for_root(reviewed.out.root, color);
  emit(writer.render(reviewed.out.result, options), flags.output);
  // Every destination is tried even when another failed; the first failure decides the message.
  std::optional<Failure> github_failure;
  try {
    if (reviewed.github) post_to_github(*reviewed.github, reviewed.out, options, reviewed.gate, reviewed.gate_failed);
  } catch (const Failure& f) {
    spdlog::error("{}", f.message);
    github_failure = f;
  }
  publish_review(flags.publish, reviewed.out.result, reviewed.gate, reviewed.min_confidence, reviewed.out.root,
                 reviewed.config);
  if (github_failure) throw *github_failure;
  return reviewed.gate_failed ? kGateFailed : kOk;
}

// Several repositories: the run's own settings (format, colors, threads) come
// from the current directory, each review's (gate, filter, rules) from its
// repository. Flags are checked once, before any repository runs.
int run_batch_review(const ReviewFlags& flags, const GlobalOptions& global) {
  if (flags.root) throw Failure{kUsage, "-C/--root names one repository; list several with --repos instead"};
  if (flags.write_baseline)
    throw Failure{kUsage, "--write-baseline records one repository; run it per repository, not in a batch"};
  if (!flags.post.empty() || !flags.publish.notify.empty() || flags.publish.jira)
    throw Failure{kUsage, "--post, --notify and --jira publish one repository's review; run them per repository"};
  config::Config cfg = load_config(global, ".");
  check_scope(flags);
  const report::ReviewFormat& writer = format_of(flags, cfg);
  if (flags.filter) filter_of(*flags.filter);
  if (flags.fail_on) gate_of(*flags.fail_on);

  auto repos = batch_repos({}, flags.repos);
  RunRepository<report::RepoReview> review_one = [&](const batch::Repo& repo, unsigned jobs) {
    config::Config repo_cfg = read_config(global, repo.location);
    repo_cfg.jobs = jobs;
    auto reviewed = review_repository(flags, std::move(repo_cfg), repo.location, repo.path + ": ", nullptr);
    return batch::Checked<report::RepoReview>{{std::move(reviewed.out.result), std::move(reviewed.out.root)},
                                              reviewed.gate_failed};
  };
  auto results = run_batch("review", repos, global, cfg.jobs, review_one);
  std::error_code ec;
  report::CombinedOptions options{use_color(global, cfg), std::filesystem::current_path(ec)};
  emit(writer.combine(results, options), flags.output);
  return batch_exit_code(results.outcomes);
}

}  // namespace

void attach_review(CLI::App& sub, const GlobalOptions& global, std::function<int()>& run_fn) {
  auto f = std::make_shared<ReviewFlags>();
  sub.add_option("paths", f->paths, "Only review these files or directories (in each repository)");
  sub.add_option("-C,--root", f->root, "Repository to review (default: .)");
  add_repos_option(sub, f->repos);
  sub.add_option("--base", f->base, "Review changes since the merge base with REV (default: upstream, else main)");
  sub.add_option("--head", f->head, "Last revision of the change (default: HEAD)");
  sub.add_flag("--staged", f->staged, "Review what is staged (pre-commit)");
  sub.add_flag("--worktree", f->worktree, "Review uncommitted changes in the work tree");
  sub.add_flag("--all", f->all, "Review the whole tree, not a change");
  sub.add_option("--agents", f->agents, "security,style,logic,performance,architecture")->delimiter(',');
  sub.add_option("--rules", f->rule_dirs, "Extra rule directory (repeatable)");
  sub.add_flag("--no-builtin-rules", f->no_builtin_rules, "Use only --rules directories");
  sub.add_option("--filter", f->filter, "Diff filter: added, diff_context, file or nofilter (default added)");
  sub.add_option("-f,--format", f->format, "Output: " + report::review_format_names());
  sub.add_option("-o,--output", f->output, "Write the report to FILE (atomically)");
  sub.add_option("--fail-on", f->fail_on, "Exit 1 if a finding is at least this severe (default none)");
  sub.add_option("--min-confidence", f->min_confidence,
                 "Do not report (or gate on) findings below this confidence, 0-1")
      ->check(CLI::Range(0.0, 1.0));
  sub.add_option("--baseline", f->baseline, "Do not report findings recorded in this baseline file");
  sub.add_option("--write-baseline", f->write_baseline, "Record the current findings as a baseline file");
  sub.add_option("--notify", f->publish.notify, "After the report, post a summary to: slack")
      ->delimiter(',')
      ->check(CLI::IsMember({"slack"}));
  sub.add_flag("--jira", f->publish.jira, "After the report, create or update Jira issues (see jira: in the config)");
  sub.add_option("--post", f->post,
                 "Publish the review after writing it: github (pull-request review, summary comment, check run)")
      ->delimiter(',')
      ->check(CLI::IsMember(kPostSinks));
  add_llm_options(sub, f->llm, "Also review the changed hunks with a language model");
  sub.callback([f, &global, &run_fn] {
    run_fn = [f, &global] { return f->repos ? run_batch_review(*f, global) : run(*f, global); };
  });
}

}  // namespace copilot::cli
