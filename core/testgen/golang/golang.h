#pragma once
// Go + `go test` behind the language interface (language.h). Internal to testgen/.
#include <string>
#include <string_view>
#include <vector>

#include "testgen/cases.h"
#include "testgen/language.h"
#include "testgen/unit.h"

namespace copilot::testgen::golang {

/// The Go row of the language table.
LanguageSupport support();

/// Exported functions, methods and struct types of one file. Error returns and
/// panics behind an `if` are the raise sites ("error", "panic").
ModuleUnits extract(std::string_view path, std::string_view source);

/// Error and panic guards, struct factories, tables for --characterize, skeletons.
std::vector<TestCase> derive_cases(const ModuleUnits& module, std::vector<SkippedUnit>& skipped);

std::string render(const ModuleUnits& module, const std::vector<TestCase>& cases, const std::string& unused);
std::string render_block(const ModuleUnits& module, const TestCase& c);

/// Go values for a type: typical first; empty when the type is not a basic one or a slice of one.
std::vector<std::pair<std::string, std::string>> values_for(std::string_view type);

/// The test function prefix of a module (`Test_shop_price_`): unique within the generated package.
std::string test_prefix(const ModuleUnits& module);

}  // namespace copilot::testgen::golang
