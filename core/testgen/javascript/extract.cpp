// Exported JavaScript/TypeScript functions and classes from a tree-sitter tree.
#include <cstring>
#include <functional>
#include <map>
#include <set>

#include "syntax/syntax.h"
#include "testgen/javascript/javascript.h"
#include "testgen/syntax_error.h"
#include "util/strings.h"

namespace copilot::testgen::javascript {
namespace {

using syntax::Tree;

std::string_view type_of(TSNode n) {
  return ts_node_is_null(n) ? std::string_view() : ts_node_type(n);
}
TSNode field(TSNode n, const char* name) {
  return ts_node_child_by_field_name(n, name, static_cast<uint32_t>(std::strlen(name)));
}
std::string text_of(const Tree& tree, TSNode n) {
  return ts_node_is_null(n) ? std::string() : std::string(tree.text(n));
}
std::string annotation_of(const Tree& tree, TSNode type_annotation) {
  std::string t = text_of(tree, type_annotation);
  return std::string(util::trim(util::starts_with(t, ":") ? std::string_view(t).substr(1) : std::string_view(t)));
}

bool has_token(TSNode n, std::string_view token) {
  for (uint32_t i = 0; i < ts_node_child_count(n); ++i)
    if (!ts_node_is_named(ts_node_child(n, i)) && type_of(ts_node_child(n, i)) == token) return true;
  return false;
}

// Globals and modules whose use means a call may read or change the world.
const std::set<std::string, std::less<>>& effect_names() {
  static const std::set<std::string, std::less<>> s = {
      "fetch",  "process",      "console",        "setTimeout", "setInterval", "XMLHttpRequest", "document",
      "window", "localStorage", "sessionStorage", "require",    "navigator",   "WebSocket",      "indexedDB"};
  return s;
}
const std::set<std::string, std::less<>>& effect_modules() {
  static const std::set<std::string, std::less<>> s = {
      "fs",         "fs/promises", "node:fs", "node:fs/promises", "http",           "https",
      "node:http",  "node:https",  "net",     "node:net",         "child_process",  "node:child_process",
      "os",         "node:os",     "dgram",   "cluster",          "worker_threads", "axios",
      "node-fetch", "pg",          "mysql",   "mysql2",           "mongodb",        "redis",
      "ioredis"};
  return s;
}

struct Reader {
  const Tree& tree;
  ModuleUnits& module;
  std::map<std::string, std::string, std::less<>> effect_bindings;  // local name → module
  std::map<std::string, Unit, std::less<>> local;                   // not (yet) exported definitions
  std::set<std::string, std::less<>> exported;                      // names exported by name
  std::string module_export;                                        // `module.exports = name`

  std::string effect_in(TSNode body, std::vector<std::string>& calls) {
    std::string reason;
    std::function<void(TSNode)> walk = [&](TSNode n) {
      auto t = type_of(n);
      if (t == "call_expression" && type_of(field(n, "function")) == "identifier")
        calls.push_back(text_of(tree, field(n, "function")));
      if (reason.empty() && t == "identifier") {
        std::string name = text_of(tree, n);
        TSNode parent = ts_node_parent(n);
        bool is_property = type_of(parent) == "member_expression" && !ts_node_eq(field(parent, "object"), n);
        if (!is_property && effect_names().count(name)) reason = "uses " + name;
        if (!is_property && effect_bindings.count(name))
          reason = "uses " + name + " (from " + effect_bindings[name] + ")";
      }
      if (reason.empty() && t == "member_expression") {
        std::string m = text_of(tree, n);
        if (m == "Math.random" || m == "Date.now" || m == "crypto.randomUUID" || m == "crypto.getRandomValues")
          reason = "uses " + m + " (clock or randomness)";
      }
      if (reason.empty() && t == "new_expression" && text_of(tree, field(n, "constructor")) == "Date" &&
          ts_node_named_child_count(field(n, "arguments")) == 0)
        reason = "reads the clock (new Date())";
      for (uint32_t i = 0; i < ts_node_named_child_count(n); ++i) walk(ts_node_named_child(n, i));
    };
    walk(body);
    return reason;
  }

