// Exported Go functions, methods and struct types from a tree-sitter tree.
#include <cctype>
#include <cstring>
#include <functional>
#include <map>
#include <set>

#include "syntax/syntax.h"
#include "testgen/golang/golang.h"
#include "testgen/syntax_error.h"
#include "util/strings.h"

namespace copilot::testgen::golang {
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
bool exported(std::string_view name) {
  return !name.empty() && std::isupper(static_cast<unsigned char>(name[0]));
}

// Packages whose use touches files, processes, the network, the clock or randomness.
const std::set<std::string, std::less<>>& effect_packages() {
  static const std::set<std::string, std::less<>> s = {
      "os",           "os/exec", "net", "net/http",  "io/ioutil", "math/rand",    "crypto/rand",
      "database/sql", "syscall", "log", "os/signal", "net/rpc",   "path/filepath"};
  return s;
}

struct Reader {
  const Tree& tree;
  ModuleUnits& module;
  std::map<std::string, std::string, std::less<>> effect_aliases;  // local name → import path

  void imports(TSNode decl) {
    std::function<void(TSNode)> walk = [&](TSNode n) {
      if (type_of(n) == "import_spec") {
        std::string path = text_of(tree, field(n, "path"));
        if (path.size() >= 2) path = path.substr(1, path.size() - 2);
        std::string alias = text_of(tree, field(n, "name"));
        if (alias.empty()) alias = path.substr(path.rfind('/') + 1);
        if (effect_packages().count(path)) effect_aliases[alias] = path;
        return;
      }
      for (uint32_t i = 0; i < ts_node_named_child_count(n); ++i) walk(ts_node_named_child(n, i));
    };
    walk(decl);
  }

  std::string effect_in(TSNode body, std::vector<std::string>& calls) {
    std::string reason;
    std::function<void(TSNode)> walk = [&](TSNode n) {
      auto t = type_of(n);
      if (t == "call_expression" && type_of(field(n, "function")) == "identifier")
        calls.push_back(text_of(tree, field(n, "function")));
      if (reason.empty() && t == "selector_expression") {
        std::string operand = text_of(tree, field(n, "operand"));
        std::string sel = text_of(tree, n);
        if (effect_aliases.count(operand))
          reason = "uses " + sel + " (from " + effect_aliases[operand] + ")";
        else if (sel == "time.Now" || sel == "time.Sleep" || sel == "time.Since" || sel == "time.After")
          reason = "uses " + sel + " (the clock)";
        else if (operand == "fmt" && (util::starts_with(sel, "fmt.Print") || util::starts_with(sel, "fmt.Fprint") ||
                                      util::starts_with(sel, "fmt.Scan")))
          reason = "uses " + sel + " (standard input or output)";
      }
      for (uint32_t i = 0; i < ts_node_named_child_count(n); ++i) walk(ts_node_named_child(n, i));
    };
    walk(body);
    return reason;
  }

  std::vector<Param> params_of(TSNode list) {
    std::vector<Param> out;
    for (uint32_t i = 0; !ts_node_is_null(list) && i < ts_node_named_child_count(list); ++i) {
      TSNode d = ts_node_named_child(list, i);
      auto t = type_of(d);
      if (t != "parameter_declaration" && t != "variadic_parameter_declaration") continue;
      std::string type = text_of(tree, field(d, "type"));
      std::vector<std::string> names;
      for (uint32_t k = 0; k < ts_node_named_child_count(d); ++k) {
        TSNode c = ts_node_named_child(d, k);
        if (type_of(c) == "identifier") names.push_back(text_of(tree, c));
      }
      if (names.empty()) names.push_back("p" + std::to_string(out.size()));  // unnamed parameter
      for (const auto& name : names) {
        Param p;
        p.name = name == "_" ? "p" + std::to_string(out.size()) : name;
        p.annotation = type;
        if (t == "variadic_parameter_declaration") p.kind = Param::Kind::var_positional;
        out.push_back(std::move(p));
      }
    }
    return out;
  }

  std::vector<std::string> results_of(TSNode result) {
    if (ts_node_is_null(result)) return {};
    if (type_of(result) != "parameter_list") return {text_of(tree, result)};
    std::vector<std::string> out;
    for (const auto& p : params_of(result)) out.push_back(p.annotation);
    return out;
  }

