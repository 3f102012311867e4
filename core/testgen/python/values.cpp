// Inputs from type hints and defaults, runtime checks from return hints, and
// inputs that meet simple raise guards.
#include "testgen/python/values.h"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <map>
#include <set>

#include "syntax/syntax.h"
#include "util/strings.h"

namespace copilot::testgen::python {
namespace {

std::string strip_typing(std::string_view t) {
  std::string s(util::trim(t));
  if (s.size() >= 2 && (s.front() == '"' || s.front() == '\'') && s.back() == s.front()) s = s.substr(1, s.size() - 2);
  for (const char* prefix : {"typing.", "t.", "collections.abc.", "abc."})
    if (util::starts_with(s, prefix)) s = s.substr(std::strlen(prefix));
  return s;
}

// "Dict[str, int]" → head "Dict", args {"str", "int"}; splits on top-level commas.
void split_generic(const std::string& t, std::string& head, std::vector<std::string>& args) {
  size_t open = t.find('[');
  if (open == std::string::npos || t.back() != ']') {
    head = t;
    return;
  }
  head = t.substr(0, open);
  int depth = 0;
  std::string cur;
  for (size_t i = open + 1; i + 1 < t.size(); ++i) {
    char c = t[i];
    if (c == '[' || c == '(') ++depth;
    if (c == ']' || c == ')') --depth;
    if (c == ',' && depth == 0) {
      args.emplace_back(util::trim(cur));
      cur.clear();
    } else {
      cur += c;
    }
  }
  if (!util::trim(cur).empty()) args.emplace_back(util::trim(cur));
}

// Top-level `A | B | None` alternatives.
std::vector<std::string> union_parts(const std::string& t) {
  std::vector<std::string> parts;
  int depth = 0;
  std::string cur;
  for (char c : t) {
    if (c == '[' || c == '(') ++depth;
    if (c == ']' || c == ')') --depth;
    if (c == '|' && depth == 0) {
      parts.emplace_back(util::trim(cur));
      cur.clear();
    } else {
      cur += c;
    }
  }
  parts.emplace_back(util::trim(cur));
  return parts;
}

std::vector<Value> scalar_values(const std::string& head) {
  if (head == "int") return {{"one", "1"}, {"zero", "0"}, {"negative", "-1"}};
  if (head == "float") return {{"one", "1.5"}, {"zero", "0.0"}, {"negative", "-1.0"}};
  if (head == "bool") return {{"false", "False"}, {"true", "True"}};
  if (head == "str") return {{"single", "\"a\""}, {"empty", "\"\""}, {"many", "\"hello world\""}};
  if (head == "bytes") return {{"single", "b\"a\""}, {"empty", "b\"\""}, {"many", "b\"hello world\""}};
  return {};
}

// Three distinct elements of a type, for collections ("1, 2, 3").
std::vector<std::string> elements(const std::string& element_type) {
  std::string head;
  std::vector<std::string> args;
  split_generic(strip_typing(element_type), head, args);
  if (head.empty() || head == "int" || head == "Any" || head == "object") return {"1", "2", "3"};
  if (head == "str") return {"\"a\"", "\"b\"", "\"c\""};
  if (head == "float") return {"1.5", "2.5", "3.5"};
  if (head == "bytes") return {"b\"a\"", "b\"b\"", "b\"c\""};
  if (head == "bool") return {"True", "False", "True"};
  return {};
}

std::vector<Value> collection_values(const std::string& head, const std::vector<std::string>& args) {
  static const std::set<std::string, std::less<>> kLists = {
      "list", "List", "Sequence", "Iterable", "Collection", "MutableSequence", "Reversible"};
  auto elem = elements(args.empty() ? "int" : args[0]);
  if (elem.empty()) return {};
  if (kLists.count(head))
    return {{"one", "[" + elem[0] + "]"}, {"empty", "[]"}, {"many", "[" + util::join(elem, ", ") + "]"}};
  if (head == "tuple" || head == "Tuple") {
    if (args.size() >= 2 && args[1] != "...") return {};  // fixed-shape tuples need per-position values
    return {{"one", "(" + elem[0] + ",)"}, {"empty", "()"}, {"many", "(" + util::join(elem, ", ") + ")"}};
  }
  if (head == "set" || head == "Set" || head == "frozenset" || head == "FrozenSet" || head == "AbstractSet") {
    std::string wrap = head == "frozenset" || head == "FrozenSet" ? "frozenset" : "set";
    return {{"one", wrap + "([" + elem[0] + "])"},
            {"empty", wrap + "()"},
            {"many", wrap + "([" + util::join(elem, ", ") + "])"}};
  }
  if (head == "dict" || head == "Dict" || head == "Mapping" || head == "MutableMapping") {
    auto keys = elements(args.empty() ? "str" : args[0]);
    auto vals = elements(args.size() < 2 ? "int" : args[1]);
    if (keys.empty() || vals.empty()) return {};
    return {{"one", "{" + keys[0] + ": " + vals[0] + "}"},
            {"empty", "{}"},
            {"many", "{" + keys[0] + ": " + vals[0] + ", " + keys[1] + ": " + vals[1] + "}"}};
  }
  return {};
}

std::vector<Value> values_of_type(const std::string& annotation) {
  std::string t = strip_typing(annotation);
  if (t.empty()) return {};
  if (auto parts = union_parts(t); parts.size() > 1) {
    std::vector<Value> out;
    bool optional = false;
    for (const auto& p : parts) {
      if (p == "None")
        optional = true;
      else if (out.empty())
        out = values_of_type(p);
    }
    if (optional) out.push_back({"none", "None"});
    return out;
  }
  std::string head;
  std::vector<std::string> args;
  split_generic(t, head, args);
  if (head == "Optional" && args.size() == 1) {
    auto out = values_of_type(args[0]);
    out.push_back({"none", "None"});
    return out;
  }
  if (head == "Union") {
    std::string joined;
    for (const auto& a : args) joined += (joined.empty() ? "" : " | ") + a;
    return values_of_type(joined);
  }
  if (head == "Literal") {
    std::vector<Value> out;
    for (size_t i = 0; i < args.size() && i < 3; ++i) out.push_back({"literal" + std::to_string(i + 1), args[i]});
    return out;
  }
  if (head == "None") return {{"none", "None"}};
  if (auto v = scalar_values(head); !v.empty()) return v;
  return collection_values(head, args);
}

// The type a literal default implies: `0` → int, `""` → str, `[]` → list.
std::string type_of_literal(std::string_view d) {
  std::string s(util::trim(d));
  if (s == "True" || s == "False") return "bool";
  if (s == "None" || s.empty()) return "";
  if (s.front() == '[') return "list";
  if (s.front() == '{') return s == "{}" || s.find(':') != std::string::npos ? "dict" : "";
  if (s.front() == '(') return "tuple";
  size_t q = s.find_first_of("'\"");
  if (q != std::string::npos && q <= 2) return s[0] == 'b' || s[0] == 'B' ? "bytes" : "str";
  bool digits = true, dot = false;
  for (size_t i = s[0] == '-' ? 1 : 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '.' || c == 'e' || c == 'E')
      dot = true;
    else if (!std::isdigit(static_cast<unsigned char>(c)) && c != '_')
      digits = false;
  }
  return digits ? (dot ? "float" : "int") : "";
}

}  // namespace

