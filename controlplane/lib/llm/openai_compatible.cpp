#include <httplib.h>

#include <cstdlib>

#include "llm/chat_backend.h"

namespace copilot::controlplane {
namespace {

/// Splits `http://host:port/path` into the client's base and the path.
bool split_url(const std::string& url, std::string& base, std::string& path) {
  size_t scheme = url.find("://");
  if (scheme == std::string::npos) return false;
  size_t slash = url.find('/', scheme + 3);
  base = url.substr(0, slash);
  path = slash == std::string::npos ? "/v1/chat/completions" : url.substr(slash);
  return true;
}

class OpenAiCompatible final : public ChatBackend {
 public:
  OpenAiCompatible(std::string url, std::string model) : url_(std::move(url)), model_(std::move(model)) {
    if (const char* key = std::getenv("COPILOT_LLM_API_KEY")) api_key_ = key;
  }

  std::string model_for(const std::string&) const override { return model_; }

  Result<ChatReply> complete(const ChatRequest& request) override {
    std::string base, path;
    if (!split_url(url_, base, path)) return Error{"the LLM upstream URL is malformed"};
    nlohmann::json body = {{"model", model_}, {"max_tokens", request.max_tokens}};
    body["messages"] = nlohmann::json::array();
    for (const auto& m : request.messages) body["messages"].push_back({{"role", m.role}, {"content", m.content}});
    if (request.temperature) body["temperature"] = *request.temperature;
    if (request.json_schema) {
      body["response_format"] = {{"type", "json_schema"},
                                 {"json_schema", {{"name", "response"}, {"schema", *request.json_schema}}}};
    }
    httplib::Client client(base);
    client.set_connection_timeout(10);
    client.set_read_timeout(120);
    httplib::Headers headers;
    if (!api_key_.empty()) headers.emplace("Authorization", "Bearer " + api_key_);
    auto res = client.Post(path, headers, body.dump(), "application/json");
    if (!res) return Error{"the LLM upstream is unreachable (" + httplib::to_string(res.error()) + ")"};
    if (res->status != 200) return Error{"the LLM upstream answered HTTP " + std::to_string(res->status)};
    auto reply = nlohmann::json::parse(res->body, nullptr, false);
    try {
      ChatReply out;
      out.content = reply.at("choices").at(0).at("message").at("content").get<std::string>();
      out.model = reply.value("model", model_);
      if (reply.contains("usage") && reply["usage"].is_object()) {
        out.prompt_tokens = reply["usage"].value("prompt_tokens", int64_t{0});
        out.completion_tokens = reply["usage"].value("completion_tokens", int64_t{0});
      } else {
        out.prompt_tokens = estimate_prompt_tokens(request);
        out.completion_tokens = static_cast<int64_t>(out.content.size() / 4 + 1);
      }
      return out;
    } catch (const nlohmann::json::exception&) {
      return Error{"the LLM upstream's answer is not a chat completion"};
    }
  }

 private:
  std::string url_;
  std::string model_;
  std::string api_key_;
};

}  // namespace

std::unique_ptr<ChatBackend> make_openai_compatible_backend(const std::string& url, const std::string& model) {
  return std::make_unique<OpenAiCompatible>(url, model);
}

int64_t estimate_prompt_tokens(const ChatRequest& request) {
  size_t chars = 0;
  for (const auto& m : request.messages) chars += m.content.size() + 8;
  return static_cast<int64_t>(chars / 4 + 1);
}

}  // namespace copilot::controlplane
