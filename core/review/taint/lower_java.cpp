// Java frontend: tree-sitter-java trees to the taint IR.
#include "review/checks/walk.h"
#include "review/taint/lower.h"

namespace copilot::review::taint {
namespace {

/// `java.util.List<String>` -> `List`.
std::string simple_type(std::string_view t) {
  size_t lt = t.find('<');
  if (lt != std::string_view::npos) t = t.substr(0, lt);
  size_t dot = t.rfind('.');
  if (dot != std::string_view::npos) t = t.substr(dot + 1);
  return std::string(t);
}

class JavaLower {
 public:
  explicit JavaLower(Builder& b) : b_(b) {}

  int expr(TSNode n);
  void block(TSNode n, std::vector<int>& out);
  void stmt(TSNode n, std::vector<int>& out);
  void params(TSNode n);

 private:
  int first_named(TSNode n) {
    auto k = named_children(n);
    return k.empty() ? -1 : expr(k[0]);
  }
  int condition(TSNode n) { return type_of(n) == "parenthesized_expression" ? first_named(n) : expr(n); }
  int stmt_of(SOp op, TSNode n, int a = -1, int b = -1) {
    Stmt s;
    s.op = op;
    s.node = n;
    s.a = a;
    s.b = b;
    return b_.add(std::move(s));
  }
  void args(TSNode list, Expr& e) {
    for (TSNode a : named_children(list)) {
      e.kids.push_back(expr(a));
      e.kw.push_back("");
    }
  }
  void declarators(TSNode n, std::vector<int>& out) {
    for (TSNode d : named_children(n)) {
      if (type_of(d) != "variable_declarator") continue;
      TSNode value = field_of(d, "value");
      if (ts_node_is_null(value)) continue;
      int v = expr(value);
      TSNode name = field_of(d, "name");
      int tg = b_.name(name, std::string(b_.text(name)));
      b_.count_assignment(tg);
      out.push_back(stmt_of(SOp::assign, d, tg, v));
    }
  }

