#pragma once
// Writers for the audit report. One file per format; the table is in audit_formats.cpp.
#include <string>
#include <string_view>

#include "batch/batch.h"
#include "report/combined.h"

namespace copilot::audit {
struct AuditReport;
}

namespace copilot::report {

bool is_audit_format(std::string_view name);
/// "text, json"
std::string audit_format_names();
std::string render_audit(const audit::AuditReport& report, std::string_view format, bool color);

std::string audit_to_text(const audit::AuditReport& report, bool color);
std::string audit_to_json(const audit::AuditReport& report, bool color);

/// Several repositories' audits in one document of `format`.
using AuditResults = batch::Results<audit::AuditReport>;
std::string render_audit_combined(const AuditResults& results, std::string_view format, bool color);

std::string combine_audit_text(const AuditResults& results, bool color);
std::string combine_audit_json(const AuditResults& results, bool color);

}  // namespace copilot::report
