// OpenAI-compatible chat completions: OpenAI, vLLM, llama.cpp's server,
// Ollama's /v1 endpoint, and Azure OpenAI deployments (api-key header and
// the api-version query parameter).
#include "llm/provider.h"

namespace copilot::llm {
namespace {

class OpenAiProvider : public Provider {
 public:
  using Provider::Provider;

  remote::HttpRequest build(const ChatRequest& request) const override {
    nlohmann::json messages = nlohmann::json::array();
    for (const auto& m : request.messages) messages.push_back({{"role", m.role}, {"content", m.content}});
    nlohmann::json body = {{"model", settings_.model},
                           {"messages", messages},
                           {"max_tokens", request.max_tokens},
                           {"temperature", request.temperature}};
    if (request.json_schema)
      body["response_format"] = {{"type", "json_schema"},
                                 {"json_schema", {{"name", "answer"}, {"schema", *request.json_schema}}}};
    remote::HttpRequest http;
    http.method = "POST";
    http.url = settings_.base_url + "/chat/completions";
    http.headers = {{"Content-Type", "application/json"}};
    if (settings_.kind == "azure") {
      http.url += "?api-version=" + settings_.api_version;
      if (!key_.empty()) http.headers.emplace_back("api-key", key_);
    } else if (!key_.empty()) {
      http.headers.emplace_back("Authorization", "Bearer " + key_);
    }
    http.body = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    return http;
  }

  Outcome parse(const remote::HttpResponse& response) const override {
    try {
      auto j = nlohmann::json::parse(response.body);
      const auto& message = j.at("choices").at(0).at("message");
      if (!message.contains("content") || !message["content"].is_string())
        return {std::nullopt, {FailureKind::rejected, name() + ": the answer has no text content", std::nullopt}};
      ChatResponse out;
      out.content = message["content"].get<std::string>();
      out.model = j.value("model", settings_.model);
      if (j.contains("usage") && j["usage"].is_object()) {
        out.usage.prompt_tokens = j["usage"].value("prompt_tokens", 0LL);
        out.usage.completion_tokens = j["usage"].value("completion_tokens", 0LL);
      }
      return {out, {}};
    } catch (const std::exception& e) {
      return {std::nullopt,
              {FailureKind::rejected, name() + ": not a chat completion answer (" + e.what() + ")", std::nullopt}};
    }
  }
};

}  // namespace

std::unique_ptr<Provider> make_openai(config::LlmProviderConfig s, std::string key, Transport t) {
  return std::unique_ptr<Provider>(new OpenAiProvider(std::move(s), std::move(key), std::move(t)));
}

}  // namespace copilot::llm
