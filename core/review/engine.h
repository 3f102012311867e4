#pragma once
// Runs query rules and code checks over one parsed file.
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "config/config.h"
#include "review/finding.h"
#include "review/prefilter.h"
#include "review/rule.h"
#include "syntax/syntax.h"

namespace copilot::review {

/// One file as the analysers see it.
struct SourceUnit {
  std::string path;     ///< relative, '/'-separated
  std::string grammar;  ///< tree-sitter grammar id
  std::string_view source;
  const syntax::Tree* tree;
  /// The file's identifier tokens, built on first use and shared by rules and taint.
  const FileTokens& tokens() const;
  mutable std::shared_ptr<const FileTokens> token_cache = nullptr;
};

/// Every rule of one grammar compiled into a single query, and which rule each
/// of its patterns belongs to. Rules that run anchored on their words
/// (runs_anchored) are not in it.
struct RulePack {
  std::shared_ptr<const syntax::Query> query;  ///< null when no rule applies to the grammar
  std::vector<const Rule*> pattern_rule;       ///< by pattern index
};

/// The pack of these rules' patterns for a grammar (rules that run anchored
/// are left out), built once and cached. Fails with the offending rule's file
/// and line when a query does not compile.
Result<std::shared_ptr<const RulePack>> rule_pack(const std::vector<const Rule*>& rules, const std::string& grammar);

/// Whether a rule runs on its own query at the places where its words occur,
/// instead of in the pack's walk over the whole tree: every pattern names its
/// identifiers (#eq?/#any-of?) and none of them is a very common word.
bool runs_anchored(const Rule& rule);

/// Compiles (once) an anchored rule's query for a grammar and derives its word
/// prefilter. Fails with the rule's file and line.
Result<void> prepare_anchored(const Rule& rule, const std::string& grammar);

/// Runs one pack over a file, appending its findings.
void run_pack(const RulePack& pack, const SourceUnit& unit, std::vector<Finding>& out);

/// Applies every rule that selects this file's grammar and path (one tree walk).
std::vector<Finding> run_rules(const std::vector<const Rule*>& rules, const SourceUnit& unit);

/// Builds the finding fields shared by rules and checks: location, snippet,
/// fingerprint. `key_text` is what identifies the finding apart from its line.
Finding make_finding(const SourceUnit& unit, TSNode node, std::string rule_id, std::string_view key_text);

/// Gives each finding a fingerprint from (rule, file, normalised text, n-th
/// occurrence of that text), so moving unrelated lines leaves it unchanged.
void assign_fingerprints(std::vector<Finding>& findings, std::string_view source);

}  // namespace copilot::review
