// Evaluating expressions: what each one holds and where taint flows.
#include <cctype>

#include "review/taint/dataflow.h"

namespace copilot::review::taint {
namespace {

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

}  // namespace

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
      if (numeric_result(x.text)) return out;
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

void Analyzer::note_parse(const Frame& f, const Expr& value, Cell& into) const {
  if (value.op != Op::call || value.kids.size() < 2 || value.kids[1] < 0) return;
  if (!lang_.url_parsers.count(value.callee) && !lang_.url_parsers.count(value.text)) return;
  int arg = value.kids[1];
  const Unit& u = *f.unit;
  while (arg >= 0 && u.exprs[arg].op == Op::group && !u.exprs[arg].kids.empty()) arg = u.exprs[arg].kids[0];
  if (arg >= 0 && u.exprs[arg].path >= 0) into.mirrors = {u.exprs[arg].path};
}

}  // namespace copilot::review::taint
