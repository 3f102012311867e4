// The plan summary for a terminal: services, files, gates, costs with their
// assumptions, and the gaps the plan could not fill from the audit.
#include <fmt/format.h>

#include "plan/plan.h"
#include "report/plan_formats.h"

namespace copilot::report {
namespace {

std::string bold(bool color, const std::string& s) {
  return color ? "\033[1m" + s + "\033[0m" : s;
}

std::string plural(size_t n, const char* word) {
  return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s");
}

void cost_section(const plan::CostEstimate& c, bool color, std::string& out) {
  out += bold(color, fmt::format("Monthly cost ({} {}, {}; list prices as of {})", c.provider, c.region, c.currency,
                                 c.prices_as_of)) +
         "\n";
  std::vector<std::string> components;
  for (const auto& i : c.profiles.front().items) components.push_back(i.component);
  std::string header = fmt::format("  {:<8}", "profile");
  for (const auto& name : components) header += fmt::format(" {:>13}", name);
  out += header + fmt::format(" {:>10}\n", "total");
  for (const auto& p : c.profiles) {
    std::string row = fmt::format("  {:<8}", p.name);
    for (const auto& i : p.items) row += fmt::format(" {:>13.2f}", i.monthly);
    out += row + fmt::format(" {:>10.2f}\n", p.total);
  }
  out += "  Assumptions:\n";
  for (const auto& p : c.profiles) {
    out += fmt::format("    {} ({}):\n", p.name, p.traffic);
    for (const auto& i : p.items) out += fmt::format("      {:<13} {}\n", i.component, i.assumption);
  }
  out += "  " + c.note + "\n";
}

}  // namespace

std::string plan_to_text(const plan::Blueprint& b, bool color) {
  std::string out;
  out += bold(color, fmt::format("copilot plan: {}", b.project)) +
         fmt::format("  ({}, {})\n\n", plural(b.services.size(), "service"), plural(b.files.size(), "file"));
  out += bold(color, "Services") + "\n";
  for (const auto& s : b.services) {
    out += fmt::format("  {:<24} {:<8} {:<6} {:<12} port {:<6} {}\n", s.name, s.language, s.version,
                       s.framework.empty() ? "-" : s.framework, s.port,
                       s.health_path.empty() ? "no health endpoint" : "health " + s.health_path);
  }
  out += "\n" + bold(color, "Files") + "\n";
  for (const auto& f : b.files) out += fmt::format("  {:<48} {}\n", f.path, f.target);
  if (!b.gates.empty()) {
    out += "\n" + bold(color, "Release gates (copilot-gates.yaml)") + "\n";
    for (const auto& g : b.gates) out += fmt::format("  {:<22} {}\n", g.id, g.description);
  }
  if (b.cost && !b.cost->profiles.empty()) {
    out += "\n";
    cost_section(*b.cost, color, out);
  }
  out += "\n" + bold(color, "Gaps") + "\n";
  if (b.gaps.empty()) out += "  none\n";
  for (const auto& g : b.gaps) out += fmt::format("  [{}] {}\n", g.target, g.message);
  return out;
}

}  // namespace copilot::report
