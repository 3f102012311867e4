// Test cases → pytest source. Formatting only: what to test was decided in cases.cpp.
#include <functional>
#include <optional>
#include <set>

#include "syntax/syntax.h"
#include "testgen/markers.h"
#include "testgen/python/python.h"
#include "util/strings.h"

namespace copilot::testgen::python {
namespace {

constexpr std::string_view kComment = "#";

std::string py_str(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    switch (c) {
      case '\\': out += "\\\\"; break;
      case '"': out += "\\\""; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default: out += c;
    }
  }
  return out + "\"";
}

std::string module_alias(const ModuleUnits& m) {
  std::string last = m.import_name.substr(m.import_name.rfind('.') + 1);
  static const std::set<std::string, std::less<>> kTaken = {"pytest", "sys", "pathlib", "asyncio", "itertools"};
  return kTaken.count(last) ? last + "_module" : last;
}

std::string substitute(std::string s, const std::string& alias) {
  for (size_t at = s.find("$M."); at != std::string::npos; at = s.find("$M.", at + alias.size()))
    s.replace(at, 2, alias);
  return s;
}

std::string test_name(const TestCase& c) {
  std::string out = "test_";
  for (char ch : c.id) out += std::isalnum(static_cast<unsigned char>(ch)) || ch == '_' ? ch : '_';
  return out;
}

std::string indent(std::string_view code, const std::string& pad) {
  std::string out;
  for (auto line : util::split_lines(code)) out += (line.empty() ? "" : pad) + std::string(line) + "\n";
  return out;
}

// The callee as the test writes it.
std::string callee(const TestCase& c, const std::string& alias) {
  return c.on_instance ? c.fixture + "." + c.target : alias + "." + c.target;
}

std::string call_args(const std::vector<Arg>& args) {
  std::vector<std::string> parts;
  for (const auto& a : args) parts.push_back(a.keyword ? a.name + "=" + a.value : a.value);
  return util::join(parts, ", ");
}

// `(a, b)` and `{"k": v}` for a table row.
std::pair<std::string, std::string> row_values(const Row& r) {
  std::vector<std::string> pos, kw;
  for (const auto& a : r.args) (a.keyword ? kw : pos).push_back(a.keyword ? py_str(a.name) + ": " + a.value : a.value);
  std::string tuple = pos.size() == 1 ? "(" + pos[0] + ",)" : "(" + util::join(pos, ", ") + ")";
  return {tuple, "{" + util::join(kw, ", ") + "}"};
}

// Wraps a call so its result can be checked: awaited, or a generator drained (bounded).
std::string result_of(const TestCase& c, const std::string& call) {
  if (c.is_async) return "asyncio.run(" + call + ")";
  if (c.is_generator) return "list(itertools.islice(" + call + ", 20))";
  return call;
}

bool is_literal_tree(TSNode n) {
  std::string_view t = ts_node_type(n);
  static const std::set<std::string_view> kLiteral = {"integer",
                                                      "float",
                                                      "true",
                                                      "false",
                                                      "none",
                                                      "list",
                                                      "tuple",
                                                      "dictionary",
                                                      "set",
                                                      "pair",
                                                      "unary_operator",
                                                      "parenthesized_expression",
                                                      "concatenated_string",
                                                      "string",
                                                      "string_start",
                                                      "string_content",
                                                      "string_end",
                                                      "escape_sequence"};
  if (!kLiteral.count(t)) return false;
  for (uint32_t i = 0; i < ts_node_named_child_count(n); ++i)
    if (!is_literal_tree(ts_node_named_child(n, i))) return false;
  return true;
}

// The expression a source holds, without trailing comments (not an
// assignment, not a print call), or nullopt for statements.
std::optional<std::string> single_expression(std::string_view source, bool& is_print) {
  auto tree = syntax::parse("python", source);
  is_print = false;
  if (!tree || tree->has_error()) return std::nullopt;
  TSNode root = tree->root();
  std::vector<TSNode> statements;
  for (uint32_t i = 0; i < ts_node_named_child_count(root); ++i)
    if (std::string_view(ts_node_type(ts_node_named_child(root, i))) != "comment")
      statements.push_back(ts_node_named_child(root, i));
  if (statements.size() != 1) return std::nullopt;
  TSNode s = statements[0];
  if (std::string_view(ts_node_type(s)) != "expression_statement") return std::nullopt;
  // `next(it), next(it)` is a tuple without its parentheses.
  if (ts_node_named_child_count(s) > 1) return "(" + std::string(tree->text(s)) + ")";
  TSNode e = ts_node_named_child(s, 0);
  std::string_view t = ts_node_type(e);
  if (t == "assignment" || t == "augmented_assignment" || t == "yield") return std::nullopt;
  if (t == "call" && tree->text(ts_node_child_by_field_name(e, "function", 8)) == "print") is_print = true;
  return std::string(tree->text(e));
}

// True when a compound statement holds expression statements whose values
// the interactive prompt would show (`if p:\n    list(p)`): output that plain
// code cannot reproduce.
bool echoes_values(std::string_view source) {
  auto tree = syntax::parse("python", source);
  if (!tree || tree->has_error()) return true;
  std::function<bool(TSNode, int)> walk = [&](TSNode n, int depth) {
    std::string_view t = ts_node_type(n);
    if (t == "function_definition" || t == "class_definition" || t == "lambda") return false;
    if (t == "expression_statement" && depth > 1 && ts_node_named_child_count(n) == 1) {
      TSNode e = ts_node_named_child(n, 0);
      std::string_view et = ts_node_type(e);
      bool is_print = et == "call" && tree->text(ts_node_child_by_field_name(e, "function", 8)) == "print";
      if (et != "assignment" && et != "augmented_assignment" && et != "string" && !is_print) return true;
    }
    for (uint32_t i = 0; i < ts_node_named_child_count(n); ++i)
      if (walk(ts_node_named_child(n, i), depth + 1)) return true;
    return false;
  };
  return walk(tree->root(), 0);
}

bool literal_text(std::string_view text) {
  auto tree = syntax::parse("python", text);
  if (!tree || tree->has_error() || ts_node_named_child_count(tree->root()) != 1) return false;
  TSNode s = ts_node_named_child(tree->root(), 0);
  if (std::string_view(ts_node_type(s)) != "expression_statement" || ts_node_named_child_count(s) != 1) return false;
  return is_literal_tree(ts_node_named_child(s, 0));
}

std::string traceback_exception(std::string_view expected, const std::set<std::string, std::less<>>& names) {
  auto lines = util::split_lines(expected);
  std::string last;
  for (auto l : lines)
    if (!util::trim(l).empty()) last = std::string(util::trim(l));
  std::string name = last.substr(0, last.find(':'));
  std::string leaf = name.substr(name.rfind('.') + 1);
  if (leaf.empty() || !std::isupper(static_cast<unsigned char>(leaf[0]))) return "Exception";
  if (names.count(leaf)) return "$M." + leaf;
  // Built-in exceptions end in Error/Exception/Warning or are a few known names.
  if (util::ends_with(leaf, "Error") || leaf == "StopIteration" || leaf == "KeyboardInterrupt" || leaf == "Exception")
    return name.find('.') == std::string::npos ? leaf : "Exception";
  return "Exception";
}

struct Body {
  std::string text;
  bool uses_capsys = false;
};

Body doctest_body(const ModuleUnits& m, const TestCase& c) {
  Body b;
  std::set<std::string, std::less<>> names(m.module_names.begin(), m.module_names.end());
  for (const auto& package : c.packages) b.text += "    import " + package + "\n";
  if (!c.imports.empty()) b.text += "    from " + m.import_name + " import " + util::join(c.imports, ", ") + "\n";
  for (const auto& ex : c.examples) {
    std::string expected = ex.expected;
    while (!expected.empty() && (expected.back() == '\n' || expected.back() == ' ')) expected.pop_back();
    bool is_print = false;
    auto expression = single_expression(ex.source, is_print);
    b.text += "    # line " + std::to_string(ex.line) + "\n";
    if (util::starts_with(expected, "Traceback (most recent call last)")) {
      b.text +=
          "    with pytest.raises(" + traceback_exception(expected, names) + "):\n" + indent(ex.source, "        ");
    } else if (ex.skip || (!expression && echoes_values(ex.source))) {
      b.text += indent(ex.source, "    ");
    } else if (expression && !is_print && expected.empty()) {
      b.text += "    assert (" + *expression + ") is None\n";
    } else if (expected.empty()) {
      b.text += indent(ex.source, "    ");
    } else if (expression && !is_print && literal_text(expected)) {
      b.text += "    assert (" + *expression + ") == " + expected + "\n";
    } else if (expression && !is_print) {
      // As the prompt shows it: what the call printed, then the value's repr.
      b.uses_capsys = true;
      b.text += "    capsys.readouterr()\n    shown = " + *expression +
                "\n    assert capsys.readouterr().out + (\"\" if shown is None else repr(shown) + \"\\n\") == " +
                py_str(ex.expected) + "\n";
    } else {
      b.uses_capsys = true;
      b.text += "    capsys.readouterr()\n" + indent(ex.source, "    ") +
                "    assert capsys.readouterr().out == " + py_str(ex.expected) + "\n";
    }
  }
  return b;
}

std::string table(const std::vector<Row>& rows, const std::string& third_column) {
  std::string out = "@pytest.mark.parametrize(\n    " + py_str("args, kwargs" + third_column) + ",\n    [\n";
  for (const auto& r : rows) {
    auto [tuple, kw] = row_values(r);
    std::string extra = third_column.empty() ? "" : ", " + (r.error.empty() ? r.expected : r.error);
    out += "        pytest.param(" + tuple + ", " + kw + extra + ", id=" + py_str(r.label) + "),\n";
  }
  return out + "    ],\n)\n";
}

std::string function_params(const TestCase& c, std::vector<std::string> params) {
  if (c.on_instance) params.insert(params.begin(), c.fixture);
  return util::join(params, ", ");
}

std::string render_case(const ModuleUnits& m, const TestCase& c, const std::string& alias) {
  std::string name = test_name(c);
  std::string call = callee(c, alias) + (c.is_property ? "" : "(*args, **kwargs)");
  switch (c.kind) {
    case TestCase::Kind::smoke:
      return "def " + name + "():\n    assert " + alias + ".__name__ == " + py_str(m.import_name) + "\n";
    case TestCase::Kind::fixture:
      return "@pytest.fixture\ndef " + c.fixture + "():\n    return " + alias + "." + c.target + "(" +
             call_args(c.rows[0].args) + ")\n\n\ndef " + name + "(" + c.fixture + "):\n    assert isinstance(" +
             c.fixture + ", " + alias + "." + c.target + ")\n";
    case TestCase::Kind::doctest: {
      Body b = doctest_body(m, c);
      return "def " + name + "(" + (b.uses_capsys ? "capsys" : "") + "):\n    \"\"\"Examples from the docstring of " +
             c.unit + ".\"\"\"\n" + b.text;
    }
    case TestCase::Kind::raises: {
      std::string target = callee(c, alias) + "(" + call_args(c.rows[0].args) + ")";
      if (c.is_async) target = "asyncio.run(" + target + ")";
      if (c.is_generator) target = "next(iter(" + target + "))";
      std::string doc = c.guard.empty() ? "always raises" : "raises when " + c.guard;
      return "def " + name + "(" + function_params(c, {}) + "):\n    \"\"\"" + c.unit + " " + doc +
             ".\"\"\"\n    with pytest.raises(" + c.exception + "):\n        " + target + "\n";
    }
    case TestCase::Kind::boundary: {
      std::string check = c.returns == "None"  ? "result is None"
                          : c.returns_optional ? "result is None or isinstance(result, " + c.returns + ")"
                                               : "isinstance(result, " + c.returns + ")";
      if (c.is_property)
        return "def " + name + "(" + c.fixture + "):\n    result = " + callee(c, alias) + "\n    assert " + check +
               "\n";
      return table(c.rows, "") + "def " + name + "(" + function_params(c, {"args", "kwargs"}) +
             "):\n    result = " + result_of(c, call) + "\n    assert " + check + "\n";
    }
    case TestCase::Kind::characterized: {
      bool errors = !c.rows.empty() && !c.rows[0].error.empty();
      if (errors)
        return table(c.rows, ", error") + "def " + name + "(" + function_params(c, {"args", "kwargs", "error"}) +
               "):\n    \"\"\"Recorded by --characterize: these inputs raised.\"\"\"\n    with pytest.raises(error):\n"
               "        " +
               result_of(c, call) + "\n";
      return table(c.rows, ", expected") + "def " + name + "(" + function_params(c, {"args", "kwargs", "expected"}) +
             "):\n    \"\"\"Recorded by --characterize: a change in behaviour fails here.\"\"\"\n    assert " +
             result_of(c, call) + " == expected\n";
    }
    case TestCase::Kind::model: return c.code;
    case TestCase::Kind::skeleton:
      return "@pytest.mark.skip(reason=" + py_str("copilot gen-tests skeleton: " + c.reason) + ")\ndef " + name +
             "():\n    result = " + alias + "." + c.target + "(" + c.signature +
             ")\n    assert result == ...  # the expected result\n";
  }
  return {};
}

}  // namespace

