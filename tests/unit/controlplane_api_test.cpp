// The HTTP API end to end in one process, over loopback: authentication,
// Problem Details, the LLM reservation contract, audit events, limits, the
// operational endpoints and the chat proxy against a loopback upstream.
#include <atomic>

#include "common/clock.h"
#include "controlplane_fixture.h"

namespace copilot::controlplane {
namespace {

using copilot::testing::HttpAnswer;
using copilot::testing::TempDir;
using copilot::testing::TestServer;
using nlohmann::json;

class ApiTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override { CONTROLPLANE_DATABASE_URL(GetParam(), dir_, url_); }
  std::unique_ptr<TestServer> start(ServerOptions options = {}, std::unique_ptr<ChatBackend> chat = nullptr) {
    return std::make_unique<TestServer>(url_, options, nullptr, std::move(chat));
  }
  static void expect_problem(const HttpAnswer& a, int status, const std::string& slug) {
    EXPECT_EQ(a.status, status) << a.text;
    EXPECT_EQ(a.header("Content-Type"), "application/problem+json") << a.text;
    ASSERT_TRUE(a.body.is_object()) << a.text;
    EXPECT_EQ(a.body.value("type", ""), "https://copilot.dev/problems/" + slug) << a.text;
    EXPECT_EQ(a.body.value("status", 0), status);
    EXPECT_FALSE(a.body.value("title", "").empty());
  }
  TempDir dir_;
  std::string url_;
};

TEST_P(ApiTest, EveryV1RequestWithoutAuthenticationGets401Problem) {
  auto server = start();
  for (const Route& route : api_routes()) {
    auto a = server->call(route.method, route.path, "", "{}");
    expect_problem(a, 401, "unauthorized");
    EXPECT_EQ(a.header("WWW-Authenticate"), "Bearer") << route.path;
  }
  expect_problem(server->call("GET", "/v1/no-such-thing", ""), 401, "unauthorized");
}

TEST_P(ApiTest, BadExpiredAndRevokedKeysAre401AndNeverEchoed) {
  auto server = start();
  const std::string bogus = "cpk_0123456789ab_" + std::string(64, 'f');
  auto a = server->call("GET", "/v1/tenant", bogus);
  expect_problem(a, 401, "unauthorized");
  EXPECT_EQ(a.text.find(bogus), std::string::npos);
  expect_problem(server->call("GET", "/v1/tenant", "cpk_short"), 401, "unauthorized");
  expect_problem(server->call("GET", "/v1/tenant", "", "", {{"Authorization", "Basic YWxhZGRpbjpvcGVu"}}), 401,
                 "unauthorized");
  // A real prefix with a wrong secret.
  std::string wrong =
      server->admin_key.substr(0, server->admin_key.size() - 1) + (server->admin_key.back() == '0' ? "1" : "0");
  expect_problem(server->call("GET", "/v1/tenant", wrong), 401, "unauthorized");

  auto expiring = server->call("POST", "/v1/keys", server->admin_key,
                               json{{"name", "short"}, {"expires_at", rfc3339(now_ms() + 2000)}});
  ASSERT_EQ(expiring.status, 201) << expiring.text;
  EXPECT_EQ(server->call("GET", "/v1/tenant", expiring.body["api_key"].get<std::string>()).status, 200);
  std::this_thread::sleep_for(std::chrono::milliseconds(2100));
  auto expired = server->call("GET", "/v1/tenant", expiring.body["api_key"].get<std::string>());
  expect_problem(expired, 401, "unauthorized");
  EXPECT_NE(expired.body.value("detail", "").find("expired"), std::string::npos);

  auto key = server->call("POST", "/v1/keys", server->admin_key, json{{"name", "to revoke"}});
  const std::string token = key.body["api_key"];
  EXPECT_EQ(server->call("GET", "/v1/tenant", token).status, 200);
  EXPECT_EQ(server->call("DELETE", "/v1/keys/" + key.body["id"].get<std::string>(), server->admin_key).status, 204);
  expect_problem(server->call("GET", "/v1/tenant", token), 401, "unauthorized");
}

TEST_P(ApiTest, KeysAreShownOnceAndStoredOnlyAsAHash) {
  auto server = start();
  auto key = server->call("POST", "/v1/keys", server->admin_key, json{{"name", "ci"}, {"scopes", {"runs:read"}}});
  ASSERT_EQ(key.status, 201) << key.text;
  const std::string token = key.body["api_key"];
  EXPECT_EQ(token.rfind("cpk_" + key.body["id"].get<std::string>() + "_", 0), 0u);
  auto listed = server->call("GET", "/v1/keys", server->admin_key);
  EXPECT_EQ(listed.text.find(token.substr(17)), std::string::npos);
  EXPECT_EQ(copilot::testing::count_rows(
                server->db(), "SELECT COUNT(*) FROM api_keys WHERE secret_hash = '" + token.substr(17) + "'"),
            0);
  // Scopes narrow the role: this admin-owned key may only read runs.
  EXPECT_EQ(server->call("GET", "/v1/runs", token).status, 200);
  expect_problem(server->call("GET", "/v1/users", token), 403, "forbidden");
  // And a scoped key cannot mint a broader one.
  expect_problem(server->call("POST", "/v1/keys", token, json{{"name", "wider"}}), 403, "forbidden");
}

TEST_P(ApiTest, ReservationContract) {
  auto server = start();
  const std::string key = server->admin_key;
  ASSERT_EQ(server->call("PUT", "/v1/quotas", key, json{{"period", "day"}, {"token_limit", 1000}}).status, 200);
  auto r = server->call("POST", "/v1/llm/reservations", key,
                        json{{"model", "gpt-x"}, {"estimated_tokens", 600}, {"idempotency_key", "call-1"}});
  ASSERT_EQ(r.status, 201) << r.text;
  EXPECT_EQ(r.body["estimated_tokens"], 600);
  EXPECT_EQ(r.body["remaining_tokens"], 400);
  EXPECT_TRUE(parse_rfc3339(r.body["expires_at"].get<std::string>()));
  const std::string id = r.body["id"];

  auto again = server->call("POST", "/v1/llm/reservations", key,
                            json{{"model", "gpt-x"}, {"estimated_tokens", 600}, {"idempotency_key", "call-1"}});
  EXPECT_EQ(again.status, 200);
  EXPECT_EQ(again.body["id"], id);

  auto refused = server->call("POST", "/v1/llm/reservations", key, json{{"model", "gpt-x"}, {"estimated_tokens", 500}});
  expect_problem(refused, 429, "quota-exceeded");
  EXPECT_EQ(refused.body["remaining_tokens"], 400);
  auto resets = parse_rfc3339(refused.body["resets_at"].get<std::string>());
  ASSERT_TRUE(resets);
  EXPECT_EQ(*resets, next_day(now_ms()));
  int retry = std::stoi(refused.header("Retry-After"));
  EXPECT_GT(retry, 0);
  EXPECT_LE(retry, 86400);

  auto commit = server->call("POST", "/v1/llm/reservations/" + id + "/commit", key,
                             json{{"prompt_tokens", 200}, {"completion_tokens", 100}, {"model", "gpt-x-2"}});
  ASSERT_EQ(commit.status, 200) << commit.text;
  EXPECT_EQ(commit.body["id"], id);
  EXPECT_EQ(commit.body["committed_tokens"], 300);
  EXPECT_EQ(commit.body["remaining_tokens"], 700);
  expect_problem(server->call("POST", "/v1/llm/reservations/" + id + "/commit", key,
                              json{{"prompt_tokens", 1}, {"completion_tokens", 1}}),
                 409, "conflict");
  expect_problem(server->call("POST", "/v1/llm/reservations/rsv_unknown/commit", key,
                              json{{"prompt_tokens", 1}, {"completion_tokens", 1}}),
                 404, "not-found");

  auto usage = server->call("GET", "/v1/llm/usage", key);
  ASSERT_EQ(usage.status, 200) << usage.text;
  EXPECT_EQ(usage.body["total"]["prompt_tokens"], 200);
  EXPECT_EQ(usage.body["by_model"]["gpt-x-2"]["completion_tokens"], 100);
}

TEST_P(ApiTest, AnExpiredReservationIsGoneAndItsTokensReturn) {
  ServerOptions options;
  options.reservation_ttl_ms = 1000;
  auto server = start(options);
  const std::string key = server->admin_key;
  ASSERT_EQ(server->call("PUT", "/v1/quotas", key, json{{"period", "month"}, {"token_limit", 100}}).status, 200);
  auto r = server->call("POST", "/v1/llm/reservations", key, json{{"model", "m"}, {"estimated_tokens", 100}});
  ASSERT_EQ(r.status, 201);
  std::this_thread::sleep_for(std::chrono::milliseconds(1200));
  expect_problem(server->call("POST", "/v1/llm/reservations/" + r.body["id"].get<std::string>() + "/commit", key,
                              json{{"prompt_tokens", 1}, {"completion_tokens", 1}}),
                 410, "gone");
  EXPECT_EQ(server->call("POST", "/v1/llm/reservations", key, json{{"model", "m"}, {"estimated_tokens", 100}}).status,
            201);
}

TEST_P(ApiTest, AuditEventsAreIdempotentPagedFilteredAndVerifiable) {
  auto server = start();
  const std::string key = server->admin_key;
  json event = {{"action", "review.finished"},
                {"target", "repo@abc123"},
                {"details", {{"findings", 3}}},
                {"occurred_at", "2026-01-02T03:04:05Z"},
                {"idempotency_key", "spool-42"}};
  auto first = server->call("POST", "/v1/audit/events", key, event);
  ASSERT_EQ(first.status, 201) << first.text;
  auto resend = server->call("POST", "/v1/audit/events", key, event);
  EXPECT_EQ(resend.status, 200);
  EXPECT_EQ(resend.body["id"], first.body["id"]);
  EXPECT_EQ(first.body["occurred_at"], "2026-01-02T03:04:05Z");
  for (int i = 0; i < 5; ++i) {
    ASSERT_EQ(server
                  ->call("POST", "/v1/audit/events", key,
                         json{{"action", "plan.done"}, {"idempotency_key", "k" + std::to_string(i)}})
                  .status,
              201);
  }
  auto filtered = server->call("GET", "/v1/audit?action=plan.done&limit=2", key);
  ASSERT_EQ(filtered.status, 200) << filtered.text;
  EXPECT_EQ(filtered.body["events"].size(), 2u);
  std::string cursor = filtered.body["next_cursor"];
  auto next = server->call("GET", "/v1/audit?action=plan.done&limit=2&cursor=" + cursor, key);
  EXPECT_EQ(next.body["events"].size(), 2u);
  EXPECT_GT(next.body["events"][0]["seq"].get<int64_t>(), filtered.body["events"][1]["seq"].get<int64_t>());
  auto none = server->call("GET", "/v1/audit?since=2999-01-01T00:00:00Z", key);
  EXPECT_EQ(none.body["events"].size(), 0u);
  expect_problem(server->call("GET", "/v1/audit?since=yesterday", key), 422, "invalid-request");
  auto verify = server->call("GET", "/v1/audit/verify", key);
  EXPECT_EQ(verify.body["valid"], true) << verify.text;
  // init wrote three records; the client six.
  EXPECT_EQ(verify.body["records"], 3 + 6);
}

TEST_P(ApiTest, RunsAndTheArtifactApprovalWorkflowAreRecorded) {
  auto server = start();
  const std::string admin = server->admin_key;
  auto reviewer_user =
      server->call("POST", "/v1/users", admin, json{{"email", "rita@acme.test"}, {"role", "reviewer"}});
  auto reviewer = server->call("POST", "/v1/keys", admin, json{{"name", "r"}, {"user_id", reviewer_user.body["id"]}});
  const std::string rita = reviewer.body["api_key"];

  json run = {{"project", "shop"},
              {"kind", "release"},
              {"stage", "build"},
              {"started_at", "2026-03-01T10:00:00Z"},
              {"idempotency_key", "ci-77"}};
  auto created = server->call("POST", "/v1/runs", admin, run);
  ASSERT_EQ(created.status, 201) << created.text;
  auto again = server->call("POST", "/v1/runs", admin, run);
  EXPECT_EQ(again.status, 200);
  EXPECT_EQ(again.body["id"], created.body["id"]);
  const std::string run_id = created.body["id"];
  EXPECT_EQ(server->call("GET", "/v1/projects/shop", admin).status, 200);  // registered with the run
  auto finished = server->call(
      "PATCH", "/v1/runs/" + run_id, admin,
      json{{"status", "succeeded"}, {"finished_at", "2026-03-01T10:02:30Z"}, {"metrics", {{"findings", 4}}}});
  ASSERT_EQ(finished.status, 200) << finished.text;
  EXPECT_EQ(finished.body["duration_ms"], 150000);
  EXPECT_EQ(finished.body["metrics"]["findings"], 4);
  auto runs = server->call("GET", "/v1/runs?project=shop", rita);
  ASSERT_EQ(runs.body["runs"].size(), 1u);

  auto artifact =
      server->call("POST", "/v1/artifacts", admin,
                   json{{"run_id", run_id}, {"name", "app.tar"}, {"kind", "bundle"}, {"digest", "sha256:ab"}});
  ASSERT_EQ(artifact.status, 201) << artifact.text;
  EXPECT_EQ(artifact.body["status"], "pending");
  const std::string id = artifact.body["id"];
  EXPECT_EQ(server->call("GET", "/v1/artifacts?status=pending", rita).body["artifacts"].size(), 1u);
  auto approved = server->call("POST", "/v1/artifacts/" + id + "/approve", rita, json{{"note", "checked"}});
  ASSERT_EQ(approved.status, 200) << approved.text;
  EXPECT_EQ(approved.body["status"], "approved");
  EXPECT_EQ(approved.body["decided_by"], "rita@acme.test");
  EXPECT_EQ(approved.body["decision_note"], "checked");
  EXPECT_FALSE(approved.body["decided_at"].is_null());
  auto twice = server->call("POST", "/v1/artifacts/" + id + "/reject", rita, json::object());
  expect_problem(twice, 409, "conflict");
  EXPECT_EQ(twice.body["artifact_status"], "approved");
  auto log = server->call("GET", "/v1/audit?action=artifact.approve", admin);
  ASSERT_EQ(log.body["events"].size(), 1u);
  EXPECT_EQ(log.body["events"][0]["actor"], "rita@acme.test");
  EXPECT_EQ(log.body["events"][0]["target"], id);
}

TEST_P(ApiTest, BodiesOverTheLimitAre413Problems) {
  ServerOptions options;
  options.body_limit = 1024;
  auto server = start(options);
  auto a = server->call("POST", "/v1/audit/events", server->admin_key,
                        json{{"action", "x"}, {"idempotency_key", "k"}, {"target", std::string(4096, 'a')}});
  expect_problem(a, 413, "payload-too-large");
  EXPECT_EQ(copilot::testing::count_rows(server->db(), "SELECT COUNT(*) FROM audit_events WHERE action = 'x'"), 0);
}

TEST_P(ApiTest, TenantsAreRateLimited) {
  ServerOptions options;
  options.rate_per_second = 1;
  options.rate_burst = 3;
  auto server = start(options);
  for (int i = 0; i < 3; ++i) EXPECT_EQ(server->call("GET", "/v1/tenant", server->admin_key).status, 200);
  auto limited = server->call("GET", "/v1/tenant", server->admin_key);
  expect_problem(limited, 429, "rate-limited");
  EXPECT_FALSE(limited.header("Retry-After").empty());
}

TEST_P(ApiTest, OperationalEndpointsHeadersAndRequestIds) {
  auto server = start();
  auto health = server->call("GET", "/healthz", "");
  EXPECT_EQ(health.status, 200);
  EXPECT_EQ(server->call("GET", "/readyz", "").status, 200);
  auto echoed = server->call("GET", "/v1/tenant", server->admin_key, "", {{"X-Request-Id", "req-abc.123"}});
  EXPECT_EQ(echoed.header("X-Request-Id"), "req-abc.123");
  auto generated = server->call("GET", "/v1/tenant", server->admin_key, "", {{"X-Request-Id", "bad id\twith tab"}});
  EXPECT_EQ(generated.header("X-Request-Id").size(), 16u);
  EXPECT_EQ(echoed.header("X-Content-Type-Options"), "nosniff");
  EXPECT_EQ(echoed.header("X-Frame-Options"), "DENY");
  EXPECT_EQ(echoed.header("Cache-Control"), "no-store");
  EXPECT_FALSE(echoed.header("Content-Security-Policy").empty());
  auto metrics = server->call("GET", "/metrics", "");
  EXPECT_EQ(metrics.status, 200);
  EXPECT_NE(metrics.text.find("# TYPE copilot_http_requests_total counter"), std::string::npos);
  EXPECT_NE(metrics.text.find("copilot_http_requests_total{method=\"GET\",route=\"/v1/tenant\",status=\"200\"}"),
            std::string::npos)
      << metrics.text;
  EXPECT_NE(metrics.text.find("copilot_http_request_duration_seconds_bucket{route=\"/v1/tenant\",le=\"+Inf\"}"),
            std::string::npos);
  expect_problem(server->call("GET", "/nope", ""), 404, "not-found");
}

TEST_P(ApiTest, ChatWithoutAnUpstreamIs503) {
  auto server = start();
  auto a =
      server->call("POST", "/v1/llm/chat", server->admin_key,
                   json{{"tier", "bulk"}, {"messages", {{{"role", "user"}, {"content", "hi"}}}}, {"max_tokens", 10}});
  expect_problem(a, 503, "unavailable");
}

/// An OpenAI-compatible chat completions endpoint on loopback that checks each
/// request against the documented shape and fails the test on a wrong one.
class FakeUpstream {
 public:
  FakeUpstream() {
    server_.Post("/v1/chat/completions", [this](const httplib::Request& req, httplib::Response& res) {
      auto body = json::parse(req.body, nullptr, false);
      bool ok = body.is_object() && body.contains("model") && body["model"].is_string() && body.contains("messages") &&
                body["messages"].is_array() && !body["messages"].empty() && body.contains("max_tokens") &&
                body["max_tokens"].is_number_integer();
      for (const auto& m : ok ? body["messages"] : json::array()) {
        ok = ok && m.is_object() && m["role"].is_string() && m["content"].is_string();
      }
      if (!ok || req.get_header_value("Content-Type") != "application/json") {
        ADD_FAILURE() << "upstream got a malformed chat request: " << req.body;
        res.status = 400;
        return;
      }
      ++calls;
      last_request = body;
      res.set_content(
          json{{"id", "chatcmpl-1"},
               {"object", "chat.completion"},
               {"model", body["model"]},
               {"choices",
                {{{"index", 0}, {"message", {{"role", "assistant"}, {"content", "pong"}}}, {"finish_reason", "stop"}}}},
               {"usage", {{"prompt_tokens", 12}, {"completion_tokens", 3}, {"total_tokens", 15}}}}
              .dump(),
          "application/json");
    });
    port = server_.bind_to_any_port("127.0.0.1");
    thread_ = std::thread([this] { server_.listen_after_bind(); });
  }
  ~FakeUpstream() {
    server_.stop();
    thread_.join();
  }
  int port = 0;
  std::atomic<int> calls = 0;
  json last_request;

