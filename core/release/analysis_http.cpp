// HTTP probe: N requests to a URL; the ratio of good answers and the 95th
// percentile latency decide. Connection failures count as bad answers.
#include <algorithm>
#include <cmath>
#include <sstream>

#include "release/analysis_common.h"
#include "remote/http.h"

namespace copilot::release {
namespace {

class HttpGate : public AnalysisGate {
 public:
  std::string url;
  int requests = 20;
  double min_success_ratio = 0.99;
  std::optional<double> max_p95_ms;
  std::chrono::milliseconds timeout{std::chrono::seconds(2)};
  std::vector<long> good_statuses;  ///< empty: any 2xx or 3xx

  Result<void> validate(const Placeholders& values) override {
    std::string target = expand(url, values);
    if (target.rfind("http://", 0) != 0 && target.rfind("https://", 0) != 0)
      return Error{"analysis gate '" + name + "': url '" + target + "' is not an http(s) URL", true};
    return {};
  }

  Measurement measure(const Placeholders& values) override {
    remote::RetryPolicy once;
    once.max_attempts = 1;
    once.timeout = timeout;
    remote::HttpClient client(once);
    remote::HttpRequest request;
    request.url = expand(url, values);
    int good = 0;
    std::vector<double> latencies;
    std::string last_problem;
    for (int i = 0; i < requests; ++i) {
      auto start = std::chrono::steady_clock::now();
      auto response = client.send(request);
      double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
      latencies.push_back(ms);
      if (!response) {
        last_problem = response.error().message;
      } else if (is_good(response->status)) {
        ++good;
      } else {
        last_problem = "HTTP " + std::to_string(response->status);
      }
    }
    std::sort(latencies.begin(), latencies.end());
    double p95 =
        latencies.empty()
            ? 0
            : latencies[std::min(latencies.size() - 1, static_cast<size_t>(std::ceil(0.95 * latencies.size())) - 1)];
    double ratio = requests ? static_cast<double>(good) / requests : 0;
    std::ostringstream detail;
    detail.precision(3);
    detail << good << "/" << requests << " good (" << ratio * 100 << "%, at least " << min_success_ratio * 100
           << "% needed), p95 " << p95 << " ms";
    if (max_p95_ms) detail << " (at most " << *max_p95_ms << " ms)";
    if (!last_problem.empty() && good < requests) detail << "; last problem: " << last_problem;
    bool pass = ratio >= min_success_ratio && (!max_p95_ms || p95 <= *max_p95_ms);
    return {pass ? Outcome::kPass : Outcome::kFail, ratio, detail.str()};
  }

 private:
  bool is_good(long status) const {
    if (good_statuses.empty()) return status >= 200 && status < 400;
    return std::find(good_statuses.begin(), good_statuses.end(), status) != good_statuses.end();
  }
};

}  // namespace

Result<std::unique_ptr<AnalysisGate>> make_http_gate(const config::SettingsBlock& block) {
  SettingsReader r(block.values, block.origin, block.key);
  auto gate = std::make_unique<HttpGate>();
  read_common(r, *gate, "http");
  gate->url = r.string("url", true).value_or("");
  if (auto v = r.number("requests")) gate->requests = std::max(1, static_cast<int>(*v));
  if (auto v = r.number("success_ratio")) gate->min_success_ratio = *v;
  gate->max_p95_ms = r.number("p95_ms");
  if (auto v = r.duration("timeout")) gate->timeout = *v;
  if (auto statuses = r.strings("statuses"))
    for (const auto& s : *statuses) gate->good_statuses.push_back(std::atol(s.c_str()));
  if (auto done = finish_settings(r); !done) return done.error();
  if (gate->min_success_ratio < 0 || gate->min_success_ratio > 1)
    return Error{block.origin + ": key '" + block.key + ".success_ratio': must be between 0 and 1", true};
  return std::unique_ptr<AnalysisGate>(std::move(gate));
}

}  // namespace copilot::release
