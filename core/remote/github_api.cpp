#include "remote/github_api.h"

#include "util/strings.h"

namespace copilot::remote::github {

Result<ApiResponse> Api::call(const std::string& method, const std::string& path,
                              const std::optional<nlohmann::json>& body) const {
  return send(method, context_.api_url + path, path, body);
}

Result<ApiResponse> Api::send(const std::string& method, const std::string& url, const std::string& shown,
                              const std::optional<nlohmann::json>& body) const {
  HttpRequest request;
  request.method = method;
  request.url = url;
  request.headers = {{"Authorization", "Bearer " + context_.token},
                     {"Accept", "application/vnd.github+json"},
                     {"X-GitHub-Api-Version", "2022-11-28"}};
  if (body) {
    request.headers.emplace_back("Content-Type", "application/json");
    request.body = body->dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  }
  ApiResponse out;
  out.request = method + " " + shown;
  auto response = http_.send(request);
  // The client's message names the URL, which carries no secret; the token is only in a header.
  if (!response) return Error{"GitHub: " + response.error().message};
  out.status = response->status;
  out.next_page = next_link(*response);
  if (!response->body.empty()) {
    try {
      out.body = nlohmann::json::parse(response->body);
    } catch (const nlohmann::json::parse_error&) {
      out.body = {{"message", std::string(util::trim(response->body.substr(0, 200)))}};
    }
  }
  return out;
}

Result<std::vector<nlohmann::json>> Api::list(const std::string& path, ApiResponse* failed) const {
  std::vector<nlohmann::json> items;
  std::string url = context_.api_url + path;
  std::string shown = path;
  while (!url.empty()) {
    auto page = send("GET", url, shown, std::nullopt);
    if (!page) return page.error();
    if (!page->ok()) {
      *failed = std::move(*page);
      return items;
    }
    if (!page->body.is_array()) return Error{"GitHub: " + page->request + " did not answer with a list"};
    for (auto& item : page->body) items.push_back(std::move(item));
    url = page->next_page;
    if (!url.empty() && !util::starts_with(url, context_.api_url + "/"))
      return Error{"GitHub: " + page->request + " links its next page outside " + context_.api_url};
    shown = url.substr(std::min(url.size(), context_.api_url.size()));
  }
  return items;
}

std::string api_message(const ApiResponse& response) {
  std::string message;
  if (response.body.is_object()) {
    if (response.body.contains("message") && response.body["message"].is_string())
      message = response.body["message"].get<std::string>();
    // 422s explain themselves in errors[]: strings, or objects with a message.
    if (response.body.contains("errors") && response.body["errors"].is_array())
      for (const auto& e : response.body["errors"]) {
        std::string detail = e.is_string() ? e.get<std::string>()
                             : e.is_object() && e.contains("message") && e["message"].is_string()
                                 ? e["message"].get<std::string>()
                                 : std::string();
        if (!detail.empty()) message += (message.empty() ? "" : "; ") + detail;
      }
  }
  return message;
}

std::string describe(const ApiResponse& response) {
  std::string message = api_message(response);
  std::string docs;
  if (response.body.is_object() && response.body.contains("documentation_url") &&
      response.body["documentation_url"].is_string())
    docs = response.body["documentation_url"].get<std::string>();
  std::string out = "GitHub answered " + std::to_string(response.status) + " to " + response.request;
  if (!message.empty()) out += ": " + message;
  if (!docs.empty()) out += " (see " + docs + ")";
  return out;
}

}  // namespace copilot::remote::github
