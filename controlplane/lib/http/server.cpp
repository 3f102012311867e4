#include "http/server.h"

#include <httplib.h>

#include <chrono>
#include <cstdio>
#include <regex>

#include "common/clock.h"
#include "common/crypto.h"
#include "http/fields.h"
#include "http/problem.h"
#include "http/reply.h"

namespace copilot::controlplane {
namespace {

/// What the middleware learns about the request being served on this thread
/// (cpp-httplib serves one request per thread from start to end).
struct RequestState {
  std::string request_id;
  std::chrono::steady_clock::time_point started;
  std::optional<Principal> principal;
  std::string route = "unmatched";
};
thread_local RequestState current;

std::string path_regex(const std::string& path) {
  static const std::regex segment(R"(\{[a-z_]+\})");
  return std::regex_replace(path, segment, "([^/]+)");
}

bool valid_request_id(const std::string& id) {
  return !id.empty() && id.size() <= 64 && is_valid_name(id);
}

std::string json_escape(const std::string& s) {
  return nlohmann::json(s).dump();
}

void security_headers(httplib::Response& res) {
  res.set_header("X-Content-Type-Options", "nosniff");
  res.set_header("X-Frame-Options", "DENY");
  res.set_header("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
  res.set_header("Referrer-Policy", "no-referrer");
  res.set_header("Cache-Control", "no-store");
  res.set_header("Strict-Transport-Security", "max-age=31536000");
}

}  // namespace

std::string Call::param(size_t n) const {
  return n < req.matches.size() ? std::string(req.matches[n]) : "";
}

std::optional<std::string> Call::query(const char* name) const {
  if (!req.has_param(name)) return std::nullopt;
  return req.get_param_value(name);
}

Server::Server(Database& db, ServerOptions options, std::unique_ptr<OidcVerifier> oidc,
               std::unique_ptr<ChatBackend> chat)
    : db_(db),
      options_(std::move(options)),
      limiter_(options_.rate_per_second, options_.rate_burst),
      authenticator_(db, std::move(oidc)),
      chat_(std::move(chat)),
      services_{db_, options_, chat_.get(), metrics_},
      http_(std::make_unique<httplib::Server>()) {
  const int threads = options_.threads;
  http_->new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  http_->set_payload_max_length(options_.body_limit);
  http_->set_keep_alive_max_count(10000);
  // Headers and body go out in separate writes: without this, Nagle and delayed ACKs add 40 ms.
  http_->set_tcp_nodelay(true);
  install_routes();
}

Server::~Server() = default;

void Server::install_routes() {
  http_->set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
    current = RequestState{};
    current.started = std::chrono::steady_clock::now();
    std::string id = req.get_header_value("X-Request-Id");
    current.request_id = valid_request_id(id) ? id : random_hex(8);
    res.set_header("X-Request-Id", current.request_id);
    security_headers(res);
    if (req.path.rfind("/v1/", 0) != 0 && req.path != "/v1") return httplib::Server::HandlerResponse::Unhandled;
    // The body has not been read yet: answering early must close the connection.
    auto reject = [&](const Problem& p) {
      if (req.has_header("Content-Length") || req.has_header("Transfer-Encoding"))
        res.set_header("Connection", "close");
      write_problem(res, p);
      return httplib::Server::HandlerResponse::Handled;
    };
    AuthOutcome auth = authenticator_.authenticate(req.get_header_value("Authorization"));
    if (auth.internal) {
      std::fprintf(stderr, "{\"level\":\"error\",\"request_id\":%s,\"error\":%s}\n",
                   json_escape(current.request_id).c_str(), json_escape(auth.failure).c_str());
      return reject(internal_error());
    }
    if (!auth.principal) return reject(unauthorized(auth.failure));
    current.principal = std::move(auth.principal);
    if (int wait = limiter_.admit(current.principal->tenant_id); wait > 0) return reject(rate_limited(wait));
    return httplib::Server::HandlerResponse::Unhandled;
  });

  for (Route& route : api_routes()) {
    auto handler = [this, route](const httplib::Request& req, httplib::Response& res) {
      current.route = route.path;
      if (!current.principal) return write_problem(res, unauthorized("authentication required"));
      const Principal& who = *current.principal;
      if (!who.can(route.permission)) {
        return write_problem(res, forbidden("this needs the " + std::string(permission_name(route.permission)) +
                                            " permission, which the caller's role or key scopes do not grant"));
      }
      Call call{req, res, who, services_};
      try {
        route.handler(call);
      } catch (const StorageFailure& e) {
        std::fprintf(stderr, "{\"level\":\"error\",\"request_id\":%s,\"error\":%s}\n",
                     json_escape(current.request_id).c_str(), json_escape(e.what()).c_str());
        write_problem(res, internal_error());
      }
    };
    const std::string pattern = path_regex(route.path);
    if (route.method == "GET")
      http_->Get(pattern, handler);
    else if (route.method == "POST")
      http_->Post(pattern, handler);
    else if (route.method == "PUT")
      http_->Put(pattern, handler);
    else if (route.method == "PATCH")
      http_->Patch(pattern, handler);
    else if (route.method == "DELETE")
      http_->Delete(pattern, handler);
  }

  http_->Get("/healthz", [](const httplib::Request&, httplib::Response& res) {
    current.route = "/healthz";
    res.set_content("{\"status\":\"ok\"}", "application/json");
  });
  http_->Get("/readyz", [this](const httplib::Request&, httplib::Response& res) {
    current.route = "/readyz";
    if (db_.ping()) return res.set_content("{\"status\":\"ready\"}", "application/json");
    write_problem(res, unavailable("the database is not reachable"));
  });
  http_->Get("/metrics", [this](const httplib::Request&, httplib::Response& res) {
    current.route = "/metrics";
    res.set_content(metrics_.render(), "text/plain; version=0.0.4");
  });

  http_->set_error_handler(httplib::Server::HandlerWithResponse([](const httplib::Request&, httplib::Response& res) {
    if (res.body.empty()) write_problem(res, problem_for_status(res.status));
    return httplib::Server::HandlerResponse::Handled;
  }));
  http_->set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
    write_problem(res, internal_error());
  });

  // One JSON line per request on stderr. Never the Authorization header, the
  // body or the query string: those may carry secrets.
  http_->set_logger([this](const httplib::Request& req, const httplib::Response& res) {
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - current.started).count();
    metrics_.observe_request(req.method, current.route, res.status, seconds);
    std::string tenant = current.principal ? current.principal->tenant_id : "";
    std::fprintf(stderr,
                 "{\"ts\":\"%s\",\"level\":\"info\",\"request_id\":%s,\"method\":%s,\"path\":%s,\"status\":%d,"
                 "\"duration_ms\":%.3f,\"tenant\":%s}\n",
                 rfc3339(now_ms()).c_str(), json_escape(current.request_id).c_str(), json_escape(req.method).c_str(),
                 json_escape(req.path).c_str(), res.status, seconds * 1000, json_escape(tenant).c_str());
  });
}

Result<int> Server::bind(const std::string& host, int port) {
  int bound = port == 0 ? http_->bind_to_any_port(host) : (http_->bind_to_port(host, port) ? port : -1);
  if (bound <= 0) return Error{"cannot listen on " + host + ":" + std::to_string(port)};
  return bound;
}

void Server::listen() {
  http_->listen_after_bind();
}

void Server::stop() {
  http_->stop();
}

}  // namespace copilot::controlplane
