// Python frontend: tree-sitter-python trees to the taint IR.
#include "review/checks/walk.h"
#include "review/taint/lower.h"

namespace copilot::review::taint {
namespace {

class PyLower {
 public:
  explicit PyLower(Builder& b) : b_(b) {}

  int expr(TSNode n);
  int target(TSNode n);
  void block(TSNode n, std::vector<int>& out);
  void stmt(TSNode n, std::vector<int>& out);
  void params(TSNode n, bool method);

 private:
  int string(TSNode n);
  int call(TSNode n);
  int compare(TSNode n);
  int comprehension(TSNode n);
  int collection(TSNode n);
  void if_chain(TSNode cond, TSNode then, const std::vector<TSNode>& alts, size_t next, std::vector<int>& out,
                TSNode at);
  void assign(TSNode n, std::vector<int>& out);
  void with(TSNode n, std::vector<int>& out);
  void try_(TSNode n, std::vector<int>& out);
  void match(TSNode n, std::vector<int>& out);
  void bind_captures(TSNode pattern, int subject, std::vector<int>& out);
  int stmt_of(SOp op, TSNode n, int a = -1, int b = -1) {
    Stmt s;
    s.op = op;
    s.node = n;
    s.a = a;
    s.b = b;
    return b_.add(std::move(s));
  }