  std::vector<Param> params_of(TSNode params) {
    std::vector<Param> out;
    for (uint32_t i = 0; !ts_node_is_null(params) && i < ts_node_named_child_count(params); ++i) {
      TSNode p = ts_node_named_child(params, i);
      auto t = type_of(p);
      Param param;
      if (t == "required_parameter" || t == "optional_parameter") {
        TSNode pattern = field(p, "pattern");
        param.annotation = annotation_of(tree, field(p, "type"));
        param.default_value = text_of(tree, field(p, "value"));
        if (t == "optional_parameter" && param.default_value.empty()) param.default_value = "undefined";
        if (type_of(pattern) == "rest_pattern") {
          param.kind = Param::Kind::var_positional;
          pattern = ts_node_named_child(pattern, 0);
        }
        param.name = text_of(tree, pattern);
      } else if (t == "identifier") {
        param.name = text_of(tree, p);
      } else if (t == "assignment_pattern") {
        param.name = text_of(tree, field(p, "left"));
        param.default_value = text_of(tree, field(p, "right"));
      } else if (t == "rest_pattern") {
        param.kind = Param::Kind::var_positional;
        param.name = text_of(tree, ts_node_named_child(p, 0));
      } else if (t == "object_pattern" || t == "array_pattern") {
        param.name = text_of(tree, p);  // destructured: no value can be derived from a hint-less pattern
      } else {
        continue;
      }
      out.push_back(std::move(param));
    }
    return out;
  }

  // `if (cond) throw new X(...)` and bare throws among the body's top statements.
  void throws_of(TSNode body, std::vector<RaiseSite>& out) {
    if (type_of(body) != "statement_block") return;
    bool top = true;
    auto thrown = [&](TSNode stmt) -> std::string {
      if (type_of(stmt) == "statement_block" && ts_node_named_child_count(stmt) >= 1)
        stmt = ts_node_named_child(stmt, 0);
      if (type_of(stmt) != "throw_statement") return {};
      TSNode e = ts_node_named_child(stmt, 0);
      if (type_of(e) != "new_expression") return {};
      return text_of(tree, field(e, "constructor"));
    };
    for (uint32_t i = 0; i < ts_node_named_child_count(body); ++i) {
      TSNode s = ts_node_named_child(body, i);
      auto t = type_of(s);
      if (t == "throw_statement") {
        if (std::string x = thrown(s); !x.empty()) out.push_back({x, "", syntax::start_line(s), top});
        break;
      }
      if (t == "if_statement") {
        std::string x = thrown(field(s, "consequence"));
        std::string cond = text_of(tree, field(s, "condition"));
        if (!x.empty()) out.push_back({x, cond, syntax::start_line(s), top});
        bool returns = util::contains(text_of(tree, s), "return");
        if (returns) top = false;
        continue;
      }
      if (t != "comment" && t != "lexical_declaration" && t != "variable_declaration") top = false;
    }
  }

  Unit function_unit(TSNode fn, const std::string& name, const std::string& owner) {
    Unit u;
    u.kind = owner.empty() ? Unit::Kind::function : Unit::Kind::method;
    u.name = name;
    u.owner = owner;
    u.qualname = owner.empty() ? name : owner + "." + name;
    u.line = syntax::start_line(fn);
    u.end_line = syntax::end_line(fn);
    u.is_async = has_token(fn, "async");
    u.is_generator = util::contains(type_of(fn), "generator") || has_token(fn, "*");
    u.is_static = has_token(fn, "static");
    u.is_property = has_token(fn, "get");
    TSNode params = field(fn, "parameters");
    if (ts_node_is_null(params)) params = field(fn, "parameter");  // `x => ...`
    if (type_of(params) == "identifier") {
      Param p;
      p.name = text_of(tree, params);
      u.params.push_back(p);
    } else {
      u.params = params_of(params);
    }
    u.returns = annotation_of(tree, field(fn, "return_type"));
    TSNode body = field(fn, "body");
    throws_of(body, u.raises);
    u.impure_reason = effect_in(body, u.calls);
    return u;
  }

  void class_units(TSNode cls, const std::string& name, std::vector<Unit>& out) {
    Unit c;
    c.kind = Unit::Kind::class_;
    c.name = c.qualname = name;
    c.line = syntax::start_line(cls);
    c.end_line = syntax::end_line(cls);
    c.is_abstract = type_of(cls) == "abstract_class_declaration";
    for (uint32_t i = 0; i < ts_node_named_child_count(cls); ++i) {
      TSNode h = ts_node_named_child(cls, i);
      if (type_of(h) == "class_heritage") c.bases.push_back(text_of(tree, h));
    }
    TSNode body = field(cls, "body");
    std::vector<Unit> methods;
    for (uint32_t i = 0; !ts_node_is_null(body) && i < ts_node_named_child_count(body); ++i) {
      TSNode m = ts_node_named_child(body, i);
      if (type_of(m) != "method_definition") continue;
      TSNode name_node = field(m, "name");
      if (type_of(name_node) != "property_identifier") continue;  // #private and computed names
      std::string method = text_of(tree, name_node);
      if (has_token(m, "set")) continue;
      Unit u = function_unit(m, method, name);
      if (method == "constructor") {
        c.params = u.params;
        c.raises = u.raises;
        continue;
      }
      if (util::starts_with(text_of(tree, m), "private") || util::starts_with(text_of(tree, m), "protected")) continue;
      methods.push_back(std::move(u));
    }
    out.push_back(std::move(c));
    for (auto& m : methods) out.push_back(std::move(m));
  }

