// The LLM layer against a real server on loopback: request shapes of each
// provider kind, fallback, retries that honour Retry-After, the circuit
// breaker, timeouts, budgets (local cap and the control plane's 429).
#include <gtest/gtest.h>

#include "llm/llm.h"
#include "llm_stand_in.h"
#include "test_support.h"

namespace copilot::llm {
namespace {

using copilot::testing::CannedReply;
using copilot::testing::LlmStandIn;
using namespace std::chrono_literals;

config::LlmProviderConfig provider(const std::string& name, const std::string& kind, const std::string& base_url,
                                   const std::string& model, const std::string& key_env = "") {
  config::LlmProviderConfig p;
  p.name = name;
  p.kind = kind;
  p.base_url = base_url;
  p.model = model;
  p.api_key_env = key_env;
  p.timeout_seconds = 5;
  return p;
}

const Environment kKeys = {{"OPENAI_KEY", "sk-test-openai"}, {"ANTHROPIC_KEY", "sk-ant-test"}, {"AZURE_KEY", "az"}};

std::string client_notes(Client& client) {
  std::string out;
  for (const auto& n : client.take_notes()) out += n + "\n";
  return out;
}

ChatRequest ask(const std::string& text, const std::string& tier = "quality") {
  ChatRequest r;
  r.tier = tier;
  r.messages = {{"system", "You review code."}, {"user", text}};
  r.max_tokens = 100;
  return r;
}

struct Harness {
  copilot::testing::TempDir dir;
  std::vector<std::chrono::milliseconds> waits;
  std::chrono::steady_clock::time_point now{};
  std::vector<std::string> notes;

