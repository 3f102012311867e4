// From Python units to test cases: doctests, raise guards, boundary tables,
// class fixtures, and skeletons where nothing concrete can be derived.
#include <algorithm>
#include <map>
#include <regex>
#include <set>

#include "syntax/syntax.h"
#include "testgen/python/python.h"
#include "testgen/python/values.h"
#include "util/strings.h"

namespace copilot::testgen::python {
namespace {

constexpr size_t kMaxRows = 12;

using NameSet = std::set<std::string, std::less<>>;

const NameSet& builtin_exceptions() {
  static const NameSet s = {"ArithmeticError",
                            "AssertionError",
                            "AttributeError",
                            "BaseException",
                            "BufferError",
                            "EOFError",
                            "Exception",
                            "FileExistsError",
                            "FileNotFoundError",
                            "FloatingPointError",
                            "ImportError",
                            "IndexError",
                            "IsADirectoryError",
                            "KeyError",
                            "LookupError",
                            "MemoryError",
                            "ModuleNotFoundError",
                            "NameError",
                            "NotADirectoryError",
                            "NotImplementedError",
                            "OSError",
                            "OverflowError",
                            "PermissionError",
                            "RecursionError",
                            "ReferenceError",
                            "RuntimeError",
                            "StopIteration",
                            "StopAsyncIteration",
                            "SyntaxError",
                            "TimeoutError",
                            "TypeError",
                            "UnboundLocalError",
                            "UnicodeDecodeError",
                            "UnicodeEncodeError",
                            "UnicodeError",
                            "ValueError",
                            "ZeroDivisionError",
                            "ConnectionError",
                            "IOError",
                            "EnvironmentError"};
  return s;
}

// Decorators that leave a function callable as written.
bool transparent_decorator(std::string_view d) {
  std::string_view head = d.substr(0, d.find('('));
  static const NameSet s = {"staticmethod",
                            "classmethod",
                            "property",
                            "cached_property",
                            "functools.cached_property",
                            "lru_cache",
                            "functools.lru_cache",
                            "cache",
                            "functools.cache",
                            "wraps",
                            "functools.wraps",
                            "abstractmethod",
                            "abc.abstractmethod",
                            "total_ordering",
                            "functools.total_ordering",
                            "dataclass",
                            "dataclasses.dataclass",
                            "unique",
                            "enum.unique",
                            "final",
                            "typing.final",
                            "override",
                            "typing.override"};
  return s.count(head) > 0 || util::starts_with(head, "attr.") || util::starts_with(head, "attrs.") ||
         head == "define" || head == "frozen";
}

std::string snake(std::string_view name) {
  std::string out;
  for (size_t i = 0; i < name.size(); ++i) {
    char c = name[i];
    if (std::isupper(static_cast<unsigned char>(c))) {
      if (i > 0 && name[i - 1] != '_') out += '_';
      out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    } else {
      out += c;
    }
  }
  return out;
}

struct Deriver {
  const ModuleUnits& module;
  NameSet names;    // every name bound at module level
  NameSet classes;  // module classes
  std::map<std::string, const Unit*, std::less<>> class_by_name;
  std::map<std::string, std::string, std::less<>> impure;  // function name → reason (carried through callers)
  std::vector<TestCase> out;

  explicit Deriver(const ModuleUnits& m) : module(m) {
    names.insert(m.module_names.begin(), m.module_names.end());
    for (const auto& u : m.units) {
      if (u.kind == Unit::Kind::class_) {
        // isinstance() rejects TypedDicts and plain Protocols: they are no return check.
        bool runtime_checkable = std::none_of(u.bases.begin(), u.bases.end(), [](const std::string& b) {
          return util::contains(b, "TypedDict") || util::starts_with(b, "Protocol") ||
                 util::starts_with(b, "typing.Protocol");
        });
        if (runtime_checkable) classes.insert(u.name);
        class_by_name[u.name] = &u;
      }
      if (u.kind == Unit::Kind::function && !u.impure_reason.empty()) impure[u.name] = u.impure_reason;
    }
    // A function that calls an impure helper of the same module is impure too.
    for (bool changed = true; changed;) {
      changed = false;
      for (const auto& u : m.units) {
        if (u.kind != Unit::Kind::function || impure.count(u.name)) continue;
        for (const auto& c : u.calls)
          if (auto it = impure.find(c); it != impure.end() && c != u.name) {
            impure[u.name] = "calls " + c + "(), which " + it->second;
            changed = true;
            break;
          }
      }
    }
  }

