// Command gate: exit 0 passes, exit 1 fails, anything else (or a timeout) is
// inconclusive. The release is in COPILOT_RELEASE_* variables.
#include "release/analysis_common.h"
#include "util/process.h"

namespace copilot::release {
namespace {

class CommandGate : public AnalysisGate {
 public:
  std::vector<std::string> argv;
  std::chrono::milliseconds timeout{std::chrono::minutes(2)};

  Result<void> validate(const Placeholders&) override { return {}; }

  Measurement measure(const Placeholders& values) override {
    util::ProcessRequest request;
    for (const auto& a : argv) request.argv.push_back(expand(a, values));
    request.timeout = timeout;
    request.cwd = workdir;
    for (const auto& [k, v] : values) {
      std::string name = "COPILOT_RELEASE_" + k;
      for (auto& ch : name) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
      request.env[name] = v;
    }
    auto result = util::run_process(request);
    if (!result) return {Outcome::kInconclusive, std::nullopt, "cannot run the command: " + result.error().message};
    std::string output = result->out.empty() ? result->err : result->out;
    while (!output.empty() && output.back() == '\n') output.pop_back();
    if (output.size() > 300) output = output.substr(output.size() - 300);
    std::string detail = result->timed_out ? "timed out" : "exit " + std::to_string(result->exit_code);
    if (!output.empty()) detail += ": " + output;
    Outcome outcome = result->exit_code == 0   ? Outcome::kPass
                      : result->exit_code == 1 ? Outcome::kFail
                                               : Outcome::kInconclusive;
    return {outcome, static_cast<double>(result->exit_code), detail};
  }
};

}  // namespace

Result<std::unique_ptr<AnalysisGate>> make_command_gate(const config::SettingsBlock& block) {
  SettingsReader r(block.values, block.origin, block.key);
  auto gate = std::make_unique<CommandGate>();
  read_common(r, *gate, "command");
  gate->argv = r.command("run", true).value_or(std::vector<std::string>{});
  if (auto v = r.duration("timeout")) gate->timeout = *v;
  if (auto done = finish_settings(r); !done) return done.error();
  return std::unique_ptr<AnalysisGate>(std::move(gate));
}

}  // namespace copilot::release