std::vector<Value> values_for(const Param& p) {
  std::vector<Value> out = values_of_type(p.annotation);
  if (out.empty() && p.has_default()) out = values_of_type(type_of_literal(p.default_value));
  if (p.has_default() && util::trim(p.default_value) == "None" &&
      std::none_of(out.begin(), out.end(), [](const Value& v) { return v.expr == "None"; }))
    out.push_back({"none", "None"});
  return out;
}

std::string falsy_for(const Param& p) {
  for (const auto& v : values_for(p))
    if (v.label == "empty" || v.label == "zero" || v.label == "false" || v.label == "none") return v.expr;
  return "None";
}

ReturnCheck return_check(std::string_view annotation, const std::set<std::string, std::less<>>& module_classes) {
  std::string t = strip_typing(annotation);
  ReturnCheck out;
  if (t.empty()) return out;
  auto parts = union_parts(t);
  std::string head;
  std::vector<std::string> args;
  if (parts.size() == 2 && (parts[0] == "None" || parts[1] == "None")) {
    out.optional = true;
    t = parts[0] == "None" ? parts[1] : parts[0];
  } else if (parts.size() > 1) {
    return out;
  }
  split_generic(t, head, args);
  if (head == "Optional" && args.size() == 1) {
    out.optional = true;
    std::string inner = strip_typing(args[0]);
    args.clear();
    split_generic(inner, head, args);
  }
  static const std::map<std::string, std::string, std::less<>> kTypes = {
      {"int", "int"},     {"float", "(int, float)"},  {"str", "str"},
      {"bool", "bool"},   {"bytes", "bytes"},         {"list", "list"},
      {"List", "list"},   {"dict", "dict"},           {"Dict", "dict"},
      {"tuple", "tuple"}, {"Tuple", "tuple"},         {"set", "set"},
      {"Set", "set"},     {"frozenset", "frozenset"}, {"FrozenSet", "frozenset"},
      {"None", "None"},   {"bytearray", "bytearray"}, {"complex", "(int, float, complex)"}};
  if (auto it = kTypes.find(head); it != kTypes.end())
    out.type = it->second;
  else if (args.empty() && module_classes.count(head))
    out.type = "$M." + head;
  if (out.type == "None") out.optional = false;
  return out;
}

