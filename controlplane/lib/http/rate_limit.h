#pragma once
// Per-tenant request rate limiting: a token bucket per tenant, in memory (each
// server process limits what it serves; the LLM budgets are the shared limit).
#include <chrono>
#include <mutex>
#include <string>
#include <unordered_map>

namespace copilot::controlplane {

class RateLimiter {
 public:
  /// `per_second` tokens refill each second, up to `burst`. 0 disables limiting.
  RateLimiter(double per_second, double burst) : rate_(per_second), burst_(burst) {}
  /// 0 when the request may proceed, else whole seconds until it could.
  int admit(const std::string& tenant_id);

 private:
  struct Bucket {
    double tokens;
    std::chrono::steady_clock::time_point last;
  };
  double rate_;
  double burst_;
  std::mutex mutex_;
  std::unordered_map<std::string, Bucket> buckets_;
};

}  // namespace copilot::controlplane
