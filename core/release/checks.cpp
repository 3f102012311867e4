#include "release/checks.h"

#include <sstream>

#include "release/journal.h"
#include "workspace/git.h"

namespace copilot::release {
namespace {

namespace fs = std::filesystem;

fs::path resolve(const fs::path& root, const fs::path& p) {
  return p.is_relative() ? root / p : p;
}

/// The readiness gates to judge: --gates, else release.gates_file, else what
/// `copilot plan` writes, where it writes it. Nullopt when there are none.
Result<std::optional<fs::path>> gates_file(const config::Config& config, const ChecksRequest& request) {
  std::error_code ec;
  if (request.gates_file) {
    if (!fs::exists(*request.gates_file, ec))
      return Error{"--gates: " + request.gates_file->string() + ": not found", true};
    return std::optional<fs::path>(*request.gates_file);
  }
  if (!config.release.gates_file.empty()) {
    fs::path p = resolve(config.source.empty() ? request.root : config.source.parent_path(), config.release.gates_file);
    if (!fs::exists(p, ec))
      return Error{config.source.string() + ": key 'release.gates_file': " + p.string() + " not found", true};
    return std::optional<fs::path>(p);
  }
  for (const char* candidate : {"copilot-gates.yaml", ".copilot/plan/copilot-gates.yaml"})
    if (fs::exists(request.root / candidate, ec)) return std::optional<fs::path>(request.root / candidate);
  return std::optional<fs::path>();
}

ReadinessArtifacts artifacts_of(const config::Config& config) {
  ReadinessArtifacts a;
  if (!config.release.test_reports.empty()) a.test_reports = config.release.test_reports;
  if (!config.release.review_report.empty()) a.review_report = config.release.review_report;
  if (!config.release.coverage_report.empty()) a.coverage_report = config.release.coverage_report;
  return a;
}

/// The commit the last successful release of this environment was cut from.
std::string last_released_commit(const Environment& env) {
  Journal journal(env.journal_file);
  if (!journal.load()) return "";
  for (auto it = journal.releases().rbegin(); it != journal.releases().rend(); ++it)
    if (it->kind == "release" && it->status == ReleaseStatus::kSucceeded && !it->commit.empty()) return it->commit;
  return "";
}

}  // namespace

Result<CommandLineWaiver> parse_waiver(const std::string& text) {
  size_t eq = text.find('=');
  if (eq == std::string::npos || eq == 0 || eq + 1 >= text.size())
    return Error{"--waive: '" + text + "' is not GATE=REASON", true};
  return CommandLineWaiver{text.substr(0, eq), text.substr(eq + 1)};
}

Result<ChecksResult> run_release_checks(const config::Config& config, Environment& env, const ChecksRequest& request) {
  ChecksResult result;
  if (!request.version.empty())
    if (auto known = env.target->check_version(request.version); !known) return Error{known.error().message, true};
  auto gates = gates_file(config, request);
  if (!gates) return gates.error();
  if (*gates) {
    auto readiness = evaluate_readiness(**gates, request.root, artifacts_of(config), request.waivers,
                                        std::chrono::system_clock::now());
    if (!readiness) return Error{readiness.error().message, true};
    result.readiness = std::move(*readiness);
  } else {
    if (!request.waivers.empty()) return Error{"--waive: there is no readiness gates file to waive a gate of", true};
    result.notes.push_back("no readiness gates file (copilot-gates.yaml, from copilot plan): readiness not checked");
  }

  auto repo = workspace::Repo::discover(request.root);
  if (!repo) {
    result.notes.push_back("not a git repository: no change risk score");
    return result;
  }
  std::string base = request.base.empty() ? last_released_commit(env) : request.base;
  if (base.empty()) base = "HEAD~1";
  auto base_sha = (*repo)->resolve(base);
  if (!base_sha) {
    if (!request.base.empty()) return Error{"--base: " + base_sha.error().message, true};
    result.notes.push_back("no earlier commit to compare with: no change risk score");
    return result;
  }
  std::optional<fs::path> review = resolve(request.root, artifacts_of(config).review_report);
  std::error_code ec;
  if (!fs::exists(*review, ec)) review.reset();
  auto risk = assess_risk((*repo)->workdir(), *base_sha, "HEAD", review);
  if (!risk)
    result.notes.push_back("change risk not scored: " + risk.error().message);
  else
    result.risk = std::move(*risk);
  return result;
}

std::string apply_recommendation(const RiskAssessment& risk, Environment& env, const StrategyChoice& chosen) {
  if (!chosen.strategy) env.strategy = risk.strategy;
  if (chosen.steps.empty()) env.steps = env.strategy == "blue-green" ? default_steps("blue-green") : risk.steps;
  if (!chosen.pause) env.pause = risk.pause;
  std::ostringstream out;
  out << "risk " << risk.score << " (" << risk.level << "): " << env.strategy << ", steps";
  for (size_t i = 0; i < env.steps.size(); ++i) out << (i ? "," : " ") << env.steps[i];
  out << ", pause " << env.pause.count() / 1000.0 << " s";
  return out.str();
}

nlohmann::json ChecksResult::to_json() const {
  nlohmann::json j = nlohmann::json::object();
  if (readiness) {
    j["readiness"] = {{"gates_file", readiness->gates_file.string()}, {"passed", readiness->passed()}};
    auto& gates = j["readiness"]["gates"] = nlohmann::json::array();
    for (const auto& g : readiness->gates) {
      nlohmann::json v = {{"id", g.id}, {"check", g.check}, {"passed", g.passed}, {"detail", g.detail}};
      if (g.waived) v["waiver"] = {{"reason", g.waiver_reason}, {"expires", g.waiver_expires}};
      gates.push_back(v);
    }
  }
  if (risk) {
    j["risk"] = {{"score", risk->score},
                 {"level", risk->level},
                 {"strategy", risk->strategy},
                 {"steps", risk->steps},
                 {"pause_ms", risk->pause.count()}};
    auto& factors = j["risk"]["factors"] = nlohmann::json::array();
    for (const auto& f : risk->factors)
      factors.push_back(
          {{"name", f.name}, {"value", f.value}, {"score", f.score}, {"weight", f.weight}, {"detail", f.detail}});
  }
  if (!notes.empty()) j["notes"] = notes;
  return j;
}

std::string ChecksResult::to_text() const {
  std::ostringstream out;
  if (readiness)
    for (const auto& g : readiness->gates)
      out << "readiness " << g.id << ": "
          << (g.passed   ? "pass"
              : g.waived ? "waived"
                         : "FAIL")
          << " (" << g.detail << (g.waived ? "; waiver: " + g.waiver_reason : "") << ")\n";
  if (risk) {
    out << "change risk " << risk->score << " (" << risk->level << ")";
    for (const auto& f : risk->factors) out << "; " << f.name << " " << f.detail;
    out << "\n";
  }
  for (const auto& n : notes) out << n << "\n";
  return out.str();
}

}  // namespace copilot::release
