// Function length, parameter count and file length.
#include <fmt/format.h>

#include "review/checks/checks.h"

namespace copilot::review {

void check_function_size(const CheckContext& ctx, const Check& self, std::vector<Finding>& out) {
  int limit = threshold(ctx.config, "function_lines", 80);
  for (const auto& f : function_metrics(ctx)) {
    if (f.lines <= limit) continue;
    std::string name = function_name(ctx.unit, f.node);
    out.push_back(check_finding(self, ctx.unit, f.node,
                                fmt::format("{} is {} lines long (limit {})", name, f.lines, limit), name));
  }
}

void check_parameters(const CheckContext& ctx, const Check& self, std::vector<Finding>& out) {
  int limit = threshold(ctx.config, "parameters", 7);
  for (const auto& f : function_metrics(ctx)) {
    if (f.parameters <= limit) continue;
    std::string name = function_name(ctx.unit, f.node);
    out.push_back(check_finding(self, ctx.unit, f.node,
                                fmt::format("{} takes {} parameters (limit {})", name, f.parameters, limit), name));
  }
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
