// `copilot audit [PATH]`
#include "audit/audit.h"

#include <spdlog/spdlog.h>

#include "audit/sbom.h"
#include "commands.h"
#include "publish.h"
#include "report/audit_formats.h"
#include "util/files.h"

namespace copilot::cli {
namespace {

struct AuditFlags {
  std::string path = ".";
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

int run_audit(const AuditFlags& flags, const GlobalOptions& global) {
  config::Config cfg = load_config(global, flags.path);
  std::string format = flags.format.value_or(cfg.format);
  if (!report::is_audit_format(format))
    throw Failure{kUsage, "unknown audit format '" + format + "' (use " + report::audit_format_names() + ")"};

  audit::AuditRequest req;
  req.root = flags.path;
  req.walk.use_git = !flags.no_git;
  req.walk.include_all = flags.include_all || cfg.include_all;
  req.walk.max_file_size = static_cast<uint64_t>(flags.max_file_size_mib.value_or(cfg.max_file_size_mib)) << 20;
  req.walk.exclude = cfg.exclude;
  req.walk.exclude.insert(req.walk.exclude.end(), flags.exclude.begin(), flags.exclude.end());
  req.options.since_days = flags.since_days.value_or(cfg.audit_since_days);
  req.options.secret_allowlist = cfg.secret_allowlist;
  req.options.jobs = cfg.jobs;
  ProgressLine progress(show_progress(global));
  req.on_phase = [&](const std::string& phase) { progress.update("audit: " + phase + "…"); };

  auto report = audit::run_audit(req);
  if (!report) throw Failure{kRuntime, report.error().message};
  for (const auto& w : report->warnings)
    spdlog::warn("{}{}{}", w.file, w.line ? ":" + std::to_string(w.line) : "",
                 (w.file.empty() ? "" : ": ") + w.message);

  if (flags.sbom) {
    std::string bom = audit::write_cyclonedx(report->stack, report->license, report->project);
    if (auto r = util::write_file_atomic(*flags.sbom, bom); !r) throw Failure{kRuntime, r.error().message};
  }
  emit(report::render_audit(*report, format, use_color(global, cfg)), flags.output);
  publish_audit(flags.publish, *report, flags.path, cfg);
  return kOk;
}

}  // namespace

void attach_audit(CLI::App& sub, const GlobalOptions& global, std::function<int()>& run) {
  auto flags = std::make_shared<AuditFlags>();
  sub.add_option("path", flags->path, "Repository or directory to audit (default: .)");
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
  sub.callback([&sub, flags, &global, &run] {
    (void)sub;
    run = [flags, &global] { return run_audit(*flags, global); };
  });
}

}  // namespace copilot::cli