  // A declaration's units; `name` overrides the declared name (export default).
  std::vector<Unit> declaration(TSNode d, const std::string& as = "") {
    std::vector<Unit> out;
    auto t = type_of(d);
    if (t == "function_declaration" || t == "generator_function_declaration") {
      out.push_back(function_unit(d, as.empty() ? text_of(tree, field(d, "name")) : as, ""));
    } else if (t == "class_declaration" || t == "abstract_class_declaration") {
      class_units(d, as.empty() ? text_of(tree, field(d, "name")) : as, out);
    } else if (t == "lexical_declaration" || t == "variable_declaration") {
      for (uint32_t i = 0; i < ts_node_named_child_count(d); ++i) {
        TSNode v = ts_node_named_child(d, i);
        if (type_of(v) != "variable_declarator") continue;
        TSNode value = field(v, "value");
        auto vt = type_of(value);
        if (vt == "arrow_function" || vt == "function_expression" || vt == "function" || vt == "generator_function")
          out.push_back(function_unit(value, text_of(tree, field(v, "name")), ""));
        else if (vt == "class")
          class_units(value, text_of(tree, field(v, "name")), out);
      }
    }
    return out;
  }

  void remember(std::vector<Unit> units, bool is_exported) {
    for (auto& u : units) {
      if (is_exported) {
        module.units.push_back(std::move(u));
      } else {
        std::string key = u.owner.empty() ? u.name : u.owner + "." + u.name;
        local.emplace(key, std::move(u));
      }
    }
  }

  void imports(TSNode s) {
    std::string from = text_of(tree, field(s, "source"));
    if (from.size() >= 2) from = from.substr(1, from.size() - 2);
    if (!effect_modules().count(from)) return;
    std::function<void(TSNode)> bind = [&](TSNode n) {
      if (type_of(n) == "identifier") effect_bindings[text_of(tree, n)] = from;
      for (uint32_t i = 0; i < ts_node_named_child_count(n); ++i) bind(ts_node_named_child(n, i));
    };
    for (uint32_t i = 0; i < ts_node_named_child_count(s); ++i)
      if (type_of(ts_node_named_child(s, i)) == "import_clause") bind(ts_node_named_child(s, i));
  }

  // `const fs = require("fs")` binds an effect module.
  void required_modules(TSNode d) {
    for (uint32_t i = 0; i < ts_node_named_child_count(d); ++i) {
      TSNode v = ts_node_named_child(d, i);
      TSNode value = field(v, "value");
      if (type_of(value) != "call_expression" || text_of(tree, field(value, "function")) != "require") continue;
      std::string arg = text_of(tree, ts_node_named_child(field(value, "arguments"), 0));
      if (arg.size() >= 2 && effect_modules().count(arg.substr(1, arg.size() - 2))) {
        std::function<void(TSNode)> bind = [&](TSNode n) {
          if (type_of(n) == "identifier" || type_of(n) == "shorthand_property_identifier_pattern")
            effect_bindings[text_of(tree, n)] = arg.substr(1, arg.size() - 2);
          for (uint32_t k = 0; k < ts_node_named_child_count(n); ++k) bind(ts_node_named_child(n, k));
        };
        bind(field(v, "name"));
      }
    }
  }

