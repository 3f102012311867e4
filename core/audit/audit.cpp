#include "audit/audit.h"

#include <ctime>
#include <future>

#include "util/parallel.h"

namespace copilot::audit {

Result<AuditReport> run_audit(const AuditRequest& request) {
  auto phase = [&](const char* name) {
    if (request.on_phase) request.on_phase(name);
  };
  Diagnostics diagnostics;
  phase("reading files");
  auto ws = workspace::Workspace::open(request.root, request.walk, request.options.jobs, diagnostics);
  if (!ws) return ws.error();

  AuditReport report;
  report.project = ws->root().filename().string();
  report.git = ws->repo() != nullptr;
  AuditInput input{*ws, request.options, diagnostics};
  int64_t now = request.now_unix ? request.now_unix : static_cast<int64_t>(std::time(nullptr));

  phase("analysing");
  // Each detector fills its own section, so they can run side by side.
  std::vector<std::function<void()>> detectors = {
      [&] { report.languages = count_languages(input); },
      [&] { report.stack = detect_stack(input); },
      [&] { report.tests = detect_tests(input); },
      [&] { report.services = detect_services(input); },
      [&] { report.configuration = detect_config(input); },
      [&] { report.data = detect_data(input); },
      [&] { report.ci = detect_ci(input); },
      [&] { report.secrets = detect_secrets(input); },
      [&] { report.license = detect_license(input); },
      [&] { report.history = git_insight(input, now); },
  };
  util::parallel_for(detectors.size(), request.options.jobs, [&](size_t i) { detectors[i](); });
  phase("scoring");
  report.readiness = score_readiness(report, *ws);
  report.warnings = diagnostics.take_sorted();
  return report;
}

nlohmann::json to_json(const AuditReport& r) {
  nlohmann::json j;
  j["schema_version"] = kAuditSchemaVersion;
  j["tool"] = {{"name", "copilot"}, {"version", COPILOT_VERSION}};
  j["project"] = r.project;
  j["git"] = r.git;
  j["languages"] = r.languages.languages;
  j["languages_total"] = r.languages.total;
  j["skipped_files"] = r.languages.skipped;
  j["stack"] = r.stack;
  j["tests"] = r.tests;
  j["services"] = r.services;
  j["configuration"] = r.configuration;
  j["data"] = r.data;
  j["ci"] = r.ci;
  j["secrets"] = r.secrets;
  j["license"] = r.license;
  j["history"] = r.history;
  j["readiness"] = r.readiness;
  nlohmann::json warnings = nlohmann::json::array();
  for (const auto& w : r.warnings) warnings.push_back({{"file", w.file}, {"line", w.line}, {"message", w.message}});
  j["warnings"] = warnings;
  return j;
}

}  // namespace copilot::audit
