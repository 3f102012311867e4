// Free functions and public methods from C++ headers (and their sources' bodies).
#include <cstring>
#include <functional>
#include <map>
#include <set>

#include "syntax/syntax.h"
#include "testgen/cpp/cpp.h"
#include "testgen/syntax_error.h"
#include "util/strings.h"

namespace copilot::testgen::cpp {
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

// Calls that touch files, processes, the network, the clock or randomness.
bool effectful(std::string_view callee) {
  static const std::set<std::string_view> exact = {"fopen", "open",  "system", "popen",  "rand", "srand",
                                                   "time",  "clock", "getenv", "printf", "puts", "fork"};
  for (const char* prefix :
       {"std::ifstream", "std::ofstream", "std::fstream", "std::cout", "std::cin", "std::cerr",
        "std::filesystem::", "std::chrono::", "std::random_device", "std::rand", "std::system", "std::getenv"})
    if (util::starts_with(callee, prefix)) return true;
  return exact.count(callee) > 0;
}

struct Reader {
  const Tree& tree;
  ModuleUnits& module;
  std::map<std::string, int, std::less<>> seen;  // qualname → declarations (overloads)

  std::string effect_in(TSNode body) {
    std::string reason;
    std::function<void(TSNode)> walk = [&](TSNode n) {
      if (!reason.empty()) return;
      auto t = type_of(n);
      if (t == "call_expression") {
        std::string callee = text_of(tree, field(n, "function"));
        if (effectful(callee)) reason = "uses " + callee;
      }
      if (t == "qualified_identifier" || t == "identifier") {
        std::string name = text_of(tree, n);
        if (util::starts_with(name, "std::cout") || util::starts_with(name, "std::cin") ||
            util::starts_with(name, "std::cerr") || util::starts_with(name, "std::filesystem"))
          reason = "uses " + name;
      }
      for (uint32_t i = 0; i < ts_node_named_child_count(n); ++i) walk(ts_node_named_child(n, i));
    };
    walk(body);
    return reason;
  }

  std::vector<Param> params_of(TSNode list) {
    std::vector<Param> out;
    for (uint32_t i = 0; !ts_node_is_null(list) && i < ts_node_named_child_count(list); ++i) {
      TSNode p = ts_node_named_child(list, i);
      auto t = type_of(p);
      if (t != "parameter_declaration" && t != "optional_parameter_declaration") {
        if (t == "variadic_parameter_declaration" || t == "variadic_parameter") {
          Param v;
          v.name = "...";
          v.kind = Param::Kind::var_positional;
          out.push_back(v);
        }
        continue;
      }
      Param param;
      std::string type = text_of(tree, field(p, "type"));
      TSNode d = field(p, "declarator");
      // const std::string& name → type "const std::string&", name "name".
      std::string suffix;
      while (!ts_node_is_null(d) && (type_of(d) == "reference_declarator" || type_of(d) == "pointer_declarator")) {
        suffix += type_of(d) == "reference_declarator" ? "&" : "*";
        d = ts_node_named_child(d, 0);
      }
      for (uint32_t k = 0; k < ts_node_child_count(p); ++k)
        if (type_of(ts_node_child(p, k)) == "type_qualifier") type = text_of(tree, ts_node_child(p, k)) + " " + type;
      param.annotation = type + suffix;
      param.name = ts_node_is_null(d) ? "p" + std::to_string(out.size()) : text_of(tree, d);
      param.default_value = text_of(tree, field(p, "default_value"));
      out.push_back(std::move(param));
    }
    return out;
  }

  // `if (cond) throw X(...)` among the top statements of a body.
  void throws_of(TSNode body, std::vector<RaiseSite>& out) {
    bool top = true;
    auto thrown = [&](TSNode s) -> std::string {
      if (type_of(s) == "compound_statement" && ts_node_named_child_count(s) >= 1) s = ts_node_named_child(s, 0);
      if (type_of(s) != "throw_statement") return {};
      TSNode e = ts_node_named_child(s, 0);
      if (type_of(e) == "call_expression") return text_of(tree, field(e, "function"));
      return {};
    };
    for (uint32_t i = 0; !ts_node_is_null(body) && i < ts_node_named_child_count(body); ++i) {
      TSNode s = ts_node_named_child(body, i);
      auto t = type_of(s);
      if (t == "if_statement") {
        std::string x = thrown(field(s, "consequence"));
        TSNode cond = field(s, "condition");
        std::string guard = text_of(tree, ts_node_named_child(cond, 0));
        if (!x.empty())
          out.push_back({x, guard, syntax::start_line(s), top});
        else if (util::contains(text_of(tree, s), "return"))
          top = false;
        continue;
      }
      if (t != "comment" && t != "declaration") top = false;
    }
  }

  // A function's name and qualifiers from its declarator chain.
  TSNode function_declarator(TSNode d) {
    while (!ts_node_is_null(d) && type_of(d) != "function_declarator") d = field(d, "declarator");
    return d;
  }

