// Figures for docs/BENCHMARKS.md, run by bench/llm/overhead.sh (disabled in
// the normal test run: timings on a shared machine are not pass/fail). The
// provider is a transport that answers at once, so what is measured is the
// layer itself: redaction, cache key and lookup, budget, routing, request
// building and answer parsing, and writing the answer to the cache.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cstdio>

#include "llm/llm.h"
#include "test_support.h"

namespace copilot::llm {
namespace {

using Clock = std::chrono::steady_clock;

double micros(Clock::duration d) {
  return std::chrono::duration<double, std::micro>(d).count();
}

std::string prompt_of(int i) {
  // About 4 KB of code with an address and a token in it, different each time.
  std::string text = "File: app/service_" + std::to_string(i) + ".py\n";
  for (int l = 0; l < 80; ++l)
    text += "+ " + std::to_string(l) + " |     value = compute(value, " + std::to_string(l) + ")\n";
  text += "OWNER = 'ops@example.com'  # host 10.0.0." + std::to_string(i % 250) + "\n";
  return text;
}

struct Figures {
  double mean = 0, p50 = 0, p99 = 0;
};

Figures figures(std::vector<double> samples) {
  std::sort(samples.begin(), samples.end());
  Figures f;
  for (double v : samples) f.mean += v;
  f.mean /= static_cast<double>(samples.size());
  f.p50 = samples[samples.size() / 2];
  f.p99 = samples[samples.size() * 99 / 100];
  return f;
}

/// `requests` distinct requests through a client whose provider answers at once.
Figures layer_overhead(const std::filesystem::path& dir, bool cache, int requests) {
  Transport instant = [](const remote::HttpRequest&, std::chrono::milliseconds) -> Result<remote::HttpResponse> {
    remote::HttpResponse r;
    r.status = 200;
    r.body = R"({"model":"llama3","choices":[{"message":{"role":"assistant","content":"{\"findings\": []}"}}],)"
             R"("usage":{"prompt_tokens":1000,"completion_tokens":10}})";
    return r;
  };
  config::LlmConfig cfg;
  config::LlmProviderConfig p;
  p.name = "local";
  p.kind = "openai";
  p.base_url = "http://127.0.0.1:9/v1";
  p.model = "llama3";
  cfg.providers = {p};
  cfg.cache = cache;
  cfg.cache_dir = (dir / "cache").string();
  ClientOptions options;
  options.root = dir;
  options.transport = instant;
  std::vector<std::string> notes;
  auto client = Client::create(cfg, {}, options, notes);
  std::vector<double> samples;
  for (int i = 0; i < requests; ++i) {
    ChatRequest r;
    r.messages = {{"system", "You review code."}, {"user", prompt_of(i)}};
    auto start = Clock::now();
    auto out = client->chat(r);
    samples.push_back(micros(Clock::now() - start));
    EXPECT_TRUE(out);
  }
  return figures(samples);
}

TEST(LlmBench, DISABLED_LayerOverheadAndCacheLookup) {
  copilot::testing::TempDir dir;
  constexpr int kRequests = 2000;
  Figures bare = layer_overhead(dir.path() / "bare", false, kRequests);
  Figures cached = layer_overhead(dir.path() / "cached", true, kRequests);

  Cache cache({dir.path() / "lookup", std::chrono::hours(1), 100ull << 20});
  ChatResponse answer;
  answer.content = std::string(2000, 'x');
  std::vector<std::string> keys;
  for (int i = 0; i < 1000; ++i) {
    ChatRequest r;
    r.messages = {{"user", prompt_of(i)}};
    keys.push_back(Cache::key("llama3", r));
    ASSERT_TRUE(cache.put(keys.back(), answer));
  }
  constexpr int kLookups = 20000;
  std::vector<double> lookups;
  for (int i = 0; i < kLookups; ++i) {
    ChatRequest r;
    r.messages = {{"user", prompt_of(i % 1000)}};
    auto start = Clock::now();
    auto hit = cache.get(Cache::key("llama3", r));
    lookups.push_back(micros(Clock::now() - start));
    ASSERT_TRUE(hit);
  }
  Figures lookup = figures(lookups);
  std::printf(
      "layer overhead per request, no cache (%d requests, ~4 KB prompts): mean %.1f us, p50 %.1f us, "
      "p99 %.1f us\n",
      kRequests, bare.mean, bare.p50, bare.p99);
  std::printf("layer overhead per request, cache miss and write: mean %.1f us, p50 %.1f us, p99 %.1f us\n", cached.mean,
              cached.p50, cached.p99);
  std::printf(
      "cache lookup, hit (key hash + read + parse, %d lookups, 2 KB answers): mean %.1f us, p50 %.1f us, "
      "p99 %.1f us\n",
      kLookups, lookup.mean, lookup.p50, lookup.p99);
  EXPECT_LT(cached.mean, 1000.0);
  EXPECT_LT(lookup.mean, 100.0);
}

}  // namespace
}  // namespace copilot::llm
