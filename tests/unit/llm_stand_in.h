#pragma once
// A model server on loopback for the LLM layer's tests. It speaks the OpenAI
// chat completions API (also in its Azure form), Anthropic's Messages API and
// the control plane's /v1/llm routes, checks every request against the
// documented shape (a wrong one is recorded as a violation and answered 400),
// and answers with what the test scripted: a text, a status with headers, a
// delay, or a body that is not JSON.
#include <chrono>
#include <deque>
#include <functional>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

#include "loopback_server.h"

namespace copilot::testing {

struct CannedReply {
  int status = 200;
  std::string text;  ///< the model's answer (status 200)
  std::string raw;   ///< sent as the body instead, verbatim (malformed answers, problems)
  httplib::Headers headers;
  std::chrono::milliseconds delay{0};
  long long prompt_tokens = 11, completion_tokens = 7;
};

class LlmStandIn {
 public:
  LlmStandIn() {
    auto& http = server_.http();
    http.Post("/v1/chat/completions", [this](const httplib::Request& q, httplib::Response& r) { openai(q, r, false); });
    http.Post(R"(/openai/deployments/([^/]+)/chat/completions)",
              [this](const httplib::Request& q, httplib::Response& r) { openai(q, r, true); });
    http.Post("/v1/messages", [this](const httplib::Request& q, httplib::Response& r) { anthropic(q, r); });
    http.Post("/v1/llm/chat", [this](const httplib::Request& q, httplib::Response& r) { controlplane_chat(q, r); });
    http.Post("/v1/llm/reservations", [this](const httplib::Request& q, httplib::Response& r) { reserve(q, r); });
    http.Post(R"(/v1/llm/reservations/([^/]+)/commit)",
              [this](const httplib::Request& q, httplib::Response& r) { commit(q, r); });
    url_ = server_.start();
  }

  const std::string& url() const { return url_; }
  /// Queues replies for the chat routes, used in order; afterwards `fallback` answers.
  void script(std::vector<CannedReply> replies) {
    std::lock_guard lock(mutex_);
    for (auto& r : replies) queue_.push_back(std::move(r));
  }
  void set_fallback(CannedReply reply) {
    std::lock_guard lock(mutex_);
    fallback_ = std::move(reply);
  }
  /// Replies for POST /v1/llm/reservations, in order; afterwards 201 with a fresh id.
  void script_reservations(std::vector<CannedReply> replies) {
    std::lock_guard lock(mutex_);
    for (auto& r : replies) reservations_.push_back(std::move(r));
  }
  std::vector<std::string> violations() const {
    std::lock_guard lock(mutex_);
    return violations_;
  }
  std::vector<SeenRequest> seen() const { return server_.seen(); }
  /// Bodies of requests to `path` only.
  std::vector<nlohmann::json> bodies(const std::string& path) const {
    std::vector<nlohmann::json> out;
    for (const auto& s : server_.seen())
      if (s.path == path) out.push_back(nlohmann::json::parse(s.body, nullptr, false));
    return out;
  }
  std::string all_bodies() const {
    std::string out;
    for (const auto& s : server_.seen()) out += s.body + "\n";
    return out;
  }

 private:
  void violation(httplib::Response& r, const std::string& what) {
    {
      std::lock_guard lock(mutex_);
      violations_.push_back(what);
    }
    r.status = 400;
    r.set_content(nlohmann::json{{"error", {{"message", what}}}}.dump(), "application/json");
  }

  CannedReply next() {
    std::lock_guard lock(mutex_);
    if (queue_.empty()) return fallback_;
    CannedReply r = queue_.front();
    queue_.pop_front();
    return r;
  }

  /// Sends a scripted reply; true when the caller should fill in a 200 answer.
  static bool send_scripted(const CannedReply& c, httplib::Response& r) {
    if (c.delay.count()) std::this_thread::sleep_for(c.delay);
    for (const auto& [k, v] : c.headers) r.set_header(k, v);
    r.status = c.status;
    if (!c.raw.empty()) {
      r.set_content(c.raw, "application/json");
      return false;
    }
    if (c.status != 200) {
      r.set_content(nlohmann::json{{"error", {{"message", "scripted failure"}}}}.dump(), "application/json");
      return false;
    }
    return true;
  }

