// From exported Go units to test cases. Values are Go expressions; "$M."
// names the package under test.
#include <algorithm>
#include <cstring>
#include <functional>
#include <map>
#include <optional>
#include <set>

#include "syntax/syntax.h"
#include "testgen/golang/golang.h"
#include "util/strings.h"

namespace copilot::testgen::golang {
namespace {

constexpr size_t kMaxRows = 12;
using Values = std::vector<std::pair<std::string, std::string>>;  // label, expression

bool is_int(std::string_view t) {
  static const std::set<std::string_view> s = {"int", "int8", "int16", "int32", "int64"};
  return s.count(t) > 0;
}
bool is_uint(std::string_view t) {
  static const std::set<std::string_view> s = {"uint", "uint8", "uint16", "uint32", "uint64", "uintptr"};
  return s.count(t) > 0;
}

std::vector<std::string> elements(std::string_view t) {
  if (is_int(t) || is_uint(t)) return {"1", "2", "3"};
  if (t == "float64" || t == "float32") return {"1.5", "2.5", "3.5"};
  if (t == "string") return {"\"a\"", "\"b\"", "\"c\""};
  if (t == "bool") return {"true", "false", "true"};
  return {};
}

using Solution = std::map<std::string, std::string>;

struct Solver {
  const syntax::Tree& tree;
  const std::vector<Param>& params;

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

  bool solve(TSNode n, Solution& out) const {
    auto t = type(n);
    if (t == "parenthesized_expression") return solve(ts_node_named_child(n, 0), out);
    if (t == "unary_expression" && text(field(n, "operator")) == "!") {
      const Param* p = param(field(n, "operand"));
      return p && p->annotation == "bool" && assign(*p, "false", out);
    }
    if (const Param* p = param(n)) return p->annotation == "bool" && assign(*p, "true", out);
    if (t != "binary_expression") return false;
    std::string op = text(field(n, "operator"));
    TSNode left = field(n, "left"), right = field(n, "right");
    if (op == "||") {
      Solution first = out;
      if (solve(left, first)) return out = first, true;
      return solve(right, out);
    }
    if (op == "&&") return solve(left, out) && solve(right, out);
    static const std::map<std::string, std::string, std::less<>> kFlip = {{"<", ">"},   {">", "<"},   {"<=", ">="},
                                                                          {">=", "<="}, {"==", "=="}, {"!=", "!="}};
    if (!param(left) && type(left) != "call_expression" && kFlip.count(op)) {
      std::swap(left, right);
      op = kFlip.at(op);
    }
    if (type(left) == "call_expression" && text(field(left, "function")) == "len") {
      TSNode args = field(left, "arguments");
      const Param* p = ts_node_named_child_count(args) == 1 ? param(ts_node_named_child(args, 0)) : nullptr;
      if (!p || type(right) != "int_literal") return false;
      long n_ = std::stol(text(right));
      long want = op == "<" ? n_ - 1 : op == ">" || op == "!=" ? n_ + 1 : n_;
      if (want < 0 || want > 64) return false;
      if (p->annotation == "string") return assign(*p, "\"" + std::string(static_cast<size_t>(want), 'x') + "\"", out);
      if (!util::starts_with(p->annotation, "[]")) return false;
      std::vector<std::string> items(static_cast<size_t>(want), elements(p->annotation.substr(2)).empty()
                                                                    ? "0"
                                                                    : elements(p->annotation.substr(2))[0]);
      return assign(*p, p->annotation + "{" + util::join(items, ", ") + "}", out);
    }
    const Param* p = param(left);
    if (!p) return false;
    auto rt = type(right);
    if (op == "==" && (rt == "int_literal" || rt == "float_literal" || rt == "interpreted_string_literal" ||
                       rt == "nil" || rt == "true" || rt == "false"))
      return assign(*p, text(right), out);
    if (op == "!=" && rt == "interpreted_string_literal") return assign(*p, "\"copilot-not-allowed\"", out);
    bool negative_literal = rt == "unary_expression" && type(field(right, "operand")) == "int_literal";
    if (rt != "int_literal" && !negative_literal) return false;
    long long v = std::stoll(text(right));
    long long want = op == "<" ? v - 1 : op == ">" || op == "!=" ? v + 1 : v;
    if (op != "<" && op != ">" && op != "<=" && op != ">=" && op != "!=") return false;
    if (want < 0 && is_uint(p->annotation)) return false;
    return assign(*p, std::to_string(want), out);
  }
};

std::optional<Solution> solve_guard(const std::string& guard, const std::vector<Param>& params) {
  std::string source = "package p\nvar _ = " + guard + "\n";
  auto tree = syntax::parse("go", source);
  if (!tree || tree->has_error()) return std::nullopt;
  // package p; var _ = <guard>: the expression is the var_spec's value.
  std::function<TSNode(TSNode)> find = [&](TSNode n) -> TSNode {
    if (std::string_view(ts_node_type(n)) == "expression_list") return ts_node_named_child(n, 0);
    for (uint32_t i = 0; i < ts_node_named_child_count(n); ++i)
      if (TSNode f = find(ts_node_named_child(n, i)); !ts_node_is_null(f)) return f;
    return TSNode{};
  };
  TSNode expr = find(tree->root());
  if (ts_node_is_null(expr)) return std::nullopt;
  Solver s{*tree, params};
  Solution out;
  try {
    if (!s.solve(expr, out)) return std::nullopt;
  } catch (const std::exception&) {  // a literal stoll cannot read (0x.., 1_000)
    return std::nullopt;
  }
  return out;
}

struct Deriver {
  const ModuleUnits& module;
  std::set<std::string, std::less<>> structs;
  std::vector<TestCase> out;

