// The answer cache (hits, TTL, size limit) and redaction: no secret or
// personal data from a fixture reaches the server, and answers get the
// originals back.
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>

#include "llm/llm.h"
#include "llm_stand_in.h"
#include "test_support.h"

namespace copilot::llm {
namespace {

using copilot::testing::LlmStandIn;
using copilot::testing::TempDir;
using namespace std::chrono_literals;

ChatRequest ask(const std::string& text) {
  ChatRequest r;
  r.messages = {{"user", text}};
  return r;
}

// A fixture file with credentials the secret scanner knows and personal data.
const std::string kGithubToken = "ghp_" + std::string("k3Jd9sLq0WmZx7Vb2Nc4Rt6Yu8Io1Pa5Se3D");
const std::string kAwsKey = "AKIA" + std::string("Q7WZ3XK9PLM2NB4T");
const std::string kJwt =
    "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkFkYSJ9.c2lnbmF0dXJlLXZhbHVlLWhlcmU";
const std::string kFixture =
    "import requests\n"
    "GITHUB_TOKEN = \"" +
    kGithubToken +
    "\"\n"
    "aws_key = \"" +
    kAwsKey +
    "\"\n"
    "OWNER = \"grace.hopper@navy.example.org\"\n"
    "DB_HOST = \"10.20.30.40\"\n"
    "BACKUP = \"2001:db8:85a3::8a2e:370:7334\"\n"
    "HEADERS = {\"Authorization\": \"Bearer " +
    kJwt +
    "\"}\n"
    "def fetch():\n    return requests.get(f\"https://{DB_HOST}/\", headers=HEADERS)\n";

TEST(LlmRedact, ReplacesSecretsAndPersonalDataStably) {
  Redactor r;
  std::string out = r.redact(kFixture, "app/settings.py");
  for (const std::string& secret : {kGithubToken, kAwsKey, kJwt, std::string("grace.hopper@navy.example.org"),
                                    std::string("10.20.30.40"), std::string("2001:db8:85a3::8a2e:370:7334")})
    EXPECT_EQ(out.find(secret), std::string::npos) << secret << " leaked in:\n" << out;
  EXPECT_NE(out.find("GITHUB_TOKEN = \"<<SECRET_1>>\""), std::string::npos) << out;
  EXPECT_NE(out.find("<<EMAIL_1>>"), std::string::npos);
  EXPECT_NE(out.find("<<IP_1>>"), std::string::npos);
  EXPECT_NE(out.find("<<IP_2>>"), std::string::npos);
  EXPECT_NE(out.find("def fetch():"), std::string::npos);  // code stays readable
  // Same value, same placeholder; and back again.
  EXPECT_EQ(r.redact("mail grace.hopper@navy.example.org"), "mail <<EMAIL_1>>");
  EXPECT_EQ(r.restore("Do not hard-code <<SECRET_1>>; <<UNKNOWN_9>> stays"),
            "Do not hard-code " + kGithubToken + "; <<UNKNOWN_9>> stays");
  EXPECT_EQ(r.restore(out), kFixture);
}

TEST(LlmRedact, LeavesCodeThatMerelyLooksLikeAddresses) {
  Redactor r;
  std::string code = "std::vector<int> v; Bad::add(x); version = \"1.2.3\"; a::b; ratio = 3.14159";
  EXPECT_EQ(r.redact(code), code);
  EXPECT_EQ(r.replaced(), 0u);
}

TEST(LlmRedact, NothingFromTheFixtureReachesTheServer) {
  LlmStandIn server;
  server.set_fallback({200, "Rotate <<SECRET_1>> and stop mailing <<EMAIL_1>>."});
  TempDir dir;
  config::LlmConfig cfg;
  config::LlmProviderConfig p;
  p.name = "local";
  p.kind = "openai";
  p.base_url = server.url() + "/v1";
  p.model = "llama3";
  cfg.providers = {p};
  cfg.cache_dir = (dir.path() / "cache").string();
  std::vector<std::string> notes;
  ClientOptions options;
  options.root = dir.path();
  auto client = Client::create(cfg, {}, options, notes);
  ASSERT_TRUE(client);
  auto out = client->chat(ask("Review:\n" + kFixture), "app/settings.py");
  ASSERT_TRUE(out) << out.failure.message;
  std::string sent = server.all_bodies();
  ASSERT_FALSE(sent.empty());
  for (const std::string& secret : {kGithubToken, kAwsKey, kJwt, std::string("grace.hopper"),
                                    std::string("10.20.30.40"), std::string("2001:db8:85a3")})
    EXPECT_EQ(sent.find(secret), std::string::npos) << secret << " reached the server";
  EXPECT_EQ(out.response->content, "Rotate " + kGithubToken + " and stop mailing grace.hopper@navy.example.org.");
  EXPECT_EQ(client->stats().redacted, 6);
  // The cache holds the redacted exchange only.
  for (const auto& e : std::filesystem::directory_iterator(dir.path() / "cache")) {
    std::ifstream in(e.path());
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    EXPECT_EQ(text.find(kGithubToken), std::string::npos);
  }
}

TEST(LlmCache, HitsAreReportedAndSkipTheProvider) {
  LlmStandIn server;
  server.set_fallback({200, "cached answer"});
  TempDir dir;
  config::LlmConfig cfg;
  config::LlmProviderConfig p;
  p.name = "local";
  p.kind = "openai";
  p.base_url = server.url() + "/v1";
  p.model = "llama3";
  cfg.providers = {p};
  std::vector<std::string> notes;
  ClientOptions options;
  options.root = dir.path();
  auto client = Client::create(cfg, {}, options, notes);
  ASSERT_TRUE(client->chat(ask("same question")));
  auto again = client->chat(ask("same question"));
  ASSERT_TRUE(again);
  EXPECT_TRUE(again.response->cached);
  EXPECT_EQ(again.response->content, "cached answer");
  EXPECT_EQ(server.seen().size(), 1u);
  auto different = client->chat(ask("another question"));
  EXPECT_EQ(server.seen().size(), 2u);
  Stats s = client->stats();
  EXPECT_EQ(s.requests, 3);
  EXPECT_EQ(s.cache_hits, 1);
  EXPECT_TRUE(std::filesystem::is_directory(dir.path() / ".copilot" / "cache" / "llm"));  // the default place
  // ... which git and the workspace walk ignore.
  EXPECT_TRUE(std::filesystem::exists(dir.path() / ".copilot" / "cache" / "llm" / ".gitignore"));
}

TEST(LlmCache, KeyCoversModelPromptAndParameters) {
  ChatRequest a = ask("x");
  ChatRequest b = a;
  b.temperature = 0.5;
  ChatRequest c = a;
  c.json_schema = nlohmann::json{{"type", "object"}};
  EXPECT_NE(Cache::key("m", a), Cache::key("m", b));
  EXPECT_NE(Cache::key("m", a), Cache::key("m", c));
  EXPECT_NE(Cache::key("m", a), Cache::key("n", a));
  EXPECT_EQ(Cache::key("m", a), Cache::key("m", ask("x")));
  EXPECT_EQ(Cache::key("m", a).size(), 32u);
}

TEST(LlmCache, ExpiredEntriesAreMisses) {
  TempDir dir;
  auto now = std::chrono::system_clock::now();
  Cache cache({dir.path(), std::chrono::hours(1), 1 << 20}, [&] { return now; });
  ChatResponse r;
  r.content = "answer";
  ASSERT_TRUE(cache.put("k1", r));
  ASSERT_TRUE(cache.get("k1"));
  now += 2h;
  EXPECT_FALSE(cache.get("k1"));
  EXPECT_FALSE(std::filesystem::exists(dir.path() / "k1.json"));
}

TEST(LlmCache, SizeLimitEvictsTheOldest) {
  TempDir dir;
  Cache cache({dir.path(), std::chrono::hours(1), 600});
  ChatResponse r;
  r.content = std::string(200, 'x');
  ASSERT_TRUE(cache.put("old", r));
  std::filesystem::last_write_time(dir.path() / "old.json",
                                   std::filesystem::file_time_type::clock::now() - std::chrono::hours(1));
  ASSERT_TRUE(cache.put("middle", r));
  std::filesystem::last_write_time(dir.path() / "middle.json",
                                   std::filesystem::file_time_type::clock::now() - std::chrono::minutes(30));
  ASSERT_TRUE(cache.put("new", r));  // three entries of ~300 bytes pass 600: the oldest go
  EXPECT_FALSE(cache.get("old"));
  EXPECT_TRUE(cache.get("new"));
}

TEST(LlmCache, DamagedEntriesAreMisses) {
  TempDir dir;
  dir.write("bad.json", "{not json");
  Cache cache({dir.path(), std::chrono::hours(1), 1 << 20});
  EXPECT_FALSE(cache.get("bad"));
  EXPECT_FALSE(cache.get("absent"));
}

}  // namespace
}  // namespace copilot::llm
