#pragma once
// How the risk model sees a changed path: code, a test, or neither (docs,
// configuration, data), and which subsystem it belongs to.
#include <string>
#include <string_view>

namespace copilot::release {

/// Tests by their language's naming conventions or a test directory.
bool is_test_path(std::string_view path);
/// Source code in a programming language that is not a test; documentation,
/// data and markup formats (Markdown, JSON, YAML, XML...) are not code.
bool is_code_path(std::string_view path);
/// The top-level directory, or its first two levels under a generic container
/// such as src/, packages/ or services/ ("src/billing"); "(root)" for a file
/// at the top.
std::string subsystem_of(std::string_view path);

}  // namespace copilot::release
