// Python units from a tree-sitter tree: signatures, docstrings, doctests,
// raise guards and whether running a function could touch the world.
#include <algorithm>
#include <cstring>
#include <functional>
#include <map>
#include <set>

#include "syntax/syntax.h"
#include "testgen/python/python.h"
#include "testgen/syntax_error.h"
#include "util/strings.h"

namespace copilot::testgen::python {
namespace {

using syntax::Tree;

std::string_view type_of(TSNode n) {
  return ts_node_type(n);
}
TSNode field(TSNode n, const char* name) {
  return ts_node_child_by_field_name(n, name, static_cast<uint32_t>(std::strlen(name)));
}
std::string text_of(const Tree& tree, TSNode n) {
  return ts_node_is_null(n) ? std::string() : std::string(tree.text(n));
}

// The first identifier of a dotted expression: `os` in `os.path.join(...)`.
std::string root_name(const Tree& tree, TSNode n) {
  while (!ts_node_is_null(n)) {
    auto t = type_of(n);
    if (t == "identifier") return text_of(tree, n);
    if (t == "attribute")
      n = field(n, "object");
    else if (t == "call")
      n = field(n, "function");
    else if (t == "subscript")
      n = field(n, "value");
    else
      return {};
  }
  return {};
}

// Names whose use means a call may read or change something outside its
// arguments: files, processes, the network, the clock, randomness, stdio.
const std::set<std::string, std::less<>>& effect_builtins() {
  static const std::set<std::string, std::less<>> s = {
      "open", "print", "input", "exec", "eval", "__import__", "breakpoint", "exit", "quit", "globals", "compile"};
  return s;
}
const std::set<std::string, std::less<>>& effect_modules() {
  static const std::set<std::string, std::less<>> s = {
      "os",      "sys",       "subprocess",      "socket",     "requests", "urllib", "http",   "httpx",
      "aiohttp", "shutil",    "pathlib",         "Path",       "tempfile", "time",   "random", "uuid",
      "secrets", "threading", "multiprocessing", "asyncio",    "signal",   "io",     "glob",   "sqlite3",
      "smtplib", "ftplib",    "webbrowser",      "getpass",    "ctypes",   "select", "fcntl",  "psycopg2",
      "pymysql", "boto3",     "urllib3",         "concurrent", "sched",    "mmap",   "atexit"};
  return s;
}
// Attribute uses of effect modules that are plain computation.
bool pure_attribute(std::string_view dotted) {
  static const std::set<std::string, std::less<>> s = {"os.path.join",
                                                       "os.path.basename",
                                                       "os.path.dirname",
                                                       "os.path.splitext",
                                                       "os.path.normpath",
                                                       "os.path.split",
                                                       "os.sep",
                                                       "os.path.sep",
                                                       "os.linesep",
                                                       "os.path.isabs",
                                                       "os.path.commonprefix",
                                                       "sys.version_info",
                                                       "sys.maxsize",
                                                       "sys.platform",
                                                       "sys.byteorder",
                                                       "sys.float_info",
                                                       "sys.getrecursionlimit",
                                                       "sys.maxunicode",
                                                       "os.fspath",
                                                       "sys.version"};
  return s.count(dotted) > 0;
}

// Why calling the code under `body` could have effects outside its arguments, or "".
// Names imported from effect modules (`from random import sample`) → "random.sample".
using EffectNames = std::map<std::string, std::string, std::less<>>;

EffectNames imported_effects(const Tree& tree) {
  EffectNames out;
  std::function<void(TSNode)> walk = [&](TSNode n) {
    if (type_of(n) == "import_from_statement") {
      TSNode module_name = field(n, "module_name");
      std::string from = text_of(tree, module_name);
      if (!effect_modules().count(from.substr(0, from.find('.')))) return;
      for (uint32_t i = 0; i < ts_node_named_child_count(n); ++i) {
        TSNode c = ts_node_named_child(n, i);
        if (ts_node_eq(c, module_name)) continue;
        if (type_of(c) == "aliased_import")
          out[text_of(tree, field(c, "alias"))] = from + "." + text_of(tree, field(c, "name"));
        else if (type_of(c) == "dotted_name")
          out[text_of(tree, c)] = from + "." + text_of(tree, c);
      }
      return;
    }
    for (uint32_t i = 0; i < ts_node_named_child_count(n); ++i) walk(ts_node_named_child(n, i));
  };
  walk(tree.root());
  return out;
}

std::string effect_in(const Tree& tree, TSNode body, const EffectNames& effect_names, std::vector<std::string>& calls) {
  std::string reason;
  std::function<void(TSNode)> walk = [&](TSNode n) {
    auto t = type_of(n);
    if (t == "call" && type_of(field(n, "function")) == "identifier")
      calls.push_back(text_of(tree, field(n, "function")));
    if (!reason.empty()) {
      for (uint32_t i = 0; i < ts_node_named_child_count(n); ++i) walk(ts_node_named_child(n, i));
      return;
    }
    if (t == "global_statement" || t == "nonlocal_statement") {
      reason =
          "changes state outside the function (" + std::string(t == "global_statement" ? "global" : "nonlocal") + ")";
    }
    if (t == "identifier") {
      std::string name = text_of(tree, n);
      if (effect_builtins().count(name)) {
        TSNode parent = ts_node_parent(n);
        // A keyword argument or attribute named `open` is not the builtin.
        bool is_attr_name = type_of(parent) == "attribute" && !ts_node_eq(field(parent, "object"), n);
        bool is_keyword = type_of(parent) == "keyword_argument" && ts_node_eq(field(parent, "name"), n);
        if (!is_attr_name && !is_keyword) reason = "uses " + name + "()";
      } else if (auto it = effect_names.find(name); it != effect_names.end() && !pure_attribute(it->second)) {
        TSNode parent = ts_node_parent(n);
        if (type_of(parent) != "attribute" || ts_node_eq(field(parent, "object"), n))
          reason = "uses " + it->second + " (files, processes, network, clock or randomness)";
      }
    }
    if (t == "attribute") {
      std::string dotted = text_of(tree, n);
      std::string root = root_name(tree, n);
      if (effect_modules().count(root) && !pure_attribute(dotted) && dotted.find('(') == std::string::npos) {
        // Only the outermost attribute counts: os.path.join is judged whole.
        TSNode parent = ts_node_parent(n);
        if (type_of(parent) != "attribute")
          reason = "uses " + dotted + " (files, processes, network, clock or randomness)";
      }
      for (const char* suffix : {".now", ".utcnow", ".today"})
        if (reason.empty() && util::ends_with(dotted, suffix)) reason = "reads the clock (" + dotted + ")";
    }
    for (uint32_t i = 0; i < ts_node_named_child_count(n); ++i) walk(ts_node_named_child(n, i));
  };
  walk(body);
  return reason;
}

bool contains_return(TSNode n) {
  auto t = type_of(n);
  if (t == "return_statement") return true;
  if (t == "function_definition" || t == "lambda" || t == "class_definition") return false;
  for (uint32_t i = 0; i < ts_node_named_child_count(n); ++i)
    if (contains_return(ts_node_named_child(n, i))) return true;
  return false;
}

bool contains_yield(TSNode n) {
  auto t = type_of(n);
  if (t == "yield") return true;
  if (t == "function_definition" || t == "lambda" || t == "class_definition") return false;
  for (uint32_t i = 0; i < ts_node_child_count(n); ++i)
    if (contains_yield(ts_node_child(n, i))) return true;
  return false;
}

// The docstring node of a block, or a null node.
TSNode docstring_node(TSNode body) {
  if (ts_node_is_null(body) || ts_node_named_child_count(body) == 0) return TSNode{};
  TSNode first = ts_node_named_child(body, 0);
  if (type_of(first) != "expression_statement" || ts_node_named_child_count(first) != 1) return TSNode{};
  TSNode s = ts_node_named_child(first, 0);
  return type_of(s) == "string" ? s : TSNode{};
}

bool is_docstring_statement(TSNode stmt) {
  return type_of(stmt) == "expression_statement" && ts_node_named_child_count(stmt) == 1 &&
         type_of(ts_node_named_child(stmt, 0)) == "string";
}

std::vector<Param> read_params(const Tree& tree, TSNode params) {
  std::vector<Param> out;
  bool keyword_only = false;
  for (uint32_t i = 0; i < ts_node_named_child_count(params); ++i) {
    TSNode p = ts_node_named_child(params, i);
    auto t = type_of(p);
    Param param;
    param.kind = keyword_only ? Param::Kind::keyword_only : Param::Kind::positional;
    if (t == "identifier") {
      param.name = text_of(tree, p);
    } else if (t == "typed_parameter") {
      TSNode inner = ts_node_named_child(p, 0);
      param.annotation = text_of(tree, field(p, "type"));
      auto it = type_of(inner);
      if (it == "list_splat_pattern" || it == "dictionary_splat_pattern") {
        param.kind = it == "list_splat_pattern" ? Param::Kind::var_positional : Param::Kind::var_keyword;
        param.name = text_of(tree, ts_node_named_child(inner, 0));
        if (it == "list_splat_pattern") keyword_only = true;
      } else {
        param.name = text_of(tree, inner);
      }
    } else if (t == "default_parameter" || t == "typed_default_parameter") {
      param.name = text_of(tree, field(p, "name"));
      param.annotation = text_of(tree, field(p, "type"));
      param.default_value = text_of(tree, field(p, "value"));
    } else if (t == "list_splat_pattern") {
      param.kind = Param::Kind::var_positional;
      param.name = text_of(tree, ts_node_named_child(p, 0));
      keyword_only = true;
    } else if (t == "dictionary_splat_pattern") {
      param.kind = Param::Kind::var_keyword;
      param.name = text_of(tree, ts_node_named_child(p, 0));
    } else if (t == "keyword_separator") {
      keyword_only = true;
      continue;
    } else if (t == "positional_separator") {
      for (auto& earlier : out)
        if (earlier.kind == Param::Kind::positional) earlier.kind = Param::Kind::positional_only;
      continue;
    } else {
      continue;  // tuple parameters (Python 2) and comments
    }
    out.push_back(std::move(param));
  }
  return out;
}

// Raise statements in a function body (not in nested definitions), with the
// condition of the `if` or `elif` that leads to each.
void read_raises(const Tree& tree, TSNode body, std::vector<RaiseSite>& out) {
  // Statements before a top-level guard must not do other work for the guard to count as "at top".
  bool still_top = true;
  std::function<void(TSNode, const std::string&, bool)> walk = [&](TSNode n, const std::string& guard, bool top) {
    auto t = type_of(n);
    if (t == "function_definition" || t == "class_definition" || t == "lambda") return;
    if (t == "raise_statement") {
      TSNode e = ts_node_named_child(n, 0);
      if (ts_node_is_null(e)) return;  // a bare re-raise
      TSNode exc = type_of(e) == "call" ? field(e, "function") : e;
      auto et = type_of(exc);
      if (et != "identifier" && et != "attribute") return;
      out.push_back({text_of(tree, exc), guard, syntax::start_line(n), top});
      return;
    }
    if (t == "if_statement") {
      std::string cond = text_of(tree, field(n, "condition"));
      walk(field(n, "consequence"), cond, top);
      for (uint32_t i = 0; i < ts_node_named_child_count(n); ++i) {
        TSNode c = ts_node_named_child(n, i);
        if (type_of(c) == "elif_clause") walk(field(c, "consequence"), text_of(tree, field(c, "condition")), top);
        if (type_of(c) == "else_clause") walk(field(c, "body"), "", false);
      }
      return;
    }
    if (t == "block") {
      for (uint32_t i = 0; i < ts_node_named_child_count(n); ++i) {
        TSNode s = ts_node_named_child(n, i);
        // Only the block's first raise is reachable without a condition.
        if (type_of(s) == "raise_statement") {
          walk(s, guard, top);
          return;
        }
        walk(s, guard, false);
      }
      return;
    }
    for (uint32_t i = 0; i < ts_node_named_child_count(n); ++i) walk(ts_node_named_child(n, i), guard, false);
  };
  for (uint32_t i = 0; i < ts_node_named_child_count(body); ++i) {
    TSNode s = ts_node_named_child(body, i);
    auto t = type_of(s);
    if (t == "raise_statement") {
      walk(s, "", still_top);
      break;  // nothing after an unconditional raise runs
    }
    walk(s, "", t == "if_statement" && still_top);
    // An `if` that may return makes every later raise conditional on more than its own guard.
    bool harmless = is_docstring_statement(s) || (t == "if_statement" && !contains_return(s)) || t == "comment" ||
                    (t == "expression_statement" && ts_node_named_child_count(s) == 1 &&
                     type_of(ts_node_named_child(s, 0)) == "assignment");
    if (!harmless) still_top = false;
  }
}

void read_docstring(const Tree& tree, TSNode body, Unit& unit) {
  TSNode doc = docstring_node(body);
  if (ts_node_is_null(doc)) return;
  unit.docstring = decode_string_literal(tree.text(doc));
  unit.examples = parse_doctests(unit.docstring, syntax::start_line(doc));
}

std::string decorator_text(const Tree& tree, TSNode decorator) {
  return text_of(tree, ts_node_named_child(decorator, 0));
}

Unit read_function(const Tree& tree, TSNode def, const std::vector<std::string>& decorators, const std::string& owner,
                   const EffectNames& effect_names) {
  Unit u;
  u.kind = owner.empty() ? Unit::Kind::function : Unit::Kind::method;
  u.name = text_of(tree, field(def, "name"));
  u.owner = owner;
  u.qualname = owner.empty() ? u.name : owner + "." + u.name;
  u.decorators = decorators;
  u.line = syntax::start_line(def);
  u.end_line = syntax::end_line(def);
  u.is_async = ts_node_child_count(def) > 0 && type_of(ts_node_child(def, 0)) == "async";
  for (const auto& d : decorators) {
    if (d == "staticmethod") u.is_static = true;
    if (d == "classmethod") u.is_classmethod = true;
    if (d == "property" || d == "cached_property" || d == "functools.cached_property") u.is_property = true;
    if (d == "abstractmethod" || d == "abc.abstractmethod") u.is_abstract = true;
  }
  u.params = read_params(tree, field(def, "parameters"));
  // self / cls are supplied by the call, not by the test.
  if (!owner.empty() && !u.is_static && !u.params.empty() && u.params[0].kind != Param::Kind::var_positional)
    u.params.erase(u.params.begin());
  u.returns = text_of(tree, field(def, "return_type"));
  TSNode body = field(def, "body");
  read_docstring(tree, body, u);
  u.is_generator = contains_yield(body);
  read_raises(tree, body, u.raises);
  u.impure_reason = effect_in(tree, body, effect_names, u.calls);
  return u;
}

bool is_dataclass_decorator(std::string_view d) {
  std::string_view head = d.substr(0, d.find('('));
  return head == "dataclass" || head == "dataclasses.dataclass" || head == "attr.dataclass" || head == "attrs.define" ||
         head == "attr.define" || head == "define" || head == "attrs.frozen" || head == "frozen";
}

// Constructor parameters of a dataclass: annotated class attributes in order.
std::vector<Param> dataclass_fields(const Tree& tree, TSNode body) {
  std::vector<Param> out;
  for (uint32_t i = 0; i < ts_node_named_child_count(body); ++i) {
    TSNode s = ts_node_named_child(body, i);
    if (type_of(s) != "expression_statement" || ts_node_named_child_count(s) != 1) continue;
    TSNode a = ts_node_named_child(s, 0);
    if (type_of(a) != "assignment" || ts_node_is_null(field(a, "type"))) continue;
    TSNode left = field(a, "left");
    if (type_of(left) != "identifier") continue;
    Param p;
    p.name = text_of(tree, left);
    p.annotation = text_of(tree, field(a, "type"));
    if (util::starts_with(p.annotation, "ClassVar") || util::starts_with(p.annotation, "typing.ClassVar")) continue;
    p.default_value = text_of(tree, field(a, "right"));
    out.push_back(std::move(p));
  }
  return out;
}

struct Reader {
  const Tree& tree;
  ModuleUnits& module;
  EffectNames effect_names;

