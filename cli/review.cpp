// `copilot review [PATHS...]`
#include "review/review.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <cstdlib>

#include "commands.h"
#include "publish.h"
#include "remote/github.h"
#include "report/review_formats.h"
#include "util/files.h"

namespace copilot::cli {
namespace {

struct ReviewFlags {
  std::vector<std::string> paths;
  std::string root = ".";
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

int run(const ReviewFlags& flags, const GlobalOptions& global) {
  config::Config cfg = load_config(global, flags.root);
  if (int modes = flags.staged + flags.worktree + flags.all + (flags.base ? 1 : 0); modes > 1)
    throw Failure{kUsage, "choose one of --base, --staged, --worktree and --all"};
  review::ReviewRequest req;
  req.root = flags.root;
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
  std::string filter = flags.filter.value_or(cfg.review_filter);
  auto parsed_filter = review::parse_diff_filter(filter);
  if (!parsed_filter)
    throw Failure{kUsage, "unknown --filter '" + filter + "' (use added, diff_context, file, nofilter)"};
  req.filter = *parsed_filter;
  if (flags.baseline) req.baseline = *flags.baseline;
  req.max_file_size = static_cast<uint64_t>(cfg.max_file_size_mib) << 20;

  std::string format = flags.format.value_or(cfg.format);
  const report::ReviewFormat* writer = report::find_review_format(format);
  if (!writer)
    throw Failure{kUsage, "unknown review format '" + format + "' (use " + report::review_format_names() + ")"};
  std::string fail_on = flags.fail_on.value_or(cfg.review_fail_on);
  std::optional<review::Severity> gate;
  if (fail_on != "none") {
    gate = review::parse_severity(fail_on);
    if (!gate)
      throw Failure{kUsage, "unknown --fail-on '" + fail_on + "' (use none, info, low, medium, high, critical)"};
  }
  double min_conf = flags.min_confidence.value_or(cfg.review_min_confidence);
  req.min_confidence = min_conf;
  req.config = std::move(cfg);

  ProgressLine progress(show_progress(global));
  req.on_progress = [&](size_t done, size_t total) {
    progress.update("review: " + std::to_string(done) + "/" + std::to_string(total) + " files");
  };
  auto out = review::run_review(req);
  if (!out) throw Failure{out.error().usage ? kUsage : kRuntime, out.error().message};
  for (const auto& n : out->result.notes)
    spdlog::info("{}{}: {}", n.file, n.line ? ":" + std::to_string(n.line) : "", n.message);

  if (flags.write_baseline) {
    if (auto r = util::write_file_atomic(*flags.write_baseline, review::write_baseline(out->before_baseline)); !r)
      throw Failure{kRuntime, r.error().message};
  }
  report::WriterOptions options;
  options.color = use_color(global, req.config);
  std::error_code ec;
  auto root = std::filesystem::weakly_canonical(out->root, ec);
  options.source_root = root.string();
  options.read_file = [root](const std::string& file) {
    auto text = util::read_file(root / file);
    return text ? std::move(*text) : std::string();
  };
  emit(writer->render(out->result, options), flags.output);
  bool gate_failed = review::gate_fails(out->result, gate, min_conf);
  // Every destination is tried even when another failed; the first failure decides the message.
  std::optional<Failure> github_failure;
  try {
    if (github) post_to_github(*github, *out, options, gate, gate_failed);
  } catch (const Failure& f) {
    spdlog::error("{}", f.message);
    github_failure = f;
  }
  publish_review(flags.publish, out->result, gate, min_conf, out->root, req.config);
  if (github_failure) throw *github_failure;
  return gate_failed ? kGateFailed : kOk;
}

}  // namespace

void attach_review(CLI::App& sub, const GlobalOptions& global, std::function<int()>& run_fn) {
  auto f = std::make_shared<ReviewFlags>();
  sub.add_option("paths", f->paths, "Only review these files or directories");
  sub.add_option("-C,--root", f->root, "Repository to review (default: .)");
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
  sub.callback([f, &global, &run_fn] { run_fn = [f, &global] { return run(*f, global); }; });
}

}  // namespace copilot::cli
