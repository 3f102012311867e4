#include "http/metrics.h"

#include <fmt/format.h>

namespace copilot::controlplane {

void Metrics::observe_request(const std::string& method, const std::string& route, int status, double seconds) {
  std::lock_guard lock(mutex_);
  ++requests_[{method, route, status}];
  Histogram& h = durations_[route];
  for (size_t i = 0; i < kBuckets.size(); ++i) {
    if (seconds <= kBuckets[i]) ++h.buckets[i];
  }
  ++h.count;
  h.sum += seconds;
}

void Metrics::count(const std::string& name, const std::string& label_value) {
  std::lock_guard lock(mutex_);
  ++counters_[{name, label_value}];
}

std::string Metrics::render() const {
  std::lock_guard lock(mutex_);
  std::string out;
  out += "# HELP copilot_http_requests_total HTTP requests by method, route and status.\n";
  out += "# TYPE copilot_http_requests_total counter\n";
  for (const auto& [key, n] : requests_) {
    const auto& [method, route, status] = key;
    out += fmt::format("copilot_http_requests_total{{method=\"{}\",route=\"{}\",status=\"{}\"}} {}\n", method, route,
                       status, n);
  }
  out += "# HELP copilot_http_request_duration_seconds Time to answer a request.\n";
  out += "# TYPE copilot_http_request_duration_seconds histogram\n";
  for (const auto& [route, h] : durations_) {
    for (size_t i = 0; i < kBuckets.size(); ++i) {
      out += fmt::format("copilot_http_request_duration_seconds_bucket{{route=\"{}\",le=\"{}\"}} {}\n", route,
                         kBuckets[i], h.buckets[i]);
    }
    out += fmt::format("copilot_http_request_duration_seconds_bucket{{route=\"{}\",le=\"+Inf\"}} {}\n", route, h.count);
    out += fmt::format("copilot_http_request_duration_seconds_sum{{route=\"{}\"}} {}\n", route, h.sum);
    out += fmt::format("copilot_http_request_duration_seconds_count{{route=\"{}\"}} {}\n", route, h.count);
  }
  std::string last;
  for (const auto& [key, n] : counters_) {
    const auto& [name, label] = key;
    if (name != last) {
      out += fmt::format("# HELP {} Events by outcome.\n# TYPE {} counter\n", name, name);
      last = name;
    }
    out += fmt::format("{}{{outcome=\"{}\"}} {}\n", name, label, n);
  }
  return out;
}

}  // namespace copilot::controlplane
