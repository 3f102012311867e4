// Cyclomatic complexity: 1 + decision points, not counting nested functions.
#include <fmt/format.h>

#include <algorithm>
#include <cstring>
#include <string_view>
#include <unordered_map>

#include "review/checks/checks.h"

namespace copilot::review {
namespace {

bool is_decision(TSNode n, const SourceUnit& unit) {
  static const char* kDecisions[] = {"if_statement",
                                     "elif_clause",
                                     "for_statement",
                                     "for_in_statement",
                                     "enhanced_for_statement",
                                     "while_statement",
                                     "do_statement",
                                     "except_clause",
                                     "catch_clause",
                                     "conditional_expression",
                                     "ternary_expression",
                                     "case_clause",
                                     "switch_case",
                                     "switch_label",
                                     "expression_case",
                                     "type_case",
                                     "communication_case",
                                     "case_statement",
                                     "for_in_clause",
                                     "if_clause",
                                     "match_arm",
                                     "if_expression",
                                     "while_expression",
                                     "for_expression",
                                     "when",
                                     "rescue",
                                     "elsif"};
  // 0 = not a decision, 1 = always one, 2 = a binary expression to inspect.
  // Keyed by the grammar's type string pointer, so each type is compared once.
  thread_local std::unordered_map<const char*, int> kinds;
  const char* type = ts_node_type(n);
  auto it = kinds.find(type);
  if (it == kinds.end()) {
    int kind = std::strcmp(type, "boolean_operator") == 0 ? 1 : std::strcmp(type, "binary_expression") == 0 ? 2 : 0;
    for (const char* d : kDecisions) kind = kind || std::strcmp(type, d) == 0 ? std::max(kind, 1) : kind;
    it = kinds.emplace(type, kind).first;
  }
  if (it->second == 1) return true;
  if (it->second == 2) {
    TSNode op = ts_node_child_by_field_name(n, "operator", 8);
    if (ts_node_is_null(op)) return false;
    std::string_view t = unit.tree->text(op);
    return t == "&&" || t == "||" || t == "??";
  }
  return false;
}

int complexity_of(TSNode fn, const SourceUnit& unit) {
  int score = 1;
  // Iterative walk that does not descend into nested functions.
  TSTreeCursor cursor = ts_tree_cursor_new(fn);
  if (!ts_tree_cursor_goto_first_child(&cursor)) {
    ts_tree_cursor_delete(&cursor);
    return score;
  }
  for (;;) {
    TSNode n = ts_tree_cursor_current_node(&cursor);
    bool nested = is_function_node(ts_node_type(n));
    if (!nested && is_decision(n, unit)) ++score;
    if (!nested && ts_tree_cursor_goto_first_child(&cursor)) continue;
    bool moved = false;
    while (!moved) {
      if (ts_tree_cursor_goto_next_sibling(&cursor)) {
        moved = true;
      } else if (!ts_tree_cursor_goto_parent(&cursor) || ts_node_eq(ts_tree_cursor_current_node(&cursor), fn)) {
        ts_tree_cursor_delete(&cursor);
        return score;
      }
    }
  }
}

}  // namespace

void check_complexity(const CheckContext& ctx, const Check& self, std::vector<Finding>& out) {
  int limit = threshold(ctx.config, "complexity", 15);
  TSTreeCursor cursor = ts_tree_cursor_new(ctx.unit.tree->root());
  std::vector<TSNode> functions;
  for (;;) {
    TSNode n = ts_tree_cursor_current_node(&cursor);
    if (is_function_node(ts_node_type(n))) functions.push_back(n);
    if (ts_tree_cursor_goto_first_child(&cursor)) continue;
    bool done = false;
    while (!ts_tree_cursor_goto_next_sibling(&cursor)) {
      if (!ts_tree_cursor_goto_parent(&cursor)) {
        done = true;
        break;
      }
    }
    if (done) break;
  }
  ts_tree_cursor_delete(&cursor);
  for (TSNode fn : functions) {
    int c = complexity_of(fn, ctx.unit);
    if (c <= limit) continue;
    std::string name = function_name(ctx.unit, fn);
    out.push_back(check_finding(self, ctx.unit, fn,
                                fmt::format("{} has cyclomatic complexity {} (limit {})", name, c, limit), name));
  }
}

}  // namespace copilot::review
