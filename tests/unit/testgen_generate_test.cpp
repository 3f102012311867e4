// Python test generation: values, guard solving, cases, rendering and merging by markers.
#include <gtest/gtest.h>

#include "syntax/syntax.h"
#include "testgen/markers.h"
#include "testgen/python/python.h"
#include "testgen/python/values.h"
#include "testgen/work.h"

namespace copilot::testgen {
namespace {

using python::solve_guard;

Param param(std::string name, std::string annotation, std::string def = "") {
  Param p;
  p.name = std::move(name);
  p.annotation = std::move(annotation);
  p.default_value = std::move(def);
  return p;
}

std::vector<std::string> labels(const std::vector<python::Value>& values) {
  std::vector<std::string> out;
  for (const auto& v : values) out.push_back(v.label + "=" + v.expr);
  return out;
}

TEST(PythonValues, FromHintsAndDefaults) {
  EXPECT_EQ(labels(python::values_for(param("n", "int"))),
            (std::vector<std::string>{"one=1", "zero=0", "negative=-1"}));
  EXPECT_EQ(labels(python::values_for(param("s", "Optional[str]"))),
            (std::vector<std::string>{"single=\"a\"", "empty=\"\"", "many=\"hello world\"", "none=None"}));
  EXPECT_EQ(labels(python::values_for(param("xs", "list[int] | None"))).back(), "none=None");
  EXPECT_EQ(labels(python::values_for(param("xs", "List[str]")))[2], "many=[\"a\", \"b\", \"c\"]");
  EXPECT_EQ(labels(python::values_for(param("d", "Dict[str, int]")))[0], "one={\"a\": 1}");
  EXPECT_EQ(labels(python::values_for(param("k", "", "3")))[0], "one=1");  // type from the default
  EXPECT_EQ(labels(python::values_for(param("k", "", "None"))), (std::vector<std::string>{"none=None"}));
  EXPECT_TRUE(python::values_for(param("w", "Widget")).empty());
  EXPECT_TRUE(python::values_for(param("w", "")).empty());
}

TEST(PythonValues, ReturnChecks) {
  std::set<std::string, std::less<>> classes = {"Order"};
  EXPECT_EQ(python::return_check("int", classes).type, "int");
  EXPECT_EQ(python::return_check("float", classes).type, "(int, float)");
  auto opt = python::return_check("Optional[List[int]]", classes);
  EXPECT_EQ(opt.type, "list");
  EXPECT_TRUE(opt.optional);
  EXPECT_EQ(python::return_check("\"Order\"", classes).type, "$M.Order");
  EXPECT_EQ(python::return_check("Iterator[int]", classes).type, "");
  EXPECT_EQ(python::return_check("int | str", classes).type, "");
}

TEST(PythonGuards, SimpleConditionsAreSolved) {
  std::vector<Param> ps = {param("x", "int"), param("name", "str"), param("items", "list"), param("mode", "")};
  std::set<std::string, std::less<>> names = {"LIMIT"};
  auto solved = [&](const std::string& guard) {
    auto s = solve_guard(guard, ps, names);
    std::string out;
    if (!s) return std::string("unsolved");
    for (const auto& [k, v] : *s) out += (out.empty() ? "" : ",") + k + "=" + v;
    return out;
  };
  EXPECT_EQ(solved("x < 0"), "x=-1");
  EXPECT_EQ(solved("x >= 10"), "x=10");
  EXPECT_EQ(solved("0 > x"), "x=-1");
  EXPECT_EQ(solved("x > LIMIT"), "x=$M.LIMIT + 1");
  EXPECT_EQ(solved("not name"), "name=\"\"");
  EXPECT_EQ(solved("mode is None"), "mode=None");
  EXPECT_EQ(solved("len(items) == 0"), "items=[]");
  EXPECT_EQ(solved("len(name) > 3"), "name=\"xxxx\"");
  EXPECT_EQ(solved("mode not in (\"r\", \"w\")"), "mode=\"copilot-not-allowed\"");
  EXPECT_EQ(solved("x not in {1, 2}"), "x=3");
  EXPECT_EQ(solved("not isinstance(x, int)"), "x=object()");
  EXPECT_EQ(solved("x < 0 or x > 100"), "x=-1");
  EXPECT_EQ(solved("x < 0 and not name"), "name=\"\",x=-1");
  EXPECT_EQ(solved("x < 0 and x > 5"), "unsolved");  // one parameter, two values
  EXPECT_EQ(solved("compute(x)"), "unsolved");
  EXPECT_EQ(solved("other < 0"), "unsolved");
}

ModuleUnits module_of(const std::string& source) {
  auto m = python::extract("pkg/mod.py", source);
  m.import_name = "pkg.mod";
  m.import_root = "";
  return m;
}

std::vector<TestCase> cases_of(const ModuleUnits& m, std::vector<SkippedUnit>* skipped_out = nullptr) {
  std::vector<SkippedUnit> skipped;
  auto cases = python::derive_cases(m, skipped);
  settle(cases, skipped);
  if (skipped_out) *skipped_out = skipped;
  return cases;
}

const TestCase* by_id(const std::vector<TestCase>& cases, const std::string& id) {
  for (const auto& c : cases)
    if (c.id == id) return &c;
  return nullptr;
}

TEST(PythonCases, DoctestRaisesBoundaryAndFixture) {
  auto m = module_of(R"(
class Cart:
    def __init__(self, owner: str):
        if not owner:
            raise ValueError("owner")
    def add(self, n: int = 1) -> int:
        if n <= 0:
            raise ValueError("n")
        return n

def double(x: int) -> int:
    """
    >>> double(2)
    4
    """
    return 2 * x
)");
  auto cases = cases_of(m);
  ASSERT_NE(by_id(cases, "module:imports"), nullptr);
  ASSERT_NE(by_id(cases, "Cart:fixture"), nullptr);
  EXPECT_EQ(by_id(cases, "Cart:fixture")->fixture, "cart_instance");
  ASSERT_NE(by_id(cases, "Cart:raises:1"), nullptr);
  EXPECT_EQ(by_id(cases, "Cart:raises:1")->rows[0].args[0].value, "\"\"");
  const TestCase* add_raises = by_id(cases, "Cart.add:raises:1");
  ASSERT_NE(add_raises, nullptr);
  EXPECT_TRUE(add_raises->on_instance);
  EXPECT_EQ(add_raises->rows[0].args[0].value, "0");
  const TestCase* bounds = by_id(cases, "double:boundary");
  ASSERT_NE(bounds, nullptr);
  EXPECT_EQ(bounds->returns, "int");
  EXPECT_EQ(bounds->rows.size(), 3u);  // base (1), zero, negative
  EXPECT_NE(by_id(cases, "double:doctest"), nullptr);
  EXPECT_EQ(by_id(cases, "double:skeleton"), nullptr);  // it has concrete tests
}

TEST(PythonCases, NothingConcreteGivesASkeletonWithAReason) {
  std::vector<SkippedUnit> skipped;
  auto m = module_of(R"(
def untyped(a, b):
    return a + b
def varargs(*args, **kwargs):
    return args
@app.route("/x")
def view():
    return "x"
def __getattr__(name):
    return name
)");
  auto cases = cases_of(m, &skipped);
  ASSERT_NE(by_id(cases, "untyped:skeleton"), nullptr);
  EXPECT_NE(by_id(cases, "untyped:skeleton")->reason.find("no value can be derived for parameter a"),
            std::string::npos);
  EXPECT_NE(by_id(cases, "varargs:skeleton")->reason.find("*args/**kwargs"), std::string::npos);
  EXPECT_NE(by_id(cases, "view:skeleton")->reason.find("@app.route"), std::string::npos);
  EXPECT_EQ(by_id(cases, "__getattr__:skeleton"), nullptr);
  bool dunder_reported = false;
  for (const auto& s : skipped) dunder_reported = dunder_reported || s.unit == "__getattr__";
  EXPECT_TRUE(dunder_reported);
}

TEST(PythonCases, EffectfulCodeIsNotCalledWithMadeUpInputs) {
  auto m = module_of(R"(
def read(p: str) -> str:
    if not p:
        raise ValueError("no path")
    return open(p).read()
def lines(p: str) -> list:
    return read(p).splitlines()
def pure(p: str) -> str:
    return p.strip()
)");
  auto cases = cases_of(m);
  EXPECT_EQ(by_id(cases, "read:boundary"), nullptr);
  EXPECT_NE(by_id(cases, "read:raises:1"), nullptr);  // the guard runs before any effect
  EXPECT_NE(by_id(cases, "lines:skeleton")->reason.find("calls read(), which uses open()"), std::string::npos);
  ASSERT_NE(by_id(cases, "pure:boundary"), nullptr);
  EXPECT_EQ(by_id(cases, "pure:boundary")->not_characterizable, "");
}

bool parses(const std::string& text) {
  auto tree = syntax::parse("python", text);
  return tree && !tree->has_error();
}

TEST(PythonRender, EveryKindRendersToValidPython) {
  auto m = module_of(R"(
import asyncio
class Cart:
    def __init__(self, owner: str = "o"):
        pass
    @property
    def size(self) -> int:
        return 0
def double(x: int) -> int:
    """
    >>> double(2)
    4
    >>> print("a")
    a
    >>> double(None)
    Traceback (most recent call last):
    TypeError: nope
    """
    if x is None:
        raise TypeError("nope")
    return 2 * x
async def later(x: int) -> int:
    return x
def gen(n: int):
    yield n
def untyped(a):
    return a
)");
  auto cases = cases_of(m);
  std::string text = python::render(m, cases, "../..");
  EXPECT_TRUE(parses(text)) << text;
  EXPECT_NE(text.find("mod = importlib.import_module(\"pkg.mod\")"), std::string::npos);
  EXPECT_NE(text.find("assert (double(2)) == 4"), std::string::npos) << text;
  EXPECT_NE(text.find("assert capsys.readouterr().out == \"a\\n\""), std::string::npos) << text;
  EXPECT_NE(text.find("with pytest.raises(TypeError):\n        double(None)"), std::string::npos) << text;
  EXPECT_NE(text.find("result = asyncio.run(mod.later(*args, **kwargs))"), std::string::npos) << text;
  EXPECT_NE(text.find("@pytest.mark.skip(reason=\"copilot gen-tests skeleton: "), std::string::npos) << text;
  EXPECT_NE(text.find("result = cart_instance.size"), std::string::npos) << text;
  EXPECT_NE(text.find("pytest.param((0,), {}, id=\"x:zero\"),"), std::string::npos) << text;
  EXPECT_EQ(text.find("$M."), std::string::npos);
}

TEST(Markers, MergeAddsOnlyMissingAndSkipsRemoved) {
  std::string text =
      "# Generated by copilot gen-tests from m.py.\nimport pytest\n\n"
      "# copilot-gen: begin a:x\ndef test_a():\n    assert 1\n# copilot-gen: end a:x\n"
      "# copilot-gen: removed b:x (failed under --verify: boom)\n"
      "def test_mine():\n    assert 2\n";
  auto marked = scan_markers(text, "#");
  EXPECT_TRUE(marked.generated);
  EXPECT_TRUE(marked.has("a:x"));
  EXPECT_TRUE(marked.has("b:x"));
  int added =
      merge_blocks(text, "#",
                   {{"a:x", "# copilot-gen: begin a:x\nNEW\n# copilot-gen: end a:x\n"},
                    {"b:x", "# copilot-gen: begin b:x\nNEW\n# copilot-gen: end b:x\n"},
                    {"c:x", "# copilot-gen: begin c:x\ndef test_c():\n    assert 3\n# copilot-gen: end c:x\n"}});
  EXPECT_EQ(added, 1);
  EXPECT_EQ(text.find("NEW"), std::string::npos);
  EXPECT_NE(text.find("def test_c"), std::string::npos);
  EXPECT_NE(text.find("def test_mine"), std::string::npos);  // the user's test stays
}

TEST(Markers, RemovingRowsThenTheBlock) {
  std::string text =
      "# copilot-gen: begin f:boundary\n@pytest.mark.parametrize(\"args\", [\n"
      "    pytest.param((1,), {}, id=\"base\"),\n    pytest.param((0,), {}, id=\"x:zero\"),\n])\n"
      "def test_f(args):\n    pass\n# copilot-gen: end f:boundary\n";
  EXPECT_TRUE(remove_row(text, "#", "f:boundary", "id=\"x:zero\"", "id=\"", "failed"));
  EXPECT_EQ(text.find("x:zero"), std::string::npos);
  EXPECT_NE(text.find("id=\"base\""), std::string::npos);
  EXPECT_TRUE(remove_row(text, "#", "f:boundary", "id=\"base\"", "id=\"", "failed"));
  EXPECT_EQ(text, "# copilot-gen: removed f:boundary (failed)\n");
  EXPECT_FALSE(remove_block(text, "#", "f:boundary", "again"));
}

TEST(Markers, AFileWithoutTheTagIsNotOurs) {
  EXPECT_FALSE(scan_markers("import pytest\n# copilot-gen: begin a\n# copilot-gen: end a\n", "#").generated);
}

}  // namespace
}  // namespace copilot::testgen
