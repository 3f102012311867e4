#include "remote/jira_payload.h"

#include <fmt/format.h>

#include "config/config.h"
#include "util/strings.h"

namespace copilot::remote {
namespace {

using nlohmann::json;

constexpr size_t kSummaryLimit = 255;
constexpr size_t kLabelFingerprintChars = 16;

std::string one_line(std::string s) {
  for (char& c : s)
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  return s;
}

std::string location_of(const review::Finding& f) {
  return fmt::format("{}:{}", f.location.file, f.location.start_line);
}

std::string short_commit(const RunContext& ctx) {
  return ctx.commit.substr(0, 12);
}

// --- Jira wiki markup (REST v2) ---

/// A backslash makes Jira print these literally instead of reading markup.
std::string wiki_escape(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (std::string_view("\\{}[]*_|!^~+").find(c) != std::string_view::npos) out += '\\';
    out += c;
  }
  return out;
}

std::string wiki_code(std::string_view s) {
  return "{{" + wiki_escape(s) + "}}";
}

std::string wiki_where(const review::Finding& f, const RunContext& ctx) {
  std::string where = wiki_code(location_of(f));
  if (!ctx.repository.empty()) where += " in " + wiki_escape(ctx.repository);
  if (!ctx.commit.empty()) where += " at " + wiki_code(short_commit(ctx));
  return where;
}

// --- Atlassian Document Format (REST v3) ---

/// A text node, or null: ADF rejects empty text nodes.
json adf_text(const std::string& text, const std::vector<std::string>& marks = {}) {
  if (text.empty()) return nullptr;
  json node = {{"type", "text"}, {"text", text}};
  for (const auto& m : marks) node["marks"].push_back({{"type", m}});
  return node;
}

json adf_link(const std::string& text, const std::string& href) {
  return {{"type", "text"}, {"text", text}, {"marks", {{{"type", "link"}, {"attrs", {{"href", href}}}}}}};
}

json adf_paragraph(const std::vector<json>& parts) {
  json content = json::array();
  for (const auto& p : parts)
    if (!p.is_null()) content.push_back(p);
  return {{"type", "paragraph"}, {"content", content}};
}

json adf_doc(const std::vector<json>& blocks) {
  return {{"type", "doc"}, {"version", 1}, {"content", blocks}};
}

std::vector<json> adf_where(const review::Finding& f, const RunContext& ctx) {
  std::vector<json> parts = {adf_text("Location: ", {"strong"}), adf_text(location_of(f), {"code"})};
  if (!ctx.repository.empty()) parts.push_back(adf_text(" in " + ctx.repository));
  if (!ctx.commit.empty()) {
    parts.push_back(adf_text(" at "));
    parts.push_back(adf_text(short_commit(ctx), {"code"}));
  }
  return parts;
}

json custom_field_values(const review::Finding& f, const JiraSettings& s) {
  json fields = json::object();
  for (const auto& [id, text] : s.fields) fields[id] = render_template(text, f);
  if (!s.fingerprint_field.empty()) fields[s.fingerprint_field] = f.fingerprint;
  auto priority = s.priorities.find(std::string(review::to_string(f.severity)));
  if (priority != s.priorities.end()) fields["priority"] = {{"name", priority->second}};
  return fields;
}

std::string jql_string(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

/// cf[10050] for customfield_10050: the JQL name of a custom field.
std::string jql_field(const std::string& field_id) {
  return "cf[" + field_id.substr(std::string_view("customfield_").size()) + "]";
}

}  // namespace

std::string fingerprint_label(const std::string& fingerprint) {
  return "copilot-" + fingerprint.substr(0, kLabelFingerprintChars);
}

std::string render_template(const std::string& text, const review::Finding& f) {
  const std::map<std::string, std::string> values = {{"rule_id", f.rule_id},
                                                     {"agent", f.agent},
                                                     {"severity", std::string(review::to_string(f.severity))},
                                                     {"file", f.location.file},
                                                     {"line", std::to_string(f.location.start_line)},
                                                     {"fingerprint", f.fingerprint},
                                                     {"message", f.message}};
  std::string out;
  size_t pos = 0;
  for (size_t open = text.find("{{"); open != std::string::npos; open = text.find("{{", pos)) {
    size_t close = text.find("}}", open);
    if (close == std::string::npos) break;
    auto it = values.find(text.substr(open + 2, close - open - 2));
    out += text.substr(pos, open - pos);
    out += it == values.end() ? text.substr(open, close + 2 - open) : it->second;
    pos = close + 2;
  }
  return out + text.substr(pos);
}

std::string issue_summary(const review::Finding& f) {
  return truncate_utf8(one_line(fmt::format("{}: {} ({})", f.rule_id, f.message, f.location.file)), kSummaryLimit);
}

std::string wiki_description(const review::Finding& f, const RunContext& ctx) {
  std::string out = fmt::format("*copilot* found a *{}* {} issue: {}\n\n", review::to_string(f.severity),
                                wiki_escape(f.agent), wiki_escape(one_line(f.message)));
  out += "*Rule:* " + wiki_code(f.rule_id) + "\n";
  out += "*Location:* " + wiki_where(f, ctx) + "\n";
  if (!f.snippet.empty()) {
    std::string snippet = f.snippet;
    // {noformat} ends the block; a snippet containing it must not.
    for (size_t at = snippet.find("{noformat}"); at != std::string::npos; at = snippet.find("{noformat}", at))
      snippet.replace(at, 10, "{ noformat}");
    out += "{noformat}\n" + snippet + "\n{noformat}\n";
  }
  if (!f.rationale.empty()) out += "*Why:* " + wiki_escape(one_line(f.rationale)) + "\n";
  if (!f.fix_text.empty()) out += "*Fix:* " + wiki_escape(one_line(f.fix_text)) + "\n";
  out += "*Fingerprint:* " + wiki_code(f.fingerprint) + "\n";
  if (!ctx.run_url.empty()) out += "[CI run|" + ctx.run_url + "]\n";
  return out;
}

json adf_description(const review::Finding& f, const RunContext& ctx) {
  std::vector<json> blocks;
  blocks.push_back(adf_paragraph({adf_text("copilot", {"strong"}), adf_text(" found a "),
                                  adf_text(std::string(review::to_string(f.severity)), {"strong"}),
                                  adf_text(" " + f.agent + " issue: " + one_line(f.message))}));
  blocks.push_back(adf_paragraph({adf_text("Rule: ", {"strong"}), adf_text(f.rule_id, {"code"})}));
  blocks.push_back(adf_paragraph(adf_where(f, ctx)));
  if (!f.snippet.empty()) blocks.push_back({{"type", "codeBlock"}, {"content", json::array({adf_text(f.snippet)})}});
  if (!f.rationale.empty())
    blocks.push_back(adf_paragraph({adf_text("Why: ", {"strong"}), adf_text(one_line(f.rationale))}));
  if (!f.fix_text.empty())
    blocks.push_back(adf_paragraph({adf_text("Fix: ", {"strong"}), adf_text(one_line(f.fix_text))}));
  blocks.push_back(adf_paragraph({adf_text("Fingerprint: ", {"strong"}), adf_text(f.fingerprint, {"code"})}));
  if (!ctx.run_url.empty()) blocks.push_back(adf_paragraph({adf_link("CI run", ctx.run_url)}));
  return adf_doc(blocks);
}

json create_fields(const review::Finding& f, const JiraSettings& s, const RunContext& ctx) {
  json fields = update_fields(f, s, ctx);
  fields["project"] = {{"key", s.project}};
  fields["issuetype"] = {{"name", s.issue_type}};
  json labels = json::array({"copilot"});
  for (const auto& l : s.labels) labels.push_back(l);
  if (s.fingerprint_field.empty()) labels.push_back(fingerprint_label(f.fingerprint));
  fields["labels"] = labels;
  return fields;
}

json update_fields(const review::Finding& f, const JiraSettings& s, const RunContext& ctx) {
  json fields = custom_field_values(f, s);
  fields["summary"] = issue_summary(f);
  fields["description"] = s.api_version >= 3 ? adf_description(f, ctx) : json(wiki_description(f, ctx));
  return fields;
}

json comment_body(const review::Finding& f, const JiraSettings& s, const RunContext& ctx) {
  if (s.api_version < 3) {
    std::string text = "*copilot* found this again: " + wiki_where(f, ctx) + ".";
    if (!ctx.run_url.empty()) text += " [CI run|" + ctx.run_url + "]";
    return {{"body", text}};
  }
  std::vector<json> parts = {adf_text("copilot", {"strong"}), adf_text(" found this again. ")};
  for (auto& p : adf_where(f, ctx)) parts.push_back(std::move(p));
  if (!ctx.run_url.empty()) {
    parts.push_back(adf_text(" ("));
    parts.push_back(adf_link("CI run", ctx.run_url));
    parts.push_back(adf_text(")"));
  }
  return {{"body", adf_doc({adf_paragraph(parts)})}};
}

std::vector<std::string> search_jql(const std::vector<std::string>& fingerprints, const JiraSettings& s, size_t batch) {
  std::vector<std::string> queries;
  for (size_t start = 0; start < fingerprints.size(); start += batch) {
    std::vector<std::string> terms;
    for (size_t i = start; i < std::min(fingerprints.size(), start + batch); ++i) {
      if (s.fingerprint_field.empty())
        terms.push_back(jql_string(fingerprint_label(fingerprints[i])));
      else
        terms.push_back(jql_field(s.fingerprint_field) + " ~ " + jql_string(fingerprints[i]));
    }
    std::string match = s.fingerprint_field.empty() ? "labels in (" + util::join(terms, ", ") + ")"
                                                    : "(" + util::join(terms, " OR ") + ")";
    queries.push_back("project = " + jql_string(s.project) + " AND " + match + " AND statusCategory != Done");
  }
  return queries;
}

std::vector<std::string> search_fields(const JiraSettings& s) {
  if (s.fingerprint_field.empty()) return {"labels", "status"};
  return {s.fingerprint_field, "status"};
}

std::string fingerprint_of(const json& issue, const JiraSettings& s, const std::set<std::string>& wanted) {
  const json* fields = issue.contains("fields") && issue["fields"].is_object() ? &issue["fields"] : nullptr;
  if (!fields) return "";
  if (!s.fingerprint_field.empty()) {
    auto it = fields->find(s.fingerprint_field);
    if (it == fields->end() || !it->is_string()) return "";
    std::string value(util::trim(it->get<std::string>()));
    return wanted.count(value) ? value : "";
  }
  auto labels = fields->find("labels");
  if (labels == fields->end() || !labels->is_array()) return "";
  for (const auto& fp : wanted)
    for (const auto& label : *labels)
      if (label.is_string() && label.get<std::string>() == fingerprint_label(fp)) return fp;
  return "";
}

std::vector<std::string> eligible_fingerprints(const std::vector<review::Finding>& findings,
                                               review::Severity min_severity) {
  std::vector<std::string> out;
  std::set<std::string> seen;
  for (const auto& f : findings)
    if (f.severity >= min_severity && seen.insert(f.fingerprint).second) out.push_back(f.fingerprint);
  return out;
}

JiraPlan plan_issues(const std::vector<review::Finding>& findings, review::Severity min_severity,
                     const std::map<std::string, std::string>& open_issues) {
  JiraPlan plan;
  std::set<std::string> seen;
  for (const auto& f : findings) {
    if (f.severity < min_severity || !seen.insert(f.fingerprint).second) continue;
    if (auto it = open_issues.find(f.fingerprint); it != open_issues.end())
      plan.update.emplace_back(it->second, &f);
    else
      plan.create.push_back(&f);
  }
  return plan;
}

}  // namespace copilot::remote
