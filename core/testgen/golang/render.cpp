// Test cases → `go test` source. Formatting only: what to test was decided in cases.cpp.
#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>

#include "testgen/golang/golang.h"
#include "testgen/markers.h"
#include "util/strings.h"

namespace copilot::testgen::golang {
namespace {

constexpr std::string_view kComment = "//";

std::string go_str(std::string_view s) {
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

std::string alias_of(const ModuleUnits& m) {
  static const std::set<std::string, std::less<>> kTaken = {"testing", "reflect", "fmt", "json", "os"};
  return kTaken.count(m.package_name) ? m.package_name + "pkg" : m.package_name;
}

std::string substitute(std::string s, const std::string& alias) {
  for (size_t at = s.find("$M."); at != std::string::npos; at = s.find("$M.", at + alias.size()))
    s.replace(at, 2, alias);
  return s;
}

const Unit* unit_of(const ModuleUnits& m, const std::string& qualname) {
  for (const auto& u : m.units)
    if (u.qualname == qualname) return &u;
  return nullptr;
}

std::string callee(const TestCase& c, const std::string& alias) {
  return c.on_instance ? c.fixture + "()." + c.target : alias + "." + c.target;
}

std::string arg_list(const std::vector<Arg>& args) {
  std::vector<std::string> v;
  for (const auto& a : args) v.push_back(a.value);
  return util::join(v, ", ");
}

// `got0, got1, err` for a call's results.
std::vector<std::string> result_names(const Unit& u) {
  std::vector<std::string> names;
  for (size_t i = 0; i < u.results.size(); ++i)
    names.push_back(u.results[i] == "error" && i + 1 == u.results.size() ? "err" : "got" + std::to_string(i));
  return names;
}

// Struct field names of a table: parameter names, kept apart from label/want*.
std::string field_name(const std::string& param) {
  return param == "label" || util::starts_with(param, "want") || param == "row" ? param + "_" : param;
}

std::string table_test(const TestCase& c, const Unit& u, const std::string& alias, const std::string& name) {
  bool panics = !c.rows.empty() && !c.rows[0].error.empty();
  std::vector<std::string> results = result_names(u);
  std::vector<std::pair<std::string, std::string>> columns = {{"label", "string"}};
  std::vector<std::string> call_args;
  for (const auto& p : u.params) {
    if (p.kind == Param::Kind::var_positional) break;
    columns.emplace_back(field_name(p.name), p.annotation);
    call_args.push_back("row." + field_name(p.name));
  }
  if (!panics)
    for (size_t i = 0; i < results.size(); ++i)
      columns.emplace_back(results[i] == "err" ? "wantErr" : "want" + std::to_string(i),
                           results[i] == "err" ? "bool" : u.results[i]);
  // Aligned as gofmt aligns struct fields.
  size_t width = 0;
  for (const auto& [field, type] : columns) width = std::max(width, field.size());
  std::string fields;
  for (const auto& [field, type] : columns)
    fields += "\t\t" + field + std::string(width - field.size() + 1, ' ') + type + "\n";
  std::string rows;
  for (const auto& r : c.rows) {
    std::vector<std::string> cells = {go_str(r.label)};
    for (const auto& a : r.args) cells.push_back(a.value);
    if (!panics) {
      auto recorded = nlohmann::json::parse(r.expected, nullptr, false);
      if (!recorded.is_array() || recorded.size() != results.size()) continue;
      for (const auto& v : recorded) cells.push_back(v.get<std::string>());
    }
    rows += "\t\t{" + util::join(cells, ", ") + "},\n";
  }
  std::string call = callee(c, alias) + "(" + util::join(call_args, ", ") + ")";
  std::string body;
  if (panics) {
    body =
        "\t\t\tdefer func() {\n\t\t\t\tif recover() == nil {\n\t\t\t\t\tt.Fatal(\"want a "
        "panic\")\n\t\t\t\t}\n\t\t\t}()\n"
        "\t\t\t" +
        call + "\n";
  } else {
    std::vector<std::string> checks, shown;
    for (size_t i = 0; i < results.size(); ++i) {
      if (results[i] == "err") {
        checks.push_back("(err != nil) != row.wantErr");
        shown.push_back("err");
      } else {
        checks.push_back("!reflect.DeepEqual(" + results[i] + ", row.want" + std::to_string(i) + ")");
        shown.push_back(results[i]);
      }
    }
    std::vector<std::string> formats(shown.size(), "%#v");
    body = "\t\t\t" + util::join(results, ", ") + " := " + call + "\n\t\t\tif " + util::join(checks, " || ") +
           " {\n\t\t\t\tt.Errorf(\"got " + util::join(formats, ", ") + "\", " + util::join(shown, ", ") +
           ")\n\t\t\t}\n";
  }
  std::string note = panics ? "these inputs panicked" : "a change in behaviour fails here";
  return "func " + name + "(t *testing.T) {\n\t// Recorded by --characterize: " + note +
         ".\n\tfor _, row := range []struct {\n" + fields + "\t}{\n" + rows +
         "\t} {\n\t\trow := row\n\t\tt.Run(row.label, func(t *testing.T) {\n" + body + "\t\t})\n\t}\n}\n";
}

std::string render_case(const ModuleUnits& m, const TestCase& c, const std::string& alias) {
  std::string name = test_prefix(m);
  for (char ch : c.id) name += std::isalnum(static_cast<unsigned char>(ch)) ? ch : '_';
  const Unit* u = unit_of(m, c.unit);
  switch (c.kind) {
    case TestCase::Kind::fixture:
      return "// " + c.fixture + " returns a zero " + c.unit + "; its methods' tests call them on it.\nfunc " +
             c.fixture + "() *" + alias + "." + c.target + " {\n\treturn &" + alias + "." + c.target + "{}\n}\n";
    case TestCase::Kind::raises: {
      std::string call = callee(c, alias) + "(" + arg_list(c.rows[0].args) + ")";
      if (c.exception == "panic")
        return "func " + name + "(t *testing.T) {\n\t// " + c.unit + " panics when " + c.guard +
               "\n\tdefer func() {\n\t\tif recover() == nil {\n\t\t\tt.Fatal(\"want a panic\")\n\t\t}\n\t}()\n\t" +
               call + "\n}\n";
      std::vector<std::string> names(u ? u->results.size() : 1, "_");
      names.back() = "err";
      return "func " + name + "(t *testing.T) {\n\t// " + c.unit + " returns an error when " + c.guard + "\n\tif " +
             util::join(names, ", ") + " := " + call + "; err == nil {\n\t\tt.Fatal(\"want an error\")\n\t}\n}\n";
    }
    case TestCase::Kind::characterized: return u ? table_test(c, *u, alias, name) : std::string();
    case TestCase::Kind::model: return c.code;
    case TestCase::Kind::skeleton: {
      std::string ref =
          u && u->kind == Unit::Kind::method ? "(*" + alias + "." + u->owner + ")." + u->name : alias + "." + c.target;
      return "func " + name + "(t *testing.T) {\n\tt.Skip(" + go_str("copilot gen-tests skeleton: " + c.reason) +
             ")\n\t_ = " + ref + " // call it and check the result\n}\n";
    }
    case TestCase::Kind::smoke:
    case TestCase::Kind::doctest:
    case TestCase::Kind::boundary: break;
  }
  return {};
}

}  // namespace

std::string render_block(const ModuleUnits& m, const TestCase& c) {
  std::string alias = alias_of(m);
  // gofmt keeps a blank line between a function and the comment after it.
  return begin_marker(kComment, c.id) + "\n" + substitute(render_case(m, c, alias), alias) + "\n" +
         end_marker(kComment, c.id) + "\n";
}

std::string render(const ModuleUnits& m, const std::vector<TestCase>& cases, const std::string&) {
  std::string alias = alias_of(m);
  std::string out = "// " + std::string(kGeneratedTag) + " from " + m.path + ".\n";
  out +=
      "// Tests between \"// copilot-gen: begin ID\" and \"// copilot-gen: end ID\" are managed by\n"
      "// copilot gen-tests: a later run adds missing ones and --verify removes failing ones.\n"
      "// Everything else in this file is yours and is kept.\n\npackage generated\n\nimport (\n\t\"reflect\"\n"
      "\t\"testing\"\n\n\t" +
      alias + " " + go_str(m.import_name) + "\n)\n\n";
  // The imports stay used whatever --verify removes.
  out += "var _ = reflect.DeepEqual\nvar _ testing.TB\n";
  for (const auto& u : m.units) {
    if (u.kind == Unit::Kind::method || !u.decorators.empty()) continue;
    out += u.kind == Unit::Kind::class_ ? "var _ *" + alias + "." + u.name + "\n"
                                        : "var _ = " + alias + "." + u.name + "\n";
    break;
  }
  for (const auto& c : cases) out += "\n" + render_block(m, c);
  return out;
}

}  // namespace copilot::testgen::golang
