#pragma once
// Python + pytest behind the language interface (language.h). Internal to testgen/.
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "testgen/cases.h"
#include "testgen/language.h"
#include "testgen/unit.h"

namespace copilot::testgen::python {

/// The Python row of the language table.
LanguageSupport support();

/// Units of one Python file. Never fails: a syntax error or import-time side
/// effects set `skip_reason`; import_name/import_root are left to the caller.
ModuleUnits extract(std::string_view path, std::string_view source);

/// Test cases for a module's units (doctests, raise guards, boundary rows,
/// fixtures, smoke and skeleton tests), each with a stable id.
/// Units that get no test at all go to `skipped` with the reason.
std::vector<TestCase> derive_cases(const ModuleUnits& module, std::vector<SkippedUnit>& skipped);

/// The text of a generated pytest file holding `cases`, markers around each test.
/// `import_root_from_out` is the directory to put on sys.path, relative to the
/// test file's directory (or absolute).
std::string render(const ModuleUnits& module, const std::vector<TestCase>& cases,
                   const std::string& import_root_from_out);

/// One test block (markers included), as render() writes it; for merging.
std::string render_block(const ModuleUnits& module, const TestCase& c);

/// The `test_<name>.py` file generated for a module path.
std::string test_file_name(std::string_view module_path);

/// Decodes a Python string literal's source text (prefixes, quotes, escapes).
std::string decode_string_literal(std::string_view literal);

/// Doctest examples in a docstring; `first_line` is the docstring's line in the file.
std::vector<DocExample> parse_doctests(std::string_view docstring, int first_line);

}  // namespace copilot::testgen::python
