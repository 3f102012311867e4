#pragma once
// Writers for `copilot triage` reports, one triage_<name>.cpp each; the table
// that names them is in triage_formats.cpp. Writers return the whole output.
#include <string>
#include <string_view>
#include <vector>

#include "triage/triage.h"

namespace copilot::report {

struct TriageWriterOptions {
  bool color = false;
  /// Put before repository paths so `file:line` opens from the current
  /// directory ("" when the repository is the current directory).
  std::string path_prefix;
};

struct TriageFormat {
  const char* name;
  const char* description;
  std::string (*render)(const triage::TriageReport&, const TriageWriterOptions&);
};

/// Every triage output format, in the order help text lists them.
const std::vector<TriageFormat>& triage_formats();
/// nullptr when no format has this name.
const TriageFormat* find_triage_format(std::string_view name);
/// "text, json, markdown"
std::string triage_format_names();

std::string write_triage_text(const triage::TriageReport& report, const TriageWriterOptions& options);
std::string write_triage_json(const triage::TriageReport& report, const TriageWriterOptions& options);
std::string write_triage_markdown(const triage::TriageReport& report, const TriageWriterOptions& options);

namespace triage_detail {

/// "path:line:col", "path:line", "path" or "" for a group, with the prefix on linked paths.
std::string location(const triage::FailureGroup& group, const TriageWriterOptions& options);
/// "7 failures in 5 groups (pytest, gcc)": the one-line summary.
std::string headline(const triage::TriageReport& report);

}  // namespace triage_detail
}  // namespace copilot::report
