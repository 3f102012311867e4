#include "release/engine.h"

#include <fstream>
#include <thread>

namespace copilot::release {
namespace {

/// One release being carried out: the journal, the target and the events.
class Run {
 public:
  Run(Environment& env, Journal& journal, const RunOptions& options, std::string release_id)
      : env_(env), journal_(journal), options_(options), id_(std::move(release_id)) {}

  const ReleaseRecord& record() const { return *journal_.find(id_); }

  void event(const std::string& name, nlohmann::json fields = nlohmann::json::object()) {
    fields["event"] = name;
    fields["environment"] = env_.name;
    fields["release"] = id_;
    fields["time"] = now_rfc3339();
    std::ofstream(env_.audit_file, std::ios::app) << fields.dump() << "\n";
    if (options_.events) options_.events(fields);
  }

  ReleaseContext context(int step) const {
    const ReleaseRecord& r = record();
    return {env_.name, r.id, r.version, r.stable_version, r.strategy, step};
  }

  /// Journals an action as intended, does it, journals it as done.
  Result<void> act(const std::string& action, int step, const Split& split) {
    std::string key = env_.name + "/" + id_ + "/" + (step > 0 ? "step-" + std::to_string(step) + "/" : "") + action;
    if (auto w = journal_.append({{"type", "intent"},
                                  {"release", id_},
                                  {"key", key},
                                  {"action", action},
                                  {"step", step},
                                  {"split", split_json(split)}});
        !w)
      return w.error();
    return finish(PendingAction{key, action, step, split});
  }

  /// Carries out an intended action (again, after a crash) and journals it done.
  Result<void> finish(const PendingAction& pending) {
    ReleaseContext ctx = context(pending.step);
    Result<void> done;
    if (pending.action == "prepare")
      done = env_.target->prepare(ctx);
    else if (pending.action == "promote")
      done = env_.target->promote(ctx);
    else
      done = env_.target->shift(ctx, pending.split);
    if (!done) {
      event("action_failed", {{"action", pending.action}, {"step", pending.step}, {"error", done.error().message}});
      return done;
    }
    if (auto w = journal_.append({{"type", "done"}, {"release", id_}, {"key", pending.key}}); !w) return w.error();
    event(pending.action == "prepare" ? "prepared" : "traffic_shifted", {{"action", pending.action},
                                                                         {"step", pending.step},
                                                                         {"split", split_json(pending.split)},
                                                                         {"served", describe(pending.split)}});
    return {};
  }

  Result<RunResult> end(ReleaseStatus status, const std::string& reason) {
    if (auto w =
            journal_.append({{"type", "end"}, {"release", id_}, {"status", to_string(status)}, {"reason", reason}});
        !w)
      return w.error();
    event("release_" + to_string(status), {{"reason", reason}});
    return result();
  }

  RunResult result() const {
    const ReleaseRecord& r = record();
    return {r.id, r.status, r.reason, r.split.value_or(Split{r.stable_version, "", 0})};
  }

  /// All traffic back on the stable version; the release ends as `status`.
  Result<RunResult> roll_back(ReleaseStatus status, const std::string& reason) {
    const ReleaseRecord& r = record();
    event("rollback_started", {{"reason", reason}});
    if (auto moved = act("rollback", 0, Split{r.stable_version, r.version, 0}); !moved)
      return Error{"rollback failed: " + moved.error().message +
                   " (the release stays open: `copilot release abort` retries)"};
    return end(status, reason);
  }

  Placeholders placeholders(int step, int weight) const {
    const ReleaseRecord& r = record();
    return {{"version", r.version},
            {"stable", r.stable_version},
            {"env", env_.name},
            {"release", r.id},
            {"step", std::to_string(step)},
            {"weight", std::to_string(weight)},
            {"address", env_.target->address_of(r.version)},
            {"stable_address", env_.target->address_of(r.stable_version)}};
  }

