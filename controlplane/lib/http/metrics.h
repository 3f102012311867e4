#pragma once
// Request counters and latency histograms, exposed at /metrics in the
// Prometheus text format (version 0.0.4).
#include <array>
#include <map>
#include <mutex>
#include <string>
#include <tuple>

namespace copilot::controlplane {

class Metrics {
 public:
  void observe_request(const std::string& method, const std::string& route, int status, double seconds);
  void count(const std::string& name, const std::string& label_value);
  std::string render() const;

 private:
  static constexpr std::array<double, 10> kBuckets = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1, 5};
  struct Histogram {
    std::array<uint64_t, kBuckets.size()> buckets{};
    uint64_t count = 0;
    double sum = 0;
  };
  mutable std::mutex mutex_;
  std::map<std::tuple<std::string, std::string, int>, uint64_t> requests_;
  std::map<std::string, Histogram> durations_;
  std::map<std::pair<std::string, std::string>, uint64_t> counters_;
};

}  // namespace copilot::controlplane
