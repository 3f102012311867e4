#pragma once
// RFC 9457 Problem Details: every error the API returns has this shape.
#include <map>
#include <nlohmann/json.hpp>
#include <string>

namespace httplib {
struct Response;
}

namespace copilot::controlplane {

struct Problem {
  int status = 500;
  std::string slug;  ///< the type is https://copilot.dev/problems/<slug>
  std::string title;
  std::string detail;
  nlohmann::json extensions = nlohmann::json::object();  ///< extra members, e.g. remaining_tokens
  std::map<std::string, std::string> headers;            ///< e.g. Retry-After, WWW-Authenticate

  nlohmann::json body() const;
};

inline constexpr const char* kProblemTypeBase = "https://copilot.dev/problems/";

Problem malformed_json(std::string detail);
/// A well-formed body that breaks the schema; `field` names the member at fault.
Problem invalid_request(const std::string& field, std::string detail);
Problem unauthorized(std::string detail);
Problem forbidden(std::string detail);
Problem not_found(std::string detail);
Problem conflict(std::string detail);
Problem gone(std::string detail);
Problem payload_too_large(std::string detail);
Problem rate_limited(int retry_after_seconds);
Problem internal_error();
Problem unavailable(std::string detail);
Problem bad_gateway(std::string detail);
/// The standard problem for a bare status (no route, unreadable request, ...).
Problem problem_for_status(int status);

void write_problem(httplib::Response& res, const Problem& problem);

}  // namespace copilot::controlplane
