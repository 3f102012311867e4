#pragma once
// Review rules loaded from YAML (docs/RULES.md), with their queries compiled.
#include <re2/re2.h>

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "review/finding.h"
#include "syntax/syntax.h"
#include "util/result.h"

namespace copilot::review {

struct CaptureCondition {
  std::string capture;
  std::shared_ptr<RE2> regex;
  bool negated = false;
};

/// What is compiled from rules loaded together, on first use: the language
/// packs and the anchored queries (engine.cpp). It is shared by those rules
/// and lives as long as they do, so rules loaded later (the next repository of
/// a batch, with its own severities and rule directories) never see packs that
/// point into rules already gone.
struct CompiledRules;
std::shared_ptr<CompiledRules> new_compiled_rules();

struct Rule {
  std::string id;
  std::vector<std::string> languages;  ///< grammar ids
  std::string agent;
  Severity severity = Severity::medium;
  double confidence = 0.5;
  std::string summary;
  std::string message;
  std::string rationale;
  std::vector<std::string> cwe, owasp;
  std::string fix_text;
  std::string fix_capture, fix_with;  ///< machine-applicable replacement, if any
  std::string docs;
  std::vector<std::string> include_paths, exclude_paths;
  std::vector<CaptureCondition> where;

  std::string query_text, inside_text, not_inside_text;
  /// Compiled per grammar, in the order of `languages`; null until compile_rule()
  /// has compiled that grammar (compiling is the slow part of loading).
  std::vector<std::shared_ptr<const syntax::Query>> query, inside, not_inside;
  /// YAML lines of the fields, so compile errors can point into the file.
  int query_line = 0, inside_line = 0, not_inside_line = 0;

  /// Runs on its own query where its words occur rather than in the language's
  /// pack (see runs_anchored in engine.h); decided from the query text.
  bool anchored = false;
  /// Words one of which every match contains (`anchors:`), for queries whose
  /// predicates name none, such as keywords of the matched statements.
  std::vector<std::string> anchors;
  /// Words one of which every match contains (the anchors, or read from the
  /// query's predicates); empty when unknown. A file with none is skipped.
  std::vector<std::string> gate;
  /// Compiled on first use rather than before the review starts: set for the
  /// built-in rules, which the build has already compiled and checked.
  bool compile_lazily = false;

  std::filesystem::path file;  ///< the YAML it came from
  std::filesystem::path positive_example, negative_example;

  /// Shared by every rule of one load_rules(); a rule made on its own has its own.
  std::shared_ptr<CompiledRules> compiled = new_compiled_rules();

  bool applies_to(std::string_view grammar_id) const;
  /// Index into languages/query for a grammar, or -1.
  int grammar_index(std::string_view grammar_id) const;
  bool path_selected(std::string_view path) const;
  RuleInfo info() const;
};

struct TaintRule;

struct RuleSet {
  std::vector<Rule> rules;                              ///< pattern rules, sorted by id
  std::vector<std::shared_ptr<const TaintRule>> taint;  ///< `mode: taint` rules, sorted by id
};

/// Loads every `*.yaml` rule below each directory. Problems are errors naming
/// the file and line ("rules/python/security/x.yaml:7: unknown capture 'foo'").
/// `require_examples` makes a missing example file an error; `compile` compiles
/// every query for every language now (otherwise call compile_rule later).
Result<RuleSet> load_rules(const std::vector<std::filesystem::path>& dirs, bool require_examples, bool compile = true);

/// Compiles a rule's queries for the grammars in `grammars` (all of the rule's
/// languages when null) that are not compiled yet. Thread-safe across rules.
Result<void> compile_rule(Rule& rule, const std::vector<std::string>* grammars = nullptr);

/// Parses one rule file's text (a seam for tests).
Result<Rule> parse_rule(const std::string& yaml_text, const std::filesystem::path& file);

/// Where the built-in rules live: $COPILOT_RULES_DIR, the source tree, or the install prefix.
std::filesystem::path builtin_rules_dir();

}  // namespace copilot::review
