#pragma once
// Markdown pieces the writers share: table cells that render literally.
#include <string>
#include <string_view>

namespace copilot::report {

/// Text in a table cell: Markdown punctuation is escaped so messages render
/// literally (no stray emphasis, HTML or broken columns); newlines become <br>.
std::string markdown_cell(std::string_view raw);

/// A code span in a table cell; GFM still splits cells on a bare '|' inside one.
std::string markdown_code(std::string_view raw);

/// A fenced code block holding `text` verbatim: the fence is longer than any
/// backtick run inside it.
std::string markdown_fence(std::string_view text, std::string_view language = "");

}  // namespace copilot::report
