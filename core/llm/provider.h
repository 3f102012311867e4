#pragma once
// A model endpoint. Each kind is one file (provider_<kind>.cpp) and one row of
// the table in provider.cpp. Request building and answer parsing are pure
// functions so their shapes are tested without a server.
#include <functional>
#include <map>
#include <memory>
#include <string>

#include "config/config.h"
#include "llm/types.h"
#include "remote/http.h"
#include "util/result.h"

namespace copilot::llm {

/// Sends one HTTP request with a time limit and no retries (the router retries).
using Transport = std::function<Result<remote::HttpResponse>(const remote::HttpRequest&, std::chrono::milliseconds)>;
Transport curl_transport();

/// What every provider does with a non-2xx answer or no answer at all.
Failure classify_http_failure(const std::string& provider, const Result<remote::HttpResponse>& response);

/// True for the control plane's RFC 9457 quota refusal.
bool is_quota_refusal(const remote::HttpResponse& response);

class Provider {
 public:
  Provider(config::LlmProviderConfig settings, std::string key, Transport transport)
      : settings_(std::move(settings)), key_(std::move(key)), transport_(std::move(transport)) {}
  virtual ~Provider() = default;
  const std::string& name() const { return settings_.name; }
  const std::string& model() const { return settings_.model; }
  /// True when the provider does its own accounting (the control plane), so no reservation is made for it.
  virtual bool accounts_itself() const { return false; }
  Outcome chat(const ChatRequest& request) const;

  virtual remote::HttpRequest build(const ChatRequest& request) const = 0;
  /// Reads a 2xx answer; a failure of kind `rejected` when it is not the documented shape.
  virtual Outcome parse(const remote::HttpResponse& response) const = 0;
  /// Why a request failed (no answer, or a non-2xx one).
  virtual Failure classify(const Result<remote::HttpResponse>& response) const {
    return classify_http_failure(name(), response);
  }

 protected:
  config::LlmProviderConfig settings_;
  std::string key_;

 private:
  Transport transport_;
};

using Environment = std::map<std::string, std::string>;

/// Builds a configured provider. Fails (with the provider, field and variable
/// named) for an unknown kind, a missing base_url or an unset key variable.
Result<std::unique_ptr<Provider>> make_provider(const config::LlmProviderConfig& settings, const Environment& env,
                                                Transport transport);

// One factory per kind (provider_<kind>.cpp).
std::unique_ptr<Provider> make_openai(config::LlmProviderConfig s, std::string key, Transport t);
std::unique_ptr<Provider> make_anthropic(config::LlmProviderConfig s, std::string key, Transport t);
std::unique_ptr<Provider> make_controlplane(config::LlmProviderConfig s, std::string key, Transport t);

/// The answer's text for messages: the service's own error message when it gave one.
std::string service_message(const std::string& body);

}  // namespace copilot::llm
