#pragma once
// Picks the providers of a tier in order and gets one answer: retries with
// exponential backoff and jitter (or the wait the server names in
// Retry-After), moves on to the next provider on errors, and skips a provider
// whose circuit is open.
#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "llm/breaker.h"
#include "llm/provider.h"

namespace copilot::llm {

struct RouterOptions {
  int attempts = 3;  ///< per provider, the first included
  std::chrono::milliseconds first_backoff{500};
  std::chrono::milliseconds max_wait{60'000};  ///< a longer Retry-After moves on instead
  int breaker_failures = 5;
  std::chrono::milliseconds breaker_cooldown{60'000};
  Clock clock;                                           ///< for the breakers; steady_clock by default
  std::function<void(std::chrono::milliseconds)> sleep;  ///< tests record instead of sleeping
  uint64_t jitter_seed = 0;                              ///< 0: from the clock
};

/// Around each provider's turn: `before` may refuse (a reservation), `after` settles it.
struct CallHooks {
  std::function<std::optional<Failure>(const Provider&)> before;
  std::function<void(const Provider&, const Outcome&)> after;
};

class Router {
 public:
  /// `tiers` name providers by name; a tier without a list uses every provider in order.
  Router(std::vector<std::unique_ptr<Provider>> providers, std::map<std::string, std::vector<std::string>> tiers,
         RouterOptions options);
  /// The providers tried for `tier`, in order: its own list, then the fallback tier's.
  std::vector<const Provider*> candidates(const std::string& tier) const;
  /// One answer, or the last failure. `notes` gets a line per provider given up on.
  Outcome route(const ChatRequest& request, const CallHooks& hooks, std::vector<std::string>& notes);
  Breaker::State breaker_state(const std::string& provider) const;
  /// The wait before retry `attempt` (1-based) without a hint from the server.
  std::chrono::milliseconds backoff(int attempt);

 private:
  std::vector<std::unique_ptr<Provider>> providers_;
  std::map<std::string, std::vector<std::string>> tiers_;
  RouterOptions options_;
  std::map<std::string, Breaker> breakers_;
  std::mt19937_64 jitter_;
};

}  // namespace copilot::llm
