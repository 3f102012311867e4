// The server answers /v1/llm/chat through the same model layer the CLI uses
// (core/llm): its providers, tiers, retries, fallback and breakers. The server
// does its own accounting (reservations around each call), so no budget or
// cache of the client's is involved here.
#include <cstdlib>
#include <mutex>

#include "llm/chat_backend.h"
#include "llm/provider.h"
#include "llm/router.h"

extern char** environ;

namespace copilot::controlplane {
namespace {

llm::Environment process_environment() {
  llm::Environment env;
  for (char** e = environ; e && *e; ++e) {
    std::string kv = *e;
    size_t eq = kv.find('=');
    if (eq != std::string::npos) env.emplace(kv.substr(0, eq), kv.substr(eq + 1));
  }
  return env;
}

class RouterBackend final : public ChatBackend {
 public:
  explicit RouterBackend(std::unique_ptr<llm::Router> router) : router_(std::move(router)) {}

  std::string model_for(const std::string& tier) const override {
    auto candidates = router_->candidates(tier);
    return candidates.empty() ? "" : candidates.front()->model();
  }

  Result<ChatReply> complete(const ChatRequest& request) override {
    llm::ChatRequest ask;
    ask.tier = request.tier;
    for (const auto& m : request.messages) ask.messages.push_back({m.role, m.content});
    if (request.max_tokens > 0) ask.max_tokens = static_cast<int>(request.max_tokens);
    if (request.temperature) ask.temperature = *request.temperature;
    ask.json_schema = request.json_schema;
    std::vector<std::string> notes;
    std::lock_guard<std::mutex> lock(mutex_);  // breakers and jitter are the router's own state
    llm::Outcome outcome = router_->route(ask, {}, notes);
    if (!outcome) return Error{"the LLM upstream failed: " + outcome.failure.message};
    ChatReply reply;
    reply.content = outcome.response->content;
    reply.model = outcome.response->model;
    reply.prompt_tokens = outcome.response->usage.prompt_tokens;
    reply.completion_tokens = outcome.response->usage.completion_tokens;
    if (reply.prompt_tokens == 0 && reply.completion_tokens == 0) {
      reply.prompt_tokens = estimate_prompt_tokens(request);
      reply.completion_tokens = static_cast<int64_t>(reply.content.size() / 4 + 1);
    }
    return reply;
  }

 private:
  std::unique_ptr<llm::Router> router_;
  std::mutex mutex_;
};

}  // namespace

Result<std::unique_ptr<ChatBackend>> make_router_backend(const config::LlmConfig& config) {
  std::vector<std::unique_ptr<llm::Provider>> providers;
  llm::Environment env = process_environment();
  for (const auto& settings : config.providers) {
    if (settings.kind == "controlplane")
      return Error{"llm provider '" + settings.name + "': the server cannot proxy to a control plane", true};
    auto provider = llm::make_provider(settings, env, llm::curl_transport());
    if (!provider) return Error{"llm provider '" + settings.name + "': " + provider.error().message, true};
    providers.push_back(std::move(*provider));
  }
  if (providers.empty()) return Error{"the llm configuration names no provider", true};
  return std::unique_ptr<ChatBackend>(std::make_unique<RouterBackend>(
      std::make_unique<llm::Router>(std::move(providers), config.tiers, llm::RouterOptions{})));
}

std::unique_ptr<ChatBackend> make_openai_compatible_backend(const std::string& url, const std::string& model) {
  config::LlmProviderConfig upstream;
  upstream.name = "upstream";
  upstream.kind = "openai";
  const std::string suffix = "/chat/completions";
  upstream.base_url = url.size() > suffix.size() && url.compare(url.size() - suffix.size(), suffix.size(), suffix) == 0
                          ? url.substr(0, url.size() - suffix.size())
                          : url;
  upstream.model = model;
  if (std::getenv("COPILOT_LLM_API_KEY")) upstream.api_key_env = "COPILOT_LLM_API_KEY";
  upstream.timeout_seconds = 120;
  config::LlmConfig config;
  config.providers.push_back(upstream);
  auto backend = make_router_backend(config);
  return backend ? std::move(*backend) : nullptr;
}

int64_t estimate_prompt_tokens(const ChatRequest& request) {
  size_t chars = 0;
  for (const auto& m : request.messages) chars += m.content.size() + 8;
  return static_cast<int64_t>(chars / 4 + 1);
}

}  // namespace copilot::controlplane