std::string test_file_name(std::string_view module_path) {
  std::string stem(module_path.substr(0, module_path.size() - (util::ends_with(module_path, ".py") ? 3 : 0)));
  for (char& ch : stem)
    if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
  return "test_" + stem + ".py";
}

std::string render_block(const ModuleUnits& m, const TestCase& c) {
  std::string alias = module_alias(m);
  return begin_marker(kComment, c.id) + "\n" + substitute(render_case(m, c, alias), alias) +
         end_marker(kComment, c.id) + "\n";
}

std::string render(const ModuleUnits& m, const std::vector<TestCase>& cases, const std::string& import_root_from_out) {
  std::string alias = module_alias(m);
  std::string out = "# " + std::string(kGeneratedTag) + " from " + m.path + ".\n";
  out +=
      "# Tests between \"# copilot-gen: begin ID\" and \"# copilot-gen: end ID\" are managed by\n"
      "# copilot gen-tests: a later run adds missing ones and --verify removes failing ones.\n"
      "# Everything else in this file is yours and is kept.\n"
      "import asyncio\nimport importlib\nimport itertools\nimport pathlib\nimport sys\n\nimport pytest\n\n";
  out += "sys.path.insert(0, str((pathlib.Path(__file__).resolve().parent / " + py_str(import_root_from_out) +
         ").resolve()))\n\n";
  // import_module, not `import a.b as b`: a package may bind a function over its submodule's name.
  out += alias + " = importlib.import_module(" + py_str(m.import_name) + ")\n";
  for (const auto& c : cases) out += "\n\n" + render_block(m, c);
  return out;
}

}  // namespace copilot::testgen::python
