// From exported JavaScript/TypeScript units to test cases. Values are
// JavaScript expressions; "$M." names the module under test.
#include <algorithm>
#include <cstring>
#include <map>
#include <optional>
#include <set>

#include "syntax/syntax.h"
#include "testgen/javascript/javascript.h"
#include "util/strings.h"

namespace copilot::testgen::javascript {
namespace {

constexpr size_t kMaxRows = 12;
using NameSet = std::set<std::string, std::less<>>;
struct Value {
  std::string label, expr;
};

// Top-level alternatives of a union type: `number | null`.
std::vector<std::string> union_parts(std::string_view t) {
  std::vector<std::string> parts;
  int depth = 0;
  std::string cur;
  for (char c : t) {
    if (c == '<' || c == '(' || c == '[' || c == '{') ++depth;
    if (c == '>' || c == ')' || c == ']' || c == '}') --depth;
    if (c == '|' && depth == 0) {
      if (!util::trim(cur).empty()) parts.emplace_back(util::trim(cur));
      cur.clear();
    } else {
      cur += c;
    }
  }
  if (!util::trim(cur).empty()) parts.emplace_back(util::trim(cur));
  return parts;
}

// The element type of `T[]`, `Array<T>`, `ReadonlyArray<T>`, or "".
std::optional<std::string> element_type(const std::string& t) {
  if (util::ends_with(t, "[]")) return t.substr(0, t.size() - 2);
  for (const char* head : {"Array<", "ReadonlyArray<"})
    if (util::starts_with(t, head) && t.back() == '>')
      return t.substr(std::strlen(head), t.size() - std::strlen(head) - 1);
  return std::nullopt;
}

std::vector<std::string> elements(const std::string& t) {
  if (t == "number" || t.empty() || t == "any" || t == "unknown") return {"1", "2", "3"};
  if (t == "string") return {"\"a\"", "\"b\"", "\"c\""};
  if (t == "boolean") return {"true", "false", "true"};
  return {};
}

std::vector<Value> values_of_type(std::string t) {
  t = std::string(util::trim(t));
  if (auto parts = union_parts(t); parts.size() > 1) {
    std::vector<Value> out, extra;
    for (const auto& p : parts) {
      if (p == "null")
        extra.push_back({"null", "null"});
      else if (p == "undefined")
        extra.push_back({"undefined", "undefined"});
      else if (p.front() == '"' || p.front() == '\'' || std::isdigit(static_cast<unsigned char>(p.front())))
        out.push_back({"literal" + std::to_string(out.size() + 1), p});
      else if (out.empty())
        out = values_of_type(p);
    }
    if (out.empty()) return {};
    out.insert(out.end(), extra.begin(), extra.end());
    return out;
  }
  if (t == "number") return {{"one", "1"}, {"zero", "0"}, {"negative", "-1"}};
  if (t == "string") return {{"single", "\"a\""}, {"empty", "\"\""}, {"many", "\"hello world\""}};
  if (t == "boolean") return {{"false", "false"}, {"true", "true"}};
  if (auto e = element_type(t)) {
    auto items = elements(*e);
    if (items.empty()) return {};
    return {{"one", "[" + items[0] + "]"}, {"empty", "[]"}, {"many", "[" + util::join(items, ", ") + "]"}};
  }
  return {};
}

std::string type_of_literal(std::string_view d) {
  std::string s(util::trim(d));
  if (s.empty() || s == "undefined" || s == "null") return "";
  if (s == "true" || s == "false") return "boolean";
  if (s.front() == '"' || s.front() == '\'' || s.front() == '`') return "string";
  if (s.front() == '[') return "number[]";
  if (std::isdigit(static_cast<unsigned char>(s.front())) || (s.front() == '-' && s.size() > 1)) return "number";
  return "";
}

std::vector<Value> values_for(const Param& p) {
  auto out = values_of_type(p.annotation);
  if (out.empty() && p.has_default()) out = values_of_type(type_of_literal(p.default_value));
  return out;
}

std::string falsy_for(const Param& p) {
  for (const auto& v : values_for(p))
    if (v.label == "zero" || v.label == "empty" || v.label == "false") return v.expr;
  return "null";
}

// A boolean expression over `result` that the return type promises, or "".
std::string return_check(std::string t, bool is_async, const NameSet& classes) {
  t = std::string(util::trim(t));
  if (is_async) {
    if (!util::starts_with(t, "Promise<") || t.back() != '>') return {};
    t = t.substr(8, t.size() - 9);
  }
  auto parts = union_parts(t);
  if (parts.size() > 1) {
    std::vector<std::string> checks;
    for (const auto& p : parts) {
      std::string c = p == "null"        ? "result === null"
                      : p == "undefined" ? "result === undefined"
                                         : return_check(p, false, classes);
      if (c.empty()) return {};
      checks.push_back(c);
    }
    return util::join(checks, " || ");
  }
  if (t == "number" || t == "string" || t == "boolean" || t == "bigint") return "typeof result === \"" + t + "\"";
  if (t == "void" || t == "undefined") return "result === undefined";
  if (t == "null") return "result === null";
  if (element_type(t)) return "Array.isArray(result)";
  if (classes.count(t)) return "result instanceof $M." + t;
  return {};
}

struct Solver {
  const syntax::Tree& tree;
  const std::vector<Param>& params;
  using Solution = std::map<std::string, std::string>;

