#pragma once
// The release journal: every step is written here before it is acted on and
// again once it is done, one JSON object a line, flushed to disk each time.
// A runner killed at any moment leaves a journal from which `status` tells the
// true state and `resume` or `abort` finishes the job. State is never kept
// anywhere else, so it cannot disagree with the journal.
#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "release/target.h"
#include "util/result.h"

namespace copilot::release {

enum class ReleaseStatus { kRunning, kPaused, kSucceeded, kFailed, kAborted, kRolledBack };
std::string to_string(ReleaseStatus status);

/// An action the journal records before and after it happens. Its key is
/// unique per (environment, release, step, action), so replaying it is safe.
struct PendingAction {
  std::string key;
  std::string action;  ///< shift, prepare, promote
  int step = 0;
  Split split;
};

/// One release as the journal tells it.
struct ReleaseRecord {
  std::string id;    ///< "<environment>-<n>"
  std::string kind;  ///< release or rollback
  std::string version;
  std::string stable_version;
  std::string strategy;
  std::vector<int> steps;
  long long pause_ms = 0;
  std::string commit;   ///< git HEAD when it started, for the next risk score
  std::string started;  ///< RFC 3339 UTC
  std::string ended;
  ReleaseStatus status = ReleaseStatus::kRunning;
  std::string reason;                    ///< why it ended or paused
  int step = 0;                          ///< the last step whose shift is done (0: none)
  int analysed_step = 0;                 ///< the last step whose analysis passed
  std::optional<Split> split;            ///< the last split confirmed done
  std::optional<PendingAction> pending;  ///< written as intended, not yet done
  nlohmann::json begin;                  ///< the begin entry, as written

  bool ended_already() const { return !ended.empty(); }
};

/// The journal of one environment.
class Journal {
 public:
  explicit Journal(std::filesystem::path file) : file_(std::move(file)) {}

  /// Reads every entry; a torn last line (a crash mid-write) is ignored, any
  /// other malformed line is an error naming the file and line.
  Result<void> load();

  /// Appends an entry (with "time" added) and flushes it to disk before returning.
  Result<void> append(nlohmann::json entry);

  const std::vector<ReleaseRecord>& releases() const { return releases_; }
  /// The release that has begun and not ended, if any.
  const ReleaseRecord* active() const;
  /// A release by id, or the newest when `id` is empty.
  const ReleaseRecord* find(const std::string& id) const;
  /// The id the next release gets.
  std::string next_id(const std::string& environment) const;
  const std::filesystem::path& file() const { return file_; }

 private:
  void apply(const nlohmann::json& entry);

  std::filesystem::path file_;
  std::vector<ReleaseRecord> releases_;
};

nlohmann::json split_json(const Split& split);
Split split_from_json(const nlohmann::json& j);
std::string describe(const Split& split);
std::string now_rfc3339();

}  // namespace copilot::release
