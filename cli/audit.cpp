// `copilot audit [PATH...] [--repos FILE]`
#include "audit/audit.h"

#include <spdlog/spdlog.h>

#include "audit/sbom.h"
#include "batch.h"
#include "commands.h"
#include "publish.h"
#include "report/audit_formats.h"
#include "util/files.h"

namespace copilot::cli {
namespace {

struct AuditFlags {
  std::vector<std::string> paths;
  std::optional<std::string> repos;
  std::optional<std::string> format;
  std::optional<std::string> output;
  std::optional<std::string> sbom;
  std::optional<int> since_days;
  bool no_git = false;
  bool include_all = false;
  std::optional<int> max_file_size_mib;
  std::vector<std::string> exclude;
  PublishFlags publish;
};

std::string format_of(const AuditFlags& flags, const config::Config& cfg) {
  std::string format = flags.format.value_or(cfg.format);
  if (!report::is_audit_format(format))
    throw Failure{kUsage, "unknown audit format '" + format + "' (use " + report::audit_format_names() + ")"};
  return format;
}

/// Audits one repository with its configuration; `label` starts its warnings.
audit::AuditReport audit_repository(const AuditFlags& flags, const config::Config& cfg,
                                    const std::filesystem::path& root, const std::string& label,
                                    std::function<void(const std::string&)> on_phase) {
  audit::AuditRequest req;
  req.root = root;
  req.walk.use_git = !flags.no_git;
  req.walk.include_all = flags.include_all || cfg.include_all;
  req.walk.max_file_size = static_cast<uint64_t>(flags.max_file_size_mib.value_or(cfg.max_file_size_mib)) << 20;
  req.walk.exclude = cfg.exclude;
  req.walk.exclude.insert(req.walk.exclude.end(), flags.exclude.begin(), flags.exclude.end());
  req.options.since_days = flags.since_days.value_or(cfg.audit_since_days);
  req.options.secret_allowlist = cfg.secret_allowlist;
  req.options.jobs = cfg.jobs;
  req.on_phase = std::move(on_phase);

  auto report = audit::run_audit(req);
  if (!report) throw Failure{kRuntime, report.error().message};
  for (const auto& w : report->warnings)
    spdlog::warn("{}{}{}{}", label, w.file, w.line ? ":" + std::to_string(w.line) : "",
                 (w.file.empty() ? "" : ": ") + w.message);
  return std::move(*report);
}

int run_audit(const AuditFlags& flags, const GlobalOptions& global) {
  std::string path = flags.paths.empty() ? "." : flags.paths.front();
  config::Config cfg = load_config(global, path);
  std::string format = format_of(flags, cfg);
  ProgressLine progress(show_progress(global));
  auto report = audit_repository(flags, cfg, path, "",
                                 [&](const std::string& phase) { progress.update("audit: " + phase + "…"); });
  if (flags.sbom) {
    std::string bom = audit::write_cyclonedx(report.stack, report.license, report.project);
    if (auto r = util::write_file_atomic(*flags.sbom, bom); !r) throw Failure{kRuntime, r.error().message};
  }
  emit(report::render_audit(report, format, use_color(global, cfg)), flags.output);
  publish_audit(flags.publish, report, path, cfg);
  return kOk;
}

// Several repositories: the run's own settings (format, colors, threads) come
// from the current directory, each audit's from its repository.
int run_audit_batch(const AuditFlags& flags, const GlobalOptions& global) {
  if (flags.sbom) throw Failure{kUsage, "--sbom describes one repository; run it per repository, not in a batch"};
  if (!flags.publish.notify.empty() || flags.publish.confluence)
    throw Failure{kUsage, "--notify and --confluence publish one repository's audit; run them per repository"};
  config::Config cfg = load_config(global, ".");
  std::string format = format_of(flags, cfg);
  auto repos = batch_repos(flags.paths, flags.repos);
  RunRepository<audit::AuditReport> audit_one = [&](const batch::Repo& repo, unsigned jobs) {
    config::Config repo_cfg = read_config(global, repo.location);
    repo_cfg.jobs = jobs;
    return batch::Checked<audit::AuditReport>{
        audit_repository(flags, repo_cfg, repo.location, repo.path + ": ", nullptr)};
  };
  auto results = run_batch("audit", repos, global, cfg.jobs, audit_one);
  emit(report::render_audit_combined(results, format, use_color(global, cfg)), flags.output);
  return batch_exit_code(results.outcomes);
}

}  // namespace

void attach_audit(CLI::App& sub, const GlobalOptions& global, std::function<int()>& run) {
  auto flags = std::make_shared<AuditFlags>();
  sub.add_option("path", flags->paths,
                 "Repository or directory to audit (default: .); several make a batch run with one combined report");
  add_repos_option(sub, flags->repos);
  sub.add_option("-f,--format", flags->format, "Output format: text or json");
  sub.add_option("-o,--output", flags->output, "Write the report to FILE (atomically)");
  sub.add_option("--sbom", flags->sbom, "Also write a CycloneDX 1.5 SBOM to FILE");
  sub.add_option("--since", flags->since_days, "Git history window in days (default 90)")->check(CLI::PositiveNumber);
  sub.add_flag("--no-git", flags->no_git, "Walk the directory even inside a git repository");
  sub.add_flag("--include-all", flags->include_all, "Analyse vendored, generated, minified and lock files too");
  sub.add_option("--max-file-size", flags->max_file_size_mib, "Skip files larger than this many MiB (default 5)")
      ->check(CLI::PositiveNumber);
  sub.add_option("--exclude", flags->exclude, "Glob of paths to leave out (repeatable)");
  sub.add_option("--notify", flags->publish.notify, "After the report, post a summary to: slack")
      ->delimiter(',')
      ->check(CLI::IsMember({"slack"}));
  sub.add_flag("--confluence", flags->publish.confluence,
               "After the report, publish it as a Confluence page (see confluence: in the config)");
  sub.callback([flags, &global, &run] {
    bool batch = flags->repos || flags->paths.size() > 1;
    run = [flags, &global, batch] { return batch ? run_audit_batch(*flags, global) : run_audit(*flags, global); };
  });
}

}  // namespace copilot::cli