  // module.exports = { a, b: c }; module.exports.x = ...; exports.x = ...
  void commonjs(TSNode stmt) {
    TSNode e = ts_node_named_child(stmt, 0);
    if (type_of(e) != "assignment_expression") return;
    std::string left = text_of(tree, field(e, "left"));
    TSNode right = field(e, "right");
    if (left == "module.exports" && type_of(right) == "object") {
      module.commonjs = true;
      for (uint32_t i = 0; i < ts_node_named_child_count(right); ++i) {
        TSNode p = ts_node_named_child(right, i);
        if (type_of(p) == "shorthand_property_identifier") exported.insert(text_of(tree, p));
        if (type_of(p) == "pair" && type_of(field(p, "value")) == "identifier" &&
            text_of(tree, field(p, "key")) == text_of(tree, field(p, "value")))
          exported.insert(text_of(tree, field(p, "key")));
      }
      return;
    }
    // `module.exports = function ...` or `= name`: the module is the function.
    if (left == "module.exports") {
      module.commonjs = true;
      auto rt = type_of(right);
      if (rt == "arrow_function" || rt == "function_expression" || rt == "function")
        module.units.push_back(function_unit(right, kModuleExport, ""));
      else if (rt == "identifier")
        module_export = text_of(tree, right);
      return;
    }
    for (const char* prefix : {"module.exports.", "exports."}) {
      if (!util::starts_with(left, prefix)) continue;
      module.commonjs = true;
      std::string name = left.substr(std::strlen(prefix));
      auto rt = type_of(right);
      if (rt == "identifier")
        exported.insert(text_of(tree, right));
      else if (rt == "arrow_function" || rt == "function_expression" || rt == "function")
        module.units.push_back(function_unit(right, name, ""));
      module.module_names.push_back(name);
    }
  }

  std::string import_effect(TSNode stmt) {
    if (type_of(stmt) != "expression_statement") return {};
    TSNode e = ts_node_named_child(stmt, 0);
    if (type_of(e) == "await_expression") return "awaits at import time";
    if (type_of(e) != "call_expression") return {};
    std::string callee = text_of(tree, field(e, "function"));
    if (callee == "main" || util::ends_with(callee, ".listen") || callee == "process.exit" ||
        util::ends_with(callee, ".connect") || callee == "setInterval")
      return "calls " + callee + "() at import time (line " + std::to_string(syntax::start_line(e)) + ")";
    return {};
  }

  void statements(TSNode root) {
    for (uint32_t i = 0; i < ts_node_named_child_count(root); ++i) {
      TSNode s = ts_node_named_child(root, i);
      auto t = type_of(s);
      if (t == "import_statement") {
        imports(s);
      } else if (t == "export_statement") {
        TSNode d = field(s, "declaration");
        bool is_default = has_token(s, "default");
        if (!ts_node_is_null(d)) {
          remember(declaration(d, is_default ? "default" : ""), true);
        } else if (is_default && type_of(field(s, "value")) == "identifier") {
          exported.insert(text_of(tree, field(s, "value")));
        } else {
          for (uint32_t k = 0; k < ts_node_named_child_count(s); ++k) {
            TSNode clause = ts_node_named_child(s, k);
            if (type_of(clause) != "export_clause") continue;
            for (uint32_t j = 0; j < ts_node_named_child_count(clause); ++j) {
              TSNode spec = ts_node_named_child(clause, j);
              // `export { a as b }`: only same-name exports are matched to their definitions.
              if (ts_node_is_null(field(spec, "alias"))) exported.insert(text_of(tree, field(spec, "name")));
            }
          }
        }
      } else if (t == "lexical_declaration" || t == "variable_declaration") {
        required_modules(s);
        remember(declaration(s), false);
      } else if (t == "function_declaration" || t == "generator_function_declaration" || t == "class_declaration") {
        remember(declaration(s), false);
      } else if (t == "expression_statement") {
        commonjs(s);
      }
      if (std::string effect = import_effect(s); !effect.empty() && module.skip_reason.empty())
        module.skip_reason = "module has import-time side effects: " + effect;
    }
    for (const auto& name : exported)
      for (auto& [key, u] : local)
        if (key == name || u.owner == name) module.units.push_back(u);
    if (auto it = local.find(module_export); it != local.end() && it->second.kind == Unit::Kind::function) {
      Unit u = it->second;
      u.name = u.qualname = kModuleExport;
      module.units.push_back(std::move(u));
    }
    for (const auto& u : module.units)
      if (u.kind != Unit::Kind::method) module.module_names.push_back(u.name);
  }
};

std::string_view grammar_for(std::string_view path) {
  if (util::ends_with(path, ".tsx")) return "tsx";
  if (util::ends_with(path, ".ts") || util::ends_with(path, ".mts") || util::ends_with(path, ".cts"))
    return "typescript";
  return "javascript";
}

}  // namespace

ModuleUnits extract(std::string_view path, std::string_view source) {
  ModuleUnits module;
  module.path = std::string(path);
  auto tree = syntax::parse(grammar_for(path), source);
  if (!tree) {
    module.skip_reason = tree.error().message;
    return module;
  }
  if (tree->has_error()) {
    module.syntax_error_line = first_error_line(tree->root());
    module.skip_reason = "syntax error at line " + std::to_string(module.syntax_error_line);
    return module;
  }
  Reader reader{*tree, module, {}, {}, {}};
  reader.statements(tree->root());
  return module;
}

}  // namespace copilot::testgen::javascript
