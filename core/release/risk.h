#pragma once
// How risky a change is to release, from the repository's own history, with
// every factor shown, and the strategy and steps that risk calls for.
#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "util/result.h"

namespace copilot::release {

struct RiskFactor {
  std::string name;    ///< churn, files, subsystems, tests, findings, familiarity
  double value = 0;    ///< the raw measure (lines, files, ratio...)
  double score = 0;    ///< its 0..1 contribution before weighting
  double weight = 0;   ///< its share of the total
  std::string detail;  ///< "1,240 lines changed in 31 files"
};

struct RiskAssessment {
  int score = 0;      ///< 0..100
  std::string level;  ///< low, medium, high
  std::vector<RiskFactor> factors;
  std::string strategy;                ///< recommended: rolling, canary or blue-green
  std::vector<int> steps;              ///< recommended canary weights, ending at 100
  std::chrono::milliseconds pause{0};  ///< recommended pause per step
};

/// Compares `base` (the last released commit) with `head` in the git
/// repository at `repo`. `review_report` (SARIF or copilot JSON), when given,
/// adds the findings factor.
Result<RiskAssessment> assess_risk(const std::filesystem::path& repo, const std::string& base, const std::string& head,
                                   const std::optional<std::filesystem::path>& review_report);

}  // namespace copilot::release
