#pragma once
// Tree-sitter registry: grammars by id, parsing, and compiled queries cached by text.
#include <tree_sitter/api.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "util/result.h"

namespace copilot::syntax {

/// Grammar ids: python, javascript, typescript, tsx, go, java, c, cpp, ruby, rust, bash.
const TSLanguage* grammar(std::string_view id);
const std::vector<std::string>& grammar_ids();

/// A parsed file. Holds a view of the source: the source must outlive the tree.
class Tree {
 public:
  Tree(TSTree* tree, std::string_view source) : tree_(tree, &ts_tree_delete), source_(source) {}
  TSNode root() const { return ts_tree_root_node(tree_.get()); }
  bool has_error() const { return ts_node_has_error(root()); }
  std::string_view source() const { return source_; }
  std::string_view text(TSNode node) const {
    uint32_t b = ts_node_start_byte(node), e = ts_node_end_byte(node);
    return e <= source_.size() && b <= e ? source_.substr(b, e - b) : std::string_view{};
  }

 private:
  std::shared_ptr<TSTree> tree_;
  std::string_view source_;
};

/// Parses with a per-thread parser. Fails only for an unknown grammar or a
/// parse that exceeded its time budget; syntax errors give a tree with ERROR nodes.
Result<Tree> parse(std::string_view grammar_id, std::string_view source);

/// A text predicate attached to a query pattern (#eq?, #match?, #any-of? and negations).
struct Predicate {
  enum class Kind { eq, match, any_of } kind;
  bool negated = false;
  int capture = -1;        ///< left-hand capture
  int other_capture = -1;  ///< for #eq? @a @b
  std::vector<std::string> values;
  std::shared_ptr<void> regex;  ///< compiled RE2 for #match?
};

class Query {
 public:
  Query(TSQuery* query, std::string source, std::vector<std::vector<Predicate>> predicates);
  const std::vector<Predicate>& predicates(uint32_t pattern) const { return predicates_[pattern]; }
  TSQuery* get() const { return query_.get(); }
  const std::vector<std::string>& capture_names() const { return capture_names_; }
  /// Index of a capture name, or -1.
  int capture_index(std::string_view name) const;
  const std::string& source() const { return source_; }

 private:
  std::shared_ptr<TSQuery> query_;
  std::vector<std::string> capture_names_;
  std::string source_;
  std::vector<std::vector<Predicate>> predicates_;
};

/// Where a query failed to compile, as a 1-based line/column within the query text.
struct QueryError {
  std::string message;
  int line = 0;
  int column = 0;
};

/// Compiles a query once per (grammar, text) and caches it; safe across threads.
Result<std::shared_ptr<const Query>> compile_query(std::string_view grammar_id, const std::string& source,
                                                   QueryError* error = nullptr);

struct Capture {
  int index;  ///< into Query::capture_names()
  TSNode node;
};
struct Match {
  uint32_t pattern;
  std::vector<Capture> captures;
};

/// Runs a query over a node; the callback returns false to stop early.
/// Text predicates (#eq?, #match?, #not-eq?, #not-match?, #any-of?) are applied.
/// With `max_start_depth` 0, only patterns rooted at `node` itself match, and
/// subtrees no pattern can reach are skipped (cheap checks on one node).
void for_each_match(const Query& query, const Tree& tree, TSNode node, const std::function<bool(const Match&)>& fn,
                    uint32_t max_start_depth = UINT32_MAX);

/// 1-based line and column of a node's start.
inline int start_line(TSNode n) {
  return static_cast<int>(ts_node_start_point(n).row) + 1;
}
inline int end_line(TSNode n) {
  return static_cast<int>(ts_node_end_point(n).row) + 1;
}

}  // namespace copilot::syntax
