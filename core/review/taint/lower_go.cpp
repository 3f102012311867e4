// Go frontend: tree-sitter-go trees to the taint IR.
#include "review/checks/walk.h"
#include "review/taint/lower.h"

namespace copilot::review::taint {
namespace {

class GoLower {
 public:
  explicit GoLower(Builder& b) : b_(b) {}

  int expr(TSNode n);
  void block(TSNode n, std::vector<int>& out);
  void stmt(TSNode n, std::vector<int>& out);
  void params(TSNode n, Param::Kind kind);

 private:
  int first_named(TSNode n) {
    auto k = named_children(n);
    return k.empty() ? -1 : expr(k[0]);
  }
  int stmt_of(SOp op, TSNode n, int a = -1, int b = -1) {
    Stmt s;
    s.op = op;
    s.node = n;
    s.a = a;
    s.b = b;
    return b_.add(std::move(s));
  }
  std::vector<TSNode> list(TSNode n) {
    if (type_of(n) == "expression_list") return named_children(n);
    if (ts_node_is_null(n)) return {};
    return {n};
  }
  void assign_lists(TSNode at, TSNode left, TSNode right, const std::string& op, std::vector<int>& out);
  int string(TSNode n) {
    std::string value;
    for (TSNode c : named_children(n)) {
      auto t = type_of(c);
      if (t == "escape_sequence")
        value += unescape(b_.text(c));
      else
        value += b_.text(c);
    }
    return b_.literal(n, Const::of_string(value));
  }

