#include "review/taint/lower.h"

#include <cerrno>
#include <cstdlib>
#include <cstring>

namespace copilot::review::taint {

void add_return(Builder& b, TSNode body, int expr) {
  Stmt s;
  s.op = SOp::ret;
  s.node = body;
  s.a = expr;
  b.unit().body.push_back(b.add(std::move(s)));
}

std::string node_text(TSNode n, std::string_view source) {
  if (ts_node_is_null(n)) return "";
  uint32_t b = ts_node_start_byte(n), e = ts_node_end_byte(n);
  return e <= source.size() && b <= e ? std::string(source.substr(b, e - b)) : std::string();
}

std::string_view Builder::text(TSNode n) const {
  uint32_t b = ts_node_start_byte(n), e = ts_node_end_byte(n);
  return e <= src_.size() && b <= e ? src_.substr(b, e - b) : std::string_view{};
}

int Builder::add(Expr e) {
  if (static_cast<int>(u_.exprs.size()) >= budget_.max_exprs) throw OverBudget{};
  int id = static_cast<int>(u_.exprs.size());
  // Parents are added after their children, so the outermost expression of a node wins.
  if (!ts_node_is_null(e.node)) u_.expr_of_node[key_of(e.node)] = id;
  u_.exprs.push_back(std::move(e));
  return id;
}

int Builder::add(Stmt s) {
  if (static_cast<int>(u_.stmts.size()) >= budget_.max_statements) throw OverBudget{};
  u_.stmts.push_back(std::move(s));
  return static_cast<int>(u_.stmts.size()) - 1;
}

int Builder::literal(TSNode n, Const c) {
  Expr e;
  e.op = Op::literal;
  e.node = n;
  e.value = std::move(c);
  return add(std::move(e));
}

int Builder::name(TSNode n, std::string id) {
  Expr e;
  e.op = Op::name;
  e.node = n;
  e.path = path(id, -1);
  e.text = std::move(id);
  return add(std::move(e));
}

int Builder::field(TSNode n, int base, std::string name) {
  Expr e;
  e.op = Op::field;
  e.node = n;
  e.kids = {base};
  int bp = base >= 0 ? u_.exprs[base].path : -1;
  if (bp >= 0) e.path = path(u_.paths[bp] + "." + name, bp);
  e.text = std::move(name);
  return add(std::move(e));
}

int Builder::index(TSNode n, int base, int key) {
  Expr e;
  e.op = Op::index;
  e.node = n;
  e.kids = {base, key};
  int bp = base >= 0 ? u_.exprs[base].path : -1;
  if (bp >= 0 && key >= 0 && u_.exprs[key].op == Op::literal) {
    const Const& k = u_.exprs[key].value;
    if (k.kind == Const::Kind::string)
      e.path = path(u_.paths[bp] + "['" + k.s + "']", bp);
    else if (k.kind == Const::Kind::integer)
      e.path = path(u_.paths[bp] + "[" + std::to_string(k.i) + "]", bp);
  }
  return add(std::move(e));
}

int Builder::node_expr(TSNode n, Op op, std::vector<int> kids, std::string text) {
  Expr e;
  e.op = op;
  e.node = n;
  e.kids = std::move(kids);
  e.text = std::move(text);
  return add(std::move(e));
}

int Builder::path(const std::string& text, int parent) {
  auto it = u_.path_ids.find(text);
  if (it != u_.path_ids.end()) return it->second;
  // Paths are bounded by expressions, which are bounded by the budget.
  int id = static_cast<int>(u_.paths.size());
  u_.paths.push_back(text);
  u_.path_parent.push_back(parent);
  u_.path_ids.emplace(text, id);
  return id;
}

void Builder::count_assignment(int target) {
  if (target < 0) return;
  const Expr& e = u_.exprs[target];
  if (e.op == Op::name)
    ++u_.assign_count[e.text];
  else if (e.op == Op::collection)
    for (int k : e.kids) count_assignment(k);
  else if (e.op == Op::group && !e.kids.empty())
    count_assignment(e.kids[0]);
}

TSNode field_of(TSNode n, const char* name) {
  return ts_node_child_by_field_name(n, name, std::strlen(name));
}

std::vector<TSNode> named_children(TSNode n) {
  std::vector<TSNode> out;
  if (ts_node_is_null(n)) return out;
  uint32_t count = ts_node_named_child_count(n);
  out.reserve(count);
  for (uint32_t i = 0; i < count; ++i) {
    TSNode c = ts_node_named_child(n, i);
    if (type_of(c) != "comment") out.push_back(c);
  }
  return out;
}

std::optional<int64_t> parse_int(std::string_view text) {
  std::string digits;
  for (char ch : text)
    if (ch != '_' && ch != '\'') digits += ch;
  while (!digits.empty() && (digits.back() == 'l' || digits.back() == 'L' || digits.back() == 'n' ||
                             digits.back() == 'u' || digits.back() == 'U'))
    digits.pop_back();
  if (digits.empty()) return std::nullopt;
  int base = 10;
  size_t start = 0;
  if (digits.size() > 2 && digits[0] == '0') {
    char p = digits[1];
    if (p == 'x' || p == 'X')
      base = 16, start = 2;
    else if (p == 'o' || p == 'O')
      base = 8, start = 2;
    else if (p == 'b' || p == 'B')
      base = 2, start = 2;
  }
  errno = 0;
  char* end = nullptr;
  long long v = std::strtoll(digits.c_str() + start, &end, base);
  if (errno != 0 || !end || *end != '\0') return std::nullopt;
  return static_cast<int64_t>(v);
}

std::string unescape(std::string_view body) {
  std::string out;
  out.reserve(body.size());
  for (size_t i = 0; i < body.size(); ++i) {
    char ch = body[i];
    if (ch != '\\' || i + 1 >= body.size()) {
      out += ch;
      continue;
    }
    char n = body[++i];
    switch (n) {
      case 'n': out += '\n'; break;
      case 't': out += '\t'; break;
      case 'r': out += '\r'; break;
      case '0': out += '\0'; break;
      default: out += n;
    }
  }
  return out;
}

void finish_program(Program& p) {
  for (auto& u : p.units) {
    u.path_children.assign(u.paths.size(), {});
    for (size_t i = 0; i < u.paths.size(); ++i)
      for (int a = u.path_parent[i]; a >= 0; a = u.path_parent[a]) u.path_children[a].push_back(static_cast<int>(i));
    for (const auto& e : u.exprs) {
      if (e.op != Op::call || e.kids.empty() || e.kids[0] < 0) continue;
      const Expr& callee = u.exprs[e.kids[0]];
      if ((callee.op == Op::name || callee.op == Op::field) && p.by_name.count(callee.text)) u.calls_local = true;
    }
  }
}

bool lower_program(const std::string& grammar, TSNode root, std::string_view source, const Budget& budget,
                   Program& out) {
  out.grammar = grammar;
  if (grammar == "python")
    lower_python(root, source, budget, out);
  else if (grammar == "javascript" || grammar == "typescript" || grammar == "tsx")
    lower_javascript(root, source, budget, out);
  else if (grammar == "go")
    lower_go(root, source, budget, out);
  else if (grammar == "java")
    lower_java(root, source, budget, out);
  else
    return false;
  finish_program(out);
  return true;
}

}  // namespace copilot::review::taint
