#pragma once
// Import cycles between files of the repository (Python and JavaScript/TypeScript).
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "review/finding.h"
#include "syntax/syntax.h"

namespace copilot::review {

struct ImportSource {
  std::string path;  ///< relative to the repository root
  std::string_view content;
  const syntax::Tree* tree = nullptr;  ///< the file's parse, when the review already has it
};

/// Reads another file of the repository by relative path (nullopt if absent).
using FileReader = std::function<std::optional<std::string>(const std::string& path)>;

/// Finds cycles that pass through at least one of `files`, following imports
/// into other files through `read` (at most `max_files` of them), and reports
/// each cycle once, at the import in the first reviewed file on it.
std::vector<Finding> find_import_cycles(const std::vector<ImportSource>& files, const FileReader& read,
                                        size_t max_files = 2000);

/// The metadata of the import-cycle check.
const RuleInfo& import_cycle_rule();

}  // namespace copilot::review
