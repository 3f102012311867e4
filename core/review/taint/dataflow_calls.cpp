// Calls of functions defined in the same file, analysed in the caller's context.
#include "review/taint/dataflow.h"

namespace copilot::review::taint {

int Analyzer::resolve_local(const Frame& f, const Expr& call, bool& via_self) const {
  const Unit& u = *f.unit;
  if (call.kids.empty() || call.kids[0] < 0) return -1;
  const Expr& ce = u.exprs[call.kids[0]];
  auto it = program_.by_name.find(ce.text);
  if (it == program_.by_name.end()) return -1;
  if (ce.op == Op::name) {
    int fallback = -1;
    for (int cand : it->second) {
      const Unit& cu = program_.units[cand];
      if (!u.owner.empty() && cu.owner == u.owner && program_.grammar == "java") return cand;
      if (cu.owner.empty() && fallback < 0) fallback = cand;
    }
    return fallback;
  }
  if (ce.op != Op::field || u.owner.empty()) return -1;
  const Expr& base = u.exprs[ce.kids[0]];
  if (base.op != Op::name) return -1;
  bool self = lang_.self_names.count(base.text) > 0;
  for (const auto& p : u.params) self = self || (p.kind == Param::Kind::receiver && p.name == base.text);
  if (!self) return -1;
  for (int cand : it->second) {
    if (program_.units[cand].owner == u.owner) {
      via_self = true;
      return cand;
    }
  }
  return -1;
}

bool Analyzer::may_source(int unit) {
  int8_t& m = may_source_[unit];
  if (m >= 0) return m;
  const Unit& u = program_.units[unit];
  bool yes = u.calls_local;
  for (const auto& [k, e] : u.expr_of_node) {
    (void)e;
    if (yes) break;
    yes = index_.sources.count(k) > 0;
  }
  for (const auto& [name, c] : globals_) yes = yes || c.taint.any();
  m = yes ? 1 : 0;
  return yes;
}

Cell Analyzer::call_local(Frame& f, Env& env, const Expr& call, int unit, bool via_self,
                          const std::vector<Cell>& args) {
  (void)via_self;
  const Unit& cu = program_.units[unit];
  Taint any;
  for (const auto& a : args) any.merge(a.taint);
  Cell fallback;
  fallback.set = true;
  fallback.taint = any;
  if (any.any()) ++fallback.taint.hops;
  if (cu.over_budget || f.depth + 1 > budget_.max_inline_depth) return fallback;
  for (Frame* p = &f; p; p = p->caller)
    if (p->unit_index == unit) return fallback;  // recursion: no deeper
  uint32_t cb = ts_node_start_byte(cu.node), ce = ts_node_end_byte(cu.node);
  bool nested = cb > ts_node_start_byte(f.unit->node) && ce <= ts_node_end_byte(f.unit->node) && !f.unit->is_module;
  if (!any.any() && !may_source(unit) && !nested) return fallback;

  std::string memo_key = std::to_string(unit);
  for (size_t k = 0; k < args.size(); ++k) {
    const Cell& a = args[k];
    memo_key +=
        "|" + call.kw[k] + (a.taint.any() ? "T" : "C") + std::to_string(static_cast<int>(a.value.kind)) +
        (a.value.kind == Const::Kind::string ? a.value.s : std::to_string(a.value.i) + std::to_string(a.value.b)) +
        "~" + a.prefix;
  }
  if (nested) memo_key.clear();  // a closure's result depends on the enclosing state
  if (auto it = memo_.find(memo_key); !nested && it != memo_.end()) return it->second;

  Frame nf;
  nf.unit = &cu;
  nf.unit_index = unit;
  nf.caller = &f;
  nf.depth = f.depth + 1;
  if (nested) {
    nf.lexical = &f;
    nf.lexical_env = &env;
  }
  Env e = entry_env(cu);
  std::vector<Cell> bound(cu.params.size());
  std::vector<bool> has(cu.params.size(), false);
  auto bind = [&](size_t p, const Cell& value, int arg) {
    Cell v = value;
    v.set = true;
    v.vouches.clear();
    v.mirrors.clear();
    if (v.taint.any()) {
      ++v.taint.hops;
      TSNode at = arg >= 0 ? f.unit->exprs[arg].node : call.node;
      v.taint = extend(v.taint, where(at), "passed to `" + cu.name + "()` as `" + cu.params[p].name + "`");
    }
    bound[p] = has[p] ? join(bound[p], v) : v;
    has[p] = true;
  };
  size_t next = 0;
  auto next_plain = [&]() -> int {
    while (next < cu.params.size() && (cu.params[next].kind == Param::Kind::receiver || has[next])) ++next;
    if (next < cu.params.size() && cu.params[next].kind == Param::Kind::plain) return static_cast<int>(next++);
    return -1;
  };
  auto find_kind = [&](Param::Kind kind) -> int {
    for (size_t p = 0; p < cu.params.size(); ++p)
      if (cu.params[p].kind == kind) return static_cast<int>(p);
    return -1;
  };
  for (size_t k = 0; k < args.size(); ++k) {
    const std::string& kw = call.kw[k];
    int arg = call.kids[k + 1];
    if (kw.empty()) {
      int p = next_plain();
      if (p < 0) p = find_kind(Param::Kind::rest);
      if (p >= 0) bind(p, args[k], arg);
    } else if (kw == "*" || kw == "**") {
      for (size_t p = 0; p < cu.params.size(); ++p)
        if (cu.params[p].kind != Param::Kind::receiver && !has[p]) bind(p, args[k], arg);
    } else {
      int p = -1;
      for (size_t q = 0; q < cu.params.size(); ++q)
        if (cu.params[q].name == kw) p = static_cast<int>(q);
      if (p < 0) p = find_kind(Param::Kind::rest_keywords);
      if (p >= 0) bind(p, args[k], arg);
    }
  }
  for (size_t p = 0; p < cu.params.size(); ++p) {
    Cell v = bound[p];
    if (!has[p]) {
      v = cu.params[p].default_value >= 0 ? quiet_eval(nf, e, cu.params[p].default_value) : Cell{};
      v.set = true;
    }
    bind_param(nf, e, cu.params[p], v);
  }
  exec_block(nf, cu.body, std::move(e));
  Cell r = nf.ret;
  r.set = true;
  if (r.taint.any()) {
    if (!any.any()) ++r.taint.hops;  // the helper read the source itself
    r.taint = extend(r.taint, where(call.node), "returned by `" + cu.name + "()`");
  }
  if (!nested) memo_.emplace(std::move(memo_key), r);
  return r;
}

void Analyzer::bind_param(Frame& f, Env& env, const Param& p, const Cell& value) {
  if (p.path >= 0)
    write(f, env, p.path, value);
  else if (p.pattern >= 0)
    assign(f, env, p.pattern, value, -1);
}

void Analyzer::run_callback(Frame& f, Env& env, const Expr& fn, int unit) {
  const Unit& cu = program_.units[unit];
  if (cu.params.empty() && cu.body.empty()) return;
  Expr call;
  call.node = fn.node;
  call.kids = {-1};
  std::vector<Cell> args;
  if (element_hint_.any()) {
    // xs.forEach(x => ...): the callback receives elements of the receiver.
    Cell el;
    el.set = true;
    el.taint = element_hint_;
    args.push_back(el);
    call.kids.push_back(-1);
    call.kw.push_back("");
  }
  Taint saved = element_hint_;
  element_hint_ = Taint{};
  call_local(f, env, call, unit, false, args);
  element_hint_ = saved;
}

}  // namespace copilot::review::taint
