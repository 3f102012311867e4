#include "release/review_report.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "review/finding.h"
#include "util/files.h"

namespace copilot::release {
namespace {

using nlohmann::json;

/// Copilot writes its own severity in properties; other SARIF producers only
/// give a level, mapped to the severity copilot would give that level.
int sarif_severity(const json& result) {
  if (auto p = result.find("properties"); p != result.end() && p->is_object())
    if (auto s = p->find("severity"); s != p->end() && s->is_string())
      if (auto parsed = review::parse_severity(s->get<std::string>())) return static_cast<int>(*parsed);
  std::string level = result.value("level", "warning");
  if (level == "error") return static_cast<int>(review::Severity::high);
  if (level == "warning") return static_cast<int>(review::Severity::medium);
  if (level == "note") return static_cast<int>(review::Severity::low);
  return static_cast<int>(review::Severity::info);
}

Result<void> count_sarif(const json& log, FindingCounts& counts) {
  for (const auto& run : log.at("runs")) {
    // A run that did not complete (combined reports: a repository that could
    // not be reviewed) has no findings to trust.
    for (const auto& invocation : run.value("invocations", json::array()))
      if (!invocation.value("executionSuccessful", true))
        return Error{"a review run did not complete (executionSuccessful is false)"};
    if (!run.contains("results")) continue;
    for (const auto& result : run.at("results")) {
      if (result.value("kind", "fail") != "fail") continue;  // pass, informational, notApplicable...
      if (result.contains("suppressions") && !result.at("suppressions").empty()) continue;
      ++counts.by_severity[sarif_severity(result)];
    }
  }
  return {};
}

Result<void> count_copilot_json(const json& report, const std::string& where, FindingCounts& counts) {
  for (const auto& f : report.at("findings")) {
    std::string severity = f.value("severity", "");
    auto parsed = review::parse_severity(severity);
    if (!parsed) return Error{where + ": finding with unknown severity '" + severity + "'"};
    ++counts.by_severity[static_cast<int>(*parsed)];
  }
  return {};
}

}  // namespace

int FindingCounts::total() const {
  return at_or_above(0);
}

int FindingCounts::at_or_above(int severity) const {
  int n = 0;
  for (int s = std::max(severity, 0); s < 5; ++s) n += by_severity[s];
  return n;
}

std::string FindingCounts::describe() const {
  std::string out;
  for (int s = 4; s >= 0; --s) {
    if (by_severity[s] == 0) continue;
    if (!out.empty()) out += ", ";
    out += std::to_string(by_severity[s]) + " " + std::string(review::to_string(static_cast<review::Severity>(s)));
  }
  return out.empty() ? "none" : out;
}

Result<FindingCounts> read_review_report(const std::filesystem::path& path) {
  auto text = util::read_file(path);
  if (!text) return Error{path.string() + ": cannot read the review report: " + text.error().message};
  FindingCounts counts;
  try {
    json doc = json::parse(*text);
    Result<void> counted;
    if (doc.contains("runs") && doc.value("version", "") == "2.1.0") {
      if (!(counted = count_sarif(doc, counts))) return Error{path.string() + ": " + counted.error().message};
    } else if (doc.contains("findings")) {
      counted = count_copilot_json(doc, path.string(), counts);
    } else if (doc.value("command", "") == "review" && doc.contains("repositories")) {
      for (const auto& repo : doc.at("repositories")) {
        if (repo.value("status", "") == "error")
          return Error{path.string() + ": repository " + repo.value("path", "?") + " was not reviewed"};
        if (!(counted = count_copilot_json(repo.at("report"), path.string(), counts))) break;
      }
    } else {
      return Error{path.string() + ": neither SARIF 2.1.0 nor a copilot review JSON report"};
    }
    if (!counted) return counted.error();
  } catch (const json::exception& e) {
    return Error{path.string() + ": malformed review report: " + e.what()};
  }
  return counts;
}

}  // namespace copilot::release
