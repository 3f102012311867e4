#include "audit/readiness.h"

#include <fmt/format.h>

#include "audit/audit.h"
#include "util/strings.h"

namespace copilot::audit {
namespace {

bool has_readme(const workspace::Workspace& ws) {
  for (const auto& f : ws.files()) {
    if (f.path.find('/') != std::string::npos) continue;
    std::string lower = util::to_lower(f.path);
    if (util::starts_with(lower, "readme")) return true;
  }
  return false;
}

}  // namespace

// The checklist and its weights are documented in docs/READINESS.md; keep them in step.
ReadinessSection score_readiness(const AuditReport& r, const workspace::Workspace& ws) {
  ReadinessSection out;
  auto add = [&](const char* id, const char* title, int weight, bool passed, std::string reason) {
    out.items.push_back({id, title, weight, passed, std::move(reason)});
    if (passed) out.score += weight;
  };

  add("tests", "Tests are present", 15, r.tests.test_functions > 0,
      r.tests.test_functions > 0
          ? fmt::format("{} test functions in {} files", r.tests.test_functions, r.tests.test_files)
          : "no test functions found");

  std::string ci_test;
  for (const auto& p : r.ci.pipelines)
    if (p.runs(CiCapability::test)) ci_test = p.file;
  add("ci-runs-tests", "CI runs the tests", 15, !ci_test.empty(),
      !ci_test.empty()         ? ci_test + " runs tests"
      : r.ci.pipelines.empty() ? "no CI pipeline found"
                               : "CI pipelines found, but none runs tests");

  std::string missing_lock;
  int manifests_with_deps = 0;
  for (const auto& m : r.stack.manifests) {
    if (m.dependencies.empty() || m.ecosystem == "cmake") continue;
    ++manifests_with_deps;
    if (m.lock_file.empty() && missing_lock.empty()) missing_lock = m.path;
  }
  add("lock-file", "Dependencies are locked", 10, manifests_with_deps > 0 && missing_lock.empty(),
      manifests_with_deps == 0 ? "no dependency manifest found"
      : missing_lock.empty()   ? "every manifest has a lock file"
                               : missing_lock + " has no lock file");

  const Dockerfile* weak = nullptr;
  for (const auto& d : r.services.dockerfiles)
    if (!d.non_root || !d.healthcheck) weak = weak ? weak : &d;
  bool docker_ok = !r.services.dockerfiles.empty() && !weak;
  std::string docker_reason = "no Dockerfile found";
  if (weak)
    docker_reason = weak->file + (!weak->non_root ? " runs as root" : "") +
                    (!weak->non_root && !weak->healthcheck ? " and" : "") +
                    (!weak->healthcheck ? " has no HEALTHCHECK" : "");
  else if (docker_ok)
    docker_reason = "every Dockerfile sets a non-root USER and a HEALTHCHECK";
  add("container", "Container runs as non-root with a HEALTHCHECK", 10, docker_ok, docker_reason);

  add("health-endpoint", "A health endpoint exists", 10, !r.services.health_endpoints.empty(),
      r.services.health_endpoints.empty() ? "no /health, /healthz or /ready route found"
                                          : r.services.health_endpoints.front().evidence.file + ":" +
                                                std::to_string(r.services.health_endpoints.front().evidence.line));

  // Low-confidence guesses (test fixtures, entropy-only matches) do not fail the item.
  std::vector<const SecretFinding*> likely;
  for (const auto& s : r.secrets.findings)
    if (s.match.confidence >= 0.5) likely.push_back(&s);
  add("no-secrets", "No hard-coded secrets", 15, likely.empty(),
      likely.empty() ? fmt::format("none found ({} low-confidence matches)", r.secrets.findings.size())
                     : fmt::format("{} likely secrets, first in {}:{}", likely.size(), likely.front()->file,
                                   likely.front()->match.line));

  add("license", "A license is declared", 5, !r.license.spdx_id.empty(),
      r.license.spdx_id.empty() ? "no license file or manifest license found" : r.license.spdx_id);

  add("readme", "A README exists", 5, has_readme(ws), has_readme(ws) ? "README at the root" : "no README at the root");

  bool env_ok = r.configuration.undocumented.empty();
  add("env-documented", "Environment variables are documented", 10, env_ok,
      env_ok ? fmt::format("{} variables, all documented", r.configuration.variables.size())
             : fmt::format("undocumented: {}", util::join(r.configuration.undocumented, ", ")));

  bool has_db = !r.data.databases.empty();
  bool migrations = !r.data.migrations.empty();
  add("migrations", "Database changes go through migrations", 5, !has_db || migrations,
      !has_db      ? "no database in use"
      : migrations ? r.data.migrations.front().tool
                   : "a database is used without migration tooling");
  return out;
}

}  // namespace copilot::audit
