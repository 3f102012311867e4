// Bad input on every endpoint that takes a body: malformed JSON, a non-object,
// unknown members, wrong types, and SQL-injection strings in every member.
// Each gets the right 4xx Problem and changes nothing; injection text that is
// valid data is stored verbatim and harms nothing.
#include "controlplane_fixture.h"

namespace copilot::controlplane {
namespace {

using copilot::testing::HttpAnswer;
using copilot::testing::TempDir;
using copilot::testing::TestServer;
using nlohmann::json;

const std::vector<std::string> kInjections = {
    "'; DROP TABLE audit_events; --",
    "\" OR \"1\"=\"1",
    "x' UNION SELECT secret_hash FROM api_keys --",
    "1; UPDATE quotas SET token_limit = 999999999999",
    "?); DELETE FROM tenants; --",
};

class BadInputTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    CONTROLPLANE_DATABASE_URL(GetParam(), dir_, url_);
    ServerOptions unlimited;
    unlimited.rate_per_second = 0;  // hundreds of requests a second here
    server_ = std::make_unique<TestServer>(url_, unlimited);
    ids_ = copilot::testing::create_sample_resources(*server_, server_->admin_key, "acme");
  }

  /// Everything in the database, as counts and the audit head, to prove a request changed nothing.
  std::string snapshot() {
    std::string all;
    for (const char* table : {"tenants", "users", "api_keys", "projects", "runs", "artifacts", "quotas", "reservations",
                              "audit_events", "quota_windows", "llm_usage"}) {
      all += std::to_string(copilot::testing::count_rows(server_->db(), std::string("SELECT COUNT(*) FROM ") + table));
      all += ",";
    }
    all += std::to_string(copilot::testing::count_rows(server_->db(), "SELECT SUM(token_limit) FROM quotas")) + ",";
    all += std::to_string(copilot::testing::count_rows(server_->db(), "SELECT SUM(used_tokens) FROM quota_windows"));
    return all;
  }

  void expect_refused(const Route& route, const std::string& body, int status, const std::string& slug,
                      const std::string& what) {
    const std::string before = snapshot();
    auto a = server_->call(route.method, copilot::testing::concrete_path(route.path, ids_), server_->admin_key, body);
    std::string where = route.method + " " + route.path + " with " + what;
    EXPECT_EQ(a.status, status) << where << ": " << a.text;
    EXPECT_EQ(a.header("Content-Type"), "application/problem+json") << where;
    EXPECT_EQ(a.body.value("type", ""), "https://copilot.dev/problems/" + slug) << where << ": " << a.text;
    EXPECT_EQ(snapshot(), before) << where << " changed the database";
  }

  std::vector<Route> routes_with_bodies() {
    std::vector<Route> out;
    for (Route& r : api_routes()) {
      if (r.method == "GET" || r.method == "DELETE") continue;
      if (!copilot::testing::sample_request_body(r.method + " " + r.path, "0", "")) {
        ADD_FAILURE() << "no sample body for " << r.method << " " << r.path;
        continue;
      }
      out.push_back(std::move(r));
    }
    return out;
  }

  json sample(const Route& r) {
    return *copilot::testing::sample_request_body(r.method + " " + r.path, std::to_string(++counter_),
                                                  ids_["/v1/runs/"]);
  }

  TempDir dir_;
  std::string url_;
  std::unique_ptr<TestServer> server_;
  std::map<std::string, std::string> ids_;
  int counter_ = 0;
};

TEST_P(BadInputTest, MalformedJsonIs400AndNonObjectsAre422) {
  for (const Route& r : routes_with_bodies()) {
    for (const char* broken : {"{", "{\"a\":", "not json", "{\"a\":1,}", "\xff\xfe{}", "{\"a\":\"\xc3\x28\"}"}) {
      expect_refused(r, broken, 400, "malformed-json", std::string("body ") + broken);
    }
    for (const char* wrong : {"[]", "42", "\"text\"", "null"}) {
      expect_refused(r, wrong, 422, "invalid-request", std::string("body ") + wrong);
    }
  }
}

TEST_P(BadInputTest, DeeplyNestedBodiesAre422NotACrash) {
  const std::string deep = std::string(100000, '[') + std::string(100000, ']');
  for (const Route& r : routes_with_bodies()) {
    expect_refused(r, "{\"details\":" + deep + "}", 422, "invalid-request", "100,000 nested arrays");
  }
  json nested = json::object();
  for (int i = 0; i < 20; ++i) nested = json{{"a", nested}};
  auto a = server_->call("POST", "/v1/audit/events", server_->admin_key,
                         json{{"action", "x"}, {"idempotency_key", "deep"}, {"details", nested}});
  EXPECT_EQ(a.status, 201) << "20 levels are fine: " << a.text;
}

