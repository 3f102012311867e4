#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace copilot::util {

std::string_view trim(std::string_view s);
std::string to_lower(std::string_view s);
std::vector<std::string_view> split(std::string_view s, char sep);
/// Splits on '\n', dropping a trailing '\r'; a final empty line after the last '\n' is not returned.
std::vector<std::string_view> split_lines(std::string_view s);
bool ends_with(std::string_view s, std::string_view suffix);
bool starts_with(std::string_view s, std::string_view prefix);
bool contains(std::string_view s, std::string_view needle);
/// 1-based line number of a byte offset.
int line_of_offset(std::string_view s, size_t offset);
std::string join(const std::vector<std::string>& parts, std::string_view sep);

}  // namespace copilot::util
