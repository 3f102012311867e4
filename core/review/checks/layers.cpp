// Layer rules from review.layers: files matching `from` must not import `deny` modules.
#include <fmt/format.h>

#include <cstring>

#include "review/checks/checks.h"
#include "review/checks/walk.h"
#include "util/glob.h"
#include "util/strings.h"

namespace copilot::review {
namespace {

std::string unquote(std::string_view s) {
  if (s.size() >= 2 && (s.front() == '"' || s.front() == '\'' || s.front() == '`'))
    return std::string(s.substr(1, s.size() - 2));
  return std::string(s);
}

/// The module a node imports, or "" if it is not an import.
std::string imported_module(TSNode n, const SourceUnit& unit) {
  const char* type = ts_node_type(n);
  auto text = [&](TSNode x) { return ts_node_is_null(x) ? std::string() : std::string(unit.tree->text(x)); };
  if (std::strcmp(type, "import_from_statement") == 0) return text(ts_node_child_by_field_name(n, "module_name", 11));
  if (std::strcmp(type, "import_statement") == 0) {
    TSNode source = ts_node_child_by_field_name(n, "source", 6);  // JavaScript/TypeScript
    if (!ts_node_is_null(source)) return unquote(text(source));
    TSNode name = ts_node_child_by_field_name(n, "name", 4);  // Python
    if (!ts_node_is_null(name) && std::strcmp(ts_node_type(name), "aliased_import") == 0)
      name = ts_node_child_by_field_name(name, "name", 4);
    return text(name);
  }
  if (std::strcmp(type, "import_spec") == 0) return unquote(text(ts_node_child_by_field_name(n, "path", 4)));
  if (std::strcmp(type, "import_declaration") == 0 && unit.grammar == "java") {
    std::string t = text(n);
    t = std::string(util::trim(std::string_view(t).substr(6)));  // drop "import"
    if (util::starts_with(t, "static ")) t = t.substr(7);
    if (!t.empty() && t.back() == ';') t.pop_back();
    return t;
  }
  if (std::strcmp(type, "call_expression") == 0) {
    TSNode fn = ts_node_child_by_field_name(n, "function", 8);
    if (ts_node_is_null(fn) || unit.tree->text(fn) != "require") return "";
    TSNode args = ts_node_child_by_field_name(n, "arguments", 9);
    if (ts_node_is_null(args) || ts_node_named_child_count(args) != 1) return "";
    TSNode arg = ts_node_named_child(args, 0);
    return std::strcmp(ts_node_type(arg), "string") == 0 ? unquote(text(arg)) : "";
  }
  return "";
}

bool denied(const std::string& module, const std::string& prefix) {
  if (!util::starts_with(module, prefix)) return false;
  if (module.size() == prefix.size()) return true;
  char next = module[prefix.size()];
  return next == '.' || next == '/' || prefix.back() == '/' || prefix.back() == '.';
}

}  // namespace

void check_layers(const CheckContext& ctx, const Check& self, std::vector<Finding>& out) {
  std::vector<const config::LayerRule*> rules;
  for (const auto& l : ctx.config.review_layers)
    if (util::glob_match(l.from, ctx.unit.path)) rules.push_back(&l);
  if (rules.empty()) return;
  for_each_node(ctx.unit.tree->root(), [&](TSNode n) {
    std::string module = imported_module(n, ctx.unit);
    if (module.empty()) return;
    for (const auto* rule : rules) {
      for (const auto& deny : rule->deny) {
        if (!denied(module, deny)) continue;
        std::string msg = rule->message.empty() ? fmt::format("{} must not import {} (layer rule for {})",
                                                              ctx.unit.path, module, rule->from)
                                                : rule->message + " (imports " + module + ")";
        out.push_back(check_finding(self, ctx.unit, n, msg, module));
        return;
      }
    }
  });
}

}  // namespace copilot::review