  std::string exception_expr(const std::string& raised) const {
    std::string root = raised.substr(0, raised.find('.'));
    if (builtin_exceptions().count(raised)) return raised;
    if (names.count(root)) return "$M." + raised;
    return {};
  }

  // Keyword for optional and keyword-only parameters, positional otherwise.
  static bool by_keyword(const Param& p) {
    return p.kind == Param::Kind::keyword_only || (p.has_default() && p.kind != Param::Kind::positional_only);
  }

  // The base row: a typical value for every required parameter, defaults for
  // the rest. `fixed` overrides (a guard's solution). Empty optional when a
  // required parameter has no value.
  std::optional<std::vector<Arg>> base_args(const Unit& u, const Solution& fixed, std::string* missing) const {
    std::vector<Arg> args;
    for (const auto& p : u.params) {
      if (p.kind == Param::Kind::var_positional || p.kind == Param::Kind::var_keyword) continue;
      if (auto it = fixed.find(p.name); it != fixed.end()) {
        args.push_back({p.name, it->second, by_keyword(p)});
        continue;
      }
      if (p.has_default()) continue;
      auto values = values_for(p);
      if (values.empty()) {
        if (missing) *missing = p.name + (p.annotation.empty() ? "" : ": " + p.annotation);
        return std::nullopt;
      }
      args.push_back({p.name, values[0].expr, by_keyword(p)});
    }
    return args;
  }

  std::vector<Row> boundary_rows(const Unit& u, const std::vector<Arg>& base) const {
    std::vector<Row> rows{{"base", base, "", ""}};
    for (const auto& p : u.params) {
      if (p.kind == Param::Kind::var_positional || p.kind == Param::Kind::var_keyword) continue;
      auto values = values_for(p);
      for (size_t i = p.has_default() ? 0 : 1; i < values.size() && rows.size() < kMaxRows; ++i) {
        if (util::trim(p.default_value) == values[i].expr) continue;
        Row row{p.name + ":" + values[i].label, {}, "", ""};
        bool placed = false;
        for (const auto& a : base) {
          row.args.push_back(a);
          if (a.name == p.name) row.args.back().value = values[i].expr, placed = true;
        }
        if (!placed) row.args.push_back({p.name, values[i].expr, by_keyword(p)});
        rows.push_back(std::move(row));
      }
    }
    return rows;
  }

  // Untyped parameters without defaults get the same guess in every row (a
  // number, a string, a list); what the function makes of them is for
  // --characterize to record.
  std::vector<Row> probe_rows(const Unit& u) const {
    static const std::pair<const char*, const char*> kGuesses[] = {
        {"probe:int", "3"}, {"probe:str", "\"abc\""}, {"probe:list", "[1, 2, 3]"}};
    std::vector<Row> rows;
    for (const auto& [label, guess] : kGuesses) {
      Row row{label, {}, "", ""};
      for (const auto& p : u.params) {
        if (p.kind == Param::Kind::var_positional || p.kind == Param::Kind::var_keyword || p.has_default()) continue;
        auto values = values_for(p);
        row.args.push_back({p.name, values.empty() ? guess : values[0].expr, by_keyword(p)});
      }
      rows.push_back(std::move(row));
    }
    return rows;
  }

  std::string signature(const Unit& u) const {
    std::vector<std::string> parts;
    for (const auto& p : u.params) {
      if (p.kind == Param::Kind::var_positional)
        parts.push_back("*" + p.name);
      else if (p.kind == Param::Kind::var_keyword)
        parts.push_back("**" + p.name);
      else if (!p.has_default())
        parts.push_back(p.name + "=...");
    }
    return util::join(parts, ", ");
  }

  TestCase make(const Unit& u, TestCase::Kind kind, std::string id_suffix) const {
    TestCase c;
    c.kind = kind;
    c.unit = u.qualname;
    c.id = u.qualname + ":" + id_suffix;
    c.target = u.qualname;
    c.is_async = u.is_async;
    c.is_generator = u.is_generator;
    c.is_property = u.is_property;
    c.line = u.line;
    c.signature = signature(u);
    if (u.kind == Unit::Kind::method && !u.is_static && !u.is_classmethod) {
      c.on_instance = true;
      c.fixture = snake(u.owner) + "_instance";
      c.target = u.name;
    }
    return c;
  }

