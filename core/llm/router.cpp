#include "llm/router.h"

#include <algorithm>
#include <thread>

namespace copilot::llm {

Router::Router(std::vector<std::unique_ptr<Provider>> providers, std::map<std::string, std::vector<std::string>> tiers,
               RouterOptions options)
    : providers_(std::move(providers)), tiers_(std::move(tiers)), options_(std::move(options)) {
  if (!options_.clock) options_.clock = [] { return std::chrono::steady_clock::now(); };
  if (!options_.sleep) options_.sleep = [](std::chrono::milliseconds d) { std::this_thread::sleep_for(d); };
  jitter_.seed(options_.jitter_seed ? options_.jitter_seed
                                    : static_cast<uint64_t>(options_.clock().time_since_epoch().count()));
  for (const auto& p : providers_)
    breakers_.emplace(p->name(), Breaker(options_.breaker_failures, options_.breaker_cooldown, options_.clock));
}

std::vector<const Provider*> Router::candidates(const std::string& tier) const {
  std::vector<std::string> names;
  for (const std::string& t : {tier, std::string("fallback")})
    if (auto it = tiers_.find(t); it != tiers_.end())
      for (const auto& n : it->second)
        if (std::find(names.begin(), names.end(), n) == names.end()) names.push_back(n);
  std::vector<const Provider*> out;
  for (const auto& p : providers_)
    if (names.empty()) out.push_back(p.get());
  for (const auto& n : names)
    for (const auto& p : providers_)
      if (p->name() == n) out.push_back(p.get());
  return out;
}

std::chrono::milliseconds Router::backoff(int attempt) {
  // Exponential, with "equal jitter": half the step fixed, half random, so
  // clients that failed together do not retry together.
  auto step = options_.first_backoff * (1LL << std::min(attempt - 1, 20));
  auto half = step.count() / 2;
  std::uniform_int_distribution<long long> spread(0, std::max<long long>(half, 0));
  return std::chrono::milliseconds(half + spread(jitter_));
}

Breaker::State Router::breaker_state(const std::string& provider) const {
  auto it = breakers_.find(provider);
  return it == breakers_.end() ? Breaker::State::closed : it->second.state();
}

Outcome Router::route(const ChatRequest& request, const CallHooks& hooks, std::vector<std::string>& notes) {
  auto providers = candidates(request.tier);
  Failure last{FailureKind::rejected, "no LLM provider is configured for tier '" + request.tier + "'", std::nullopt};
  for (const Provider* p : providers) {
    Breaker& breaker = breakers_.at(p->name());
    if (!breaker.allow()) {
      last = {FailureKind::transient, p->name() + ": skipped, its circuit is open after repeated failures",
              std::nullopt};
      notes.push_back(last.message);
      continue;
    }
    if (hooks.before)
      if (auto refused = hooks.before(*p)) return {std::nullopt, *refused};
    Outcome out;
    for (int attempt = 1;; ++attempt) {
      out = p->chat(request);
      if (out || out.failure.kind == FailureKind::quota) break;
      breaker.record_failure();
      if (out.failure.kind != FailureKind::transient || attempt >= options_.attempts ||
          breaker.state() == Breaker::State::open)
        break;
      auto wait = out.failure.retry_after ? *out.failure.retry_after : backoff(attempt);
      if (wait > options_.max_wait) {
        out.failure.message += " (asks to wait " + std::to_string(wait.count() / 1000) + " s)";
        break;
      }
      options_.sleep(wait);
    }
    if (hooks.after) hooks.after(*p, out);
    if (out) {
      breaker.record_success();
      return out;
    }
    if (out.failure.kind == FailureKind::quota) return out;
    notes.push_back(out.failure.message);
    last = out.failure;
  }
  return {std::nullopt, last};
}

}  // namespace copilot::llm
