#pragma once
// A taint rule as loaded from YAML (`mode: taint`, docs/RULES.md "Taint rules"):
// sources, sinks, sanitizers and propagators, each a tree-sitter query. The
// queries compile per language the first time a file of that language is
// reviewed (prepare_taint_language), so a review pays only for its languages.
#include <re2/re2.h>

#include <filesystem>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "review/finding.h"
#include "review/prefilter.h"
#include "syntax/syntax.h"

namespace copilot::review {

/// A regex over a capture's text that must hold (or, negated, must not).
struct TaintCondition {
  std::string capture;
  int line = 1;  ///< in the rule file, for errors
  std::shared_ptr<RE2> regex;
  bool negated = false;
};

/// One entry of `sources`, `sinks`, `sanitizers` or `propagators`.
struct TaintPattern {
  std::string section;  ///< "sources", "sinks", ...
  std::string label;    ///< short description used in messages ("Flask request data")
  std::string query_text, inside_text, not_inside_text;
  int query_line = 1, inside_line = 1, not_inside_line = 1;  ///< where the texts start, for errors
  std::vector<bool> wanted;                                  ///< per rule language: whether the entry applies
  /// Compiled per rule language (same order as TaintRule::languages); null
  /// where the entry is restricted to other languages or not compiled yet.
  /// Filled once per language under TaintRule::prepare's once_flag.
  mutable std::vector<std::shared_ptr<const syntax::Query>> query, inside, not_inside;
  mutable std::vector<Prefilter> prefilter;  ///< per language, for `query`
  std::vector<TaintCondition> where;
  /// Sinks only: when the constant start of the value matches, the untrusted
  /// part cannot choose the target (a fixed scheme and host, a local path).
  std::shared_ptr<RE2> safe_prefix;
};

struct TaintRule {
  std::string id;
  std::vector<std::string> languages;  ///< grammar ids
  RuleInfo info;
  std::filesystem::path file, positive_example, negative_example;

  double confidence = 0.9;  ///< for a direct source-to-sink flow; helpers and containers lower it
  std::string message;      ///< may use {{source}}, {{sink}}, {{arg}}
  std::string rationale;
  std::string fix_text;
  std::vector<std::string> include_paths, exclude_paths;
  std::vector<std::string> supersedes;  ///< pattern rules this rule makes redundant

  std::vector<TaintPattern> sources, sinks, sanitizers, propagators;
  /// Words one of which every sink match contains (gate_words over the sinks);
  /// empty when some sink names none. A file with none of them has no flow.
  std::vector<std::string> sink_gate;

  /// Per language: compiled on first use, once.
  struct Prepared {
    std::once_flag once;
    std::string error;  ///< "file:line: message" when a query does not compile
  };
  std::vector<std::unique_ptr<Prepared>> prepared;

  int grammar_index(std::string_view grammar_id) const {
    for (size_t i = 0; i < languages.size(); ++i)
      if (languages[i] == grammar_id) return static_cast<int>(i);
    return -1;
  }
};

/// Compiles a rule's queries for language `gi` if not done yet; false (and
/// `error`) when one does not compile. Safe to call from several threads.
bool prepare_taint_language(const TaintRule& rule, int gi, std::string* error);

}  // namespace copilot::review