  static nlohmann::json parse(const httplib::Request& q) { return nlohmann::json::parse(q.body, nullptr, false); }

  void openai(const httplib::Request& q, httplib::Response& r, bool azure) {
    if (q.get_header_value("Content-Type") != "application/json") return violation(r, "openai: Content-Type");
    if (azure) {
      if (!q.has_param("api-version")) return violation(r, "azure: no api-version query parameter");
      if (q.get_header_value("api-key").empty()) return violation(r, "azure: no api-key header");
    } else if (q.has_header("Authorization") && q.get_header_value("Authorization").rfind("Bearer ", 0) != 0) {
      return violation(r, "openai: Authorization is not a bearer token");  // keyless servers (Ollama) get none
    }
    auto b = parse(q);
    if (b.is_discarded() || !b.is_object()) return violation(r, "openai: body is not a JSON object");
    if (!b.contains("model") || !b["model"].is_string()) return violation(r, "openai: model");
    if (!b.contains("messages") || !b["messages"].is_array() || b["messages"].empty())
      return violation(r, "openai: messages");
    for (const auto& m : b["messages"]) {
      std::string role = m.value("role", "");
      if (role != "system" && role != "user" && role != "assistant") return violation(r, "openai: role " + role);
      if (!m.contains("content") || !m["content"].is_string()) return violation(r, "openai: content");
    }
    if (b.contains("max_tokens") && !b["max_tokens"].is_number_integer()) return violation(r, "openai: max_tokens");
    if (b.contains("response_format") && b["response_format"].value("type", "") != "json_schema")
      return violation(r, "openai: response_format");
    CannedReply c = next();
    if (!send_scripted(c, r)) return;
    nlohmann::json answer = {
        {"id", "chatcmpl-1"},
        {"object", "chat.completion"},
        {"model", b["model"]},
        {"choices",
         {{{"index", 0}, {"message", {{"role", "assistant"}, {"content", c.text}}}, {"finish_reason", "stop"}}}},
        {"usage",
         {{"prompt_tokens", c.prompt_tokens},
          {"completion_tokens", c.completion_tokens},
          {"total_tokens", c.prompt_tokens + c.completion_tokens}}}};
    r.set_content(answer.dump(), "application/json");
  }

  void anthropic(const httplib::Request& q, httplib::Response& r) {
    if (q.get_header_value("x-api-key").empty()) return violation(r, "anthropic: no x-api-key");
    if (q.get_header_value("anthropic-version") != "2023-06-01") return violation(r, "anthropic: anthropic-version");
    if (q.get_header_value("Content-Type") != "application/json") return violation(r, "anthropic: Content-Type");
    auto b = parse(q);
    if (b.is_discarded() || !b.is_object()) return violation(r, "anthropic: body is not a JSON object");
    if (!b.contains("model") || !b["model"].is_string()) return violation(r, "anthropic: model");
    if (!b.contains("max_tokens") || !b["max_tokens"].is_number_integer()) return violation(r, "anthropic: max_tokens");
    if (b.contains("system") && !b["system"].is_string()) return violation(r, "anthropic: system");
    if (!b.contains("messages") || !b["messages"].is_array() || b["messages"].empty())
      return violation(r, "anthropic: messages");
    for (const auto& m : b["messages"]) {
      std::string role = m.value("role", "");
      if (role != "user" && role != "assistant") return violation(r, "anthropic: role " + role);
      if (!m.contains("content") || !m["content"].is_array()) return violation(r, "anthropic: content blocks");
      for (const auto& block : m["content"])
        if (block.value("type", "") != "text" || !block.contains("text")) return violation(r, "anthropic: block");
    }
    if (b["messages"][0].value("role", "") != "user") return violation(r, "anthropic: first message is not user");
    CannedReply c = next();
    if (!send_scripted(c, r)) return;
    nlohmann::json answer = {{"id", "msg_1"},
                             {"type", "message"},
                             {"role", "assistant"},
                             {"model", b["model"]},
                             {"content", {{{"type", "text"}, {"text", c.text}}}},
                             {"stop_reason", "end_turn"},
                             {"usage", {{"input_tokens", c.prompt_tokens}, {"output_tokens", c.completion_tokens}}}};
    r.set_content(answer.dump(), "application/json");
  }

