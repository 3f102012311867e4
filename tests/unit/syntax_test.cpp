#include "syntax/syntax.h"

#include <gtest/gtest.h>

namespace copilot::syntax {
namespace {

struct Sample {
  const char* grammar;
  const char* source;
};

// Every grammar must load (ABI) and parse a small valid program without errors.
TEST(Syntax, EveryGrammarParses) {
  const Sample samples[] = {
      {"python", "def f(x):\n    return x + 1\n"},
      {"javascript", "function f(x) { return x + 1; }\n"},
      {"typescript", "function f(x: number): number { return x + 1; }\n"},
      {"tsx", "const A = () => <div>{1}</div>;\n"},
      {"go", "package main\nfunc f(x int) int { return x + 1 }\n"},
      {"java", "class A { int f(int x) { return x + 1; } }\n"},
      {"c", "int f(int x) { return x + 1; }\n"},
      {"cpp", "template <typename T> T f(T x) { return x + 1; }\n"},
      {"ruby", "def f(x)\n  x + 1\nend\n"},
      {"rust", "fn f(x: i32) -> i32 { x + 1 }\n"},
      {"bash", "f() { echo $(( $1 + 1 )); }\n"},
  };
  ASSERT_EQ(std::size(samples), grammar_ids().size());
  for (const auto& s : samples) {
    auto tree = parse(s.grammar, s.source);
    ASSERT_TRUE(tree.ok()) << s.grammar << ": " << tree.error().message;
    EXPECT_FALSE(tree->has_error()) << s.grammar;
  }
}

TEST(Syntax, UnknownGrammarIsAnError) {
  EXPECT_FALSE(parse("cobol", "x").ok());
}

TEST(Syntax, SyntaxErrorsStillGiveATree) {
  auto tree = parse("python", "def f(:\n  return 1\n");
  ASSERT_TRUE(tree.ok());
  EXPECT_TRUE(tree->has_error());
}

TEST(Syntax, QueriesAreCachedAndPredicatesApply) {
  std::string q = "(call function: (identifier) @fn (#eq? @fn \"eval\")) @match";
  auto a = compile_query("python", q);
  auto b = compile_query("python", q);
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->get(), b->get());
  std::string src = "eval(x)\nprint(x)\neval(y)\n";
  auto tree = parse("python", src);
  int matches = 0;
  for_each_match(**a, *tree, tree->root(), [&](const Match&) {
    ++matches;
    return true;
  });
  EXPECT_EQ(matches, 2);
}

TEST(Syntax, MatchPredicateUsesRegex) {
  auto q = compile_query("python", "((identifier) @id (#match? @id \"^get_\"))");
  ASSERT_TRUE(q.ok());
  std::string src = "get_a = 1\nset_b = 2\nget_c = 3\n";
  auto tree = parse("python", src);
  int n = 0;
  for_each_match(**q, *tree, tree->root(), [&](const Match&) {
    ++n;
    return true;
  });
  EXPECT_EQ(n, 2);
}

TEST(Syntax, BadQueryReportsLineAndColumn) {
  QueryError e;
  auto q = compile_query("python", "(call)\n(no_such_node) @x", &e);
  ASSERT_FALSE(q.ok());
  EXPECT_EQ(e.line, 2);
  EXPECT_NE(e.message.find("unknown node type"), std::string::npos);
}

}  // namespace
}  // namespace copilot::syntax
