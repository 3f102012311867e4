// The analyzer's storage model (environments, joins) and its entry points.
#include "review/taint/dataflow.h"

#include <algorithm>

namespace copilot::review::taint {

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

void Analyzer::run_module() {
  const Unit& m = program_.units[0];
  if (m.over_budget) return;
  Frame f;
  f.unit = &m;
  f.unit_index = 0;
  Env out = exec_block(f, m.body, entry_env(m));
  // A module that never finishes (a top-level `while (true)`, `process.exit()`) leaves no globals.
  if (out.cells.size() != m.paths.size()) out.cells.clear();
  for (size_t p = 0; p < out.cells.size(); ++p) {
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
