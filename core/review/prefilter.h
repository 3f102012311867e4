#pragma once
// Word prefilters: a cheap necessary condition for a query to match a file,
// and the file's identifier tokens to test it against. They let a rule skip a
// file whose text cannot match, and run only where its words occur.
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "syntax/syntax.h"

namespace copilot::review {

/// Some group of identifiers that all occur in the text (derived from the
/// query's #eq?/#any-of? predicates). `always` when no such condition is known.
struct Prefilter {
  bool always = true;
  std::vector<std::vector<std::string>> any_of;
};

/// For each pattern of the query, the most selective positive text predicate
/// on a capture every match has gives the word groups one of which must occur.
/// `always` when some pattern has no such predicate.
Prefilter prefilter_for(const syntax::Query& q);

/// Identifier-like pieces of a predicate value ("os.path" -> os, path).
std::vector<std::string> identifiers(std::string_view value);

/// A guess made from a query's text before it is compiled (compiling is the
/// slow part): whether every top-level pattern has an #eq? or #any-of?
/// predicate naming words that are not all very common. prefilter_for() on
/// the compiled query has the final say.
bool names_rare_words(std::string_view query_text);

/// Words at least one of which every match of the query contains, read from
/// its text without compiling it: for each top-level pattern, an #eq? or
/// #any-of? predicate on a capture that every match has (it occurs once, under
/// no alternation or optional quantifier). Empty when some pattern has none.
/// A file without any of them need not even compile the query.
std::vector<std::string> gate_words(std::string_view query_text);

/// The identifier tokens of one file and the byte offsets where each occurs.
class FileTokens {
 public:
  explicit FileTokens(std::string_view source);
  bool contains(std::string_view word) const { return at_.count(word) != 0; }
  /// Where `word` occurs as a whole token; empty when it does not.
  const std::vector<uint32_t>& offsets(std::string_view word) const;
  bool may_match(const Prefilter& pf) const;
  bool contains_any(const std::vector<std::string>& words) const;

 private:
  std::unordered_map<std::string_view, std::vector<uint32_t>> at_;
};

/// Calls fn for every match of `q` in the tree, visiting only the ancestors of
/// the occurrences of the prefilter's words: every match contains a captured
/// node whose text holds one of its word groups, so the match's root is one of
/// them, and each is tried as a match root alone. Stops when fn returns false.
/// `pf` must not be `always`.
void for_each_match_at_words(const syntax::Query& q, const syntax::Tree& tree, const FileTokens& tokens,
                             const Prefilter& pf, const std::function<bool(const syntax::Match&)>& fn);

}  // namespace copilot::review