  std::string text(TSNode n) const { return std::string(tree.text(n)); }
  std::string_view type(TSNode n) const { return ts_node_type(n); }
  TSNode field(TSNode n, const char* name) const {
    return ts_node_child_by_field_name(n, name, static_cast<uint32_t>(std::strlen(name)));
  }
  const Param* param(TSNode n) const {
    if (type(n) != "identifier") return nullptr;
    for (const auto& p : params)
      if (p.name == text(n) && p.kind != Param::Kind::var_positional) return &p;
    return nullptr;
  }
  static bool assign(const Param& p, const std::string& v, Solution& out) {
    auto [it, inserted] = out.emplace(p.name, v);
    return inserted || it->second == v;
  }
  bool is_string(const Param& p) const {
    return p.annotation == "string" || type_of_literal(p.default_value) == "string";
  }

  bool solve(TSNode n, Solution& out) const {
    auto t = type(n);
    if (t == "parenthesized_expression") return solve(ts_node_named_child(n, 0), out);
    if (t == "unary_expression" && text(field(n, "operator")) == "!") return solve_not(field(n, "argument"), out);
    if (t == "identifier") {
      const Param* p = param(n);
      auto values = p ? values_for(*p) : std::vector<Value>{};
      return p && !values.empty() && assign(*p, values[0].expr, out);
    }
    if (t != "binary_expression") return false;
    std::string op = text(field(n, "operator"));
    TSNode left = field(n, "left"), right = field(n, "right");
    if (op == "||") {
      Solution first = out;
      if (solve(left, first)) return out = first, true;
      return solve(right, out);
    }
    if (op == "&&") return solve(left, out) && solve(right, out);
    static const std::map<std::string, std::string, std::less<>> kFlip = {
        {"<", ">"}, {">", "<"}, {"<=", ">="}, {">=", "<="}, {"===", "==="}, {"==", "=="}, {"!==", "!=="}, {"!=", "!="}};
    if (!param(left) && type(left) != "unary_expression" && type(left) != "member_expression" && kFlip.count(op)) {
      std::swap(left, right);
      op = kFlip.at(op);
    }
    if (type(left) == "unary_expression" && text(field(left, "operator")) == "typeof") {
      const Param* p = param(field(left, "argument"));
      if (!p || type(right) != "string") return false;
      std::string want = text(right).substr(1, text(right).size() - 2);
      bool negated = op == "!==" || op == "!=";
      std::string other = want == "number" ? "\"x\"" : "1";
      std::string same = want == "number" ? "1" : want == "string" ? "\"x\"" : want == "boolean" ? "true" : "";
      return negated ? assign(*p, other, out) : !same.empty() && assign(*p, same, out);
    }
    if (type(left) == "member_expression" && text(field(left, "property")) == "length") {
      const Param* p = param(field(left, "object"));
      if (!p || type(right) != "number") return false;
      long n_ = std::stol(text(right));
      long want = op == "<" ? n_ - 1 : op == ">" || op == "!==" || op == "!=" ? n_ + 1 : n_;
      if (want < 0 || want > 64) return false;
      if (is_string(*p)) return assign(*p, "\"" + std::string(static_cast<size_t>(want), 'x') + "\"", out);
      std::vector<std::string> items(static_cast<size_t>(want), "0");
      return assign(*p, "[" + util::join(items, ", ") + "]", out);
    }
    const Param* p = param(left);
    if (!p) return false;
    auto rt = type(right);
    if ((op == "===" || op == "==") &&
        (rt == "null" || rt == "undefined" || rt == "number" || rt == "string" || rt == "true" || rt == "false"))
      return assign(*p, text(right), out);
    if ((op == "!==" || op == "!=") && rt == "string") return assign(*p, "\"copilot-not-allowed\"", out);
    if (rt != "number" && !(rt == "unary_expression" && type(field(right, "argument")) == "number")) return false;
    double v = std::stod(text(right));
    int delta = op == "<" ? -1 : op == ">" || op == "!==" || op == "!=" ? 1 : 0;
    if (op != "<" && op != ">" && op != "<=" && op != ">=" && op != "!==" && op != "!=") return false;
    std::string value = text(right);
    if (delta != 0) {
      long long iv = static_cast<long long>(v);
      value = static_cast<double>(iv) == v ? std::to_string(iv + delta) : "(" + value + (delta > 0 ? " + 1)" : " - 1)");
    }
    return assign(*p, value, out);
  }

