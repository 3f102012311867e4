// C++: declarations in headers, guards from inline bodies, GoogleTest rendering.
#include <gtest/gtest.h>

#include "syntax/syntax.h"
#include "testgen/cpp/cpp.h"
#include "testgen/work.h"

namespace copilot::testgen {
namespace {

const Unit* find(const ModuleUnits& m, const std::string& qualname) {
  for (const auto& u : m.units)
    if (u.qualname == qualname) return &u;
  return nullptr;
}

constexpr const char* kHeader = R"(#pragma once
#include <string>
#include <vector>
namespace shop {
namespace detail { int hidden_helper(); }
int add(int a, int b = 2);
inline double ratio(double x, const std::string& name) {
  if (x < 0.5 || name.empty()) throw std::out_of_range("ratio");
  return x;
}
void log_line(const std::string& line);
void log_line(const char* line);
template <typename T> T twice(T x) { return x + x; }
struct Box {
  explicit Box(int size = 1);
  int grow(std::size_t by) { if (by == 0) throw BadSize("zero"); return 1; }
  static Box make();
 private:
  int secret();
};
}  // namespace shop
)";

TEST(CppExtract, DeclarationsInNamespacesAndClasses) {
  auto m = cpp::extract("include/shop.h", kHeader);
  ASSERT_EQ(m.skip_reason, "");
  const Unit* add = find(m, "shop::add");
  ASSERT_NE(add, nullptr);
  ASSERT_EQ(add->params.size(), 2u);
  EXPECT_EQ(add->params[1].default_value, "2");
  EXPECT_NE(find(m, "shop::detail::hidden_helper"), nullptr);
  const Unit* ratio = find(m, "shop::ratio");
  ASSERT_EQ(ratio->raises.size(), 1u);
  EXPECT_EQ(ratio->raises[0].exception, "std::out_of_range");
  EXPECT_EQ(ratio->raises[0].guard, "x < 0.5 || name.empty()");
  EXPECT_EQ(ratio->params[1].annotation, "const std::string&");
  EXPECT_EQ(find(m, "shop::log_line")->decorators[0].rfind("overloaded", 0), 0u);
  EXPECT_EQ(find(m, "shop::twice")->decorators[0].rfind("a template", 0), 0u);
  const Unit* box = find(m, "shop::Box");
  ASSERT_NE(box, nullptr);
  ASSERT_EQ(box->params.size(), 1u);  // the constructor's
  EXPECT_NE(find(m, "shop::Box::grow"), nullptr);
  EXPECT_TRUE(find(m, "shop::Box::make")->is_static);
  EXPECT_EQ(find(m, "shop::Box::secret"), nullptr);  // private
}

TEST(CppExtract, SyntaxErrorIsReported) {
  EXPECT_NE(cpp::extract("a.h", "namespace a {\nint f(int x\n}\n").skip_reason.find("syntax error"), std::string::npos);
}

TEST(CppRender, GuardsBecomeExpectThrow) {
  auto m = cpp::extract("include/shop.h", kHeader);
  m.import_name = m.path;
  m.import_root = "src/shop.cpp";
  std::vector<SkippedUnit> skipped;
  auto cases = cpp::derive_cases(m, skipped);
  settle(cases, skipped);
  std::string text = cpp::render(m, cases, "");
  auto tree = syntax::parse("cpp", text);
  ASSERT_TRUE(tree);
  EXPECT_FALSE(tree->has_error()) << text;
  EXPECT_NE(text.find("// copilot-gen: compile src/shop.cpp"), std::string::npos);
  EXPECT_NE(text.find("add_executable(include_shop_test tests/generated/include_shop_test.cpp src/shop.cpp)"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("EXPECT_THROW(shop::ratio((0.5 - 1), \"a\"), std::out_of_range);"), std::string::npos) << text;
  EXPECT_NE(text.find("shop::Box subject;\n  EXPECT_THROW(subject.grow(0), shop::BadSize);"), std::string::npos)
      << text;
  EXPECT_NE(text.find("GTEST_SKIP() << \"copilot gen-tests skeleton: "), std::string::npos) << text;
}

}  // namespace
}  // namespace copilot::testgen
