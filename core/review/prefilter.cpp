#include "review/prefilter.h"

#include <algorithm>
#include <cctype>
#include <climits>
#include <functional>
#include <set>
#include <unordered_set>

namespace copilot::review {
namespace {

bool identifier_char(char ch) {
  return std::isalnum(static_cast<unsigned char>(ch)) || ch == '_' || ch == '$';
}

/// Words so frequent in code that starting from each occurrence costs more
/// than one walk over the tree.
bool very_common(std::string_view w) {
  static const std::unordered_set<std::string_view> kWords = {};
  return kWords.count(w) != 0;
}

/// The top-level patterns of a query's text (comments and strings skipped).
std::vector<std::string_view> top_level_patterns(std::string_view text) {
  std::vector<std::string_view> out;
  int depth = 0;
  size_t start = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    char ch = text[i];
    if (ch == ';') {
      while (i < text.size() && text[i] != '\n') ++i;
    } else if (ch == '"') {
      for (++i; i < text.size() && text[i] != '"'; ++i)
        if (text[i] == '\\') ++i;
    } else if (ch == '(' || ch == '[') {
      if (depth++ == 0) start = i;
    } else if ((ch == ')' || ch == ']') && depth > 0 && --depth == 0) {
      out.push_back(text.substr(start, i + 1 - start));
    }
  }
  return out;
}

/// Skips a string or a comment starting at `i`; returns the index after it, or `i`.
size_t skip_literal(std::string_view t, size_t i) {
  if (t[i] == ';') {
    while (i < t.size() && t[i] != '\n') ++i;
    return i;
  }
  if (t[i] == '"') {
    for (++i; i < t.size() && t[i] != '"'; ++i)
      if (t[i] == '\\') ++i;
    return i + 1;
  }
  return i;
}

/// The index of the bracket closing the one at `open`, or npos.
size_t closing(std::string_view t, size_t open) {
  int depth = 0;
  for (size_t i = open; i < t.size(); ++i) {
    if (t[i] == ';' || t[i] == '"') {
      i = skip_literal(t, i) - 1;
    } else if (t[i] == '(' || t[i] == '[') {
      ++depth;
    } else if ((t[i] == ')' || t[i] == ']') && --depth == 0) {
      return i;
    }
  }
  return std::string_view::npos;
}

/// Whether every match of the pattern has exactly one node for `capture`: it
/// occurs once, under no alternation and no `?` or `*` quantifier.
bool captured_once(std::string_view p, std::string_view capture) {
  std::vector<size_t> open;  // enclosing brackets at the capture
  size_t found = std::string_view::npos;
  for (size_t i = 0; i < p.size(); ++i) {
    char ch = p[i];
    if (ch == ';' || ch == '"') {
      i = skip_literal(p, i) - 1;
    } else if (ch == '(' && i + 1 < p.size() && p[i + 1] == '#') {
      size_t end = closing(p, i);  // a predicate names captures without capturing
      if (end == std::string_view::npos) return false;
      i = end;
    } else if (ch == '(' || ch == '[') {
      open.push_back(i);
    } else if (ch == ')' || ch == ']') {
      if (!open.empty()) open.pop_back();
    } else if (ch == '@' && p.substr(i + 1, capture.size()) == capture &&
               (i + 1 + capture.size() == p.size() || !identifier_char(p[i + 1 + capture.size()]))) {
      if (found != std::string_view::npos) return false;
      found = i;
      // The captured node's own quantifier sits between it and its captures.
      size_t b = i;
      while (b > 0) {
        char c = p[b - 1];
        if (c == ' ' || c == '\n' || c == '\t') {
          --b;
        } else if (identifier_char(c) || c == '.' || c == '-') {
          size_t k = b;
          while (k > 0 && (identifier_char(p[k - 1]) || p[k - 1] == '.' || p[k - 1] == '-')) --k;
          if (k == 0 || p[k - 1] != '@') break;
          b = k - 1;  // another capture of the same node
        } else {
          break;
        }
      }
      if (b > 0 && (p[b - 1] == '?' || p[b - 1] == '*')) return false;
      for (size_t o : open) {
        if (p[o] == '[') return false;
        size_t c = closing(p, o);
        if (c == std::string_view::npos) return false;
        if (c + 1 < p.size() && (p[c + 1] == '?' || p[c + 1] == '*')) return false;
      }
    }
  }
  return found != std::string_view::npos;
}

/// Each #eq?/#any-of? predicate of a pattern: its capture and quoted values.
std::vector<std::pair<std::string_view, std::vector<std::string_view>>> word_predicates(std::string_view p) {
  std::vector<std::pair<std::string_view, std::vector<std::string_view>>> out;
  for (std::string_view head : {"(#eq?", "(#any-of?"}) {
    for (size_t at = p.find(head); at != std::string_view::npos; at = p.find(head, at + 1)) {
      size_t i = at + head.size();
      while (i < p.size() && (p[i] == ' ' || p[i] == '\n' || p[i] == '\t')) ++i;
      if (i >= p.size() || p[i] != '@') continue;
      size_t j = i + 1;
      while (j < p.size() && (identifier_char(p[j]) || p[j] == '.' || p[j] == '-')) ++j;
      std::string_view capture = p.substr(i + 1, j - i - 1);
      std::vector<std::string_view> values;
      for (i = j; i < p.size() && p[i] != ')';) {
        if (p[i] != '"') {
          ++i;
          continue;
        }
        size_t e = i + 1;
        while (e < p.size() && p[e] != '"') e += p[e] == '\\' ? 2 : 1;
        values.push_back(p.substr(i + 1, std::min(e, p.size()) - i - 1));
        i = e + 1;
      }
      if (!values.empty()) out.emplace_back(capture, std::move(values));
    }
  }
  return out;
}

}  // namespace

