#pragma once
// What Jira and Confluence share: credentials from the environment (an API
// token with basic auth on Cloud, a personal access token as bearer on Data
// Center), JSON requests, and errors that quote the service's own message.
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "remote/http.h"
#include "remote/notify_common.h"
#include "util/result.h"

namespace copilot::remote {

/// The Authorization header value: "Basic base64(USER:API_TOKEN)" from
/// PREFIX_USER and PREFIX_API_TOKEN, else "Bearer TOKEN" from PREFIX_TOKEN.
/// `service` ("Jira") and `prefix` ("JIRA") name what is missing in the error.
Result<std::string> atlassian_authorization(const std::string& service, const std::string& prefix,
                                            const Environment& env);

std::string base64_encode(std::string_view data);

/// Lenient readers of a service's JSON answer: a missing key, null or another
/// type gives the fallback instead of an exception.
std::string json_string(const nlohmann::json& object, const char* key);
long long json_integer(const nlohmann::json& object, const char* key, long long fallback = 0);
bool json_bool(const nlohmann::json& object, const char* key, bool fallback = false);

/// The service's words in an error answer: Jira's `errorMessages` and
/// `errors` ({field: message}), Confluence's `message`; else the start of the body.
std::string atlassian_error_text(const HttpResponse& response);

/// JSON calls to one Atlassian site. Errors read "Jira: POST /rest/api/3/issue:
/// HTTP 400: summary: ...", never carrying the credentials.
class AtlassianSite {
 public:
  AtlassianSite(std::string service, std::string base_url, std::string authorization, std::string credentials_hint,
                const HttpClient& client);

  /// Any HTTP answer; an error only when none arrived.
  Result<HttpResponse> send(const std::string& method, const std::string& path,
                            const nlohmann::json* body = nullptr) const;
  /// A 2xx answer's JSON (null for an empty body); any other status is an error.
  Result<nlohmann::json> call(const std::string& method, const std::string& path,
                              const nlohmann::json* body = nullptr) const;
  /// The error for a non-2xx answer to `method path`.
  Error failure(const std::string& method, const std::string& path, const HttpResponse& response) const;
  const std::string& service() const { return service_; }

 private:
  std::string service_, base_url_, authorization_, credentials_hint_;
  const HttpClient& client_;
};

}  // namespace copilot::remote
