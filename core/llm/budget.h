#pragma once
// What a run may spend. A local cap counts tokens in this process; with a
// control plane (COPILOT_SERVER and COPILOT_TOKEN) every call to a provider
// the CLI holds keys for is reserved first and committed after, so the
// organisation's quota sees it. A refusal ends model use for the run; the
// commands go on with their rule-based results.
#include <optional>
#include <string>
#include <variant>

#include "llm/provider.h"

namespace copilot::llm {

/// US dollars per million tokens.
struct Price {
  double input = 0, output = 0;
};

/// The price of `model` from templates/llm/pricing.yaml (the longest key the
/// id starts with); nullopt for models not listed.
std::optional<Price> price_of(const std::string& model);
double cost_usd(const std::string& model, const Usage& usage);

class LocalBudget {
 public:
  explicit LocalBudget(long long cap) : cap_(cap) {}
  /// A refusal (kind quota) when spending `estimate` more would pass the cap.
  std::optional<Failure> check(long long estimate) const;
  void spend(const Usage& usage) { used_ += usage.prompt_tokens + usage.completion_tokens; }
  long long used() const { return used_; }

 private:
  long long cap_;  ///< 0 = no cap
  long long used_ = 0;
};

/// The control plane's reservations (POST /v1/llm/reservations and .../commit).
class ControlPlaneBudget {
 public:
  ControlPlaneBudget(std::string server, std::string token, std::string project, Transport transport);
  /// The reservation id, or why none was made (a 429 is kind quota).
  std::variant<std::string, Failure> reserve(const std::string& model, long long estimated_tokens,
                                             const std::string& idempotency_key) const;
  Result<void> commit(const std::string& reservation, const Usage& usage, const std::string& model) const;

 private:
  remote::HttpRequest post(const std::string& path, const nlohmann::json& body) const;
  std::string server_, token_, project_;
  Transport transport_;
};

}  // namespace copilot::llm
