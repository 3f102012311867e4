#pragma once
// C++ + GoogleTest behind the language interface (language.h). Internal to testgen/.
#include <string>
#include <string_view>
#include <vector>

#include "testgen/cases.h"
#include "testgen/language.h"
#include "testgen/unit.h"

namespace copilot::testgen::cpp {

/// The C++ row of the language table.
LanguageSupport support();

/// Free functions and public methods declared in a header, with their
/// namespaces; templates and overloads are listed as skipped. Throws behind an
/// `if` in inline bodies are raise sites. Also reads a source file's
/// definitions (for the guards of functions the header only declares).
ModuleUnits extract(std::string_view path, std::string_view source);

/// Throw guards as EXPECT_THROW, default-constructed objects for methods, skeletons.
std::vector<TestCase> derive_cases(const ModuleUnits& module, std::vector<SkippedUnit>& skipped);

std::string render(const ModuleUnits& module, const std::vector<TestCase>& cases, const std::string& unused);
std::string render_block(const ModuleUnits& module, const TestCase& c);

/// A parameter's type as a value: "const std::string&" → "std::string".
std::string plain(std::string_view type);

/// C++ values for a type (int, double, bool, std::string, std::vector of those); typical first.
std::vector<std::pair<std::string, std::string>> values_for(std::string_view type);

}  // namespace copilot::testgen::cpp
