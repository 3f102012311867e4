#pragma once
// File I/O at the edges of core: whole-file reads and atomic writes.
#include <filesystem>
#include <string>
#include <string_view>

#include "util/result.h"

namespace copilot::util {

Result<std::string> read_file(const std::filesystem::path& path);

/// Writes through a temporary file in the same directory and renames it over
/// `path`, so readers never see a half-written file.
Result<void> write_file_atomic(const std::filesystem::path& path, std::string_view content);

/// True when the first 8 KiB hold a NUL byte, the heuristic git and grep use.
bool looks_binary(std::string_view content);

/// Returns the byte offset of the first invalid UTF-8 sequence, or npos.
size_t first_invalid_utf8(std::string_view content);

}  // namespace copilot::util
