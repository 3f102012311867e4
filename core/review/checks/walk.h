#pragma once
#include <tree_sitter/api.h>

namespace copilot::review {

/// Pre-order walk over every node below `root` (inclusive), without recursion.
template <typename Fn>
void for_each_node(TSNode root, Fn&& fn) {
  TSTreeCursor cursor = ts_tree_cursor_new(root);
  for (;;) {
    fn(ts_tree_cursor_current_node(&cursor));
    if (ts_tree_cursor_goto_first_child(&cursor)) continue;
    for (;;) {
      if (ts_tree_cursor_goto_next_sibling(&cursor)) break;
      if (!ts_tree_cursor_goto_parent(&cursor)) {
        ts_tree_cursor_delete(&cursor);
        return;
      }
    }
  }
}

}  // namespace copilot::review
