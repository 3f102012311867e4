#pragma once
// One release at a time per environment: a lock file created exclusively,
// naming its holder (host, pid, release, since). A holder that died on this
// host is detected; taking over its lock is still an explicit choice.
#include <filesystem>
#include <optional>
#include <string>

#include "util/result.h"

namespace copilot::release {

struct LockHolder {
  std::string host;
  long pid = 0;
  std::string release;
  std::string since;
  std::string command;
  /// True when the holder ran on this host and is no longer running.
  bool dead = false;
  std::string describe() const;
};

class ReleaseLock {
 public:
  /// Takes the lock at `file` for `release`. When another holder has it, the
  /// error names the holder; `take_over_dead` takes a lock whose holder died on
  /// this host (after a crash) and `force` takes any lock.
  static Result<ReleaseLock> acquire(const std::filesystem::path& file, const std::string& release,
                                     const std::string& command, bool take_over_dead, bool force);
  /// The current holder, if the lock is held.
  static std::optional<LockHolder> holder(const std::filesystem::path& file);

  ReleaseLock(ReleaseLock&& other) noexcept;
  ReleaseLock& operator=(ReleaseLock&&) = delete;
  ~ReleaseLock();

 private:
  explicit ReleaseLock(std::filesystem::path file) : file_(std::move(file)) {}
  std::filesystem::path file_;
};

}  // namespace copilot::release
