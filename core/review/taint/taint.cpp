// Runs taint rules over one file: match the rule's queries, skip the file when
// it has no sink or no source, lower it once, and analyse the functions that
// can carry a source to a sink.
#include "review/taint/taint.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <set>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include "review/taint/dataflow.h"
#include "review/taint/taint_rule.h"
#include "util/glob.h"

namespace copilot::review {
namespace {

using taint::RuleIndex;

struct Range {
  uint32_t begin, end;
};

/// Query results of one file, shared by rules that use the same query text.
class MatchCache {
 public:
  explicit MatchCache(const SourceUnit& unit) : unit_(unit) {}

  /// Whether the file's text can satisfy a query's prefilter.
  bool may_match(const Prefilter& pf) { return pf.always || unit_.tokens().may_match(pf); }

  /// Every match of a query in the file, in document order. With a word
  /// prefilter only the surroundings of those words are searched.
  const std::vector<syntax::Match>& matches(const syntax::Query& q, const Prefilter& pf = {}) {
    auto it = cache_.find(&q);
    if (it != cache_.end()) return it->second;
    std::vector<syntax::Match> out;
    auto keep = [&](const syntax::Match& m) {
      out.push_back(m);
      return true;
    };
    if (pf.always) {
      syntax::for_each_match(q, tree(), tree().root(), keep);
    } else {
      for_each_match_at_words(q, tree(), unit_.tokens(), pf, keep);
      std::sort(out.begin(), out.end(), [](const syntax::Match& a, const syntax::Match& b) {
        return std::tuple(start_of(a), a.pattern) < std::tuple(start_of(b), b.pattern);
      });
    }
    return cache_.emplace(&q, std::move(out)).first->second;
  }
  const std::vector<Range>& scopes(const syntax::Query& q) {
    auto it = scopes_.find(&q);
    if (it != scopes_.end()) return it->second;
    std::vector<Range> out;
    int scope = q.capture_index("scope");
    for (const auto& m : matches(q)) {
      for (const auto& c : m.captures) {
        if (scope < 0 || c.index == scope) {
          out.push_back({ts_node_start_byte(c.node), ts_node_end_byte(c.node)});
          break;
        }
      }
    }
    return scopes_.emplace(&q, std::move(out)).first->second;
  }

