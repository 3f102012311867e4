#include "remote/atlassian.h"

#include <fmt/format.h>

#include "util/strings.h"

namespace copilot::remote {
namespace {

std::string env_value(const Environment& env, const std::string& name) {
  auto it = env.find(name);
  return it == env.end() ? "" : it->second;
}

std::string dump(const nlohmann::json& j) {
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace

std::string base64_encode(std::string_view data) {
  static const char* alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  size_t i = 0;
  for (; i + 2 < data.size(); i += 3) {
    unsigned v = (static_cast<unsigned char>(data[i]) << 16) | (static_cast<unsigned char>(data[i + 1]) << 8) |
                 static_cast<unsigned char>(data[i + 2]);
    for (int shift : {18, 12, 6, 0}) out += alphabet[(v >> shift) & 63];
  }
  if (size_t rest = data.size() - i; rest > 0) {
    unsigned v = static_cast<unsigned char>(data[i]) << 16;
    if (rest == 2) v |= static_cast<unsigned char>(data[i + 1]) << 8;
    out += alphabet[(v >> 18) & 63];
    out += alphabet[(v >> 12) & 63];
    out += rest == 2 ? alphabet[(v >> 6) & 63] : '=';
    out += '=';
  }
  return out;
}

std::string json_string(const nlohmann::json& object, const char* key) {
  if (!object.is_object()) return "";
  auto it = object.find(key);
  if (it == object.end()) return "";
  return it->is_string() ? it->get<std::string>() : it->is_number_integer() ? it->dump() : "";
}

long long json_integer(const nlohmann::json& object, const char* key, long long fallback) {
  if (!object.is_object()) return fallback;
  auto it = object.find(key);
  return it != object.end() && it->is_number_integer() ? it->get<long long>() : fallback;
}

bool json_bool(const nlohmann::json& object, const char* key, bool fallback) {
  if (!object.is_object()) return fallback;
  auto it = object.find(key);
  return it != object.end() && it->is_boolean() ? it->get<bool>() : fallback;
}

Result<std::string> atlassian_authorization(const std::string& service, const std::string& prefix,
                                            const Environment& env) {
  std::string user = env_value(env, prefix + "_USER"), api_token = env_value(env, prefix + "_API_TOKEN");
  std::string token = env_value(env, prefix + "_TOKEN");
  if (!user.empty() && !api_token.empty()) return "Basic " + base64_encode(user + ":" + api_token);
  if (!token.empty()) return "Bearer " + token;
  if (!user.empty() || !api_token.empty())
    return Error{
        fmt::format("{}: {}_USER and {}_API_TOKEN go together; one of them is not set", service, prefix, prefix)};
  return Error{
      fmt::format("{}: no credentials; set {}_USER and {}_API_TOKEN (Cloud) or {}_TOKEN (Data Center "
                  "personal access token)",
                  service, prefix, prefix, prefix)};
}

std::string atlassian_error_text(const HttpResponse& response) {
  auto body = nlohmann::json::parse(response.body, nullptr, false);
  std::vector<std::string> parts;
  if (body.is_object()) {
    if (auto it = body.find("errorMessages"); it != body.end() && it->is_array())
      for (const auto& m : *it)
        if (m.is_string()) parts.push_back(m.get<std::string>());
    if (auto it = body.find("errors"); it != body.end() && it->is_object())
      for (const auto& [field, message] : it->items())
        parts.push_back(field + ": " + (message.is_string() ? message.get<std::string>() : dump(message)));
    if (auto it = body.find("message"); it != body.end() && it->is_string()) parts.push_back(it->get<std::string>());
  }
  if (!parts.empty()) return util::join(parts, "; ");
  std::string text(util::trim(response.body));
  for (char& c : text)
    if (c == '\n' || c == '\r') c = ' ';
  return text.empty() ? "(no message)" : truncate_utf8(text, 300);
}

AtlassianSite::AtlassianSite(std::string service, std::string base_url, std::string authorization,
                             std::string credentials_hint, const HttpClient& client)
    : service_(std::move(service)),
      base_url_(std::move(base_url)),
      authorization_(std::move(authorization)),
      credentials_hint_(std::move(credentials_hint)),
      client_(client) {}

Result<HttpResponse> AtlassianSite::send(const std::string& method, const std::string& path,
                                         const nlohmann::json* body) const {
  HttpRequest request{
      method, join_url(base_url_, path), {{"Authorization", authorization_}, {"Accept", "application/json"}}, ""};
  if (body) {
    request.headers.emplace_back("Content-Type", "application/json");
    request.body = dump(*body);
  }
  auto response = client_.send(request);
  if (!response) return Error{service_ + ": " + response.error().message};
  return response;
}

Result<nlohmann::json> AtlassianSite::call(const std::string& method, const std::string& path,
                                           const nlohmann::json* body) const {
  auto response = send(method, path, body);
  if (!response) return response.error();
  if (!response->ok()) return failure(method, path, *response);
  if (util::trim(response->body).empty()) return nlohmann::json();
  auto parsed = nlohmann::json::parse(response->body, nullptr, false);
  if (parsed.is_discarded())
    return Error{fmt::format("{}: {} {}: the answer is not JSON: {}", service_, method, path,
                             truncate_utf8(response->body, 200))};
  return parsed;
}

Error AtlassianSite::failure(const std::string& method, const std::string& path, const HttpResponse& response) const {
  std::string message =
      fmt::format("{}: {} {}: HTTP {}: {}", service_, method, path, response.status, atlassian_error_text(response));
  if (response.status == 401 || response.status == 403) message += " (" + credentials_hint_ + ")";
  return Error{message};
}

}  // namespace copilot::remote