  explicit Deriver(const ModuleUnits& m) : module(m) {
    for (const auto& u : m.units)
      if (u.kind == Unit::Kind::class_ && u.decorators.empty()) structs.insert(u.name);
  }

  std::optional<std::vector<Arg>> args_for(const Unit& u, const Solution& fixed, std::string* missing) const {
    std::vector<Arg> args;
    for (const auto& p : u.params) {
      if (p.kind == Param::Kind::var_positional) break;  // variadic: called with none
      if (auto it = fixed.find(p.name); it != fixed.end()) {
        args.push_back({p.name, it->second, false});
        continue;
      }
      auto values = values_for(p.annotation);
      if (values.empty()) {
        if (missing) *missing = p.name + " " + p.annotation;
        return std::nullopt;
      }
      args.push_back({p.name, values[0].second, false});
    }
    return args;
  }

  TestCase make(const Unit& u, TestCase::Kind kind, const std::string& suffix) const {
    TestCase c;
    c.kind = kind;
    c.unit = u.qualname;
    c.id = u.qualname + ":" + suffix;
    c.target = u.qualname;
    c.line = u.line;
    c.signature = "";
    if (u.kind == Unit::Kind::method) {
      c.on_instance = true;
      c.fixture = "new" + test_prefix(module).substr(4) + u.owner;
      c.target = u.name;
    }
    return c;
  }

