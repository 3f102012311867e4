#pragma once
// Documents for Confluence in its storage format (XHTML), with no I/O. Each
// kind of document is one function returning a ConfluenceDocument; the
// publisher (confluence.h) does not care which kind it sends.
#include <string>
#include <string_view>

#include "remote/notify_common.h"

namespace copilot::audit {
struct AuditReport;
}

namespace copilot::remote {

struct ConfluenceDocument {
  std::string title;
  std::string storage;  ///< XHTML body, representation "storage"
};

/// Text made safe for XHTML: the five XML entities escaped, control
/// characters XML forbids dropped, invalid UTF-8 replaced by U+FFFD.
std::string xhtml_escape(std::string_view text);

/// The audit report: readiness checklist, languages, findings (secrets,
/// undocumented configuration) and where it came from. `title` empty means
/// "copilot audit: <repository name>".
ConfluenceDocument audit_page(const audit::AuditReport& report, const RunContext& context, const std::string& title);

}  // namespace copilot::remote
