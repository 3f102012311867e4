#include "review/finding.h"

namespace copilot::review {

std::string_view to_string(Severity s) {
  switch (s) {
    case Severity::info: return "info";
    case Severity::low: return "low";
    case Severity::medium: return "medium";
    case Severity::high: return "high";
    case Severity::critical: return "critical";
  }
  return "medium";
}

std::optional<Severity> parse_severity(std::string_view s) {
  for (int i = 0; i <= 4; ++i)
    if (to_string(static_cast<Severity>(i)) == s) return static_cast<Severity>(i);
  return std::nullopt;
}

void to_json(nlohmann::json& j, const Location& l) {
  j = {{"file", l.file},
       {"start_line", l.start_line},
       {"start_column", l.start_column},
       {"end_line", l.end_line},
       {"end_column", l.end_column}};
}

void to_json(nlohmann::json& j, const Finding& f) {
  j = {{"rule_id", f.rule_id},       {"agent", f.agent},       {"severity", to_string(f.severity)},
       {"confidence", f.confidence}, {"location", f.location}, {"message", f.message},
       {"rationale", f.rationale},   {"fix_text", f.fix_text}, {"cwe", f.cwe},
       {"owasp", f.owasp},           {"snippet", f.snippet},   {"fingerprint", f.fingerprint}};
  if (f.fix) j["fix"] = {{"range", f.fix->range}, {"text", f.fix->text}};
  if (!f.flow.empty()) {
    auto& flow = j["flow"] = nlohmann::json::array();
    for (const auto& s : f.flow) flow.push_back({{"location", s.location}, {"message", s.message}});
  }
}

void to_json(nlohmann::json& j, const RuleInfo& r) {
  j = {{"id", r.id},           {"agent", r.agent}, {"severity", to_string(r.severity)},
       {"summary", r.summary}, {"cwe", r.cwe},     {"owasp", r.owasp}};
}

nlohmann::json review_to_json(const ReviewResult& r) {
  nlohmann::json notes = nlohmann::json::array();
  for (const auto& n : r.notes) notes.push_back({{"file", n.file}, {"line", n.line}, {"message", n.message}});
  nlohmann::json out = {{"schema_version", "1.0"},
                        {"tool", {{"name", "copilot"}, {"version", r.tool_version}}},
                        {"scope", r.scope},
                        {"base", r.base_sha},
                        {"head", r.head_sha},
                        {"files_reviewed", r.files_reviewed},
                        {"summary",
                         {{"findings", r.findings.size()},
                          {"suppressed_inline", r.suppressed_inline},
                          {"suppressed_baseline", r.suppressed_baseline},
                          {"filtered_by_diff", r.filtered_by_diff},
                          {"below_confidence", r.below_confidence}}},
                        {"findings", r.findings},
                        {"rules", r.rules},
                        {"notes", notes}};
  if (r.llm) out["llm"] = *r.llm;
  return out;
}

}  // namespace copilot::review
