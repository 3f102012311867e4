// Word prefilters: what is read from a query's text before compiling it must
// never be stricter than what the compiled query allows, or matches are lost.
#include "review/prefilter.h"

#include <gtest/gtest.h>

#include <set>

#include "review/rule.h"
#include "review/taint/taint.h"
#include "review/taint/taint_rule.h"

namespace copilot::review {
namespace {

TEST(GateWords, ReadsTheWordsOfARequiredCapture) {
  EXPECT_EQ(gate_words(R"((call function: (identifier) @fn (#any-of? @fn "eval" "exec")) @match)"),
            (std::vector<std::string>{"eval", "exec"}));
  EXPECT_EQ(gate_words(R"((call function: (attribute) @f (#eq? @f "os.system")) @match)"),
            (std::vector<std::string>{"os", "system"}));
}

TEST(GateWords, IsEmptyWhenAMatchNeedNotHaveTheCapture) {
  // Optional, repeated, or under an alternation: the predicate constrains nothing then.
  EXPECT_TRUE(gate_words(R"((call function: (identifier)? @fn (#eq? @fn "eval")) @match)").empty());
  EXPECT_TRUE(gate_words(R"((call (argument_list (identifier)* @a) (#eq? @a "x")) @match)").empty());
  EXPECT_TRUE(
      gate_words(R"((call (argument_list (keyword_argument name: (identifier) @k))? (#eq? @k "x")) @m)").empty());
  EXPECT_TRUE(gate_words(R"((call function: [(identifier) @fn (attribute attribute: (identifier) @fn)]
                               (#eq? @fn "eval")) @match)")
                  .empty());
  // One pattern without a word makes the whole query ungated.
  EXPECT_TRUE(gate_words(R"((call function: (identifier) @fn (#eq? @fn "eval")) @match
                            (return_statement) @match)")
                  .empty());
  // A value with no word in it ("+") cannot be looked for.
  EXPECT_TRUE(gate_words(R"((binary_operator operator: _ @op (#eq? @op "+")) @match)").empty());
  // A capture compared with another capture names no word.
  EXPECT_TRUE(gate_words(R"((assignment left: (identifier) @a right: (identifier) @b (#eq? @a @b)) @match)").empty());
}

TEST(GateWords, SkipsStringsAndCommentsWhenReading) {
  EXPECT_EQ(gate_words("; a (#eq? @x \"nope\") comment\n"
                       "((call function: (identifier) @fn) @match (#eq? @fn \"pickle\"))"),
            (std::vector<std::string>{"pickle"}));
}

/// Whether each pattern of the compiled query has a predicate on a capture that
/// every match has, whose values all contain a word of `gate`. Then a match
/// always contains a gate word, so skipping files without one loses nothing.
bool every_pattern_needs_a_gate_word(const syntax::Query& q, const std::vector<std::string>& words, std::string& why) {
  std::set<std::string> gate(words.begin(), words.end());
  for (uint32_t p = 0; p < ts_query_pattern_count(q.get()); ++p) {
    bool needs_gate_word = false;
    for (const auto& pred : q.predicates(p)) {
      if (pred.negated || pred.kind == syntax::Predicate::Kind::match || pred.other_capture >= 0 ||
          pred.values.empty() || pred.capture < 0)
        continue;
      auto quantifier = ts_query_capture_quantifier_for_id(q.get(), p, static_cast<uint32_t>(pred.capture));
      if (quantifier != TSQuantifierOne && quantifier != TSQuantifierOneOrMore) continue;
      bool all_in_gate = true;
      for (const auto& v : pred.values) {
        bool some = false;
        for (const auto& w : identifiers(v)) some = some || gate.count(w);
        all_in_gate = all_in_gate && some;
      }
      needs_gate_word = needs_gate_word || all_in_gate;
    }
    if (!needs_gate_word) {
      why = "pattern " + std::to_string(p) + " can match without a gate word";
      return false;
    }
  }
  return true;
}

RuleSet builtin_rules() {
  auto set = load_rules({std::filesystem::path(COPILOT_SOURCE_DIR) / "rules"}, false, true);
  EXPECT_TRUE(set.ok()) << set.error().message;
  return set.ok() ? std::move(*set) : RuleSet{};
}

TEST(GateWords, HoldForEveryBuiltInRule) {
  int gated = 0;
  for (const auto& rule : builtin_rules().rules) {
    if (rule.gate.empty() || !rule.anchors.empty()) continue;
    ++gated;
    for (const auto& q : rule.query) {
      std::string why;
      ASSERT_TRUE(q);
      EXPECT_TRUE(every_pattern_needs_a_gate_word(*q, rule.gate, why)) << rule.id << ": " << why;
    }
  }
  EXPECT_GT(gated, 50);
}

TEST(GateWords, HoldForEveryBuiltInTaintSink) {
  int gated = 0;
  for (const auto& rule : builtin_rules().taint) {
    if (rule->sink_gate.empty()) continue;
    ++gated;
    for (size_t gi = 0; gi < rule->languages.size(); ++gi) {
      std::string error;
      ASSERT_TRUE(prepare_taint_language(*rule, static_cast<int>(gi), &error)) << error;
      for (const auto& sink : rule->sinks) {
        if (!sink.query[gi]) continue;
        std::string why;
        EXPECT_TRUE(every_pattern_needs_a_gate_word(*sink.query[gi], rule->sink_gate, why)) << rule->id << ": " << why;
      }
    }
  }
  EXPECT_GT(gated, 10);
}

TEST(FileTokens, FindsWholeTokensAndWhereTheyAre) {
  FileTokens t("os.system(cmd)  # system\nsystems = 1\n");
  EXPECT_TRUE(t.contains("system"));
  EXPECT_EQ(t.offsets("system"), (std::vector<uint32_t>{3, 18}));
  EXPECT_TRUE(t.contains("systems"));
  EXPECT_FALSE(t.contains("sys"));
  EXPECT_TRUE(t.contains_any({"nope", "cmd"}));
  EXPECT_FALSE(t.contains_any({"nope"}));
}

}  // namespace
}  // namespace copilot::review
