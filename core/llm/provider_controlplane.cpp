// The copilot server's POST /v1/llm/chat: the server holds the provider keys,
// routes by tier and reserves and commits tokens itself. A 429 from it is
// the quota refusing, which ends model use for the run.
#include "llm/provider.h"

namespace copilot::llm {
namespace {

class ControlPlaneProvider : public Provider {
 public:
  using Provider::Provider;
  bool accounts_itself() const override { return true; }

  Failure classify(const Result<remote::HttpResponse>& response) const override {
    Failure f = classify_http_failure(name(), response);
    if (response && is_quota_refusal(*response)) {
      f.kind = FailureKind::quota;
      f.message =
          name() + ": the control plane's token quota refused the request (" + service_message(response->body) + ")";
    }
    return f;
  }

  remote::HttpRequest build(const ChatRequest& request) const override {
    nlohmann::json messages = nlohmann::json::array();
    for (const auto& m : request.messages) messages.push_back({{"role", m.role}, {"content", m.content}});
    nlohmann::json body = {{"tier", request.tier},
                           {"messages", messages},
                           {"max_tokens", request.max_tokens},
                           {"temperature", request.temperature}};
    if (request.json_schema) body["json_schema"] = *request.json_schema;
    remote::HttpRequest http;
    http.method = "POST";
    http.url = settings_.base_url + "/v1/llm/chat";
    http.headers = {{"Content-Type", "application/json"}, {"Accept", "application/json"}};
    if (!key_.empty()) http.headers.emplace_back("Authorization", "Bearer " + key_);
    http.body = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    return http;
  }

  Outcome parse(const remote::HttpResponse& response) const override {
    try {
      auto j = nlohmann::json::parse(response.body);
      ChatResponse out;
      out.content = j.at("content").get<std::string>();
      out.model = j.value("model", "");
      out.cached = j.value("cached", false);
      if (j.contains("usage") && j["usage"].is_object()) {
        out.usage.prompt_tokens = j["usage"].value("prompt_tokens", 0LL);
        out.usage.completion_tokens = j["usage"].value("completion_tokens", 0LL);
      }
      return {out, {}};
    } catch (const std::exception& e) {
      return {std::nullopt,
              {FailureKind::rejected, name() + ": not a /v1/llm/chat answer (" + e.what() + ")", std::nullopt}};
    }
  }
};

}  // namespace

std::unique_ptr<Provider> make_controlplane(config::LlmProviderConfig s, std::string key, Transport t) {
  return std::unique_ptr<Provider>(new ControlPlaneProvider(std::move(s), std::move(key), std::move(t)));
}

}  // namespace copilot::llm
