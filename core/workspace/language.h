#pragma once
// Language detection and per-language comment syntax for line counting.
#include <cstdint>
#include <string_view>
#include <vector>

namespace copilot::workspace {

struct Language {
  std::string_view id;       ///< stable lowercase id used in config and rules: "python", "typescript", "cpp"
  std::string_view name;     ///< display name, as cloc prints it: "Python", "C/C++ Header"
  std::string_view grammar;  ///< tree-sitter grammar id in syntax/ ("tsx" for .tsx), or "" if none
};

/// Detects a file's language from its path (extension, then whole file name such
/// as "Dockerfile" or "Makefile") and, when that says nothing, from a shebang in
/// `first_line` ("#!/usr/bin/env python3"). Returns nullptr for unknown files.
const Language* detect_language(std::string_view path, std::string_view first_line);

/// True for formats that hold prose or assets rather than code or configuration
/// (translations, stylesheets, images, plain text): detectors that look for code
/// constructs, credentials or connection strings skip them.
bool is_prose_or_asset(const Language* language);

/// Looks a language up by id; nullptr if unknown.
const Language* language_by_id(std::string_view id);

/// All known languages.
const std::vector<Language>& all_languages();

struct LineCounts {
  int64_t code = 0;
  int64_t comment = 0;
  int64_t blank = 0;
};

/// Counts code, comment and blank lines the way cloc does: a line with any code
/// is code; a line holding only comment text (or only part of a block comment)
/// is comment; a line of whitespace is blank (inside a block comment too).
LineCounts count_lines(const Language& language, std::string_view content);

}  // namespace copilot::workspace
