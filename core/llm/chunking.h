#pragma once
// Large changes are split into requests that fit a token budget: by file,
// then by hunk. Each hunk travels with the function around it (found with
// tree-sitter) and the file's imports when they fit; a hunk is never cut in
// the middle: one that does not fit on its own is left out with a note.
#include <string>
#include <string_view>
#include <vector>

namespace copilot::llm {

/// 1-based, inclusive.
struct LineRange {
  int first = 0, last = 0;
};

struct Chunk {
  std::string path;
  std::string language;            ///< grammar id, or ""
  std::string imports;             ///< the file's import lines, verbatim
  std::string code;                ///< numbered lines; '+' marks changed ones, "..." a gap
  std::vector<LineRange> changed;  ///< the changed lines this chunk carries
  LineRange shown;                 ///< first and last line in `code`
  long long tokens = 0;            ///< estimate for imports and code
};

struct ChunkPlan {
  std::vector<Chunk> chunks;
  std::vector<std::string> skipped;  ///< "path:12-80: ..." for hunks too large to send
};

/// Splits one file's changed lines into chunks of at most `budget` estimated tokens.
ChunkPlan split_change(const std::string& path, std::string_view content, std::string_view grammar,
                       std::vector<LineRange> changed, long long budget);

/// Whole files (review --all): consecutive blocks of lines that fit the budget.
std::vector<LineRange> whole_file_ranges(std::string_view content, long long budget);

}  // namespace copilot::llm