  void unit(const Unit& u, std::vector<SkippedUnit>& skipped) {
    if (!u.decorators.empty()) {
      skipped.push_back({u.qualname, "generic: type arguments cannot be derived"});
      return;
    }
    if (u.kind == Unit::Kind::class_) {
      // The zero value of a struct always exists; methods are called on a pointer to it.
      bool has_methods =
          std::any_of(module.units.begin(), module.units.end(), [&](const Unit& m) { return m.owner == u.name; });
      if (has_methods) {
        TestCase c = make(u, TestCase::Kind::fixture, "fixture");
        c.fixture = "new" + test_prefix(module).substr(4) + u.name;
        out.push_back(std::move(c));
      }
      return;
    }
    if (u.kind == Unit::Kind::method && !structs.count(u.owner)) {
      skipped.push_back({u.qualname, "its receiver type " + u.owner + " is not a struct declared in this file"});
      return;
    }
    std::string why;
    if (!u.impure_reason.empty()) why = "not called with made-up inputs: its code " + u.impure_reason;
    int n = 0;
    for (const auto& r : u.raises) {
      ++n;
      if (!why.empty() || !r.at_top) continue;
      auto solved = solve_guard(r.guard, u.params);
      if (!solved) continue;
      auto args = args_for(u, *solved, nullptr);
      if (!args) continue;
      TestCase c =
          make(u, TestCase::Kind::raises, (r.exception == "panic" ? "panics:" : "errors:") + std::to_string(n));
      c.exception = r.exception;
      c.guard = r.guard;
      c.rows.push_back({"guard", *args, "", ""});
      out.push_back(std::move(c));
    }
    std::string missing;
    auto base = args_for(u, {}, &missing);
    if (why.empty() && !base) why = "no value can be derived for parameter " + missing;
    if (why.empty() && u.results.empty()) why = "returns nothing to check";
    if (why.empty() && u.kind == Unit::Kind::method)
      why = "a method without error or panic guards: nothing to check yet";
    bool literal_results = std::all_of(u.results.begin(), u.results.end(),
                                       [](const std::string& r) { return r == "error" || !values_for(r).empty(); });
    if (why.empty() && !literal_results) why = "its results cannot be written as Go literals";
    if (why.empty()) {
      // Go's types are checked by the compiler: a table needs recorded results (--characterize).
      TestCase c = make(u, TestCase::Kind::boundary, "table");
      c.rows.push_back({"base", *base, "", ""});
      for (size_t i = 0; i < u.params.size() && c.rows.size() < kMaxRows; ++i) {
        if (u.params[i].kind == Param::Kind::var_positional) break;
        auto values = values_for(u.params[i].annotation);
        for (size_t k = 1; k < values.size() && c.rows.size() < kMaxRows; ++k) {
          Row row{u.params[i].name + ":" + values[k].first, *base, "", ""};
          row.args[i].value = values[k].second;
          c.rows.push_back(std::move(row));
        }
      }
      out.push_back(std::move(c));
      why = "Go tables need recorded results: run with --characterize";
    }
    TestCase skeleton = make(u, TestCase::Kind::skeleton, "skeleton");
    skeleton.reason = why;
    out.push_back(std::move(skeleton));
  }
};

}  // namespace

Values values_for(std::string_view type) {
  std::string t(util::trim(type));
  if (is_int(t)) return {{"one", "1"}, {"zero", "0"}, {"negative", "-1"}};
  if (is_uint(t)) return {{"one", "1"}, {"zero", "0"}};
  if (t == "float64" || t == "float32") return {{"one", "1.5"}, {"zero", "0"}, {"negative", "-1"}};
  if (t == "string") return {{"single", "\"a\""}, {"empty", "\"\""}, {"many", "\"hello world\""}};
  if (t == "bool") return {{"false", "false"}, {"true", "true"}};
  if (util::starts_with(t, "[]")) {
    auto items = elements(t.substr(2));
    if (items.empty()) return {};
    return {{"one", t + "{" + items[0] + "}"}, {"empty", t + "{}"}, {"many", t + "{" + util::join(items, ", ") + "}"}};
  }
  return {};
}

std::string test_prefix(const ModuleUnits& module) {
  std::string stem = module.path.substr(0, module.path.size() - 3);
  for (char& ch : stem)
    if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
  return "Test_" + stem + "_";
}

std::vector<TestCase> derive_cases(const ModuleUnits& module, std::vector<SkippedUnit>& skipped) {
  Deriver d(module);
  for (const auto& u : module.units) d.unit(u, skipped);
  return std::move(d.out);
}

}  // namespace copilot::testgen::golang
