// The review's llm agent: model answers become findings in the common shape,
// findings outside the lines shown are dropped, and a rule's finding on the
// same lines and category wins over the model's.
#include <gtest/gtest.h>

#include "llm_stand_in.h"
#include "review/llm_agent.h"

namespace copilot::review {
namespace {

using copilot::testing::LlmStandIn;

std::unique_ptr<llm::Client> client_for(const LlmStandIn& server) {
  config::LlmConfig cfg;
  config::LlmProviderConfig p;
  p.name = "local";
  p.kind = "openai";
  p.base_url = server.url() + "/v1";
  p.model = "llama3";
  cfg.providers = {p};
  cfg.cache = false;
  std::vector<std::string> notes;
  return llm::Client::create(cfg, {}, {}, notes);
}

const char* kSource =
    "import subprocess\n"
    "\n"
    "\n"
    "def run(command):\n"
    "    return subprocess.call(command, shell=True)\n"
    "\n"
    "\n"
    "def ratio(a, b):\n"
    "    return a / b\n";

TEST(LlmAgent, AnswersBecomeFindings) {
  LlmStandIn server;
  server.set_fallback({200, R"({"findings": [
      {"line": 9, "category": "logic", "severity": "medium", "confidence": 0.6,
       "message": "b may be zero", "rationale": "ZeroDivisionError", "fix": "check b first"},
      {"line": 40, "category": "logic", "severity": "low", "confidence": 0.9, "message": "invented line"}]})"});
  auto client = client_for(server);
  Diagnostics notes;
  auto found = llm_review_file(*client, {"calc.py", kSource, "python", {{8, 9}}}, notes);
  ASSERT_EQ(found.size(), 1u);
  const Finding& f = found[0];
  EXPECT_EQ(f.rule_id, "llm-logic");
  EXPECT_EQ(f.agent, "logic");
  EXPECT_EQ(f.severity, Severity::medium);
  EXPECT_DOUBLE_EQ(f.confidence, 0.6);
  EXPECT_EQ(f.location.file, "calc.py");
  EXPECT_EQ(f.location.start_line, 9);
  EXPECT_EQ(f.snippet, "    return a / b");
  EXPECT_EQ(f.fix_text, "check b first");
  auto n = notes.take_sorted();
  ASSERT_EQ(n.size(), 1u);
  EXPECT_EQ(n[0].line, 40);
  EXPECT_NE(n[0].message.find("outside the lines it was shown"), std::string::npos);
  // The prompt showed the changed function with its import.
  std::string prompt = server.bodies("/v1/chat/completions").at(0)["messages"][1]["content"];
  EXPECT_NE(prompt.find("import subprocess"), std::string::npos) << prompt;
  EXPECT_NE(prompt.find("+    9 |     return a / b"), std::string::npos) << prompt;
  EXPECT_EQ(prompt.find("shell=True"), std::string::npos) << "an unchanged function was sent";
}

TEST(LlmAgent, RuleFindingsWinOnTheSameLinesAndCategory) {
  Finding rule;
  rule.rule_id = "py-shell-true";
  rule.agent = "security";
  rule.location = {"a.py", 5, 1, 5, 40};
  Finding same = rule, other_category = rule, other_lines = rule, other_file = rule;
  same.rule_id = other_category.rule_id = other_lines.rule_id = other_file.rule_id = "llm-security";
  same.location = {"a.py", 4, 1, 6, 1};
  other_category.agent = "logic";
  other_lines.location = {"a.py", 7, 1, 7, 1};
  other_file.location.file = "b.py";
  std::vector<Finding> model = {same, other_category, other_lines, other_file};
  drop_rule_duplicates(model, {rule});
  ASSERT_EQ(model.size(), 3u);
  EXPECT_EQ(model[0].agent, "logic");
  EXPECT_EQ(model[1].location.start_line, 7);
  EXPECT_EQ(model[2].location.file, "b.py");
}

TEST(LlmAgent, DroppedAnswersAreNotesNotFailures) {
  LlmStandIn server;
  server.set_fallback({200, "Looks good to me."});
  auto client = client_for(server);
  Diagnostics notes;
  auto found = llm_review_file(*client, {"calc.py", kSource, "python", {{8, 9}}}, notes);
  EXPECT_TRUE(found.empty());
  auto n = notes.take_sorted();
  ASSERT_EQ(n.size(), 1u);
  EXPECT_NE(n[0].message.find("did not match the schema after one repair"), std::string::npos) << n[0].message;
}

}  // namespace
}  // namespace copilot::review
