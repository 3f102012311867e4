// Test cases → Jest source. Formatting only: what to test was decided in cases.cpp.
#include <algorithm>

#include "testgen/javascript/javascript.h"
#include "testgen/markers.h"
#include "util/strings.h"

namespace copilot::testgen::javascript {
namespace {

constexpr std::string_view kComment = "//";

std::string js_str(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out + "\"";
}

std::string substitute(std::string s) {
  for (size_t at = s.find("$M."); at != std::string::npos; at = s.find("$M.", at + 4)) s.replace(at, 3, "mod.");
  return s;
}

std::string array_of(const std::vector<Arg>& args) {
  std::vector<std::string> v;
  for (const auto& a : args) v.push_back(a.value);
  return "[" + util::join(v, ", ") + "]";
}

std::string arg_list(const std::vector<Arg>& args) {
  std::vector<std::string> v;
  for (const auto& a : args) v.push_back(a.value);
  return util::join(v, ", ");
}

bool is_class(const ModuleUnits& m, const std::string& qualname) {
  return std::any_of(m.units.begin(), m.units.end(),
                     [&](const Unit& u) { return u.kind == Unit::Kind::class_ && u.qualname == qualname; });
}

std::string callee(const TestCase& c) {
  if (c.target == kModuleExport) return "mod";
  return c.on_instance ? c.fixture + "()." + c.target : "mod." + c.target;
}

std::string render_case(const ModuleUnits& m, const TestCase& c) {
  std::string title = js_str(c.id);
  switch (c.kind) {
    case TestCase::Kind::smoke: {
      std::vector<std::string> names;
      bool callable = false;
      for (const auto& u : m.units) {
        if (u.name == kModuleExport)
          callable = true;
        else if (u.kind != Unit::Kind::method)
          names.push_back(js_str(u.name));
      }
      if (callable && names.empty())
        return "test(" + title + ", () => {\n  expect(typeof mod).toBe(\"function\");\n});\n";
      return "test(" + title + ", () => {\n  expect(Object.keys(mod)).toEqual(expect.arrayContaining([" +
             util::join(names, ", ") + "]));\n});\n";
    }
    case TestCase::Kind::fixture:
      return "function " + c.fixture + "() {\n  return new mod." + c.target + "(" + arg_list(c.rows[0].args) +
             ");\n}\n\ntest(" + title + ", () => {\n  expect(" + c.fixture + "()).toBeInstanceOf(mod." + c.target +
             ");\n});\n";
    case TestCase::Kind::raises: {
      std::string call =
          (is_class(m, c.unit) ? "new mod." + c.target : callee(c)) + "(" + arg_list(c.rows[0].args) + ")";
      std::string doc = "  // " + c.unit + (c.guard.empty() ? " always throws" : " throws when " + c.guard) + "\n";
      if (c.is_async)
        return "test(" + title + ", async () => {\n" + doc + "  await expect(" + call + ").rejects.toThrow(" +
               c.exception + ");\n});\n";
      if (c.is_generator) call += ".next()";
      return "test(" + title + ", () => {\n" + doc + "  expect(() => " + call + ").toThrow(" + c.exception +
             ");\n});\n";
    }
    case TestCase::Kind::boundary: {
      std::string await = c.is_async ? "await " : "";
      if (c.is_property)
        return "test(" + title + ", () => {\n  const result = " + callee(c) + ";\n  expect(" + c.returns +
               ").toBe(true);\n});\n";
      std::string rows;
      for (const auto& r : c.rows) rows += "  [" + js_str(r.label) + ", " + array_of(r.args) + "],\n";
      return "test.each([\n" + rows + "])(" + js_str(c.id + " [%s]") + ", " + (c.is_async ? "async " : "") +
             "(label, args) => {\n  const result = " + await + callee(c) + "(...args);\n  expect(" + c.returns +
             ").toBe(true);\n});\n";
    }
    case TestCase::Kind::model: return c.code;
    case TestCase::Kind::skeleton:
      return "test.skip(" + title + ", () => {\n  // copilot gen-tests skeleton: " + c.reason +
             "\n  const result = " + (is_class(m, c.unit) ? "new " : "") +
             (c.target == kModuleExport ? std::string("mod") : "mod." + c.target) + "(" + c.signature +
             ");\n  expect(result).toEqual(undefined /* the expected result */);\n});\n";
    case TestCase::Kind::characterized: {
      bool errors = !c.rows.empty() && !c.rows[0].error.empty();
      std::string rows;
      for (const auto& r : c.rows)
        rows += "  [" + js_str(r.label) + ", " + array_of(r.args) + ", " + (errors ? r.error : r.expected) + "],\n";
      std::string head = "test.each([\n" + rows + "])(" + js_str(c.id + " [%s]") + ", " + (c.is_async ? "async " : "");
      std::string call = callee(c) + "(...args)";
      if (errors)
        return head + "(label, args, error) => {\n  // Recorded by --characterize: these inputs threw.\n  " +
               (c.is_async ? "await expect(" + call + ").rejects.toThrow(error);"
                           : "expect(() => " + call + ").toThrow(error);") +
               "\n});\n";
      return head +
             "(label, args, expected) => {\n  // Recorded by --characterize: a change in behaviour fails here.\n  "
             "expect(" +
             (c.is_async ? "await " : "") + call + ").toEqual(expected);\n});\n";
    }
    case TestCase::Kind::doctest: break;
  }
  return {};
}

}  // namespace

std::string render_block(const ModuleUnits& m, const TestCase& c) {
  return begin_marker(kComment, c.id) + "\n" + substitute(render_case(m, c)) + end_marker(kComment, c.id) + "\n";
}

std::string render(const ModuleUnits& m, const std::vector<TestCase>& cases, const std::string& source_from_out) {
  std::string path = source_from_out;
  if (!util::starts_with(path, ".") && !util::starts_with(path, "/")) path = "./" + path;
  std::string out = "// " + std::string(kGeneratedTag) + " from " + m.path + ".\n";
  out +=
      "// Tests between \"// copilot-gen: begin ID\" and \"// copilot-gen: end ID\" are managed by\n"
      "// copilot gen-tests: a later run adds missing ones and --verify removes failing ones.\n"
      "// Everything else in this file is yours and is kept.\n";
  out += "const mod = require(" + js_str(path) + ");\n";
  for (const auto& c : cases) out += "\n" + render_block(m, c);
  return out;
}

}  // namespace copilot::testgen::javascript
