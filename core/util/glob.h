#pragma once
#include <string_view>

namespace copilot::util {

/// gitignore-style glob over '/'-separated relative paths: `*` and `?` stay
/// within a segment, `**` spans segments, `[abc]` is a class. A pattern with no
/// '/' matches the last segment at any depth; a trailing '/' matches a directory
/// prefix.
bool glob_match(std::string_view pattern, std::string_view path);

}  // namespace copilot::util