  bool solve_not(TSNode arg, Solution& out) const {
    auto t = type(arg);
    if (t == "parenthesized_expression") return solve_not(ts_node_named_child(arg, 0), out);
    if (const Param* p = param(arg)) return assign(*p, falsy_for(*p), out);
    if (t == "call_expression") {
      std::string fn = text(field(arg, "function"));
      TSNode args = field(arg, "arguments");
      if (ts_node_named_child_count(args) != 1) return false;
      const Param* p = param(ts_node_named_child(args, 0));
      if (!p) return false;
      if (fn == "Array.isArray") return assign(*p, "\"x\"", out);
      if (fn == "Number.isInteger" || fn == "Number.isSafeInteger") return assign(*p, "1.5", out);
      if (fn == "Number.isFinite" || fn == "isFinite") return assign(*p, "Infinity", out);
    }
    return false;
  }
};

std::optional<Solver::Solution> solve_guard(const std::string& guard, const std::vector<Param>& params) {
  auto tree = syntax::parse("typescript", guard);
  if (!tree || tree->has_error() || ts_node_named_child_count(tree->root()) != 1) return std::nullopt;
  TSNode stmt = ts_node_named_child(tree->root(), 0);
  if (std::string_view(ts_node_type(stmt)) != "expression_statement") return std::nullopt;
  Solver s{*tree, params};
  Solver::Solution out;
  try {
    if (!s.solve(ts_node_named_child(stmt, 0), out)) return std::nullopt;
  } catch (const std::exception&) {  // a number literal stod/stol cannot read (0x.., 1_000)
    return std::nullopt;
  }
  return out;
}

struct Deriver {
  const ModuleUnits& module;
  NameSet classes, names;
  std::map<std::string, const Unit*, std::less<>> class_by_name;
  std::vector<TestCase> out;

  explicit Deriver(const ModuleUnits& m) : module(m) {
    names.insert(m.module_names.begin(), m.module_names.end());
    for (const auto& u : m.units)
      if (u.kind == Unit::Kind::class_) {
        classes.insert(u.name);
        class_by_name[u.name] = &u;
      }
  }