bool names_rare_words(std::string_view query_text) {
  auto patterns = top_level_patterns(query_text);
  if (patterns.empty()) return false;
  for (std::string_view p : patterns) {
    bool named = false;
    for (const auto& [capture, values] : word_predicates(p)) {
      bool rare = !values.empty();
      for (std::string_view v : values) {
        auto words = identifiers(v);
        bool all_common = !words.empty();
        for (const auto& w : words) all_common = all_common && very_common(w);
        rare = rare && !words.empty() && !all_common;
      }
      named = named || rare;
    }
    if (!named) return false;
  }
  return true;
}

std::vector<std::string> gate_words(std::string_view query_text) {
  std::set<std::string> words;
  auto patterns = top_level_patterns(query_text);
  if (patterns.empty()) return {};
  for (std::string_view p : patterns) {
    bool gated = false;
    for (const auto& [capture, values] : word_predicates(p)) {
      if (!captured_once(p, capture)) continue;
      std::vector<std::string> mine;
      bool every_value_has_words = true;
      for (std::string_view v : values) {
        auto ids = identifiers(v);
        every_value_has_words = every_value_has_words && !ids.empty();
        mine.insert(mine.end(), ids.begin(), ids.end());
      }
      if (!every_value_has_words) continue;
      words.insert(mine.begin(), mine.end());
      gated = true;
      break;
    }
    if (!gated) return {};
  }
  return {words.begin(), words.end()};
}

bool FileTokens::contains_any(const std::vector<std::string>& words) const {
  for (const auto& w : words)
    if (contains(w)) return true;
  return false;
}

std::vector<std::string> identifiers(std::string_view value) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < value.size()) {
    if (!identifier_char(value[i])) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < value.size() && identifier_char(value[j])) ++j;
    out.emplace_back(value.substr(i, j - i));
    i = j;
  }
  return out;
}

