// The HTTP client against a real server on loopback: retries, rate-limit
// headers, pagination links, and errors that name the request.
#include "remote/http.h"

#include <gtest/gtest.h>

#include <atomic>

#include "loopback_server.h"

namespace copilot::remote {
namespace {

using testing::LoopbackServer;

RetryPolicy recording_policy(std::vector<std::chrono::milliseconds>& waits) {
  RetryPolicy policy;
  policy.sleep = [&waits](std::chrono::milliseconds d) { waits.push_back(d); };
  return policy;
}

TEST(HttpClient, SendsMethodHeadersAndBody) {
  LoopbackServer server;
  server.http().Post("/echo", [](const httplib::Request& req, httplib::Response& res) {
    res.status = 201;
    res.set_header("X-Seen-Auth", req.get_header_value("Authorization"));
    res.set_content(req.body, "application/json");
  });
  std::string base = server.start();
  HttpClient client;
  auto response = client.send({"POST", base + "/echo", {{"Authorization", "Bearer t0k"}}, R"({"a":1})"});
  ASSERT_TRUE(response) << response.error().message;
  EXPECT_EQ(response->status, 201);
  EXPECT_EQ(response->body, R"({"a":1})");
  EXPECT_EQ(response->header("x-seen-auth"), "Bearer t0k");
  EXPECT_TRUE(response->ok());
}

TEST(HttpClient, RetriesAfterRetryAfterHeader) {
  LoopbackServer server;
  std::atomic<int> calls = 0;
  server.http().Get("/limited", [&](const httplib::Request&, httplib::Response& res) {
    if (++calls < 3) {
      res.status = 403;
      res.set_header("Retry-After", "2");
      res.set_content(R"({"message":"You have exceeded a secondary rate limit"})", "application/json");
      return;
    }
    res.set_content("done", "text/plain");
  });
  std::string base = server.start();
  std::vector<std::chrono::milliseconds> waits;
  HttpClient client(recording_policy(waits));
  auto response = client.send({"GET", base + "/limited", {}, ""});
  ASSERT_TRUE(response) << response.error().message;
  EXPECT_EQ(response->body, "done");
  EXPECT_EQ(calls.load(), 3);
  EXPECT_EQ(waits, (std::vector<std::chrono::milliseconds>{std::chrono::seconds(2), std::chrono::seconds(2)}));
}

TEST(HttpClient, GivesUpWhenTheLimitDoesNotClear) {
  LoopbackServer server;
  server.http().Get("/busy", [](const httplib::Request&, httplib::Response& res) { res.status = 429; });
  std::string base = server.start();
  std::vector<std::chrono::milliseconds> waits;
  HttpClient client(recording_policy(waits));
  auto response = client.send({"GET", base + "/busy", {}, ""});
  ASSERT_FALSE(response);
  EXPECT_NE(response.error().message.find("HTTP 429"), std::string::npos) << response.error().message;
  EXPECT_NE(response.error().message.find("/busy"), std::string::npos);
  EXPECT_EQ(waits.size(), 3u);  // four attempts, exponential backoff between them
  EXPECT_EQ(waits[1], waits[0] * 2);
}

TEST(HttpClient, CanHandTheLastRetryableAnswerBack) {
  LoopbackServer server;
  server.http().Get("/busy", [](const httplib::Request&, httplib::Response& res) {
    res.status = 429;
    res.set_header("Retry-After", "7");
  });
  std::string base = server.start();
  std::vector<std::chrono::milliseconds> waits;
  RetryPolicy policy = recording_policy(waits);
  policy.max_attempts = 1;
  policy.retryable_as_error = false;
  auto response = HttpClient(policy).send({"GET", base + "/busy", {}, ""});
  ASSERT_TRUE(response) << response.error().message;
  EXPECT_EQ(response->status, 429);
  EXPECT_EQ(response->header("retry-after"), "7");
  EXPECT_TRUE(waits.empty());
}

TEST(HttpClient, DoesNotWaitLongerThanAllowed) {
  LoopbackServer server;
  server.http().Get("/later", [](const httplib::Request&, httplib::Response& res) {
    res.status = 429;
    res.set_header("Retry-After", "3600");
  });
  std::string base = server.start();
  std::vector<std::chrono::milliseconds> waits;
  HttpClient client(recording_policy(waits));
  auto response = client.send({"GET", base + "/later", {}, ""});
  ASSERT_FALSE(response);
  EXPECT_TRUE(waits.empty());
  EXPECT_NE(response.error().message.find("3600 s"), std::string::npos) << response.error().message;
}

TEST(HttpClient, ClientErrorsAreReturnedNotRetried) {
  LoopbackServer server;
  std::atomic<int> calls = 0;
  server.http().Get("/missing", [&](const httplib::Request&, httplib::Response& res) {
    ++calls;
    res.status = 404;
  });
  server.http().Get("/forbidden", [&](const httplib::Request&, httplib::Response& res) {
    ++calls;
    res.status = 403;
    res.set_content(R"({"message":"Resource not accessible by integration"})", "application/json");
  });
  std::string base = server.start();
  HttpClient client;
  EXPECT_EQ(client.send({"GET", base + "/missing", {}, ""})->status, 404);
  EXPECT_EQ(client.send({"GET", base + "/forbidden", {}, ""})->status, 403);
  EXPECT_EQ(calls.load(), 2);
}

TEST(HttpClient, ConnectionRefusedIsAnErrorNamingTheUrl) {
  std::string url;
  {
    LoopbackServer server;
    url = server.start() + "/gone";
  }
  std::vector<std::chrono::milliseconds> waits;
  HttpClient client(recording_policy(waits));
  auto response = client.send({"GET", url, {}, ""});
  ASSERT_FALSE(response);
  EXPECT_NE(response.error().message.find(url), std::string::npos) << response.error().message;
}

TEST(RateLimitHeaders, ResetTimeIsHonouredWhenNothingRemains) {
  HttpResponse response;
  response.status = 403;
  response.headers = {{"x-ratelimit-remaining", "0"}, {"x-ratelimit-reset", "1000"}};
  auto now = std::chrono::system_clock::time_point(std::chrono::seconds(990));
  EXPECT_TRUE(is_retryable(response));
  EXPECT_EQ(requested_wait(response, now), std::chrono::milliseconds(10'000));
  response.headers = {{"x-ratelimit-remaining", "12"}};
  EXPECT_FALSE(is_retryable(response));
  EXPECT_EQ(requested_wait(response, now), std::nullopt);
}

TEST(LinkHeader, FindsTheNextPage) {
  HttpResponse response;
  response.headers = {{"link",
                       R"(<https://api.example/x?page=1>; rel="prev", <https://api.example/x?page=3>; rel="next", )"
                       R"(<https://api.example/x?page=9>; rel="last")"}};
  EXPECT_EQ(next_link(response), "https://api.example/x?page=3");
  response.headers = {{"link", R"(<https://api.example/x?page=1>; rel="prev")"}};
  EXPECT_EQ(next_link(response), "");
}

}  // namespace
}  // namespace copilot::remote
