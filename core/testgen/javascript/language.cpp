// The JavaScript/TypeScript row of the language table.
#include "testgen/javascript/javascript.h"
#include "testgen/javascript/runner.h"
#include "util/strings.h"

namespace copilot::testgen::javascript {
namespace {

constexpr std::string_view kExtensions[] = {".js", ".mjs", ".cjs", ".jsx", ".ts", ".mts", ".cts", ".tsx"};

std::string_view base_name(std::string_view path) {
  size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

bool is_test_file(std::string_view path) {
  std::string_view name = base_name(path);
  for (const char* marker : {".test.", ".spec.", ".e2e.", ".cy."})
    if (util::contains(name, marker)) return true;
  return util::contains(path, "__tests__/");
}

bool wants(std::string_view path) {
  std::string_view name = base_name(path);
  if (std::none_of(std::begin(kExtensions), std::end(kExtensions),
                   [&](std::string_view e) { return util::ends_with(name, e); }))
    return false;
  if (is_test_file(path) || util::ends_with(name, ".d.ts") || util::contains(name, ".config.") ||
      util::starts_with(name, ".") || util::contains(path, "node_modules/"))
    return false;
  for (auto part : util::split(path, '/'))
    if (part == "test" || part == "tests" || part == "dist" || part == "build" || part == "coverage") return false;
  return true;
}

// Tests are required by file path: nothing to resolve but the path itself.
void resolve_import(ModuleUnits& m, const std::set<std::string, std::less<>>&, const workspace::Workspace&) {
  m.import_name = m.path;
  m.import_root = m.path;
  if (m.units.empty()) m.skip_reason = "exports no functions or classes";
}

std::string test_file_name(std::string_view module_path) {
  std::string stem(module_path.substr(0, module_path.rfind('.')));
  for (char& ch : stem)
    if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
  return stem + ".test.js";
}

// Each block holds one test titled by its id.
std::vector<std::string> test_names(std::string_view block) {
  std::string_view first = block.substr(0, block.find('\n'));
  size_t at = first.find("copilot-gen: begin ");
  if (at == std::string_view::npos) return {};
  return {std::string(util::trim(first.substr(at + 19)))};
}

std::string row_needle(std::string_view label) {
  return "  [\"" + std::string(label) + "\", ";
}

}  // namespace

LanguageSupport support() {
  return LanguageSupport{
      .language = "javascript",
      .also = "typescript",
      .framework = "jest",
      .grammar = "javascript",
      .comment = "//",
      .blank_lines = 1,
      .wants = wants,
      .extract = extract,
      .resolve_import = resolve_import,
      .derive = derive_cases,
      .characterize = characterize,
      .test_file_name = test_file_name,
      .render = render,
      .render_block = render_block,
      .test_names = test_names,
      .row_needle = row_needle,
      .any_row = "  [\"",
      .run_tests = run_jest,
      .coverage = run_jest_coverage,
      .is_test_file = is_test_file,
  };
}

}  // namespace copilot::testgen::javascript
