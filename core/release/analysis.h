#pragma once
// Analysis gates judge each step of a release on live signals: HTTP probes,
// Prometheus queries and commands. Like an Argo Rollouts AnalysisRun, a gate
// takes `count` measurements `interval` apart; more than `failure_limit`
// consecutive failures fail the step, and more than `inconclusive_limit`
// inconclusive ones pause the release for a human rather than promote it.
#include <chrono>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "config/release.h"
#include "release/target.h"
#include "util/result.h"

namespace copilot::release {

enum class Outcome { kPass, kFail, kInconclusive };
std::string to_string(Outcome outcome);

struct Measurement {
  Outcome outcome = Outcome::kInconclusive;
  std::optional<double> value;
  std::string detail;
};

/// What gate settings may refer to as {{name}}: version, stable, env, release,
/// step, weight, address (of the new version), stable_address.
using Placeholders = std::map<std::string, std::string>;
std::string expand(const std::string& text, const Placeholders& values);

class AnalysisGate {
 public:
  virtual ~AnalysisGate() = default;
  /// Checks what can be checked before any traffic moves (the endpoint
  /// answers, the query parses); an error stops the release unchanged.
  virtual Result<void> validate(const Placeholders& values) = 0;
  virtual Measurement measure(const Placeholders& values) = 0;

  std::string name;
  std::string kind;
  int count = 1;
  std::chrono::milliseconds interval{std::chrono::seconds(5)};
  int failure_limit = 0;
  int inconclusive_limit = 0;
  std::filesystem::path workdir;  ///< where commands run: the repository root
};

/// Builds the gates of an environment; errors name the file, line and key.
Result<std::vector<std::unique_ptr<AnalysisGate>>> make_gates(const std::vector<config::SettingsBlock>& blocks);

struct GateResult {
  std::string name;
  std::string kind;
  Outcome outcome = Outcome::kPass;
  std::vector<Measurement> measurements;
};

struct StepAnalysis {
  Outcome outcome = Outcome::kPass;
  std::vector<GateResult> gates;
  /// "error-ratio failed: 0.31 > 0.05" for the first gate that did not pass.
  std::string reason() const;
};

/// Measures every gate for one step. `sleep` waits between measurements (a
/// seam for tests); `on_measure` sees each measurement as it is taken.
StepAnalysis analyse(const std::vector<std::unique_ptr<AnalysisGate>>& gates, const Placeholders& values,
                     const std::function<void(std::chrono::milliseconds)>& sleep,
                     const std::function<void(const GateResult&, const Measurement&)>& on_measure);

// One factory per gate kind (analysis.cpp lists them).
Result<std::unique_ptr<AnalysisGate>> make_http_gate(const config::SettingsBlock& block);
Result<std::unique_ptr<AnalysisGate>> make_prometheus_gate(const config::SettingsBlock& block);
Result<std::unique_ptr<AnalysisGate>> make_command_gate(const config::SettingsBlock& block);

}  // namespace copilot::release
