// The Go row of the language table.
#include <regex>

#include "testgen/golang/golang.h"
#include "testgen/golang/runner.h"
#include "util/strings.h"

namespace copilot::testgen::golang {
namespace {

bool is_test_file(std::string_view path) {
  return util::ends_with(path, "_test.go");
}

bool wants(std::string_view path) {
  if (!util::ends_with(path, ".go") || is_test_file(path)) return false;
  for (auto part : util::split(path, '/'))
    if (part == "vendor" || part == "testdata" || util::starts_with(part, "copilot_characterize_")) return false;
  return true;
}

// The import path: the module path of the root's go.mod plus the file's directory.
void resolve_import(ModuleUnits& m, const std::set<std::string, std::less<>>&, const workspace::Workspace& ws) {
  const auto* mod = ws.find("go.mod");
  static const std::regex kModule(R"(^\s*module\s+(\S+))", std::regex::multiline);
  std::smatch match;
  if (!mod || !std::regex_search(mod->content, match, kModule)) {
    m.skip_reason = "no go.mod at the root: the generated tests import the package through the module";
    return;
  }
  std::string dir = m.path.find('/') == std::string::npos ? "" : m.path.substr(0, m.path.rfind('/'));
  m.import_name = match[1].str() + (dir.empty() ? "" : "/" + dir);
  m.import_root = dir;
  bool testable = std::any_of(m.units.begin(), m.units.end(),
                              [](const Unit& u) { return u.kind != Unit::Kind::method && u.decorators.empty(); });
  if (!testable && m.skip_reason.empty()) m.skip_reason = "no exported, non-generic functions or types";
}

std::string test_file_name(std::string_view module_path) {
  std::string stem(module_path.substr(0, module_path.size() - 3));
  for (char& ch : stem)
    if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
  return stem + "_test.go";
}

std::vector<std::string> test_names(std::string_view block) {
  static const std::regex kTest(R"(func (Test\w+)\(t \*testing\.T\))");
  std::vector<std::string> out;
  std::string text(block);
  for (auto it = std::sregex_iterator(text.begin(), text.end(), kTest); it != std::sregex_iterator(); ++it)
    out.push_back((*it)[1].str());
  return out;
}

std::string row_needle(std::string_view label) {
  return "\t\t{\"" + std::string(label) + "\"";
}

}  // namespace

LanguageSupport support() {
  return LanguageSupport{
      .language = "go",
      .also = "",
      .framework = "go test",
      .grammar = "go",
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
      .any_row = "\t\t{\"",
      .run_tests = run_go_test,
      .coverage = run_go_coverage,
      .is_test_file = is_test_file,
  };
}

}  // namespace copilot::testgen::golang