  void function(TSNode decl, const std::string& scope, const std::string& owner, bool is_static) {
    TSNode fd = function_declarator(field(decl, "declarator"));
    if (ts_node_is_null(fd)) return;
    std::string name = text_of(tree, field(fd, "declarator"));
    if (name.empty() || util::starts_with(name, "operator") || util::starts_with(name, "~")) return;
    Unit u;
    u.kind = owner.empty() ? Unit::Kind::function : Unit::Kind::method;
    u.name = name;
    u.owner = owner;
    u.qualname = scope + (owner.empty() ? "" : owner + "::") + name;
    u.line = syntax::start_line(decl);
    u.end_line = syntax::end_line(decl);
    u.params = params_of(field(fd, "parameters"));
    u.returns = text_of(tree, field(decl, "type"));
    u.is_static = is_static;
    TSNode body = field(decl, "body");
    if (!ts_node_is_null(body)) {
      throws_of(body, u.raises);
      u.impure_reason = effect_in(body);
    }
    if (name == owner) {  // a constructor: the class's parameters
      for (auto& c : module.units)
        if (c.kind == Unit::Kind::class_ && c.name == owner && (c.params.empty() || u.params.empty())) {
          c.params = u.params;
          c.raises = u.raises;
        }
      return;
    }
    if (++seen[u.qualname] > 1) return;  // an overload: handled after the walk
    module.units.push_back(std::move(u));
  }

  void class_body(TSNode spec, const std::string& scope) {
    std::string name = text_of(tree, field(spec, "name"));
    TSNode body = field(spec, "body");
    if (name.empty() || ts_node_is_null(body)) return;
    Unit c;
    c.kind = Unit::Kind::class_;
    c.name = name;
    c.qualname = scope + name;
    c.line = syntax::start_line(spec);
    c.end_line = syntax::end_line(spec);
    module.units.push_back(c);
    bool is_public = type_of(spec) == "struct_specifier";
    for (uint32_t i = 0; i < ts_node_named_child_count(body); ++i) {
      TSNode m = ts_node_named_child(body, i);
      auto t = type_of(m);
      if (t == "access_specifier") {
        is_public = util::starts_with(text_of(tree, m), "public");
        continue;
      }
      if (!is_public) continue;
      if (t == "template_declaration") {
        module.units.push_back(
            skipped_unit(scope + name + "::" + template_name(m), "a template: type arguments cannot be derived"));
        continue;
      }
      if (t != "field_declaration" && t != "function_definition" && t != "declaration") continue;
      bool is_static = util::contains(text_of(tree, m).substr(0, 16), "static ");
      if (util::contains(text_of(tree, m), "= delete")) continue;
      if (!ts_node_is_null(function_declarator(field(m, "declarator")))) function(m, scope, name, is_static);
    }
  }

  std::string template_name(TSNode t) {
    for (uint32_t i = 0; i < ts_node_named_child_count(t); ++i) {
      TSNode d = ts_node_named_child(t, i);
      TSNode fd = function_declarator(field(d, "declarator"));
      if (!ts_node_is_null(fd)) return text_of(tree, field(fd, "declarator"));
      if (type_of(d) == "class_specifier" || type_of(d) == "struct_specifier") return text_of(tree, field(d, "name"));
    }
    return "template";
  }

  Unit skipped_unit(const std::string& qualname, const std::string& why) {
    Unit u;
    u.kind = Unit::Kind::function;
    u.name = u.qualname = qualname;
    u.decorators.push_back(why);  // why it is not tested, for derive_cases
    return u;
  }

  void declarations(TSNode list, const std::string& scope) {
    for (uint32_t i = 0; i < ts_node_named_child_count(list); ++i) {
      TSNode s = ts_node_named_child(list, i);
      auto t = type_of(s);
      if (t == "namespace_definition") {
        std::string ns = text_of(tree, field(s, "name"));
        // Anonymous namespaces are not reachable from a test.
        if (!ns.empty()) declarations(field(s, "body"), scope + ns + "::");
      } else if (t == "function_definition" || t == "declaration") {
        std::string head = text_of(tree, s).substr(0, 8);
        if (util::starts_with(head, "static ")) continue;  // internal linkage
        if (!ts_node_is_null(function_declarator(field(s, "declarator")))) function(s, scope, "", false);
        TSNode type = field(s, "type");
        if (type_of(type) == "class_specifier" || type_of(type) == "struct_specifier") class_body(type, scope);
      } else if (t == "class_specifier" || t == "struct_specifier") {
        class_body(s, scope);
      } else if (t == "template_declaration") {
        module.units.push_back(skipped_unit(scope + template_name(s), "a template: type arguments cannot be derived"));
      } else if (t == "linkage_specification" || t == "preproc_ifdef" || t == "preproc_if" || t == "preproc_else") {
        declarations(t == "linkage_specification" ? field(s, "body") : s, scope);
      }
    }
    // Overloads: which one a call means depends on arguments we would have to guess.
    for (auto& u : module.units)
      if (seen.count(u.qualname) && seen[u.qualname] > 1 && u.decorators.empty())
        u.decorators.push_back("overloaded: which overload a call means is left to you");
  }
};

}  // namespace

ModuleUnits extract(std::string_view path, std::string_view source) {
  ModuleUnits module;
  module.path = std::string(path);
  auto tree = syntax::parse("cpp", source);
  if (!tree) {
    module.skip_reason = tree.error().message;
    return module;
  }
  if (tree->has_error()) {
    module.syntax_error_line = first_error_line(tree->root());
    module.skip_reason = "syntax error at line " + std::to_string(module.syntax_error_line);
    return module;
  }
  Reader reader{*tree, module, {}};
  reader.declarations(tree->root(), "");
  for (const auto& u : module.units)
    if (u.kind != Unit::Kind::method) module.module_names.push_back(u.qualname);
  return module;
}

}  // namespace copilot::testgen::cpp
