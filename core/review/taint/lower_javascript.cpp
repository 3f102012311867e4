// JavaScript / TypeScript frontend: tree-sitter-javascript and -typescript trees to the taint IR.
#include "review/checks/walk.h"
#include "review/taint/lower.h"

namespace copilot::review::taint {
namespace {

bool is_function(std::string_view t) {
  return t == "function_declaration" || t == "generator_function_declaration" || t == "function_expression" ||
         t == "function" || t == "generator_function" || t == "arrow_function" || t == "method_definition";
}

class JsLower {
 public:
  explicit JsLower(Builder& b) : b_(b) {}

  int expr(TSNode n);
  int target(TSNode n);
  void stmt(TSNode n, std::vector<int>& out);
  void body(TSNode n, std::vector<int>& out);
  void params(TSNode n);

 private:
  int call(TSNode n, bool is_new);
  int string(TSNode n);
  int object(TSNode n);
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
  void declaration(TSNode n, std::vector<int>& out);
  int condition(TSNode n) {
    // `(cond)` parentheses belong to the statement, not to the expression.
    if (type_of(n) == "parenthesized_expression") return first_named(n);
    return expr(n);
  }

  Builder& b_;
};

int JsLower::string(TSNode n) {
  std::string value;
  for (TSNode c : named_children(n)) {
    auto t = type_of(c);
    if (t == "string_fragment")
      value += b_.text(c);
    else if (t == "escape_sequence")
      value += unescape(b_.text(c));
  }
  return b_.literal(n, Const::of_string(value));
}

int JsLower::object(TSNode n) {
  std::vector<int> kids;
  for (TSNode c : named_children(n)) {
    auto t = type_of(c);
    if (t == "pair") {
      TSNode key = field_of(c, "key");
      if (type_of(key) == "computed_property_name") kids.push_back(first_named(key));
      kids.push_back(expr(field_of(c, "value")));
    } else if (t == "shorthand_property_identifier") {
      kids.push_back(b_.name(c, std::string(b_.text(c))));
    } else if (t == "spread_element") {
      kids.push_back(first_named(c));
    } else if (t == "method_definition") {
      kids.push_back(b_.node_expr(c, Op::function, {}));
    }
  }
  return b_.node_expr(n, Op::collection, std::move(kids));
}

int JsLower::call(TSNode n, bool is_new) {
  Expr e;
  e.op = Op::call;
  e.node = n;
  e.construct = is_new;
  TSNode fn = field_of(n, is_new ? "constructor" : "function");
  int callee = expr(fn);
  e.kids.push_back(callee);
  if (callee >= 0) {
    const Expr& ce = b_.expr(callee);
    e.text = ce.op == Op::name || ce.op == Op::field ? ce.text : "";
  }
  auto t = type_of(fn);
  if (t == "identifier" || t == "member_expression") {
    std::string_view s = b_.text(fn);
    bool plain = true;
    for (char ch : s)
      plain = plain && (std::isalnum(static_cast<unsigned char>(ch)) || ch == '_' || ch == '.' || ch == '$');
    if (plain) e.callee = std::string(s);
  }
  TSNode args = field_of(n, "arguments");
  if (type_of(args) == "template_string") {
    e.kids.push_back(expr(args));
    e.kw.push_back("");
  } else {
    for (TSNode a : named_children(args)) {
      if (type_of(a) == "spread_element") {
        e.kids.push_back(first_named(a));
        e.kw.push_back("*");
      } else {
        e.kids.push_back(expr(a));
        e.kw.push_back("");
      }
    }
  }
  return b_.add(std::move(e));
}

int JsLower::expr(TSNode n) {
  if (ts_node_is_null(n)) return -1;
  Builder::Nest nest(b_);
  auto t = type_of(n);
  if (t == "identifier" || t == "shorthand_property_identifier" || t == "this" || t == "super")
    return b_.name(n, std::string(b_.text(n)));
  if (t == "member_expression") {
    int base = expr(field_of(n, "object"));
    return b_.field(n, base, std::string(b_.text(field_of(n, "property"))));
  }
  if (t == "subscript_expression") {
    int base = expr(field_of(n, "object"));
    int key = expr(field_of(n, "index"));
    return b_.index(n, base, key);
  }
  if (t == "call_expression") return call(n, false);
  if (t == "new_expression") return call(n, true);
  if (t == "string") return string(n);
  if (t == "template_string") {
    Expr e;
    e.op = Op::format;
    e.node = n;
    std::string prefix;
    bool before = true, delim = false;
    for (TSNode c : named_children(n)) {
      auto ct = type_of(c);
      if (ct == "template_substitution") {
        before = false;
        e.kids.push_back(first_named(c));
        e.kw.push_back(delim ? "?" : "");
      } else if (ct == "string_fragment" || ct == "escape_sequence") {
        std::string piece = ct == "string_fragment" ? std::string(b_.text(c)) : unescape(b_.text(c));
        delim = delim || piece.find_first_of("?#") != std::string::npos;
        if (before) prefix += piece;
      }
    }
    if (before) return b_.literal(n, Const::of_string(prefix));
    e.value = Const::of_string(prefix);
    return b_.add(std::move(e));
  }
  if (t == "number") {
    auto v = parse_int(b_.text(n));
    if (v) return b_.literal(n, Const::of_int(*v));
    return b_.literal(n, Const::of_real(std::strtod(std::string(b_.text(n)).c_str(), nullptr)));
  }
  if (t == "true" || t == "false") return b_.literal(n, Const::of_bool(t == "true"));
  if (t == "null" || t == "undefined") return b_.literal(n, Const::none());
  if (t == "binary_expression") {
    int l = expr(field_of(n, "left"));
    int r = expr(field_of(n, "right"));
    std::string op(type_of(field_of(n, "operator")));
    if (op == "&&" || op == "||" || op == "??") return b_.node_expr(n, Op::logic, {l, r}, op);
    if (op == "==" || op == "===" || op == "!=" || op == "!==" || op == "<" || op == ">" || op == "<=" || op == ">=" ||
        op == "in" || op == "instanceof")
      return b_.node_expr(n, Op::compare, {l, r}, op);
    return b_.node_expr(n, Op::binary, {l, r}, op);
  }
  if (t == "unary_expression") {
    return b_.node_expr(n, Op::unary, {expr(field_of(n, "argument"))}, std::string(type_of(field_of(n, "operator"))));
  }
  if (t == "update_expression") return b_.node_expr(n, Op::unary, {expr(field_of(n, "argument"))}, "-");
  if (t == "ternary_expression") {
    int c = expr(field_of(n, "condition"));
    int a = expr(field_of(n, "consequence"));
    int e = expr(field_of(n, "alternative"));
    return b_.node_expr(n, Op::cond, {c, a, e});
  }
  if (t == "assignment_expression") {
    int v = expr(field_of(n, "right"));
    int tg = target(field_of(n, "left"));
    return b_.node_expr(n, Op::assign, {tg, v});
  }
  if (t == "augmented_assignment_expression") {
    int v = expr(field_of(n, "right"));
    int cur = expr(field_of(n, "left"));
    std::string op(type_of(field_of(n, "operator")));
    int combined = b_.node_expr(n, Op::binary, {cur, v}, op.substr(0, op.size() - 1));
    int tg = target(field_of(n, "left"));
    return b_.node_expr(n, Op::assign, {tg, combined});
  }
  if (t == "parenthesized_expression" || t == "await_expression" || t == "spread_element" || t == "yield_expression" ||
      t == "non_null_expression" || t == "as_expression" || t == "satisfies_expression" || t == "type_assertion") {
    for (TSNode c : named_children(n)) {
      auto ct = type_of(c);
      if (ct == "type_arguments" || ct.find("type") != std::string_view::npos) continue;
      return b_.node_expr(n, Op::group, {expr(c)});
    }
  }
  if (t == "object") return object(n);
  if (t == "array" || t == "sequence_expression") {
    std::vector<int> kids;
    for (TSNode c : named_children(n)) kids.push_back(expr(c));
    return b_.node_expr(n, t == "array" ? Op::collection : Op::other, std::move(kids));
  }
  if (is_function(t) || t == "class") return b_.node_expr(n, Op::function, {});
  if (t == "regex") return b_.node_expr(n, Op::other, {});
  std::vector<int> kids;
  for (TSNode c : named_children(n)) kids.push_back(expr(c));
  return b_.node_expr(n, Op::other, std::move(kids));
}

int JsLower::target(TSNode n) {
  if (ts_node_is_null(n)) return -1;
  Builder::Nest nest(b_);
  auto t = type_of(n);
  if (t == "object_pattern" || t == "array_pattern") {
    Expr e;
    e.op = Op::collection;
    e.node = n;
    for (TSNode c : named_children(n)) {
      auto ct = type_of(c);
      if (ct == "shorthand_property_identifier_pattern") {
        e.kids.push_back(b_.name(c, std::string(b_.text(c))));
        e.kw.push_back(std::string(b_.text(c)));
      } else if (ct == "pair_pattern") {
        e.kids.push_back(target(field_of(c, "value")));
        e.kw.push_back(std::string(b_.text(field_of(c, "key"))));
      } else if (ct == "rest_pattern" || ct == "assignment_pattern" || ct == "object_assignment_pattern") {
        TSNode inner = field_of(c, "left");
        if (ts_node_is_null(inner)) {
          auto k = named_children(c);
          inner = k.empty() ? inner : k[0];
        }
        e.kids.push_back(target(inner));
        e.kw.push_back("");
      } else {
        e.kids.push_back(target(c));
        e.kw.push_back("");
      }
    }
    return b_.add(std::move(e));
  }
  if (t == "parenthesized_expression") {
    auto k = named_children(n);
    if (k.size() == 1) return target(k[0]);
  }
  return expr(n);
}

void JsLower::declaration(TSNode n, std::vector<int>& out) {
  for (TSNode d : named_children(n)) {
    if (type_of(d) != "variable_declarator") continue;
    TSNode value = field_of(d, "value");
    if (ts_node_is_null(value)) continue;
    int v = expr(value);
    int tg = target(field_of(d, "name"));
    b_.count_assignment(tg);
    out.push_back(stmt_of(SOp::assign, d, tg, v));
  }
}

void JsLower::body(TSNode n, std::vector<int>& out) {
  if (ts_node_is_null(n)) return;
  Builder::Nest nest(b_);
  if (type_of(n) == "statement_block" || type_of(n) == "program" || type_of(n) == "class_static_block") {
    for (TSNode c : named_children(n)) stmt(c, out);
  } else {
    stmt(n, out);
  }
}

void JsLower::stmt(TSNode n, std::vector<int>& out) {
  auto t = type_of(n);
  if (t == "lexical_declaration" || t == "variable_declaration") {
    declaration(n, out);
  } else if (t == "expression_statement") {
    for (TSNode c : named_children(n)) {
      auto ct = type_of(c);
      if (ct == "assignment_expression") {
        int v = expr(field_of(c, "right"));
        int tg = target(field_of(c, "left"));
        b_.count_assignment(tg);
        out.push_back(stmt_of(SOp::assign, c, tg, v));
      } else if (ct == "augmented_assignment_expression") {
        int v = expr(field_of(c, "right"));
        int tg = target(field_of(c, "left"));
        b_.count_assignment(tg);
        Stmt s;
        s.op = SOp::augment;
        s.node = c;
        s.a = tg;
        s.b = v;
        std::string op(type_of(field_of(c, "operator")));
        s.text = op.substr(0, op.size() - 1);
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
    body(field_of(n, "consequence"), s.body);
    TSNode alt = field_of(n, "alternative");
    for (TSNode c : named_children(alt)) body(c, s.orelse);
    out.push_back(b_.add(std::move(s)));
  } else if (t == "for_statement") {
    // for (init; cond; step) body: init, then a loop over body + step.
    TSNode init = field_of(n, "initializer");
    if (!ts_node_is_null(init)) stmt(init, out);
    Stmt s;
    s.op = SOp::loop;
    s.node = n;
    TSNode cond = field_of(n, "condition");
    if (type_of(cond) == "expression_statement") {
      auto k = named_children(cond);
      cond = k.empty() ? TSNode{} : k[0];
    }
    s.a = ts_node_is_null(cond) || !ts_node_is_named(cond) || type_of(cond) == "empty_statement" ? -1 : expr(cond);
    body(field_of(n, "body"), s.body);
    TSNode step = field_of(n, "increment");
    if (!ts_node_is_null(step)) s.body.push_back(stmt_of(SOp::expr, step, expr(step)));
    out.push_back(b_.add(std::move(s)));
  } else if (t == "for_in_statement") {
    Stmt s;
    s.op = SOp::loop;
    s.node = n;
    s.is_for = true;
    s.b = expr(field_of(n, "right"));
    s.a = target(field_of(n, "left"));
    body(field_of(n, "body"), s.body);
    out.push_back(b_.add(std::move(s)));
  } else if (t == "while_statement" || t == "do_statement") {
    Stmt s;
    s.op = SOp::loop;
    s.node = n;
    s.runs_once = t == "do_statement";
    s.a = condition(field_of(n, "condition"));
    body(field_of(n, "body"), s.body);
    out.push_back(b_.add(std::move(s)));
  } else if (t == "try_statement") {
    Stmt s;
    s.op = SOp::try_;
    s.node = n;
    body(field_of(n, "body"), s.body);
    TSNode handler = field_of(n, "handler");
    if (!ts_node_is_null(handler)) {
      std::vector<int> hb;
      TSNode param = field_of(handler, "parameter");
      s.handler_targets.push_back(ts_node_is_null(param) ? -1 : target(param));
      body(field_of(handler, "body"), hb);
      s.handlers.push_back(std::move(hb));
    }
    TSNode fin = field_of(n, "finalizer");
    if (!ts_node_is_null(fin)) body(field_of(fin, "body"), s.finally_);
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
  } else if (t == "switch_statement") {
    Stmt s;
    s.op = SOp::branch;
    s.node = n;
    s.a = condition(field_of(n, "value"));
    for (TSNode c : named_children(field_of(n, "body"))) {
      auto ct = type_of(c);
      if (ct != "switch_case" && ct != "switch_default") continue;
      if (ct == "switch_default") s.has_default = true;
      std::vector<int> cb;
      for (uint32_t i = 0; i < ts_node_child_count(c); ++i) {
        const char* f = ts_node_field_name_for_child(c, i);
        if (f && std::string_view(f) == "body") stmt(ts_node_child(c, i), cb);
      }
      s.handlers.push_back(std::move(cb));
    }
    out.push_back(b_.add(std::move(s)));
  } else if (t == "statement_block") {
    body(n, out);
  } else if (t == "export_statement") {
    TSNode decl = field_of(n, "declaration");
    if (!ts_node_is_null(decl)) stmt(decl, out);
    TSNode value = field_of(n, "value");
    if (!ts_node_is_null(value)) out.push_back(stmt_of(SOp::expr, value, expr(value)));
  } else if (t == "labeled_statement") {
    body(field_of(n, "body"), out);
  }
  // Function and class declarations are units of their own; imports carry no data.
}

void JsLower::params(TSNode n) {
  Unit& u = b_.unit();
  auto add = [&](TSNode pattern, TSNode def, Param::Kind kind) {
    Param p;
    p.kind = kind;
    if (!ts_node_is_null(def)) p.default_value = expr(def);
    if (type_of(pattern) == "identifier") {
      p.name = std::string(b_.text(pattern));
      p.node = pattern;
      p.path = b_.path(p.name, -1);
    } else {
      p.node = pattern;
      p.pattern = target(pattern);
    }
    u.params.push_back(std::move(p));
  };
  if (type_of(n) == "identifier") {  // x => ...
    add(n, TSNode{}, Param::Kind::plain);
    return;
  }
  for (TSNode c : named_children(n)) {
    auto t = type_of(c);
    if (t == "required_parameter" || t == "optional_parameter") {
      TSNode pattern = field_of(c, "pattern");
      if (type_of(pattern) == "rest_pattern") {
        auto k = named_children(pattern);
        if (!k.empty()) add(k[0], TSNode{}, Param::Kind::rest);
      } else {
        add(pattern, field_of(c, "value"), Param::Kind::plain);
      }
    } else if (t == "assignment_pattern") {
      add(field_of(c, "left"), field_of(c, "right"), Param::Kind::plain);
    } else if (t == "rest_pattern") {
      auto k = named_children(c);
      if (!k.empty()) add(k[0], TSNode{}, Param::Kind::rest);
    } else if (t == "identifier" || t == "object_pattern" || t == "array_pattern") {
      add(c, TSNode{}, Param::Kind::plain);
    }
  }
}

/// The name a function is known by: its declaration, the variable or property it is assigned to.
std::string function_name(TSNode fn, std::string_view src, bool& callable_by_name) {
  auto text = [&](TSNode n) { return node_text(n, src); };
  callable_by_name = false;
  TSNode name = field_of(fn, "name");
  if (!ts_node_is_null(name)) {
    callable_by_name = true;
    return text(name);
  }
  TSNode parent = ts_node_parent(fn);
  auto pt = type_of(parent);
  if (pt == "variable_declarator") {
    callable_by_name = true;
    return text(field_of(parent, "name"));
  }
  if (pt == "pair") return text(field_of(parent, "key"));
  if (pt == "assignment_expression") {
    TSNode left = field_of(parent, "left");
    if (type_of(left) == "member_expression") return text(field_of(left, "property"));
    return text(left);
  }
  return "";
}

std::string class_of(TSNode fn, std::string_view src) {
  if (type_of(fn) != "method_definition") return "";
  for (TSNode p = ts_node_parent(fn); !ts_node_is_null(p); p = ts_node_parent(p)) {
    auto t = type_of(p);
    if (t == "class_declaration" || t == "class" || t == "abstract_class_declaration") {
      TSNode name = field_of(p, "name");
      if (ts_node_is_null(name)) return "<class>";
      return node_text(name, src);
    }
    if (t == "object") return "";
  }
  return "";
}

}  // namespace

void lower_javascript(TSNode root, std::string_view source, const Budget& budget, Program& out) {
  lower_module(out, root, source, budget, [&](Builder& b, Unit& m) { JsLower(b).body(root, m.body); });
  std::vector<TSNode> functions;
  for_each_node(root, [&](TSNode n) {
    if (is_function(type_of(n))) functions.push_back(n);
  });
  for (TSNode fn : functions) {
    bool by_name = false;
    std::string name = function_name(fn, source, by_name);
    int index = lower_unit(out, fn, std::move(name), source, budget, [&](Builder& b, Unit& u) {
      u.owner = class_of(fn, source);
      JsLower low(b);
      TSNode ps = field_of(fn, "parameters");
      if (ts_node_is_null(ps)) ps = field_of(fn, "parameter");
      low.params(ps);
      TSNode body = field_of(fn, "body");
      if (type_of(body) == "statement_block") {
        low.body(body, u.body);
      } else if (!ts_node_is_null(body)) {  // x => expression
        add_return(b, body, low.expr(body));
      }
    });
    const Unit& u = out.units[index];
    out.unit_of_node[key_of(fn)] = index;
    if ((by_name || !u.owner.empty()) && !u.name.empty()) out.by_name[u.name].push_back(index);
  }
}

}  // namespace copilot::review::taint