namespace {

const Param* find_param(const std::vector<Param>& params, std::string_view name) {
  for (const auto& p : params)
    if (p.name == name && p.kind != Param::Kind::var_positional && p.kind != Param::Kind::var_keyword) return &p;
  return nullptr;
}

struct Solver {
  const syntax::Tree& tree;
  const std::vector<Param>& params;
  const std::set<std::string, std::less<>>& module_names;

  std::string text(TSNode n) const { return std::string(tree.text(n)); }
  std::string_view type(TSNode n) const { return ts_node_type(n); }
  TSNode field(TSNode n, const char* name) const {
    return ts_node_child_by_field_name(n, name, static_cast<uint32_t>(std::strlen(name)));
  }

  // A number literal, or a module constant shifted by `delta` (as an expression).
  std::optional<std::string> number(TSNode n, int delta) const {
    auto t = type(n);
    std::string s = text(n);
    if (t == "integer" || (t == "unary_operator" && type(ts_node_named_child(n, 0)) == "integer")) {
      try {
        return std::to_string(std::stoll(s) + delta);
      } catch (...) {
        return std::nullopt;
      }
    }
    if (t == "float" || (t == "unary_operator" && type(ts_node_named_child(n, 0)) == "float"))
      return delta == 0 ? s : "(" + s + (delta > 0 ? " + 1" : " - 1") + ")";
    if (t == "identifier" && module_names.count(s))
      return delta == 0 ? "$M." + s : "$M." + s + (delta > 0 ? " + 1" : " - 1");
    return std::nullopt;
  }

  bool is_literal(TSNode n) const {
    auto t = type(n);
    return t == "integer" || t == "float" || t == "string" || t == "true" || t == "false" || t == "none" ||
           (t == "unary_operator" && is_literal(ts_node_named_child(n, 0)));
  }

  bool solve(TSNode n, Solution& out) const {
    auto t = type(n);
    if (t == "parenthesized_expression") return solve(ts_node_named_child(n, 0), out);
    if (t == "boolean_operator") {
      std::string op = text(field(n, "operator"));
      if (op == "or") {
        Solution left = out;
        if (solve(field(n, "left"), left)) return out = left, true;
        return solve(field(n, "right"), out);
      }
      return solve(field(n, "left"), out) && solve(field(n, "right"), out);
    }
    if (t == "not_operator") return solve_not(field(n, "argument"), out);
    if (t == "identifier") {
      const Param* p = find_param(params, text(n));
      if (!p) return false;
      auto values = values_for(*p);
      for (const auto& v : values)
        if (v.label != "empty" && v.label != "zero" && v.label != "none" && v.label != "false")
          return assign(*p, v.expr, out);
      return false;
    }
    if (t == "comparison_operator") return solve_comparison(n, out);
    return false;
  }

  bool assign(const Param& p, std::string value, Solution& out) const {
    auto [it, inserted] = out.emplace(p.name, value);
    return inserted || it->second == value;
  }

  bool solve_not(TSNode arg, Solution& out) const {
    auto t = type(arg);
    if (t == "parenthesized_expression") return solve_not(ts_node_named_child(arg, 0), out);
    if (t == "identifier") {
      const Param* p = find_param(params, text(arg));
      return p && assign(*p, falsy_for(*p), out);
    }
    if (t == "call" && text(field(arg, "function")) == "isinstance") {
      TSNode args = field(arg, "arguments");
      if (ts_node_named_child_count(args) != 2) return false;
      const Param* p = find_param(params, text(ts_node_named_child(args, 0)));
      if (!p) return false;
      std::string types = text(ts_node_named_child(args, 1));
      // A value of another type: an object() satisfies no isinstance check but `object`.
      return types != "object" && assign(*p, "object()", out);
    }
    return false;
  }