  void definition(TSNode n, const std::string& owner, std::vector<Unit>* methods) {
    std::vector<std::string> decorators;
    if (type_of(n) == "decorated_definition") {
      for (uint32_t i = 0; i < ts_node_named_child_count(n); ++i) {
        TSNode c = ts_node_named_child(n, i);
        if (type_of(c) == "decorator") decorators.push_back(decorator_text(tree, c));
      }
      n = field(n, "definition");
    }
    if (ts_node_is_null(n)) return;
    if (type_of(n) == "function_definition") {
      Unit u = read_function(tree, n, decorators, owner, effect_names);
      if (methods)
        methods->push_back(std::move(u));
      else
        module.units.push_back(std::move(u));
    } else if (type_of(n) == "class_definition" && owner.empty()) {
      read_class(n, decorators);
    }
  }

  void read_class(TSNode def, const std::vector<std::string>& decorators) {
    Unit c;
    c.kind = Unit::Kind::class_;
    c.name = c.qualname = text_of(tree, field(def, "name"));
    c.decorators = decorators;
    c.line = syntax::start_line(def);
    c.end_line = syntax::end_line(def);
    TSNode supers = field(def, "superclasses");
    for (uint32_t i = 0; !ts_node_is_null(supers) && i < ts_node_named_child_count(supers); ++i) {
      TSNode b = ts_node_named_child(supers, i);
      if (type_of(b) == "keyword_argument") {
        if (text_of(tree, field(b, "name")) == "metaclass" && util::contains(text_of(tree, b), "ABCMeta"))
          c.is_abstract = true;
        continue;
      }
      std::string base = text_of(tree, b);
      if (base == "ABC" || base == "abc.ABC" || util::starts_with(base, "Protocol") ||
          util::starts_with(base, "typing.Protocol"))
        c.is_abstract = true;
      c.bases.push_back(std::move(base));
    }
    for (const auto& d : decorators) c.is_dataclass = c.is_dataclass || is_dataclass_decorator(d);
    TSNode body = field(def, "body");
    read_docstring(tree, body, c);
    std::vector<Unit> methods;
    for (uint32_t i = 0; i < ts_node_named_child_count(body); ++i) {
      TSNode s = ts_node_named_child(body, i);
      auto t = type_of(s);
      if (t == "function_definition" || t == "decorated_definition") definition(s, c.name, &methods);
    }
    bool has_init = false;
    for (const auto& m : methods) {
      if (m.name == "__init__") {
        c.params = m.params;
        c.raises = m.raises;
        has_init = true;
      }
      c.is_abstract = c.is_abstract || m.is_abstract;
    }
    bool named_tuple = std::any_of(c.bases.begin(), c.bases.end(), [](const std::string& b) {
      return b == "NamedTuple" || b == "typing.NamedTuple" || b == "t.NamedTuple";
    });
    if (!has_init && (c.is_dataclass || named_tuple)) c.params = dataclass_fields(tree, body);
    module.units.push_back(std::move(c));
    for (auto& m : methods)
      if (m.name != "__init__") module.units.push_back(std::move(m));
  }

