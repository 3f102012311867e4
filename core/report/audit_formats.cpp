#include "report/audit_formats.h"

#include "audit/audit.h"

namespace copilot::report {
namespace {

struct AuditFormat {
  const char* name;
  std::string (*render)(const audit::AuditReport&, bool color);
  std::string (*combine)(const AuditResults&, bool color);
};
constexpr AuditFormat kFormats[] = {
    {"text", audit_to_text, combine_audit_text},
    {"json", audit_to_json, combine_audit_json},
};

}  // namespace

bool is_audit_format(std::string_view name) {
  for (const auto& f : kFormats)
    if (name == f.name) return true;
  return false;
}

std::string audit_format_names() {
  std::string out;
  for (const auto& f : kFormats) out += (out.empty() ? "" : ", ") + std::string(f.name);
  return out;
}

std::string render_audit(const audit::AuditReport& report, std::string_view format, bool color) {
  for (const auto& f : kFormats)
    if (format == f.name) return f.render(report, color);
  return {};
}

std::string render_audit_combined(const AuditResults& results, std::string_view format, bool color) {
  for (const auto& f : kFormats)
    if (format == f.name) return f.combine(results, color);
  return {};
}

std::string audit_to_json(const audit::AuditReport& report, bool) {
  return audit::to_json(report).dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

std::string combine_audit_json(const AuditResults& results, bool) {
  return combined_json("audit", results.outcomes, [&](size_t i) { return audit::to_json(*results.reports[i]); });
}

}  // namespace copilot::report
