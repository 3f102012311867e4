// From C++ units to test cases: throw guards, objects to call methods on, skeletons.
#include <cstring>
#include <functional>
#include <map>
#include <optional>
#include <set>

#include "syntax/syntax.h"
#include "testgen/cpp/cpp.h"
#include "util/strings.h"

namespace copilot::testgen::cpp {
namespace {

using Solution = std::map<std::string, std::string>;

}  // namespace

std::string plain(std::string_view type) {
  std::string t(util::trim(type));
  if (util::starts_with(t, "const ")) t = t.substr(6);
  while (!t.empty() && (t.back() == '&' || t.back() == ' ')) t.pop_back();
  return std::string(util::trim(t));
}

namespace {

bool is_string(std::string_view t) {
  return t == "std::string" || t == "std::string_view" || t == "string";
}

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
      if (p.name == text(n)) return &p;
    return nullptr;
  }
  static bool assign(const Param& p, const std::string& v, Solution& out) {
    auto [it, inserted] = out.emplace(p.name, v);
    return inserted || it->second == v;
  }
  // p.empty() and p.size() on strings and vectors.
  const Param* member_call(TSNode n, const char* method) const {
    if (type(n) != "call_expression") return nullptr;
    TSNode f = field(n, "function");
    if (type(f) != "field_expression" || text(field(f, "field")) != method) return nullptr;
    return param(field(f, "argument"));
  }
  std::string sized(const Param& p, long n) const {
    std::string t = plain(p.annotation);
    if (is_string(t)) return "std::string(" + std::to_string(n) + ", 'x')";
    return t + "(" + std::to_string(n) + ")";
  }

  bool solve(TSNode n, Solution& out) const {
    auto t = type(n);
    if (t == "parenthesized_expression") return solve(ts_node_named_child(n, 0), out);
    if (const Param* p = member_call(n, "empty")) return assign(*p, sized(*p, 0), out);
    if (t == "unary_expression" && text(field(n, "operator")) == "!") {
      const Param* p = param(field(n, "argument"));
      return p && plain(p->annotation) == "bool" && assign(*p, "false", out);
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
    if (!param(left) && !member_call(left, "size") && param(right)) {
      static const std::map<std::string, std::string, std::less<>> kFlip = {{"<", ">"},   {">", "<"},   {"<=", ">="},
                                                                            {">=", "<="}, {"==", "=="}, {"!=", "!="}};
      if (!kFlip.count(op)) return false;
      std::swap(left, right);
      op = kFlip.at(op);
    }
    auto shifted = [&](long long v) { return op == "<" ? v - 1 : op == ">" || op == "!=" ? v + 1 : v; };
    if (const Param* p = member_call(left, "size")) {
      if (type(right) != "number_literal") return false;
      long long want = shifted(std::stoll(text(right)));
      return want >= 0 && want <= 64 && assign(*p, sized(*p, static_cast<long>(want)), out);
    }
    const Param* p = param(left);
    if (!p) return false;
    if (op == "==" && (type(right) == "number_literal" || type(right) == "string_literal" || type(right) == "true" ||
                       type(right) == "false"))
      return assign(*p, text(right), out);
    if (op == "!=" && type(right) == "string_literal") return assign(*p, "\"copilot-not-allowed\"", out);
    bool negative = type(right) == "unary_expression" && type(field(right, "argument")) == "number_literal";
    if (type(right) != "number_literal" && !negative) return false;
    if (op != "<" && op != ">" && op != "<=" && op != ">=" && op != "!=") return false;
    std::string literal = text(right);
    if (literal.find('.') != std::string::npos) {
      if (op == "<=" || op == ">=") return assign(*p, literal, out);
      return assign(*p, "(" + literal + (op == "<" ? " - 1)" : " + 1)"), out);
    }
    return assign(*p, std::to_string(shifted(std::stoll(literal))), out);
  }
};

std::optional<Solution> solve_guard(const std::string& guard, const std::vector<Param>& params) {
  std::string source = "bool copilot_guard = " + guard + ";\n";
  auto tree = syntax::parse("cpp", source);
  if (!tree || tree->has_error()) return std::nullopt;
  std::function<TSNode(TSNode)> find = [&](TSNode n) -> TSNode {
    if (std::string_view(ts_node_type(n)) == "init_declarator") return ts_node_child_by_field_name(n, "value", 5);
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
  } catch (const std::exception&) {  // a literal stoll cannot read (0x.., 1'000)
    return std::nullopt;
  }
  return out;
}

std::string scope_of(const std::string& qualname) {
  size_t at = qualname.rfind("::");
  return at == std::string::npos ? "" : qualname.substr(0, at + 2);
}

}  // namespace

