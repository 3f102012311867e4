#include "syntax/syntax.h"

#include <re2/re2.h>

#include <chrono>
#include <map>
#include <mutex>

extern "C" {
const TSLanguage* tree_sitter_python();
const TSLanguage* tree_sitter_javascript();
const TSLanguage* tree_sitter_typescript();
const TSLanguage* tree_sitter_tsx();
const TSLanguage* tree_sitter_go();
const TSLanguage* tree_sitter_java();
const TSLanguage* tree_sitter_c();
const TSLanguage* tree_sitter_cpp();
const TSLanguage* tree_sitter_ruby();
const TSLanguage* tree_sitter_rust();
const TSLanguage* tree_sitter_bash();
}

namespace copilot::syntax {
namespace {

struct GrammarEntry {
  const char* id;
  const TSLanguage* (*fn)();
};
constexpr GrammarEntry kGrammars[] = {
    {"python", tree_sitter_python},
    {"javascript", tree_sitter_javascript},
    {"typescript", tree_sitter_typescript},
    {"tsx", tree_sitter_tsx},
    {"go", tree_sitter_go},
    {"java", tree_sitter_java},
    {"c", tree_sitter_c},
    {"cpp", tree_sitter_cpp},
    {"ruby", tree_sitter_ruby},
    {"rust", tree_sitter_rust},
    {"bash", tree_sitter_bash},
};

// A parse that runs longer than this is abandoned: pathological input must not hang a review.
constexpr auto kParseBudget = std::chrono::seconds(10);

struct ParseDeadline {
  std::chrono::steady_clock::time_point until;
};

bool check_deadline(TSParseState* state) {
  auto* d = static_cast<ParseDeadline*>(state->payload);
  return std::chrono::steady_clock::now() > d->until;  // true cancels
}

std::vector<std::vector<Predicate>> read_predicates(TSQuery* q) {
  std::vector<std::vector<Predicate>> all(ts_query_pattern_count(q));
  for (uint32_t p = 0; p < all.size(); ++p) {
    uint32_t count = 0;
    const TSQueryPredicateStep* steps = ts_query_predicates_for_pattern(q, p, &count);
    uint32_t i = 0;
    while (i < count) {
      std::vector<const TSQueryPredicateStep*> pred;
      while (i < count && steps[i].type != TSQueryPredicateStepTypeDone) pred.push_back(&steps[i++]);
      ++i;
      if (pred.empty() || pred[0]->type != TSQueryPredicateStepTypeString) continue;
      uint32_t len;
      std::string name = ts_query_string_value_for_id(q, pred[0]->value_id, &len);
      Predicate out;
      out.negated = name.rfind("not-", 0) == 0;
      std::string base = out.negated ? name.substr(4) : name;
      if (base == "eq?")
        out.kind = Predicate::Kind::eq;
      else if (base == "match?")
        out.kind = Predicate::Kind::match;
      else if (base == "any-of?")
        out.kind = Predicate::Kind::any_of;
      else
        continue;  // unknown predicates (#set!, #is?) carry no text condition
      for (size_t k = 1; k < pred.size(); ++k) {
        if (pred[k]->type == TSQueryPredicateStepTypeCapture) {
          if (out.capture < 0)
            out.capture = static_cast<int>(pred[k]->value_id);
          else
            out.other_capture = static_cast<int>(pred[k]->value_id);
        } else {
          out.values.emplace_back(ts_query_string_value_for_id(q, pred[k]->value_id, &len));
        }
      }
      if (out.kind == Predicate::Kind::match && !out.values.empty()) {
        auto re = std::make_shared<RE2>(out.values[0], RE2::Quiet);
        if (re->ok()) out.regex = re;
      }
      all[p].push_back(std::move(out));
    }
  }
  return all;
}

std::string_view capture_text(const Match& m, int capture, std::string_view source, bool& found) {
  for (const auto& c : m.captures) {
    if (c.index == capture) {
      found = true;
      uint32_t b = ts_node_start_byte(c.node), e = ts_node_end_byte(c.node);
      return e <= source.size() ? source.substr(b, e - b) : std::string_view{};
    }
  }
  found = false;
  return {};
}

bool predicates_hold(const Query& query, const Match& m, std::string_view source) {
  for (const auto& p : query.predicates(m.pattern)) {
    bool found = false;
    std::string_view text = capture_text(m, p.capture, source, found);
    if (!found) continue;  // an optional capture that did not match constrains nothing
    bool ok = false;
    switch (p.kind) {
      case Predicate::Kind::eq:
        if (p.other_capture >= 0) {
          bool other_found = false;
          ok = text == capture_text(m, p.other_capture, source, other_found);
        } else {
          ok = !p.values.empty() && text == p.values[0];
        }
        break;
      case Predicate::Kind::match:
        ok =
            p.regex && RE2::PartialMatch(re2::StringPiece(text.data(), text.size()), *static_cast<RE2*>(p.regex.get()));
        break;
      case Predicate::Kind::any_of:
        for (const auto& v : p.values) ok = ok || text == v;
        break;
    }
    if (ok == p.negated) return false;
  }
  return true;
}

}  // namespace

const TSLanguage* grammar(std::string_view id) {
  for (const auto& g : kGrammars)
    if (id == g.id) return g.fn();
  return nullptr;
}

const std::vector<std::string>& grammar_ids() {
  static const std::vector<std::string> ids = [] {
    std::vector<std::string> v;
    for (const auto& g : kGrammars) v.emplace_back(g.id);
    return v;
  }();
  return ids;
}

Result<Tree> parse(std::string_view grammar_id, std::string_view source) {
  const TSLanguage* lang = grammar(grammar_id);
  if (!lang) return Error{"no tree-sitter grammar for '" + std::string(grammar_id) + "'"};
  // One parser per thread and grammar: parsers are not thread-safe but are reusable.
  struct Parsers {
    std::map<const TSLanguage*, TSParser*> by_lang;
    ~Parsers() {
      for (auto& [_, p] : by_lang) ts_parser_delete(p);
    }
  };
  thread_local Parsers parsers;
  TSParser*& parser = parsers.by_lang[lang];
  if (!parser) {
    parser = ts_parser_new();
    if (!ts_parser_set_language(parser, lang)) return Error{"grammar ABI mismatch for " + std::string(grammar_id)};
  }
  ParseDeadline deadline{std::chrono::steady_clock::now() + kParseBudget};
  TSInput input{};
  struct Src {
    std::string_view s;
  } src{source};
  input.payload = &src;
  input.encoding = TSInputEncodingUTF8;
  input.read = [](void* payload, uint32_t byte, TSPoint, uint32_t* read) -> const char* {
    auto* s = static_cast<Src*>(payload);
    if (byte >= s->s.size()) {
      *read = 0;
      return "";
    }
    *read = static_cast<uint32_t>(s->s.size() - byte);
    return s->s.data() + byte;
  };
  TSParseOptions options{&deadline, check_deadline};
  TSTree* tree = ts_parser_parse_with_options(parser, nullptr, input, options);
  if (!tree) {
    ts_parser_reset(parser);
    return Error{"parse exceeded its time budget"};
  }
  return Tree(tree, source);
}

Query::Query(TSQuery* query, std::string source, std::vector<std::vector<Predicate>> predicates)
    : query_(query, &ts_query_delete), source_(std::move(source)), predicates_(std::move(predicates)) {
  uint32_t n = ts_query_capture_count(query);
  for (uint32_t i = 0; i < n; ++i) {
    uint32_t len = 0;
    const char* name = ts_query_capture_name_for_id(query, i, &len);
    capture_names_.emplace_back(name, len);
  }
}

int Query::capture_index(std::string_view name) const {
  for (size_t i = 0; i < capture_names_.size(); ++i)
    if (capture_names_[i] == name) return static_cast<int>(i);
  return -1;
}

Result<std::shared_ptr<const Query>> compile_query(std::string_view grammar_id, const std::string& source,
                                                   QueryError* error) {
  static std::mutex mu;
  static std::map<std::pair<std::string, std::string>, std::shared_ptr<const Query>> cache;
  std::pair<std::string, std::string> key{std::string(grammar_id), source};
  {
    std::lock_guard lock(mu);
    auto it = cache.find(key);
    if (it != cache.end()) return it->second;
  }
  const TSLanguage* lang = grammar(grammar_id);
  if (!lang) return Error{"no tree-sitter grammar for '" + std::string(grammar_id) + "'"};
  uint32_t offset = 0;
  TSQueryError type = TSQueryErrorNone;
  TSQuery* q = ts_query_new(lang, source.data(), static_cast<uint32_t>(source.size()), &offset, &type);
  if (!q) {
    static const char* kinds[] = {"none",
                                  "syntax error",
                                  "unknown node type",
                                  "unknown field",
                                  "unknown capture",
                                  "invalid structure",
                                  "unknown language"};
    std::string kind = type < 7 ? kinds[type] : "error";
    int line = 1, col = 1;
    for (uint32_t i = 0; i < offset && i < source.size(); ++i) {
      if (source[i] == '\n') {
        ++line;
        col = 1;
      } else {
        ++col;
      }
    }
    size_t end = source.find_first_of(" \n()[]", offset);
    std::string near = source.substr(offset, end == std::string::npos ? 20 : std::min<size_t>(end - offset, 40));
    std::string msg = "query " + kind + (near.empty() ? "" : " at '" + near + "'");
    if (error) *error = {msg, line, col};
    return Error{msg + " (query line " + std::to_string(line) + ", column " + std::to_string(col) + ")"};
  }
  auto compiled = std::make_shared<const Query>(q, source, read_predicates(q));
  std::lock_guard lock(mu);
  return cache.emplace(key, compiled).first->second;
}

void for_each_match(const Query& query, const Tree& tree, TSNode node, const std::function<bool(const Match&)>& fn,
                    uint32_t max_start_depth) {
  // Cursors are reused from a per-thread pool; a callback that runs a nested
  // query takes another one.
  struct Pool {
    std::vector<TSQueryCursor*> free;
    ~Pool() {
      for (auto* c : free) ts_query_cursor_delete(c);
    }
  };
  thread_local Pool pool;
  struct Cursor {
    TSQueryCursor* c;
    Cursor() {
      if (pool.free.empty()) {
        c = ts_query_cursor_new();
      } else {
        c = pool.free.back();
        pool.free.pop_back();
      }
    }
    ~Cursor() { pool.free.push_back(c); }
  };
  Cursor cursor;
  ts_query_cursor_set_match_limit(cursor.c, 4096);
  ts_query_cursor_set_max_start_depth(cursor.c, max_start_depth);
  ts_query_cursor_exec(cursor.c, query.get(), node);
  TSQueryMatch raw;
  Match m;
  while (ts_query_cursor_next_match(cursor.c, &raw)) {
    m.pattern = raw.pattern_index;
    m.captures.clear();
    for (uint16_t i = 0; i < raw.capture_count; ++i)
      m.captures.push_back({static_cast<int>(raw.captures[i].index), raw.captures[i].node});
    if (!predicates_hold(query, m, tree.source())) continue;
    if (!fn(m)) break;
  }
}

}  // namespace copilot::syntax
