// `copilot release status`: what the journal says and what the target
// actually serves, side by side, and what to do when they differ.
#include <map>
#include <sstream>

#include "release/engine.h"

namespace copilot::release {

namespace {

/// Splits that send the same share of traffic to the same versions, however
/// written: {v1, v2, 100} serves what {v2, v1, 0} serves.
bool same_traffic(const Split& a, const Split& b) {
  auto shares = [](const Split& s) {
    std::map<std::string, int> m;
    int canary = s.canary.empty() ? 0 : s.canary_weight;
    if (100 - canary > 0) m[s.stable] += 100 - canary;
    if (canary > 0) m[s.canary] += canary;
    return m;
  };
  return shares(a) == shares(b);
}

}  // namespace

Result<StatusReport> release_status(Environment& env) {
  StatusReport report;
  report.environment = env.name;
  Journal journal(env.journal_file);
  if (auto loaded = journal.load(); !loaded) return loaded.error();
  if (const ReleaseRecord* active = journal.active()) {
    report.release = *active;
    report.active = true;
  } else if (const ReleaseRecord* last = journal.find("")) {
    report.release = *last;
  }
  report.lock = ReleaseLock::holder(env.lock_file);
  auto seen = env.target->observe();
  if (seen)
    report.observed = *seen;
  else
    report.observe_error = seen.error().message;

  const ReleaseRecord* r = report.release ? &*report.release : nullptr;
  if (r && r->pending) {
    report.consistent = false;
    bool applied = report.observed && *report.observed == r->pending->split;
    report.note = "an action was started and not confirmed (" + r->pending->action + " to " +
                  describe(r->pending->split) + "); the target serves " +
                  (report.observed ? describe(*report.observed) : "an unknown split") +
                  (applied ? ", so it took effect" : "") +
                  ". `copilot release resume` repeats it and carries on; `copilot release abort` rolls back";
  } else if (r && r->split && report.observed && !same_traffic(*r->split, *report.observed)) {
    report.consistent = false;
    report.note = "the target serves " + describe(*report.observed) + " but the journal expects " +
                  describe(*r->split) + "; something outside copilot changed it";
  }
  if (report.consistent && r && report.active) {
    if (r->status == ReleaseStatus::kPaused)
      report.note = "paused: " + r->reason +
                    ". `copilot release resume` measures the step again; `copilot release abort` rolls back";
    else if (report.lock && report.lock->dead)
      report.note = "the runner of this release stopped (" + report.lock->describe() +
                    "); `copilot release resume` carries on, `copilot release abort` rolls back";
  }
  return report;
}

nlohmann::json to_json(const StatusReport& report) {
  nlohmann::json j = {
      {"environment", report.environment}, {"active", report.active}, {"consistent", report.consistent}};
  if (report.release) {
    const ReleaseRecord& r = *report.release;
    j["release"] = {{"id", r.id},
                    {"kind", r.kind},
                    {"version", r.version},
                    {"stable_version", r.stable_version},
                    {"strategy", r.strategy},
                    {"steps", r.steps},
                    {"step", r.step},
                    {"status", to_string(r.status)},
                    {"reason", r.reason},
                    {"started", r.started},
                    {"ended", r.ended}};
    if (r.split) j["release"]["split"] = split_json(*r.split);
    if (r.pending)
      j["release"]["pending"] = {{"action", r.pending->action},
                                 {"key", r.pending->key},
                                 {"step", r.pending->step},
                                 {"split", split_json(r.pending->split)}};
  }
  if (report.observed) j["served"] = split_json(*report.observed);
  if (!report.observe_error.empty()) j["observe_error"] = report.observe_error;
  if (report.lock)
    j["lock"] = {{"release", report.lock->release},
                 {"pid", report.lock->pid},
                 {"host", report.lock->host},
                 {"since", report.lock->since},
                 {"holder_running", !report.lock->dead}};
  if (!report.note.empty()) j["note"] = report.note;
  return j;
}

std::string to_text(const StatusReport& report) {
  std::ostringstream out;
  out << "environment " << report.environment << "\n";
  if (report.observed)
    out << "  serving:  " << describe(*report.observed) << "\n";
  else
    out << "  serving:  unknown (" << report.observe_error << ")\n";
  if (report.release) {
    const ReleaseRecord& r = *report.release;
    out << "  release:  " << r.id << " (" << r.kind << ") " << r.version;
    if (!r.stable_version.empty()) out << " over " << r.stable_version;
    out << ", " << to_string(r.status);
    if (r.kind == "release" && !r.steps.empty())
      out << ", step " << r.step << " of " << r.steps.size() << " (" << r.strategy << ")";
    out << "\n";
    if (!r.reason.empty()) out << "  reason:   " << r.reason << "\n";
    out << "  started:  " << r.started << (r.ended.empty() ? "" : ", ended " + r.ended) << "\n";
  } else {
    out << "  release:  none yet\n";
  }
  if (report.lock) out << "  lock:     held by " << report.lock->describe() << "\n";
  if (!report.note.empty()) out << "  note:     " << report.note << "\n";
  return out.str();
}

}  // namespace copilot::release
