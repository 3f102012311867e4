#pragma once
// A small HTTP client over libcurl for the services copilot talks to (GitHub,
// Slack, Jira, Confluence, the control plane). It retries what the services
// ask to be retried (rate limits, 5xx, dropped connections) and honours their
// Retry-After and reset headers, so callers see one answer per request.
#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "util/result.h"

namespace copilot::remote {

using Headers = std::vector<std::pair<std::string, std::string>>;

struct HttpRequest {
  std::string method = "GET";
  std::string url;
  Headers headers;   ///< sent as given
  std::string body;  ///< sent when non-empty, or when method is POST/PUT/PATCH
};

struct HttpResponse {
  long status = 0;
  Headers headers;  ///< names lower-cased
  std::string body;
  /// The first header with this (case-insensitive) name, or "".
  std::string header(std::string_view name) const;
  bool ok() const { return status >= 200 && status < 300; }
};

struct RetryPolicy {
  int max_attempts = 4;                          ///< including the first
  std::chrono::milliseconds first_backoff{500};  ///< doubled after each attempt without a hint
  std::chrono::milliseconds max_wait{60'000};    ///< a longer Retry-After is not waited for
  std::chrono::milliseconds timeout{30'000};     ///< per attempt
  /// How to wait; tests replace it to avoid sleeping.
  std::function<void(std::chrono::milliseconds)> sleep;
  /// false: when attempts run out, the last answer is returned as it is (status
  /// and headers intact) rather than as an error, for callers that retry themselves.
  bool retryable_as_error = true;
};

/// Why a request may be retried: 429, 5xx, and 403 when the body or headers
/// say it is a (secondary) rate limit, as GitHub does.
bool is_retryable(const HttpResponse& response);

/// How long the server asked to wait: Retry-After (seconds), else
/// x-ratelimit-reset (epoch seconds) when x-ratelimit-remaining is 0.
std::optional<std::chrono::milliseconds> requested_wait(const HttpResponse& response,
                                                        std::chrono::system_clock::time_point now);

/// The URL of rel="next" in an RFC 8288 Link header, or "".
std::string next_link(const HttpResponse& response);

class HttpClient {
 public:
  explicit HttpClient(RetryPolicy policy = {});
  /// An error only when no HTTP answer arrived (or the last answer still asked
  /// for a retry); any other status is returned for the caller to judge.
  Result<HttpResponse> send(const HttpRequest& request) const;

 private:
  RetryPolicy policy_;
};

}  // namespace copilot::remote
