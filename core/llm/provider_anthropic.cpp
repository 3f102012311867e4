// Anthropic's Messages API: the system prompt is a top-level field, message
// content is a list of blocks, and usage counts input and output tokens.
#include "llm/provider.h"

namespace copilot::llm {
namespace {

class AnthropicProvider : public Provider {
 public:
  using Provider::Provider;

  remote::HttpRequest build(const ChatRequest& request) const override {
    std::string system;
    nlohmann::json messages = nlohmann::json::array();
    for (const auto& m : request.messages) {
      if (m.role == "system") {
        system += (system.empty() ? "" : "\n\n") + m.content;
        continue;
      }
      messages.push_back({{"role", m.role}, {"content", {{{"type", "text"}, {"text", m.content}}}}});
    }
    if (request.json_schema)  // no response_format here: the schema goes into the instructions
      system += (system.empty() ? "" : "\n\n") +
                std::string("Answer with one JSON object that matches this schema:\n") + request.json_schema->dump();
    nlohmann::json body = {{"model", settings_.model},
                           {"max_tokens", request.max_tokens},
                           {"temperature", request.temperature},
                           {"messages", messages}};
    if (!system.empty()) body["system"] = system;
    remote::HttpRequest http;
    http.method = "POST";
    http.url = settings_.base_url + "/v1/messages";
    http.headers = {{"Content-Type", "application/json"}, {"anthropic-version", "2023-06-01"}};
    if (!key_.empty()) http.headers.emplace_back("x-api-key", key_);
    http.body = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    return http;
  }

  Outcome parse(const remote::HttpResponse& response) const override {
    try {
      auto j = nlohmann::json::parse(response.body);
      ChatResponse out;
      bool any_text = false;
      for (const auto& block : j.at("content"))
        if (block.value("type", "") == "text") {
          out.content += block.at("text").get<std::string>();
          any_text = true;
        }
      if (!any_text)
        return {std::nullopt, {FailureKind::rejected, name() + ": the answer has no text block", std::nullopt}};
      out.model = j.value("model", settings_.model);
      if (j.contains("usage") && j["usage"].is_object()) {
        out.usage.prompt_tokens = j["usage"].value("input_tokens", 0LL);
        out.usage.completion_tokens = j["usage"].value("output_tokens", 0LL);
      }
      return {out, {}};
    } catch (const std::exception& e) {
      return {std::nullopt,
              {FailureKind::rejected, name() + ": not a Messages API answer (" + e.what() + ")", std::nullopt}};
    }
  }
};

}  // namespace

std::unique_ptr<Provider> make_anthropic(config::LlmProviderConfig s, std::string key, Transport t) {
  return std::unique_ptr<Provider>(new AnthropicProvider(std::move(s), std::move(key), std::move(t)));
}

}  // namespace copilot::llm