  Builder& b_;
};

int GoLower::expr(TSNode n) {
  if (ts_node_is_null(n)) return -1;
  Builder::Nest nest(b_);
  auto t = type_of(n);
  if (t == "identifier" || t == "package_identifier") return b_.name(n, std::string(b_.text(n)));
  if (t == "selector_expression") {
    int base = expr(field_of(n, "operand"));
    return b_.field(n, base, std::string(b_.text(field_of(n, "field"))));
  }
  if (t == "index_expression") {
    int base = expr(field_of(n, "operand"));
    return b_.index(n, base, expr(field_of(n, "index")));
  }
  if (t == "call_expression") {
    Expr e;
    e.op = Op::call;
    e.node = n;
    TSNode fn = field_of(n, "function");
    int callee = expr(fn);
    e.kids.push_back(callee);
    if (callee >= 0) {
      const Expr& ce = b_.expr(callee);
      e.text = ce.op == Op::name || ce.op == Op::field ? ce.text : "";
    }
    auto ft = type_of(fn);
    if (ft == "identifier" || ft == "selector_expression") e.callee = std::string(b_.text(fn));
    for (TSNode a : named_children(field_of(n, "arguments"))) {
      if (type_of(a) == "variadic_argument") {
        e.kids.push_back(first_named(a));
        e.kw.push_back("*");
      } else {
        e.kids.push_back(expr(a));
        e.kw.push_back("");
      }
    }
    return b_.add(std::move(e));
  }
  if (t == "interpreted_string_literal" || t == "raw_string_literal") return string(n);
  if (t == "int_literal") {
    auto v = parse_int(b_.text(n));
    return b_.literal(n, v ? Const::of_int(*v) : Const{});
  }
  if (t == "float_literal") return b_.literal(n, Const::of_real(std::strtod(std::string(b_.text(n)).c_str(), nullptr)));
  if (t == "true" || t == "false") return b_.literal(n, Const::of_bool(t == "true"));
  if (t == "nil") return b_.literal(n, Const::none());
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
    std::string op(type_of(field_of(n, "operator")));
    int v = expr(field_of(n, "operand"));
    if (op == "&" || op == "*" || op == "<-") return b_.node_expr(n, Op::group, {v});
    return b_.node_expr(n, Op::unary, {v}, op);
  }
  if (t == "parenthesized_expression") return b_.node_expr(n, Op::group, {first_named(n)});
  if (t == "type_conversion_expression" || t == "type_assertion_expression" || t == "slice_expression") {
    return b_.node_expr(n, Op::group, {expr(field_of(n, "operand"))});
  }
  if (t == "composite_literal") {
    std::vector<int> kids;
    for_each_node(field_of(n, "body"), [&](TSNode c) {
      if (type_of(c) == "literal_element" && type_of(ts_node_parent(c)) != "keyed_element") {
        kids.push_back(first_named(c));
      } else if (type_of(c) == "keyed_element") {
        TSNode v = field_of(c, "value");
        kids.push_back(type_of(v) == "literal_element" ? first_named(v) : expr(v));
      }
    });
    return b_.node_expr(n, Op::collection, std::move(kids));
  }
  if (t == "func_literal") return b_.node_expr(n, Op::function, {});
  std::vector<int> kids;
  for (TSNode c : named_children(n))
    if (type_of(c).find("type") == std::string_view::npos) kids.push_back(expr(c));
  return b_.node_expr(n, Op::other, std::move(kids));
}

void GoLower::assign_lists(TSNode at, TSNode left, TSNode right, const std::string& op, std::vector<int>& out) {
  auto ls = list(left), rs = list(right);
  bool compound = !op.empty() && op != "=" && op != ":=";
  auto one = [&](TSNode l, int value) {
    int tg = expr(l);
    if (tg >= 0 && b_.expr(tg).op == Op::name && b_.expr(tg).text == "_") return;
    b_.count_assignment(tg);
    Stmt s;
    s.op = compound ? SOp::augment : SOp::assign;
    s.node = at;
    s.a = tg;
    s.b = value;
    if (compound) s.text = op.substr(0, op.size() - 1);
    out.push_back(b_.add(std::move(s)));
  };
  if (ls.size() == rs.size()) {
    std::vector<int> values;
    for (TSNode r : rs) values.push_back(expr(r));
    for (size_t i = 0; i < ls.size(); ++i) one(ls[i], values[i]);
  } else if (rs.size() == 1) {
    // a, err := f(): every target receives the call's value.
    int value = expr(rs[0]);
    for (TSNode l : ls) one(l, value);
  }
}

void GoLower::block(TSNode n, std::vector<int>& out) {
  if (ts_node_is_null(n)) return;
  Builder::Nest nest(b_);
  for (TSNode c : named_children(n)) {
    if (type_of(c) == "statement_list") {
      for (TSNode s : named_children(c)) stmt(s, out);
    } else {
      stmt(c, out);
    }
  }
}

void GoLower::stmt(TSNode n, std::vector<int>& out) {
  auto t = type_of(n);
  if (t == "short_var_declaration" || t == "assignment_statement") {
    TSNode op = field_of(n, "operator");
    assign_lists(n, field_of(n, "left"), field_of(n, "right"),
                 ts_node_is_null(op) ? std::string(":=") : std::string(type_of(op)), out);
  } else if (t == "var_declaration" || t == "const_declaration") {
    for_each_node(n, [&](TSNode spec) {
      auto st = type_of(spec);
      if (st != "var_spec" && st != "const_spec") return;
      TSNode value = field_of(spec, "value");
      if (ts_node_is_null(value)) return;
      std::vector<TSNode> names;
      for (uint32_t i = 0; i < ts_node_child_count(spec); ++i) {
        const char* f = ts_node_field_name_for_child(spec, i);
        if (f && std::string_view(f) == "name") names.push_back(ts_node_child(spec, i));
      }
      auto values = list(value);
      for (size_t i = 0; i < names.size(); ++i) {
        int v = expr(values.size() == names.size() ? values[i] : values[0]);
        int tg = b_.name(names[i], std::string(b_.text(names[i])));
        b_.count_assignment(tg);
        out.push_back(stmt_of(SOp::assign, spec, tg, v));
      }
    });
  } else if (t == "expression_statement" || t == "go_statement" || t == "defer_statement") {
    for (TSNode c : named_children(n)) out.push_back(stmt_of(SOp::expr, c, expr(c)));
  } else if (t == "if_statement") {
    TSNode init = field_of(n, "initializer");
    if (!ts_node_is_null(init)) stmt(init, out);
    Stmt s;
    s.op = SOp::if_;
    s.node = n;
    s.a = expr(field_of(n, "condition"));
    block(field_of(n, "consequence"), s.body);
    TSNode alt = field_of(n, "alternative");
    if (type_of(alt) == "if_statement")
      stmt(alt, s.orelse);
    else
      block(alt, s.orelse);
    out.push_back(b_.add(std::move(s)));
  } else if (t == "for_statement") {
    Stmt s;
    s.op = SOp::loop;
    s.node = n;
    std::vector<int> step;
    for (TSNode c : named_children(n)) {
      auto ct = type_of(c);
      if (ct == "for_clause") {
        TSNode init = field_of(c, "initializer");
        if (!ts_node_is_null(init)) stmt(init, out);
        TSNode cond = field_of(c, "condition");
        s.a = ts_node_is_null(cond) ? -1 : expr(cond);
        TSNode update = field_of(c, "update");
        if (!ts_node_is_null(update)) stmt(update, step);
      } else if (ct == "range_clause") {
        s.is_for = true;
        s.b = expr(field_of(c, "right"));
        auto ls = list(field_of(c, "left"));
        std::vector<int> targets;
        for (TSNode l : ls) targets.push_back(expr(l));
        s.a = targets.size() == 1 ? targets[0] : b_.node_expr(c, Op::collection, targets);
      } else if (ct != "block") {
        s.a = expr(c);
      }
    }
    block(field_of(n, "body"), s.body);
    s.body.insert(s.body.end(), step.begin(), step.end());
    out.push_back(b_.add(std::move(s)));
  } else if (t == "expression_switch_statement" || t == "type_switch_statement" || t == "select_statement") {
    TSNode init = field_of(n, "initializer");
    if (!ts_node_is_null(init)) stmt(init, out);
    Stmt s;
    s.op = SOp::branch;
    s.node = n;
    s.a = expr(field_of(n, "value"));
    for (TSNode c : named_children(n)) {
      auto ct = type_of(c);
      if (ct != "expression_case" && ct != "default_case" && ct != "type_case" && ct != "communication_case") continue;
      if (ct == "default_case") s.has_default = true;
      std::vector<int> body;
      for (TSNode k : named_children(c))
        if (type_of(k) == "statement_list") block(k, body);
      s.handlers.push_back(std::move(body));
    }
    out.push_back(b_.add(std::move(s)));
  } else if (t == "return_statement") {
    auto k = named_children(n);
    int value = -1;
    if (!k.empty()) {
      auto values = list(k[0]);
      if (values.size() == 1)
        value = expr(values[0]);
      else {
        std::vector<int> kids;
        for (TSNode v : values) kids.push_back(expr(v));
        value = b_.node_expr(k[0], Op::collection, kids);
      }
    }
    out.push_back(stmt_of(SOp::ret, n, value));
  } else if (t == "break_statement") {
    out.push_back(stmt_of(SOp::brk, n));
  } else if (t == "continue_statement") {
    out.push_back(stmt_of(SOp::cont, n));
  } else if (t == "block") {
    block(n, out);
  } else if (t == "labeled_statement") {
    for (TSNode c : named_children(n))
      if (type_of(c) != "label_name") stmt(c, out);
  }
}

void GoLower::params(TSNode n, Param::Kind kind) {
  Unit& u = b_.unit();
  for (TSNode c : named_children(n)) {
    auto t = type_of(c);
    if (t != "parameter_declaration" && t != "variadic_parameter_declaration") continue;
    for (uint32_t i = 0; i < ts_node_child_count(c); ++i) {
      const char* f = ts_node_field_name_for_child(c, i);
      if (!f || std::string_view(f) != "name") continue;
      TSNode id = ts_node_child(c, i);
      Param p;
      p.name = std::string(b_.text(id));
      p.node = id;
      p.path = b_.path(p.name, -1);
      p.kind = t == "variadic_parameter_declaration" ? Param::Kind::rest : kind;
      u.params.push_back(std::move(p));
    }
  }
}

std::string receiver_type(TSNode recv, std::string_view src) {
  std::string out;
  for_each_node(recv, [&](TSNode c) {
    if (out.empty() && type_of(c) == "type_identifier") out = node_text(c, src);
  });
  return out;
}

}  // namespace