  /// Runs the release from wherever its journal says it is.
  Result<RunResult> drive() {
    if (record().pending) {
      PendingAction pending = *record().pending;
      event("action_replayed", {{"action", pending.action}, {"step", pending.step}, {"key", pending.key}});
      if (auto done = finish(pending); !done) {
        if (pending.action == "rollback") return done.error();
        return roll_back(ReleaseStatus::kFailed, done.error().message);
      }
      if (pending.action == "rollback" && record().kind != "rollback")
        return end(ReleaseStatus::kFailed, "rolled back before the runner stopped");
    }
    if (record().kind == "rollback") return drive_rollback();
    const std::vector<int> steps = record().steps;
    if (record().step == 0 && !record().split) {
      if (auto prepared = act("prepare", 0, Split{record().stable_version, record().version, 0}); !prepared)
        return roll_back(ReleaseStatus::kFailed, prepared.error().message);
    }
    for (int i = 1; i <= static_cast<int>(steps.size()); ++i) {
      int weight = steps[i - 1];
      if (record().step < i) {
        event("step_started", {{"step", i}, {"of", steps.size()}, {"weight", weight}});
        if (auto moved = act("shift", i, Split{record().stable_version, record().version, weight}); !moved)
          return roll_back(ReleaseStatus::kFailed, moved.error().message);
      }
      if (record().analysed_step >= i) continue;
      if (record().pause_ms > 0) {
        event("step_paused", {{"step", i}, {"seconds", record().pause_ms / 1000.0}});
        options_.sleep(std::chrono::milliseconds(record().pause_ms));
      }
      StepAnalysis analysis =
          analyse(env_.gates, placeholders(i, weight), options_.sleep, [&](const GateResult& g, const Measurement& m) {
            nlohmann::json f = {{"step", i},
                                {"gate", g.name},
                                {"kind", g.kind},
                                {"outcome", to_string(m.outcome)},
                                {"detail", m.detail}};
            if (m.value) f["value"] = *m.value;
            event("gate_measured", f);
          });
      if (auto w = journal_.append({{"type", "analysis"},
                                    {"release", id_},
                                    {"step", i},
                                    {"outcome", to_string(analysis.outcome)},
                                    {"reason", analysis.reason()}});
          !w)
        return w.error();
      if (analysis.outcome == Outcome::kFail) {
        event("gate_failed", {{"step", i}, {"reason", analysis.reason()}});
        return roll_back(ReleaseStatus::kFailed,
                         "step " + std::to_string(i) + " (" + std::to_string(weight) + "%): " + analysis.reason());
      }
      if (analysis.outcome == Outcome::kInconclusive) {
        std::string reason = "step " + std::to_string(i) + " (" + std::to_string(weight) + "%): " + analysis.reason();
        if (auto w = journal_.append({{"type", "pause"}, {"release", id_}, {"reason", reason}}); !w) return w.error();
        event("release_paused", {{"step", i}, {"reason", reason}});
        return result();
      }
      event("step_passed", {{"step", i}, {"weight", weight}});
    }
    if (auto promoted = act("promote", 0, Split{record().version, "", 0}); !promoted)
      return roll_back(ReleaseStatus::kFailed, promoted.error().message);
    return end(ReleaseStatus::kSucceeded, "");
  }

  Result<RunResult> drive_rollback() {
    if (!record().split || record().split->stable != record().version)
      if (auto moved = act("rollback", 0, Split{record().version, "", 0}); !moved) return moved.error();
    return end(ReleaseStatus::kSucceeded, "");
  }

