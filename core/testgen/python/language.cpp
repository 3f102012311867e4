// The Python row of the language table: which files, how they import, how tests are named.
#include <regex>

#include "testgen/python/python.h"
#include "testgen/python/runner.h"
#include "util/strings.h"

namespace copilot::testgen::python {
namespace {

std::string_view base_name(std::string_view path) {
  size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

bool in_test_dir(std::string_view path) {
  for (auto part : util::split(path, '/'))
    if (part == "tests" || part == "test" || part == "testing") return true;
  return false;
}

bool is_test_file(std::string_view path) {
  std::string_view name = base_name(path);
  if (!util::ends_with(name, ".py")) return false;
  return name == "conftest.py" || util::starts_with(name, "test_") || util::ends_with(name, "_test.py") ||
         name == "tests.py";
}

bool wants(std::string_view path) {
  std::string_view name = base_name(path);
  if (!util::ends_with(name, ".py") || is_test_file(path) || in_test_dir(path)) return false;
  // Build scripts and entry points run on import.
  return name != "setup.py" && name != "__main__.py" && name != "conftest.py" && name != "noxfile.py" &&
         name != "fabfile.py" && name != "manage.py";
}

bool identifier(std::string_view s) {
  if (s.empty() || std::isdigit(static_cast<unsigned char>(s[0]))) return false;
  for (char c : s)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_') return false;
  return true;
}

void resolve_import(ModuleUnits& m, const std::set<std::string, std::less<>>& files, const workspace::Workspace&) {
  std::string stem = m.path.substr(0, m.path.size() - 3);
  std::vector<std::string> parts;
  for (auto p : util::split(stem, '/')) parts.emplace_back(p);
  bool is_init = parts.back() == "__init__";
  if (is_init) parts.pop_back();
  // Climb while the directory is a package.
  size_t top = parts.size() - (is_init ? 0 : 1);
  while (top > 0) {
    std::vector<std::string> dir(parts.begin(), parts.begin() + static_cast<long>(top));
    if (!files.count(util::join(dir, "/") + "/__init__.py")) break;
    --top;
  }
  std::vector<std::string> name(parts.begin() + static_cast<long>(top), parts.end());
  for (const auto& n : name)
    if (!identifier(n)) {
      m.skip_reason = "'" + n + "' in " + m.path + " is not an importable module name";
      return;
    }
  if (name.empty()) {
    m.skip_reason = "top-level __init__.py outside a package";
    return;
  }
  m.import_name = util::join(name, ".");
  m.import_root = util::join(std::vector<std::string>(parts.begin(), parts.begin() + static_cast<long>(top)), "/");
  if (m.relative_imports && !is_init && name.size() == 1)
    m.skip_reason = "uses relative imports but is not inside a package (no __init__.py)";
}

std::vector<std::string> test_names(std::string_view block) {
  static const std::regex kDef(R"(^(?:async\s+)?def\s+(test\w*)\s*\()", std::regex::multiline);
  std::vector<std::string> out;
  std::string text(block);
  for (auto it = std::sregex_iterator(text.begin(), text.end(), kDef); it != std::sregex_iterator(); ++it)
    out.push_back((*it)[1].str());
  return out;
}

std::string row_needle(std::string_view label) {
  return "id=\"" + std::string(label) + "\"";
}

}  // namespace

LanguageSupport support() {
  return LanguageSupport{
      .language = "python",
      .framework = "pytest",
      .grammar = "python",
      .comment = "#",
      .blank_lines = 2,
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
      .any_row = "id=\"",
      .run_tests = run_pytest,
      .coverage = run_coverage,
      .is_test_file = is_test_file,
  };
}

}  // namespace copilot::testgen::python
