#pragma once
// copilot release, resume, abort and rollback. Every action is journaled as
// intended before the target is touched and as done after, under a lock that
// allows one release per environment; a failed analysis puts all traffic back
// on the stable version at once.
#include <chrono>
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "release/environment.h"
#include "release/journal.h"
#include "release/lock.h"

namespace copilot::release {

/// Receives every event: {"event": ..., "environment": ..., "release": ..., "time": ...}.
using EventSink = std::function<void(const nlohmann::json&)>;

struct RunOptions {
  std::string command_line;  ///< recorded in the lock, for whoever finds it held
  bool break_lock = false;   ///< take the lock whatever its holder
  EventSink events;
  /// Waits between steps and measurements; a seam for tests.
  std::function<void(std::chrono::milliseconds)> sleep;
};

struct StartRequest {
  std::string version;
  std::string commit;        ///< git HEAD, recorded for the next release's risk score
  nlohmann::json preflight;  ///< readiness and risk results, recorded in the begin entry
};

struct RunResult {
  std::string release_id;
  ReleaseStatus status = ReleaseStatus::kRunning;
  std::string reason;
  Split split;
};

/// Checks everything that can be checked before traffic moves: the version
/// exists on the target and every analysis gate can be measured.
Result<void> preflight(Environment& env, const std::string& version, const std::string& stable);

/// The version serving now: what the target reports, else what the journal
/// says the last release left ("" when nothing has been released). A target
/// serving an address no version names is an error.
Result<std::string> serving_version(Environment& env, const Journal& journal);

Result<RunResult> start_release(Environment& env, const StartRequest& request, const RunOptions& options);
Result<RunResult> resume_release(Environment& env, const RunOptions& options);
Result<RunResult> abort_release(Environment& env, const std::string& reason, const RunOptions& options);
/// Puts `to_release`'s version (default: the version before the newest
/// successful release) back on all traffic, as a release of its own.
Result<RunResult> rollback_release(Environment& env, const std::string& to_release, const RunOptions& options);

struct StatusReport {
  std::string environment;
  std::optional<ReleaseRecord> release;  ///< the active one, else the newest
  bool active = false;
  std::optional<Split> observed;  ///< what the target serves now
  std::string observe_error;
  std::optional<LockHolder> lock;
  /// True when the target serves what the journal says it should.
  bool consistent = true;
  std::string note;  ///< what to do next, when anything
};

Result<StatusReport> release_status(Environment& env);
nlohmann::json to_json(const StatusReport& report);
std::string to_text(const StatusReport& report);

}  // namespace copilot::release