void lower_go(TSNode root, std::string_view source, const Budget& budget, Program& out) {
  lower_module(out, root, source, budget, [&](Builder& b, Unit& m) {
    GoLower low(b);
    for (TSNode c : named_children(root)) {
      auto t = type_of(c);
      if (t == "var_declaration" || t == "const_declaration") low.stmt(c, m.body);
    }
  });
  std::vector<TSNode> functions;
  for_each_node(root, [&](TSNode n) {
    auto t = type_of(n);
    if (t == "function_declaration" || t == "method_declaration" || t == "func_literal") functions.push_back(n);
  });
  for (TSNode fn : functions) {
    int index = lower_unit(out, fn, node_text(field_of(fn, "name"), source), source, budget, [&](Builder& b, Unit& u) {
      GoLower low(b);
      TSNode recv = field_of(fn, "receiver");
      if (!ts_node_is_null(recv)) {
        u.owner = receiver_type(recv, source);
        low.params(recv, Param::Kind::receiver);
      }
      low.params(field_of(fn, "parameters"), Param::Kind::plain);
      low.block(field_of(fn, "body"), u.body);
    });
    out.unit_of_node[key_of(fn)] = index;
    if (!out.units[index].name.empty()) out.by_name[out.units[index].name].push_back(index);
  }
}

}  // namespace copilot::review::taint