  void bind_names(TSNode n) {
    auto t = type_of(n);
    if (t == "identifier") {
      module.module_names.push_back(text_of(tree, n));
    } else if (t == "pattern_list" || t == "tuple_pattern" || t == "list_pattern") {
      for (uint32_t i = 0; i < ts_node_named_child_count(n); ++i) bind_names(ts_node_named_child(n, i));
    }
  }

  void imported_names(TSNode n) {
    bool from = type_of(n) == "import_from_statement";
    TSNode module_name = field(n, "module_name");
    if (from && !ts_node_is_null(module_name) && type_of(module_name) == "relative_import")
      module.relative_imports = true;
    for (uint32_t i = 0; i < ts_node_named_child_count(n); ++i) {
      TSNode c = ts_node_named_child(n, i);
      if (from && ts_node_eq(c, module_name)) continue;
      if (type_of(c) == "aliased_import") {
        module.module_names.push_back(text_of(tree, field(c, "alias")));
      } else if (type_of(c) == "dotted_name") {
        std::string name = text_of(tree, c);
        // `import os.path` binds `os`.
        module.module_names.push_back(from ? name : name.substr(0, name.find('.')));
      }
    }
  }

  // Top-level work that runs on import and should not run under a test run.
  std::string import_effect(TSNode stmt) {
    auto t = type_of(stmt);
    if (t == "while_statement") return "loops at import time (line " + std::to_string(syntax::start_line(stmt)) + ")";
    if (t == "assert_statement" &&
        (util::contains(text_of(tree, stmt), "sys.platform") || util::contains(text_of(tree, stmt), "os.name")))
      return "imports only on some platforms (assert at line " + std::to_string(syntax::start_line(stmt)) + ")";
    if (t != "expression_statement") return {};
    TSNode e = ts_node_named_child(stmt, 0);
    if (type_of(e) == "assignment") e = field(e, "right");
    if (ts_node_is_null(e) || type_of(e) != "call") {
      // os.environ["X"] at import time fails wherever X is unset.
      if (!ts_node_is_null(e) && type_of(e) == "subscript" && util::starts_with(text_of(tree, e), "os.environ["))
        return "reads " + text_of(tree, e) + " at import time (line " + std::to_string(syntax::start_line(e)) + ")";
      return {};
    }
    std::string callee = text_of(tree, field(e, "function"));
    static const std::set<std::string, std::less<>> kEffects = {"main",
                                                                "setup",
                                                                "input",
                                                                "exit",
                                                                "quit",
                                                                "sys.exit",
                                                                "time.sleep",
                                                                "os.system",
                                                                "os.remove",
                                                                "os.unlink",
                                                                "os.makedirs",
                                                                "os.mkdir",
                                                                "asyncio.run",
                                                                "uvicorn.run",
                                                                "app.run",
                                                                "subprocess.run",
                                                                "subprocess.call",
                                                                "subprocess.check_call",
                                                                "subprocess.check_output",
                                                                "subprocess.Popen",
                                                                "setuptools.setup",
                                                                "unittest.main",
                                                                "pytest.main",
                                                                "socket.socket",
                                                                "open"};
    std::string root = root_name(tree, field(e, "function"));
    if (kEffects.count(callee) || root == "requests" || root == "shutil" || root == "urllib")
      return "calls " + callee + "() at import time (line " + std::to_string(syntax::start_line(e)) + ")";
    return {};
  }

