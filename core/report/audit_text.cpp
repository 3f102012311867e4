// The audit as a readable summary for a terminal.
#include <fmt/format.h>

#include "audit/audit.h"
#include "report/audit_formats.h"

namespace copilot::report {
namespace {

struct Style {
  bool color;
  std::string head(const std::string& s) const { return color ? "\033[1m" + s + "\033[0m" : s; }
  std::string ok(bool pass) const {
    if (!color) return pass ? "PASS" : "FAIL";
    return pass ? "\033[32mPASS\033[0m" : "\033[31mFAIL\033[0m";
  }
};

}  // namespace

std::string audit_to_text(const audit::AuditReport& r, bool color) {
  Style st{color};
  std::string out;
  auto line = [&](const std::string& s) { out += s + "\n"; };
  line(st.head(fmt::format("copilot audit: {}", r.project)) + (r.git ? "" : "  (not a git repository)"));
  line("");
  line(st.head("Languages"));
  line(fmt::format("  {:<24} {:>7} {:>10} {:>10} {:>10}", "language", "files", "code", "comment", "blank"));
  for (const auto& l : r.languages.languages)
    line(fmt::format("  {:<24} {:>7} {:>10} {:>10} {:>10}", l.name, l.files, l.code, l.comment, l.blank));
  const auto& t = r.languages.total;
  line(fmt::format("  {:<24} {:>7} {:>10} {:>10} {:>10}", "total", t.files, t.code, t.comment, t.blank));
  const auto& sk = r.languages.skipped;
  line(fmt::format("  skipped: {} vendored, {} generated, {} minified, {} lock, {} binary, {} too large", sk.vendored,
                   sk.generated, sk.minified, sk.lock, sk.binary, sk.too_large));
  line("");
  line(st.head("Stack"));
  for (const auto& m : r.stack.manifests)
    line(fmt::format("  {} ({}, {}): {} dependencies{}", m.path, m.ecosystem, m.package_manager, m.dependencies.size(),
                     m.lock_file.empty() ? ", not locked" : ", locked by " + m.lock_file));
  for (const auto& f : r.stack.frameworks)
    line(fmt::format(
        "  framework {} ({}){}", f.name, f.category,
        f.evidence.empty() ? "" : " at " + f.evidence.front().file + ":" + std::to_string(f.evidence.front().line)));
  line("");
  line(st.head("Tests"));
  line(fmt::format("  {} test functions in {} files", r.tests.test_functions, r.tests.test_files));
  for (const auto& f : r.tests.frameworks) line(fmt::format("  {}: {} files, {} tests", f.name, f.files, f.tests));
  line("");
  line(st.head("Services"));
  for (const auto& d : r.services.dockerfiles) {
    std::string ports;
    for (const auto& p : d.exposed_ports) ports += (ports.empty() ? "" : ",") + p.port;
    line(fmt::format("  {}: from {}, expose {}, user {}, healthcheck {}", d.file,
                     d.stages.empty() ? "?" : d.stages.back().base_image, ports.empty() ? "-" : ports,
                     d.user.value_or("root"), d.healthcheck ? "yes" : "no"));
  }
  for (const auto& c : r.services.compose)
    for (const auto& s : c.services)
      line(fmt::format("  {} service {}: {}", c.file, s.name, s.image ? *s.image : "build " + s.build.value_or(".")));
  for (const auto& p : r.services.listen_ports)
    line(fmt::format("  listens on {} ({}:{})", p.port, p.evidence.file, p.evidence.line));
  line("");
  line(st.head("Configuration"));
  for (const auto& v : r.configuration.variables)
    if (!v.system) line(fmt::format("  {:<28} {}", v.name, v.documented ? "documented" : "UNDOCUMENTED"));
  line("");
  line(st.head("Data"));
  for (const auto& d : r.data.databases) line("  database " + d.engine);
  for (const auto& m : r.data.migrations) line(fmt::format("  {} migrations in {}: {}", m.tool, m.directory, m.count));
  line("");
  line(st.head("CI/CD"));
  for (const auto& p : r.ci.pipelines) {
    std::string runs;
    for (auto c : audit::kCiCapabilities)
      if (p.runs(c)) runs += (runs.empty() ? "" : ", ") + std::string(audit::to_string(c));
    line(fmt::format("  {} ({}): {}", p.file, p.system, runs.empty() ? "nothing recognised" : runs));
  }
  line("");
  line(st.head("Secrets"));
  if (r.secrets.findings.empty()) line("  none found");
  for (const auto& s : r.secrets.findings)
    line(fmt::format("  {}:{}: {} {} (fingerprint {})", s.file, s.match.line, s.match.description, s.match.redacted,
                     s.match.fingerprint));
  line("");
  line(st.head("License") + ": " + (r.license.spdx_id.empty() ? "unknown" : r.license.spdx_id));
  line("");
  if (r.history.available) {
    line(st.head(fmt::format("History (last {} days)", r.history.since_days)));
    line(fmt::format("  {} commits by {} authors; bus factor {}", r.history.commits, r.history.authors.size(),
                     r.history.bus_factor));
    for (const auto& h : r.history.hotspots)
      line(fmt::format("  hotspot {:<40} churn {:>6}  size {:>6}  owner {} ({:.0f}%)", h.path, h.churn, h.size_lines,
                       h.top_author, h.top_share * 100));
    line("");
  }
  line(st.head(fmt::format("Readiness: {}/100", r.readiness.score)));
  for (const auto& i : r.readiness.items)
    line(fmt::format("  {} {:<48} {:>3}  {}", st.ok(i.passed), i.title, i.weight, i.reason));
  if (!r.warnings.empty()) line(fmt::format("\n{} warnings (see stderr)", r.warnings.size()));
  return out;
}

std::string combine_audit_text(const AuditResults& results, bool color) {
  Totals totals;
  totals.columns = {{"files"}, {"code"}, {"secrets"}, {"readiness", false}};
  totals.row = [&](size_t i) -> std::vector<long long> {
    const audit::AuditReport& r = *results.reports[i];
    return {r.languages.total.files, r.languages.total.code, static_cast<long long>(r.secrets.findings.size()),
            r.readiness.score};
  };
  auto section = [&](size_t i) { return audit_to_text(*results.reports[i], color); };
  return combined_text("audit", results.outcomes, section, totals, color);
}

}  // namespace copilot::report