  Builder& b_;
};

int JavaLower::expr(TSNode n) {
  if (ts_node_is_null(n)) return -1;
  Builder::Nest nest(b_);
  auto t = type_of(n);
  if (t == "identifier" || t == "this" || t == "super") return b_.name(n, std::string(b_.text(n)));
  if (t == "field_access") {
    int base = expr(field_of(n, "object"));
    return b_.field(n, base, std::string(b_.text(field_of(n, "field"))));
  }
  if (t == "array_access") {
    int base = expr(field_of(n, "array"));
    return b_.index(n, base, expr(field_of(n, "index")));
  }
  if (t == "method_invocation") {
    Expr e;
    e.op = Op::call;
    e.node = n;
    TSNode object = field_of(n, "object");
    TSNode name = field_of(n, "name");
    std::string method(b_.text(name));
    int callee;
    if (ts_node_is_null(object)) {
      callee = b_.name(name, method);
    } else {
      int base = expr(object);
      callee = b_.field(name, base, method);
      auto ot = type_of(object);
      if (ot == "identifier" || ot == "field_access") e.callee = std::string(b_.text(object)) + "." + method;
    }
    if (e.callee.empty()) e.callee = method;
    e.text = method;
    e.kids.push_back(callee);
    args(field_of(n, "arguments"), e);
    return b_.add(std::move(e));
  }
  if (t == "object_creation_expression") {
    Expr e;
    e.op = Op::call;
    e.node = n;
    e.construct = true;
    TSNode type = field_of(n, "type");
    e.text = simple_type(b_.text(type));
    e.callee = e.text;
    e.kids.push_back(b_.name(type, e.text));
    args(field_of(n, "arguments"), e);
    return b_.add(std::move(e));
  }
  if (t == "string_literal" || t == "text_block") {
    std::string value;
    for (TSNode c : named_children(n)) {
      auto ct = type_of(c);
      if (ct == "string_fragment")
        value += b_.text(c);
      else if (ct == "escape_sequence")
        value += unescape(b_.text(c));
    }
    return b_.literal(n, Const::of_string(value));
  }
  if (t == "decimal_integer_literal" || t == "hex_integer_literal" || t == "octal_integer_literal" ||
      t == "binary_integer_literal") {
    auto v = parse_int(b_.text(n));
    return b_.literal(n, v ? Const::of_int(*v) : Const{});
  }
  if (t == "true" || t == "false") return b_.literal(n, Const::of_bool(t == "true"));
  if (t == "null_literal") return b_.literal(n, Const::none());
  if (t == "binary_expression") {
    int l = expr(field_of(n, "left"));
    int r = expr(field_of(n, "right"));
    std::string op(type_of(field_of(n, "operator")));
    if (op == "&&" || op == "||") return b_.node_expr(n, Op::logic, {l, r}, op);
    if (op == "==" || op == "!=" || op == "<" || op == ">" || op == "<=" || op == ">=")
      return b_.node_expr(n, Op::compare, {l, r}, op);
    return b_.node_expr(n, Op::binary, {l, r}, op);
  }
  if (t == "unary_expression") {
    return b_.node_expr(n, Op::unary, {expr(field_of(n, "operand"))}, std::string(type_of(field_of(n, "operator"))));
  }
  if (t == "update_expression") return b_.node_expr(n, Op::unary, {first_named(n)}, "-");
  if (t == "ternary_expression") {
    int c = expr(field_of(n, "condition"));
    int a = expr(field_of(n, "consequence"));
    int e = expr(field_of(n, "alternative"));
    return b_.node_expr(n, Op::cond, {c, a, e});
  }
  if (t == "assignment_expression") {
    int v = expr(field_of(n, "right"));
    std::string op(type_of(field_of(n, "operator")));
    if (op != "=") {
      int cur = expr(field_of(n, "left"));
      v = b_.node_expr(n, Op::binary, {cur, v}, op.substr(0, op.size() - 1));
    }
    return b_.node_expr(n, Op::assign, {expr(field_of(n, "left")), v});
  }
  if (t == "parenthesized_expression") return b_.node_expr(n, Op::group, {first_named(n)});
  if (t == "cast_expression") return b_.node_expr(n, Op::group, {expr(field_of(n, "value"))});
  if (t == "instanceof_expression") return b_.node_expr(n, Op::compare, {expr(field_of(n, "left")), -1}, "instanceof");
  if (t == "lambda_expression" || t == "method_reference") return b_.node_expr(n, Op::function, {});
  if (t == "array_initializer" || t == "array_creation_expression") {
    std::vector<int> kids;
    for_each_node(n, [&](TSNode c) {
      if (type_of(ts_node_parent(c)) == "array_initializer" && ts_node_is_named(c)) kids.push_back(expr(c));
    });
    return b_.node_expr(n, Op::collection, std::move(kids));
  }
  std::vector<int> kids;
  for (TSNode c : named_children(n))
    if (type_of(c).find("type") == std::string_view::npos) kids.push_back(expr(c));
  return b_.node_expr(n, Op::other, std::move(kids));
}

void JavaLower::block(TSNode n, std::vector<int>& out) {
  if (ts_node_is_null(n)) return;
  Builder::Nest nest(b_);
  if (type_of(n) == "block" || type_of(n) == "constructor_body") {
    for (TSNode c : named_children(n)) stmt(c, out);
  } else {
    stmt(n, out);
  }
}

void JavaLower::stmt(TSNode n, std::vector<int>& out) {
  auto t = type_of(n);
  if (t == "local_variable_declaration" || t == "field_declaration") {
    declarators(n, out);
  } else if (t == "expression_statement") {
    for (TSNode c : named_children(n)) {
      if (type_of(c) == "assignment_expression") {
        std::string op(type_of(field_of(c, "operator")));
        int v = expr(field_of(c, "right"));
        int tg = expr(field_of(c, "left"));
        b_.count_assignment(tg);
        Stmt s;
        s.op = op == "=" ? SOp::assign : SOp::augment;
        s.node = c;
        s.a = tg;
        s.b = v;
        if (op != "=") s.text = op.substr(0, op.size() - 1);
        out.push_back(b_.add(std::move(s)));
      } else {
        out.push_back(stmt_of(SOp::expr, c, expr(c)));
      }
    }
  } else if (t == "if_statement") {
    Stmt s;
    s.op = SOp::if_;
    s.node = n;
    s.a = condition(field_of(n, "condition"));
    block(field_of(n, "consequence"), s.body);
    block(field_of(n, "alternative"), s.orelse);
    out.push_back(b_.add(std::move(s)));
  } else if (t == "for_statement") {
    for (uint32_t i = 0; i < ts_node_child_count(n); ++i) {
      const char* f = ts_node_field_name_for_child(n, i);
      if (!f || std::string_view(f) != "init") continue;
      TSNode init = ts_node_child(n, i);
      if (type_of(init) == "local_variable_declaration")
        stmt(init, out);
      else
        out.push_back(stmt_of(SOp::expr, init, expr(init)));
    }
    Stmt s;
    s.op = SOp::loop;
    s.node = n;
    TSNode cond = field_of(n, "condition");
    s.a = ts_node_is_null(cond) ? -1 : expr(cond);
    block(field_of(n, "body"), s.body);
    for (uint32_t i = 0; i < ts_node_child_count(n); ++i) {
      const char* f = ts_node_field_name_for_child(n, i);
      if (f && std::string_view(f) == "update") {
        TSNode u = ts_node_child(n, i);
        s.body.push_back(stmt_of(SOp::expr, u, expr(u)));
      }
    }
    out.push_back(b_.add(std::move(s)));
  } else if (t == "enhanced_for_statement") {
    Stmt s;
    s.op = SOp::loop;
    s.node = n;
    s.is_for = true;
    s.b = expr(field_of(n, "value"));
    TSNode name = field_of(n, "name");
    s.a = b_.name(name, std::string(b_.text(name)));
    block(field_of(n, "body"), s.body);
    out.push_back(b_.add(std::move(s)));
  } else if (t == "while_statement" || t == "do_statement") {
    Stmt s;
    s.op = SOp::loop;
    s.node = n;
    s.runs_once = t == "do_statement";
    s.a = condition(field_of(n, "condition"));
    block(field_of(n, "body"), s.body);
    out.push_back(b_.add(std::move(s)));
  } else if (t == "try_statement" || t == "try_with_resources_statement") {
    TSNode resources = field_of(n, "resources");
    for (TSNode r : named_children(resources)) {
      TSNode value = field_of(r, "value");
      TSNode name = field_of(r, "name");
      if (ts_node_is_null(value) || ts_node_is_null(name)) continue;
      int v = expr(value);
      out.push_back(stmt_of(SOp::assign, r, b_.name(name, std::string(b_.text(name))), v));
    }
    Stmt s;
    s.op = SOp::try_;
    s.node = n;
    block(field_of(n, "body"), s.body);
    for (TSNode c : named_children(n)) {
      auto ct = type_of(c);
      if (ct == "catch_clause") {
        std::vector<int> body;
        block(field_of(c, "body"), body);
        s.handlers.push_back(std::move(body));
        s.handler_targets.push_back(-1);
      } else if (ct == "finally_clause") {
        for (TSNode k : named_children(c)) block(k, s.finally_);
      }
    }
    out.push_back(b_.add(std::move(s)));
  } else if (t == "return_statement") {
    auto k = named_children(n);
    out.push_back(stmt_of(SOp::ret, n, k.empty() ? -1 : expr(k[0])));
  } else if (t == "throw_statement") {
    auto k = named_children(n);
    out.push_back(stmt_of(SOp::exit, n, k.empty() ? -1 : expr(k[0])));
  } else if (t == "break_statement") {
    out.push_back(stmt_of(SOp::brk, n));
  } else if (t == "continue_statement") {
    out.push_back(stmt_of(SOp::cont, n));
  } else if (t == "switch_expression" || t == "switch_statement") {
    Stmt s;
    s.op = SOp::branch;
    s.node = n;
    s.a = condition(field_of(n, "condition"));
    for (TSNode group : named_children(field_of(n, "body"))) {
      auto gt = type_of(group);
      if (gt != "switch_block_statement_group" && gt != "switch_rule") continue;
      std::vector<int> body;
      for (TSNode c : named_children(group)) {
        if (type_of(c) == "switch_label") {
          if (ts_node_named_child_count(c) == 0) s.has_default = true;
          continue;
        }
        stmt(c, body);
      }
      s.handlers.push_back(std::move(body));
    }
    out.push_back(b_.add(std::move(s)));
  } else if (t == "block") {
    block(n, out);
  } else if (t == "labeled_statement" || t == "synchronized_statement") {
    for (TSNode c : named_children(n))
      if (type_of(c) == "block" || type_of(c).find("statement") != std::string_view::npos) stmt(c, out);
  }
}

void JavaLower::params(TSNode n) {
  Unit& u = b_.unit();
  for (TSNode c : named_children(n)) {
    auto t = type_of(c);
    TSNode name{};
    Param p;
    if (t == "formal_parameter") {
      name = field_of(c, "name");
    } else if (t == "spread_parameter") {
      for (TSNode k : named_children(c))
        if (type_of(k) == "variable_declarator") name = field_of(k, "name");
      p.kind = Param::Kind::rest;
    } else if (t == "identifier") {  // lambda (a, b) -> ...
      name = c;
    }
    if (ts_node_is_null(name)) continue;
    p.name = std::string(b_.text(name));
    p.node = name;
    p.path = b_.path(p.name, -1);
    u.params.push_back(std::move(p));
  }
}

std::string class_of(TSNode fn, std::string_view src) {
  for (TSNode p = ts_node_parent(fn); !ts_node_is_null(p); p = ts_node_parent(p)) {
    auto t = type_of(p);
    if (t == "class_declaration" || t == "enum_declaration" || t == "record_declaration" ||
        t == "interface_declaration") {
      TSNode name = field_of(p, "name");
      return node_text(name, src);
    }
  }
  return "";
}

}  // namespace

void lower_java(TSNode root, std::string_view source, const Budget& budget, Program& out) {
  // Class constants play the part of module globals.
  lower_module(out, root, source, budget, [&](Builder& b, Unit& m) {
    JavaLower low(b);
    for_each_node(root, [&](TSNode n) {
      if (type_of(n) == "field_declaration") low.stmt(n, m.body);
    });
  });
  std::vector<TSNode> functions;
  for_each_node(root, [&](TSNode n) {
    auto t = type_of(n);
    if (t == "method_declaration" || t == "constructor_declaration" || t == "lambda_expression") functions.push_back(n);
  });
  for (TSNode fn : functions) {
    int index = lower_unit(out, fn, node_text(field_of(fn, "name"), source), source, budget, [&](Builder& b, Unit& u) {
      u.owner = class_of(fn, source);
      JavaLower low(b);
      TSNode ps = field_of(fn, "parameters");
      if (type_of(ps) == "identifier") {
        Param p;
        p.name = std::string(b.text(ps));
        p.node = ps;
        p.path = b.path(p.name, -1);
        u.params.push_back(std::move(p));
      } else {
        low.params(ps);
      }
      TSNode body = field_of(fn, "body");
      if (type_of(body) == "block" || type_of(body) == "constructor_body") {
        low.block(body, u.body);
      } else if (!ts_node_is_null(body)) {  // x -> expression
        add_return(b, body, low.expr(body));
      }
    });
    out.unit_of_node[key_of(fn)] = index;
    if (!out.units[index].name.empty() && type_of(fn) != "lambda_expression")
      out.by_name[out.units[index].name].push_back(index);
  }
}

}  // namespace copilot::review::taint
