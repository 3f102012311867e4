#include "llm/chunking.h"

#include <algorithm>
#include <optional>

#include "llm/types.h"
#include "syntax/syntax.h"
#include "util/strings.h"

namespace copilot::llm {
namespace {

constexpr long long kPerLineOverhead = 2;  ///< the line number and marker, in tokens

struct Window {
  LineRange show;
  std::vector<LineRange> changed;
};

bool is_function(std::string_view type) {
  bool fn = type.find("function") != std::string_view::npos || type.find("method") != std::string_view::npos ||
            type == "constructor_declaration" || type == "func_literal";
  return fn && type.find("call") == std::string_view::npos && type.find("invocation") == std::string_view::npos &&
         type.find("signature") == std::string_view::npos;
}

bool is_import(std::string_view type, std::string_view text) {
  return type.find("import") != std::string_view::npos || type.find("include") != std::string_view::npos ||
         type == "use_declaration" || type == "package_clause" || type == "package_declaration" ||
         type == "using_directive" ||
         ((type == "lexical_declaration" || type == "variable_declaration") &&
          text.find("require(") != std::string_view::npos);
}

/// The innermost function around `range`, as lines.
std::optional<LineRange> enclosing_function(const syntax::Tree& tree, LineRange range) {
  TSPoint from{static_cast<uint32_t>(range.first - 1), 0}, to{static_cast<uint32_t>(range.last - 1), 0};
  TSNode node = ts_node_descendant_for_point_range(tree.root(), from, to);
  for (; !ts_node_is_null(node); node = ts_node_parent(node))
    if (is_function(ts_node_type(node))) return LineRange{syntax::start_line(node), syntax::end_line(node)};
  return std::nullopt;
}

long long tokens_of(const std::vector<std::string_view>& lines, LineRange r) {
  long long total = 0;
  for (int l = r.first; l <= r.last && l <= static_cast<int>(lines.size()); ++l)
    total += estimate_tokens(lines[l - 1]) + kPerLineOverhead;
  return total;
}

std::string render(const std::vector<std::string_view>& lines, const std::vector<Window>& windows) {
  std::string out;
  for (size_t w = 0; w < windows.size(); ++w) {
    if (w > 0) out += "  ...\n";
    for (int l = windows[w].show.first; l <= windows[w].show.last && l <= static_cast<int>(lines.size()); ++l) {
      bool changed = std::any_of(windows[w].changed.begin(), windows[w].changed.end(),
                                 [&](const LineRange& c) { return l >= c.first && l <= c.last; });
      char number[16];
      std::snprintf(number, sizeof number, "%5d", l);
      out += std::string(changed ? "+" : " ") + number + " | " + std::string(lines[l - 1]) + "\n";
    }
  }
  return out;
}

}  // namespace

ChunkPlan split_change(const std::string& path, std::string_view content, std::string_view grammar,
                       std::vector<LineRange> changed, long long budget) {
  ChunkPlan plan;
  std::vector<std::string_view> lines = util::split_lines(content);
  const int line_count = static_cast<int>(lines.size());
  std::erase_if(changed, [&](const LineRange& r) { return r.first < 1 || r.first > line_count || r.last < r.first; });
  for (auto& r : changed) r.last = std::min(r.last, line_count);
  std::sort(changed.begin(), changed.end(), [](const LineRange& a, const LineRange& b) { return a.first < b.first; });
  if (changed.empty()) return plan;

  std::optional<syntax::Tree> tree;
  if (!grammar.empty())
    if (auto parsed = syntax::parse(grammar, content)) tree.emplace(std::move(*parsed));
  std::string imports;
  if (tree) {
    TSNode root = tree->root();
    for (uint32_t i = 0; i < ts_node_named_child_count(root); ++i) {
      TSNode child = ts_node_named_child(root, i);
      std::string_view text = tree->text(child);
      if (is_import(ts_node_type(child), text)) imports += std::string(text) + "\n";
    }
  }
  // Imports are context, not the point: they go only while they take at most a fifth of the budget.
  if (estimate_tokens(imports) > budget / 5) imports.clear();
  const long long room = budget - estimate_tokens(imports) - estimate_tokens(path) - 16;

  std::vector<Window> windows;
  for (const auto& r : changed) {
    Window w{r, {r}};
    if (tree)
      if (auto fn = enclosing_function(*tree, r);
          fn && tokens_of(lines, {std::min(fn->first, r.first), std::max(fn->last, r.last)}) <= room)
        w.show = {std::min(fn->first, r.first), std::max(fn->last, r.last)};
    if (!windows.empty() && w.show.first <= windows.back().show.last + 1 &&
        tokens_of(lines, {windows.back().show.first, std::max(w.show.last, windows.back().show.last)}) <= room) {
      windows.back().show.last = std::max(w.show.last, windows.back().show.last);
      windows.back().changed.push_back(r);
      continue;
    }
    windows.push_back(std::move(w));
  }

  std::vector<Window> pending;
  long long pending_tokens = 0;
  auto flush = [&] {
    if (pending.empty()) return;
    Chunk c;
    c.path = path;
    c.language = std::string(grammar);
    c.imports = imports;
    c.code = render(lines, pending);
    for (const auto& w : pending) c.changed.insert(c.changed.end(), w.changed.begin(), w.changed.end());
    c.shown = {pending.front().show.first, pending.back().show.last};
    c.tokens = estimate_tokens(imports) + pending_tokens;
    plan.chunks.push_back(std::move(c));
    pending.clear();
    pending_tokens = 0;
  };
  for (auto& w : windows) {
    long long t = tokens_of(lines, w.show);
    if (t > room) {
      for (const auto& r : w.changed)
        plan.skipped.push_back(path + ":" + std::to_string(r.first) + "-" + std::to_string(r.last) +
                               ": a changed block of about " + std::to_string(tokens_of(lines, r)) +
                               " tokens does not fit the per-request budget of " + std::to_string(budget) +
                               "; not sent to the model");
      continue;
    }
    if (pending_tokens + t > room) flush();
    pending.push_back(std::move(w));
    pending_tokens += t;
  }
  flush();
  return plan;
}

std::vector<LineRange> whole_file_ranges(std::string_view content, long long budget) {
  std::vector<std::string_view> lines = util::split_lines(content);
  std::vector<LineRange> out;
  long long room = std::max<long long>(budget * 4 / 5, 1), used = 0;
  for (int l = 1; l <= static_cast<int>(lines.size()); ++l) {
    long long t = estimate_tokens(lines[l - 1]) + kPerLineOverhead;
    if (out.empty() || used + t > room) {
      out.push_back({l, l});
      used = 0;
    }
    out.back().last = l;
    used += t;
  }
  return out;
}

}  // namespace copilot::llm
