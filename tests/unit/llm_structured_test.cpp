// Structured answers (schema check, one repair, drop with a note), the
// built-in prompts, and splitting a change into requests within a budget.
#include <gtest/gtest.h>

#include "llm/chunking.h"
#include "llm/prompts.h"
#include "llm_stand_in.h"
#include "test_support.h"

namespace copilot::llm {
namespace {

using copilot::testing::CannedReply;
using copilot::testing::LlmStandIn;

std::unique_ptr<Client> local_client(const LlmStandIn& server) {
  config::LlmConfig cfg;
  config::LlmProviderConfig p;
  p.name = "local";
  p.kind = "openai";
  p.base_url = server.url() + "/v1";
  p.model = "llama3";
  cfg.providers = {p};
  cfg.cache = false;
  std::vector<std::string> notes;
  return Client::create(cfg, {}, {}, notes);
}

ChatRequest review_request() {
  ChatRequest r;
  r.messages = {{"system", "review"}, {"user", "code with a.b@example.com"}};
  return r;
}

const char* kGood = R"({"findings": [{"line": 3, "category": "security", "severity": "high", "confidence": 0.8,)"
                    R"( "message": "mail to <<EMAIL_1>> is built from input"}]})";

TEST(LlmStructured, ValidAnswerIsRestored) {
  LlmStandIn server;
  server.set_fallback({200, kGood});
  auto client = local_client(server);
  auto answer = ask_json(*client, review_request(), answer_schema("llm-review.schema.json"));
  ASSERT_TRUE(answer.value) << answer.note;
  EXPECT_FALSE(answer.repaired);
  EXPECT_EQ((*answer.value)["findings"][0]["message"], "mail to a.b@example.com is built from input");
  auto body = server.bodies("/v1/chat/completions").at(0);
  EXPECT_EQ(body["response_format"]["type"], "json_schema");
  EXPECT_EQ(body["response_format"]["json_schema"]["schema"]["$id"], "llm-review.schema.json");
}

TEST(LlmStructured, FencedAndWrappedJsonIsFound) {
  EXPECT_TRUE(extract_json("```json\n{\"a\": 1}\n```"));
  EXPECT_TRUE(extract_json("Here you go: {\"a\": 1} hope it helps"));
  EXPECT_FALSE(extract_json("no json at all"));
}

TEST(LlmStructured, MalformedAnswerIsRepairedOnce) {
  LlmStandIn server;
  server.script({{200, R"({"findings": [{"line": "three", "category": "security"}]})"}, {200, kGood}});
  auto client = local_client(server);
  auto answer = ask_json(*client, review_request(), answer_schema("llm-review.schema.json"));
  ASSERT_TRUE(answer.value) << answer.note;
  EXPECT_TRUE(answer.repaired);
  auto bodies = server.bodies("/v1/chat/completions");
  ASSERT_EQ(bodies.size(), 2u);
  auto& messages = bodies[1]["messages"];
  ASSERT_EQ(messages.size(), 4u);
  EXPECT_EQ(messages[2]["role"], "assistant");
  std::string repair = messages[3]["content"];
  EXPECT_NE(repair.find("does not match the required JSON schema: findings[0]"), std::string::npos) << repair;
  EXPECT_EQ(server.all_bodies().find("a.b@example.com"), std::string::npos);
}

TEST(LlmStructured, StillInvalidAfterRepairIsDroppedWithANote) {
  LlmStandIn server;
  server.set_fallback({200, "I think the code is fine!"});
  auto client = local_client(server);
  auto answer = ask_json(*client, review_request(), answer_schema("llm-review.schema.json"));
  EXPECT_FALSE(answer.value);
  EXPECT_EQ(answer.note, "answer dropped: it did not match the schema after one repair (the answer is not JSON)");
  EXPECT_EQ(client->stats().dropped, 1);
  EXPECT_EQ(server.seen().size(), 2u);
}

TEST(LlmPrompts, BuiltInPromptsRender) {
  auto system = render_prompt("review.system", nlohmann::json::object());
  ASSERT_TRUE(system) << system.error().message;
  EXPECT_NE(system->find("\"findings\""), std::string::npos);
  auto user = render_prompt("review.user", {{"path", "a.py"}, {"language", "python"}, {"code", "  1 | x"}});
  ASSERT_TRUE(user) << user.error().message;
  EXPECT_NE(user->find("File: a.py (python)"), std::string::npos);
  EXPECT_TRUE(render_prompt("gen_tests.system", {{"framework", "pytest"}}));
  EXPECT_TRUE(render_prompt("gen_tests.user", nlohmann::json::object()));
}

TEST(LlmPrompts, AnOverrideDirectoryWins) {
  copilot::testing::TempDir dir;
  dir.write("prompts/review.system.mustache", "Only security, please.");
  auto system = render_prompt("review.system", nlohmann::json::object(), dir.path().string());
  ASSERT_TRUE(system);
  EXPECT_EQ(*system, "Only security, please.");
}

std::string numbered_python(int functions, int body_lines) {
  std::string out = "import os\nfrom pathlib import Path\n\n";
  for (int f = 0; f < functions; ++f) {
    out += "def f" + std::to_string(f) + "(x):\n";
    for (int l = 0; l < body_lines; ++l) out += "    x = x + " + std::to_string(l) + "  # some padding text\n";
    out += "    return x\n\n";
  }
  return out;
}

TEST(LlmChunking, HunkTravelsWithItsFunctionAndImports) {
  std::string src = numbered_python(3, 4);  // f1 spans lines 11-16
  auto plan = split_change("m.py", src, "python", {{12, 12}}, 2000);
  ASSERT_EQ(plan.chunks.size(), 1u);
  const Chunk& c = plan.chunks[0];
  EXPECT_EQ(c.imports, "import os\nfrom pathlib import Path\n");
  EXPECT_EQ(c.shown.first, 11);
  EXPECT_EQ(c.shown.last, 16);
  EXPECT_NE(c.code.find("+   12 |     x = x + 0"), std::string::npos) << c.code;
  EXPECT_NE(c.code.find("    11 | def f1(x):"), std::string::npos) << c.code;
  EXPECT_LE(c.tokens, 2000);
}

TEST(LlmChunking, SplitsByBudgetWithoutCuttingHunks) {
  std::string src = numbered_python(20, 10);  // function f: def on line 4 + 13f, body below it
  std::vector<LineRange> hunks;
  for (int f = 0; f < 20; ++f) hunks.push_back({5 + f * 13, 7 + f * 13});
  auto plan = split_change("m.py", src, "python", hunks, 400);
  EXPECT_GT(plan.chunks.size(), 3u);
  size_t carried = 0;
  for (const auto& c : plan.chunks) {
    EXPECT_LE(c.tokens, 400);
    carried += c.changed.size();
    for (const auto& h : c.changed) {
      EXPECT_GE(h.first, c.shown.first);
      EXPECT_LE(h.last, c.shown.last);
    }
  }
  EXPECT_EQ(carried, hunks.size());  // every hunk is sent, whole, exactly once
  EXPECT_TRUE(plan.skipped.empty());
}

TEST(LlmChunking, AHunkLargerThanTheBudgetIsLeftOutWithANote) {
  std::string src = numbered_python(1, 200);
  auto plan = split_change("big.py", src, "python", {{5, 180}}, 300);
  EXPECT_TRUE(plan.chunks.empty());
  ASSERT_EQ(plan.skipped.size(), 1u);
  EXPECT_NE(plan.skipped[0].find("big.py:5-180: a changed block of about"), std::string::npos) << plan.skipped[0];
}

TEST(LlmChunking, WholeFilesAreCutIntoBlocksThatFit) {
  std::string src = numbered_python(10, 10);
  auto ranges = whole_file_ranges(src, 300);
  ASSERT_GT(ranges.size(), 1u);
  EXPECT_EQ(ranges.front().first, 1);
  for (size_t i = 1; i < ranges.size(); ++i) EXPECT_EQ(ranges[i].first, ranges[i - 1].last + 1);
  auto plan = split_change("m.py", src, "python", ranges, 300);
  EXPECT_TRUE(plan.skipped.empty());
}

}  // namespace
}  // namespace copilot::llm
