// Prometheus gate: an instant query through the HTTP API (/api/v1/query)
// must give one number. `max`/`min` say what passes; `fail_above`/`fail_below`
// (default: the same bounds) what fails; a value between them, no data or
// NaN is inconclusive, as in Argo Rollouts' success and failure conditions.
#include <cmath>
#include <sstream>

#include "release/analysis_common.h"
#include "remote/http.h"
#include "remote/notify_common.h"

namespace copilot::release {
namespace {

struct QueryAnswer {
  std::optional<double> value;  ///< empty: no data
  size_t series = 0;
};

class PrometheusGate : public AnalysisGate {
 public:
  std::string address;
  std::string query;
  std::optional<double> max, min, fail_above, fail_below;
  std::chrono::milliseconds timeout{std::chrono::seconds(5)};

  Result<void> validate(const Placeholders& values) override {
    auto answer = run(values);
    if (!answer) return Error{answer.error().message, true};
    return {};
  }

  Measurement measure(const Placeholders& values) override {
    auto answer = run(values);
    if (!answer) return {Outcome::kInconclusive, std::nullopt, answer.error().message};
    if (answer->series > 1)
      return {Outcome::kInconclusive, std::nullopt,
              "the query returned " + std::to_string(answer->series) + " series; aggregate it to one (sum, max...)"};
    if (!answer->value || std::isnan(*answer->value))
      return {Outcome::kInconclusive, std::nullopt, "no data for the query yet"};
    double v = *answer->value;
    std::ostringstream detail;
    detail.precision(4);
    detail << "value " << v;
    if (max) detail << " (at most " << *max << ")";
    if (min) detail << " (at least " << *min << ")";
    bool passes = (!max || v <= *max) && (!min || v >= *min);
    bool fails = (fail_above && v > *fail_above) || (fail_below && v < *fail_below);
    if (passes) return {Outcome::kPass, v, detail.str()};
    return {fails ? Outcome::kFail : Outcome::kInconclusive, v, detail.str()};
  }

 private:
  Result<QueryAnswer> run(const Placeholders& values) const {
    remote::RetryPolicy once;
    once.max_attempts = 1;
    once.timeout = timeout;
    remote::HttpRequest request;
    std::string expanded = expand(query, values);
    request.url = remote::join_url(address, "/api/v1/query") + "?query=" + remote::url_encode(expanded);
    auto response = remote::HttpClient(once).send(request);
    std::string where = "analysis gate '" + name + "': Prometheus at " + address;
    if (!response) return Error{where + " is unreachable: " + response.error().message};
    nlohmann::json body;
    try {
      body = nlohmann::json::parse(response->body);
    } catch (const nlohmann::json::exception&) {
      return Error{where + " answered HTTP " + std::to_string(response->status) + " without JSON"};
    }
    if (body.value("status", "") != "success") {
      std::string type = body.value("errorType", "error");
      std::string text = body.value("error", "no error message");
      if (type == "bad_data") return Error{"analysis gate '" + name + "': malformed query `" + expanded + "`: " + text};
      return Error{where + " refused the query (" + type + "): " + text};
    }
    const auto& data = body["data"];
    std::string kind = data.value("resultType", "");
    const auto& result = data["result"];
    QueryAnswer answer;
    auto number = [](const nlohmann::json& pair) -> std::optional<double> {
      if (!pair.is_array() || pair.size() != 2 || !pair[1].is_string()) return std::nullopt;
      try {
        return std::stod(pair[1].get<std::string>());
      } catch (const std::exception&) {
        return std::nullopt;
      }
    };
    if (kind == "scalar") {
      answer.series = 1;
      answer.value = number(result);
    } else if (kind == "vector" && result.is_array()) {
      answer.series = result.size();
      if (result.size() == 1) answer.value = number(result[0]["value"]);
    } else {
      return Error{"analysis gate '" + name + "': the query gives a " + kind +
                   "; it must give one number (an instant vector or scalar)"};
    }
    return answer;
  }
};

}  // namespace

Result<std::unique_ptr<AnalysisGate>> make_prometheus_gate(const config::SettingsBlock& block) {
  SettingsReader r(block.values, block.origin, block.key);
  auto gate = std::make_unique<PrometheusGate>();
  read_common(r, *gate, "prometheus");
  gate->address = r.string("address", true).value_or("");
  gate->query = r.string("query", true).value_or("");
  gate->max = r.number("max");
  gate->min = r.number("min");
  gate->fail_above = r.number("fail_above");
  gate->fail_below = r.number("fail_below");
  if (auto v = r.duration("timeout")) gate->timeout = *v;
  if (auto done = finish_settings(r); !done) return done.error();
  if (!gate->max && !gate->min)
    return Error{block.origin + ": key '" + block.key + "': a prometheus gate needs `max` or `min`", true};
  if (!gate->fail_above && gate->max) gate->fail_above = gate->max;
  if (!gate->fail_below && gate->min) gate->fail_below = gate->min;
  return std::unique_ptr<AnalysisGate>(std::move(gate));
}

}  // namespace copilot::release
