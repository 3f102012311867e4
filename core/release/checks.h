#pragma once
// What `copilot release` weighs before any traffic moves: the readiness gates
// `copilot plan` wrote, judged against the CI run's artifacts, and the change
// risk score, which `--auto-steps` turns into a strategy and steps.
#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "config/config.h"
#include "release/environment.h"
#include "release/readiness.h"
#include "release/risk.h"

namespace copilot::release {

struct ChecksRequest {
  std::filesystem::path root;
  std::string version;  ///< checked against the target first: a usage error beats a gate verdict
  std::optional<std::filesystem::path> gates_file;  ///< --gates; must exist when given
  std::vector<CommandLineWaiver> waivers;           ///< --waive
  std::string base;                                 ///< --base; default: the last released commit, else HEAD~1
};

struct ChecksResult {
  std::optional<ReadinessReport> readiness;
  std::optional<RiskAssessment> risk;
  std::vector<std::string> notes;  ///< what was not checked, and why
  bool ready() const { return !readiness || readiness->passed(); }
  nlohmann::json to_json() const;
  /// A few lines for people: each gate's verdict, the risk score and its factors.
  std::string to_text() const;
};

Result<ChecksResult> run_release_checks(const config::Config& config, Environment& env, const ChecksRequest& request);

/// Applies the risk score's recommendation to `env`, leaving alone what the
/// command line chose; returns a line saying what it took.
std::string apply_recommendation(const RiskAssessment& risk, Environment& env, const StrategyChoice& chosen);

/// Parses --waive GATE=REASON.
Result<CommandLineWaiver> parse_waiver(const std::string& text);

}  // namespace copilot::release
