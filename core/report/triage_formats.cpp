#include "report/triage_formats.h"

#include <fmt/format.h>

#include <set>

#include "util/strings.h"

namespace copilot::report {

const std::vector<TriageFormat>& triage_formats() {
  static const std::vector<TriageFormat> formats = {
      {"text", "human-readable, most frequent failure first, with clickable file:line", write_triage_text},
      {"json", "the documented JSON report (schemas/triage.schema.json)", write_triage_json},
      {"markdown", "Markdown summary for GITHUB_STEP_SUMMARY or a pull request comment", write_triage_markdown},
  };
  return formats;
}

const TriageFormat* find_triage_format(std::string_view name) {
  for (const auto& f : triage_formats())
    if (name == f.name) return &f;
  return nullptr;
}

std::string triage_format_names() {
  std::string out;
  for (const auto& f : triage_formats()) out += (out.empty() ? "" : ", ") + std::string(f.name);
  return out;
}

namespace triage_detail {

std::string location(const triage::FailureGroup& group, const TriageWriterOptions& options) {
  if (group.file.empty()) return "";
  std::string out = (group.linked ? options.path_prefix : "") + group.file;
  if (group.failure.line > 0) out += fmt::format(":{}", group.failure.line);
  if (group.failure.line > 0 && group.failure.column > 0) out += fmt::format(":{}", group.failure.column);
  return out;
}

std::string headline(const triage::TriageReport& report) {
  std::set<std::string> tools;
  for (const auto& log : report.logs) tools.insert(log.tools.begin(), log.tools.end());
  std::vector<std::string> names(tools.begin(), tools.end());
  std::string seen = names.empty() ? "" : " (" + util::join(names, ", ") + ")";
  size_t logs = report.logs.size();
  std::string from = fmt::format("{} log{}", logs, logs == 1 ? "" : "s");
  if (report.groups.empty()) return fmt::format("no failures found in {}{}", from, seen);
  size_t n = report.failures, g = report.groups.size();
  return fmt::format("{} failure{} in {} group{} from {}{}", n, n == 1 ? "" : "s", g, g == 1 ? "" : "s", from, seen);
}

}  // namespace triage_detail
}  // namespace copilot::report
