// `copilot release`, `copilot release status|resume|abort` and `copilot rollback`
#include <fstream>
#include <sstream>

#include "commands.h"
#include "release/checks.h"
#include "release/engine.h"
#include "release/events.h"
#include "release/settings_reader.h"
#include "workspace/git.h"

namespace copilot::cli {
namespace {

struct ReleaseFlags {
  std::string repo = ".";
  std::string env;
  std::string version;
  std::optional<std::string> strategy;
  std::string steps;
  std::optional<std::string> pause;
  std::optional<std::string> events;
  std::string format = "text";
  std::string reason;
  std::string to;
  bool break_lock = false;
  std::optional<std::string> gates;
  std::vector<std::string> waive;
  bool auto_steps = false;
  std::string base;
};

std::vector<int> parse_steps(const std::string& text) {
  std::vector<int> steps;
  std::stringstream in(text);
  for (std::string item; std::getline(in, item, ',');) {
    try {
      size_t used = 0;
      steps.push_back(std::stoi(item, &used));
      if (used != item.size()) throw std::invalid_argument(item);
    } catch (const std::exception&) {
      throw Failure{kUsage, "--steps: '" + item + "' is not a number (expected a list such as 10,25,50,100)"};
    }
  }
  return steps;
}

release::StrategyChoice strategy_choice(const ReleaseFlags& flags) {
  release::StrategyChoice choice;
  choice.strategy = flags.strategy;
  if (!flags.steps.empty()) choice.steps = parse_steps(flags.steps);
  if (flags.pause) {
    choice.pause = release::parse_duration(*flags.pause);
    if (!choice.pause) throw Failure{kUsage, "--pause: '" + *flags.pause + "' is not a duration such as 30s or 2m"};
  }
  return choice;
}

release::Environment open(const ReleaseFlags& flags, const config::Config& cfg) {
  if (flags.env.empty()) throw Failure{kUsage, "--env is required: name an environment from release.environments"};
  auto env = release::open_environment(cfg, flags.repo, flags.env, strategy_choice(flags));
  if (!env) throw Failure{kUsage, env.error().message};
  return std::move(*env);
}

release::Environment open(const ReleaseFlags& flags, const GlobalOptions& global) {
  return open(flags, load_config(global, flags.repo));
}

/// Readiness gates and change risk, reported; --auto-steps applied. Returns
/// what to record with the release, or throws when a gate fails.
nlohmann::json weigh_release(const ReleaseFlags& flags, const GlobalOptions& global, const config::Config& cfg,
                             release::Environment& env) {
  release::ChecksRequest request;
  request.root = flags.repo;
  request.version = flags.version;
  if (flags.gates) request.gates_file = *flags.gates;
  for (const auto& w : flags.waive) {
    auto waiver = release::parse_waiver(w);
    if (!waiver) throw Failure{kUsage, waiver.error().message};
    request.waivers.push_back(*waiver);
  }
  request.base = flags.base;
  auto checks = release::run_release_checks(cfg, env, request);
  if (!checks) throw Failure{checks.error().usage ? kUsage : kRuntime, checks.error().message};
  std::istringstream lines(checks->to_text());
  for (std::string line; std::getline(lines, line);) progress_note(global, line);
  if (!checks->ready())
    throw Failure{kGateFailed, "readiness gates failed (" + checks->readiness->gates_file.string() +
                                   "); nothing was released. Fix them or --waive GATE=REASON"};
  if (flags.auto_steps) {
    if (!checks->risk) throw Failure{kUsage, "--auto-steps: no change risk score (" + checks->to_text() + ")"};
    progress_note(global, release::apply_recommendation(*checks->risk, env, strategy_choice(flags)));
  }
  return checks->to_json();
}

release::RunOptions run_options(const ReleaseFlags& flags, const GlobalOptions& global, const std::string& command) {
  release::RunOptions options;
  options.command_line = command;
  options.break_lock = flags.break_lock;
  bool json_log = global.log_format.value_or("text") == "json";
  auto events = flags.events ? std::make_shared<std::ofstream>(*flags.events, std::ios::app) : nullptr;
  if (events && !*events) throw Failure{kUsage, "--events: cannot write " + *flags.events};
  options.events = [events, json_log, &global](const nlohmann::json& e) {
    if (events) *events << e.dump() << std::endl;
    if (global.quiet) return;
    if (json_log)
      std::fprintf(stderr, "%s\n", e.dump().c_str());
    else
      progress_note(global, release::describe_event(e));
  };
  return options;
}

int finish(const Result<release::RunResult>& result, const ReleaseFlags& flags) {
  if (!result) throw Failure{result.error().usage ? kUsage : kRuntime, result.error().message};
  nlohmann::json j = {{"release", result->release_id},
                      {"status", release::to_string(result->status)},
                      {"reason", result->reason},
                      {"serving", release::split_json(result->split)}};
  emit(flags.format == "json" ? j.dump(2) + "\n"
                              : result->release_id + " " + release::to_string(result->status) +
                                    (result->reason.empty() ? "" : ": " + result->reason) + "; serving " +
                                    release::describe(result->split) + "\n",
       std::nullopt);
  switch (result->status) {
    case release::ReleaseStatus::kSucceeded:
    case release::ReleaseStatus::kAborted: return kOk;
    case release::ReleaseStatus::kPaused: return kPaused;
    default: return kGateFailed;
  }
}

std::string head_commit(const std::string& repo) {
  auto git = workspace::Repo::discover(repo);
  if (!git) return "";
  auto head = (*git)->resolve("HEAD");
  return head ? *head : "";
}

void add_common(CLI::App& app, ReleaseFlags& flags) {
  app.add_option("--env", flags.env, "Environment declared under release.environments (required)");
  app.add_option("--repo", flags.repo, "Repository whose .copilot.yaml and state are used (default: .)");
  app.add_option("--events", flags.events, "Append every event as a JSON line to FILE");
  app.add_option("--format", flags.format, "Result format: text or json")->check(CLI::IsMember({"text", "json"}));
  app.add_flag("--break-lock", flags.break_lock, "Take the environment's lock from whoever holds it");
}

}  // namespace

void attach_release(CLI::App& sub, const GlobalOptions& global, std::function<int()>& run) {
  auto flags = std::make_shared<ReleaseFlags>();
  sub.require_subcommand(0, 1);
  add_common(sub, *flags);
  sub.add_option("--version", flags->version, "Version to release (as the target names it)");
  sub.add_option("--strategy", flags->strategy, "canary, blue-green or rolling (default: the environment's)")
      ->check(CLI::IsMember({"canary", "blue-green", "rolling"}));
  sub.add_option("--steps", flags->steps, "Canary weights in percent, e.g. 10,25,50,100");
  sub.add_option("--pause", flags->pause, "How long each step runs before it is analysed, e.g. 30s");
  sub.add_flag("--auto-steps", flags->auto_steps,
               "Take the strategy, steps and pause the change risk score recommends");
  sub.add_option("--base", flags->base, "Commit the risk score compares with (default: the last released commit)");
  sub.add_option("--gates", flags->gates, "Readiness gates file (default: copilot-gates.yaml from copilot plan)");
  sub.add_option("--waive", flags->waive, "GATE=REASON: release through a failing readiness gate this once");
  // Runs after a status/resume/abort subcommand's callback, which it must not undo.
  sub.callback([flags, &global, &run, &sub]() {
    if (!sub.get_subcommands().empty()) return;
    run = [flags, &global]() {
      if (flags->version.empty()) throw Failure{kUsage, "--version is required to start a release"};
      config::Config cfg = load_config(global, flags->repo);
      release::Environment env = open(*flags, cfg);
      release::StartRequest request;
      request.version = flags->version;
      request.commit = head_commit(flags->repo);
      request.preflight = weigh_release(*flags, global, cfg, env);
      return finish(release::start_release(env, request, run_options(*flags, global, "copilot release")), *flags);
    };
  });

  auto status_flags = std::make_shared<ReleaseFlags>();
  CLI::App* status = sub.add_subcommand("status", "Show the environment's release and the split its target serves");
  add_common(*status, *status_flags);
  status->callback([status_flags, &global, &run]() {
    run = [status_flags, &global]() {
      release::Environment env = open(*status_flags, global);
      auto report = release::release_status(env);
      if (!report) throw Failure{report.error().usage ? kUsage : kRuntime, report.error().message};
      emit(status_flags->format == "json" ? release::to_json(*report).dump(2) + "\n" : release::to_text(*report),
           std::nullopt);
      return kOk;
    };
  });

  auto resume_flags = std::make_shared<ReleaseFlags>();
  CLI::App* resume = sub.add_subcommand("resume", "Carry on a paused or interrupted release from its journal");
  add_common(*resume, *resume_flags);
  resume->callback([resume_flags, &global, &run]() {
    run = [resume_flags, &global]() {
      release::Environment env = open(*resume_flags, global);
      return finish(release::resume_release(env, run_options(*resume_flags, global, "copilot release resume")),
                    *resume_flags);
    };
  });

  auto abort_flags = std::make_shared<ReleaseFlags>();
  CLI::App* abort = sub.add_subcommand("abort", "Roll back the release in progress and end it");
  add_common(*abort, *abort_flags);
  abort->add_option("--reason", abort_flags->reason, "Why, recorded in the journal");
  abort->callback([abort_flags, &global, &run]() {
    run = [abort_flags, &global]() {
      release::Environment env = open(*abort_flags, global);
      return finish(
          release::abort_release(env, abort_flags->reason, run_options(*abort_flags, global, "copilot release abort")),
          *abort_flags);
    };
  });
}

void attach_rollback(CLI::App& sub, const GlobalOptions& global, std::function<int()>& run) {
  auto flags = std::make_shared<ReleaseFlags>();
  add_common(sub, *flags);
  sub.add_option("--to", flags->to, "Release id to restore (default: the version before the last release)");
  sub.callback([flags, &global, &run]() {
    run = [flags, &global]() {
      release::Environment env = open(*flags, global);
      return finish(release::rollback_release(env, flags->to, run_options(*flags, global, "copilot rollback")), *flags);
    };
  });
}

}  // namespace copilot::cli
