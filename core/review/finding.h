#pragma once
// The one internal shape of a review finding. Rules and checks produce it;
// filters drop some; writers turn the rest into each output format.
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "llm/types.h"
#include "util/diagnostics.h"

namespace copilot::review {

enum class Severity { info = 0, low = 1, medium = 2, high = 3, critical = 4 };
std::string_view to_string(Severity s);
/// Parses "critical".."info"; nullopt otherwise.
std::optional<Severity> parse_severity(std::string_view s);

/// 1-based lines and columns; end is exclusive in columns, inclusive in lines.
struct Location {
  std::string file;  ///< '/'-separated, relative to the repository root
  int start_line = 0;
  int start_column = 0;
  int end_line = 0;
  int end_column = 0;
};

/// A machine-applicable edit: replace `range` with `text`.
struct Replacement {
  Location range;
  std::string text;
};

/// One step of a data flow from a source to a sink.
struct FlowStep {
  Location location;
  std::string message;
};

struct Finding {
  std::string rule_id;
  std::string agent;  ///< security, style, logic, performance, architecture
  Severity severity = Severity::medium;
  double confidence = 0.5;  ///< 0–1
  Location location;
  std::string message;
  std::string rationale;
  std::string fix_text;            ///< human advice
  std::optional<Replacement> fix;  ///< only where the edit is safe
  std::vector<std::string> cwe;    ///< "CWE-89"
  std::vector<std::string> owasp;  ///< "A03:2021"
  std::string snippet;             ///< the source text of the start line
  std::string fingerprint;         ///< stable when unrelated lines move
  std::vector<FlowStep> flow;      ///< source → sink, for taint findings
};

/// What a writer needs to describe a rule (SARIF reportingDescriptor, docs links).
struct RuleInfo {
  std::string id;
  std::string agent;
  Severity severity = Severity::medium;
  std::string summary;      ///< one sentence
  std::string description;  ///< longer documentation
  std::vector<std::string> cwe;
  std::vector<std::string> owasp;
};

struct ReviewResult {
  std::string tool_version;
  std::string scope;  ///< "all", "staged", "worktree", or "BASE..HEAD"
  std::string base_sha, head_sha;
  int files_reviewed = 0;
  std::vector<Finding> findings;  ///< sorted by file, line, column, rule
  std::vector<RuleInfo> rules;    ///< every rule that ran, sorted by id
  int suppressed_inline = 0;
  int suppressed_baseline = 0;
  int filtered_by_diff = 0;
  int below_confidence = 0;       ///< findings under --min-confidence, not reported
  std::vector<Diagnostic> notes;  ///< files with syntax errors, skipped files, ...
  std::optional<llm::Stats> llm;  ///< what the llm agent did, when it ran
};

void to_json(nlohmann::json& j, const Location& l);
void to_json(nlohmann::json& j, const Finding& f);
void to_json(nlohmann::json& j, const RuleInfo& r);
/// The documented JSON report (schemas/review.schema.json).
nlohmann::json review_to_json(const ReviewResult& result);

}  // namespace copilot::review
