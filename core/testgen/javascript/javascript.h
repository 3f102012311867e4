#pragma once
// JavaScript/TypeScript + Jest behind the language interface (language.h). Internal to testgen/.
#include <string>
#include <string_view>
#include <vector>

#include "testgen/cases.h"
#include "testgen/language.h"
#include "testgen/unit.h"

namespace copilot::testgen::javascript {

/// The name of the unit a CommonJS module is (`module.exports = function ...`): tests call `mod` itself.
inline constexpr const char* kModuleExport = "module.exports";

/// The JavaScript/TypeScript row of the language table.
LanguageSupport support();

/// Exported functions and classes (ES `export`, CommonJS `module.exports`) of one file.
ModuleUnits extract(std::string_view path, std::string_view source);

/// Test cases: exports present, throw guards, boundary tables from TypeScript
/// types and defaults, class factories, skeletons.
std::vector<TestCase> derive_cases(const ModuleUnits& module, std::vector<SkippedUnit>& skipped);

std::string render(const ModuleUnits& module, const std::vector<TestCase>& cases, const std::string& source_from_out);
std::string render_block(const ModuleUnits& module, const TestCase& c);

}  // namespace copilot::testgen::javascript