  Builder& b_;
};

int PyLower::string(TSNode n) {
  std::string value;
  std::vector<int> parts;
  std::vector<std::string> after_delim;  // per part: "?" when a '?' or '#' precedes it
  bool raw = false;
  bool before_first = true;
  std::string prefix;
  for (uint32_t i = 0; i < ts_node_child_count(n); ++i) {
    TSNode c = ts_node_child(n, i);
    auto t = type_of(c);
    if (t == "string_start") {
      for (char ch : b_.text(c)) raw = raw || ch == 'r' || ch == 'R';
    } else if (t == "string_content") {
      std::string piece = raw ? std::string(b_.text(c)) : unescape(b_.text(c));
      value += piece;
      if (before_first) prefix += piece;
    } else if (t == "escape_sequence") {
      std::string piece = unescape(b_.text(c));
      value += piece;
      if (before_first) prefix += piece;
    } else if (t == "interpolation") {
      before_first = false;
      TSNode inner = field_of(c, "expression");
      TSNode spec = field_of(c, "format_specifier");
      // "{n:d}" and friends only print numbers.
      std::string_view st = ts_node_is_null(spec) ? std::string_view{} : b_.text(spec);
      bool numeric = !st.empty() && std::string_view("dxXobeEfFgGn%").find(st.back()) != std::string_view::npos;
      if (!ts_node_is_null(inner) && !numeric) {
        parts.push_back(expr(inner));
        after_delim.push_back(value.find_first_of("?#") != std::string::npos ? "?" : "");
      }
    }
  }
  if (before_first) return b_.literal(n, Const::of_string(value));
  Expr e;
  e.op = Op::format;
  e.node = n;
  e.kids = std::move(parts);
  e.kw = std::move(after_delim);
  e.value = Const::of_string(prefix);
  return b_.add(std::move(e));
}

int PyLower::collection(TSNode n) {
  std::vector<int> kids;
  for (TSNode c : named_children(n)) {
    if (type_of(c) == "pair") {
      kids.push_back(expr(field_of(c, "key")));
      kids.push_back(expr(field_of(c, "value")));
    } else {
      kids.push_back(expr(c));
    }
  }
  return b_.node_expr(n, Op::collection, std::move(kids));
}

int PyLower::call(TSNode n) {
  Expr e;
  e.op = Op::call;
  e.node = n;
  TSNode fn = field_of(n, "function");
  int callee = expr(fn);
  e.kids.push_back(callee);
  e.kw.clear();
  // Copies: lowering the arguments below grows the expression pool.
  const Op callee_op = b_.expr(callee).op;
  const int callee_base = b_.expr(callee).kids.empty() ? -1 : b_.expr(callee).kids[0];
  e.text = callee_op == Op::name || callee_op == Op::field ? b_.expr(callee).text : "";
  // The dotted text of plain name chains lets builtins be recognised ("os.path.join").
  auto t = type_of(fn);
  if (t == "identifier" || t == "attribute") {
    std::string_view s = b_.text(fn);
    bool plain = true;
    for (char ch : s) plain = plain && (std::isalnum(static_cast<unsigned char>(ch)) || ch == '_' || ch == '.');
    if (plain) e.callee = std::string(s);
  }
  TSNode args = field_of(n, "arguments");
  if (type_of(args) == "generator_expression") {
    e.kids.push_back(expr(args));
    e.kw.push_back("");
  } else if (!ts_node_is_null(args)) {
    for (TSNode a : named_children(args)) {
      auto at = type_of(a);
      if (at == "keyword_argument") {
        e.kids.push_back(expr(field_of(a, "value")));
        e.kw.push_back(std::string(b_.text(field_of(a, "name"))));
      } else if (at == "list_splat" || at == "dictionary_splat") {
        auto inner = named_children(a);
        e.kids.push_back(inner.empty() ? -1 : expr(inner[0]));
        e.kw.push_back(at == "list_splat" ? "*" : "**");
      } else {
        e.kids.push_back(expr(a));
        e.kw.push_back("");
      }
    }
  }
  // d.get("k") reads the same slot as d["k"].
  if (callee_op == Op::field && e.text == "get" && e.kids.size() >= 2 && e.kids[1] >= 0 &&
      b_.expr(e.kids[1]).op == Op::literal) {
    int base = callee_base;
    int bp = base >= 0 ? b_.expr(base).path : -1;
    const Const& k = b_.expr(e.kids[1]).value;
    if (bp >= 0 && k.kind == Const::Kind::string) e.path = b_.path(b_.unit().paths[bp] + "['" + k.s + "']", bp);
  }
  return b_.add(std::move(e));
}

int PyLower::compare(TSNode n) {
  // a < b < c is (a < b) and (b < c).
  std::vector<int> operands;
  std::vector<std::string> ops;
  for (uint32_t i = 0; i < ts_node_child_count(n); ++i) {
    TSNode c = ts_node_child(n, i);
    if (ts_node_is_named(c)) {
      if (type_of(c) != "comment") operands.push_back(expr(c));
    } else {
      ops.emplace_back(type_of(c));
    }
  }
  if (operands.size() < 2 || ops.size() + 1 != operands.size()) return b_.node_expr(n, Op::other, std::move(operands));
  int acc = -1;
  for (size_t i = 0; i < ops.size(); ++i) {
    int cmp = b_.node_expr(n, Op::compare, {operands[i], operands[i + 1]}, ops[i]);
    acc = acc < 0 ? cmp : b_.node_expr(n, Op::logic, {acc, cmp}, "and");
  }
  return acc;
}

int PyLower::comprehension(TSNode n) {
  Expr e;
  e.op = Op::comprehension;
  e.node = n;
  e.kids.push_back(-1);
  // Clauses first: the element reads the loop variables they bind.
  for (TSNode c : named_children(n)) {
    if (type_of(c) == "for_in_clause") {
      int iter = expr(field_of(c, "right"));
      int tgt = target(field_of(c, "left"));
      e.kids.push_back(tgt);
      e.kids.push_back(iter);
    } else if (type_of(c) == "if_clause") {
      // Filters bind nothing but may call sinks.
      auto k = named_children(c);
      e.kids.push_back(-1);
      e.kids.push_back(k.empty() ? -1 : expr(k[0]));
    }
  }
  TSNode body = field_of(n, "body");
  if (type_of(body) == "pair") {
    int k = expr(field_of(body, "key"));
    int v = expr(field_of(body, "value"));
    e.kids[0] = b_.node_expr(body, Op::collection, {k, v});
  } else if (!ts_node_is_null(body)) {
    e.kids[0] = expr(body);
  }
  return b_.add(std::move(e));
}

int PyLower::expr(TSNode n) {
  if (ts_node_is_null(n)) return -1;
  Builder::Nest nest(b_);
  auto t = type_of(n);
  if (t == "identifier") return b_.name(n, std::string(b_.text(n)));
  if (t == "attribute") {
    int base = expr(field_of(n, "object"));
    return b_.field(n, base, std::string(b_.text(field_of(n, "attribute"))));
  }
  if (t == "subscript") {
    int base = expr(field_of(n, "value"));
    std::vector<int> keys;
    for (uint32_t i = 0; i < ts_node_child_count(n); ++i) {
      const char* f = ts_node_field_name_for_child(n, i);
      if (f && std::string_view(f) == "subscript") keys.push_back(expr(ts_node_child(n, i)));
    }
    if (keys.size() == 1) return b_.index(n, base, keys[0]);
    keys.insert(keys.begin(), base);
    return b_.node_expr(n, Op::index, std::move(keys));
  }
  if (t == "call") return call(n);
  if (t == "string") return string(n);
  if (t == "concatenated_string") {
    int acc = -1;
    for (TSNode c : named_children(n)) {
      int part = expr(c);
      acc = acc < 0 ? part : b_.node_expr(n, Op::binary, {acc, part}, "+");
    }
    return acc;
  }
  if (t == "integer") {
    auto v = parse_int(b_.text(n));
    return b_.literal(n, v ? Const::of_int(*v) : Const{});
  }
  if (t == "float") return b_.literal(n, Const::of_real(std::strtod(std::string(b_.text(n)).c_str(), nullptr)));
  if (t == "true" || t == "false") return b_.literal(n, Const::of_bool(t == "true"));
  if (t == "none") return b_.literal(n, Const::none());
  if (t == "binary_operator") {
    int l = expr(field_of(n, "left"));
    int r = expr(field_of(n, "right"));
    return b_.node_expr(n, Op::binary, {l, r}, std::string(type_of(field_of(n, "operator"))));
  }
  if (t == "boolean_operator") {
    int l = expr(field_of(n, "left"));
    int r = expr(field_of(n, "right"));
    return b_.node_expr(n, Op::logic, {l, r}, std::string(type_of(field_of(n, "operator"))));
  }
  if (t == "not_operator") return b_.node_expr(n, Op::unary, {expr(field_of(n, "argument"))}, "not");
  if (t == "unary_operator") {
    return b_.node_expr(n, Op::unary, {expr(field_of(n, "argument"))}, std::string(type_of(field_of(n, "operator"))));
  }
  if (t == "comparison_operator") return compare(n);
  if (t == "conditional_expression") {
    auto k = named_children(n);  // then, condition, else
    if (k.size() == 3) {
      int c = expr(k[1]);
      int a = expr(k[0]);
      int e = expr(k[2]);
      return b_.node_expr(n, Op::cond, {c, a, e});
    }
  }
  if (t == "parenthesized_expression" || t == "await" || t == "list_splat" || t == "dictionary_splat" ||
      t == "parenthesized_list_splat" || t == "yield" || t == "as_pattern_target" || t == "expression_statement") {
    auto k = named_children(n);
    if (k.size() == 1) return b_.node_expr(n, Op::group, {expr(k[0])});
  }
  if (t == "list" || t == "tuple" || t == "set" || t == "dictionary" || t == "expression_list" || t == "pattern_list" ||
      t == "tuple_pattern" || t == "list_pattern")
    return collection(n);
  if (t == "list_comprehension" || t == "set_comprehension" || t == "generator_expression" ||
      t == "dictionary_comprehension")
    return comprehension(n);
  if (t == "lambda") return b_.node_expr(n, Op::function, {});
  if (t == "named_expression") {
    int v = expr(field_of(n, "value"));
    int tg = target(field_of(n, "name"));
    return b_.node_expr(n, Op::assign, {tg, v});
  }
  if (t == "keyword_argument") return expr(field_of(n, "value"));
  if (t == "ellipsis" || t == "type") return b_.node_expr(n, Op::other, {});
  std::vector<int> kids;
  for (TSNode c : named_children(n)) kids.push_back(expr(c));
  return b_.node_expr(n, Op::other, std::move(kids));
}

int PyLower::target(TSNode n) {
  if (ts_node_is_null(n)) return -1;
  Builder::Nest nest(b_);
  auto t = type_of(n);
  if (t == "pattern_list" || t == "tuple_pattern" || t == "list_pattern" || t == "tuple" || t == "list" ||
      t == "expression_list") {
    std::vector<int> kids;
    for (TSNode c : named_children(n)) kids.push_back(target(c));
    return b_.node_expr(n, Op::collection, std::move(kids));
  }
  if (t == "list_splat_pattern" || t == "parenthesized_expression" || t == "as_pattern_target") {
    auto k = named_children(n);
    if (k.size() == 1) return b_.node_expr(n, Op::group, {target(k[0])});
  }
  return expr(n);
}

void PyLower::if_chain(TSNode cond, TSNode then, const std::vector<TSNode>& alts, size_t next, std::vector<int>& out,
                       TSNode at) {
  Stmt s;
  s.op = SOp::if_;
  s.node = at;
  s.a = expr(cond);
  block(then, s.body);
  if (next < alts.size()) {
    TSNode alt = alts[next];
    if (type_of(alt) == "elif_clause") {
      if_chain(field_of(alt, "condition"), field_of(alt, "consequence"), alts, next + 1, s.orelse, alt);
    } else {
      auto k = named_children(alt);
      for (TSNode c : k)
        if (type_of(c) == "block") block(c, s.orelse);
    }
  }
  out.push_back(b_.add(std::move(s)));
}

void PyLower::assign(TSNode n, std::vector<int>& out) {
  // a = b = value: every target gets the innermost value.
  std::vector<TSNode> targets;
  TSNode cur = n;
  while (type_of(cur) == "assignment") {
    targets.push_back(field_of(cur, "left"));
    TSNode right = field_of(cur, "right");
    if (ts_node_is_null(right)) return;  // annotation only
    cur = right;
  }
  if (type_of(cur) == "augmented_assignment") {
    stmt(cur, out);
    return;
  }
  int value = expr(cur);
  for (TSNode t : targets) {
    int tg = target(t);
    b_.count_assignment(tg);
    Stmt s;
    s.op = SOp::assign;
    s.node = n;
    s.a = tg;
    s.b = value;
    out.push_back(b_.add(std::move(s)));
  }
}

void PyLower::with(TSNode n, std::vector<int>& out) {
  for (TSNode c : named_children(n)) {
    if (type_of(c) != "with_clause") continue;
    for (TSNode item : named_children(c)) {
      TSNode v = field_of(item, "value");
      if (type_of(v) == "as_pattern") {
        auto k = named_children(v);
        TSNode alias = field_of(v, "alias");
        int value = expr(k.empty() ? TSNode{} : k[0]);
        int tg = target(alias);
        out.push_back(stmt_of(SOp::assign, item, tg, value));
      } else if (!ts_node_is_null(v)) {
        out.push_back(stmt_of(SOp::expr, item, expr(v)));
      }
    }
  }
  block(field_of(n, "body"), out);
}

void PyLower::try_(TSNode n, std::vector<int>& out) {
  Stmt s;
  s.op = SOp::try_;
  s.node = n;
  block(field_of(n, "body"), s.body);
  for (TSNode c : named_children(n)) {
    auto t = type_of(c);
    if (t == "except_clause" || t == "except_group_clause") {
      std::vector<int> body;
      int bound = -1;
      TSNode v = field_of(c, "value");
      if (type_of(v) == "as_pattern") bound = target(field_of(v, "alias"));
      TSNode alias = field_of(c, "alias");
      if (!ts_node_is_null(alias)) bound = target(alias);
      for (TSNode k : named_children(c))
        if (type_of(k) == "block") block(k, body);
      s.handlers.push_back(std::move(body));
      s.handler_targets.push_back(bound);
    } else if (t == "else_clause") {
      for (TSNode k : named_children(c))
        if (type_of(k) == "block") block(k, s.orelse);
    } else if (t == "finally_clause") {
      for (TSNode k : named_children(c))
        if (type_of(k) == "block") block(k, s.finally_);
    }
  }
  out.push_back(b_.add(std::move(s)));
}

void PyLower::bind_captures(TSNode pattern, int subject, std::vector<int>& out) {
  // Names bound by a case pattern receive (a part of) the subject.
  for_each_node(pattern, [&](TSNode c) {
    if (type_of(c) != "dotted_name" || ts_node_named_child_count(c) != 1) return;
    TSNode id = ts_node_named_child(c, 0);
    std::string name(b_.text(id));
    if (name == "_") return;
    TSNode parent = ts_node_parent(c);
    // A bare name is a capture; dotted names and class patterns are values.
    if (type_of(parent) == "class_pattern") return;
    out.push_back(stmt_of(SOp::assign, c, b_.name(id, name), subject));
  });
}

void PyLower::match(TSNode n, std::vector<int>& out) {
  Stmt s;
  s.op = SOp::branch;
  s.node = n;
  s.a = expr(field_of(n, "subject"));
  for (TSNode c : named_children(field_of(n, "body"))) {
    if (type_of(c) != "case_clause") continue;
    std::vector<int> body;
    for (TSNode k : named_children(c)) {
      if (type_of(k) == "case_pattern") {
        if (ts_node_named_child_count(k) == 0 && ts_node_is_null(field_of(c, "guard"))) s.has_default = true;
        bind_captures(k, s.a, body);
      }
    }
    block(field_of(c, "consequence"), body);
    s.handlers.push_back(std::move(body));
  }
  out.push_back(b_.add(std::move(s)));
}

void PyLower::block(TSNode n, std::vector<int>& out) {
  if (ts_node_is_null(n)) return;
  Builder::Nest nest(b_);
  for (TSNode c : named_children(n)) stmt(c, out);
}

void PyLower::stmt(TSNode n, std::vector<int>& out) {
  auto t = type_of(n);
  if (t == "expression_statement") {
    for (TSNode c : named_children(n)) {
      auto ct = type_of(c);
      if (ct == "assignment")
        assign(c, out);
      else if (ct == "augmented_assignment")
        stmt(c, out);
      else
        out.push_back(stmt_of(SOp::expr, c, expr(c)));
    }
  } else if (t == "assignment") {
    assign(n, out);
  } else if (t == "augmented_assignment") {
    int value = expr(field_of(n, "right"));
    int tg = target(field_of(n, "left"));
    b_.count_assignment(tg);
    Stmt s;
    s.op = SOp::augment;
    s.node = n;
    s.a = tg;
    s.b = value;
    std::string op(type_of(field_of(n, "operator")));
    s.text = op.substr(0, op.size() - 1);
    out.push_back(b_.add(std::move(s)));
  } else if (t == "if_statement") {
    std::vector<TSNode> alts;
    for (uint32_t i = 0; i < ts_node_child_count(n); ++i) {
      const char* f = ts_node_field_name_for_child(n, i);
      if (f && std::string_view(f) == "alternative") alts.push_back(ts_node_child(n, i));
    }
    if_chain(field_of(n, "condition"), field_of(n, "consequence"), alts, 0, out, n);
  } else if (t == "for_statement") {
    Stmt s;
    s.op = SOp::loop;
    s.node = n;
    s.is_for = true;
    s.b = expr(field_of(n, "right"));
    s.a = target(field_of(n, "left"));
    block(field_of(n, "body"), s.body);
    TSNode alt = field_of(n, "alternative");
    for (TSNode c : named_children(alt))
      if (type_of(c) == "block") block(c, s.orelse);
    out.push_back(b_.add(std::move(s)));
  } else if (t == "while_statement") {
    Stmt s;
    s.op = SOp::loop;
    s.node = n;
    s.a = expr(field_of(n, "condition"));
    block(field_of(n, "body"), s.body);
    TSNode alt = field_of(n, "alternative");
    for (TSNode c : named_children(alt))
      if (type_of(c) == "block") block(c, s.orelse);
    out.push_back(b_.add(std::move(s)));
  } else if (t == "try_statement") {
    try_(n, out);
  } else if (t == "with_statement") {
    with(n, out);
  } else if (t == "return_statement") {
    auto k = named_children(n);
    out.push_back(stmt_of(SOp::ret, n, k.empty() ? -1 : expr(k[0])));
  } else if (t == "raise_statement") {
    auto k = named_children(n);
    out.push_back(stmt_of(SOp::exit, n, k.empty() ? -1 : expr(k[0])));
  } else if (t == "break_statement") {
    out.push_back(stmt_of(SOp::brk, n));
  } else if (t == "continue_statement") {
    out.push_back(stmt_of(SOp::cont, n));
  } else if (t == "assert_statement") {
    auto k = named_children(n);
    if (!k.empty()) out.push_back(stmt_of(SOp::assume, n, expr(k[0])));
  } else if (t == "match_statement") {
    match(n, out);
  } else if (t == "block") {
    block(n, out);
  } else if (t == "delete_statement" || t == "print_statement" || t == "exec_statement") {
    for (TSNode c : named_children(n)) out.push_back(stmt_of(SOp::expr, c, expr(c)));
  }
  // Definitions are units of their own; imports, pass, global and the like carry no data.
}

void PyLower::params(TSNode n, bool method) {
  Unit& u = b_.unit();
  bool first = true;
  for (TSNode c : named_children(n)) {
    Param p;
    auto t = type_of(c);
    TSNode id{};
    if (t == "identifier") {
      id = c;
    } else if (t == "typed_parameter" || t == "list_splat_pattern" || t == "dictionary_splat_pattern") {
      for (TSNode k : named_children(c)) {
        auto kt = type_of(k);
        if (kt == "identifier")
          id = k;
        else if (kt == "list_splat_pattern" || kt == "dictionary_splat_pattern") {
          auto inner = named_children(k);
          if (!inner.empty()) id = inner[0];
          t = kt;
        }
      }
    } else if (t == "default_parameter" || t == "typed_default_parameter") {
      id = field_of(c, "name");
      p.default_value = expr(field_of(c, "value"));
    } else {
      continue;  // separators
    }
    if (ts_node_is_null(id) || type_of(id) != "identifier") continue;
    p.name = std::string(b_.text(id));
    p.node = id;
    p.path = b_.path(p.name, -1);
    if (t == "list_splat_pattern")
      p.kind = Param::Kind::rest;
    else if (t == "dictionary_splat_pattern")
      p.kind = Param::Kind::rest_keywords;
    else if (first && method)
      p.kind = Param::Kind::receiver;
    first = false;
    u.params.push_back(std::move(p));
  }
}

std::string class_of(TSNode fn, std::string_view src) {
  TSNode p = ts_node_parent(fn);
  if (type_of(p) == "decorated_definition") p = ts_node_parent(p);
  if (type_of(p) != "block") return "";
  p = ts_node_parent(p);
  if (type_of(p) != "class_definition") return "";
  TSNode name = field_of(p, "name");
  return node_text(name, src);
}

}  // namespace

void lower_python(TSNode root, std::string_view source, const Budget& budget, Program& out) {
  lower_module(out, root, source, budget, [&](Builder& b, Unit& m) { PyLower(b).block(root, m.body); });
  std::vector<TSNode> functions;
  for_each_node(root, [&](TSNode n) {
    if (type_of(n) == "function_definition") functions.push_back(n);
  });
  for (TSNode fn : functions) {
    int index = lower_unit(out, fn, node_text(field_of(fn, "name"), source), source, budget, [&](Builder& b, Unit& u) {
      u.owner = class_of(fn, source);
      PyLower low(b);
      low.params(field_of(fn, "parameters"), !u.owner.empty());
      low.block(field_of(fn, "body"), u.body);
    });
    out.by_name[out.units[index].name].push_back(index);
  }
}

}  // namespace copilot::review::taint
