#include "audit/test_suites.h"

#include <algorithm>
#include <cstring>
#include <map>
#include <mutex>
#include <set>

#include "audit/stack.h"
#include "syntax/syntax.h"
#include "util/parallel.h"
#include "util/strings.h"

namespace copilot::audit {

void to_json(nlohmann::json& j, const TestFramework& f) {
  j = {{"name", f.name}, {"evidence", f.evidence}, {"files", f.files}, {"tests", f.tests}};
}

void to_json(nlohmann::json& j, const TestFile& f) {
  j = {{"path", f.path}, {"framework", f.framework}, {"tests", f.tests}};
}

void to_json(nlohmann::json& j, const TestsSection& s) {
  j = {{"frameworks", s.frameworks},
       {"test_files", s.test_files},
       {"test_functions", s.test_functions},
       {"files", s.files}};
}

namespace {

std::string_view base_of(std::string_view path) {
  size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

std::string_view extension_of(std::string_view name) {
  size_t dot = name.rfind('.');
  return dot == std::string_view::npos ? std::string_view{} : name.substr(dot);
}

bool has_dir(std::string_view path, std::string_view dir) {
  std::string_view d = path.substr(0, path.rfind('/') == std::string_view::npos ? 0 : path.rfind('/'));
  for (auto part : util::split(d, '/'))
    if (part == dir) return true;
  return false;
}

bool one_of(std::string_view s, std::initializer_list<std::string_view> list) {
  return std::find(list.begin(), list.end(), s) != list.end();
}

bool is_js_ext(std::string_view ext) {
  return one_of(ext, {".js", ".jsx", ".ts", ".tsx", ".mjs", ".cjs", ".mts", ".cts"});
}
bool is_cpp_ext(std::string_view ext) {
  return one_of(ext, {".cc", ".cpp", ".cxx", ".c++"});
}

// ---------------------------------------------------------------------------
// Counting test functions on syntax trees

enum class Family { none, python, js, go, java, ruby, rust, cpp };

Family family_of_grammar(std::string_view grammar) {
  if (grammar == "python") return Family::python;
  if (grammar == "javascript" || grammar == "typescript" || grammar == "tsx") return Family::js;
  if (grammar == "go") return Family::go;
  if (grammar == "java") return Family::java;
  if (grammar == "ruby") return Family::ruby;
  if (grammar == "rust") return Family::rust;
  if (grammar == "cpp") return Family::cpp;
  return Family::none;
}

// Queries select the syntactic shape; names and annotations are checked in code,
// where the rules (prefixes, receivers, enclosing classes) are easier to state.
const std::string& query_text(Family f) {
  static const std::string kPython = "(function_definition name: (identifier) @name) @def";
  static const std::string kJs = "(call_expression function: (_) @fn) @call";
  static const std::string kGo =
      "(function_declaration name: (identifier) @name parameters: (parameter_list) @params) @def";
  static const std::string kJava = "(method_declaration (modifiers) @mods name: (identifier) @name) @def";
  static const std::string kRuby = "[(call method: (identifier) @name) @call (method name: (identifier) @name) @def]";
  static const std::string kRust = "(attribute_item (attribute) @attr) @item";
  static const std::string kCpp =
      "[(function_declarator declarator: (identifier) @name) @decl"
      " (call_expression function: (identifier) @name) @call]";
  static const std::string kNone;
  switch (f) {
    case Family::python: return kPython;
    case Family::js: return kJs;
    case Family::go: return kGo;
    case Family::java: return kJava;
    case Family::ruby: return kRuby;
    case Family::rust: return kRust;
    case Family::cpp: return kCpp;
    case Family::none: break;
  }
  return kNone;
}

TSNode field(TSNode n, const char* name) {
  return ts_node_child_by_field_name(n, name, static_cast<uint32_t>(strlen(name)));
}

bool node_is(TSNode n, std::string_view type) {
  return !ts_node_is_null(n) && type == ts_node_type(n);
}

// The class a Python function is a method of, or a null node.
TSNode python_enclosing_class(TSNode def) {
  TSNode p = ts_node_parent(def);
  if (node_is(p, "decorated_definition")) p = ts_node_parent(p);
  if (!node_is(p, "block")) return TSNode{};
  p = ts_node_parent(p);
  return node_is(p, "class_definition") ? p : TSNode{};
}

bool python_at_module_level(TSNode def) {
  TSNode p = ts_node_parent(def);
  if (node_is(p, "decorated_definition")) p = ts_node_parent(p);
  return node_is(p, "module");
}

bool python_test(const syntax::Tree& tree, TSNode def, std::string_view name) {
  if (!util::starts_with(name, "test")) return false;
  if (python_at_module_level(def)) return true;
  TSNode cls = python_enclosing_class(def);
  if (ts_node_is_null(cls)) return false;
  // pytest collects Test* classes; unittest collects TestCase subclasses (Django's too).
  if (util::starts_with(tree.text(field(cls, "name")), "Test")) return true;
  TSNode bases = field(cls, "superclasses");
  return !ts_node_is_null(bases) && util::contains(tree.text(bases), "Test");
}

bool js_test(const syntax::Tree& tree, TSNode fn) {
  static const std::set<std::string_view> kTests = {"it", "test", "specify", "xit", "fit", "xtest"};
  static const std::set<std::string_view> kModifiers = {"only",  "skip",    "todo", "concurrent", "fails",
                                                        "fixme", "failing", "slow", "sequential", "skipIf",
                                                        "runIf", "shuffle", "retry"};
  if (node_is(fn, "identifier")) return kTests.count(tree.text(fn)) > 0;
  if (node_is(fn, "member_expression")) {
    TSNode obj = field(fn, "object");
    return node_is(obj, "identifier") && kTests.count(tree.text(obj)) &&
           kModifiers.count(tree.text(field(fn, "property")));
  }
  // test.each(table)("name %s", fn): the outer call is the test.
  if (node_is(fn, "call_expression")) {
    TSNode inner = field(fn, "function");
    if (!node_is(inner, "member_expression")) return false;
    TSNode obj = field(inner, "object");
    return node_is(obj, "identifier") && kTests.count(tree.text(obj)) && tree.text(field(inner, "property")) == "each";
  }
  return false;
}

bool go_test(const syntax::Tree& tree, std::string_view name, TSNode params) {
  if (!util::starts_with(name, "Test")) return false;
  if (name.size() > 4 && std::islower(static_cast<unsigned char>(name[4]))) return false;
  return util::contains(tree.text(params), "*testing.T");
}

bool java_test(const syntax::Tree& tree, TSNode def, TSNode mods, std::string_view name) {
  static const std::set<std::string_view> kAnnotations = {"Test",        "ParameterizedTest", "RepeatedTest",
                                                          "TestFactory", "TestTemplate",      "Property"};
  uint32_t n = ts_node_named_child_count(mods);
  for (uint32_t i = 0; i < n; ++i) {
    TSNode a = ts_node_named_child(mods, i);
    if (!node_is(a, "marker_annotation") && !node_is(a, "annotation")) continue;
    std::string_view ann = tree.text(field(a, "name"));
    size_t dot = ann.rfind('.');
    if (dot != std::string_view::npos) ann = ann.substr(dot + 1);
    if (kAnnotations.count(ann)) return true;
  }
  // JUnit 3: public void testX() in a TestCase subclass.
  if (!util::starts_with(name, "test")) return false;
  TSNode body = ts_node_parent(def);
  TSNode cls = ts_node_parent(body);
  if (!node_is(cls, "class_declaration")) return false;
  TSNode super = field(cls, "superclass");
  return !ts_node_is_null(super) && util::contains(tree.text(super), "TestCase");
}

bool ruby_has_enclosing_class(TSNode n) {
  for (TSNode p = ts_node_parent(n); !ts_node_is_null(p); p = ts_node_parent(p))
    if (node_is(p, "class") || node_is(p, "module")) return true;
  return false;
}

bool ruby_test_call(TSNode call, std::string_view name) {
  static const std::set<std::string_view> kExamples = {"it", "specify", "example", "scenario", "its", "test", "xit"};
  if (!kExamples.count(name)) return false;
  if (!ts_node_is_null(field(call, "receiver"))) return false;
  return !ts_node_is_null(field(call, "block")) || !ts_node_is_null(field(call, "arguments"));
}

bool rust_test(const syntax::Tree& tree, TSNode attr) {
  if (ts_node_named_child_count(attr) == 0) return false;
  std::string_view path = tree.text(ts_node_named_child(attr, 0));
  return path == "test" || util::ends_with(path, "::test") || path == "rstest" || path == "wasm_bindgen_test" ||
         path == "test_case";
}

bool cpp_test_macro(std::string_view name) {
  static const std::set<std::string_view> kMacros = {"TEST",
                                                     "TEST_F",
                                                     "TEST_P",
                                                     "TYPED_TEST",
                                                     "TYPED_TEST_P",
                                                     "TEST_CASE",
                                                     "SCENARIO",
                                                     "TEST_CASE_METHOD",
                                                     "TEMPLATE_TEST_CASE",
                                                     "TEMPLATE_PRODUCT_TEST_CASE",
                                                     "TEMPLATE_TEST_CASE_SIG",
                                                     "TEST_CASE_TEMPLATE",
                                                     "TEST_CASE_FIXTURE"};
  return kMacros.count(name) > 0;
}

}  // namespace

std::vector<int> count_test_functions(std::string_view grammar, std::string_view source) {
  std::vector<int> lines;
  Family family = family_of_grammar(grammar);
  if (family == Family::none) return lines;
  auto query = syntax::compile_query(grammar, query_text(family));
  if (!query) return lines;
  auto tree = syntax::parse(grammar, source);
  if (!tree) return lines;
  const syntax::Query& q = **query;
  const syntax::Tree& t = *tree;
  int c_name = q.capture_index("name"), c_def = q.capture_index("def"), c_fn = q.capture_index("fn"),
      c_call = q.capture_index("call"), c_params = q.capture_index("params"), c_mods = q.capture_index("mods"),
      c_attr = q.capture_index("attr"), c_item = q.capture_index("item"), c_decl = q.capture_index("decl");
  std::set<uint32_t> seen;  // start bytes of counted nodes: one count per test
  syntax::for_each_match(q, t, t.root(), [&](const syntax::Match& m) {
    TSNode name{}, def{}, fn{}, call{}, params{}, mods{}, attr{}, item{}, decl{};
    for (const auto& c : m.captures) {
      if (c.index == c_name) name = c.node;
      if (c.index == c_def) def = c.node;
      if (c.index == c_fn) fn = c.node;
      if (c.index == c_call) call = c.node;
      if (c.index == c_params) params = c.node;
      if (c.index == c_mods) mods = c.node;
      if (c.index == c_attr) attr = c.node;
      if (c.index == c_item) item = c.node;
      if (c.index == c_decl) decl = c.node;
    }
    TSNode counted{};
    switch (family) {
      case Family::python:
        if (python_test(t, def, t.text(name))) counted = def;
        break;
      case Family::js:
        if (js_test(t, fn)) counted = call;
        break;
      case Family::go:
        if (go_test(t, t.text(name), params)) counted = def;
        break;
      case Family::java:
        if (java_test(t, def, mods, t.text(name))) counted = def;
        break;
      case Family::ruby:
        if (!ts_node_is_null(call) && ruby_test_call(call, t.text(name))) counted = call;
        if (!ts_node_is_null(def) && util::starts_with(t.text(name), "test_") && ruby_has_enclosing_class(def))
          counted = def;
        break;
      case Family::rust:
        if (rust_test(t, attr)) counted = item;
        break;
      case Family::cpp:
        if (cpp_test_macro(t.text(name))) {
          // TEST(a, b) { } parses as a function definition; Catch2's TEST_CASE("x") { } as a call.
          TSNode n = ts_node_is_null(decl) ? call : decl;
          if (!ts_node_is_null(decl) && !node_is(ts_node_parent(decl), "function_definition")) break;
          counted = n;
        }
        break;
      case Family::none: break;
    }
    if (!ts_node_is_null(counted) && seen.insert(ts_node_start_byte(counted)).second)
      lines.push_back(syntax::start_line(counted));
    return true;
  });
  std::sort(lines.begin(), lines.end());
  return lines;
}

// ---------------------------------------------------------------------------
// Test files

bool is_test_file_name(std::string_view path) {
  std::string_view name = base_of(path);
  std::string_view ext = extension_of(name);
  if (ext == ".py")
    return name != "conftest.py" &&
           (util::starts_with(name, "test_") || util::ends_with(name, "_test.py") || name == "tests.py");
  if (is_js_ext(ext)) {
    std::string_view stem = name.substr(0, name.size() - ext.size());
    return util::ends_with(stem, ".test") || util::ends_with(stem, ".spec") || util::ends_with(stem, ".cy") ||
           util::ends_with(stem, ".e2e") || has_dir(path, "__tests__");
  }
  if (ext == ".go") return util::ends_with(name, "_test.go");
  if (ext == ".java") {
    std::string_view stem = name.substr(0, name.size() - 5);
    // Surefire's conventions, with "Test*" narrowed to TestXxx so Testing.java is not a test.
    auto suffix = [&](std::string_view s) { return stem.size() > s.size() && util::ends_with(stem, s); };
    return suffix("Test") || suffix("Tests") || suffix("IT") || suffix("TestCase") ||
           (util::starts_with(stem, "Test") && stem.size() > 4 && std::isupper(static_cast<unsigned char>(stem[4])));
  }
  if (ext == ".rb")
    return util::ends_with(name, "_spec.rb") || util::ends_with(name, "_test.rb") || util::starts_with(name, "test_");
  if (ext == ".rs") return has_dir(path, "tests");
  if (is_cpp_ext(ext)) {
    std::string_view stem = name.substr(0, name.size() - ext.size());
    return util::ends_with(stem, "_test") || util::ends_with(stem, "_tests") || util::ends_with(stem, "_unittest") ||
           util::starts_with(stem, "test_") || util::ends_with(stem, "Test") || util::ends_with(stem, "Tests");
  }
  return false;
}

namespace {

// Files that may hold tests without following a naming convention: kept only when tests are found.
bool is_candidate(const workspace::FileEntry& f) {
  std::string_view ext = extension_of(base_of(f.path));
  const std::string& c = f.content;
  if (is_js_ext(ext)) return (has_dir(f.path, "test") || has_dir(f.path, "tests")) && util::contains(c, "(");
  if (ext == ".java") return has_dir(f.path, "test") && util::contains(c, "@Test");
  if (ext == ".rs")
    return util::contains(c, "#[test") || util::contains(c, "::test") || util::contains(c, "#[rstest") ||
           util::contains(c, "#[wasm_bindgen_test");
  if (is_cpp_ext(ext))
    return util::contains(c, "gtest/") || util::contains(c, "gmock/") || util::contains(c, "catch2/") ||
           util::contains(c, "catch.hpp") || util::contains(c, "doctest");
  if (ext == ".py") return has_dir(f.path, "tests") && util::starts_with(base_of(f.path), "test");
  return false;
}

// ---------------------------------------------------------------------------
// Frameworks

struct DepRule {
  std::string_view ecosystem, name;
  bool prefix;
  std::string_view framework;
};
constexpr DepRule kDepRules[] = {
    {"pypi", "pytest", false, "pytest"},
    {"npm", "jest", false, "Jest"},
    {"npm", "vitest", false, "Vitest"},
    {"npm", "mocha", false, "Mocha"},
    {"npm", "@playwright/test", false, "Playwright"},
    {"npm", "playwright", false, "Playwright"},
    {"npm", "cypress", false, "Cypress"},
    {"maven", "junit:junit", false, "JUnit 4"},
    {"maven", "org.junit.jupiter:", true, "JUnit 5"},
    {"maven", "org.springframework.boot:spring-boot-starter-test", false, "JUnit 5"},
    {"maven", "org.testng:testng", false, "TestNG"},
    {"cmake", "GTest", false, "GoogleTest"},
    {"cmake", "googletest", false, "GoogleTest"},
    {"cmake", "Catch2", false, "Catch2"},
    {"conan", "gtest", false, "GoogleTest"},
    {"conan", "catch2", false, "Catch2"},
    {"vcpkg", "gtest", false, "GoogleTest"},
    {"vcpkg", "catch2", false, "Catch2"},
    {"rubygems", "rspec", false, "RSpec"},
    {"rubygems", "rspec-rails", false, "RSpec"},
    {"rubygems", "rspec-core", false, "RSpec"},
    {"rubygems", "minitest", false, "Minitest"},
};

// Config files that mark a framework: base name prefix → framework.
std::string_view framework_of_config(std::string_view path) {
  std::string_view name = base_of(path);
  if (name == "pytest.ini" || name == "conftest.py") return "pytest";
  if (util::starts_with(name, "jest.config.")) return "Jest";
  if (util::starts_with(name, "vitest.config.") || util::starts_with(name, "vitest.workspace.")) return "Vitest";
  if (util::starts_with(name, ".mocharc")) return "Mocha";
  if (util::starts_with(name, "playwright.config.")) return "Playwright";
  if (util::starts_with(name, "cypress.config.") || name == "cypress.json") return "Cypress";
  if (name == ".rspec" || name == "spec_helper.rb" || name == "rails_helper.rb") return "RSpec";
  if (name == "test_helper.rb") return "Minitest";
  return "";
}

// Imports that tie a single test file to a framework.
std::string_view framework_of_content(std::string_view path, std::string_view text,
                                      const std::vector<std::string_view>& js_defaults,
                                      const std::set<std::string_view>& detected) {
  std::string_view name = base_of(path);
  std::string_view ext = extension_of(name);
  if (ext == ".py") {
    if (util::contains(text, "import pytest") || util::contains(text, "from pytest") || util::contains(text, "@pytest"))
      return "pytest";
    if (util::contains(text, "import unittest") || util::contains(text, "from unittest") ||
        util::contains(text, "TestCase"))
      return "unittest";
    return "pytest";
  }
  if (is_js_ext(ext)) {
    if (util::contains(text, "'vitest'") || util::contains(text, "\"vitest\"")) return "Vitest";
    if (util::contains(text, "@playwright/test")) return "Playwright";
    if (util::contains(name, ".cy.") || has_dir(path, "cypress")) return "Cypress";
    if (util::contains(text, "@jest/globals")) return "Jest";
    if (util::contains(text, "'mocha'") || util::contains(text, "\"mocha\"")) return "Mocha";
    for (auto fw : js_defaults)
      if (detected.count(fw)) return fw;
    return "unknown";
  }
  if (ext == ".go") return "go test";
  if (ext == ".rs") return "cargo test";
  if (ext == ".java") {
    if (util::contains(text, "org.junit.jupiter")) return "JUnit 5";
    if (util::contains(text, "org.testng")) return "TestNG";
    if (util::contains(text, "org.junit") || util::contains(text, "junit.framework")) return "JUnit 4";
    for (auto fw : {"JUnit 5", "JUnit 4", "TestNG"})
      if (detected.count(fw)) return fw;
    return "unknown";
  }
  if (ext == ".rb") return util::ends_with(name, "_spec.rb") ? "RSpec" : "Minitest";
  if (is_cpp_ext(ext)) {
    if (util::contains(text, "gtest/") || util::contains(text, "gmock/")) return "GoogleTest";
    if (util::contains(text, "catch2/") || util::contains(text, "catch.hpp")) return "Catch2";
    if (util::contains(text, "doctest")) return "doctest";
    for (auto fw : {"GoogleTest", "Catch2"})
      if (detected.count(fw)) return fw;
    return "unknown";
  }
  return "unknown";
}

constexpr size_t kMaxEvidence = 10;

}  // namespace

TestsSection detect_tests(const AuditInput& input) {
  TestsSection out;
  try {
    std::map<std::string_view, std::vector<Evidence>> evidence;
    // Framework evidence from manifests (names only; lock files are not needed here).
    for (const auto& m : parse_manifests(input, false, false)) {
      const std::string* text = input.content(m.path);
      for (const auto& d : m.dependencies)
        for (const auto& r : kDepRules) {
          bool match =
              r.ecosystem == m.ecosystem && (d.name == r.name || (r.prefix && util::starts_with(d.name, r.name)));
          if (match)
            evidence[r.framework].push_back(text ? evidence_line(m.path, *text, d.line)
                                                 : Evidence{m.path, d.line, d.name});
        }
    }
    // Config files, and pytest settings inside shared config files.
    std::vector<const workspace::FileEntry*> files;
    for (const auto& f : input.files()) {
      if (!f.analysed()) continue;
      if (auto fw = framework_of_config(f.path); !fw.empty()) evidence[fw].push_back({f.path, 0, ""});
      std::string_view name = base_of(f.path);
      for (auto [file, marker] : {std::pair{"pyproject.toml", "[tool.pytest.ini_options]"},
                                  std::pair{"setup.cfg", "[tool:pytest]"}, std::pair{"tox.ini", "[pytest]"}})
        if (name == file)
          if (size_t at = f.content.find(marker); at != std::string::npos)
            evidence["pytest"].push_back(evidence_at(f.path, f.content, at));
      if (!f.language || f.language->grammar.empty()) continue;
      if (is_test_file_name(f.path) || is_candidate(f)) files.push_back(&f);
    }
    std::set<std::string_view> detected;
    for (const auto& [fw, ev] : evidence) detected.insert(fw);
    static const std::vector<std::string_view> kJsDefaults = {"Jest", "Vitest", "Mocha"};

    // Parse test files in parallel; each slot is written by one task only.
    std::vector<TestFile> results(files.size());
    std::vector<char> keep(files.size(), 0);
    util::parallel_for(files.size(), input.options.jobs, [&](size_t i) {
      const auto& f = *files[i];
      std::vector<int> lines;
      try {
        lines = count_test_functions(f.language->grammar, f.content);
      } catch (const std::exception& e) {
        input.diagnostics.add(f.path, 0, std::string("could not count tests: ") + e.what());
      }
      bool named = is_test_file_name(f.path);
      if (!named && lines.empty()) return;
      keep[i] = 1;
      results[i] = {f.path, std::string(framework_of_content(f.path, f.content, kJsDefaults, detected)),
                    static_cast<int>(lines.size())};
    });

    std::map<std::string, TestFramework> by_name;
    for (auto& [fw, ev] : evidence) {
      auto& entry = by_name[std::string(fw)];
      entry.name = std::string(fw);
      std::sort(ev.begin(), ev.end());
      for (auto& e : ev)
        if (entry.evidence.size() < kMaxEvidence) entry.evidence.push_back(e);
    }
    for (size_t i = 0; i < files.size(); ++i) {
      if (!keep[i]) continue;
      TestFile& tf = results[i];
      out.test_files += 1;
      out.test_functions += tf.tests;
      if (tf.framework != "unknown") {
        auto& entry = by_name[tf.framework];
        entry.name = tf.framework;
        entry.files += 1;
        entry.tests += tf.tests;
        // Runners without a package (go test, cargo test) have only their files as evidence.
        if (entry.evidence.size() < kMaxEvidence && (tf.framework == "go test" || tf.framework == "cargo test"))
          entry.evidence.push_back({tf.path, 0, ""});
      }
      out.files.push_back(std::move(tf));
    }
    for (auto& [name, fw] : by_name) out.frameworks.push_back(std::move(fw));
    std::sort(out.files.begin(), out.files.end(), [](const TestFile& a, const TestFile& b) { return a.path < b.path; });
  } catch (const std::exception& e) {
    input.diagnostics.add("", 0, std::string("test detection stopped early: ") + e.what());
  }
  return out;
}

}  // namespace copilot::audit