  ClientOptions options() {
    ClientOptions o;
    o.root = dir.path();
    o.router.sleep = [this](std::chrono::milliseconds d) { waits.push_back(d); };
    o.router.clock = [this] { return now; };
    o.router.jitter_seed = 42;
    return o;
  }
  std::unique_ptr<Client> client(config::LlmConfig cfg, Environment env = kKeys) {
    cfg.cache = false;
    return Client::create(cfg, env, options(), notes);
  }
};

TEST(LlmProviders, OpenAiRequestAndAnswer) {
  LlmStandIn server;
  server.set_fallback({200, "looks fine", "", {}, 0ms, 120, 30});
  config::LlmConfig cfg;
  cfg.providers = {provider("openai", "openai", server.url() + "/v1", "gpt-4o-mini", "OPENAI_KEY")};
  Harness h;
  auto client = h.client(cfg);
  ASSERT_TRUE(client);
  auto out = client->chat(ask("hello"));
  ASSERT_TRUE(out) << out.failure.message;
  EXPECT_EQ(out.response->content, "looks fine");
  EXPECT_EQ(out.response->provider, "openai");
  EXPECT_TRUE(server.violations().empty()) << server.violations()[0];
  auto seen = server.seen();
  ASSERT_EQ(seen.size(), 1u);
  EXPECT_EQ(seen[0].headers.find("Authorization")->second, "Bearer sk-test-openai");
  auto body = nlohmann::json::parse(seen[0].body);
  EXPECT_EQ(body["model"], "gpt-4o-mini");
  EXPECT_EQ(body["messages"][0]["role"], "system");
  EXPECT_EQ(body["max_tokens"], 100);
  Stats s = client->stats();
  EXPECT_EQ(s.prompt_tokens, 120);
  EXPECT_EQ(s.completion_tokens, 30);
  EXPECT_NEAR(s.cost_usd, (120 * 0.15 + 30 * 0.60) / 1e6, 1e-12);
}

TEST(LlmProviders, AzureUsesApiKeyHeaderAndVersion) {
  LlmStandIn server;
  config::LlmConfig cfg;
  auto p = provider("azure", "azure", server.url() + "/openai/deployments/review", "gpt-4o", "AZURE_KEY");
  p.api_version = "2024-10-21";
  cfg.providers = {p};
  Harness h;
  auto out = h.client(cfg)->chat(ask("hi"));
  ASSERT_TRUE(out) << out.failure.message;
  auto seen = server.seen();
  ASSERT_EQ(seen.size(), 1u);
  EXPECT_EQ(seen[0].query, "api-version=2024-10-21");
  EXPECT_EQ(seen[0].headers.find("api-key")->second, "az");
  EXPECT_EQ(seen[0].headers.count("Authorization"), 0u);
  EXPECT_TRUE(server.violations().empty());
}

TEST(LlmProviders, AnthropicMessagesShape) {
  LlmStandIn server;
  server.set_fallback({200, "from claude", "", {}, 0ms, 50, 5});
  config::LlmConfig cfg;
  cfg.providers = {provider("claude", "anthropic", server.url(), "claude-3-5-haiku-latest", "ANTHROPIC_KEY")};
  Harness h;
  auto request = ask("review this");
  request.json_schema = nlohmann::json{{"type", "object"}};
  auto out = h.client(cfg)->chat(request);
  ASSERT_TRUE(out) << out.failure.message;
  EXPECT_EQ(out.response->content, "from claude");
  EXPECT_EQ(out.response->usage.prompt_tokens, 50);
  EXPECT_TRUE(server.violations().empty()) << server.violations()[0];
  auto seen = server.seen();
  ASSERT_EQ(seen.size(), 1u);
  EXPECT_EQ(seen[0].headers.find("x-api-key")->second, "sk-ant-test");
  EXPECT_EQ(seen[0].headers.find("anthropic-version")->second, "2023-06-01");
  auto body = nlohmann::json::parse(seen[0].body);
  EXPECT_NE(body["system"].get<std::string>().find("You review code."), std::string::npos);
  EXPECT_NE(body["system"].get<std::string>().find("schema"), std::string::npos);
  EXPECT_EQ(body["messages"].size(), 1u);
  EXPECT_EQ(body["messages"][0]["content"][0]["text"], "review this");
}

TEST(LlmProviders, MissingKeyLeavesTheProviderOutWithANote) {
  LlmStandIn server;
  config::LlmConfig cfg;
  cfg.providers = {provider("openai", "openai", server.url() + "/v1", "gpt-4o", "NOT_SET_ANYWHERE"),
                   provider("local", "openai", server.url() + "/v1", "llama3", "")};
  Harness h;
  auto client = h.client(cfg, {});
  ASSERT_TRUE(client);
  ASSERT_EQ(h.notes.size(), 1u);
  EXPECT_EQ(h.notes[0], "llm.providers.openai: environment variable NOT_SET_ANYWHERE is not set; provider left out");
  auto out = client->chat(ask("hi"));
  ASSERT_TRUE(out);
  EXPECT_EQ(out.response->provider, "local");
}

TEST(LlmProviders, NothingUsableMeansNoClient) {
  config::LlmConfig cfg;
  Harness h;
  EXPECT_FALSE(h.client(cfg, {}));
  ASSERT_EQ(h.notes.size(), 1u);
  EXPECT_NE(h.notes[0].find("no LLM provider is configured"), std::string::npos);
}

TEST(LlmRouter, RetriesHonourRetryAfterThenSucceed) {
  LlmStandIn server;
  CannedReply limited{429};
  limited.headers = {{"Retry-After", "2"}};
  server.script({limited, CannedReply{500}});
  config::LlmConfig cfg;
  cfg.providers = {provider("openai", "openai", server.url() + "/v1", "gpt-4o", "OPENAI_KEY")};
  cfg.retry_backoff_ms = 400;
  Harness h;
  auto client = h.client(cfg);
  auto out = client->chat(ask("hi"));
  ASSERT_TRUE(out) << out.failure.message;
  EXPECT_EQ(server.seen().size(), 3u);
  ASSERT_EQ(h.waits.size(), 2u) << client_notes(*client);
  EXPECT_EQ(h.waits[0], 2000ms) << client_notes(*client);  // what Retry-After asked for
  // Exponential backoff with jitter: half of the second step (800 ms) fixed, half random.
  EXPECT_GE(h.waits[1], 400ms);
  EXPECT_LE(h.waits[1], 800ms);
}

TEST(LlmRouter, FallsBackToTheNextProviderAfterRetries) {
  LlmStandIn primary, secondary;
  primary.set_fallback(CannedReply{503});
  secondary.set_fallback({200, "from the fallback"});
  config::LlmConfig cfg;
  cfg.providers = {provider("main", "openai", primary.url() + "/v1", "gpt-4o", "OPENAI_KEY"),
                   provider("backup", "anthropic", secondary.url(), "claude-3-5-haiku", "ANTHROPIC_KEY")};
  cfg.tiers = {{"quality", {"main"}}, {"fallback", {"backup"}}};
  Harness h;
  auto client = h.client(cfg);
  auto out = client->chat(ask("hi"));
  ASSERT_TRUE(out) << out.failure.message;
  EXPECT_EQ(out.response->provider, "backup");
  EXPECT_EQ(primary.seen().size(), 3u);  // the configured three attempts
  auto notes = client->take_notes();
  ASSERT_EQ(notes.size(), 1u);
  EXPECT_NE(notes[0].find("main: HTTP 503"), std::string::npos) << notes[0];
}

TEST(LlmRouter, ClientErrorsMoveOnWithoutRetrying) {
  LlmStandIn primary, secondary;
  primary.set_fallback(CannedReply{401});
  config::LlmConfig cfg;
  cfg.providers = {provider("main", "openai", primary.url() + "/v1", "gpt-4o", "OPENAI_KEY"),
                   provider("backup", "openai", secondary.url() + "/v1", "gpt-4o-mini", "OPENAI_KEY")};
  Harness h;
  auto out = h.client(cfg)->chat(ask("hi"));
  ASSERT_TRUE(out);
  EXPECT_EQ(primary.seen().size(), 1u);
  EXPECT_TRUE(h.waits.empty());
}

TEST(LlmRouter, UnreachableEndpointAndMalformedAnswers) {
  LlmStandIn broken;
  broken.set_fallback({200, "", "this is not json {"});
  config::LlmConfig cfg;
  cfg.providers = {provider("gone", "openai", "http://127.0.0.1:1/v1", "gpt-4o", "OPENAI_KEY"),
                   provider("broken", "openai", broken.url() + "/v1", "gpt-4o", "OPENAI_KEY")};
  cfg.retry_attempts = 2;
  Harness h;
  auto client = h.client(cfg);
  auto out = client->chat(ask("hi"));
  EXPECT_FALSE(out);
  EXPECT_EQ(out.failure.kind, FailureKind::rejected);
  auto notes = client->take_notes();
  ASSERT_GE(notes.size(), 2u);
  EXPECT_NE(notes[0].find("gone: POST http://127.0.0.1:1/v1/chat/completions"), std::string::npos) << notes[0];
  EXPECT_NE(notes[1].find("broken: not a chat completion answer"), std::string::npos) << notes[1];
  EXPECT_EQ(client->stats().failures, 1);
}

TEST(LlmRouter, SlowAnswersTimeOut) {
  LlmStandIn slow, fast;
  slow.set_fallback({200, "too late", "", {}, 2500ms});
  fast.set_fallback({200, "in time"});
  config::LlmConfig cfg;
  auto p = provider("slow", "openai", slow.url() + "/v1", "gpt-4o", "OPENAI_KEY");
  p.timeout_seconds = 1;
  cfg.providers = {p, provider("fast", "openai", fast.url() + "/v1", "gpt-4o", "OPENAI_KEY")};
  cfg.retry_attempts = 1;
  Harness h;
  auto client = h.client(cfg);
  auto started = std::chrono::steady_clock::now();
  auto out = client->chat(ask("hi"));
  ASSERT_TRUE(out);
  EXPECT_EQ(out.response->content, "in time");
  EXPECT_LT(std::chrono::steady_clock::now() - started, 2400ms);
  EXPECT_NE(client->take_notes()[0].find("Timeout"), std::string::npos);
}

TEST(LlmBreaker, OpensHalfOpensAndCloses) {
  std::chrono::steady_clock::time_point now{};
  Breaker b(2, 30s, [&] { return now; });
  EXPECT_TRUE(b.allow());
  b.record_failure();
  EXPECT_EQ(b.state(), Breaker::State::closed);
  b.record_failure();
  EXPECT_EQ(b.state(), Breaker::State::open);
  EXPECT_FALSE(b.allow());
  now += 29s;
  EXPECT_FALSE(b.allow());
  now += 1s;
  EXPECT_TRUE(b.allow());  // the one trial request
  EXPECT_EQ(b.state(), Breaker::State::half_open);
  EXPECT_FALSE(b.allow());
  b.record_failure();  // the trial failed: open again for a full cooldown
  EXPECT_EQ(b.state(), Breaker::State::open);
  now += 30s;
  EXPECT_TRUE(b.allow());
  b.record_success();
  EXPECT_EQ(b.state(), Breaker::State::closed);
  EXPECT_TRUE(b.allow());
}

TEST(LlmBreaker, AnOpenCircuitSkipsTheProvider) {
  LlmStandIn primary, secondary;
  primary.set_fallback(CannedReply{500});
  config::LlmConfig cfg;
  cfg.providers = {provider("main", "openai", primary.url() + "/v1", "gpt-4o", "OPENAI_KEY"),
                   provider("backup", "openai", secondary.url() + "/v1", "gpt-4o", "OPENAI_KEY")};
  cfg.retry_attempts = 5;
  cfg.breaker_failures = 2;
  cfg.breaker_cooldown_seconds = 60;
  Harness h;
  auto client = h.client(cfg);
  ASSERT_TRUE(client->chat(ask("one")));
  EXPECT_EQ(primary.seen().size(), 2u);  // the circuit opened after two failures, before the retries ran out
  ASSERT_TRUE(client->chat(ask("two")));
  EXPECT_EQ(primary.seen().size(), 2u);  // skipped while open
  h.now += 61s;
  primary.set_fallback({200, "recovered"});
  auto out = client->chat(ask("three"));
  ASSERT_TRUE(out);
  EXPECT_EQ(out.response->content, "recovered");  // the half-open trial went through and closed it
}

TEST(LlmBudget, LocalCapStopsTheRun) {
  LlmStandIn server;
  server.set_fallback({200, "ok", "", {}, 0ms, 400, 100});
  config::LlmConfig cfg;
  cfg.providers = {provider("openai", "openai", server.url() + "/v1", "gpt-4o", "OPENAI_KEY")};
  Harness h;
  auto options = h.options();
  options.budget_tokens = 550;
  cfg.cache = false;
  auto client = Client::create(cfg, kKeys, options, h.notes);
  ASSERT_TRUE(client->chat(ask("first")));  // the estimate (~114) fits; 500 spent
  auto second = client->chat(ask("second"));
  EXPECT_FALSE(second);
  EXPECT_EQ(second.failure.kind, FailureKind::quota);
  EXPECT_TRUE(client->stopped());
  EXPECT_EQ(server.seen().size(), 1u);
  auto notes = client->take_notes();
  ASSERT_EQ(notes.size(), 1u);
  EXPECT_NE(notes[0].find("budget of 550 tokens is spent"), std::string::npos) << notes[0];
  EXPECT_FALSE(client->chat(ask("third")));
  EXPECT_EQ(server.seen().size(), 1u);
}

TEST(LlmBudget, ControlPlaneReservesAndCommitsDirectCalls) {
  LlmStandIn provider_server, control_plane;
  provider_server.set_fallback({200, "ok", "", {}, 0ms, 40, 2});
  config::LlmConfig cfg;
  cfg.providers = {provider("openai", "openai", provider_server.url() + "/v1", "gpt-4o", "OPENAI_KEY")};
  cfg.budget_project = "shop";
  Environment env = kKeys;
  env["COPILOT_SERVER"] = control_plane.url();
  env["COPILOT_TOKEN"] = "cpk_abc_secret";
  Harness h;
  auto client = h.client(cfg, env);
  ASSERT_TRUE(client->chat(ask("hi")));
  EXPECT_TRUE(control_plane.violations().empty()) << control_plane.violations()[0];
  auto seen = control_plane.seen();
  ASSERT_EQ(seen.size(), 2u);
  EXPECT_EQ(seen[0].path, "/v1/llm/reservations");
  auto reservation = nlohmann::json::parse(seen[0].body);
  EXPECT_EQ(reservation["project"], "shop");
  EXPECT_EQ(reservation["model"], "gpt-4o");
  EXPECT_GT(reservation["estimated_tokens"].get<int>(), 100);
  EXPECT_FALSE(reservation["idempotency_key"].get<std::string>().empty());
  EXPECT_EQ(seen[1].path, "/v1/llm/reservations/res_1/commit");
  auto commit = nlohmann::json::parse(seen[1].body);
  EXPECT_EQ(commit["prompt_tokens"], 40);
  EXPECT_EQ(commit["completion_tokens"], 2);
}

TEST(LlmBudget, ControlPlaneRefusalDegradesWithoutCallingTheProvider) {
  LlmStandIn provider_server, control_plane;
  control_plane.script_reservations({copilot::testing::quota_refusal()});
  config::LlmConfig cfg;
  cfg.providers = {provider("openai", "openai", provider_server.url() + "/v1", "gpt-4o", "OPENAI_KEY")};
  Environment env = kKeys;
  env["COPILOT_SERVER"] = control_plane.url();
  env["COPILOT_TOKEN"] = "cpk_abc_secret";
  Harness h;
  auto client = h.client(cfg, env);
  auto out = client->chat(ask("hi"));
  EXPECT_FALSE(out);
  EXPECT_EQ(out.failure.kind, FailureKind::quota);
  EXPECT_TRUE(provider_server.seen().empty());
  EXPECT_TRUE(client->stopped());
  auto notes = client->take_notes();
  ASSERT_EQ(notes.size(), 1u);
  EXPECT_NE(notes[0].find("the project has no tokens left this month"), std::string::npos) << notes[0];
  EXPECT_NE(notes[0].find("rule-based results only"), std::string::npos);
}

TEST(LlmControlPlane, ChatGoesToTheServerWithTheTier) {
  LlmStandIn control_plane;
  control_plane.set_fallback({200, "server answer"});
  Environment env{{"COPILOT_SERVER", control_plane.url()}, {"COPILOT_TOKEN", "cpk_abc_secret"}};
  Harness h;
  auto client = h.client(config::LlmConfig{}, env);  // no providers: the control plane answers
  ASSERT_TRUE(client);
  auto out = client->chat(ask("hi", "bulk"));
  ASSERT_TRUE(out) << out.failure.message;
  EXPECT_EQ(out.response->content, "server answer");
  EXPECT_TRUE(control_plane.violations().empty()) << control_plane.violations()[0];
  auto seen = control_plane.seen();
  ASSERT_EQ(seen.size(), 1u);  // no reservation: the server accounts for its own calls
  EXPECT_EQ(seen[0].path, "/v1/llm/chat");
  EXPECT_EQ(nlohmann::json::parse(seen[0].body)["tier"], "bulk");
  EXPECT_EQ(seen[0].headers.find("Authorization")->second, "Bearer cpk_abc_secret");
}

TEST(LlmControlPlane, QuotaRefusalStopsTheRun) {
  LlmStandIn control_plane;
  control_plane.script({copilot::testing::quota_refusal()});
  Environment env{{"COPILOT_SERVER", control_plane.url()}, {"COPILOT_TOKEN", "cpk_abc_secret"}};
  Harness h;
  auto client = h.client(config::LlmConfig{}, env);
  auto out = client->chat(ask("hi"));
  EXPECT_FALSE(out);
  EXPECT_EQ(out.failure.kind, FailureKind::quota);
  EXPECT_TRUE(h.waits.empty());  // a refused quota is not retried
  EXPECT_TRUE(client->stopped());
}

TEST(LlmConfig, ParsesTheSection) {
  auto cfg = config::parse(R"(llm:
  providers:
    claude: {kind: anthropic, model: claude-3-5-haiku-latest, api_key_env: ANTHROPIC_KEY, timeout: 30}
    local: {kind: openai, base_url: "http://127.0.0.1:11434/v1", model: llama3}
  tiers:
    quality: [claude, local]
    bulk: [local]
  cache: {dir: /tmp/c, ttl_hours: 2, max_mib: 5}
  budget: {tokens: 5000, project: shop}
  retry: {attempts: 2, backoff_ms: 10}
  breaker: {failures: 3, cooldown_seconds: 5}
  review: true
)",
                           ".copilot.yaml");
  ASSERT_TRUE(cfg) << cfg.error().message;
  const auto& llm = cfg->llm;
  ASSERT_EQ(llm.providers.size(), 2u);
  EXPECT_EQ(llm.providers[0].name, "claude");  // file order
  EXPECT_EQ(llm.providers[0].timeout_seconds, 30);
  EXPECT_EQ(llm.tiers.at("quality"), (std::vector<std::string>{"claude", "local"}));
  EXPECT_EQ(llm.cache_ttl_hours, 2);
  EXPECT_EQ(llm.budget_tokens, 5000);
  EXPECT_EQ(llm.retry_attempts, 2);
  EXPECT_EQ(llm.breaker_failures, 3);
  EXPECT_TRUE(llm.review);
  EXPECT_FALSE(llm.gen_tests);
}

TEST(LlmConfig, BadInputNamesTheLineAndKey) {
  auto unknown = config::parse("llm:\n  providers:\n    a: {kind: openai}\n  tiers:\n    quality: [b]\n", "c.yaml");
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().message, "c.yaml:5: key 'llm.tiers.quality': unknown provider 'b'");
  auto kind = config::parse("llm:\n  providers:\n    a: {kind: gemini}\n", "c.yaml");
  ASSERT_FALSE(kind);
  EXPECT_NE(kind.error().message.find("c.yaml:3:"), std::string::npos) << kind.error().message;
  auto key = config::parse("llm:\n  providers:\n    a: {kind: openai, api_key: sk-123}\n", "c.yaml");
  ASSERT_FALSE(key);  // keys never live in the file
  EXPECT_NE(key.error().message.find("api_key"), std::string::npos) << key.error().message;
}

TEST(LlmPricing, LongestPrefixWinsAndLocalModelsAreFree) {
  ASSERT_TRUE(price_of("gpt-4o-mini-2024-07-18"));
  EXPECT_DOUBLE_EQ(price_of("gpt-4o-mini-2024-07-18")->input, 0.15);
  EXPECT_DOUBLE_EQ(price_of("gpt-4o-2024-08-06")->input, 2.50);
  EXPECT_FALSE(price_of("llama3.1:8b"));
  EXPECT_DOUBLE_EQ(cost_usd("llama3.1:8b", {1000, 1000}), 0);
}

}  // namespace
}  // namespace copilot::llm
