// `copilot plan [PATH]`
#include "plan/plan.h"

#include <spdlog/spdlog.h>

#include "audit/audit.h"
#include "commands.h"
#include "report/plan_formats.h"
#include "util/files.h"

namespace copilot::cli {
namespace {

namespace fs = std::filesystem;

struct PlanFlags {
  std::string path = ".";
  std::optional<std::string> from;
  std::optional<std::string> out;
  std::vector<std::string> targets;
  bool canary = false;
  std::optional<std::string> cloud;
  std::optional<std::string> templates;
  bool diff = false;
  bool force = false;
  bool no_git = false;
  std::optional<std::string> format;
  std::optional<std::string> output;
};

// A path from .copilot.yaml is relative to the file's directory.
fs::path from_config(const config::Config& cfg, const std::string& value) {
  fs::path p = value;
  return p.is_relative() && !cfg.source.empty() ? cfg.source.parent_path() / p : p;
}

nlohmann::json audit_json(const PlanFlags& flags, const config::Config& cfg) {
  if (flags.from) {
    auto text = util::read_file(*flags.from);
    if (!text) throw Failure{kUsage, text.error().message};
    auto parsed = plan::parse_audit(*text, *flags.from);
    if (!parsed) throw Failure{kUsage, parsed.error().message};
    return std::move(*parsed);
  }
  audit::AuditRequest req;
  req.root = flags.path;
  req.walk.use_git = !flags.no_git;
  req.walk.include_all = cfg.include_all;
  req.walk.max_file_size = static_cast<uint64_t>(cfg.max_file_size_mib) << 20;
  req.walk.exclude = cfg.exclude;
  req.walk.exclude.push_back(".copilot/");  // earlier plans are output, not part of the repository
  req.options.since_days = cfg.audit_since_days;
  req.options.secret_allowlist = cfg.secret_allowlist;
  req.options.jobs = cfg.jobs;
  auto report = audit::run_audit(req);
  if (!report) throw Failure{kRuntime, report.error().message};
  return audit::to_json(*report);
}

int run(const PlanFlags& flags, const GlobalOptions& global) {
  config::Config cfg = load_config(global, flags.path);
  std::string format = flags.format.value_or("text");
  if (!report::is_plan_format(format))
    throw Failure{kUsage, "unknown plan format '" + format + "' (use " + report::plan_format_names() + ")"};

  plan::PlanRequest req;
  req.audit = audit_json(flags, cfg);
  req.targets = flags.targets.empty() ? cfg.plan_targets : flags.targets;
  req.canary = flags.canary;
  req.cloud = flags.cloud.value_or(cfg.plan_cloud.empty() ? "aws" : cfg.plan_cloud);
  if (flags.templates)
    req.templates = *flags.templates;
  else if (!cfg.plan_templates.empty())
    req.templates = from_config(cfg, cfg.plan_templates);
  if (req.templates && !fs::is_directory(*req.templates))
    throw Failure{kUsage, req.templates->string() + ": templates directory not found"};
  req.registry = cfg.plan_registry;
  req.copilot_action = cfg.plan_copilot_action;

  auto blueprint = plan::make_plan(req);
  if (!blueprint) throw Failure{blueprint.error().usage ? kUsage : kRuntime, blueprint.error().message};
  for (const auto& gap : blueprint->gaps) spdlog::info("gap [{}]: {}", gap.target, gap.message);

  if (flags.diff) {
    auto diff = plan::diff_blueprint(*blueprint, flags.path);
    if (!diff) throw Failure{kRuntime, diff.error().message};
    emit(*diff, flags.output);
    return kOk;
  }
  fs::path out = flags.out               ? fs::path(*flags.out)
                 : !cfg.plan_out.empty() ? from_config(cfg, cfg.plan_out)
                                         : fs::path(flags.path) / ".copilot" / "plan";
  auto written = plan::write_blueprint(*blueprint, out, flags.force);
  if (!written) throw Failure{written.error().usage ? kUsage : kRuntime, written.error().message};
  spdlog::info("plan: {} file(s) written to {}, {} unchanged", written->written.size(), out.string(),
               written->unchanged.size());
  emit(report::render_plan(*blueprint, format, use_color(global, cfg)), flags.output);
  return kOk;
}

std::string target_help() {
  std::string out = "Plan only this target (repeatable):";
  for (const auto& t : plan::plan_targets()) out += " " + t.name;
  return out;
}

}  // namespace

void attach_plan(CLI::App& sub, const GlobalOptions& global, std::function<int()>& run_fn) {
  auto f = std::make_shared<PlanFlags>();
  sub.add_option("path", f->path, "Repository to plan for (default: .)");
  sub.add_option("--from", f->from, "Plan from this audit report (copilot audit --format json) instead of auditing");
  sub.add_option("--out", f->out, "Directory to write the plan to (default: PATH/.copilot/plan)");
  sub.add_option("--target", f->targets, target_help())->delimiter(',')->allow_extra_args(false);
  sub.add_flag("--canary", f->canary, "Kubernetes: an Argo Rollouts canary instead of a Deployment");
  sub.add_option("--cloud", f->cloud, "Terraform and prices for aws or gcp (default aws)")
      ->check(CLI::IsMember({"aws", "gcp"}));
  sub.add_option("--templates", f->templates, "Directory laid out like templates/ overriding built-in templates");
  sub.add_flag("--diff", f->diff, "Show a unified diff against the repository's files; write nothing");
  sub.add_flag("--force", f->force, "Replace files in the output directory that differ");
  sub.add_flag("--no-git", f->no_git, "Audit the directory walk even inside a git repository");
  sub.add_option("-f,--format", f->format, "Summary format: " + report::plan_format_names());
  sub.add_option("-o,--output", f->output, "Write the summary (or the diff) to FILE (atomically)");
  sub.callback([f, &global, &run_fn] { run_fn = [f, &global] { return run(*f, global); }; });
}

}  // namespace copilot::cli
