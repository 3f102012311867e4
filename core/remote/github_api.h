#pragma once
// GitHub's REST API over HttpClient: the headers it documents, JSON bodies,
// Link pagination, and errors that carry its message and documentation link.
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "remote/github.h"
#include "remote/http.h"

namespace copilot::remote::github {

/// An answer from GitHub: its status and its JSON body (null when it had none).
struct ApiResponse {
  long status = 0;
  nlohmann::json body;
  std::string request;    ///< "POST /repos/o/r/pulls/1/reviews", for messages
  std::string next_page;  ///< the rel="next" link of a paginated list, or ""
  bool ok() const { return status >= 200 && status < 300; }
};

class Api {
 public:
  Api(const Context& context, const HttpClient& http) : context_(context), http_(http) {}

  /// One request to `path` (below the API URL). An error only when no answer
  /// arrived or a rate limit did not clear; statuses are for the caller.
  Result<ApiResponse> call(const std::string& method, const std::string& path,
                           const std::optional<nlohmann::json>& body = std::nullopt) const;

  /// Every item of a list, following rel="next" links (which must stay on the
  /// API URL, so the token never goes elsewhere). A non-2xx page is returned
  /// as the failing response.
  Result<std::vector<nlohmann::json>> list(const std::string& path, ApiResponse* failed) const;

 private:
  Result<ApiResponse> send(const std::string& method, const std::string& url, const std::string& shown,
                           const std::optional<nlohmann::json>& body) const;
  const Context& context_;
  const HttpClient& http_;
};

/// GitHub's explanation in an error body: `message`, then each `errors[]` entry.
std::string api_message(const ApiResponse& response);

/// "GitHub answered 404 to GET /repos/...: Not Found (see https://docs.github.com/...)".
std::string describe(const ApiResponse& response);

}  // namespace copilot::remote::github