  std::string exception_expr(const std::string& thrown) const {
    static const NameSet kBuiltin = {"Error",          "TypeError", "RangeError", "SyntaxError",
                                     "ReferenceError", "EvalError", "URIError",   "AggregateError"};
    if (kBuiltin.count(thrown)) return thrown;
    if (classes.count(thrown)) return "$M." + thrown;
    return "Error";  // toThrow(Error) holds for every subclass
  }

  // Positional arguments: required parameters get a value, optional ones
  // `undefined` (their default) until a later argument is needed.
  std::optional<std::vector<Arg>> base_args(const Unit& u, const Solver::Solution& fixed, std::string* missing) const {
    std::vector<Arg> args;
    for (const auto& p : u.params) {
      if (p.kind == Param::Kind::var_positional) break;
      if (auto it = fixed.find(p.name); it != fixed.end()) {
        args.push_back({p.name, it->second, false});
        continue;
      }
      if (p.has_default()) {
        args.push_back({p.name, "undefined", false});
        continue;
      }
      auto values = values_for(p);
      if (values.empty()) {
        if (missing) *missing = p.name + (p.annotation.empty() ? "" : ": " + p.annotation);
        return std::nullopt;
      }
      args.push_back({p.name, values[0].expr, false});
    }
    while (!args.empty() && args.back().value == "undefined") args.pop_back();
    return args;
  }

  TestCase make(const Unit& u, TestCase::Kind kind, const std::string& suffix) const {
    TestCase c;
    c.kind = kind;
    c.unit = u.qualname;
    c.id = u.qualname + ":" + suffix;
    c.target = u.qualname;
    c.is_async = u.is_async;
    c.is_generator = u.is_generator;
    c.is_property = u.is_property;
    c.line = u.line;
    std::vector<std::string> sig;
    for (const auto& p : u.params) sig.push_back(p.kind == Param::Kind::var_positional ? "..." + p.name : p.name);
    c.signature = sig.empty() ? "" : "/* " + util::join(sig, ", ") + " */";
    if (u.kind == Unit::Kind::method && !u.is_static) {
      c.on_instance = true;
      c.fixture = "make" + u.owner;
      c.target = u.name;
    }
    return c;
  }

  std::string unconstructible(const Unit& cls) const {
    if (cls.is_abstract) return "abstract class";
    bool error_base = cls.bases.size() == 1 && util::ends_with(cls.bases[0], "Error");
    if (!cls.bases.empty() && cls.params.empty() && !error_base) return "constructor inherited (" + cls.bases[0] + ")";
    std::string missing;
    if (!base_args(cls, {}, &missing)) return "no value can be derived for constructor parameter " + missing;
    return {};
  }

  void skeleton(const Unit& u, const std::string& reason) {
    TestCase c = make(u, TestCase::Kind::skeleton, "skeleton");
    c.on_instance = false;
    c.target = u.qualname;
    c.reason = reason;
    out.push_back(std::move(c));
  }

  void raise_cases(const Unit& u) {
    int n = 0;
    for (const auto& r : u.raises) {
      ++n;
      if (!r.at_top) continue;
      Solver::Solution fixed;
      if (!r.guard.empty()) {
        auto solved = solve_guard(r.guard, u.params);
        if (!solved) continue;
        fixed = *solved;
      }
      auto args = base_args(u, fixed, nullptr);
      if (!args) continue;
      TestCase c = make(u, TestCase::Kind::raises, "raises:" + std::to_string(n));
      if (u.kind == Unit::Kind::class_) c.target = u.name;
      c.exception = exception_expr(r.exception);
      c.guard = r.guard;
      c.rows.push_back({"guard", *args, "", ""});
      out.push_back(std::move(c));
    }
  }

