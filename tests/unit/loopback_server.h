#pragma once
// A real HTTP server on 127.0.0.1 for tests of the remote clients: handlers
// are registered on `http()`, then `start()` picks a free port and serves on a
// thread until the object dies. It records every request it saw.
#include <httplib.h>

#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace copilot::testing {

struct SeenRequest {
  std::string method, path, query, body;
  httplib::Headers headers;
};

class LoopbackServer {
 public:
  LoopbackServer() {
    // Recorded after the handler but before the answer is written (a logger
    // runs after), so a client that got its answer finds its request in seen().
    server_.set_post_routing_handler([this](const httplib::Request& req, httplib::Response&) {
      std::lock_guard lock(mutex_);
      std::string query;
      for (const auto& [k, v] : req.params) query += (query.empty() ? "" : "&") + k + "=" + v;
      seen_.push_back({req.method, req.path, query, req.body, req.headers});
    });
  }
  ~LoopbackServer() {
    server_.stop();
    if (thread_.joinable()) thread_.join();
  }
  httplib::Server& http() { return server_; }
  /// Binds a free port and serves in the background; returns the base URL.
  std::string start() {
    port_ = server_.bind_to_any_port("127.0.0.1");
    thread_ = std::thread([this] { server_.listen_after_bind(); });
    while (!server_.is_running()) std::this_thread::yield();
    return url();
  }
  std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }
  std::vector<SeenRequest> seen() const {
    std::lock_guard lock(mutex_);
    return seen_;
  }

 private:
  httplib::Server server_;
  std::thread thread_;
  int port_ = 0;
  mutable std::mutex mutex_;
  std::vector<SeenRequest> seen_;
};

}  // namespace copilot::testing
