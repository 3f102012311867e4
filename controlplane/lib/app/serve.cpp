#include <signal.h>

#include <atomic>
#include <condition_variable>
#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>

#include "app/app.h"
#include "common/clock.h"
#include "config/config.h"

namespace copilot::controlplane {

Result<std::pair<std::string, int>> parse_listen(const std::string& text) {
  size_t colon = text.rfind(':');
  if (colon == std::string::npos || colon == 0) return Error{"--listen must be HOST:PORT", true};
  std::string host = text.substr(0, colon), port_text = text.substr(colon + 1);
  if (host.size() > 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
  int port = -1;
  try {
    size_t used = 0;
    port = std::stoi(port_text, &used);
    if (used != port_text.size()) port = -1;
  } catch (const std::exception&) {
  }
  if (port < 0 || port > 65535) return Error{"--listen must be HOST:PORT with a port from 0 to 65535", true};
  return std::pair{host, port};
}

Result<PriceTable> load_prices(const std::string& path) {
  std::ifstream in(path);
  if (!in) return Error{"cannot read the price file " + path, true};
  std::stringstream text;
  text << in.rdbuf();
  auto doc = nlohmann::json::parse(text.str(), nullptr, false);
  if (!doc.is_object()) return Error{path + ": must be a JSON object of model → prices", true};
  PriceTable table;
  for (const auto& [model, price] : doc.items()) {
    if (!price.is_object() || !price.value("prompt_usd_per_million", nlohmann::json(0)).is_number() ||
        !price.value("completion_usd_per_million", nlohmann::json(0)).is_number()) {
      return Error{path + ": " + model + ": needs numeric prompt_usd_per_million and completion_usd_per_million", true};
    }
    table[model] =
        ModelPrice{price.value("prompt_usd_per_million", 0.0), price.value("completion_usd_per_million", 0.0)};
  }
  return table;
}

Result<void> serve(const ServeOptions& options) {
  ServerOptions server_options = options.server;
  if (!options.prices_file.empty()) {
    auto prices = load_prices(options.prices_file);
    if (!prices) return prices.error();
    server_options.prices = *prices;
  }
  std::unique_ptr<OidcVerifier> oidc;
  if (options.oidc.enabled()) {
    auto verifier = OidcVerifier::create(options.oidc);
    if (!verifier) return verifier.error();
    oidc = std::move(*verifier);
  }
  std::unique_ptr<ChatBackend> chat;
  if (!options.llm_config.empty()) {
    auto config = config::load(".", std::filesystem::path(options.llm_config), config::process_environment());
    if (!config) return config.error();
    auto backend = make_router_backend(config->llm);
    if (!backend) return Error{options.llm_config + ": " + backend.error().message, true};
    chat = std::move(*backend);
  } else if (!options.llm_upstream.empty()) {
    chat = make_openai_compatible_backend(options.llm_upstream, options.llm_model);
  }

  // Signals are taken by a thread with sigwait, so stopping is ordinary code, not a handler.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  auto db = open_database(options.db_url, std::max(options.db_pool, 1));
  if (!db) return db.error();
  Server server(**db, server_options, std::move(oidc), std::move(chat));
  auto port = server.bind(options.host, options.port);
  if (!port) return port.error();
  std::fprintf(stderr, "{\"ts\":\"%s\",\"level\":\"info\",\"message\":\"listening\",\"address\":\"%s:%d\"}\n",
               rfc3339(now_ms()).c_str(), options.host.c_str(), *port);

  std::atomic<bool> stopping = false;
  std::mutex mutex;
  std::condition_variable wake;
  std::thread waiter([&] {
    int signal = 0;
    sigwait(&signals, &signal);
    stopping = true;
    wake.notify_all();
    server.stop();
  });
  // Expired reservations give their tokens back even when nobody reserves.
  std::thread sweeper([&] {
    const auto period =
        std::chrono::milliseconds(std::clamp<int64_t>(server_options.reservation_ttl_ms / 4, 200, 5000));
    std::unique_lock lock(mutex);
    while (!stopping) {
      wake.wait_for(lock, period);
      if (stopping) break;
      (void)release_expired(**db, now_ms());
      (void)prune_rate_windows(**db, now_ms());
    }
  });
  server.listen();
  if (!stopping) {
    stopping = true;
    pthread_kill(waiter.native_handle(), SIGTERM);
  }
  wake.notify_all();
  waiter.join();
  sweeper.join();
  std::fprintf(stderr, "{\"ts\":\"%s\",\"level\":\"info\",\"message\":\"stopped\"}\n", rfc3339(now_ms()).c_str());
  return {};
}

}  // namespace copilot::controlplane