  // Untyped parameters get the same guess in every row; only --characterize uses such rows.
  std::vector<Row> probe_rows(const Unit& u) const {
    static const std::pair<const char*, const char*> kGuesses[] = {
        {"probe:number", "3"}, {"probe:string", "\"abc\""}, {"probe:array", "[1, 2, 3]"}};
    std::vector<Row> rows;
    for (const auto& [label, guess] : kGuesses) {
      Row row{label, {}, "", ""};
      for (const auto& p : u.params) {
        if (p.kind == Param::Kind::var_positional || p.has_default()) break;
        auto values = values_for(p);
        row.args.push_back({p.name, values.empty() ? guess : values[0].expr, false});
      }
      rows.push_back(std::move(row));
    }
    return rows;
  }

  void boundary_case(const Unit& u, const std::vector<Arg>& base, bool probe) {
    TestCase c = make(u, TestCase::Kind::boundary, "boundary");
    c.returns = u.is_generator || probe ? "" : return_check(u.returns, u.is_async, classes);
    c.probe = probe;
    if (c.on_instance) c.not_characterizable = "method (needs an instance)";
    if (u.is_generator) c.not_characterizable = "generator";
    if (probe) {
      c.rows = probe_rows(u);
      out.push_back(std::move(c));
      return;
    }
    if (u.is_property) {
      c.rows.push_back({"base", {}, "", ""});
      out.push_back(std::move(c));
      return;
    }
    c.rows.push_back({"base", base, "", ""});
    for (size_t i = 0; i < u.params.size() && c.rows.size() < kMaxRows; ++i) {
      const Param& p = u.params[i];
      if (p.kind == Param::Kind::var_positional) break;
      auto values = values_for(p);
      for (size_t k = p.has_default() ? 0 : 1; k < values.size() && c.rows.size() < kMaxRows; ++k) {
        if (util::trim(p.default_value) == values[k].expr) continue;
        Row row{p.name + ":" + values[k].label, base, "", ""};
        while (row.args.size() <= i) row.args.push_back({u.params[row.args.size()].name, "undefined", false});
        row.args[i].value = values[k].expr;
        c.rows.push_back(std::move(row));
      }
    }
    out.push_back(std::move(c));
  }

  void unit(const Unit& u) {
    if (u.kind == Unit::Kind::class_) {
      std::string why = unconstructible(u);
      if (why.empty()) {
        TestCase c = make(u, TestCase::Kind::fixture, "fixture");
        c.fixture = "make" + u.name;
        c.rows.push_back({"base", *base_args(u, {}, nullptr), "", ""});
        out.push_back(std::move(c));
      }
      raise_cases(u);
      skeleton(u, why.empty() ? "" : "cannot construct " + u.name + ": " + why);
      return;
    }
    std::string why;
    if (u.kind == Unit::Kind::method && !u.is_static) {
      auto it = class_by_name.find(u.owner);
      if (it != class_by_name.end()) why = unconstructible(*it->second);
      if (!why.empty()) why = "class " + u.owner + " cannot be constructed here: " + why;
    }
    if (why.empty()) raise_cases(u);
    std::string missing;
    auto base = base_args(u, {}, &missing);
    if (why.empty() && !u.impure_reason.empty()) why = "not called with made-up inputs: its code " + u.impure_reason;
    if (why.empty() && !base) {
      why = "no value can be derived for parameter " + missing;
      if (!u.is_generator && !(u.kind == Unit::Kind::method && !u.is_static)) boundary_case(u, {}, true);
    }
    if (why.empty()) boundary_case(u, *base, false);
    if (why.empty() && u.is_generator) why = "generator without a checkable result";
    if (why.empty() && return_check(u.returns, u.is_async, classes).empty())
      why = u.returns.empty() ? "no return type to check the result against"
                              : "return type " + u.returns + " cannot be checked at run time";
    skeleton(u, why);
  }
};

}  // namespace

std::vector<TestCase> derive_cases(const ModuleUnits& module, std::vector<SkippedUnit>&) {
  Deriver d(module);
  TestCase smoke;
  smoke.id = "module:exports";
  smoke.kind = TestCase::Kind::smoke;
  d.out.push_back(smoke);
  for (const auto& u : module.units) d.unit(u);
  return std::move(d.out);
}

}  // namespace copilot::testgen::javascript