  void skeleton(const Unit& u, const std::string& reason) {
    TestCase c = make(u, TestCase::Kind::skeleton, "skeleton");
    c.on_instance = false;  // a skeleton needs no fixture: the instance may be what cannot be built
    c.target = u.qualname;
    c.reason = reason;
    out.push_back(std::move(c));
  }

  // Why a class cannot be constructed in a fixture, or "".
  std::string unconstructible(const Unit& cls) const {
    if (cls.is_abstract) return "abstract class";
    for (const auto& b : cls.bases) {
      std::string root = b.substr(0, b.find('['));
      bool plain = root == "object" || builtin_exceptions().count(root) || root == "NamedTuple" ||
                   root == "typing.NamedTuple" || root == "Generic" || root == "typing.Generic";
      if (!plain && !cls.is_dataclass && cls.params.empty() &&
          std::none_of(module.units.begin(), module.units.end(),
                       [&](const Unit& m) { return m.owner == cls.name && m.name == "__init__"; }))
        return "constructor inherited from " + b + ", whose signature the module does not show";
      if (util::contains(root, "Enum") || root == "TypedDict" || root == "typing.TypedDict" || root == "Protocol")
        return "based on " + b + ", which is not constructed by calling it";
    }
    for (const auto& d : cls.decorators)
      if (!transparent_decorator(d)) return "decorated with @" + d;
    bool star_args_only = !cls.params.empty() && std::all_of(cls.params.begin(), cls.params.end(), [](const Param& p) {
      return p.kind == Param::Kind::var_positional || p.kind == Param::Kind::var_keyword;
    });
    if (star_args_only) return "its constructor takes only *args/**kwargs: no inputs can be derived";
    std::string missing;
    if (!base_args(cls, {}, &missing)) return "no value can be derived for constructor parameter " + missing;
    return {};
  }

  void doctest_case(const Unit& u) {
    TestCase c = make(u, TestCase::Kind::doctest, "doctest");
    c.on_instance = false;
    c.fixture.clear();
    static const std::regex kIdent("[A-Za-z_][A-Za-z_0-9]*");
    NameSet used, packages;
    std::string top_package = module.import_name.substr(0, module.import_name.find('.'));
    bool asserts = false;
    for (const auto& ex : u.examples) {
      if (ex.skip && util::contains(ex.source, "+SKIP")) continue;
      c.examples.push_back(ex);
      // Elided output (`...`) is compared only under ELLIPSIS: run it, assert nothing about it.
      bool traceback = util::starts_with(ex.expected, "Traceback (most recent call last)");
      if (!traceback && util::contains(ex.expected, "...")) c.examples.back().skip = true;
      if (!c.examples.back().skip && !ex.expected.empty()) asserts = true;
      for (auto it = std::sregex_iterator(ex.source.begin(), ex.source.end(), kIdent); it != std::sregex_iterator();
           ++it)
        if (it->position() == 0 || ex.source[it->position() - 1] != '.') {
          if (names.count(it->str()))
            used.insert(it->str());
          else if (it->str() == top_package)
            packages.insert(top_package);
        }
    }
    if (!asserts) return;
    c.imports.assign(used.begin(), used.end());
    c.packages.assign(packages.begin(), packages.end());
    out.push_back(std::move(c));
  }

  void raise_cases(const Unit& u, const std::string& callable_reason) {
    int n = 0;
    for (const auto& r : u.raises) {
      ++n;
      if (!r.at_top || !callable_reason.empty()) continue;
      std::string exc = exception_expr(r.exception);
      if (exc.empty()) continue;
      Solution fixed;
      if (!r.guard.empty()) {
        auto solved = solve_guard(r.guard, u.params, names);
        if (!solved) continue;
        fixed = *solved;
      }
      auto args = base_args(u, fixed, nullptr);
      if (!args) continue;
      TestCase c = make(u, TestCase::Kind::raises, "raises:" + std::to_string(n));
      if (u.kind == Unit::Kind::class_) c.target = u.name;
      c.exception = exc;
      c.guard = r.guard;
      c.rows.push_back({"guard", *args, "", ""});
      out.push_back(std::move(c));
    }
  }

