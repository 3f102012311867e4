#include "llm/breaker.h"

namespace copilot::llm {

Breaker::Breaker(int failures, std::chrono::milliseconds cooldown, Clock clock)
    : threshold_(failures < 1 ? 1 : failures), cooldown_(cooldown), clock_(std::move(clock)) {
  if (!clock_) clock_ = [] { return std::chrono::steady_clock::now(); };
}

bool Breaker::allow() {
  if (state_ == State::open && clock_() - opened_at_ >= cooldown_) {
    state_ = State::half_open;
    trial_out_ = false;
  }
  if (state_ == State::closed) return true;
  if (state_ == State::half_open && !trial_out_) {
    trial_out_ = true;
    return true;
  }
  return false;
}

void Breaker::record_success() {
  state_ = State::closed;
  consecutive_ = 0;
  trial_out_ = false;
}

void Breaker::record_failure() {
  ++consecutive_;
  if (state_ == State::half_open || consecutive_ >= threshold_) {
    state_ = State::open;
    opened_at_ = clock_();
    trial_out_ = false;
  }
}

std::string_view to_string(Breaker::State state) {
  switch (state) {
    case Breaker::State::closed: return "closed";
    case Breaker::State::open: return "open";
    case Breaker::State::half_open: return "half-open";
  }
  return "closed";
}

}  // namespace copilot::llm
