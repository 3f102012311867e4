// Python unit extraction: signatures, docstrings, doctests, raise guards, purity, bad input.
#include <gtest/gtest.h>

#include "testgen/python/python.h"

namespace copilot::testgen {
namespace {

const Unit* find(const ModuleUnits& m, const std::string& qualname) {
  for (const auto& u : m.units)
    if (u.qualname == qualname) return &u;
  return nullptr;
}

TEST(PythonExtract, SignatureWithHintsDefaultsAndKinds) {
  auto m = python::extract("m.py", R"(
def f(a: int, b, /, c: str = "x", *args: int, d: Optional[float] = None, **kw) -> List[int]:
    return [a]
)");
  ASSERT_TRUE(m.skip_reason.empty()) << m.skip_reason;
  const Unit* f = find(m, "f");
  ASSERT_NE(f, nullptr);
  ASSERT_EQ(f->params.size(), 6u);
  EXPECT_EQ(f->params[0].name, "a");
  EXPECT_EQ(f->params[0].annotation, "int");
  EXPECT_EQ(f->params[0].kind, Param::Kind::positional_only);
  EXPECT_EQ(f->params[1].kind, Param::Kind::positional_only);
  EXPECT_EQ(f->params[2].default_value, "\"x\"");
  EXPECT_EQ(f->params[2].kind, Param::Kind::positional);
  EXPECT_EQ(f->params[3].kind, Param::Kind::var_positional);
  EXPECT_EQ(f->params[3].name, "args");
  EXPECT_EQ(f->params[4].kind, Param::Kind::keyword_only);
  EXPECT_EQ(f->params[4].annotation, "Optional[float]");
  EXPECT_EQ(f->params[5].kind, Param::Kind::var_keyword);
  EXPECT_EQ(f->returns, "List[int]");
}

TEST(PythonExtract, ClassesMethodsDecoratorsAndSelf) {
  auto m = python::extract("m.py", R"(
class Account(Base):
    """An account."""
    def __init__(self, owner: str, balance: int = 0):
        self.owner = owner

    @staticmethod
    def parse(text: str) -> "Account":
        return Account(text)

    @property
    def label(self) -> str:
        return self.owner

    async def sync(self):
        pass
)");
  const Unit* cls = find(m, "Account");
  ASSERT_NE(cls, nullptr);
  EXPECT_EQ(cls->kind, Unit::Kind::class_);
  EXPECT_EQ(cls->bases, std::vector<std::string>{"Base"});
  EXPECT_EQ(cls->docstring, "An account.");
  ASSERT_EQ(cls->params.size(), 2u);  // the constructor's, without self
  EXPECT_EQ(cls->params[0].name, "owner");
  EXPECT_EQ(find(m, "Account.__init__"), nullptr);
  const Unit* parse = find(m, "Account.parse");
  ASSERT_NE(parse, nullptr);
  EXPECT_TRUE(parse->is_static);
  ASSERT_EQ(parse->params.size(), 1u);
  EXPECT_EQ(parse->params[0].name, "text");
  EXPECT_TRUE(find(m, "Account.label")->is_property);
  EXPECT_TRUE(find(m, "Account.label")->params.empty());
  EXPECT_TRUE(find(m, "Account.sync")->is_async);
  EXPECT_EQ(find(m, "Account.sync")->decorators.size(), 0u);
}

TEST(PythonExtract, DataclassFieldsBecomeConstructorParameters) {
  auto m = python::extract("m.py", R"(
@dataclass(frozen=True)
class Point:
    x: int
    y: int = 0
    ORIGIN: ClassVar[str] = "o"
)");
  const Unit* p = find(m, "Point");
  ASSERT_NE(p, nullptr);
  EXPECT_TRUE(p->is_dataclass);
  ASSERT_EQ(p->params.size(), 2u);
  EXPECT_EQ(p->params[1].default_value, "0");
}

TEST(PythonExtract, DoctestsWithContinuationOutputAndTraceback) {
  auto m = python::extract("m.py", R"(
def f(x):
    """Doubles.

    >>> f(2)
    4
    >>> for i in range(2):
    ...     print(i)
    0
    1
    >>> f(None)
    Traceback (most recent call last):
    TypeError: bad
    >>> f(1)  # doctest: +SKIP
    2
    """
    return x * 2
)");
  const Unit* f = find(m, "f");
  ASSERT_EQ(f->examples.size(), 4u);
  EXPECT_EQ(f->examples[0].source, "f(2)");
  EXPECT_EQ(f->examples[0].expected, "4\n");
  EXPECT_EQ(f->examples[0].line, 5);
  EXPECT_EQ(f->examples[1].source, "for i in range(2):\n    print(i)");
  EXPECT_EQ(f->examples[1].expected, "0\n1\n");
  EXPECT_EQ(f->examples[2].expected, "Traceback (most recent call last):\nTypeError: bad\n");
  EXPECT_TRUE(f->examples[3].skip);
}

TEST(PythonExtract, RaiseGuardsAtTheTopOfTheBody) {
  auto m = python::extract("m.py", R"(
def f(x: int, name: str):
    """Doc."""
    if x < 0:
        raise ValueError("negative")
    elif x > 10:
        raise errors.TooBig()
    record(x)
    if x == 5:
        raise RuntimeError
    raise
)");
  const Unit* f = find(m, "f");
  ASSERT_EQ(f->raises.size(), 3u);
  EXPECT_EQ(f->raises[0].exception, "ValueError");
  EXPECT_EQ(f->raises[0].guard, "x < 0");
  EXPECT_TRUE(f->raises[0].at_top);
  EXPECT_EQ(f->raises[1].exception, "errors.TooBig");
  EXPECT_EQ(f->raises[1].guard, "x > 10");
  EXPECT_TRUE(f->raises[1].at_top);
  EXPECT_EQ(f->raises[2].exception, "RuntimeError");
  EXPECT_FALSE(f->raises[2].at_top);  // after other work
}

TEST(PythonExtract, PurityFromTheCode) {
  auto m = python::extract("m.py", R"(
import os
def pure(a, b):
    return os.path.join(a, b)
def reads(p):
    return open(p).read()
def clock():
    return datetime.now()
def counter():
    global COUNT
    COUNT += 1
def keyword_named_open(x):
    return dict(open=x)
from random import sample as pick_some
def shuffled(xs):
    return pick_some(xs, len(xs))
)");
  EXPECT_EQ(find(m, "pure")->impure_reason, "");
  EXPECT_EQ(find(m, "reads")->impure_reason, "uses open()");
  EXPECT_NE(find(m, "clock")->impure_reason.find("clock"), std::string::npos);
  EXPECT_NE(find(m, "counter")->impure_reason.find("global"), std::string::npos);
  EXPECT_EQ(find(m, "keyword_named_open")->impure_reason, "");
  EXPECT_NE(find(m, "shuffled")->impure_reason.find("random.sample"), std::string::npos);
}

TEST(PythonExtract, GeneratorsAreToldApartFromNestedYields) {
  auto m = python::extract("m.py", R"(
def gen():
    yield 1
def outer():
    def inner():
        yield 2
    return inner
)");
  EXPECT_TRUE(find(m, "gen")->is_generator);
  EXPECT_FALSE(find(m, "outer")->is_generator);
}

TEST(PythonExtract, SyntaxErrorSkipsTheModuleWithItsLine) {
  auto m = python::extract("m.py", "def ok():\n    pass\n\ndef broken(x:\n    return x +\n");
  EXPECT_TRUE(m.units.empty());
  EXPECT_NE(m.skip_reason.find("syntax error at line"), std::string::npos) << m.skip_reason;
  EXPECT_GE(m.syntax_error_line, 4);
}

TEST(PythonExtract, ImportTimeSideEffectsSkipTheModule) {
  EXPECT_NE(python::extract("m.py", "def main():\n    pass\nmain()\n").skip_reason.find("main()"), std::string::npos);
  EXPECT_NE(python::extract("m.py", "import os\nKEY = os.environ[\"KEY\"]\n").skip_reason.find("os.environ"),
            std::string::npos);
  // Guarded by __main__, or harmless set-up: importable.
  EXPECT_EQ(python::extract("m.py", "def main():\n    pass\nif __name__ == \"__main__\":\n    main()\n").skip_reason,
            "");
  EXPECT_EQ(python::extract("m.py", "import logging\nlog = logging.getLogger(__name__)\n").skip_reason, "");
}

TEST(PythonExtract, ModuleNamesIncludeImportsAndAssignments) {
  auto m = python::extract("m.py", "import os.path\nfrom x import y as z, w\nA, B = 1, 2\ndef f(): pass\n");
  std::set<std::string> names(m.module_names.begin(), m.module_names.end());
  for (const char* n : {"os", "z", "w", "A", "B", "f"}) EXPECT_TRUE(names.count(n)) << n;
}

TEST(PythonExtract, NamedTupleFieldsAndTypeCheckingImports) {
  auto m = python::extract("m.py", R"(
from typing import TYPE_CHECKING, NamedTuple
if TYPE_CHECKING:
    from .env import Environment
class Url(NamedTuple):
    scheme: str
    port: int = 80
)");
  ASSERT_NE(find(m, "Url"), nullptr);
  ASSERT_EQ(find(m, "Url")->params.size(), 2u);
  EXPECT_EQ(find(m, "Url")->params[0].name, "scheme");
  std::set<std::string> names(m.module_names.begin(), m.module_names.end());
  EXPECT_FALSE(names.count("Environment"));  // bound only for type checkers
}

TEST(PythonExtract, PlatformAssertsSkipTheModule) {
  EXPECT_NE(python::extract("m.py", "import sys\nassert sys.platform == \"win32\"\n").skip_reason.find("platforms"),
            std::string::npos);
  EXPECT_EQ(python::extract("m.py", "assert True\n").skip_reason, "");
}

TEST(PythonDocstrings, LiteralsAreDecoded) {
  EXPECT_EQ(python::decode_string_literal(R"("""a\nb""")"), "a\nb");
  EXPECT_EQ(python::decode_string_literal(R"(r"""a\nb""")"), "a\\nb");
  EXPECT_EQ(python::decode_string_literal(R"('it\'s')"), "it's");
  EXPECT_EQ(python::decode_string_literal(R"("\d+")"), "\\d+");
}

}  // namespace
}  // namespace copilot::testgen
