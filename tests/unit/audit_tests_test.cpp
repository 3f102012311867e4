#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "audit/test_suites.h"
#include "audit_fixture.h"

namespace copilot::audit {
namespace {

using Lines = std::vector<int>;

using Repo = copilot::testing::AuditRepo;

const TestFramework* find_framework(const TestsSection& s, const std::string& name) {
  for (const auto& f : s.frameworks)
    if (f.name == name) return &f;
  return nullptr;
}

const TestFile* find_file(const TestsSection& s, const std::string& path) {
  for (const auto& f : s.files)
    if (f.path == path) return &f;
  return nullptr;
}

// ---------------------------------------------------------------------------
// Counting on syntax trees

TEST(CountTests, Python) {
  const char* src = R"(import unittest
import pytest

def test_top(): pass

@pytest.mark.slow
async def test_decorated(): pass

def helper():
    def test_nested(): pass

class TestThing:
    def test_method(self): pass
    @pytest.mark.parametrize("x", [1, 2])
    def test_param(self, x): pass
    def setup_method(self): pass

class ThingTests(unittest.TestCase):
    def test_unittest(self): pass

class Helper:
    def test_not_collected(self): pass
)";
  EXPECT_EQ(count_test_functions("python", src), (Lines{4, 7, 13, 15, 19}));
}

TEST(CountTests, JavaScriptAndTypeScript) {
  const char* src = R"(describe('suite', () => {
  it('works', () => {});
  test.each([1, 2])('case %s', (n) => {});
  it.only('focused', async () => {});
  test.describe('group', () => {});
  test.beforeEach(async () => {});
  xit('skipped', () => {});
});
test(`template`, async ({ page }) => {});
helper('not a test');
)";
  Lines expected{2, 3, 4, 7, 9};
  EXPECT_EQ(count_test_functions("javascript", src), expected);
  EXPECT_EQ(count_test_functions("typescript", src), expected);
  EXPECT_EQ(count_test_functions("tsx", "it('renders', () => {\n  render(<App title=\"x\" />);\n});\n"), Lines{1});
}

TEST(CountTests, Go) {
  const char* src = R"(package x

import "testing"

func TestAdd(t *testing.T) {}
func Test(t *testing.T) {}
func TestHelper(x int) {}
func Testlower(t *testing.T) {}
func BenchmarkAdd(b *testing.B) {}
func TestMain(m *testing.M) {}
)";
  EXPECT_EQ(count_test_functions("go", src), (Lines{5, 6}));
}

TEST(CountTests, Java) {
  const char* src = R"(import org.junit.jupiter.api.Test;
class FooTest {
  @Test
  void plain() {}
  @org.junit.Test public void qualified() {}
  @ParameterizedTest
  @ValueSource(ints = {1})
  void parameterized(int x) {}
  @BeforeEach void setUp() {}
  void testNotAnnotated() {}
}
class Legacy extends TestCase {
  public void testOld() {}
  public void helper() {}
}
)";
  EXPECT_EQ(count_test_functions("java", src), (Lines{3, 5, 6, 13}));
}

TEST(CountTests, Ruby) {
  const char* src = R"(RSpec.describe Cart do
  it 'adds items' do
    expect(cart.add(1)).to be true
  end
  it { is_expected.to be_valid }
  specify "totals" do end
  context "empty" do
    it("is empty") { }
  end
  let(:cart) { Cart.new }
end
class CartTest < Minitest::Test
  def test_total; end
  def helper; end
  test "adds" do
  end
end
def test_outside_class; end
)";
  EXPECT_EQ(count_test_functions("ruby", src), (Lines{2, 5, 6, 8, 13, 15}));
}

TEST(CountTests, Rust) {
  const char* src = R"(#[cfg(test)]
mod tests {
    #[test]
    fn adds() {}
    #[tokio::test(flavor = "multi_thread")]
    async fn async_adds() {}
    #[test]
    #[should_panic]
    fn panics() {}
    #[derive(Debug)]
    struct S;
}
)";
  EXPECT_EQ(count_test_functions("rust", src), (Lines{3, 5, 7}));
}

TEST(CountTests, Cpp) {
  const char* src = R"(#include <gtest/gtest.h>
TEST(Math, Adds) { EXPECT_EQ(2, 1 + 1); }
TEST_F(Fixture, Works) {
  ASSERT_TRUE(true);
}
TYPED_TEST(Typed, Works) {}
namespace {
TEST_P(Param, Works) {}
}
INSTANTIATE_TEST_SUITE_P(All, Param, ::testing::Values(1));
TEST_CASE("catch case", "[tag]") {
  SECTION("part") {}
}
SCENARIO("vectors grow") {}
TEST_CASE_METHOD(Fixture, "method case") {}
void TEST_helper();
)";
  EXPECT_EQ(count_test_functions("cpp", src), (Lines{2, 3, 6, 8, 11, 14, 15}));
}

