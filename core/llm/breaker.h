#pragma once
// A circuit breaker per provider: after `failures` consecutive failures the
// circuit opens and the provider is skipped; after `cooldown` one trial
// request is let through (half-open), whose outcome closes or reopens it.
#include <chrono>
#include <functional>
#include <string_view>

namespace copilot::llm {

using Clock = std::function<std::chrono::steady_clock::time_point()>;

class Breaker {
 public:
  enum class State { closed, open, half_open };

  Breaker(int failures, std::chrono::milliseconds cooldown, Clock clock);
  /// May a request go out now? Moves open → half-open once the cooldown is over.
  bool allow();
  void record_success();
  void record_failure();
  State state() const { return state_; }

 private:
  int threshold_;
  std::chrono::milliseconds cooldown_;
  Clock clock_;
  State state_ = State::closed;
  int consecutive_ = 0;
  bool trial_out_ = false;  ///< half-open lets one request through at a time
  std::chrono::steady_clock::time_point opened_at_{};
};

std::string_view to_string(Breaker::State state);

}  // namespace copilot::llm
