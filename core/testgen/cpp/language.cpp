// The C++ row of the language table: headers in, GoogleTest files out.
#include <regex>

#include "testgen/cpp/cpp.h"
#include "testgen/cpp/runner.h"
#include "util/strings.h"

namespace copilot::testgen::cpp {
namespace {

std::string_view base_name(std::string_view path) {
  size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

std::string stem_of(std::string_view path) {
  std::string_view name = base_name(path);
  return std::string(name.substr(0, name.rfind('.')));
}

bool is_test_file(std::string_view path) {
  std::string stem = stem_of(path);
  return util::ends_with(stem, "_test") || util::ends_with(stem, "_unittest") || util::starts_with(stem, "test_");
}

bool wants(std::string_view path) {
  bool header = false;
  for (const char* ext : {".h", ".hh", ".hpp", ".hxx"}) header = header || util::ends_with(path, ext);
  if (!header || is_test_file(path)) return false;
  for (auto part : util::split(path, '/'))
    if (part == "test" || part == "tests" || part == "third_party" || part == "vendor" || part == "external" ||
        part == "build")
      return false;
  return true;
}

// The header is included by its path from the root; a source file with the
// same name (anywhere in the tree) is compiled with the test, and its bodies
// give the guards of functions the header only declares.
void resolve_import(ModuleUnits& m, const std::set<std::string, std::less<>>& files, const workspace::Workspace& ws) {
  m.import_name = m.path;
  std::string stem = stem_of(m.path);
  for (const auto& f : files) {
    if (stem_of(f) != stem || is_test_file(f)) continue;
    if (!util::ends_with(f, ".cpp") && !util::ends_with(f, ".cc") && !util::ends_with(f, ".cxx")) continue;
    m.import_root = f;
    if (const auto* source = ws.find(f); source && source->loaded) {
      ModuleUnits defs = extract(f, source->content);
      for (auto& u : m.units)
        for (const auto& d : defs.units) {
          bool same =
              d.qualname == u.qualname || (u.kind == Unit::Kind::class_ && d.qualname == u.qualname + "::" + u.name);
          if (!same) continue;
          if (u.raises.empty()) u.raises = d.raises;
          if (u.impure_reason.empty()) u.impure_reason = d.impure_reason;
        }
    }
    break;
  }
  bool testable = std::any_of(m.units.begin(), m.units.end(),
                              [](const Unit& u) { return u.kind != Unit::Kind::class_ && u.decorators.empty(); });
  if (!testable && m.skip_reason.empty()) m.skip_reason = "declares no free functions or public methods to test";
}

std::string test_file_name(std::string_view module_path) {
  std::string stem(module_path.substr(0, module_path.rfind('.')));
  std::string out;
  for (char ch : stem) {
    if (std::isalnum(static_cast<unsigned char>(ch)))
      out += ch;
    else if (!out.empty() && out.back() != '_')
      out += '_';
  }
  return out + "_test.cpp";
}

std::vector<std::string> test_names(std::string_view block) {
  static const std::regex kTest(R"(TEST\((\w+), (\w+)\))");
  std::vector<std::string> out;
  std::string text(block);
  for (auto it = std::sregex_iterator(text.begin(), text.end(), kTest); it != std::sregex_iterator(); ++it)
    out.push_back((*it)[1].str() + "." + (*it)[2].str());
  return out;
}

// GoogleTest files have no tables: there is never a row to take out.
std::string row_needle(std::string_view) {
  return "\n\n\n";
}

}  // namespace

LanguageSupport support() {
  return LanguageSupport{
      .language = "cpp",
      .also = "",
      .framework = "googletest",
      .grammar = "cpp",
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
      .any_row = "\n\n\n",
      .run_tests = run_gtest,
      .coverage = run_gcov,
      .is_test_file = is_test_file,
  };
}

}  // namespace copilot::testgen::cpp
