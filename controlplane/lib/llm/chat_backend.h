#pragma once
// Where POST /v1/llm/chat sends a conversation. The server reserves and commits
// tokens around the call; a backend only talks to a model.
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "config/config.h"
#include "util/result.h"

namespace copilot::controlplane {

struct ChatMessage {
  std::string role;  ///< system, user, assistant
  std::string content;
};

struct ChatRequest {
  std::string tier = "quality";  ///< quality, bulk, fallback, local
  std::vector<ChatMessage> messages;
  int64_t max_tokens = 0;
  std::optional<double> temperature;
  std::optional<nlohmann::json> json_schema;
};

struct ChatReply {
  std::string content;
  std::string model;
  int64_t prompt_tokens = 0;
  int64_t completion_tokens = 0;
};

class ChatBackend {
 public:
  virtual ~ChatBackend() = default;
  /// The model a tier maps to (what the reservation is made for).
  virtual std::string model_for(const std::string& tier) const = 0;
  virtual Result<ChatReply> complete(const ChatRequest& request) = 0;
};

/// Answers through core/llm's router: the providers and tiers of an `llm:`
/// section (keys from the environment variables it names), with the same
/// retries, fallback and circuit breakers as the CLI.
Result<std::unique_ptr<ChatBackend>> make_router_backend(const config::LlmConfig& config);

/// One OpenAI-compatible upstream (`.../v1/chat/completions`) through the same
/// router. The upstream key, if any, comes from COPILOT_LLM_API_KEY, never from
/// flags or logs.
std::unique_ptr<ChatBackend> make_openai_compatible_backend(const std::string& url, const std::string& model);

/// A rough token estimate for reserving before the call: about four characters a token.
int64_t estimate_prompt_tokens(const ChatRequest& request);

}  // namespace copilot::controlplane
