#pragma once
// Where a tree-sitter tree first goes wrong. Internal to testgen/.
#include "syntax/syntax.h"

namespace copilot::testgen {

/// 1-based line of the first ERROR or MISSING node under `n` (its own line if none is found).
inline int first_error_line(TSNode n) {
  if (ts_node_is_error(n) || ts_node_is_missing(n)) return syntax::start_line(n);
  for (uint32_t i = 0; i < ts_node_child_count(n); ++i) {
    TSNode c = ts_node_child(n, i);
    if (ts_node_has_error(c) || ts_node_is_missing(c)) return first_error_line(c);
  }
  return syntax::start_line(n);
}

}  // namespace copilot::testgen
