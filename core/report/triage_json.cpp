#include "report/triage_formats.h"

namespace copilot::report {

std::string write_triage_json(const triage::TriageReport& report, const TriageWriterOptions&) {
  // Logs carry arbitrary bytes: replace invalid UTF-8 rather than fail the report.
  return triage::to_json(report).dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace copilot::report
