#include <gtest/gtest.h>

#include <map>
#include <set>

#include "review/checks/checks.h"
#include "review/checks/import_cycles.h"
#include "review/engine.h"
#include "review/rule.h"
#include "review/rule_test.h"
#include "review/suppress.h"
#include "test_support.h"

namespace copilot::review {
namespace {

const char* kRule = R"(id: t-eval
languages: [python]
agent: security
severity: high
confidence: 0.9
message: "{{fn}} on {{arg}}"
cwe: [CWE-94]
query: |
  ((call function: (identifier) @fn arguments: (argument_list (identifier) @arg)) @match
   (#eq? @fn "eval"))
)";

std::vector<Finding> run(const Rule& rule, const std::string& src, const std::string& path = "a.py") {
  auto tree = syntax::parse("python", src);
  SourceUnit unit{path, "python", src, &*tree};
  auto out = run_rules({&rule}, unit);
  assign_fingerprints(out, src);
  return out;
}

TEST(RuleLoader, ParsesAndMatches) {
  auto rule = parse_rule(kRule, "t-eval.yaml");
  ASSERT_TRUE(rule.ok()) << rule.error().message;
  auto found = run(*rule, "x = 1\neval(x)\neval('1')\n");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].location.start_line, 2);
  EXPECT_EQ(found[0].location.start_column, 1);
  EXPECT_EQ(found[0].message, "eval on x");
  EXPECT_EQ(found[0].cwe, std::vector<std::string>{"CWE-94"});
}

TEST(RuleLoader, ErrorsNameFileAndLine) {
  std::string bad_capture = std::string(kRule) + "where:\n  - capture: nope\n    regex: x\n";
  auto a = parse_rule(bad_capture, "t-eval.yaml");
  ASSERT_FALSE(a.ok());
  EXPECT_EQ(a.error().message, "t-eval.yaml:12: unknown capture 'nope'");

  std::string bad_query = kRule;
  bad_query.replace(bad_query.find("(identifier) @fn"), 12, "(identifer)");
  auto b = parse_rule(bad_query, "t-eval.yaml");
  ASSERT_FALSE(b.ok());
  EXPECT_NE(b.error().message.find("t-eval.yaml:9: query for python: query unknown node type"), std::string::npos)
      << b.error().message;

  auto c = parse_rule("id: x\nlanguages: [python\n", "x.yaml");
  ASSERT_FALSE(c.ok());
  EXPECT_EQ(c.error().message.rfind("x.yaml:", 0), 0u);

  auto d = parse_rule(std::string(kRule) + "colour: red\n", "t-eval.yaml");
  ASSERT_FALSE(d.ok());
  EXPECT_EQ(d.error().message, "t-eval.yaml:11: unknown key 'colour'");

  auto e = parse_rule(kRule, "other-name.yaml");
  EXPECT_FALSE(e.ok());
}

TEST(RuleLoader, PredicateOutsidePatternIsRejected) {
  std::string text = kRule;
  text.replace(text.find("((call"), 6, "(call");
  text.replace(text.find("@match\n   (#eq"), 13, "@match\n  (#eq");
  text.replace(text.find("\"eval\"))"), 8, "\"eval\")");
  auto r = parse_rule(text, "t-eval.yaml");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("has no @match capture"), std::string::npos) << r.error().message;
}

TEST(Engine, FingerprintSurvivesMovedLines) {
  auto rule = parse_rule(kRule, "t-eval.yaml");
  auto before = run(*rule, "eval(x)\n");
  auto after = run(*rule, "import os\n\n\neval(x)\n");
  ASSERT_EQ(before.size(), 1u);
  ASSERT_EQ(after.size(), 1u);
  EXPECT_EQ(before[0].fingerprint, after[0].fingerprint);
  auto two = run(*rule, "eval(x)\neval(x)\n");
  ASSERT_EQ(two.size(), 2u);
  EXPECT_NE(two[0].fingerprint, two[1].fingerprint);
}

// A batch reviews several repositories in one process, each loading the rules
// with its own settings: packs built for one load must not serve another.
TEST(Engine, EachLoadOfTheRulesRunsItsOwnRules) {
  auto rule_yaml = [](const std::string& severity) {
    return "id: t-bare\nlanguages: [python]\nagent: logic\nseverity: " + severity +
           "\nconfidence: 0.8\nmessage: bare except\nquery: |\n  (except_clause !value \"except\" @match)\n"
           "not-inside: |\n  (except_clause (block (raise_statement) .)) @scope\n";
  };
  testing::TempDir dir;
  dir.write("high/t-bare.yaml", rule_yaml("high"));
  dir.write("low/t-bare.yaml", rule_yaml("low"));
  const std::string src = "try:\n    f()\nexcept:\n    pass\ntry:\n    f()\nexcept:\n    raise\n";
  auto tree = syntax::parse("python", src);
  ASSERT_TRUE(tree.ok());
  SourceUnit unit{"a.py", "python", src, &*tree};
  auto severities = [&](const RuleSet& set) {
    std::vector<const Rule*> rules;
    for (const auto& r : set.rules) rules.push_back(&r);
    std::vector<std::string> out;
    for (const auto& f : run_rules(rules, unit)) out.push_back(std::string(to_string(f.severity)));
    return out;
  };

  auto high = load_rules({dir.path() / "high"}, false);
  ASSERT_TRUE(high.ok()) << high.error().message;
  EXPECT_EQ(severities(*high), std::vector<std::string>{"high"});
  auto low = load_rules({dir.path() / "low"}, false);
  ASSERT_TRUE(low.ok()) << low.error().message;
  EXPECT_EQ(severities(*low), std::vector<std::string>{"low"});
  high = Error{"dropped"};  // the first load is gone; the second still runs on its own rules
  EXPECT_EQ(severities(*low), std::vector<std::string>{"low"});
  auto again = load_rules({dir.path() / "high"}, false);
  ASSERT_TRUE(again.ok()) << again.error().message;
  EXPECT_EQ(severities(*again), std::vector<std::string>{"high"});
}

