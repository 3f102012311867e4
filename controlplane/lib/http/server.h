#pragma once
// The HTTP server: authentication, authorization, limits, logging and metrics
// around the route table; handlers only see an authenticated Call.
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "auth/authenticator.h"
#include "http/metrics.h"
#include "http/rate_limit.h"
#include "llm/chat_backend.h"
#include "quotas/quotas.h"
#include "rbac/rbac.h"
#include "storage/database.h"

namespace httplib {
class Server;
struct Request;
struct Response;
}  // namespace httplib

namespace copilot::controlplane {

struct ServerOptions {
  size_t body_limit = 1 << 20;   ///< bytes; larger bodies get 413
  double rate_per_second = 500;  ///< per tenant; 0 disables
  double rate_burst = 1000;
  int64_t reservation_ttl_ms = 10 * 60 * 1000;
  int threads = 32;  ///< cpp-httplib serves one connection per thread: keep above the keep-alive clients
  PriceTable prices;
};

struct Services {
  Database& db;
  const ServerOptions& options;
  ChatBackend* chat;  ///< null: no upstream configured (chat answers 503)
  Metrics& metrics;
};

/// One authenticated request, as a handler sees it.
struct Call {
  const httplib::Request& req;
  httplib::Response& res;
  const Principal& who;
  Services& services;
  /// The n-th `{...}` segment of the route's path.
  std::string param(size_t n) const;
  /// A query-string parameter, nullopt when absent.
  std::optional<std::string> query(const char* name) const;
};

using Handler = std::function<void(Call&)>;

struct Route {
  std::string method;  ///< GET, POST, PUT, PATCH, DELETE
  std::string path;    ///< e.g. /v1/runs/{id}
  Permission permission;
  Handler handler;
};

/// Every /v1 route with the permission it needs: the server registers these,
/// and the permission-matrix test walks them.
std::vector<Route> api_routes();

class Server {
 public:
  Server(Database& db, ServerOptions options, std::unique_ptr<OidcVerifier> oidc, std::unique_ptr<ChatBackend> chat);
  ~Server();
  /// Binds; port 0 picks a free port. Returns the port, or an error.
  Result<int> bind(const std::string& host, int port);
  /// Serves until stop(); in-flight requests finish first.
  void listen();
  void stop();

 private:
  void install_routes();

  Database& db_;
  ServerOptions options_;
  Metrics metrics_;
  RateLimiter limiter_;
  Authenticator authenticator_;
  std::unique_ptr<ChatBackend> chat_;
  Services services_;
  std::unique_ptr<httplib::Server> http_;
};

}  // namespace copilot::controlplane
