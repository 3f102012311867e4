// SARIF 2.1.0, shaped for GitHub code scanning: rules carry tags and
// security-severity, results carry partialFingerprints, URIs are relative to
// %SRCROOT%, columns are UTF-16 code units as GitHub expects.
#include <algorithm>
#include <cctype>
#include <map>
#include <optional>

#include "report/review_formats.h"
#include "util/strings.h"

namespace copilot::report {
namespace {

using json = nlohmann::ordered_json;
using review::Finding;
using review::Location;
using review::RuleInfo;
using review::Severity;
using review_detail::SourceLines;
using review_detail::utf16_column;

constexpr const char* kSchema = "https://json.schemastore.org/sarif-2.1.0.json";
constexpr const char* kSrcRoot = "%SRCROOT%";
constexpr const char* kFingerprintKey = "copilot/v1";
constexpr int kMaxSnippetLines = 20;

std::string_view level(Severity s) {
  switch (s) {
    case Severity::critical:
    case Severity::high: return "error";
    case Severity::medium: return "warning";
    case Severity::low:
    case Severity::info: return "note";
  }
  return "warning";
}

/// GitHub ranks security alerts by this CVSS-like score; info gets none.
std::optional<std::string_view> security_severity(Severity s) {
  switch (s) {
    case Severity::critical: return "9.5";
    case Severity::high: return "8.0";
    case Severity::medium: return "5.5";
    case Severity::low: return "3.0";
    case Severity::info: return std::nullopt;
  }
  return std::nullopt;
}

/// "py-sql-injection" -> "PySqlInjection"
std::string camel_case(std::string_view id) {
  std::string out;
  bool upper = true;
  for (char c : id) {
    if (!std::isalnum(static_cast<unsigned char>(c))) {
      upper = true;
      continue;
    }
    out += upper ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c;
    upper = false;
  }
  return out;
}

json text(std::string_view s) {
  return {{"text", s}};
}

json artifact(const std::string& file) {
  return {{"uri", review_detail::uri_encode_path(file)}, {"uriBaseId", kSrcRoot}};
}

/// The exact text of a region, when every line it spans is known.
std::optional<std::string> region_text(const Finding& f, const Location& l, SourceLines& lines) {
  int last = std::max(l.start_line, l.end_line);
  if (last - l.start_line >= kMaxSnippetLines || l.start_column < 1) return std::nullopt;
  std::string out;
  for (int n = l.start_line; n <= last; ++n) {
    const std::string* line = lines.line(f, l.file, n);
    if (!line) return std::nullopt;
    size_t from = n == l.start_line ? std::min(static_cast<size_t>(l.start_column - 1), line->size()) : 0;
    size_t to =
        n == last && l.end_column > 0 ? std::min(static_cast<size_t>(l.end_column - 1), line->size()) : line->size();
    out += line->substr(from, std::max(from, to) - from);
    if (n < last) out += '\n';
  }
  return out;
}

/// A SARIF region for `l`, or nullopt when it has no line. Byte columns become
/// UTF-16 columns wherever the line text is known.
std::optional<json> region(const Finding& f, const Location& l, SourceLines& lines, bool with_snippet) {
  if (l.start_line < 1) return std::nullopt;
  auto column = [&](int n, int byte_column) {
    const std::string* t = lines.line(f, l.file, n);
    return t ? utf16_column(*t, byte_column) : byte_column;
  };
  json r = {{"startLine", l.start_line}};
  int start_column = l.start_column > 0 ? column(l.start_line, l.start_column) : 0;
  if (start_column > 0) r["startColumn"] = start_column;
  int end_line = std::max(l.start_line, l.end_line);
  r["endLine"] = end_line;
  if (l.end_column > 0) {
    int end_column = column(end_line, l.end_column);
    // An end before the start on one line is a producer slip; keep the region valid.
    if (end_line == l.start_line && end_column < start_column) end_column = start_column;
    r["endColumn"] = end_column;
  }
  if (with_snippet)
    if (auto s = region_text(f, l, lines)) r["snippet"] = text(*s);
  return r;
}

json physical_location(const Finding& f, const Location& l, SourceLines& lines, bool with_context) {
  json p = {{"artifactLocation", artifact(l.file)}};
  if (auto r = region(f, l, lines, true)) {
    p["region"] = *r;
    // The whole first line, so viewers can show context without the file.
    const std::string* line = lines.line(f, l.file, l.start_line);
    if (with_context && line && std::max(l.start_line, l.end_line) == l.start_line)
      p["contextRegion"] = {{"startLine", l.start_line}, {"endLine", l.start_line}, {"snippet", text(*line)}};
  }
  return p;
}

std::vector<std::string> tags(const RuleInfo& rule) {
  std::vector<std::string> out;
  auto add = [&](std::string tag) {
    if (std::find(out.begin(), out.end(), tag) == out.end()) out.push_back(std::move(tag));
  };
  if (!rule.agent.empty()) add(rule.agent);
  for (const auto& cwe : rule.cwe) {
    add(cwe);
    add("external/cwe/" + util::to_lower(cwe));
  }
  return out;
}

json descriptor(const RuleInfo& rule) {
  json properties = {{"tags", tags(rule)}};
  if (rule.agent == "security")
    if (auto score = security_severity(rule.severity)) properties["security-severity"] = *score;
  std::string summary = rule.summary.empty() ? rule.id : rule.summary;
  json d = {{"id", rule.id},
            {"name", camel_case(rule.id)},
            {"shortDescription", text(summary)},
            {"fullDescription", text(rule.description.empty() ? summary : rule.description)}};
  if (!rule.description.empty()) d["help"] = text(rule.description);
  d["defaultConfiguration"] = {{"level", level(rule.severity)}};
  d["properties"] = properties;
  return d;
}

json code_flow(const Finding& f, SourceLines& lines) {
  json steps = json::array();
  for (const auto& step : f.flow) {
    json location = {{"physicalLocation", physical_location(f, step.location, lines, false)}};
    if (!step.message.empty()) location["message"] = text(step.message);
    steps.push_back({{"location", location}});
  }
  return {{"threadFlows", json::array({{{"locations", steps}}})}};
}

json fix(const Finding& f, SourceLines& lines) {
  const auto& r = f.fix->range;
  auto deleted = region(f, r, lines, false);
  if (!deleted) return nullptr;
  json replacement = {{"deletedRegion", *deleted}, {"insertedContent", text(f.fix->text)}};
  return {{"description", text(util::trim(f.fix_text).empty() ? "Apply the suggested edit." : util::trim(f.fix_text))},
          {"artifactChanges", json::array({{{"artifactLocation", artifact(r.file.empty() ? f.location.file : r.file)},
                                            {"replacements", json::array({replacement})}}})}};
}

json result(const Finding& f, size_t rule_index, const RuleInfo& rule, SourceLines& lines) {
  std::string message(util::trim(f.message));
  if (message.empty()) message = rule.summary.empty() ? rule.id : rule.summary;
  json r = {{"ruleId", f.rule_id}, {"ruleIndex", rule_index}, {"level", level(f.severity)}, {"message", text(message)}};
  if (!f.location.file.empty())
    r["locations"] = json::array({{{"physicalLocation", physical_location(f, f.location, lines, true)}}});
  r["partialFingerprints"] = {{kFingerprintKey, review_detail::fingerprint_of(f)}};
  if (!f.flow.empty()) r["codeFlows"] = json::array({code_flow(f, lines)});
  if (f.fix)
    if (json change = fix(f, lines); !change.is_null()) r["fixes"] = json::array({change});
  r["properties"] = {{"severity", review::to_string(f.severity)}, {"confidence", f.confidence}, {"agent", f.agent}};
  return r;
}

json notification(const Diagnostic& d) {
  json n = {{"level", "warning"}, {"message", text(d.message.empty() ? "(no message)" : d.message)}};
  if (!d.file.empty()) {
    json p = {{"artifactLocation", artifact(d.file)}};
    if (d.line > 0) p["region"] = {{"startLine", d.line}};
    n["locations"] = json::array({{{"physicalLocation", p}}});
  }
  return n;
}

std::string file_uri(std::string_view root) {
  std::string uri = "file://" + review_detail::uri_encode_path(root);
  if (uri.back() != '/') uri += '/';
  return uri;
}

/// One run: the tool with the rules that ran, the results, and the notes.
json sarif_run(const review::ReviewResult& r, const WriterOptions& options) {
  SourceLines lines(options);

  // Every result needs a descriptor to index; a finding whose rule is missing
  // from the list (a producer slip) gets one built from the finding.
  std::vector<RuleInfo> rules = r.rules;
  std::map<std::string, size_t> rule_index;
  for (size_t i = 0; i < rules.size(); ++i) rule_index.emplace(rules[i].id, i);
  for (const auto& f : r.findings) {
    if (rule_index.count(f.rule_id)) continue;
    rule_index.emplace(f.rule_id, rules.size());
    rules.push_back({f.rule_id, f.agent, f.severity, "", "", f.cwe, f.owasp});
  }

  json descriptors = json::array();
  for (const auto& rule : rules) descriptors.push_back(descriptor(rule));
  json results = json::array();
  for (const auto& f : r.findings) {
    size_t index = rule_index.at(f.rule_id);
    results.push_back(result(f, index, rules[index], lines));
  }

  json driver = {{"name", "copilot"}, {"semanticVersion", r.tool_version.empty() ? COPILOT_VERSION : r.tool_version}};
  driver["rules"] = descriptors;
  json invocation = {{"executionSuccessful", true}};
  if (!r.notes.empty()) {
    json notes = json::array();
    for (const auto& n : r.notes) notes.push_back(notification(n));
    invocation["toolExecutionNotifications"] = notes;
  }

  json run = {{"tool", {{"driver", driver}}}, {"invocations", json::array({invocation})}};
  if (!options.source_root.empty()) run["originalUriBaseIds"] = {{kSrcRoot, {{"uri", file_uri(options.source_root)}}}};
  run["columnKind"] = "utf16CodeUnits";
  run["results"] = results;
  json properties = {{"scope", r.scope}};
  if (!r.base_sha.empty()) properties["base"] = r.base_sha;
  if (!r.head_sha.empty()) properties["head"] = r.head_sha;
  properties["filesReviewed"] = r.files_reviewed;
  properties["suppressedInline"] = r.suppressed_inline;
  properties["suppressedBaseline"] = r.suppressed_baseline;
  properties["filteredByDiff"] = r.filtered_by_diff;
  run["properties"] = properties;
  return run;
}

/// A run that did not happen: the repository could not be reviewed.
json failed_run(const std::filesystem::path& root, const std::string& message) {
  json driver = {{"name", "copilot"}, {"semanticVersion", COPILOT_VERSION}};
  json notification = {{"level", "error"}, {"message", text(message)}};
  json invocation = {{"executionSuccessful", false}, {"toolExecutionNotifications", json::array({notification})}};
  json run = {{"tool", {{"driver", driver}}}, {"invocations", json::array({invocation})}};
  std::error_code ec;
  run["originalUriBaseIds"] = {
      {kSrcRoot, {{"uri", file_uri(std::filesystem::weakly_canonical(root, ec).generic_string())}}}};
  run["results"] = json::array();
  return run;
}

std::string sarif_log(json runs) {
  json log = {{"$schema", kSchema}, {"version", "2.1.0"}, {"runs", std::move(runs)}};
  return log.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

}  // namespace

std::string write_review_sarif(const review::ReviewResult& r, const WriterOptions& options) {
  return sarif_log(json::array({sarif_run(r, options)}));
}

// A run per repository, each with its own %SRCROOT% so that paths stay
// relative to their repository, and its own automation id: GitHub code
// scanning takes one run per tool and category from an upload.
std::string combine_review_sarif(const ReviewResults& results, const CombinedOptions&) {
  json runs = json::array();
  for (size_t i = 0; i < results.outcomes.size(); ++i) {
    const auto& o = results.outcomes[i];
    json run;
    if (o.status == batch::Status::error) {
      run = failed_run(o.repo.location, batch::where_listed(o.repo) + o.error);
    } else {
      const RepoReview& r = *results.reports[i];
      run = sarif_run(r.result, options_for_root(r.root, false));
    }
    run["automationDetails"] = {{"id", "copilot-review/" + o.repo.path + "/"}};
    run["properties"]["repository"] = o.repo.path;
    runs.push_back(std::move(run));
  }
  return sarif_log(std::move(runs));
}

}  // namespace copilot::report
