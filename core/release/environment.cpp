#include "release/environment.h"

#include "release/settings_reader.h"

namespace copilot::release {

std::vector<int> default_steps(const std::string& strategy) {
  if (strategy == "blue-green") return {0, 100};
  if (strategy == "rolling") return {25, 50, 75, 100};
  return {10, 25, 50, 100};
}

std::chrono::milliseconds default_pause(const std::string& strategy) {
  if (strategy == "rolling") return std::chrono::milliseconds(0);
  return std::chrono::seconds(30);
}

Result<void> check_steps(const std::vector<int>& steps, const std::string& where) {
  if (steps.empty()) return Error{where + ": no steps", true};
  int previous = -1;
  for (int s : steps) {
    if (s < 0 || s > 100) return Error{where + ": step " + std::to_string(s) + " is not a percentage (0-100)", true};
    if (s <= previous)
      return Error{where + ": steps must rise (" + std::to_string(s) + " after " + std::to_string(previous) + ")",
                   true};
    previous = s;
  }
  if (steps.back() != 100) return Error{where + ": the last step must be 100", true};
  return {};
}

Result<Environment> open_environment(const config::Config& config, const std::filesystem::path& root,
                                     const std::string& name, const StrategyChoice& choice) {
  const auto& envs = config.release.environments;
  auto it = envs.find(name);
  if (it == envs.end()) {
    std::string known;
    for (const auto& [n, e] : envs) known += (known.empty() ? "" : ", ") + n;
    std::string where = config.source.empty() ? std::string("no configuration file") : config.source.string();
    return Error{"unknown environment '" + name + "' (" + where + ": " +
                     (known.empty() ? "no release.environments are declared" : "declared: " + known) + ")",
                 true};
  }
  const config::EnvironmentConfig& ec = it->second;
  Environment env;
  env.name = name;
  std::filesystem::path state = config.release.state_dir.empty() ? ".copilot/releases" : config.release.state_dir;
  if (state.is_relative()) state = root / state;
  auto target = make_target(TargetSettings{ec.target.values, ec.target.origin, ec.target.key, root, state / name});
  if (!target) return target.error();
  env.target = std::move(*target);
  auto gates = make_gates(ec.analysis);
  if (!gates) return gates.error();
  env.gates = std::move(*gates);
  for (auto& gate : env.gates) gate->workdir = root;

  env.strategy = choice.strategy.value_or(ec.strategy.empty() ? "canary" : ec.strategy);
  if (env.strategy != "canary" && env.strategy != "blue-green" && env.strategy != "rolling")
    return Error{"--strategy: unknown strategy '" + env.strategy + "' (canary, blue-green or rolling)", true};
  std::string steps_from = "--steps";
  env.steps = choice.steps;
  if (env.steps.empty() && env.strategy == (ec.strategy.empty() ? "canary" : ec.strategy) && !ec.steps.empty()) {
    env.steps = ec.steps;
    steps_from = ec.origin + ": key 'release.environments." + name + ".steps'";
  }
  if (env.steps.empty()) env.steps = default_steps(env.strategy);
  if (env.strategy == "blue-green" && env.steps != std::vector<int>{0, 100})
    return Error{steps_from + ": blue-green switches all traffic at once; it takes no steps", true};
  if (auto ok = check_steps(env.steps, steps_from); !ok) return ok.error();

  env.pause = default_pause(env.strategy);
  if (!ec.pause.empty()) {
    auto p = parse_duration(ec.pause);
    if (!p)
      return Error{ec.origin + ": key 'release.environments." + name + ".pause': '" + ec.pause +
                       "' is not a duration such as 30s or 2m",
                   true};
    env.pause = *p;
  }
  if (choice.pause) env.pause = *choice.pause;

  env.journal_file = state / name / "journal.jsonl";
  env.lock_file = state / name / "lock";
  env.audit_file = state / name / "events.jsonl";
  return env;
}

}  // namespace copilot::release
