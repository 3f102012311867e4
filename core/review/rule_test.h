#pragma once
// Runs each rule's positive and negative examples against their inline
// `expect:` markers, the way clang-tidy's check tests work.
#include <string>
#include <vector>

#include "review/rule.h"

namespace copilot::review {

struct ExampleFailure {
  std::string file;
  int line = 0;
  std::string message;  ///< "unexpected finding of X" / "expected X, got nothing"
};

struct RuleTestReport {
  int rules = 0;
  int examples = 0;
  std::vector<ExampleFailure> failures;
};

/// Tests every rule's examples. Each example is reviewed by all loaded rules,
/// so a rule that fires on another rule's example shows up as unexpected.
RuleTestReport test_rules(const RuleSet& rules, unsigned jobs);

/// `expect:` markers of an example: (line, rule id) pairs.
std::vector<std::pair<int, std::string>> parse_expectations(std::string_view source);

}  // namespace copilot::review