  void statements(TSNode block) {
    for (uint32_t i = 0; i < ts_node_named_child_count(block); ++i) {
      TSNode s = ts_node_named_child(block, i);
      auto t = type_of(s);
      if (t == "function_definition" || t == "decorated_definition" || t == "class_definition") {
        definition(s, "", nullptr);
        TSNode def = t == "decorated_definition" ? field(s, "definition") : s;
        if (!ts_node_is_null(def)) module.module_names.push_back(text_of(tree, field(def, "name")));
      } else if (t == "import_statement" || t == "import_from_statement") {
        imported_names(s);
      } else if (t == "expression_statement" && ts_node_named_child_count(s) == 1 &&
                 type_of(ts_node_named_child(s, 0)) == "assignment") {
        bind_names(field(ts_node_named_child(s, 0), "left"));
      } else if (t == "if_statement") {
        // `if __name__ == "__main__":` runs only as a script.
        // `if __name__ == "__main__":` runs only as a script; `if TYPE_CHECKING:` never runs.
        std::string condition = text_of(tree, field(s, "condition"));
        if (util::contains(condition, "__main__") || util::contains(condition, "TYPE_CHECKING")) continue;
        nested(s);
      } else if (t == "try_statement") {
        nested(s);
      }
      if (std::string effect = import_effect(s); !effect.empty() && module.skip_reason.empty())
        module.skip_reason = "module has import-time side effects: " + effect;
    }
  }
  // Definitions and imports inside top-level if/try (version checks, optional imports).
  void nested(TSNode s) {
    for (uint32_t i = 0; i < ts_node_named_child_count(s); ++i) {
      TSNode c = ts_node_named_child(s, i);
      auto t = type_of(c);
      if (t == "block")
        statements(c);
      else if (t == "elif_clause" || t == "else_clause" || t == "except_clause" || t == "finally_clause")
        nested(c);
    }
  }
};

}  // namespace

ModuleUnits extract(std::string_view path, std::string_view source) {
  ModuleUnits module;
  module.path = std::string(path);
  auto tree = syntax::parse("python", source);
  if (!tree) {
    module.skip_reason = tree.error().message;
    return module;
  }
  if (tree->has_error()) {
    module.syntax_error_line = first_error_line(tree->root());
    module.skip_reason = "syntax error at line " + std::to_string(module.syntax_error_line);
    return module;
  }
  Reader reader{*tree, module, imported_effects(*tree)};
  reader.statements(tree->root());
  return module;
}

}  // namespace copilot::testgen::python
