#include "review/engine.h"

#include <algorithm>
#include <cstdint>
#include <map>
#include <mutex>
#include <set>
#include <tuple>
#include <unordered_set>

#include "util/hash.h"
#include "util/strings.h"

namespace copilot::review {
namespace {

/// True when an ancestor of `node` is matched by the scope query with a @scope
/// capture (or, without one, the match's first capture) that strictly contains
/// `node`. Each ancestor is tried as the root of a match only, which touches a
/// handful of nodes instead of walking the whole tree for every rule.
bool in_scope(const syntax::Query& q, const syntax::Tree& tree, TSNode node) {
  int scope = q.capture_index("scope");
  uint32_t b = ts_node_start_byte(node), e = ts_node_end_byte(node);
  for (TSNode a = ts_node_parent(node); !ts_node_is_null(a); a = ts_node_parent(a)) {
    bool hit = false;
    syntax::for_each_match(
        q, tree, a,
        [&](const syntax::Match& m) {
          for (const auto& c : m.captures) {
            if (scope >= 0 && c.index != scope) continue;
            uint32_t sb = ts_node_start_byte(c.node), se = ts_node_end_byte(c.node);
            hit = sb <= b && e <= se && !(sb == b && se == e);
            break;
          }
          return !hit;
        },
        0);
    if (hit) return true;
  }
  return false;
}

std::string line_text(std::string_view source, uint32_t row) {
  size_t pos = 0;
  for (uint32_t i = 0; i < row && pos != std::string_view::npos; ++i) {
    pos = source.find('\n', pos);
    if (pos != std::string_view::npos) ++pos;
  }
  if (pos == std::string_view::npos || pos > source.size()) return "";
  size_t end = source.find('\n', pos);
  std::string_view line = source.substr(pos, end == std::string_view::npos ? std::string_view::npos : end - pos);
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  return std::string(line.substr(0, 400));
}

std::string expand(const std::string& tmpl, const syntax::Query& q, const syntax::Match& m, const syntax::Tree& tree,
                   size_t limit) {
  std::string out;
  size_t pos = 0;
  while (pos < tmpl.size()) {
    size_t open = tmpl.find("{{", pos);
    if (open == std::string::npos) break;
    size_t close = tmpl.find("}}", open);
    if (close == std::string::npos) break;
    out += tmpl.substr(pos, open - pos);
    std::string name(util::trim(std::string_view(tmpl).substr(open + 2, close - open - 2)));
    int idx = q.capture_index(name);
    for (const auto& c : m.captures) {
      if (c.index == idx) {
        std::string_view text = tree.text(c.node);
        if (text.size() > limit)
          out += std::string(text.substr(0, limit)) + "…";
        else
          out += text;
        break;
      }
    }
    pos = close + 2;
  }
  return out + tmpl.substr(pos);
}

bool conditions_hold(const Rule& rule, const syntax::Query& q, const syntax::Match& m, const syntax::Tree& tree) {
  for (const auto& c : rule.where) {
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

std::string normalise(std::string_view text) {
  std::string out;
  bool space = false;
  for (char ch : text.substr(0, 2000)) {
    if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += ch;
  }
  return out;
}

}  // namespace

Finding make_finding(const SourceUnit& unit, TSNode node, std::string rule_id, std::string_view key_text) {
  Finding f;
  f.rule_id = std::move(rule_id);
  TSPoint s = ts_node_start_point(node), e = ts_node_end_point(node);
  f.location = {unit.path, static_cast<int>(s.row) + 1, static_cast<int>(s.column) + 1, static_cast<int>(e.row) + 1,
                static_cast<int>(e.column) + 1};
  f.snippet = line_text(unit.source, s.row);
  f.fingerprint = normalise(key_text);  // replaced by assign_fingerprints
  return f;
}

void assign_fingerprints(std::vector<Finding>& findings, std::string_view) {
  std::map<std::tuple<std::string, std::string, std::string>, int> seen;
  for (auto& f : findings) {
    int n = seen[{f.rule_id, f.location.file, f.fingerprint}]++;
    f.fingerprint =
        util::hash_hex(f.rule_id + '\0' + f.location.file + '\0' + f.fingerprint + '\0' + std::to_string(n));
  }
}

namespace {

Result<std::shared_ptr<const RulePack>> build_pack(const std::vector<const Rule*>& mine, const std::string& grammar) {
  // One query holding every rule's patterns: tree-sitter then walks each tree
  // once and dispatches by node type, instead of once per rule.
  std::string text;
  std::vector<std::pair<uint32_t, const Rule*>> starts;
  for (const Rule* r : mine) {
    starts.emplace_back(static_cast<uint32_t>(text.size()), r);
    text += r->query_text;
    text += "\n";
  }
  auto pack = std::make_shared<RulePack>();
  if (!mine.empty()) {
    auto q = syntax::compile_query(grammar, text);
    if (!q) {
      // Find the rule at fault, with its own file and line.
      for (const Rule* r : mine) {
        Rule copy = *r;
        std::vector<std::string> only{grammar};
        if (auto c = compile_rule(copy, &only); !c) return c.error();
      }
      return Error{"rules for " + grammar + ": " + q.error().message};
    }
    pack->query = *q;
    int match = pack->query->capture_index("match");
    uint32_t patterns = ts_query_pattern_count(pack->query->get());
    pack->pattern_rule.resize(patterns);
    for (uint32_t p = 0; p < patterns; ++p) {
      uint32_t at = ts_query_start_byte_for_pattern(pack->query->get(), p);
      auto it =
          std::upper_bound(starts.begin(), starts.end(), at, [](uint32_t v, const auto& s) { return v < s.first; });
      const Rule* r = std::prev(it)->second;
      pack->pattern_rule[p] = r;
      if (match < 0 ||
          ts_query_capture_quantifier_for_id(pack->query->get(), p, static_cast<uint32_t>(match)) == TSQuantifierZero) {
        Rule copy = *r;  // its own compile reports the pattern and line
        std::vector<std::string> only{grammar};
        if (auto c = compile_rule(copy, &only); !c) return c.error();
        return Error{r->file.string() + ": a query pattern has no @match capture"};
      }
    }
    // Scope queries stay per rule; they run only when the rule matched.
    for (const Rule* r : mine) {
      int gi = r->grammar_index(grammar);
      auto& rule = const_cast<Rule&>(*r);  // this grammar's slots are written only here, once per pack
      if (!rule.inside.empty() && !rule.inside[gi]) {
        auto c = syntax::compile_query(grammar, rule.inside_text);
        if (!c)
          return Error{rule.file.string() + ":" + std::to_string(rule.inside_line) + ": inside for " + grammar + ": " +
                       c.error().message};
        rule.inside[gi] = *c;
      }
      if (!rule.not_inside.empty() && !rule.not_inside[gi]) {
        auto c = syntax::compile_query(grammar, rule.not_inside_text);
        if (!c)
          return Error{rule.file.string() + ":" + std::to_string(rule.not_inside_line) + ": not-inside for " + grammar +
                       ": " + c.error().message};
        rule.not_inside[gi] = *c;
      }
    }
  }
  return std::shared_ptr<const RulePack>(pack);
}

}  // namespace

struct AnchoredQuery {
  std::once_flag once;
  std::shared_ptr<const syntax::Query> query;
  Prefilter prefilter;  ///< `always` when a pattern names no word: then the whole tree is walked
  std::string error;
};

struct PackEntry {
  std::once_flag once;
  std::shared_ptr<const RulePack> pack;
  std::string error;
};

struct CompiledRules {
  std::mutex mu;
  std::map<std::string, std::shared_ptr<PackEntry>> packs;
  std::map<std::pair<const Rule*, std::string>, std::unique_ptr<AnchoredQuery>> anchored;
};

std::shared_ptr<CompiledRules> new_compiled_rules() {
  return std::make_shared<CompiledRules>();
}

Result<std::shared_ptr<const RulePack>> rule_pack(const std::vector<const Rule*>& rules, const std::string& grammar) {
  std::vector<const Rule*> mine;
  // The rules themselves are the key: a selection of other rule objects with
  // the same ids (their severities changed, say) must not get these.
  std::string key = grammar;
  for (const Rule* r : rules) {
    if (r->anchored || r->grammar_index(grammar) < 0) continue;
    mine.push_back(r);
    key += '\0' + r->id + '@' + std::to_string(reinterpret_cast<uintptr_t>(r));
  }
  if (mine.empty()) return std::make_shared<const RulePack>();
  // Rules passed together come from one load: the pack lives, and dies, with it.
  CompiledRules& compiled = *mine.front()->compiled;
  std::shared_ptr<PackEntry> entry;
  {
    std::lock_guard lock(compiled.mu);
    auto& slot = compiled.packs[key];
    if (!slot) slot = std::make_shared<PackEntry>();
    entry = slot;
  }
  // Built once per key; other threads wanting the same pack wait here.
  std::call_once(entry->once, [&] {
    auto built = build_pack(mine, grammar);
    if (built)
      entry->pack = *built;
    else
      entry->error = built.error().message;
  });
  if (!entry->error.empty()) return Error{entry->error};
  return entry->pack;
}

namespace {

/// Turns one match of a rule into a finding, once per matched node, when the
/// rule's path, capture conditions and scopes allow it.
void report_match(const Rule& rule, const syntax::Query& q, const syntax::Match& m, const SourceUnit& unit,
                  std::set<std::pair<uint32_t, uint32_t>>& reported, std::vector<Finding>& out) {
  const syntax::Tree& tree = *unit.tree;
  int match_idx = q.capture_index("match");
  TSNode node{};
  bool found = false;
  for (const auto& c : m.captures)
    if (c.index == match_idx) {
      node = c.node;
      found = true;
    }
  if (!found || !conditions_hold(rule, q, m, tree)) return;
  int gi = rule.grammar_index(unit.grammar);
  if (!rule.inside.empty() && !in_scope(*rule.inside[gi], tree, node)) return;
  if (!rule.not_inside.empty() && in_scope(*rule.not_inside[gi], tree, node)) return;
  if (!reported.insert({ts_node_start_byte(node), ts_node_end_byte(node)}).second) return;

  Finding f = make_finding(unit, node, rule.id, tree.text(node));
  f.agent = rule.agent;
  f.severity = rule.severity;
  f.confidence = rule.confidence;
  f.message = expand(rule.message, q, m, tree, 60);
  f.rationale = rule.rationale;
  f.fix_text = rule.fix_text;
  f.cwe = rule.cwe;
  f.owasp = rule.owasp;
  if (!rule.fix_capture.empty()) {
    int fi = q.capture_index(rule.fix_capture);
    for (const auto& c : m.captures) {
      if (c.index != fi) continue;
      TSPoint s = ts_node_start_point(c.node), e = ts_node_end_point(c.node);
      f.fix = Replacement{{unit.path, static_cast<int>(s.row) + 1, static_cast<int>(s.column) + 1,
                           static_cast<int>(e.row) + 1, static_cast<int>(e.column) + 1},
                          expand(rule.fix_with, q, m, tree, 100000)};
      break;
    }
  }
  out.push_back(std::move(f));
}

AnchoredQuery& anchored_entry(const Rule& rule, const std::string& grammar) {
  CompiledRules& compiled = *rule.compiled;
  std::lock_guard lock(compiled.mu);
  auto& slot = compiled.anchored[{&rule, grammar}];
  if (!slot) slot = std::make_unique<AnchoredQuery>();
  return *slot;
}

const AnchoredQuery& anchored_query(const Rule& rule, const std::string& grammar) {
  AnchoredQuery& entry = anchored_entry(rule, grammar);
  std::call_once(entry.once, [&] {
    auto& mutable_rule = const_cast<Rule&>(rule);  // this grammar's slots are written only here, once
    std::vector<std::string> only{grammar};
    if (auto c = compile_rule(mutable_rule, &only); !c) {
      entry.error = c.error().message;
      return;
    }
    entry.query = rule.query[rule.grammar_index(grammar)];
    bool rooted = true;
    for (uint32_t p = 0; p < ts_query_pattern_count(entry.query->get()); ++p)
      rooted = rooted && ts_query_is_pattern_rooted(entry.query->get(), p);
    if (!rooted) return;  // a pattern of sibling nodes has no single root to anchor at
    if (rule.anchors.empty()) {
      entry.prefilter = prefilter_for(*entry.query);
    } else {
      entry.prefilter.always = false;
      for (const auto& a : rule.anchors) entry.prefilter.any_of.push_back({a});
    }
  });
  return entry;
}

/// Runs a rule's own query where its words occur (or over the whole tree
/// when it names none).
void run_anchored(const Rule& rule, const AnchoredQuery& aq, const SourceUnit& unit,
                  std::set<std::pair<uint32_t, uint32_t>>& reported, std::vector<Finding>& out) {
  const syntax::Query& q = *aq.query;
  auto on_match = [&](const syntax::Match& m) {
    report_match(rule, q, m, unit, reported, out);
    return true;
  };
  if (aq.prefilter.always)
    syntax::for_each_match(q, *unit.tree, unit.tree->root(), on_match);
  else
    for_each_match_at_words(q, *unit.tree, unit.tokens(), aq.prefilter, on_match);
}

}  // namespace

bool runs_anchored(const Rule& rule) {
  return rule.anchored;
}

Result<void> prepare_anchored(const Rule& rule, const std::string& grammar) {
  const AnchoredQuery& aq = anchored_query(rule, grammar);
  if (!aq.error.empty()) return Error{aq.error};
  return {};
}

std::vector<Finding> run_rules(const std::vector<const Rule*>& rules, const SourceUnit& unit) {
  std::vector<Finding> out;
  if (auto pack = rule_pack(rules, unit.grammar); pack && (*pack)->query) run_pack(**pack, unit, out);
  for (const Rule* rule : rules) {
    if (!rule->anchored || !rule->applies_to(unit.grammar) || !rule->path_selected(unit.path)) continue;
    if (!rule->gate.empty() && !unit.tokens().contains_any(rule->gate)) continue;  // not even compiled
    const AnchoredQuery& aq = anchored_query(*rule, unit.grammar);
    if (!aq.query) continue;
    std::set<std::pair<uint32_t, uint32_t>> reported;
    run_anchored(*rule, aq, unit, reported, out);
  }
  return out;
}

void run_pack(const RulePack& pack, const SourceUnit& unit, std::vector<Finding>& out) {
  const syntax::Query& q = *pack.query;
  struct PerRule {
    int selected = -1;  // -1 unknown, 0 no, 1 yes
    std::set<std::pair<uint32_t, uint32_t>> reported;
  };
  std::map<const Rule*, PerRule> state;
  syntax::for_each_match(q, *unit.tree, unit.tree->root(), [&](const syntax::Match& m) {
    const Rule* rule = pack.pattern_rule[m.pattern];
    PerRule& st = state[rule];
    if (st.selected < 0) st.selected = rule->path_selected(unit.path) ? 1 : 0;
    if (st.selected) report_match(*rule, q, m, unit, st.reported, out);
    return true;
  });
}

const FileTokens& SourceUnit::tokens() const {
  if (!token_cache) token_cache = std::make_shared<const FileTokens>(source);
  return *token_cache;
}

}  // namespace copilot::review
