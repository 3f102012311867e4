// Statements and control flow: branches, loops, exceptions and the checks that narrow values.
#include <set>

#include "review/taint/dataflow.h"

namespace copilot::review::taint {
namespace {

// Loops are re-run until nothing changes, but never more often than this.
constexpr int kLoopRounds = 3;

}  // namespace

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
      if (!numeric_result(s.text)) {
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
    if (he.live && s.handler_targets[h] >= 0) {
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

}  // namespace copilot::review::taint
