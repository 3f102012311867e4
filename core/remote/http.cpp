#include "remote/http.h"

#include <curl/curl.h>

#include <algorithm>
#include <charconv>
#include <mutex>
#include <thread>

#include "util/strings.h"

namespace copilot::remote {
namespace {

std::optional<long long> parse_integer(std::string_view s) {
  s = util::trim(s);
  long long v = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
  return v;
}

/// The start of a response body for an error message (services explain there), on one line.
std::string excerpt(std::string_view body) {
  constexpr size_t kMax = 300;
  std::string out;
  for (char c : util::trim(body.substr(0, kMax))) out += c == '\n' || c == '\r' ? ' ' : c;
  if (out.empty()) return out;
  return ": " + out + (body.size() > kMax ? "..." : "");
}

size_t on_body(char* data, size_t size, size_t count, void* user) {
  static_cast<std::string*>(user)->append(data, size * count);
  return size * count;
}

size_t on_header(char* data, size_t size, size_t count, void* user) {
  auto* response = static_cast<HttpResponse*>(user);
  std::string_view line(data, size * count);
  if (line.starts_with("HTTP/")) response->headers.clear();  // a redirect or 100-continue came first
  if (auto colon = line.find(':'); colon != std::string_view::npos)
    response->headers.emplace_back(util::to_lower(util::trim(line.substr(0, colon))),
                                   std::string(util::trim(line.substr(colon + 1))));
  return size * count;
}

void init_curl_once() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

Result<HttpResponse> perform(const HttpRequest& request, std::chrono::milliseconds timeout) {
  init_curl_once();
  CURL* curl = curl_easy_init();
  if (!curl) return Error{"cannot start an HTTP client (libcurl)"};
  HttpResponse response;
  curl_slist* headers = nullptr;
  for (const auto& [name, value] : request.headers) headers = curl_slist_append(headers, (name + ": " + value).c_str());
  // Without this, curl sends "Expect: 100-continue" on large bodies and some servers stall.
  headers = curl_slist_append(headers, "Expect:");
  curl_easy_setopt(curl, CURLOPT_URL, request.url.c_str());
  curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, request.method.c_str());
  curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
  bool sends_body =
      !request.body.empty() || request.method == "POST" || request.method == "PUT" || request.method == "PATCH";
  if (sends_body) {
    curl_easy_setopt(curl, CURLOPT_POSTFIELDS, request.body.data());
    curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(request.body.size()));
  } else if (request.method == "HEAD") {
    curl_easy_setopt(curl, CURLOPT_NOBODY, 1L);
  }
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, on_body);
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, &response.body);
  curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, on_header);
  curl_easy_setopt(curl, CURLOPT_HEADERDATA, &response);
  curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, static_cast<long>(timeout.count()));
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(curl, CURLOPT_USERAGENT, "copilot/" COPILOT_VERSION);
  curl_easy_setopt(curl, CURLOPT_ACCEPT_ENCODING, "");
  CURLcode rc = curl_easy_perform(curl);
  if (rc == CURLE_OK) curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &response.status);
  curl_slist_free_all(headers);
  curl_easy_cleanup(curl);
  if (rc != CURLE_OK) return Error{request.method + " " + request.url + ": " + curl_easy_strerror(rc)};
  return response;
}

}  // namespace

std::string HttpResponse::header(std::string_view name) const {
  std::string key = util::to_lower(name);
  for (const auto& [n, v] : headers)
    if (n == key) return v;
  return "";
}

bool is_retryable(const HttpResponse& response) {
  if (response.status == 429 || response.status >= 500) return true;
  if (response.status != 403) return false;
  if (!response.header("retry-after").empty() || response.header("x-ratelimit-remaining") == "0") return true;
  return util::to_lower(response.body).find("rate limit") != std::string::npos;
}

std::optional<std::chrono::milliseconds> requested_wait(const HttpResponse& response,
                                                        std::chrono::system_clock::time_point now) {
  if (auto seconds = parse_integer(response.header("retry-after")); seconds && *seconds >= 0)
    return std::chrono::seconds(*seconds);
  if (response.header("x-ratelimit-remaining") == "0") {
    if (auto reset = parse_integer(response.header("x-ratelimit-reset"))) {
      auto at = std::chrono::system_clock::time_point(std::chrono::seconds(*reset));
      auto wait = std::chrono::duration_cast<std::chrono::milliseconds>(at - now);
      return std::max(wait, std::chrono::milliseconds(0));
    }
  }
  return std::nullopt;
}

std::string next_link(const HttpResponse& response) {
  // Link: <https://api.github.com/...&page=2>; rel="next", <...>; rel="last"
  std::string link = response.header("link");
  size_t pos = 0;
  while (pos < link.size()) {
    size_t open = link.find('<', pos), close = link.find('>', open);
    if (open == std::string::npos || close == std::string::npos) break;
    size_t end = link.find(',', close);
    std::string params = link.substr(close + 1, end == std::string::npos ? std::string::npos : end - close - 1);
    if (params.find("rel=\"next\"") != std::string::npos || params.find("rel=next") != std::string::npos)
      return link.substr(open + 1, close - open - 1);
    if (end == std::string::npos) break;
    pos = end + 1;
  }
  return "";
}

HttpClient::HttpClient(RetryPolicy policy) : policy_(std::move(policy)) {
  if (!policy_.sleep) policy_.sleep = [](std::chrono::milliseconds d) { std::this_thread::sleep_for(d); };
}

Result<HttpResponse> HttpClient::send(const HttpRequest& request) const {
  auto backoff = policy_.first_backoff;
  for (int attempt = 1;; ++attempt) {
    auto response = perform(request, policy_.timeout);
    bool last = attempt >= policy_.max_attempts;
    if (response && !is_retryable(*response)) return response;
    std::chrono::milliseconds wait = backoff;
    if (response) {
      if (last && !policy_.retryable_as_error) return response;
      if (auto asked = requested_wait(*response, std::chrono::system_clock::now())) wait = *asked;
      if (last || wait > policy_.max_wait)
        return Error{request.method + " " + request.url + ": HTTP " + std::to_string(response->status) +
                     (wait > policy_.max_wait ? ", still rate limited (the server asks to wait " +
                                                    std::to_string(wait.count() / 1000) + " s)"
                                              : " after " + std::to_string(attempt) + " attempts") +
                     excerpt(response->body)};
    } else if (last) {
      return response;
    }
    policy_.sleep(wait);
    backoff *= 2;
  }
}

}  // namespace copilot::remote
