#include "review/checks/checks.h"

#include <cstring>
#include <unordered_map>

namespace copilot::review {

const std::vector<Check>& code_checks() {
  static const std::vector<Check> table = {
      {{"arch-function-too-long",
        "architecture",
        Severity::low,
        "Function is longer than the configured limit",
        "Long functions are hard to review and test. Split them along their steps. Limit: "
        "review.thresholds.function_lines (default 80).",
        {},
        {}},
       0.9,
       check_function_size},
      {{"arch-complex-function",
        "architecture",
        Severity::medium,
        "Function's cyclomatic complexity exceeds the configured limit",
        "Each decision point adds a path to test. Limit: review.thresholds.complexity (default 15).",
        {},
        {}},
       0.9,
       check_complexity},
      {{"arch-too-many-parameters",
        "architecture",
        Severity::low,
        "Function takes more parameters than the limit",
        "Many parameters suggest a missing abstraction. Limit: review.thresholds.parameters (default 7).",
        {},
        {}},
       0.8,
       check_parameters},
      {{"arch-file-too-long",
        "architecture",
        Severity::info,
        "File is longer than the configured limit",
        "Very long files mix concerns. Limit: review.thresholds.file_lines (default 1000).",
        {},
        {}},
       0.8,
       check_file_size},
      {{"arch-layer-violation",
        "architecture",
        Severity::medium,
        "Import crosses a forbidden layer boundary",
        "review.layers in .copilot.yaml declares which modules a part of the code must not import.",
        {},
        {}},
       1.0,
       check_layers},
  };
  return table;
}

int threshold(const config::Config& config, const char* name, int fallback) {
  auto it = config.review_thresholds.find(name);
  return it == config.review_thresholds.end() ? fallback : it->second;
}

bool is_function_node(const char* type) {
  static const char* kTypes[] = {"function_definition",
                                 "function_declaration",
                                 "function_expression",
                                 "arrow_function",
                                 "method_definition",
                                 "method_declaration",
                                 "constructor_declaration",
                                 "function_item",
                                 "method",
                                 "singleton_method",
                                 "generator_function_declaration",
                                 "func_literal"};
  // ts_node_type() returns the grammar's own string for a symbol, so the
  // pointer identifies the type: compare strings once per pointer, not per node.
  thread_local std::unordered_map<const char*, bool> known;
  auto it = known.find(type);
  if (it != known.end()) return it->second;
  bool found = false;
  for (const char* t : kTypes) found = found || std::strcmp(type, t) == 0;
  known.emplace(type, found);
  return found;
}

std::string function_name(const SourceUnit& unit, TSNode fn) {
  TSNode name = ts_node_child_by_field_name(fn, "name", 4);
  if (ts_node_is_null(name)) {
    // C/C++: the name sits inside the declarator chain.
    TSNode decl = ts_node_child_by_field_name(fn, "declarator", 10);
    while (!ts_node_is_null(decl)) {
      TSNode inner = ts_node_child_by_field_name(decl, "declarator", 10);
      if (ts_node_is_null(inner)) break;
      decl = inner;
    }
    name = decl;
  }
  if (ts_node_is_null(name)) return "<anonymous>";
  return std::string(unit.tree->text(name).substr(0, 80));
}

Finding check_finding(const Check& check, const SourceUnit& unit, TSNode node, std::string message,
                      std::string_view key_text) {
  Finding f = make_finding(unit, node, check.info.id, key_text);
  f.agent = check.info.agent;
  f.severity = check.info.severity;
  f.confidence = check.confidence;
  f.message = std::move(message);
  f.rationale = check.info.description;
  // Report the first line only: a whole function as the range is noise in annotations.
  f.location.end_line = f.location.start_line;
  f.location.end_column = f.location.start_column + 1;
  return f;
}

}  // namespace copilot::review