  bool solve_comparison(TSNode n, Solution& out) const {
    if (ts_node_named_child_count(n) != 2) return false;  // chained comparisons
    TSNode left = ts_node_named_child(n, 0), right = ts_node_named_child(n, 1);
    std::string op;
    for (uint32_t i = 0; i < ts_node_child_count(n); ++i) {
      TSNode c = ts_node_child(n, i);
      if (!ts_node_is_named(c)) op += (op.empty() ? "" : " ") + text(c);
    }
    // Put the parameter on the left: `0 > x` is `x < 0`.
    static const std::map<std::string, std::string, std::less<>> kFlip = {{"<", ">"},   {">", "<"},   {"<=", ">="},
                                                                          {">=", "<="}, {"==", "=="}, {"!=", "!="}};
    if (!find_param(params, text(left)) && type(left) != "call" && kFlip.count(op)) {
      std::swap(left, right);
      op = kFlip.at(op);
    }
    if (type(left) == "call" && text(field(left, "function")) == "len") return solve_len(left, op, right, out);
    const Param* p = find_param(params, text(left));
    if (!p) return false;
    if (op == "is" && type(right) == "none") return assign(*p, "None", out);
    if (op == "==" && is_literal(right)) return assign(*p, text(right), out);
    if (op == "in" || op == "not in") return solve_membership(*p, op == "not in", right, out);
    int delta = op == "<" ? -1 : op == ">" || op == "!=" ? 1 : 0;
    if (op != "<" && op != ">" && op != "<=" && op != ">=" && op != "!=" && op != "==") return false;
    auto value = number(right, delta);
    return value && assign(*p, *value, out);
  }

  bool solve_len(TSNode call, const std::string& op, TSNode right, Solution& out) const {
    TSNode args = field(call, "arguments");
    if (ts_node_named_child_count(args) != 1) return false;
    const Param* p = find_param(params, text(ts_node_named_child(args, 0)));
    if (!p || type(right) != "integer") return false;
    long long n = 0;
    try {
      n = std::stoll(text(right));
    } catch (...) {
      return false;
    }
    long long want = op == "<"                                ? n - 1
                     : op == ">" || op == "!="                ? n + 1
                     : op == "==" || op == "<=" || op == ">=" ? n
                                                              : -1;
    if (want < 0 || want > 64) return false;
    bool is_str = strip_typing(p->annotation) == "str" || type_of_literal(p->default_value) == "str";
    if (is_str) return assign(*p, "\"" + std::string(static_cast<size_t>(want), 'x') + "\"", out);
    std::vector<std::string> items(static_cast<size_t>(want), "0");
    return assign(*p, "[" + util::join(items, ", ") + "]", out);
  }

  bool solve_membership(const Param& p, bool negated, TSNode set, Solution& out) const {
    auto t = type(set);
    // `name not in ALLOWED` (a module constant): a string nobody allows, when the parameter is a string.
    if (negated && t == "identifier" && module_names.count(text(set)) &&
        (strip_typing(p.annotation) == "str" || type_of_literal(p.default_value) == "str"))
      return assign(p, "\"copilot-not-allowed\"", out);
    if (t != "tuple" && t != "list" && t != "set" && t != "dictionary") return false;
    std::vector<TSNode> items;
    for (uint32_t i = 0; i < ts_node_named_child_count(set); ++i) items.push_back(ts_node_named_child(set, i));
    if (items.empty()) return false;
    for (TSNode i : items)
      if (!is_literal(i)) return false;
    if (!negated) return assign(p, text(items[0]), out);
    // Outside the set: a string no one allows, or a number past the largest.
    if (type(items[0]) == "string") return assign(p, "\"copilot-not-allowed\"", out);
    long long biggest = 0;
    for (TSNode i : items) {
      if (type(i) != "integer") return false;
      try {
        biggest = std::max(biggest, std::stoll(text(i)));
      } catch (...) {
        return false;
      }
    }
    return assign(p, std::to_string(biggest + 1), out);
  }
};

}  // namespace

std::optional<Solution> solve_guard(std::string_view guard, const std::vector<Param>& params,
                                    const std::set<std::string, std::less<>>& module_names) {
  std::string source(guard);
  auto tree = syntax::parse("python", source);
  if (!tree || tree->has_error()) return std::nullopt;
  TSNode root = tree->root();
  if (ts_node_named_child_count(root) != 1) return std::nullopt;
  TSNode stmt = ts_node_named_child(root, 0);
  if (std::string_view(ts_node_type(stmt)) != "expression_statement") return std::nullopt;
  Solver solver{*tree, params, module_names};
  Solution out;
  if (!solver.solve(ts_node_named_child(stmt, 0), out)) return std::nullopt;
  return out;
}

}  // namespace copilot::testgen::python
