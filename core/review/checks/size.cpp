// Function length, parameter count and file length.
#include <fmt/format.h>

#include "review/checks/checks.h"
#include "review/checks/walk.h"

namespace copilot::review {

void check_function_size(const CheckContext& ctx, const Check& self, std::vector<Finding>& out) {
  int limit = threshold(ctx.config, "function_lines", 80);
  for_each_node(ctx.unit.tree->root(), [&](TSNode n) {
    if (!is_function_node(ts_node_type(n))) return;
    int lines = static_cast<int>(ts_node_end_point(n).row - ts_node_start_point(n).row) + 1;
    if (lines <= limit) return;
    std::string name = function_name(ctx.unit, n);
    out.push_back(
        check_finding(self, ctx.unit, n, fmt::format("{} is {} lines long (limit {})", name, lines, limit), name));
  });
}

void check_parameters(const CheckContext& ctx, const Check& self, std::vector<Finding>& out) {
  int limit = threshold(ctx.config, "parameters", 7);
  for_each_node(ctx.unit.tree->root(), [&](TSNode n) {
    if (!is_function_node(ts_node_type(n))) return;
    TSNode params = ts_node_child_by_field_name(n, "parameters", 10);
    if (ts_node_is_null(params)) return;
    uint32_t count = ts_node_named_child_count(params);
    uint32_t real = 0;
    for (uint32_t i = 0; i < count; ++i) {
      std::string_view t = ts_node_type(ts_node_named_child(params, i));
      if (t != "comment") ++real;
    }
    if (static_cast<int>(real) <= limit) return;
    std::string name = function_name(ctx.unit, n);
    out.push_back(
        check_finding(self, ctx.unit, n, fmt::format("{} takes {} parameters (limit {})", name, real, limit), name));
  });
}

void check_file_size(const CheckContext& ctx, const Check& self, std::vector<Finding>& out) {
  int limit = threshold(ctx.config, "file_lines", 1000);
  TSNode root = ctx.unit.tree->root();
  int lines = static_cast<int>(ts_node_end_point(root).row) + 1;
  if (lines <= limit) return;
  Finding f = check_finding(self, ctx.unit, root, fmt::format("file has {} lines (limit {})", lines, limit), "file");
  f.location.start_line = f.location.end_line = 1;
  f.location.start_column = 1;
  f.location.end_column = 2;
  out.push_back(std::move(f));
}

}  // namespace copilot::review
