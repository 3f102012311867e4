#pragma once
// The `release:` section of .copilot.yaml: environments, each with a target,
// a strategy and its analysis gates. Targets and gates read their own keys
// (core/release), so they are kept here as JSON with their location.
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace copilot::config {

/// A mapping whose keys are checked by the code that uses it.
struct SettingsBlock {
  nlohmann::json values = nlohmann::json::object();
  std::string origin;  ///< "FILE:LINE"
  std::string key;     ///< dotted key of the mapping
};

struct EnvironmentConfig {
  std::string name;
  SettingsBlock target;
  std::string strategy;    ///< "" = canary
  std::vector<int> steps;  ///< empty = the strategy's default
  std::string pause;       ///< "" = the strategy's default; a duration such as 30s
  std::vector<SettingsBlock> analysis;
  std::string origin;  ///< "FILE:LINE" of the environment
};

struct ReleaseConfig {
  std::string state_dir;                  ///< "" = .copilot/releases in the repository
  std::string gates_file;                 ///< "" = .copilot/plan/copilot-gates.yaml, else copilot-gates.yaml
  std::vector<std::string> test_reports;  ///< empty = the defaults
  std::string review_report;
  std::string coverage_report;
  std::map<std::string, EnvironmentConfig> environments;
};

}  // namespace copilot::config
