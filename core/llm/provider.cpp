#include "llm/provider.h"

#include <chrono>

#include "util/strings.h"

namespace copilot::llm {
namespace {

using Factory = std::unique_ptr<Provider> (*)(config::LlmProviderConfig, std::string, Transport);

struct Kind {
  const char* name;
  Factory make;
  const char* default_base_url;  ///< "" when the user must name one
  const char* default_key_env;   ///< "" when keys are optional
};

// Adding a provider kind is one row here and one file.
constexpr Kind kKinds[] = {
    {"openai", make_openai, "https://api.openai.com/v1", ""},
    {"azure", make_openai, "", ""},
    {"anthropic", make_anthropic, "https://api.anthropic.com", "ANTHROPIC_API_KEY"},
    {"controlplane", make_controlplane, "", "COPILOT_TOKEN"},
};

std::string lookup(const Environment& env, const std::string& name) {
  auto it = env.find(name);
  return it == env.end() ? "" : it->second;
}

}  // namespace

long long estimate_tokens(const std::vector<Message>& messages) {
  long long total = 0;
  for (const auto& m : messages) total += estimate_tokens(m.content) + 4;  // role and separators
  return total;
}

Transport curl_transport() {
  return [](const remote::HttpRequest& request, std::chrono::milliseconds timeout) {
    remote::RetryPolicy once;
    once.max_attempts = 1;
    once.timeout = timeout;
    once.retryable_as_error = false;  // the router reads the status and Retry-After itself
    return remote::HttpClient(once).send(request);
  };
}

Outcome Provider::chat(const ChatRequest& request) const {
  auto response = transport_(build(request), std::chrono::seconds(settings_.timeout_seconds));
  if (!response || !response->ok()) return {std::nullopt, classify(response)};
  Outcome out = parse(*response);
  if (out.response) out.response->provider = name();
  return out;
}

std::string service_message(const std::string& body) {
  try {
    auto j = nlohmann::json::parse(body);
    // OpenAI and Anthropic: {"error": {"message": ...}}; RFC 9457: {"title", "detail"}.
    if (j.contains("error") && j["error"].is_object() && j["error"].contains("message"))
      return j["error"]["message"].get<std::string>();
    if (j.contains("error") && j["error"].is_string()) return j["error"].get<std::string>();
    if (j.contains("detail") && j["detail"].is_string()) return j["detail"].get<std::string>();
    if (j.contains("title") && j["title"].is_string()) return j["title"].get<std::string>();
  } catch (const std::exception&) {
  }
  std::string line;
  for (char c : util::trim(std::string_view(body).substr(0, 200))) line += c == '\n' ? ' ' : c;
  return line;
}

Failure classify_http_failure(const std::string& provider, const Result<remote::HttpResponse>& response) {
  if (!response) return {FailureKind::transient, provider + ": " + response.error().message, std::nullopt};
  const auto& r = *response;
  std::string what = provider + ": HTTP " + std::to_string(r.status);
  std::string said = service_message(r.body);
  if (!said.empty()) what += ": " + said;
  Failure f{FailureKind::rejected, what, std::nullopt};
  if (r.status == 408 || r.status == 409 || r.status == 429 || r.status >= 500) f.kind = FailureKind::transient;
  if (auto wait = remote::requested_wait(r, std::chrono::system_clock::now())) f.retry_after = *wait;
  return f;
}

bool is_quota_refusal(const remote::HttpResponse& response) {
  if (response.status != 429) return false;
  try {
    auto j = nlohmann::json::parse(response.body);
    return j.value("type", "") == "https://copilot.dev/problems/quota-exceeded";
  } catch (const std::exception&) {
    return false;
  }
}

Result<std::unique_ptr<Provider>> make_provider(const config::LlmProviderConfig& settings, const Environment& env,
                                                Transport transport) {
  std::string where = "llm.providers." + settings.name;
  for (const Kind& kind : kKinds) {
    if (settings.kind != kind.name) continue;
    config::LlmProviderConfig s = settings;
    if (s.kind == "controlplane" && s.base_url.empty()) s.base_url = lookup(env, "COPILOT_SERVER");
    if (s.base_url.empty()) s.base_url = kind.default_base_url;
    if (s.base_url.empty())
      return Error{where + ": base_url is required for kind " + s.kind +
                   (s.kind == "controlplane" ? " (or set COPILOT_SERVER)" : "")};
    while (util::ends_with(s.base_url, "/")) s.base_url.pop_back();
    if (s.api_key_env.empty()) s.api_key_env = kind.default_key_env;
    std::string key;
    if (!s.api_key_env.empty()) {
      key = lookup(env, s.api_key_env);
      if (key.empty()) return Error{where + ": environment variable " + s.api_key_env + " is not set"};
    }
    if (s.kind == "azure" && s.api_version.empty()) return Error{where + ": api_version is required for kind azure"};
    return kind.make(std::move(s), std::move(key), std::move(transport));
  }
  return Error{where + ": unknown kind '" + settings.kind + "' (use openai, azure, anthropic, controlplane)"};
}

}  // namespace copilot::llm