Prefilter prefilter_for(const syntax::Query& q) {
  Prefilter pf;
  uint32_t patterns = ts_query_pattern_count(q.get());
  if (patterns == 0) return pf;
  for (uint32_t p = 0; p < patterns; ++p) {
    // A pattern of sibling nodes has no single root that contains its words.
    if (!ts_query_is_pattern_rooted(q.get(), p)) return {};
    const syntax::Predicate* best = nullptr;
    size_t best_len = 0;
    for (const auto& pred : q.predicates(p)) {
      if (pred.negated || pred.kind == syntax::Predicate::Kind::match || pred.other_capture >= 0 ||
          pred.values.empty() || pred.capture < 0)
        continue;
      // A capture that may be absent (an alternative, an optional node) constrains nothing.
      TSQuantifier quantifier = ts_query_capture_quantifier_for_id(q.get(), p, static_cast<uint32_t>(pred.capture));
      if (quantifier != TSQuantifierOne && quantifier != TSQuantifierOneOrMore) continue;
      size_t shortest = SIZE_MAX;
      for (const auto& v : pred.values) shortest = std::min(shortest, v.size());
      if (!best || shortest > best_len) {
        best = &pred;
        best_len = shortest;
      }
    }
    if (!best) return {};
    for (const auto& v : best->values) {
      auto words = identifiers(v);
      if (words.empty()) return {};
      pf.any_of.push_back(std::move(words));
    }
  }
  pf.always = false;
  return pf;
}

FileTokens::FileTokens(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    if (!identifier_char(s[i])) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < s.size() && identifier_char(s[j])) ++j;
    at_[s.substr(i, j - i)].push_back(static_cast<uint32_t>(i));
    i = j;
  }
}

const std::vector<uint32_t>& FileTokens::offsets(std::string_view word) const {
  static const std::vector<uint32_t> none;
  auto it = at_.find(word);
  return it == at_.end() ? none : it->second;
}

void for_each_match_at_words(const syntax::Query& q, const syntax::Tree& tree, const FileTokens& tokens,
                             const Prefilter& pf, const std::function<bool(const syntax::Match&)>& fn) {
  if (!tokens.may_match(pf)) return;
  std::unordered_set<const void*> tried;
  std::vector<TSNode> path;
  TSNode root = tree.root();
  TSTreeCursor cursor = ts_tree_cursor_new(root);
  bool go_on = true;
  for (const auto& group : pf.any_of) {
    bool all = true;
    for (const auto& w : group) all = all && tokens.contains(w);
    if (!all) continue;
    // The longest word of the group is the rarest place to start from.
    const std::string& word =
        *std::max_element(group.begin(), group.end(), [](const auto& a, const auto& b) { return a.size() < b.size(); });
    for (uint32_t at : tokens.offsets(word)) {
      // The path from the root down to the word (ts_node_parent would walk
      // down from the root again for every step up).
      path.clear();
      ts_tree_cursor_reset(&cursor, root);
      do path.push_back(ts_tree_cursor_current_node(&cursor));
      while (ts_tree_cursor_goto_first_child_for_byte(&cursor, at) >= 0 &&
             ts_node_start_byte(ts_tree_cursor_current_node(&cursor)) <= at);
      // Ancestors above a node already tried were tried with it.
      for (auto it = path.rbegin(); go_on && it != path.rend() && tried.insert(it->id).second; ++it)
        syntax::for_each_match(
            q, tree, *it,
            [&](const syntax::Match& m) {
              go_on = fn(m);
              return go_on;
            },
            0);
      if (!go_on) break;
    }
    if (!go_on) break;
  }
  ts_tree_cursor_delete(&cursor);
}

bool FileTokens::may_match(const Prefilter& pf) const {
  if (pf.always) return true;
  for (const auto& group : pf.any_of) {
    bool all = true;
    for (const auto& w : group) all = all && contains(w);
    if (all) return true;
  }
  return false;
}

}  // namespace copilot::review
