#include "release/analysis.h"

#include <string_view>

namespace copilot::release {

std::string to_string(Outcome outcome) {
  switch (outcome) {
    case Outcome::kPass: return "pass";
    case Outcome::kFail: return "fail";
    case Outcome::kInconclusive: return "inconclusive";
  }
  return "unknown";
}

std::string expand(const std::string& text, const Placeholders& values) {
  std::string out;
  size_t pos = 0;
  while (true) {
    size_t open = text.find("{{", pos);
    if (open == std::string::npos) break;
    size_t close = text.find("}}", open + 2);
    if (close == std::string::npos) break;
    std::string name = text.substr(open + 2, close - open - 2);
    while (!name.empty() && name.front() == ' ') name.erase(name.begin());
    while (!name.empty() && name.back() == ' ') name.pop_back();
    out += text.substr(pos, open - pos);
    auto it = values.find(name);
    out += it == values.end() ? text.substr(open, close + 2 - open) : it->second;
    pos = close + 2;
  }
  return out + text.substr(pos);
}

namespace {

struct GateKind {
  std::string_view name;
  Result<std::unique_ptr<AnalysisGate>> (*make)(const config::SettingsBlock&);
};

constexpr GateKind kGates[] = {
    {"http", make_http_gate},
    {"prometheus", make_prometheus_gate},
    {"command", make_command_gate},
};

}  // namespace

Result<std::vector<std::unique_ptr<AnalysisGate>>> make_gates(const std::vector<config::SettingsBlock>& blocks) {
  std::vector<std::unique_ptr<AnalysisGate>> gates;
  for (const auto& block : blocks) {
    std::string kind = block.values.is_object() ? block.values.value("kind", "") : "";
    const GateKind* found = nullptr;
    for (const auto& g : kGates)
      if (g.name == kind) found = &g;
    if (!found) return Error{block.origin + ": key '" + block.key + ".kind': unknown gate kind '" + kind + "'", true};
    auto gate = found->make(block);
    if (!gate) return gate.error();
    for (const auto& other : gates)
      if (other->name == (*gate)->name)
        return Error{
            block.origin + ": key '" + block.key + ".name': another gate is already named '" + other->name + "'", true};
    gates.push_back(std::move(*gate));
  }
  return gates;
}

std::string StepAnalysis::reason() const {
  for (const auto& g : gates) {
    if (g.outcome == Outcome::kPass) continue;
    std::string detail = g.measurements.empty() ? "" : g.measurements.back().detail;
    return g.name + " " + (g.outcome == Outcome::kFail ? "failed" : "was inconclusive") +
           (detail.empty() ? "" : ": " + detail);
  }
  return "";
}

StepAnalysis analyse(const std::vector<std::unique_ptr<AnalysisGate>>& gates, const Placeholders& values,
                     const std::function<void(std::chrono::milliseconds)>& sleep,
                     const std::function<void(const GateResult&, const Measurement&)>& on_measure) {
  StepAnalysis step;
  for (const auto& gate : gates) {
    GateResult result{gate->name, gate->kind, Outcome::kPass, {}};
    int consecutive_failures = 0;
    int inconclusive = 0;
    // A failure or an inconclusive result within its limit is measured again
    // rather than accepted: the step passes only on a passing measurement.
    const int most = gate->count + gate->failure_limit + gate->inconclusive_limit;
    for (int taken = 1;; ++taken) {
      if (taken > 1) sleep(gate->interval);
      Measurement m = gate->measure(values);
      result.measurements.push_back(m);
      if (on_measure) on_measure(result, m);
      if (m.outcome == Outcome::kFail && ++consecutive_failures > gate->failure_limit) {
        result.outcome = Outcome::kFail;
        break;
      }
      if (m.outcome != Outcome::kFail) consecutive_failures = 0;
      if (m.outcome == Outcome::kInconclusive && ++inconclusive > gate->inconclusive_limit) {
        result.outcome = Outcome::kInconclusive;
        break;
      }
      if (taken >= gate->count && m.outcome == Outcome::kPass) break;
      if (taken >= most) {
        result.outcome = m.outcome;
        break;
      }
    }
    if (result.outcome == Outcome::kFail)
      step.outcome = Outcome::kFail;
    else if (result.outcome == Outcome::kInconclusive && step.outcome == Outcome::kPass)
      step.outcome = Outcome::kInconclusive;
    step.gates.push_back(std::move(result));
    if (step.outcome == Outcome::kFail) break;  // roll back now; the other gates cannot save the step
  }
  return step;
}

}  // namespace copilot::release
