#pragma once
// Shared by the Slack, Jira and Confluence tests: sample findings and audit
// reports, a retry policy that never sleeps, and a checker for the Atlassian
// Document Format nodes we send (Jira REST v3).
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "audit/audit.h"
#include "remote/http.h"
#include "review/finding.h"

namespace copilot::testing {

inline review::Finding sample_finding(std::string rule, review::Severity severity, std::string file, int line,
                                      std::string fingerprint, std::string message = "Untrusted text reaches a sink") {
  review::Finding f;
  f.rule_id = std::move(rule);
  f.agent = "security";
  f.severity = severity;
  f.confidence = 0.9;
  f.location = {std::move(file), line, 5, line, 20};
  f.message = std::move(message);
  f.rationale = "Attackers control the input.";
  f.fix_text = "Use a parameterised query.";
  f.snippet = "cursor.execute(f\"SELECT {name}\")";
  f.fingerprint = std::move(fingerprint);
  return f;
}

/// Three findings: critical and high (Jira material by default) and a low one.
inline std::vector<review::Finding> sample_findings() {
  return {sample_finding("py-sql-injection", review::Severity::critical, "app/db.py", 12, "aaaaaaaaaaaaaaaa"),
          sample_finding("py-eval-injection", review::Severity::high, "app/run.py", 3, "bbbbbbbbbbbbbbbb"),
          sample_finding("py-print-debug", review::Severity::low, "app/run.py", 9, "cccccccccccccccc", "print() left")};
}

inline audit::AuditReport sample_audit() {
  audit::AuditReport r;
  r.project = "shop";
  r.git = true;
  r.languages.languages = {{"Python", 10, 800, 50, 100}, {"JavaScript", 2, 120, 4, 10}};
  r.languages.total = {"total", 12, 920, 54, 110};
  r.readiness.score = 60;
  r.readiness.items = {{"tests", "Automated tests", 20, true, "pytest: 42 tests"},
                       {"ci", "CI runs the tests", 20, false, "no pipeline runs tests"}};
  audit::SecretFinding secret;
  secret.file = "config/settings.py";
  secret.match.rule = "aws_access_key";
  secret.match.description = "AWS access key";
  secret.match.line = 7;
  secret.match.redacted = "AKIA****";
  secret.match.fingerprint = "dddddddddddddddd";
  r.secrets.findings.push_back(secret);
  r.configuration.undocumented = {"DATABASE_URL"};
  return r;
}

/// Retries without waiting, so rate-limit tests stay fast.
inline remote::RetryPolicy no_sleep_policy() {
  remote::RetryPolicy policy;
  policy.sleep = [](std::chrono::milliseconds) {};
  return policy;
}

/// "" when `node` is ADF we may send; else the first problem and where.
inline std::string adf_problem(const nlohmann::json& node, const std::string& where = "doc");

inline std::string adf_inline_problem(const nlohmann::json& node, const std::string& where) {
  static const std::set<std::string> kMarks = {"strong", "em", "code", "link", "strike", "underline"};
  if (!node.is_object() || !node.contains("type")) return where + ": not a node";
  if (node["type"] == "hardBreak") return "";
  if (node["type"] != "text") return where + ": inline node of type " + node["type"].dump();
  if (!node.contains("text") || !node["text"].is_string() || node["text"].get<std::string>().empty())
    return where + ": text nodes need non-empty text";
  for (const auto& mark : node.value("marks", nlohmann::json::array())) {
    if (!mark.contains("type") || !kMarks.count(mark["type"].get<std::string>())) return where + ": unknown mark";
    if (mark["type"] == "link" && !(mark.contains("attrs") && mark["attrs"].contains("href")))
      return where + ": link without attrs.href";
  }
  return "";
}

inline std::string adf_problem(const nlohmann::json& node, const std::string& where) {
  if (!node.is_object() || !node.contains("type")) return where + ": not a node";
  const std::string type = node["type"];
  if (where == "doc") {
    if (type != "doc" || node.value("version", 0) != 1) return "doc: needs type doc and version 1";
  } else if (type != "paragraph" && type != "codeBlock" && type != "heading") {
    return where + ": block node of type " + type;
  }
  if (!node.contains("content")) return type == "doc" ? "doc: no content" : "";
  if (!node["content"].is_array()) return where + ": content is not a list";
  for (size_t i = 0; i < node["content"].size(); ++i) {
    const auto& child = node["content"][i];
    std::string at = where + "." + type + "[" + std::to_string(i) + "]";
    std::string problem = type == "doc" ? adf_problem(child, at) : adf_inline_problem(child, at);
    if (problem.empty() && type == "codeBlock" && child.contains("marks")) problem = at + ": marks in a codeBlock";
    if (!problem.empty()) return problem;
  }
  return "";
}

}  // namespace copilot::testing
