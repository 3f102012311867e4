#pragma once
// Taint rules (`mode: taint` in a rule YAML): report a sink only when data from
// an untrusted source can reach it. See docs/RULES.md, "Taint rules".
#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "review/engine.h"
#include "review/finding.h"
#include "util/result.h"

namespace copilot::review {

struct TaintRule;  // defined in taint/taint_rule.h

/// Builds a taint rule from its parsed YAML; errors carry "file:line: message".
Result<std::shared_ptr<const TaintRule>> load_taint_rule(const YAML::Node& root, const std::filesystem::path& file);

/// The rule's id, languages, and metadata for reports.
const std::string& taint_rule_id(const TaintRule& rule);
bool taint_rule_applies(const TaintRule& rule, std::string_view grammar_id, std::string_view path);
RuleInfo taint_rule_info(const TaintRule& rule);
std::string taint_rule_agent(const TaintRule& rule);
/// Pattern rules this taint rule makes redundant (its `supersedes:` list): a
/// review that runs the taint rule can leave them out.
const std::vector<std::string>& taint_rule_supersedes(const TaintRule& rule);

/// Runs the taint rules over one parsed file; `notes` receives budget notes.
std::vector<Finding> run_taint_rules(const std::vector<const TaintRule*>& rules, const SourceUnit& unit,
                                     std::vector<std::string>& notes);

}  // namespace copilot::review
