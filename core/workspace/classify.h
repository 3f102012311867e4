#pragma once
#include <string_view>

namespace copilot::workspace {

/// Why a file is left out of analysis (or not).
enum class FileKind {
  source,     ///< analysed
  vendored,   ///< third-party code: node_modules/, vendor/, third_party/, ...
  generated,  ///< machine-written: *_pb2.py, *.pb.go, "Code generated ... DO NOT EDIT"
  minified,   ///< *.min.js, or very long lines
  lock,       ///< package-lock.json, poetry.lock, go.sum, ...
  binary,     ///< NUL bytes or a binary extension
  too_large,  ///< over the size limit
};

std::string_view to_string(FileKind kind);

/// Classifies by path alone (directories, names, extensions).
FileKind classify_path(std::string_view path);

/// Refines a `source` classification with the file's content (binary bytes,
/// generated-file markers, minified lines). Returns the path classification otherwise.
FileKind classify_content(std::string_view path, std::string_view content);

}  // namespace copilot::workspace
