#pragma once
// What travels through the LLM layer: a chat request, the answer, and why a
// provider failed (which decides between retrying, the next provider, or
// giving up on the model for the rest of the run).
#include <chrono>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace copilot::llm {

struct Message {
  std::string role;  ///< system, user, assistant
  std::string content;
};

struct ChatRequest {
  std::string tier = "quality";  ///< quality, bulk, fallback, local
  std::vector<Message> messages;
  int max_tokens = 1024;
  double temperature = 0;
  std::optional<nlohmann::json> json_schema;  ///< asks for JSON of this shape where the API can
};

struct Usage {
  long long prompt_tokens = 0;
  long long completion_tokens = 0;
};

struct ChatResponse {
  std::string content;
  std::string model;
  Usage usage;
  bool cached = false;   ///< from the local cache (or the control plane's)
  std::string provider;  ///< the configured name that answered
};

enum class FailureKind {
  transient,  ///< timeout, connection refused, 429, 5xx: retry, then the next provider
  rejected,   ///< 4xx, an answer we cannot read, a missing key: the next provider at once
  quota,      ///< a budget said no: no further model calls this run
};

struct Failure {
  FailureKind kind = FailureKind::transient;
  std::string message;
  std::optional<std::chrono::milliseconds> retry_after;  ///< what the server asked for
};

/// Either an answer or why there is none.
struct Outcome {
  std::optional<ChatResponse> response;
  Failure failure;
  explicit operator bool() const { return response.has_value(); }
};

/// What the model layer did in a run: shown in summaries and JSON reports.
struct Stats {
  int requests = 0;        ///< answers asked for, cached or not
  int cache_hits = 0;      ///< answered from the local cache
  int provider_calls = 0;  ///< HTTP calls to providers that answered
  int failures = 0;        ///< requests no provider answered
  int dropped = 0;         ///< answers that did not fit their schema after one repair
  long long prompt_tokens = 0;
  long long completion_tokens = 0;
  double cost_usd = 0;
  int redacted = 0;      ///< distinct secrets and personal data replaced before sending
  bool stopped = false;  ///< a budget refused: the rest of the run used rules only
};
void to_json(nlohmann::json& j, const Stats& s);
/// One line for text summaries: "llm: 4 requests (1 cached), 1234 tokens, $0.0012".
std::string summary_line(const Stats& s);

/// A simple, documented estimate: one token per four bytes, rounded up (close
/// enough for English and code with the common BPE vocabularies).
inline long long estimate_tokens(std::string_view text) {
  return static_cast<long long>((text.size() + 3) / 4);
}
long long estimate_tokens(const std::vector<Message>& messages);

}  // namespace copilot::llm
