// Test cases → GoogleTest source, with the CMake lines that build it.
#include "testgen/cpp/cpp.h"
#include "testgen/markers.h"
#include "util/strings.h"

namespace copilot::testgen::cpp {
namespace {

constexpr std::string_view kComment = "//";

// Letters and digits, runs of anything else as one '_' (no reserved "__").
std::string identifier(std::string_view s) {
  std::string out;
  for (char ch : s) {
    if (std::isalnum(static_cast<unsigned char>(ch)))
      out += ch;
    else if (!out.empty() && out.back() != '_')
      out += '_';
  }
  while (!out.empty() && out.back() == '_') out.pop_back();
  return out;
}

std::string suite_of(const ModuleUnits& m) {
  return identifier(m.path.substr(0, m.path.rfind('.')));
}

std::string cpp_str(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c == '\n' ? ' ' : c;
  }
  return out + "\"";
}

std::string arg_list(const std::vector<Arg>& args) {
  std::vector<std::string> v;
  for (const auto& a : args) v.push_back(a.value);
  return util::join(v, ", ");
}

std::string test_head(const ModuleUnits& m, const TestCase& c) {
  return "TEST(" + suite_of(m) + ", " + identifier(c.id) + ") {\n";
}

std::string object_line(const TestCase& c) {
  if (!c.on_instance) return {};
  std::string args = c.rows.empty() || c.rows[0].label != "object" ? "" : arg_list(c.rows[0].args);
  return "  " + c.fixture + " subject" + (args.empty() ? "" : "(" + args + ")") + ";\n";
}

std::string render_case(const ModuleUnits& m, const TestCase& c) {
  switch (c.kind) {
    case TestCase::Kind::raises: {
      const Row& guard = c.rows.back();
      std::string call = (c.on_instance ? "subject." + c.target : c.target) + "(" + arg_list(guard.args) + ")";
      return test_head(m, c) + "  // " + c.unit + " throws when " + c.guard + "\n" + object_line(c) +
             "  EXPECT_THROW(" + call + ", " + c.exception + ");\n}\n";
    }
    case TestCase::Kind::characterized: {
      const Unit* u = nullptr;
      for (const auto& unit : m.units)
        if (unit.qualname == c.unit) u = &unit;
      if (!u) return {};
      bool throws = !c.rows.empty() && !c.rows[0].error.empty();
      std::string fields = "    const char* label;\n", call_args;
      for (size_t i = 0; i < c.rows[0].args.size(); ++i) {
        fields += "    " + plain(u->params[i].annotation) + " " + u->params[i].name + ";\n";
        call_args += (i ? ", row." : "row.") + u->params[i].name;
      }
      if (!throws) fields += "    " + plain(u->returns) + " want;\n";
      std::string rows;
      for (const auto& r : c.rows) {
        rows += "      {" + cpp_str(r.label);
        for (const auto& a : r.args) rows += ", " + a.value;
        rows += (throws ? "" : ", " + r.expected) + "},\n";
      }
      std::string call = c.target + "(" + call_args + ")";
      return test_head(m, c) + "  // Recorded by --characterize: " +
             (throws ? "these inputs threw.\n" : "a change in behaviour fails here.\n") + "  struct Row {\n" + fields +
             "  };\n  const std::vector<Row> rows = {\n" + rows +
             "  };\n  for (const Row& row : rows) {\n    SCOPED_TRACE(row.label);\n" +
             (throws ? "    EXPECT_ANY_THROW(" + call + ");\n" : "    EXPECT_EQ(" + call + ", row.want);\n") +
             "  }\n}\n";
    }
    case TestCase::Kind::model: return c.code;
    case TestCase::Kind::skeleton:
      return test_head(m, c) + "  GTEST_SKIP() << " + cpp_str("copilot gen-tests skeleton: " + c.reason) +
             ";\n  // auto result = " + c.unit + "(...);\n  // EXPECT_EQ(result, ...);\n}\n";
    default: return {};
  }
}

}  // namespace

std::string render_block(const ModuleUnits& m, const TestCase& c) {
  return begin_marker(kComment, c.id) + "\n" + render_case(m, c) + end_marker(kComment, c.id) + "\n";
}

std::string render(const ModuleUnits& m, const std::vector<TestCase>& cases, const std::string&) {
  std::string target = suite_of(m) + "_test";
  std::string sources = m.import_root.empty() ? "" : " " + m.import_root;
  std::string out = "// " + std::string(kGeneratedTag) + " from " + m.path + ".\n";
  out +=
      "// Tests between \"// copilot-gen: begin ID\" and \"// copilot-gen: end ID\" are managed by\n"
      "// copilot gen-tests: a later run adds missing ones and --verify removes failing ones.\n"
      "// Everything else in this file is yours and is kept.\n//\n"
      "// Build it with CMake and GoogleTest:\n"
      "//   find_package(GTest REQUIRED)\n"
      "//   include(GoogleTest)\n"
      "//   add_executable(" +
      target + " tests/generated/" + target + ".cpp" + sources + ")  # where --out put it\n" +
      "//   target_include_directories(" + target + " PRIVATE ${PROJECT_SOURCE_DIR} ${PROJECT_SOURCE_DIR}/include)\n" +
      "//   target_link_libraries(" + target + " PRIVATE GTest::gtest_main)\n" + "//   gtest_discover_tests(" + target +
      ")\n";
  if (!m.import_root.empty()) out += "// copilot-gen: compile " + m.import_root + "\n";
  out += "#include <gtest/gtest.h>\n\n#include <stdexcept>\n#include <string>\n#include <vector>\n\n#include \"" +
         m.import_name + "\"\n";
  for (const auto& c : cases) out += "\n" + render_block(m, c);
  return out;
}

}  // namespace copilot::testgen::cpp