TEST_P(BadInputTest, UnknownMembersAre422) {
  for (const Route& r : routes_with_bodies()) {
    json body = sample(r);
    body["is_admin"] = true;
    expect_refused(r, body.dump(), 422, "invalid-request", "an unknown member");
  }
}

TEST_P(BadInputTest, EveryMemberWithAWrongTypeIs422NamingIt) {
  for (const Route& r : routes_with_bodies()) {
    json valid = sample(r);
    for (const auto& [name, value] : valid.items()) {
      std::vector<json> wrong_values;
      if (value.is_string())
        wrong_values = {12345, json::array({"x"}), true};
      else if (value.is_number())
        wrong_values = {"12", 1.5, json::object()};
      else if (value.is_boolean())
        wrong_values = {"true", 1};
      else if (value.is_object())
        wrong_values = {"{}", json::array()};
      else if (value.is_array())
        wrong_values = {"[]", json::object()};
      for (const json& wrong : wrong_values) {
        json body = valid;
        body[name] = wrong;
        expect_refused(r, body.dump(), 422, "invalid-request", name + " = " + wrong.dump());
      }
    }
  }
}

TEST_P(BadInputTest, OutOfRangeNumbersAndEmptyRequiredStringsAre422) {
  Route reserve{"POST", "/v1/llm/reservations", Permission::llm_use, nullptr};
  for (json tokens : {json(0), json(-5), json(1e15), json(9223372036854775807LL), json(18446744073709551615ULL)}) {
    expect_refused(reserve, json{{"model", "m"}, {"estimated_tokens", tokens}}.dump(), 422, "invalid-request",
                   "estimated_tokens = " + tokens.dump());
  }
  expect_refused(reserve, json{{"model", ""}, {"estimated_tokens", 1}}.dump(), 422, "invalid-request", "empty model");
  Route events{"POST", "/v1/audit/events", Permission::audit_append, nullptr};
  expect_refused(events, json{{"action", "x"}}.dump(), 422, "invalid-request", "no idempotency_key");
  expect_refused(events, json{{"action", "x"}, {"idempotency_key", "k"}, {"occurred_at", "yesterday"}}.dump(), 422,
                 "invalid-request", "a bad timestamp");
}

TEST_P(BadInputTest, SqlInjectionStringsInEveryMemberAreInert) {
  for (const Route& r : routes_with_bodies()) {
    json valid = sample(r);
    for (const auto& [name, value] : valid.items()) {
      if (!value.is_string()) continue;
      for (const std::string& attack : kInjections) {
        json body = sample(r);
        body[name] = attack + std::to_string(++counter_);
        const std::string before = snapshot();
        auto a =
            server_->call(r.method, copilot::testing::concrete_path(r.path, ids_), server_->admin_key, body.dump());
        std::string where = r.method + " " + r.path + " with " + name + " = " + attack;
        ASSERT_NE(a.status, 0) << where;
        EXPECT_LT(a.status, 500) << where << ": " << a.text;
        if (a.status >= 400) {
          EXPECT_EQ(a.header("Content-Type"), "application/problem+json") << where;
          EXPECT_EQ(snapshot(), before) << where << " was refused but changed the database";
        } else if (a.body.is_object() && a.body.contains(name)) {
          EXPECT_EQ(a.body[name], body[name]) << where << " was not stored verbatim";
        }
      }
    }
  }
  // The schema is intact and the chain still verifies.
  EXPECT_EQ(copilot::testing::count_rows(server_->db(), "SELECT COUNT(*) FROM tenants"), 1);
  EXPECT_GT(copilot::testing::count_rows(server_->db(), "SELECT COUNT(*) FROM audit_events"), 0);
  EXPECT_EQ(server_->call("GET", "/v1/audit/verify", server_->admin_key).body["valid"], true);
  EXPECT_EQ(server_->call("GET", "/v1/tenant", server_->admin_key).status, 200);
}

TEST_P(BadInputTest, QueryParametersAreCheckedToo) {
  for (const char* path : {"/v1/audit?limit=0", "/v1/audit?limit=abc", "/v1/audit?limit=99999", "/v1/audit?cursor=-1",
                           "/v1/audit?cursor=1'%20OR%20'x'%3D'x", "/v1/audit?until=not-a-time", "/v1/runs?limit=-1",
                           "/v1/llm/usage?from=2026-13", "/v1/artifacts?status=deleted"}) {
    auto a = server_->call("GET", path, server_->admin_key);
    EXPECT_EQ(a.status, 422) << path << ": " << a.text;
    EXPECT_EQ(a.body.value("type", ""), "https://copilot.dev/problems/invalid-request") << path;
  }
  auto a = server_->call("GET", "/v1/audit?action=x'%20OR%20'1'='1", server_->admin_key);
  EXPECT_EQ(a.status, 200);
  EXPECT_EQ(a.body["events"].size(), 0u);
}

INSTANTIATE_TEST_SUITE_P(Backends, BadInputTest, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace copilot::controlplane