 private:
  Environment& env_;
  Journal& journal_;
  const RunOptions& options_;
  std::string id_;
};

RunOptions with_defaults(const RunOptions& options) {
  RunOptions o = options;
  if (!o.sleep) o.sleep = [](std::chrono::milliseconds d) { std::this_thread::sleep_for(d); };
  return o;
}

Result<Journal> open_journal(const Environment& env) {
  Journal journal(env.journal_file);
  if (auto loaded = journal.load(); !loaded) return loaded.error();
  return journal;
}

}  // namespace

Result<std::string> serving_version(Environment& env, const Journal& journal) {
  if (auto seen = env.target->observe()) {
    for (const std::string& v : {seen->stable, seen->canary})
      if (v.rfind("unknown", 0) == 0)
        return Error{"the target serves " + v + ", which no version of this environment names; declare it first", true};
    if (!seen->stable.empty()) return seen->canary_weight >= 100 ? seen->canary : seen->stable;
  }
  for (auto it = journal.releases().rbegin(); it != journal.releases().rend(); ++it)
    if (it->split) return it->split->canary_weight >= 100 ? it->split->canary : it->split->stable;
  return std::string();
}

Result<void> preflight(Environment& env, const std::string& version, const std::string& stable) {
  if (auto ok = env.target->check_version(version); !ok) return ok.error();
  Placeholders values = {{"version", version},
                         {"stable", stable},
                         {"env", env.name},
                         {"release", ""},
                         {"step", "0"},
                         {"weight", "0"},
                         {"address", env.target->address_of(version)},
                         {"stable_address", env.target->address_of(stable)}};
  for (const auto& gate : env.gates)
    if (auto ok = gate->validate(values); !ok) return ok.error();
  return {};
}

Result<RunResult> start_release(Environment& env, const StartRequest& request, const RunOptions& given) {
  RunOptions options = with_defaults(given);
  auto journal = open_journal(env);
  if (!journal) return journal.error();
  if (const ReleaseRecord* active = journal->active())
    return Error{"release " + active->id + " of " + active->version + " is still " + to_string(active->status) +
                     " in " + env.name + "; `copilot release resume` or `copilot release abort` it first",
                 true};
  auto serving = serving_version(env, *journal);
  if (!serving) return serving.error();
  std::string stable = *serving;
  if (stable == request.version)
    return Error{env.name + " already serves " + request.version + "; nothing to release", true};
  // Whatever fails before anything moves is the caller's to fix: exit 2.
  if (auto ok = preflight(env, request.version, stable); !ok) return Error{ok.error().message, true};
  std::string id = journal->next_id(env.name);
  auto lock = ReleaseLock::acquire(env.lock_file, id, options.command_line, false, options.break_lock);
  if (!lock) return Error{lock.error().message, true};
  if (stable.empty()) {
    // Nothing serves yet: the first release takes all traffic in one step.
    env.steps = {100};
  }
  nlohmann::json begin = {{"type", "begin"},          {"release", id},
                          {"kind", "release"},        {"version", request.version},
                          {"stable", stable},         {"strategy", env.strategy},
                          {"steps", env.steps},       {"pause_ms", env.pause.count()},
                          {"commit", request.commit}, {"preflight", request.preflight}};
  if (auto w = journal->append(begin); !w) return w.error();
  Run run(env, *journal, options, id);
  run.event("release_started", {{"version", request.version},
                                {"stable", stable},
                                {"strategy", env.strategy},
                                {"steps", env.steps},
                                {"preflight", request.preflight}});
  return run.drive();
}

namespace {

Result<std::pair<Journal, std::string>> active_release(Environment& env) {
  auto journal = open_journal(env);
  if (!journal) return journal.error();
  const ReleaseRecord* active = journal->active();
  if (!active) {
    const ReleaseRecord* last = journal->find("");
    return Error{
        "no release is in progress in " + env.name +
            (last ? " (the last, " + last->id + " of " + last->version + ", " + to_string(last->status) + ")" : ""),
        true};
  }
  std::string id = active->id;
  return std::make_pair(std::move(*journal), id);
}

}  // namespace

Result<RunResult> resume_release(Environment& env, const RunOptions& given) {
  RunOptions options = with_defaults(given);
  auto found = active_release(env);
  if (!found) return found.error();
  auto& [journal, id] = *found;
  auto lock = ReleaseLock::acquire(env.lock_file, id, options.command_line, true, options.break_lock);
  if (!lock) return Error{lock.error().message, true};
  Run run(env, journal, options, id);
  if (journal.find(id)->status == ReleaseStatus::kPaused)
    if (auto w = journal.append({{"type", "resume"}, {"release", id}}); !w) return w.error();
  run.event("release_resumed", {{"step", journal.find(id)->step}});
  return run.drive();
}

Result<RunResult> abort_release(Environment& env, const std::string& reason, const RunOptions& given) {
  RunOptions options = with_defaults(given);
  auto found = active_release(env);
  if (!found) return found.error();
  auto& [journal, id] = *found;
  auto lock = ReleaseLock::acquire(env.lock_file, id, options.command_line, true, options.break_lock);
  if (!lock) return Error{lock.error().message, true};
  Run run(env, journal, options, id);
  if (journal.find(id)->kind == "rollback") return run.drive();  // a rollback is finished, never undone
  return run.roll_back(ReleaseStatus::kAborted, reason.empty() ? "aborted" : reason);
}

Result<RunResult> rollback_release(Environment& env, const std::string& to_release, const RunOptions& given) {
  RunOptions options = with_defaults(given);
  auto journal = open_journal(env);
  if (!journal) return journal.error();
  if (const ReleaseRecord* active = journal->active())
    return Error{"release " + active->id + " is in progress in " + env.name + "; `copilot release abort` rolls it back",
                 true};
  std::string version;
  if (!to_release.empty()) {
    const ReleaseRecord* r = journal->find(to_release);
    if (!r) return Error{"--to: no release '" + to_release + "' in " + env.name, true};
    if (r->status != ReleaseStatus::kSucceeded)
      return Error{
          "--to: release " + to_release + " " + to_string(r->status) + "; only a successful release can be restored",
          true};
    version = r->version;
  } else {
    for (auto it = journal->releases().rbegin(); it != journal->releases().rend() && version.empty(); ++it)
      if (it->kind == "release" && it->status == ReleaseStatus::kSucceeded) version = it->stable_version;
    if (version.empty()) return Error{"no earlier version to roll back to in " + env.name, true};
  }
  auto serving_now = serving_version(env, *journal);
  if (!serving_now) return serving_now.error();
  std::string serving = *serving_now;
  if (auto ok = env.target->check_version(version); !ok) return Error{ok.error().message, true};
  std::string id = journal->next_id(env.name);
  auto lock = ReleaseLock::acquire(env.lock_file, id, options.command_line, false, options.break_lock);
  if (!lock) return Error{lock.error().message, true};
  if (auto w = journal->append({{"type", "begin"},
                                {"release", id},
                                {"kind", "rollback"},
                                {"version", version},
                                {"stable", serving},
                                {"strategy", "rollback"},
                                {"steps", nlohmann::json::array()},
                                {"pause_ms", 0},
                                {"to_release", to_release}});
      !w)
    return w.error();
  Run run(env, *journal, options, id);
  run.event("rollback_started", {{"version", version}, {"from", serving}});
  return run.drive();
}

}  // namespace copilot::release
