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

int parameter_count(TSNode fn) {
  TSNode params = ts_node_child_by_field_name(fn, "parameters", 10);
  if (ts_node_is_null(params)) return -1;
  int real = 0;
  uint32_t count = ts_node_named_child_count(params);
  for (uint32_t i = 0; i < count; ++i)
    if (std::string_view(ts_node_type(ts_node_named_child(params, i))) != "comment") ++real;
  return real;
}

}  // namespace

const std::vector<FunctionMetrics>& function_metrics(const CheckContext& ctx) {
  if (ctx.functions) return *ctx.functions;
  auto out = std::make_shared<std::vector<FunctionMetrics>>();
  // One walk for every function-level check: a stack of open functions, each
  // decision point counted for the innermost one (nested functions stand alone).
  struct Open {
    size_t index;
    uint32_t depth;
  };
  std::vector<Open> open;
  TSTreeCursor cursor = ts_tree_cursor_new(ctx.unit.tree->root());
  uint32_t depth = 0;
  for (;;) {
    TSNode n = ts_tree_cursor_current_node(&cursor);
    if (is_function_node(ts_node_type(n))) {
      int lines = static_cast<int>(ts_node_end_point(n).row - ts_node_start_point(n).row) + 1;
      out->push_back({n, lines, parameter_count(n), 1});
      open.push_back({out->size() - 1, depth});
    } else if (!open.empty() && is_decision(n, ctx.unit)) {
      ++(*out)[open.back().index].complexity;
    }
    if (ts_tree_cursor_goto_first_child(&cursor)) {
      ++depth;
      continue;
    }
    bool done = false;
    for (;;) {
      if (!open.empty() && open.back().depth == depth) open.pop_back();  // leaving that function
      if (ts_tree_cursor_goto_next_sibling(&cursor)) break;
      if (!ts_tree_cursor_goto_parent(&cursor)) {
        done = true;
        break;
      }
      --depth;
    }
    if (done) break;
  }
  ts_tree_cursor_delete(&cursor);
  ctx.functions = out;
  return *out;
}

void check_complexity(const CheckContext& ctx, const Check& self, std::vector<Finding>& out) {
  int limit = threshold(ctx.config, "complexity", 15);
  for (const auto& f : function_metrics(ctx)) {
    if (f.complexity <= limit) continue;
    std::string name = function_name(ctx.unit, f.node);
    out.push_back(check_finding(self, ctx.unit, f.node,
                                fmt::format("{} has cyclomatic complexity {} (limit {})", name, f.complexity, limit),
                                name));
  }
}

}  // namespace copilot::review