 private:
  httplib::Server server_;
  std::thread thread_;
};

TEST_P(ApiTest, ChatReservesCallsTheUpstreamAndCommitsItsUsage) {
  FakeUpstream upstream;
  auto server = start({}, make_openai_compatible_backend(
                              "http://127.0.0.1:" + std::to_string(upstream.port) + "/v1/chat/completions", "model-a"));
  json request = {
      {"tier", "quality"},
      {"messages", {{{"role", "system"}, {"content", "be brief"}}, {{"role", "user"}, {"content", "ping"}}}},
      {"max_tokens", 50},
      {"temperature", 0.2},
      {"json_schema", {{"type", "object"}}}};
  auto a = server->call("POST", "/v1/llm/chat", server->admin_key, request);
  ASSERT_EQ(a.status, 200) << a.text;
  EXPECT_EQ(a.body["content"], "pong");
  EXPECT_EQ(a.body["model"], "model-a");
  EXPECT_EQ(a.body["usage"]["prompt_tokens"], 12);
  EXPECT_EQ(a.body["usage"]["completion_tokens"], 3);
  EXPECT_EQ(a.body["cached"], false);
  EXPECT_EQ(upstream.calls, 1);
  EXPECT_EQ(upstream.last_request["response_format"]["type"], "json_schema");
  auto usage = server->call("GET", "/v1/llm/usage", server->admin_key);
  EXPECT_EQ(usage.body["total"]["prompt_tokens"], 12);
  // Over budget: refused before the upstream is called.
  ASSERT_EQ(server->call("PUT", "/v1/quotas", server->admin_key, json{{"period", "month"}, {"token_limit", 20}}).status,
            200);
  expect_problem(server->call("POST", "/v1/llm/chat", server->admin_key, request), 429, "quota-exceeded");
  EXPECT_EQ(upstream.calls, 1);
}

TEST_P(ApiTest, ChatFallsBackThroughTheSharedRouter) {
  FakeUpstream upstream;
  config::LlmConfig llm;
  config::LlmProviderConfig dead{"dead", "openai", "http://127.0.0.1:1/v1", "model-dead", "", "", 5};
  config::LlmProviderConfig live{
      "live", "openai", "http://127.0.0.1:" + std::to_string(upstream.port) + "/v1", "model-a", "", "", 5};
  llm.providers = {dead, live};
  llm.tiers["quality"] = {"dead", "live"};
  auto backend = make_router_backend(llm);
  ASSERT_TRUE(backend.ok()) << backend.error().message;
  EXPECT_EQ((*backend)->model_for("quality"), "model-dead");
  auto server = start({}, std::move(*backend));
  json request = {{"tier", "quality"}, {"messages", {{{"role", "user"}, {"content", "ping"}}}}, {"max_tokens", 50}};
  auto a = server->call("POST", "/v1/llm/chat", server->admin_key, request);
  ASSERT_EQ(a.status, 200) << a.text;
  EXPECT_EQ(a.body["content"], "pong");
  EXPECT_EQ(upstream.calls, 1);
  config::LlmConfig none;
  EXPECT_FALSE(make_router_backend(none).ok());
}

INSTANTIATE_TEST_SUITE_P(Backends, ApiTest, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace copilot::controlplane
