#include "http/problem.h"

namespace copilot::controlplane {
namespace {

Problem make(int status, std::string slug, std::string title, std::string detail) {
  Problem p;
  p.status = status;
  p.slug = std::move(slug);
  p.title = std::move(title);
  p.detail = std::move(detail);
  return p;
}

}  // namespace

nlohmann::json Problem::body() const {
  nlohmann::json j = extensions;
  j["type"] = kProblemTypeBase + slug;
  j["title"] = title;
  j["status"] = status;
  if (!detail.empty()) j["detail"] = detail;
  return j;
}

Problem malformed_json(std::string detail) {
  return make(400, "malformed-json", "The request body is not valid JSON", std::move(detail));
}

Problem invalid_request(const std::string& field, std::string detail) {
  Problem p = make(422, "invalid-request", "The request does not match the API", std::move(detail));
  p.extensions["field"] = field;
  return p;
}

Problem unauthorized(std::string detail) {
  Problem p = make(401, "unauthorized", "Authentication required", std::move(detail));
  p.headers["WWW-Authenticate"] = "Bearer";
  return p;
}

Problem forbidden(std::string detail) {
  return make(403, "forbidden", "The caller's role does not allow this", std::move(detail));
}
Problem not_found(std::string detail) {
  return make(404, "not-found", "Not found", std::move(detail));
}
Problem conflict(std::string detail) {
  return make(409, "conflict", "Conflict", std::move(detail));
}
Problem gone(std::string detail) {
  return make(410, "gone", "Gone", std::move(detail));
}
Problem payload_too_large(std::string detail) {
  return make(413, "payload-too-large", "The request body is too large", std::move(detail));
}

Problem rate_limited(int retry_after_seconds) {
  Problem p = make(429, "rate-limited", "Too many requests", "the tenant's request rate limit was reached");
  p.headers["Retry-After"] = std::to_string(retry_after_seconds);
  return p;
}

Problem internal_error() {
  return make(500, "internal-error", "Internal server error", "the server could not complete the request");
}
Problem unavailable(std::string detail) {
  return make(503, "unavailable", "Service unavailable", std::move(detail));
}
Problem bad_gateway(std::string detail) {
  return make(502, "bad-gateway", "The upstream service failed", std::move(detail));
}

Problem problem_for_status(int status) {
  switch (status) {
    case 400: return make(400, "bad-request", "Bad request", "the request could not be read");
    case 404: return not_found("no such resource");
    case 405: return make(405, "method-not-allowed", "Method not allowed", "");
    case 413: return payload_too_large("the body exceeds the server's limit");
    case 414: return make(414, "uri-too-long", "URI too long", "");
    case 415: return make(415, "unsupported-media-type", "Unsupported media type", "");
    default: break;
  }
  if (status >= 500) return internal_error();
  return make(status, "http-" + std::to_string(status), "Request failed", "");
}

}  // namespace copilot::controlplane