TEST(Suppress, SameLineAndLineAbove) {
  std::string src = "a()  # copilot-ignore[r1]: ok\n# copilot-ignore[r2, r3]: reason\nb()\nc()\n";
  EXPECT_TRUE(suppressed_inline(src, 1, "r1"));
  EXPECT_FALSE(suppressed_inline(src, 1, "r2"));
  EXPECT_TRUE(suppressed_inline(src, 3, "r3"));
  EXPECT_FALSE(suppressed_inline(src, 4, "r3"));
  EXPECT_TRUE(suppressed_inline("# copilot-ignore[*]\nx\n", 2, "anything"));
}

TEST(RuleTest, Expectations) {
  auto e = parse_expectations("# expect: a, b\nx()\ny()  // expect: c\n");
  ASSERT_EQ(e.size(), 3u);
  EXPECT_EQ(e[0], (std::pair<int, std::string>{2, "a"}));
  EXPECT_EQ(e[1], (std::pair<int, std::string>{2, "b"}));
  EXPECT_EQ(e[2], (std::pair<int, std::string>{3, "c"}));
  EXPECT_TRUE(parse_expectations("s = 'expect: a'\n").empty());
}

std::vector<Finding> run_checks(const std::string& grammar, const std::string& src, const config::Config& cfg,
                                const std::string& path = "a.py") {
  auto tree = syntax::parse(grammar, src);
  SourceUnit unit{path, grammar, src, &*tree};
  CheckContext ctx{unit, cfg};
  std::vector<Finding> out;
  for (const auto& c : code_checks()) c.run(ctx, c, out);
  return out;
}

TEST(Checks, ComplexityCountsDecisionsNotNestedFunctions) {
  config::Config cfg;
  cfg.review_thresholds["complexity"] = 3;
  std::string src =
      "def f(a, b):\n    if a and b:\n        return 1\n    for x in a:\n        if x:\n            pass\n"
      "    def inner():\n        if a:\n            pass\n    return 0\n";
  auto out = run_checks("python", src, cfg);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].rule_id, "arch-complex-function");
  EXPECT_EQ(out[0].message, "f has cyclomatic complexity 5 (limit 3)");
}

TEST(Checks, FunctionLengthParametersAndFileSize) {
  config::Config cfg;
  cfg.review_thresholds = {{"function_lines", 3}, {"parameters", 2}, {"file_lines", 5}};
  std::string src = "function f(a, b, c) {\n  a();\n  b();\n  c();\n}\nconst g = 1;\n";
  auto out = run_checks("javascript", src, cfg, "a.js");
  std::set<std::string> ids;
  for (const auto& f : out) ids.insert(f.rule_id);
  EXPECT_EQ(ids, (std::set<std::string>{"arch-function-too-long", "arch-too-many-parameters", "arch-file-too-long"}));
}

TEST(Checks, LayerRules) {
  config::Config cfg;
  cfg.review_layers.push_back({"app/domain/**", {"app.web", "flask"}, ""});
  std::string src = "import os\nfrom app.web.views import render\nimport flask\nfrom app.webhooks import x\n";
  auto out = run_checks("python", src, cfg, "app/domain/order.py");
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[0].location.start_line, 2);
  EXPECT_EQ(out[1].location.start_line, 3);
  EXPECT_TRUE(run_checks("python", src, cfg, "app/web/views.py").empty());
}

TEST(Checks, ImportCyclesAcrossFiles) {
  std::map<std::string, std::string> repo = {
      {"pkg/__init__.py", ""},
      {"pkg/a.py", "from pkg import b\n"},
      {"pkg/b.py", "from .c import thing\n"},
      {"pkg/c.py", "import pkg.a\nthing = 1\n"},
      {"pkg/d.py", "from pkg import a\n"},
  };
  FileReader read = [&](const std::string& p) -> std::optional<std::string> {
    auto it = repo.find(p);
    if (it == repo.end()) return std::nullopt;
    return it->second;
  };
  // Only a.py is reviewed (a change to it); b and c are followed from it.
  auto out = find_import_cycles({{"pkg/a.py", repo["pkg/a.py"]}}, read);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].location.file, "pkg/a.py");
  EXPECT_EQ(out[0].message, "import cycle between pkg/a.py, pkg/b.py, pkg/c.py");
  EXPECT_TRUE(find_import_cycles({{"pkg/d.py", repo["pkg/d.py"]}}, read).empty());
}

}  // namespace
}  // namespace copilot::review
