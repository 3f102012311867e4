#include "review/engine.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "util/hash.h"
#include "util/strings.h"

namespace copilot::review {
namespace {

struct Range {
  uint32_t begin, end;
};

/// Byte ranges of every node a scope query matches (its @scope capture, or the
/// first capture of each match).
std::vector<Range> scope_ranges(const syntax::Query& q, const syntax::Tree& tree) {
  std::vector<Range> out;
  int scope = q.capture_index("scope");
  syntax::for_each_match(q, tree, tree.root(), [&](const syntax::Match& m) {
    for (const auto& c : m.captures) {
      if (scope < 0 || c.index == scope) {
        out.push_back({ts_node_start_byte(c.node), ts_node_end_byte(c.node)});
        break;
      }
    }
    return true;
  });
  return out;
}

bool within(const std::vector<Range>& ranges, TSNode n) {
  uint32_t b = ts_node_start_byte(n), e = ts_node_end_byte(n);
  for (const auto& r : ranges)
    if (r.begin <= b && e <= r.end && !(r.begin == b && r.end == e)) return true;
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

std::vector<Finding> run_rules(const std::vector<const Rule*>& rules, const SourceUnit& unit) {
  std::vector<Finding> out;
  const syntax::Tree& tree = *unit.tree;
  for (const Rule* rule : rules) {
    int gi = rule->grammar_index(unit.grammar);
    if (gi < 0 || !rule->path_selected(unit.path)) continue;
    const syntax::Query& q = *rule->query[gi];
    int match_idx = q.capture_index("match");
    std::vector<Range> inside, not_inside;
    bool have_inside = !rule->inside.empty(), have_not_inside = !rule->not_inside.empty();
    bool scopes_ready = false;
    std::set<std::pair<uint32_t, uint32_t>> reported;
    syntax::for_each_match(q, tree, tree.root(), [&](const syntax::Match& m) {
      TSNode node{};
      bool found = false;
      for (const auto& c : m.captures)
        if (c.index == match_idx) {
          node = c.node;
          found = true;
        }
      if (!found || !conditions_hold(*rule, q, m, tree)) return true;
      if ((have_inside || have_not_inside) && !scopes_ready) {
        if (have_inside) inside = scope_ranges(*rule->inside[gi], tree);
        if (have_not_inside) not_inside = scope_ranges(*rule->not_inside[gi], tree);
        scopes_ready = true;
      }
      if (have_inside && !within(inside, node)) return true;
      if (have_not_inside && within(not_inside, node)) return true;
      if (!reported.insert({ts_node_start_byte(node), ts_node_end_byte(node)}).second) return true;

      Finding f = make_finding(unit, node, rule->id, tree.text(node));
      f.agent = rule->agent;
      f.severity = rule->severity;
      f.confidence = rule->confidence;
      f.message = expand(rule->message, q, m, tree, 60);
      f.rationale = rule->rationale;
      f.fix_text = rule->fix_text;
      f.cwe = rule->cwe;
      f.owasp = rule->owasp;
      if (!rule->fix_capture.empty()) {
        int fi = q.capture_index(rule->fix_capture);
        for (const auto& c : m.captures) {
          if (c.index != fi) continue;
          TSPoint s = ts_node_start_point(c.node), e = ts_node_end_point(c.node);
          f.fix = Replacement{{unit.path, static_cast<int>(s.row) + 1, static_cast<int>(s.column) + 1,
                               static_cast<int>(e.row) + 1, static_cast<int>(e.column) + 1},
                              expand(rule->fix_with, q, m, tree, 100000)};
          break;
        }
      }
      out.push_back(std::move(f));
      return true;
    });
  }
  return out;
}

}  // namespace copilot::review