  bool authorized(const httplib::Request& q, httplib::Response& r) {
    if (q.get_header_value("Authorization").rfind("Bearer cpk_", 0) == 0) return true;
    r.status = 401;
    r.set_content(R"({"type":"https://copilot.dev/problems/unauthorized","title":"Unauthorized","status":401})",
                  "application/problem+json");
    std::lock_guard lock(mutex_);
    violations_.push_back("controlplane: no bearer API key");
    return false;
  }

  void controlplane_chat(const httplib::Request& q, httplib::Response& r) {
    if (!authorized(q, r)) return;
    auto b = parse(q);
    if (b.is_discarded() || !b.is_object()) return violation(r, "controlplane: body");
    std::string tier = b.value("tier", "");
    if (tier != "quality" && tier != "bulk" && tier != "fallback" && tier != "local")
      return violation(r, "controlplane: tier " + tier);
    if (!b.contains("messages") || !b["messages"].is_array()) return violation(r, "controlplane: messages");
    for (const auto& m : b["messages"])
      if (!m.contains("role") || !m.contains("content") || !m["content"].is_string())
        return violation(r, "controlplane: message");
    if (!b.contains("max_tokens") || !b["max_tokens"].is_number_integer())
      return violation(r, "controlplane: max_tokens");
    CannedReply c = next();
    if (!send_scripted(c, r)) return;
    r.set_content(
        nlohmann::json{{"content", c.text},
                       {"model", "server-model"},
                       {"usage", {{"prompt_tokens", c.prompt_tokens}, {"completion_tokens", c.completion_tokens}}},
                       {"cached", false}}
            .dump(),
        "application/json");
  }

  void reserve(const httplib::Request& q, httplib::Response& r) {
    if (!authorized(q, r)) return;
    auto b = parse(q);
    if (b.is_discarded() || !b.contains("model") || !b["model"].is_string()) return violation(r, "reserve: model");
    if (!b.contains("estimated_tokens") || !b["estimated_tokens"].is_number_integer() || b["estimated_tokens"] <= 0)
      return violation(r, "reserve: estimated_tokens");
    if (b.contains("project") && !b["project"].is_string()) return violation(r, "reserve: project");
    CannedReply c;
    {
      std::lock_guard lock(mutex_);
      if (!reservations_.empty()) {
        c = reservations_.front();
        reservations_.pop_front();
      }
    }
    if (!c.raw.empty() || c.status != 200) {
      send_scripted(c, r);
      return;
    }
    r.status = 201;
    std::string id = "res_" + std::to_string(++reservation_count_);
    r.set_content(nlohmann::json{{"id", id},
                                 {"estimated_tokens", b["estimated_tokens"]},
                                 {"expires_at", "2026-11-22T10:00:00Z"},
                                 {"remaining_tokens", 100000}}
                      .dump(),
                  "application/json");
  }

  void commit(const httplib::Request& q, httplib::Response& r) {
    if (!authorized(q, r)) return;
    auto b = parse(q);
    if (b.is_discarded() || !b.contains("prompt_tokens") || !b["prompt_tokens"].is_number_integer() ||
        !b.contains("completion_tokens") || !b["completion_tokens"].is_number_integer())
      return violation(r, "commit: token counts");
    r.set_content(nlohmann::json{{"id", q.matches[1].str()},
                                 {"committed_tokens",
                                  b["prompt_tokens"].get<long long>() + b["completion_tokens"].get<long long>()},
                                 {"remaining_tokens", 99000}}
                      .dump(),
                  "application/json");
  }

  LoopbackServer server_;
  std::string url_;
  mutable std::mutex mutex_;
  std::deque<CannedReply> queue_;
  std::deque<CannedReply> reservations_;
  CannedReply fallback_{200, "ok"};
  std::vector<std::string> violations_;
  int reservation_count_ = 0;
};

/// A 429 quota refusal as the control plane sends it (RFC 9457).
inline CannedReply quota_refusal() {
  CannedReply c;
  c.status = 429;
  c.headers = {{"Retry-After", "3600"}};
  c.raw =
      R"({"type":"https://copilot.dev/problems/quota-exceeded","title":"Token quota exceeded","status":429,)"
      R"("detail":"the project has no tokens left this month","remaining_tokens":0,"resets_at":"2026-12-01T00:00:00Z"})";
  return c;
}

}  // namespace copilot::testing