TEST(CountTests, UnknownGrammarAndBrokenSource) {
  EXPECT_TRUE(count_test_functions("bash", "test_x() { true; }\n").empty());
  EXPECT_TRUE(count_test_functions("nonsense", "x").empty());
  // Syntax errors still give a tree; nothing crashes.
  Lines broken = count_test_functions("python", "def test_ok(): pass\ndef test_broken(:\n");
  ASSERT_FALSE(broken.empty());
  EXPECT_EQ(broken.front(), 1);
  EXPECT_TRUE(count_test_functions("javascript", "").empty());
}

// ---------------------------------------------------------------------------
// Naming conventions

TEST(TestFileNames, Conventions) {
  for (const char* yes :
       {"tests/test_api.py", "pkg/api_test.py", "app/tests.py", "src/a.test.ts", "src/a.spec.jsx", "e2e/login.cy.js",
        "src/__tests__/helper.js", "pkg/x_test.go", "src/test/java/com/x/FooTest.java", "FooTests.java", "FooIT.java",
        "TestFoo.java", "spec/models/user_spec.rb", "test/user_test.rb", "tests/integration.rs", "src/parser_test.cc",
        "test_parser.cpp", "ParserTest.cpp"})
    EXPECT_TRUE(is_test_file_name(yes)) << yes;
  for (const char* no : {"tests/conftest.py", "app/contest.py", "src/latest.ts", "src/testing.go", "Test.java",
                         "src/main/java/Testing.java", "lib/user.rb", "src/lib.rs", "src/protest.cpp", "README.md"})
    EXPECT_FALSE(is_test_file_name(no)) << no;
}

// ---------------------------------------------------------------------------
// The section

TEST(DetectTests, PythonProject) {
  Repo repo({{"requirements-dev.txt", "pytest==8.0.0\nhttpx\n"},
             {"pyproject.toml", "[project]\nname = \"x\"\n\n[tool.pytest.ini_options]\naddopts = \"-q\"\n"},
             {"tests/conftest.py", "import pytest\n"},
             {"tests/test_api.py", "import pytest\n\ndef test_a(): pass\n\ndef test_b(): pass\n"},
             {"tests/test_models.py",
              "import unittest\n\nclass ModelTests(unittest.TestCase):\n    def test_save(self): pass\n"},
             {"tests/test_helpers.py", "def make_user(): pass\n"},
             {"app/main.py", "def test_mode(): pass  # not a test file\n"}});
  TestsSection s = detect_tests(repo.input());
  EXPECT_EQ(s.test_files, 3);
  EXPECT_EQ(s.test_functions, 3);
  ASSERT_EQ(s.files.size(), 3u);
  EXPECT_EQ(s.files[0].path, "tests/test_api.py");
  EXPECT_EQ(s.files[0].framework, "pytest");
  EXPECT_EQ(s.files[0].tests, 2);
  EXPECT_EQ(s.files[1].path, "tests/test_helpers.py");
  EXPECT_EQ(s.files[1].tests, 0);
  EXPECT_EQ(s.files[2].framework, "unittest");
  const TestFramework* pytest = find_framework(s, "pytest");
  ASSERT_TRUE(pytest);
  EXPECT_EQ(pytest->files, 2);
  EXPECT_EQ(pytest->tests, 2);
  ASSERT_EQ(pytest->evidence.size(), 3u);
  EXPECT_EQ(pytest->evidence[0].file, "pyproject.toml");
  EXPECT_EQ(pytest->evidence[0].line, 4);
  EXPECT_EQ(pytest->evidence[1].file, "requirements-dev.txt");
  EXPECT_EQ(pytest->evidence[1].line, 1);
  EXPECT_EQ(pytest->evidence[2].file, "tests/conftest.py");
  const TestFramework* ut = find_framework(s, "unittest");
  ASSERT_TRUE(ut);
  EXPECT_EQ(ut->files, 1);
  EXPECT_EQ(ut->tests, 1);
  EXPECT_TRUE(ut->evidence.empty());
}

TEST(DetectTests, JavaScriptProjectWithSeveralRunners) {
  Repo repo(
      {{"package.json", R"({"devDependencies": {"jest": "^29.0.0", "@playwright/test": "^1.40.0"}})"},
       {"jest.config.js", "module.exports = {};\n"},
       {"src/cart.test.ts", "describe('cart', () => {\n  it('adds', () => {});\n  it('removes', () => {});\n});\n"},
       {"e2e/login.spec.ts",
        "import { test, expect } from '@playwright/test';\ntest('logs in', async ({ page }) => {});\n"},
       {"web/vite.test.ts", "import { it } from 'vitest';\nit('renders', () => {});\n"},
       {"test/helpers/setup.js", "beforeAll(() => {});\n"},
       {"test/api.js", "it('responds', () => {});\n"},
       {"src/app.ts", "it('not in a test file', () => {});\n"}});
  TestsSection s = detect_tests(repo.input());
  EXPECT_EQ(s.test_files, 4);
  EXPECT_EQ(s.test_functions, 5);
  EXPECT_EQ(find_file(s, "src/cart.test.ts")->framework, "Jest");
  EXPECT_EQ(find_file(s, "e2e/login.spec.ts")->framework, "Playwright");
  EXPECT_EQ(find_file(s, "web/vite.test.ts")->framework, "Vitest");
  EXPECT_EQ(find_file(s, "test/api.js")->framework, "Jest");
  EXPECT_FALSE(find_file(s, "test/helpers/setup.js"));
  EXPECT_FALSE(find_file(s, "src/app.ts"));
  const TestFramework* jest = find_framework(s, "Jest");
  ASSERT_TRUE(jest);
  EXPECT_EQ(jest->files, 2);
  EXPECT_EQ(jest->tests, 3);
  ASSERT_EQ(jest->evidence.size(), 2u);
  EXPECT_EQ(jest->evidence[0].file, "jest.config.js");
  EXPECT_EQ(jest->evidence[1].file, "package.json");
  EXPECT_EQ(find_framework(s, "Playwright")->tests, 1);
  EXPECT_EQ(find_framework(s, "Vitest")->tests, 1);
}

