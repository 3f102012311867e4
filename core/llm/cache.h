#pragma once
// Answers kept on disk, one JSON file per request, keyed by a hash of the
// model, the (already redacted) messages and the parameters. Entries older
// than the TTL are ignored and removed; past the size limit the oldest go.
#include <atomic>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <mutex>
#include <optional>
#include <string>

#include "llm/types.h"
#include "util/result.h"

namespace copilot::llm {

struct CacheOptions {
  std::filesystem::path dir;
  std::chrono::seconds ttl{std::chrono::hours(168)};
  uint64_t max_bytes = 100ull << 20;
};

class Cache {
 public:
  using Now = std::function<std::chrono::system_clock::time_point()>;
  explicit Cache(CacheOptions options, Now now = {});

  /// 32 hex digits over everything that changes the answer.
  static std::string key(const std::string& model, const ChatRequest& request);
  std::optional<ChatResponse> get(const std::string& key) const;
  /// Best effort: a cache that cannot be written is reported, never fatal.
  Result<void> put(const std::string& key, const ChatResponse& response);

 private:
  /// Scans the directory: the total size, after removing the oldest entries past the limit.
  uint64_t evict_to_limit();
  std::filesystem::path path_of(const std::string& key) const { return options_.dir / (key + ".json"); }
  CacheOptions options_;
  Now now_;
  std::mutex mutex_;
  std::optional<uint64_t> total_;    ///< bytes in the directory, known after the first write
  std::atomic<uint64_t> writes_{0};  ///< names temporary files apart
};

}  // namespace copilot::llm
