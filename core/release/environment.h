#pragma once
// An environment of .copilot.yaml made ready to act on: its target and gates
// built, its strategy's steps and pause settled, its state files located.
#include <chrono>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "config/config.h"
#include "release/analysis.h"
#include "release/target.h"
#include "util/result.h"

namespace copilot::release {

struct StrategyChoice {
  std::optional<std::string> strategy;             ///< from --strategy
  std::vector<int> steps;                          ///< from --steps
  std::optional<std::chrono::milliseconds> pause;  ///< from --pause
};

struct Environment {
  std::string name;
  std::unique_ptr<Target> target;
  std::vector<std::unique_ptr<AnalysisGate>> gates;
  std::string strategy;
  std::vector<int> steps;  ///< weights of the new version, ending at 100 (blue-green: 0 then 100)
  std::chrono::milliseconds pause{0};
  std::filesystem::path journal_file;
  std::filesystem::path lock_file;
  std::filesystem::path audit_file;
};

/// The steps and pause a strategy takes when none are given.
std::vector<int> default_steps(const std::string& strategy);
std::chrono::milliseconds default_pause(const std::string& strategy);

/// Checks that steps rise and end at 100 (an error names the flag or key).
Result<void> check_steps(const std::vector<int>& steps, const std::string& where);

/// Builds environment `name` from configuration, with flags on top. An
/// unknown environment is an error listing the known ones.
Result<Environment> open_environment(const config::Config& config, const std::filesystem::path& root,
                                     const std::string& name, const StrategyChoice& choice);

}  // namespace copilot::release
