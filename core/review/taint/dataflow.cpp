#include "review/taint/dataflow.h"

#include <algorithm>
#include <cctype>
#include <set>

namespace copilot::review::taint {
namespace {

// Loops are re-run until nothing changes, but never more often than this.
constexpr int kLoopRounds = 3;

/// CamelCase names are classes by convention; ALL_CAPS names are constants.
bool looks_like_class(const std::string& name) {
  if (name.empty() || !std::isupper(static_cast<unsigned char>(name[0]))) return false;
  for (char ch : name)
    if (std::islower(static_cast<unsigned char>(ch))) return true;
  return false;
}

/// For each placeholder of a format string ("%s" or "{}"), whether a '?' or '#'
/// comes before it: text placed there is in the query or fragment of a URL.
std::vector<bool> placeholders_after_delim(const std::string& fmt, char open) {
  std::vector<bool> out;
  bool delim = false;
  for (size_t i = 0; i < fmt.size(); ++i) {
    char ch = fmt[i];
    if (ch == '?' || ch == '#') delim = true;
    if (ch != open) continue;
    if (i + 1 < fmt.size() && fmt[i + 1] == open) {
      ++i;
      continue;
    }
    out.push_back(delim);
  }
  return out;
}

/// Whether every untrusted part sits after a '?' or '#'.
bool tail_only(const std::vector<Cell>& parts, const std::vector<bool>& after_delim) {
  bool any = false;
  for (size_t i = 0; i < parts.size(); ++i) {
    if (!parts[i].taint.any()) continue;
    any = true;
    bool after = i < after_delim.size() && after_delim[i];
    if (!after && !parts[i].tail_only) return false;
  }
  return any;
}

bool is_numeric_op(const std::string& op) {
  return op == "-" || op == "/" || op == "//" || op == "**" || op == "<<" || op == ">>" || op == ">>>";
}

}  // namespace

Analyzer::Analyzer(const Program& program, const RuleIndex& index, const Budget& budget, std::string file,
                   std::string_view source)
    : program_(program),
      index_(index),
      budget_(budget),
      lang_(lang_info(program.grammar)),
      file_(std::move(file)),
      source_(source),
      may_source_(program.units.size(), -1) {}

void Analyzer::tick() {
  if (++steps_ > budget_.max_steps) throw StepsExhausted{};
}

Location Analyzer::where(TSNode n) const {
  TSPoint s = ts_node_start_point(n), e = ts_node_end_point(n);
  return {file_, static_cast<int>(s.row) + 1, static_cast<int>(s.column) + 1, static_cast<int>(e.row) + 1,
          static_cast<int>(e.column) + 1};
}

std::string Analyzer::snippet(TSNode n, size_t limit) const {
  uint32_t b = ts_node_start_byte(n), e = ts_node_end_byte(n);
  if (e > source_.size() || b > e) return "";
  std::string_view t = source_.substr(b, e - b);
  t = t.substr(0, t.find('\n'));
  if (t.size() > limit) return std::string(t.substr(0, limit)) + "...";
  return std::string(t);
}

Analyzer::Env Analyzer::entry_env(const Unit& u) const {
  Env e;
  e.cells.resize(u.paths.size());
  return e;
}

// ---- storage ---------------------------------------------------------------

Cell Analyzer::own(const Frame& f, const Env& env, int path) const {
  const Unit& u = *f.unit;
  int root = path;
  for (int q = path; q >= 0; q = u.path_parent[q]) {
    root = q;
    const Cell& c = env.cells[q];
    if (!c.set) continue;
    if (q == path) return c;
    Cell inherited;  // a field of a whole value: same taint, unknown contents
    inherited.set = true;
    inherited.taint = c.taint;
    return inherited;
  }
  if (f.lexical && f.lexical_env) {
    // A closure reads the enclosing function's variables.
    auto it = f.lexical->unit->path_ids.find(u.paths[root]);
    if (it != f.lexical->unit->path_ids.end()) {
      Cell c = own(*f.lexical, *f.lexical_env, it->second);
      if (c.set) {
        if (root == path) return c;
        Cell inherited;
        inherited.set = true;
        inherited.taint = c.taint;
        return inherited;
      }
    }
  }
  if (!u.is_module) {
    auto it = globals_.find(u.paths[root]);
    if (it != globals_.end()) {
      if (root == path) return it->second;
      Cell inherited;
      inherited.set = true;
      inherited.taint = it->second.taint;
      return inherited;
    }
  }
  return {};
}

Cell Analyzer::read(const Frame& f, const Env& env, int path, bool whole) const {
  Cell c = own(f, env, path);
  if (whole) {
    // A whole object carries whatever was stored in its fields and slots.
    for (int ch : f.unit->path_children[path]) {
      const Cell& k = env.cells[ch];
      if (k.set && k.taint.any()) {
        c.taint.merge(k.taint);
        c.value = Const{};
      }
    }
  }
  c.set = true;
  return c;
}

void Analyzer::write(const Frame& f, Env& env, int path, Cell value) const {
  value.set = true;
  env.cells[path] = std::move(value);
  for (int ch : f.unit->path_children[path]) env.cells[ch] = Cell{};
}

void Analyzer::weak_write(const Frame& f, Env& env, int path, const Cell& value) const {
  Cell cur = own(f, env, path);
  cur.taint.merge(value.taint);
  cur.value = Const{};
  cur.prefix.clear();
  cur.set = true;
  env.cells[path] = std::move(cur);
}

Analyzer::Env Analyzer::join_env(const Frame& f, const Env& a, const Env& b) const {
  if (!a.live) return b;
  if (!b.live) return a;
  Env r;
  r.cells.resize(a.cells.size());
  for (size_t p = 0; p < a.cells.size(); ++p) {
    const Cell& ca = a.cells[p];
    const Cell& cb = b.cells[p];
    if (!ca.set && !cb.set) continue;
    Cell x = ca.set ? ca : own(f, a, static_cast<int>(p));
    Cell y = cb.set ? cb : own(f, b, static_cast<int>(p));
    x.set = y.set = true;  // undefined on one path: an unknown value there
    r.cells[p] = join(x, y);
  }
  return r;
}

bool Analyzer::same_env(const Env& a, const Env& b) const {
  if (a.live != b.live) return false;
  for (size_t p = 0; p < a.cells.size(); ++p)
    if (!a.cells[p].same(b.cells[p])) return false;
  return true;
}

// ---- expressions -----------------------------------------------------------

Cell Analyzer::eval_node(Frame& f, Env& env, TSNode n) {
  auto it = f.unit->expr_of_node.find(key_of(n));
  return it == f.unit->expr_of_node.end() ? Cell{} : eval(f, env, it->second);
}

Cell Analyzer::quiet_eval(Frame& f, Env& env, int e) {
  Env scratch = env;
  ++quiet_;
  Cell c = eval(f, scratch, e);
  --quiet_;
  return c;
}

Cell Analyzer::eval(Frame& f, Env& env, int e, bool whole) {
  if (e < 0) return {};
  tick();
  const Expr& x = f.unit->exprs[e];
  const void* key = key_of(x.node);
  Cell out;
  auto src = index_.sources.find(key);
  if (src != index_.sources.end()) {
    out.set = true;
    std::string text = snippet(x.node);
    auto step = std::make_shared<Step>();
    step->step = {where(x.node), "untrusted input: " + src->second + " `" + text + "`"};
    step->origin = text;
    out.taint.path = std::move(step);
  } else {
    out = eval_op(f, env, x, whole);
  }
  if (!index_.sanitizers.empty() && index_.sanitizers.count(key)) out.taint = Taint{};
  if (!index_.propagators.empty()) {
    auto it = index_.propagators.find(key);
    if (it != index_.propagators.end()) {
      ++quiet_;
      for (TSNode from : it->second)
        if (key_of(from) != key) out.taint.merge(eval_node(f, env, from).taint);
      --quiet_;
    }
  }
  if (!index_.sink_args.empty()) check_sink(f, key, out);
  return out;
}

Cell Analyzer::eval_op(Frame& f, Env& env, const Expr& x, bool whole) {
  const Unit& u = *f.unit;
  Cell out;
  out.set = true;
  switch (x.op) {
    case Op::literal: return constant(x.value);
    case Op::name: return x.path >= 0 ? read(f, env, x.path, whole) : out;
    case Op::field:
    case Op::index: {
      Cell base = eval(f, env, x.kids[0], false);
      for (size_t k = 1; k < x.kids.size(); ++k) eval(f, env, x.kids[k]);
      if (x.path >= 0 && env.cells[x.path].set) return read(f, env, x.path, whole);
      if (x.op == Op::field && lang_.clean_methods.count(x.text)) return out;  // s.length
      out.taint = base.taint;  // an element or field of untrusted data is untrusted
      if (whole && x.path >= 0) {
        for (int ch : u.path_children[x.path])
          if (env.cells[ch].set) out.taint.merge(env.cells[ch].taint);
      }
      return out;
    }
    case Op::call: return eval_call(f, env, x);
    case Op::binary: {
      Cell l = eval(f, env, x.kids[0]);
      // "fmt" % (a, b): keep the parts apart to see where each lands.
      std::vector<Cell> parts;
      Cell r;
      const Expr* rx = x.kids[1] >= 0 ? &u.exprs[x.kids[1]] : nullptr;
      if (x.text == "%" && rx && rx->op == Op::collection) {
        r.set = true;
        for (int k : rx->kids) {
          parts.push_back(eval(f, env, k));
          r.taint.merge(parts.back().taint);
        }
      } else {
        r = eval(f, env, x.kids[1]);
        parts.push_back(r);
      }
      out.value = fold_binary(x.text, l.value, r.value);
      if (is_numeric_op(x.text)) return out;
      out.taint = l.taint;
      out.taint.merge(r.taint);
      if (x.text == "+") {
        out.prefix = l.value.kind == Const::Kind::string
                         ? l.value.s + (r.value.kind == Const::Kind::string ? r.value.s : r.prefix)
                         : l.prefix;
        out.has_delim = l.has_delim || r.has_delim;
        out.tail_only =
            out.taint.any() && (!l.taint.any() || l.tail_only) && (!r.taint.any() || r.tail_only || l.has_delim);
      } else if (x.text == "%" && l.value.kind == Const::Kind::string) {
        out.prefix = l.value.s.substr(0, l.value.s.find('%'));
        out.has_delim = l.has_delim;
        if (numeric_only_format(l.value.s))
          out.taint = l.taint;  // "%d" prints a number
        else if (!l.taint.any())
          out.tail_only = tail_only(parts, placeholders_after_delim(l.value.s, '%'));
      }
      if (out.value.kind == Const::Kind::string) out.prefix = out.value.s;
      return out;
    }
    case Op::unary: {
      Cell v = eval(f, env, x.kids[0]);
      out.value = fold_unary(x.text, v.value);
      if (x.text == "-" || x.text == "+" || x.text == "~") out.taint = v.taint;
      return out;
    }
    case Op::logic: {
      Cell l = eval(f, env, x.kids[0]);
      auto t = l.value.truth();
      bool conj = x.text == "and" || x.text == "&&";
      if (x.text == "??") {
        if (l.value.kind == Const::Kind::none) return eval(f, env, x.kids[1]);
        if (l.value.known()) return l;
      } else if (t) {
        // `a and b` is a when a is false, else b; `a or b` the reverse.
        if (*t != conj) return l;
        return eval(f, env, x.kids[1]);
      }
      Cell r = eval(f, env, x.kids[1]);
      Cell j = join(l, r);
      j.value = fold_binary(x.text, l.value, r.value);
      return j;
    }
    case Op::compare: {
      Cell l = eval(f, env, x.kids[0]);
      Cell r = eval(f, env, x.kids[1]);
      return constant(fold_binary(x.text, l.value, r.value));
    }
    case Op::cond: {
      Cell c = eval(f, env, x.kids[0]);
      auto t = c.value.truth();
      if (t) return eval(f, env, *t ? x.kids[1] : x.kids[2]);
      Env then_env = refine(f, env, x.kids[0], true);
      Cell a = eval(f, then_env, x.kids[1]);
      Env else_env = refine(f, env, x.kids[0], false);
      Cell b = eval(f, else_env, x.kids[2]);
      return join(a, b);
    }
    case Op::collection:
    case Op::other: {
      for (int k : x.kids) out.taint.merge(eval(f, env, k).taint);
      return out;
    }
    case Op::format: {
      std::vector<Cell> parts;
      std::vector<bool> after;
      for (size_t k = 0; k < x.kids.size(); ++k) {
        parts.push_back(eval(f, env, x.kids[k]));
        out.taint.merge(parts.back().taint);
        after.push_back(k < x.kw.size() && x.kw[k] == "?");
        out.has_delim = out.has_delim || after.back();
      }
      out.tail_only = tail_only(parts, after);
      out.prefix = x.value.s;
      return out;
    }
    case Op::assign: {
      Cell v = eval(f, env, x.kids[1]);
      assign(f, env, x.kids[0], v, x.kids[1]);
      return v;
    }
    case Op::comprehension: {
      // Loop variables live only inside the comprehension.
      Env inner = env;
      for (size_t k = 1; k + 1 < x.kids.size(); k += 2) {
        Cell it = eval(f, inner, x.kids[k + 1]);
        Cell el;
        el.set = true;
        el.taint = it.taint;
        assign(f, inner, x.kids[k], el, -1);
      }
      Cell body = eval(f, inner, x.kids[0]);
      out.taint = body.taint;
      return out;
    }
    case Op::function: {
      auto it = program_.unit_of_node.find(key_of(x.node));
      if (it != program_.unit_of_node.end() && !quiet_) run_callback(f, env, x, it->second);
      return out;
    }
    case Op::group: return x.kids.empty() ? out : eval(f, env, x.kids[0], whole);
  }
  return out;
}

Cell Analyzer::eval_call(Frame& f, Env& env, const Expr& x) {
  const Unit& u = *f.unit;
  int callee = x.kids.empty() ? -1 : x.kids[0];
  const Expr* ce = callee >= 0 ? &u.exprs[callee] : nullptr;
  bool method = ce && ce->op == Op::field;
  Cell recv;
  if (method) {
    // The callee itself may be a source (request.get_json); otherwise the receiver speaks for it.
    recv = index_.sources.count(key_of(ce->node)) ? eval(f, env, callee) : eval(f, env, ce->kids[0]);
  } else if (callee >= 0) {
    eval(f, env, callee);
  }
  std::vector<Cell> args;
  args.reserve(x.kids.size());
  Taint all;
  Taint saved_hint = element_hint_;
  element_hint_ = method ? recv.taint : Taint{};
  for (size_t k = 1; k < x.kids.size(); ++k) {
    args.push_back(eval(f, env, x.kids[k]));
    all.merge(args.back().taint);
  }
  element_hint_ = saved_hint;
  if (x.path >= 0 && env.cells[x.path].set) return read(f, env, x.path, true);  // d.get("k")

  bool via_self = false;
  int local = resolve_local(f, x, via_self);
  if (local >= 0) return call_local(f, env, x, local, via_self, args);

  Cell out;
  out.set = true;
  const std::string& name = x.text;
  if ((!x.callee.empty() && lang_.propagating_functions.count(x.callee)) ||
      (!method && !name.empty() && lang_.propagating_functions.count(name))) {
    out.taint = all;
    if (args.size() == 1 && args[0].value.kind == Const::Kind::string) out.value = args[0].value;
    return out;
  }
  bool builds = program_.grammar == "python" ? looks_like_class(name) : x.construct;
  if (builds) {
    // An object built from untrusted values holds them (a dataclass, a form, new URL(x)).
    out.taint = all;
    if (out.taint.any()) ++out.taint.hops;
    return out;
  }
  if (!lang_.out_param_methods.empty() && lang_.out_param_methods.count(name)) {
    // json.Unmarshal(data, &v) / dec.Decode(&v): v now holds the data.
    Taint in = recv.taint;
    for (size_t k = 1; k < x.kids.size(); ++k) {
      const Expr* a = x.kids[k] >= 0 ? &u.exprs[x.kids[k]] : nullptr;
      if (!a || a->op != Op::group) in.merge(args[k - 1].taint);
    }
    if (in.any()) {
      for (size_t k = 1; k < x.kids.size(); ++k) {
        const Expr* a = x.kids[k] >= 0 ? &u.exprs[x.kids[k]] : nullptr;
        if (!a || a->op != Op::group || a->kids.empty() || a->kids[0] < 0) continue;
        int p = u.exprs[a->kids[0]].path;
        if (p < 0) continue;
        Cell stored;
        stored.set = true;
        stored.taint = extend(in, where(a->node), "decoded into `" + u.paths[p] + "`");
        weak_write(f, env, p, stored);
      }
    }
    return out;
  }
  if (!method) return out;  // an unknown function: its result is not the caller's data
  if (lang_.mutators.count(name)) {
    // list.append(x) / sb.append(x): the receiver now holds x; follow builder chains to the variable.
    int base = ce->kids[0];
    while (base >= 0 && u.exprs[base].op == Op::call && !u.exprs[base].kids.empty() && u.exprs[base].kids[0] >= 0 &&
           u.exprs[u.exprs[base].kids[0]].op == Op::field && lang_.mutators.count(u.exprs[base].text))
      base = u.exprs[u.exprs[base].kids[0]].kids[0];
    int bp = base >= 0 ? u.exprs[base].path : -1;
    if (all.any() && bp >= 0) {
      Cell stored;
      stored.set = true;
      stored.taint = all;
      ++stored.taint.hops;
      stored.taint = extend(stored.taint, where(x.node), "stored in `" + u.paths[bp] + "`");
      weak_write(f, env, bp, stored);
    }
    out.taint = recv.taint;
    out.taint.merge(all);
    return out;
  }
  if (lang_.joining_methods.count(name)) {
    out.taint = recv.taint;
    out.taint.merge(all);
    if (recv.value.kind == Const::Kind::string) {
      size_t brace = recv.value.s.find('{');
      out.prefix = recv.value.s.substr(0, name == "format" ? brace : 0);
      out.has_delim = recv.has_delim;
      if (name == "format" && !recv.taint.any())
        out.tail_only = tail_only(args, placeholders_after_delim(recv.value.s, '{'));
    }
    return out;
  }
  if (lang_.clean_methods.count(name)) return out;
  out.taint = recv.taint;  // a method of untrusted data returns untrusted data
  return out;
}

void Analyzer::assign(Frame& f, Env& env, int target, const Cell& value, int value_expr) {
  if (target < 0) return;
  const Unit& u = *f.unit;
  const Expr& t = u.exprs[target];
  switch (t.op) {
    case Op::name:
    case Op::field:
    case Op::index: {
      Cell v = value;
      v.set = true;
      if (t.path < 0) {
        // d[key] = v with a computed key: the container as a whole now holds v.
        int base = t.op == Op::index ? t.kids[0] : -1;
        int bp = base >= 0 ? u.exprs[base].path : -1;
        if (bp >= 0 && v.taint.any()) {
          ++v.taint.hops;
          v.taint = extend(v.taint, where(t.node), "stored in `" + u.paths[bp] + "`");
          weak_write(f, env, bp, v);
        }
        return;
      }
      if (v.taint.any()) {
        if (t.op == Op::index) ++v.taint.hops;
        v.taint = extend(v.taint, where(t.node), "assigned to `" + u.paths[t.path] + "`");
      }
      if (value_expr >= 0 && !index_.guards.empty()) {
        // A check stored in a variable still guards when the variable is tested.
        auto g = index_.guards.find(key_of(u.exprs[value_expr].node));
        if (g != index_.guards.end()) {
          for (TSNode n : g->second) {
            auto it = u.expr_of_node.find(key_of(n));
            if (it != u.expr_of_node.end() && u.exprs[it->second].path >= 0)
              v.vouches.push_back(u.exprs[it->second].path);
          }
        }
      }
      if (value_expr >= 0) note_parse(f, u.exprs[value_expr], v);
      write(f, env, t.path, std::move(v));
      return;
    }
    case Op::collection: {
      const Expr* ve = value_expr >= 0 ? &u.exprs[value_expr] : nullptr;
      bool pairwise = ve && ve->op == Op::collection && ve->kids.size() == t.kids.size();
      for (size_t k = 0; k < t.kids.size(); ++k) {
        if (pairwise) {
          assign(f, env, t.kids[k], quiet_eval(f, env, ve->kids[k]), ve->kids[k]);
        } else {
          Cell el;
          el.set = true;
          el.taint = value.taint;
          if (value_expr >= 0) note_parse(f, u.exprs[value_expr], el);
          assign(f, env, t.kids[k], el, -1);
        }
      }
      return;
    }
    case Op::group:
      if (!t.kids.empty()) assign(f, env, t.kids[0], value, value_expr);
      return;
    default: return;
  }
}

void Analyzer::check_sink(const Frame&, const void* key, const Cell& value) {
  if (quiet_ || !value.taint.any()) return;
  auto it = index_.sink_args.find(key);
  if (it == index_.sink_args.end()) return;
  for (int site : it->second) {
    const SinkSite& s = index_.sinks[site];
    if (s.safe_prefix && !value.prefix.empty() &&
        RE2::PartialMatch(re2::StringPiece(value.prefix.data(), value.prefix.size()), *s.safe_prefix))
      continue;
    if (s.safe_prefix && value.tail_only) continue;  // only the query or fragment is untrusted
    Hit h;
    h.site = site;
    h.taint = value.taint;
    auto step = std::make_shared<Step>();
    step->step = {where(s.sink),
                  "reaches " + (s.label.empty() ? std::string("the sink") : s.label) + " `" + snippet(s.sink) + "`"};
    step->prev = value.taint.path;
    step->length = value.taint.path->length + 1;
    h.taint.path = std::move(step);
    auto cur = hits_.find(site);
    if (cur == hits_.end()) {
      hits_.emplace(site, std::move(h));
    } else if (h.taint.hops < cur->second.taint.hops ||
               (h.taint.hops == cur->second.taint.hops && h.taint.path->length < cur->second.taint.path->length)) {
      cur->second = std::move(h);
    }
  }
}

// ---- helpers ---------------------------------------------------------------

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

// ---- statements ------------------------------------------------------------

Analyzer::Env Analyzer::exec_block(Frame& f, const std::vector<int>& stmts, Env env) {
  for (int s : stmts) {
    if (!env.live) break;
    env = exec(f, f.unit->stmts[s], std::move(env));
  }
  return env;
}

Analyzer::Env Analyzer::exec(Frame& f, const Stmt& s, Env env) {
  tick();
  switch (s.op) {
    case SOp::expr: {
      eval(f, env, s.a);
      const Expr* x = s.a >= 0 ? &f.unit->exprs[s.a] : nullptr;
      if (x && x->op == Op::call && !x->callee.empty() && lang_.noreturn_functions.count(x->callee)) {
        if (!f.raised.empty()) f.raised.back() = join_env(f, f.raised.back(), env);
        env.live = false;
      }
      return env;
    }
    case SOp::assign: {
      Cell v = eval(f, env, s.b);
      assign(f, env, s.a, v, s.b);
      return env;
    }
    case SOp::augment: {
      Cell cur = eval(f, env, s.a);
      Cell v = eval(f, env, s.b);
      Cell out;
      out.set = true;
      out.value = fold_binary(s.text, cur.value, v.value);
      if (!is_numeric_op(s.text)) {
        out.taint = cur.taint;
        out.taint.merge(v.taint);
      }
      if (s.text == "+") out.prefix = cur.value.kind == Const::Kind::string ? cur.value.s + v.prefix : cur.prefix;
      assign(f, env, s.a, out, -1);
      return env;
    }
    case SOp::if_: {
      Cell c = eval(f, env, s.a);
      auto t = c.value.truth();
      Env then_env, else_env;
      then_env.live = else_env.live = false;
      if (t != false) then_env = exec_block(f, s.body, refine(f, env, s.a, true));
      if (t != true) else_env = exec_block(f, s.orelse, refine(f, env, s.a, false));
      return join_env(f, then_env, else_env);
    }
    case SOp::loop: return exec_loop(f, s, std::move(env));
    case SOp::ret: {
      Cell v = s.a >= 0 ? eval(f, env, s.a) : Cell{};
      v.set = true;
      v.vouches.clear();
      v.mirrors.clear();
      if (v.taint.any()) v.taint = extend(v.taint, where(s.node), "returned");
      f.ret = join(f.ret, v);
      env.live = false;
      return env;
    }
    case SOp::exit: {
      eval(f, env, s.a);
      if (!f.raised.empty()) f.raised.back() = join_env(f, f.raised.back(), env);
      env.live = false;
      return env;
    }
    case SOp::brk:
    case SOp::cont: {
      for (auto it = f.loops.rbegin(); it != f.loops.rend(); ++it) {
        if (s.op == SOp::cont && it->is_switch) continue;
        Env& into = s.op == SOp::brk ? it->breaks : it->conts;
        into = join_env(f, into, env);
        break;
      }
      env.live = false;
      return env;
    }
    case SOp::try_: return exec_try(f, s, std::move(env));
    case SOp::branch: {
      eval(f, env, s.a);
      Env result;
      result.live = false;
      LoopCtx ctx;
      ctx.breaks.live = ctx.conts.live = false;
      ctx.is_switch = true;
      f.loops.push_back(std::move(ctx));
      for (const auto& body : s.handlers) result = join_env(f, result, exec_block(f, body, env));
      LoopCtx done = std::move(f.loops.back());
      f.loops.pop_back();
      result = join_env(f, result, done.breaks);
      if (!s.has_default) result = join_env(f, result, env);
      return result;
    }
    case SOp::assume: {
      eval(f, env, s.a);
      return refine(f, std::move(env), s.a, true);
    }
  }
  return env;
}

Analyzer::Env Analyzer::exec_loop(Frame& f, const Stmt& s, Env env) {
  Cell iter;
  std::optional<bool> truth;
  if (s.is_for) {
    iter = eval(f, env, s.b);
  } else {
    truth = s.a >= 0 ? eval(f, env, s.a).value.truth() : std::optional<bool>(true);
    if (truth == false && !s.runs_once) return exec_block(f, s.orelse, refine(f, std::move(env), s.a, false));
  }
  Env dead;
  dead.live = false;
  // Leaving without running the body: an empty iterable, or a false condition.
  Env exit_normal = s.runs_once || truth == true ? dead : (s.is_for ? env : refine(f, env, s.a, false));
  Env breaks = dead;
  Env entry = std::move(env);
  for (int round = 0; round < kLoopRounds; ++round) {
    Env body = entry;
    if (s.is_for) {
      Cell el;
      el.set = true;
      el.taint = iter.taint;
      assign(f, body, s.a, el, -1);
    } else if (s.a >= 0 && !(s.runs_once && round == 0)) {
      body = refine(f, std::move(body), s.a, true);
    }
    LoopCtx ctx;
    ctx.breaks = ctx.conts = dead;
    f.loops.push_back(std::move(ctx));
    Env out = exec_block(f, s.body, std::move(body));
    LoopCtx done = std::move(f.loops.back());
    f.loops.pop_back();
    breaks = join_env(f, breaks, done.breaks);
    Env next = join_env(f, out, done.conts);
    if (!next.live) break;
    if (s.is_for) {
      exit_normal = join_env(f, exit_normal, next);
    } else if (s.a >= 0) {
      Env probe = next;
      auto again = eval(f, probe, s.a).value.truth();
      if (again != true) exit_normal = join_env(f, exit_normal, refine(f, probe, s.a, false));
    }
    Env merged = join_env(f, entry, next);
    if (same_env(merged, entry)) break;
    entry = std::move(merged);
  }
  Env after = exec_block(f, s.orelse, std::move(exit_normal));
  return join_env(f, after, breaks);
}

Analyzer::Env Analyzer::exec_try(Frame& f, const Stmt& s, Env env) {
  Env dead;
  dead.live = false;
  f.raised.push_back(dead);
  Env body = exec_block(f, s.body, env);
  Env raised = std::move(f.raised.back());
  f.raised.pop_back();
  // A handler may start anywhere in the body: approximate by its start, end and raise points.
  Env handler_start = join_env(f, join_env(f, env, body), raised);
  Env result = exec_block(f, s.orelse, std::move(body));
  for (size_t h = 0; h < s.handlers.size(); ++h) {
    Env he = handler_start;
    if (s.handler_targets[h] >= 0) {
      Cell caught;
      caught.set = true;
      assign(f, he, s.handler_targets[h], caught, -1);
    }
    result = join_env(f, result, exec_block(f, s.handlers[h], std::move(he)));
  }
  if (!s.finally_.empty()) {
    if (result.live)
      result = exec_block(f, s.finally_, std::move(result));
    else
      exec_block(f, s.finally_, handler_start);
  }
  return result;
}

void Analyzer::sanitize(const Frame& f, Env& env, int e) const {
  const Unit& u = *f.unit;
  while (e >= 0 && u.exprs[e].op == Op::group && !u.exprs[e].kids.empty()) e = u.exprs[e].kids[0];
  if (e < 0 || u.exprs[e].path < 0) return;
  Cell v = read(f, env, u.exprs[e].path, false);
  v.taint = Taint{};
  write(f, env, u.exprs[e].path, std::move(v));
  vouch_through(f, env, u.exprs[e].path);
}

void Analyzer::note_parse(const Frame& f, const Expr& value, Cell& into) const {
  if (value.op != Op::call || value.kids.size() < 2 || value.kids[1] < 0) return;
  if (!lang_.url_parsers.count(value.callee) && !lang_.url_parsers.count(value.text)) return;
  int arg = value.kids[1];
  const Unit& u = *f.unit;
  while (arg >= 0 && u.exprs[arg].op == Op::group && !u.exprs[arg].kids.empty()) arg = u.exprs[arg].kids[0];
  if (arg >= 0 && u.exprs[arg].path >= 0) into.mirrors = {u.exprs[arg].path};
}

void Analyzer::vouch_through(const Frame& f, Env& env, int path) const {
  // A checked host of a parsed URL vouches for the text it was parsed from.
  const Unit& u = *f.unit;
  int parent = u.path_parent[path];
  if (parent < 0 || !env.cells[parent].set) return;
  const std::string& p = u.paths[path];
  std::string field = p.substr(p.rfind('.') + 1);
  static const std::set<std::string> kHostFields = {"host", "hostname", "netloc", "Host", "Hostname", "origin"};
  if (!kHostFields.count(field)) return;
  for (int m : std::vector<int>(env.cells[parent].mirrors)) {
    Cell v = read(f, env, m, false);
    v.taint = Taint{};
    write(f, env, m, std::move(v));
  }
}

Analyzer::Env Analyzer::refine(Frame& f, Env env, int cond, bool truth) {
  if (!env.live || cond < 0) return env;
  const Unit& u = *f.unit;
  const Expr& c = u.exprs[cond];
  const auto& guards = truth ? index_.guards : index_.guards_false;
  if (!guards.empty()) {
    auto g = guards.find(key_of(c.node));
    if (g != guards.end()) {
      for (TSNode n : g->second) {
        auto it = u.expr_of_node.find(key_of(n));
        if (it != u.expr_of_node.end()) sanitize(f, env, it->second);
      }
    }
  }
  switch (c.op) {
    case Op::name: {
      if (c.path < 0) return env;
      if (!truth) {
        // A false value ("", None, 0) carries no payload.
        Cell v = read(f, env, c.path, false);
        v.taint = Taint{};
        write(f, env, c.path, std::move(v));
        return env;
      }
      const Cell& cell = env.cells[c.path];
      if (cell.set)
        for (int p : std::vector<int>(cell.vouches)) {
          Cell v = read(f, env, p, false);
          v.taint = Taint{};
          write(f, env, p, std::move(v));
        }
      return env;
    }
    case Op::group: return c.kids.empty() ? env : refine(f, std::move(env), c.kids[0], truth);
    case Op::unary:
      if (c.text == "not" || c.text == "!") return refine(f, std::move(env), c.kids[0], !truth);
      return env;
    case Op::logic: {
      bool conj = c.text == "and" || c.text == "&&";
      bool disj = c.text == "or" || c.text == "||";
      // Both halves hold when `a and b` is true, and neither when `a or b` is false.
      if ((conj && truth) || (disj && !truth)) {
        env = refine(f, std::move(env), c.kids[0], truth);
        return refine(f, std::move(env), c.kids[1], truth);
      }
      if (conj || disj) {
        // `a and b` is false: a is false, or a is true and b false (dually for `or`).
        Env first = refine(f, env, c.kids[0], truth);
        Env second = refine(f, refine(f, std::move(env), c.kids[0], !truth), c.kids[1], truth);
        return join_env(f, first, second);
      }
      return env;
    }
    case Op::compare: {
      const std::string& op = c.text;
      int l = c.kids[0], r = c.kids[1];
      if ((op == "in" && truth) || (op == "not in" && !truth)) {
        // x in ALLOWED: an allow-list of trusted values.
        if (!quiet_eval(f, env, r).taint.any()) sanitize(f, env, l);
        return env;
      }
      bool eq = op == "==" || op == "===" || op == "is";
      bool ne = op == "!=" || op == "!==" || op == "is not";
      if ((eq && truth) || (ne && !truth)) {
        // x == "literal": x is that literal here.
        for (int k = 0; k < 2; ++k) {
          int var = k == 0 ? l : r, other = k == 0 ? r : l;
          if (other < 0 || var < 0 || u.exprs[var].path < 0) continue;
          Cell o = quiet_eval(f, env, other);
          if (o.taint.any() || !o.value.known()) continue;
          Cell v = constant(o.value);
          write(f, env, u.exprs[var].path, v);
          vouch_through(f, env, u.exprs[var].path);
          break;
        }
      }
      return env;
    }
    case Op::call: {
      if (!truth || c.kids.empty() || c.kids[0] < 0) return env;
      const Expr& ce = u.exprs[c.kids[0]];
      if (ce.op == Op::field) {
        if (lang_.membership_methods.count(c.text) && c.kids.size() >= 2 && !quiet_eval(f, env, ce.kids[0]).taint.any())
          sanitize(f, env, c.kids[1]);
        if (lang_.validating_methods.count(c.text)) sanitize(f, env, ce.kids[0]);
      } else if (c.callee == "isinstance" && c.kids.size() >= 3) {
        std::string_view types =
            source_.substr(ts_node_start_byte(u.exprs[c.kids[2]].node),
                           ts_node_end_byte(u.exprs[c.kids[2]].node) - ts_node_start_byte(u.exprs[c.kids[2]].node));
        bool numeric = types.find("str") == std::string_view::npos && types.find("bytes") == std::string_view::npos &&
                       (types.find("int") != std::string_view::npos || types.find("float") != std::string_view::npos ||
                        types.find("bool") != std::string_view::npos);
        if (numeric) sanitize(f, env, c.kids[1]);
      }
      return env;
    }
    default: return env;
  }
}

// ---- entry points ----------------------------------------------------------

void Analyzer::run_module() {
  const Unit& m = program_.units[0];
  if (m.over_budget) return;
  Frame f;
  f.unit = &m;
  f.unit_index = 0;
  Env out = exec_block(f, m.body, entry_env(m));
  for (size_t p = 0; p < m.paths.size(); ++p) {
    if (m.path_parent[p] >= 0 || !out.cells[p].set) continue;
    Cell c = out.cells[p];
    auto count = m.assign_count.find(m.paths[p]);
    if (count != m.assign_count.end() && count->second > 1) {  // reassigned: not a constant
      c.value = Const{};
      c.prefix.clear();
    }
    globals_[m.paths[p]] = std::move(c);
  }
  std::fill(may_source_.begin(), may_source_.end(), -1);
}

bool Analyzer::is_root(int unit) const {
  const Unit& u = program_.units[unit];
  if (u.over_budget || u.is_module) return false;
  bool sink = false, source = false;
  for (const auto& [k, sites] : index_.sink_args) {
    (void)sites;
    if (u.expr_of_node.count(k)) {
      sink = true;
      break;
    }
  }
  for (const auto& [k, label] : index_.sources) {
    (void)label;
    if (u.expr_of_node.count(k)) {
      source = true;
      break;
    }
  }
  for (const auto& p : u.params) source = source || index_.sources.count(key_of(p.node));
  bool tainted_globals = false;
  for (const auto& [name, c] : globals_) tainted_globals = tainted_globals || c.taint.any();
  return (sink || u.calls_local) && (source || u.calls_local || tainted_globals);
}

void Analyzer::run_root(int unit) {
  const Unit& u = program_.units[unit];
  Frame f;
  f.unit = &u;
  f.unit_index = unit;
  Env env = entry_env(u);
  for (const auto& p : u.params) {
    Cell v;
    v.set = true;
    auto src = index_.sources.find(key_of(p.node));
    if (src != index_.sources.end()) {
      auto step = std::make_shared<Step>();
      std::string text = snippet(p.node);
      step->step = {where(p.node), "untrusted input: " + src->second + " `" + text + "`"};
      step->origin = text;
      v.taint.path = std::move(step);
    }
    bind_param(f, env, p, v);
  }
  exec_block(f, u.body, std::move(env));
}

}  // namespace copilot::review::taint