std::vector<std::pair<std::string, std::string>> values_for(std::string_view type) {
  std::string t = plain(type);
  static const std::set<std::string, std::less<>> kInts = {"int",     "long",    "long long",    "short",
                                                           "int64_t", "int32_t", "std::int64_t", "std::int32_t"};
  static const std::set<std::string, std::less<>> kUnsigned = {
      "unsigned", "unsigned int", "size_t", "std::size_t", "uint64_t", "uint32_t", "std::uint64_t", "unsigned long"};
  if (kInts.count(t)) return {{"one", "1"}, {"zero", "0"}, {"negative", "-1"}};
  if (kUnsigned.count(t)) return {{"one", "1"}, {"zero", "0"}};
  if (t == "double" || t == "float") return {{"one", "1.5"}, {"zero", "0.0"}, {"negative", "-1.0"}};
  if (t == "bool") return {{"false", "false"}, {"true", "true"}};
  if (is_string(t)) return {{"single", "\"a\""}, {"empty", "\"\""}, {"many", "\"hello world\""}};
  if (t == "std::vector<int>") return {{"one", "std::vector<int>{1}"}, {"empty", "std::vector<int>{}"}};
  if (t == "std::vector<std::string>")
    return {{"one", "std::vector<std::string>{\"a\"}"}, {"empty", "std::vector<std::string>{}"}};
  return {};
}

std::vector<TestCase> derive_cases(const ModuleUnits& module, std::vector<SkippedUnit>& skipped) {
  std::vector<TestCase> out;
  std::map<std::string, const Unit*, std::less<>> classes;
  for (const auto& u : module.units)
    if (u.kind == Unit::Kind::class_) classes[u.name] = &u;
  auto args_for = [](const Unit& u, const Solution& fixed, std::string* missing) -> std::optional<std::vector<Arg>> {
    std::vector<Arg> args;
    for (const auto& p : u.params) {
      if (p.kind == Param::Kind::var_positional) return std::nullopt;
      if (auto it = fixed.find(p.name); it != fixed.end()) {
        args.push_back({p.name, it->second, false});
        continue;
      }
      if (p.has_default()) break;  // defaults from here on
      auto values = values_for(p.annotation);
      if (values.empty()) {
        if (missing) *missing = p.name + " (" + p.annotation + ")";
        return std::nullopt;
      }
      args.push_back({p.name, values[0].second, false});
    }
    return args;
  };
  for (const auto& u : module.units) {
    if (!u.decorators.empty()) {
      skipped.push_back({u.qualname, u.decorators[0]});
      continue;
    }
    if (u.kind == Unit::Kind::class_) continue;
    TestCase base;
    base.unit = u.qualname;
    base.target = u.qualname;
    base.line = u.line;
    std::string why;
    if (u.kind == Unit::Kind::method && !u.is_static) {
      auto it = classes.find(u.owner);
      std::string missing;
      if (it == classes.end() || !args_for(*it->second, {}, &missing))
        why = "class " + u.owner + " cannot be constructed here" + (missing.empty() ? "" : ": no value for " + missing);
      base.on_instance = true;
      base.fixture = scope_of(u.qualname).substr(0, scope_of(u.qualname).size() - 2);  // the class
      if (it != classes.end())
        if (auto ctor = args_for(*it->second, {}, nullptr)) base.rows.push_back({"object", *ctor, "", ""});
      base.target = u.name;
    }
    if (why.empty() && !u.impure_reason.empty()) why = "not called with made-up inputs: its code " + u.impure_reason;
    int n = 0;
    for (const auto& r : u.raises) {
      ++n;
      if (!why.empty() || !r.at_top) continue;
      auto solved = solve_guard(r.guard, u.params);
      if (!solved) continue;
      auto args = args_for(u, *solved, nullptr);
      if (!args) continue;
      TestCase c = base;
      c.kind = TestCase::Kind::raises;
      c.id = u.qualname + ":throws:" + std::to_string(n);
      // An unqualified exception type lives in the unit's namespace.
      std::string ns = scope_of(
          u.kind == Unit::Kind::method ? scope_of(u.qualname).substr(0, scope_of(u.qualname).size() - 2) : u.qualname);
      c.exception = r.exception.find("::") != std::string::npos ? r.exception : ns + r.exception;
      c.guard = r.guard;
      c.rows.push_back({"guard", *args, "", ""});
      out.push_back(std::move(c));
    }
    // A table for --characterize: free functions with literal inputs and a literal result.
    std::string missing;
    auto base_row = args_for(u, {}, &missing);
    bool literal_result = !values_for(u.returns).empty();
    if (why.empty() && base_row && literal_result && u.kind == Unit::Kind::function) {
      TestCase t = base;
      t.kind = TestCase::Kind::boundary;
      t.id = u.qualname + ":table";
      t.rows.push_back({"base", *base_row, "", ""});
      for (size_t i = 0; i < base_row->size() && t.rows.size() < 12; ++i) {
        auto values = values_for(u.params[i].annotation);
        for (size_t k = 1; k < values.size() && t.rows.size() < 12; ++k) {
          Row row{u.params[i].name + ":" + values[k].first, *base_row, "", ""};
          row.args[i].value = values[k].second;
          t.rows.push_back(std::move(row));
        }
      }
      out.push_back(std::move(t));
    }
    if (why.empty() && !base_row) why = "no value can be derived for parameter " + missing;
    if (why.empty() && !literal_result) why = "its result type " + u.returns + " cannot be written as a literal";
    if (why.empty() && u.kind == Unit::Kind::method) why = "a method without throw guards: nothing to check yet";
    if (why.empty()) why = "C++ tables need recorded results: run with --characterize";
    TestCase s = base;
    s.kind = TestCase::Kind::skeleton;
    s.id = u.qualname + ":skeleton";
    s.reason = why;
    out.push_back(std::move(s));
  }
  return out;
}

}  // namespace copilot::testgen::cpp