  // `if cond { return ..., errors.New(...) }` and `if cond { panic(...) }` among the body's top statements.
  void guards_of(TSNode body, const std::vector<std::string>& results, std::vector<RaiseSite>& out) {
    bool returns_error = !results.empty() && results.back() == "error";
    bool top = true;
    auto raised = [&](TSNode block) -> std::string {
      if (ts_node_is_null(block)) return {};
      TSNode list = ts_node_named_child(block, 0);
      if (type_of(list) == "statement_list") list = ts_node_named_child(list, 0);
      TSNode s = list;
      if (type_of(s) == "expression_statement") s = ts_node_named_child(s, 0);
      if (type_of(s) == "call_expression" && text_of(tree, field(s, "function")) == "panic") return "panic";
      if (type_of(s) == "return_statement" && returns_error) {
        TSNode values = ts_node_named_child(s, 0);
        std::string last = text_of(tree, ts_node_named_child(values, ts_node_named_child_count(values) - 1));
        if (!last.empty() && last != "nil") return "error";
      }
      return {};
    };
    TSNode list = ts_node_named_child(body, 0);
    if (type_of(list) != "statement_list") list = body;
    for (uint32_t i = 0; !ts_node_is_null(list) && i < ts_node_named_child_count(list); ++i) {
      TSNode s = ts_node_named_child(list, i);
      auto t = type_of(s);
      if (t == "if_statement") {
        if (std::string kind = raised(field(s, "consequence"));
            !kind.empty() && ts_node_is_null(field(s, "initializer")))
          out.push_back({kind, text_of(tree, field(s, "condition")), syntax::start_line(s), top});
        else if (util::contains(text_of(tree, s), "return"))
          top = false;
        continue;
      }
      if (t != "comment" && t != "short_var_declaration" && t != "var_declaration" && t != "const_declaration")
        top = false;
    }
  }

  Unit function_unit(TSNode fn, const std::string& owner) {
    Unit u;
    u.kind = owner.empty() ? Unit::Kind::function : Unit::Kind::method;
    u.name = text_of(tree, field(fn, "name"));
    u.owner = owner;
    u.qualname = owner.empty() ? u.name : owner + "." + u.name;
    u.line = syntax::start_line(fn);
    u.end_line = syntax::end_line(fn);
    u.params = params_of(field(fn, "parameters"));
    u.results = results_of(field(fn, "result"));
    u.returns = text_of(tree, field(fn, "result"));
    if (!ts_node_is_null(field(fn, "type_parameters"))) u.decorators.push_back("generic");
    TSNode body = field(fn, "body");
    if (!ts_node_is_null(body)) {
      guards_of(body, u.results, u.raises);
      u.impure_reason = effect_in(body, u.calls);
    }
    return u;
  }

  void statements(TSNode root) {
    std::vector<Unit> methods;
    for (uint32_t i = 0; i < ts_node_named_child_count(root); ++i) {
      TSNode s = ts_node_named_child(root, i);
      auto t = type_of(s);
      if (t == "package_clause") {
        module.package_name = text_of(tree, ts_node_named_child(s, 0));
      } else if (t == "import_declaration") {
        imports(s);
      } else if (t == "function_declaration" && exported(text_of(tree, field(s, "name")))) {
        module.units.push_back(function_unit(s, ""));
      } else if (t == "method_declaration" && exported(text_of(tree, field(s, "name")))) {
        // The receiver's type without `*` or type arguments.
        std::string receiver = text_of(tree, field(ts_node_named_child(field(s, "receiver"), 0), "type"));
        if (!receiver.empty() && receiver[0] == '*') receiver = receiver.substr(1);
        receiver = receiver.substr(0, receiver.find('['));
        if (exported(receiver)) methods.push_back(function_unit(s, receiver));
      } else if (t == "type_declaration") {
        for (uint32_t k = 0; k < ts_node_named_child_count(s); ++k) {
          TSNode spec = ts_node_named_child(s, k);
          std::string name = text_of(tree, field(spec, "name"));
          if (type_of(spec) != "type_spec" || !exported(name) || type_of(field(spec, "type")) != "struct_type")
            continue;
          Unit c;
          c.kind = Unit::Kind::class_;
          c.name = c.qualname = name;
          c.line = syntax::start_line(spec);
          c.end_line = syntax::end_line(spec);
          if (!ts_node_is_null(field(spec, "type_parameters"))) c.decorators.push_back("generic");
          module.units.push_back(std::move(c));
        }
      }
    }
    for (auto& m : methods) module.units.push_back(std::move(m));
    for (const auto& u : module.units)
      if (u.kind != Unit::Kind::method) module.module_names.push_back(u.name);
  }
};

}  // namespace

ModuleUnits extract(std::string_view path, std::string_view source) {
  ModuleUnits module;
  module.path = std::string(path);
  auto tree = syntax::parse("go", source);
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
  reader.statements(tree->root());
  if (module.package_name == "main")
    module.skip_reason = "package main cannot be imported by a test in another package";
  return module;
}

}  // namespace copilot::testgen::golang