 private:
  static uint32_t start_of(const syntax::Match& m) {
    uint32_t start = UINT32_MAX;
    for (const auto& c : m.captures) start = std::min(start, ts_node_start_byte(c.node));
    return start;
  }
  const syntax::Tree& tree() const { return *unit_.tree; }
  const SourceUnit& unit_;
  std::unordered_map<const syntax::Query*, std::vector<syntax::Match>> cache_;
  std::unordered_map<const syntax::Query*, std::vector<Range>> scopes_;
};

bool within(const std::vector<Range>& ranges, TSNode n) {
  uint32_t b = ts_node_start_byte(n), e = ts_node_end_byte(n);
  for (const auto& r : ranges)
    if (r.begin <= b && e <= r.end && !(r.begin == b && r.end == e)) return true;
  return false;
}

bool conditions_hold(const TaintPattern& p, const syntax::Query& q, const syntax::Match& m, const syntax::Tree& tree) {
  for (const auto& c : p.where) {
    int idx = q.capture_index(c.capture);
    bool found = false, hit = false;
    for (const auto& cap : m.captures) {
      if (cap.index != idx) continue;
      found = true;
      std::string_view t = tree.text(cap.node);
      hit = RE2::PartialMatch(re2::StringPiece(t.data(), t.size()), *c.regex);
      break;
    }
    if (c.negated ? (found && hit) : !hit) return false;
  }
  return true;
}

/// A keyword argument or object pair stands for its value.
TSNode value_node(TSNode n) {
  std::string_view t = ts_node_type(n);
  if (t == "keyword_argument" || t == "pair") {
    TSNode v = ts_node_child_by_field_name(n, "value", 5);
    if (!ts_node_is_null(v)) return v;
  }
  return n;
}

/// Calls fn(match, captures by name) for each match of an entry that passes its conditions.
template <typename Fn>
void each_match(const TaintPattern& p, int gi, MatchCache& cache, const syntax::Tree& tree, const char* anchor,
                Fn&& fn) {
  const auto& q = p.query[gi];
  if (!q || !cache.may_match(p.prefilter[gi])) return;
  int anchor_idx = q->capture_index(anchor);
  for (const auto& m : cache.matches(*q, p.prefilter[gi])) {
    if (!conditions_hold(p, *q, m, tree)) continue;
    TSNode at{};
    bool found = false;
    for (const auto& c : m.captures)
      if (c.index == anchor_idx) {
        at = c.node;
        found = true;
      }
    if (!found) continue;
    if (p.inside[gi] && !within(cache.scopes(*p.inside[gi]), at)) continue;
    if (p.not_inside[gi] && within(cache.scopes(*p.not_inside[gi]), at)) continue;
    fn(*q, m, at);
  }
}

std::vector<TSNode> captured(const syntax::Query& q, const syntax::Match& m, const char* name) {
  std::vector<TSNode> out;
  int idx = q.capture_index(name);
  for (const auto& c : m.captures)
    if (c.index == idx) out.push_back(value_node(c.node));
  return out;
}

bool collect_sinks(const TaintRule& rule, int gi, MatchCache& cache, const syntax::Tree& tree, RuleIndex& idx) {
  for (const auto& p : rule.sinks) {
    each_match(p, gi, cache, tree, "sink", [&](const syntax::Query& q, const syntax::Match& m, TSNode sink) {
      taint::SinkSite site;
      site.sink = sink;
      site.args = captured(q, m, "arg");
      site.safe_prefix = p.safe_prefix.get();
      site.label = p.label;
      int id = static_cast<int>(idx.sinks.size());
      for (TSNode a : site.args) idx.sink_args[taint::key_of(a)].push_back(id);
      idx.sinks.push_back(std::move(site));
    });
  }
  return !idx.sinks.empty();
}

bool collect_sources(const TaintRule& rule, int gi, MatchCache& cache, const syntax::Tree& tree, RuleIndex& idx) {
  for (const auto& p : rule.sources) {
    each_match(p, gi, cache, tree, "source", [&](const syntax::Query&, const syntax::Match&, TSNode n) {
      idx.sources.emplace(taint::key_of(n), p.label.empty() ? std::string("untrusted data") : p.label);
    });
  }
  return !idx.sources.empty();
}

void collect_rest(const TaintRule& rule, int gi, MatchCache& cache, const syntax::Tree& tree, RuleIndex& idx) {
  for (const auto& p : rule.sanitizers) {
    const auto& q = p.query[gi];
    if (!q) continue;
    if (q->capture_index("sanitizer") >= 0) {
      each_match(p, gi, cache, tree, "sanitizer", [&](const syntax::Query&, const syntax::Match&, TSNode n) {
        idx.sanitizers.insert(taint::key_of(n));
      });
    } else {
      bool negative = q->capture_index("guard") < 0;
      each_match(p, gi, cache, tree, negative ? "guard_false" : "guard",
                 [&](const syntax::Query& qq, const syntax::Match& m, TSNode n) {
                   auto& into = (negative ? idx.guards_false : idx.guards)[taint::key_of(n)];
                   for (TSNode g : captured(qq, m, "guarded")) into.push_back(g);
                 });
    }
  }
  for (const auto& p : rule.propagators) {
    each_match(p, gi, cache, tree, "to", [&](const syntax::Query& q, const syntax::Match& m, TSNode to) {
      auto& into = idx.propagators[taint::key_of(to)];
      for (TSNode from : captured(q, m, "from")) into.push_back(from);
    });
  }
}

std::string expand(const std::string& tmpl, const std::map<std::string, std::string>& values) {
  std::string out;
  size_t pos = 0;
  while (pos < tmpl.size()) {
    size_t open = tmpl.find("{{", pos);
    if (open == std::string::npos) break;
    size_t close = tmpl.find("}}", open);
    if (close == std::string::npos) break;
    out += tmpl.substr(pos, open - pos);
    std::string key = tmpl.substr(open + 2, close - open - 2);
    while (!key.empty() && key.front() == ' ') key.erase(key.begin());
    while (!key.empty() && key.back() == ' ') key.pop_back();
    auto it = values.find(key);
    if (it != values.end()) out += it->second;
    pos = close + 2;
  }
  return out + tmpl.substr(pos);
}

std::string short_text(std::string_view t, size_t limit = 60) {
  t = t.substr(0, t.find('\n'));
  if (t.size() > limit) return std::string(t.substr(0, limit)) + "...";
  return std::string(t);
}

Finding make_taint_finding(const TaintRule& rule, const SourceUnit& unit, const taint::SinkSite& site,
                           const taint::Hit& hit) {
  std::vector<FlowStep> flow;
  std::string origin;
  for (const taint::Step* s = hit.taint.path.get(); s; s = s->prev.get()) {
    flow.push_back(s->step);
    if (!s->prev) origin = s->origin;
  }
  std::reverse(flow.begin(), flow.end());
  std::string sink_text = short_text(unit.tree->text(site.sink));
  std::string arg_text = site.args.empty() ? "" : short_text(unit.tree->text(site.args.front()));
  Finding f = make_finding(unit, site.sink, rule.id, std::string(unit.tree->text(site.sink)) + "\n" + origin);
  f.agent = rule.info.agent;
  f.severity = rule.info.severity;
  // Each helper call or container round-trip makes the path less certain.
  f.confidence = std::max(0.1, rule.confidence - 0.1 * std::min(hit.taint.hops, 2));
  f.confidence = std::round(f.confidence * 100) / 100;
  f.message = expand(rule.message, {{"source", short_text(origin)}, {"sink", sink_text}, {"arg", arg_text}});
  f.rationale = rule.rationale;
  f.fix_text = rule.fix_text;
  f.cwe = rule.info.cwe;
  f.owasp = rule.info.owasp;
  f.flow = std::move(flow);
  return f;
}

bool path_selected(const TaintRule& r, std::string_view path) {
  for (const auto& g : r.exclude_paths)
    if (util::glob_match(g, path)) return false;
  if (r.include_paths.empty()) return true;
  for (const auto& g : r.include_paths)
    if (util::glob_match(g, path)) return true;
  return false;
}

std::string unit_label(const taint::Unit& u) {
  std::string name = u.is_module ? "module code" : "function " + (u.name.empty() ? std::string("<anonymous>") : u.name);
  return name + " (line " + std::to_string(ts_node_start_point(u.node).row + 1) + ")";
}

}  // namespace

const std::string& taint_rule_id(const TaintRule& rule) {
  return rule.id;
}

bool taint_rule_applies(const TaintRule& rule, std::string_view grammar_id, std::string_view path) {
  return rule.grammar_index(grammar_id) >= 0 && path_selected(rule, path);
}

RuleInfo taint_rule_info(const TaintRule& rule) {
  return rule.info;
}
std::string taint_rule_agent(const TaintRule& rule) {
  return rule.info.agent;
}
const std::vector<std::string>& taint_rule_supersedes(const TaintRule& rule) {
  return rule.supersedes;
}

std::vector<Finding> run_taint_rules(const std::vector<const TaintRule*>& rules, const SourceUnit& unit,
                                     std::vector<std::string>& notes) {
  std::vector<Finding> out;
  if (rules.empty() || !unit.tree) return out;
  const syntax::Tree& tree = *unit.tree;
  MatchCache cache(unit);
  taint::Budget budget;
  taint::Program program;
  bool lowered = false, supported = true;
  std::set<int> noted;
  for (const TaintRule* rule : rules) {
    int gi = rule->grammar_index(unit.grammar);
    if (gi < 0 || !path_selected(*rule, unit.path)) continue;
    // Without a sink word there is no sink, and the rule need not even be compiled.
    if (!rule->sink_gate.empty() && !unit.tokens().contains_any(rule->sink_gate)) continue;
    // Cheap checks first: no source or no sink in the file means nothing to follow. Sources
    // first: rules of a language share their source queries, so those run once per file.
    std::string error;
    if (!prepare_taint_language(*rule, gi, &error)) {
      notes.push_back(error);
      continue;
    }
    // Token checks cost nothing next to a query: skip a rule none of whose sinks can match.
    bool sink_possible = false;
    for (const auto& p : rule->sinks)
      sink_possible = sink_possible || (p.query[gi] && cache.may_match(p.prefilter[gi]));
    if (!sink_possible) continue;
    RuleIndex idx;
    if (!collect_sources(*rule, gi, cache, tree, idx)) continue;
    if (!collect_sinks(*rule, gi, cache, tree, idx)) continue;
    collect_rest(*rule, gi, cache, tree, idx);
    if (!lowered) {
      supported = taint::lower_program(unit.grammar, tree.root(), unit.source, budget, program);
      lowered = true;
    }
    if (!supported) break;
    taint::Analyzer an(program, idx, budget, unit.path, unit.source);
    auto over = [&](int u) {
      if (noted.insert(u).second)
        notes.push_back(unit_label(program.units[u]) + " exceeds the taint budget; pattern rules only");
    };
    try {
      an.run_module();
    } catch (const taint::StepsExhausted&) {
      over(0);
    }
    for (size_t u = 0; u < program.units.size(); ++u) {
      const taint::Unit& tu = program.units[u];
      if (tu.over_budget) {
        // Only worth a note when the rule had something to follow there.
        uint32_t b = ts_node_start_byte(tu.node), e = ts_node_end_byte(tu.node);
        for (const auto& s : idx.sinks) {
          uint32_t sb = ts_node_start_byte(s.sink);
          if (sb >= b && sb < e) {
            over(static_cast<int>(u));
            break;
          }
        }
        continue;
      }
      if (!an.is_root(static_cast<int>(u))) continue;
      try {
        an.run_root(static_cast<int>(u));
      } catch (const taint::StepsExhausted&) {
        over(static_cast<int>(u));
      }
    }
    // One finding per sink node: the most direct of the flows into it.
    std::map<std::pair<uint32_t, uint32_t>, std::pair<int, const taint::Hit*>> best;
    for (const auto& [site, hit] : an.hits()) {
      const taint::SinkSite& s = idx.sinks[site];
      auto& slot = best[{ts_node_start_byte(s.sink), ts_node_end_byte(s.sink)}];
      const taint::Hit* cur = slot.second;
      if (!cur || hit.taint.hops < cur->taint.hops ||
          (hit.taint.hops == cur->taint.hops &&
           (hit.taint.path->length < cur->taint.path->length ||
            (hit.taint.path->length == cur->taint.path->length && site < slot.first))))
        slot = {site, &hit};
    }
    for (const auto& [range, pick] : best)
      out.push_back(make_taint_finding(*rule, unit, idx.sinks[pick.first], *pick.second));
  }
  return out;
}

}  // namespace copilot::review
