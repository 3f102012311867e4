#include "llm/budget.h"

#include <yaml-cpp/yaml.h>

#include <map>

#include "plan/templates.h"
#include "util/strings.h"

namespace copilot::llm {
namespace {

constexpr std::chrono::seconds kControlPlaneTimeout{15};

const std::map<std::string, Price>& price_table() {
  static const std::map<std::string, Price> table = [] {
    std::map<std::string, Price> out;
    try {
      YAML::Node doc = YAML::Load(plan::embedded_templates().at("llm/pricing.yaml"));
      for (const auto& entry : doc["models"])
        out[entry.first.as<std::string>()] = {entry.second["input"].as<double>(), entry.second["output"].as<double>()};
    } catch (const std::exception&) {
      // The file is built in and covered by a test; an empty table prices everything at zero.
    }
    return out;
  }();
  return table;
}

}  // namespace

std::optional<Price> price_of(const std::string& model) {
  std::optional<Price> best;
  size_t best_length = 0;
  for (const auto& [prefix, price] : price_table())
    if (util::starts_with(model, prefix) && prefix.size() > best_length) {
      best = price;
      best_length = prefix.size();
    }
  return best;
}

double cost_usd(const std::string& model, const Usage& usage) {
  auto price = price_of(model);
  if (!price) return 0;
  return (static_cast<double>(usage.prompt_tokens) * price->input +
          static_cast<double>(usage.completion_tokens) * price->output) /
         1e6;
}

std::optional<Failure> LocalBudget::check(long long estimate) const {
  if (cap_ <= 0 || used_ + estimate <= cap_) return std::nullopt;
  return Failure{FailureKind::quota,
                 "the run's LLM budget of " + std::to_string(cap_) + " tokens is spent (" + std::to_string(used_) +
                     " used, the next request needs about " + std::to_string(estimate) + ")",
                 std::nullopt};
}

ControlPlaneBudget::ControlPlaneBudget(std::string server, std::string token, std::string project, Transport transport)
    : server_(std::move(server)),
      token_(std::move(token)),
      project_(std::move(project)),
      transport_(std::move(transport)) {
  while (util::ends_with(server_, "/")) server_.pop_back();
}

remote::HttpRequest ControlPlaneBudget::post(const std::string& path, const nlohmann::json& body) const {
  remote::HttpRequest http;
  http.method = "POST";
  http.url = server_ + path;
  http.headers = {
      {"Content-Type", "application/json"}, {"Accept", "application/json"}, {"Authorization", "Bearer " + token_}};
  http.body = body.dump();
  return http;
}

std::variant<std::string, Failure> ControlPlaneBudget::reserve(const std::string& model, long long estimated_tokens,
                                                               const std::string& idempotency_key) const {
  nlohmann::json body = {
      {"model", model}, {"estimated_tokens", std::max(1LL, estimated_tokens)}, {"idempotency_key", idempotency_key}};
  if (!project_.empty()) body["project"] = project_;
  auto response = transport_(post("/v1/llm/reservations", body), kControlPlaneTimeout);
  if (response && response->status == 429)
    return Failure{FailureKind::quota,
                   "the control plane's token quota refused a reservation (" + service_message(response->body) + ")",
                   std::nullopt};
  if (!response || (response->status != 201 && response->status != 200)) {
    Failure f = classify_http_failure("control plane reservation", response);
    f.kind = FailureKind::quota;  // without a reservation no provider may be called
    return f;
  }
  try {
    return nlohmann::json::parse(response->body).at("id").get<std::string>();
  } catch (const std::exception& e) {
    return Failure{FailureKind::quota, std::string("control plane reservation: unreadable answer (") + e.what() + ")",
                   std::nullopt};
  }
}

Result<void> ControlPlaneBudget::commit(const std::string& reservation, const Usage& usage,
                                        const std::string& model) const {
  nlohmann::json body = {{"prompt_tokens", usage.prompt_tokens}, {"completion_tokens", usage.completion_tokens}};
  if (!model.empty()) body["model"] = model;
  auto response = transport_(post("/v1/llm/reservations/" + reservation + "/commit", body), kControlPlaneTimeout);
  if (response && response->ok()) return {};
  return Error{classify_http_failure("control plane commit", response).message};
}

}  // namespace copilot::llm