TEST(DetectTests, GoJavaRubyRustCpp) {
  Repo repo({{"pkg/add_test.go", "package pkg\nimport \"testing\"\nfunc TestAdd(t *testing.T) {}\n"},
             {"pom.xml", R"(<project><dependencies><dependency><groupId>org.junit.jupiter</groupId>
<artifactId>junit-jupiter</artifactId><version>5.10.0</version><scope>test</scope></dependency></dependencies></project>)"},
             {"src/test/java/AppTest.java",
              "import org.junit.jupiter.api.Test;\nclass AppTest {\n  @Test void a() {}\n  @Test void b() {}\n}\n"},
             {"spec/cart_spec.rb", "describe Cart do\n  it 'works' do\n  end\nend\n"},
             {"test/cart_test.rb", "class CartTest < Minitest::Test\n  def test_a; end\nend\n"},
             {"src/lib.rs", "pub fn f() {}\n#[cfg(test)]\nmod tests {\n    #[test]\n    fn t() {}\n}\n"},
             {"src/main.rs", "fn main() {}\n"},
             {"CMakeLists.txt", "project(x)\nfind_package(GTest REQUIRED)\n"},
             {"tests/math.cpp", "#include <gtest/gtest.h>\nTEST(M, A) {}\nTEST(M, B) {}\n"}});
  TestsSection s = detect_tests(repo.input());
  EXPECT_EQ(s.test_files, 6);
  EXPECT_EQ(s.test_functions, 8);
  EXPECT_EQ(find_framework(s, "go test")->tests, 1);
  ASSERT_EQ(find_framework(s, "go test")->evidence.size(), 1u);
  EXPECT_EQ(find_framework(s, "go test")->evidence[0].file, "pkg/add_test.go");
  EXPECT_EQ(find_framework(s, "JUnit 5")->tests, 2);
  EXPECT_EQ(find_framework(s, "JUnit 5")->evidence[0].file, "pom.xml");
  EXPECT_EQ(find_framework(s, "RSpec")->tests, 1);
  EXPECT_EQ(find_framework(s, "Minitest")->tests, 1);
  EXPECT_EQ(find_framework(s, "cargo test")->files, 1);
  EXPECT_EQ(find_file(s, "src/lib.rs")->tests, 1);
  EXPECT_FALSE(find_file(s, "src/main.rs"));
  const TestFramework* gtest = find_framework(s, "GoogleTest");
  ASSERT_TRUE(gtest);
  EXPECT_EQ(gtest->tests, 2);
  EXPECT_EQ(gtest->evidence[0].file, "CMakeLists.txt");
  EXPECT_EQ(gtest->evidence[0].line, 2);
}

TEST(DetectTests, NothingToFindAndBrokenInput) {
  Repo empty({{"README.md", "# hi\n"}});
  TestsSection s = detect_tests(empty.input());
  EXPECT_EQ(s.test_files, 0);
  EXPECT_TRUE(s.frameworks.empty());

  Repo broken({{"package.json", "{ broken"},
               {"tests/test_x.py", "def test_ok(): pass\nclass (:\n"},
               {"a.test.js", std::string("\0\0\0", 3)}});
  TestsSection b = detect_tests(broken.input());
  EXPECT_EQ(b.test_files, 1);
  EXPECT_GE(b.test_functions, 1);
  EXPECT_TRUE(broken.diagnostics().empty());  // the stack section reports the broken package.json
}

TEST(DetectTests, JsonShape) {
  Repo repo({{"x_test.go", "package x\nimport \"testing\"\nfunc TestX(t *testing.T) {}\n"}});
  nlohmann::json j = detect_tests(repo.input());
  EXPECT_EQ(j["test_files"], 1);
  EXPECT_EQ(j["test_functions"], 1);
  EXPECT_EQ(j["frameworks"][0]["name"], "go test");
  EXPECT_EQ(j["frameworks"][0]["files"], 1);
  EXPECT_EQ(j["frameworks"][0]["tests"], 1);
  EXPECT_TRUE(j["frameworks"][0]["evidence"].is_array());
  EXPECT_EQ(j["files"][0], (nlohmann::json{{"path", "x_test.go"}, {"framework", "go test"}, {"tests", 1}}));
}

}  // namespace
}  // namespace copilot::audit