  void boundary_case(const Unit& u) {
    bool only_varargs = !u.params.empty() && std::all_of(u.params.begin(), u.params.end(), [](const Param& p) {
      return p.kind == Param::Kind::var_positional || p.kind == Param::Kind::var_keyword;
    });
    if (only_varargs) return;
    if (!effect(u).empty()) return;
    std::string missing;
    auto base = base_args(u, {}, &missing);
    TestCase c = make(u, TestCase::Kind::boundary, "boundary");
    if (base) {
      c.rows = u.is_property ? std::vector<Row>{{"base", {}, "", ""}} : boundary_rows(u, *base);
    } else {
      c.rows = probe_rows(u);
      c.probe = true;
      if (c.rows.empty()) return;
    }
    ReturnCheck check = return_check(u.returns, classes);
    c.returns = u.is_generator || c.probe ? "" : check.type;
    c.returns_optional = check.optional;
    if (u.is_async)
      c.not_characterizable = "async function";
    else if (u.kind == Unit::Kind::method && !u.is_static)
      c.not_characterizable = "method (needs an instance)";
    out.push_back(std::move(c));
  }

  // Why calling the unit with made-up inputs could touch the world (its own
  // code, or a same-module function it calls), or "".
  std::string effect(const Unit& u) const {
    if (u.kind == Unit::Kind::function)
      if (auto it = impure.find(u.name); it != impure.end()) return it->second;
    return u.impure_reason;
  }

  // Why a function or method cannot be called as written, or "".
  std::string uncallable(const Unit& u) const {
    for (const auto& d : u.decorators)
      if (!transparent_decorator(d)) return "decorated with @" + d + ", which may change how it is called";
    if (u.kind == Unit::Kind::method && !u.is_static && !u.is_classmethod) {
      auto it = class_by_name.find(u.owner);
      if (it == class_by_name.end()) return "its class is not at module level";
      if (std::string why = unconstructible(*it->second); !why.empty())
        return "class " + u.owner + " cannot be constructed here: " + why;
    }
    return {};
  }

  void unit(const Unit& u, std::vector<SkippedUnit>& skipped) {
    bool dunder = util::starts_with(u.name, "__") && util::ends_with(u.name, "__");
    if (u.kind != Unit::Kind::class_ && dunder) {
      skipped.push_back({u.qualname, "special method: exercised through its class"});
      return;
    }
    for (const auto& d : u.decorators) {
      if (d == "overload" || d == "typing.overload") {
        skipped.push_back({u.qualname, "typing.overload stub"});
        return;
      }
      if (util::ends_with(d, ".setter") || util::ends_with(d, ".deleter")) {
        skipped.push_back({u.qualname, "property setter: exercised through the property"});
        return;
      }
    }
    if (u.is_abstract && u.kind != Unit::Kind::class_) {
      skipped.push_back({u.qualname, "abstract method"});
      return;
    }
    if (!u.examples.empty()) doctest_case(u);
    if (u.kind == Unit::Kind::class_) {
      std::string why = unconstructible(u);
      if (why.empty()) {
        TestCase c = make(u, TestCase::Kind::fixture, "fixture");
        c.fixture = snake(u.name) + "_instance";
        c.rows.push_back({"base", *base_args(u, {}, nullptr), "", ""});
        out.push_back(std::move(c));
      }
      raise_cases(u, u.is_abstract ? "abstract" : "");
      skeleton(u, why.empty() ? "" : "cannot construct " + u.name + ": " + why);
      return;
    }
    std::string why = uncallable(u);
    raise_cases(u, why);
    if (why.empty()) boundary_case(u);
    std::string missing;
    bool only_varargs = !u.params.empty() && std::all_of(u.params.begin(), u.params.end(), [](const Param& p) {
      return p.kind == Param::Kind::var_positional || p.kind == Param::Kind::var_keyword;
    });
    if (why.empty() && only_varargs) why = "takes only *args/**kwargs: no inputs can be derived";
    if (why.empty() && !effect(u).empty()) why = "not called with made-up inputs: its code " + effect(u);
    if (why.empty() && !base_args(u, {}, &missing)) why = "no value can be derived for parameter " + missing;
    if (why.empty() && u.is_generator) why = "generator without a checkable result (try --characterize)";
    if (why.empty() && return_check(u.returns, classes).type.empty())
      why = u.returns.empty() ? "no return type hint to check the result against (try --characterize)"
                              : "return type " + u.returns + " cannot be checked at run time (try --characterize)";
    skeleton(u, why);
  }
};

}  // namespace

std::vector<TestCase> derive_cases(const ModuleUnits& module, std::vector<SkippedUnit>& skipped) {
  Deriver d(module);
  TestCase smoke;
  smoke.id = "module:imports";
  smoke.kind = TestCase::Kind::smoke;
  d.out.push_back(smoke);
  for (const auto& u : module.units) d.unit(u, skipped);
  return std::move(d.out);
}

}  // namespace copilot::testgen::python
