// The release engine driven through the command target: scripts keep the
// split in a file, so each test can see what the target was told to serve.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include "config/config.h"
#include "release/analysis.h"
#include "release/engine.h"
#include "release/lock.h"
#include "release/settings_reader.h"
#include "test_support.h"
#include "util/files.h"

namespace copilot::release {
namespace {

using testing::TempDir;

// Scripts for a command target whose served split lives in served.json.
std::string command_config(const TempDir& dir, const std::string& gate_script, const std::string& extra = "") {
  std::string served = (dir.path() / "served.json").string();
  return "release:\n"
         "  environments:\n"
         "    prod:\n"
         "      target:\n"
         "        kind: command\n"
         "        shift: 'printf \"{\\\"stable\\\":\\\"%s\\\",\\\"canary\\\":\\\"%s\\\",\\\"canary_weight\\\":%s}\" "
         "\"$COPILOT_RELEASE_SPLIT_STABLE\" \"$COPILOT_RELEASE_SPLIT_CANARY\" \"$COPILOT_RELEASE_CANARY_WEIGHT\" > " +
         served +
         "'\n"
         "        observe: 'cat " +
         served +
         "'\n"
         "        check_version: 'case \"$COPILOT_RELEASE_VERSION\" in v*) exit 0;; *) echo no such version; exit 1;; "
         "esac'\n"
         "      steps: [20, 60, 100]\n"
         "      pause: 0s\n"
         "      analysis:\n"
         "        - {name: check, kind: command, run: '" +
         gate_script + "'}\n" + extra;
}

struct Fixture {
  TempDir dir;
  config::Config config;
  std::vector<nlohmann::json> events;
  RunOptions options;

  explicit Fixture(const std::string& gate_script, const std::string& extra = "") {
    dir.write("served.json", R"({"stable":"v1","canary":"","canary_weight":0})");
    auto parsed = config::parse(command_config(dir, gate_script, extra), "test.yaml");
    EXPECT_TRUE(parsed.ok()) << (parsed.ok() ? "" : parsed.error().message);
    if (parsed) config = *parsed;
    options.events = [this](const nlohmann::json& e) { events.push_back(e); };
    options.sleep = [](std::chrono::milliseconds) {};
  }
  Environment env(StrategyChoice choice = {}) {
    auto e = open_environment(config, dir.path(), "prod", choice);
    EXPECT_TRUE(e.ok()) << (e.ok() ? "" : e.error().message);
    return std::move(*e);
  }
  std::string served() { return *util::read_file(dir.path() / "served.json"); }
  int count(const std::string& event) {
    int n = 0;
    for (const auto& e : events) n += e["event"] == event;
    return n;
  }
};

TEST(ReleaseEngine, PromotesThroughEveryStep) {
  Fixture f("exit 0");
  Environment env = f.env();
  auto result = start_release(env, {"v2", "", nlohmann::json::object()}, f.options);
  ASSERT_TRUE(result.ok()) << result.error().message;
  EXPECT_EQ(result->status, ReleaseStatus::kSucceeded);
  EXPECT_EQ(f.served(), R"({"stable":"v2","canary":"","canary_weight":0})");
  EXPECT_EQ(f.count("step_passed"), 3);
  EXPECT_EQ(f.count("traffic_shifted"), 4);  // three steps and the promotion
  auto status = release_status(env);
  ASSERT_TRUE(status.ok());
  EXPECT_TRUE(status->consistent);
  EXPECT_FALSE(status->active);
}

TEST(ReleaseEngine, FailedGateRollsBackAndRecordsWhy) {
  // The gate fails once the canary has 60%.
  Fixture f("[ \"$COPILOT_RELEASE_WEIGHT\" -lt 60 ] || { echo error rate 7%; exit 1; }");
  Environment env = f.env();
  auto result = start_release(env, {"v2", "", nlohmann::json::object()}, f.options);
  ASSERT_TRUE(result.ok()) << result.error().message;
  EXPECT_EQ(result->status, ReleaseStatus::kFailed);
  EXPECT_NE(result->reason.find("step 2 (60%): check failed: exit 1: error rate 7%"), std::string::npos)
      << result->reason;
  EXPECT_EQ(f.served(), R"({"stable":"v1","canary":"v2","canary_weight":0})");
  EXPECT_EQ(f.count("gate_failed"), 1);
  Journal journal(env.journal_file);
  ASSERT_TRUE(journal.load().ok());
  EXPECT_EQ(journal.find("prod-1")->status, ReleaseStatus::kFailed);
}

TEST(ReleaseEngine, InconclusivePausesAndResumeMeasuresAgain) {
  Fixture f("[ -f go ] && exit 0; exit 3");
  Environment env = f.env();
  auto paused = start_release(env, {"v2", "", nlohmann::json::object()}, f.options);
  ASSERT_TRUE(paused.ok());
  EXPECT_EQ(paused->status, ReleaseStatus::kPaused);
  EXPECT_EQ(f.served(), R"({"stable":"v1","canary":"v2","canary_weight":20})");
  // Another release cannot start while this one is paused.
  auto second = start_release(env, {"v3", "", nlohmann::json::object()}, f.options);
  ASSERT_FALSE(second.ok());
  EXPECT_NE(second.error().message.find("still paused"), std::string::npos);
  f.dir.write("go", "");
  // Gate commands run in the repository root.
  auto resumed = resume_release(env, f.options);
  ASSERT_TRUE(resumed.ok()) << resumed.error().message;
  EXPECT_EQ(resumed->status, ReleaseStatus::kSucceeded);
}

TEST(ReleaseEngine, AbortAndRollbackPutTheOldVersionBack) {
  Fixture f("exit 3");
  Environment env = f.env();
  ASSERT_EQ(start_release(env, {"v2", "", nlohmann::json::object()}, f.options)->status, ReleaseStatus::kPaused);
  auto aborted = abort_release(env, "operator said so", f.options);
  ASSERT_TRUE(aborted.ok());
  EXPECT_EQ(aborted->status, ReleaseStatus::kAborted);
  EXPECT_EQ(f.served(), R"({"stable":"v1","canary":"v2","canary_weight":0})");

  Fixture g("exit 0");
  Environment env2 = g.env();
  ASSERT_EQ(start_release(env2, {"v2", "", nlohmann::json::object()}, g.options)->status, ReleaseStatus::kSucceeded);
  ASSERT_EQ(start_release(env2, {"v3", "", nlohmann::json::object()}, g.options)->status, ReleaseStatus::kSucceeded);
  auto back = rollback_release(env2, "", g.options);
  ASSERT_TRUE(back.ok()) << back.error().message;
  EXPECT_EQ(g.served(), R"({"stable":"v2","canary":"","canary_weight":0})");
  auto to_first = rollback_release(env2, "prod-1", g.options);
  ASSERT_TRUE(to_first.ok());
  EXPECT_EQ(g.served(), R"({"stable":"v2","canary":"","canary_weight":0})") << "prod-1 released v2";
  auto missing = rollback_release(env2, "prod-99", g.options);
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.error().message.find("no release 'prod-99'"), std::string::npos);
}

TEST(ReleaseEngine, ReplaysAnActionIntendedButNotDone) {
  Fixture f("exit 0");
  Environment env = f.env();
  // A runner died after writing the intent for step 1 and before acting on it.
  Journal journal(env.journal_file);
  ASSERT_TRUE(journal
                  .append({{"type", "begin"},
                           {"release", "prod-1"},
                           {"kind", "release"},
                           {"version", "v2"},
                           {"stable", "v1"},
                           {"strategy", "canary"},
                           {"steps", {20, 60, 100}},
                           {"pause_ms", 0}})
                  .ok());
  ASSERT_TRUE(journal
                  .append({{"type", "intent"},
                           {"release", "prod-1"},
                           {"key", "prod/prod-1/step-1/shift"},
                           {"action", "shift"},
                           {"step", 1},
                           {"split", split_json({"v1", "v2", 20})}})
                  .ok());
  auto status = release_status(env);
  ASSERT_TRUE(status.ok());
  EXPECT_FALSE(status->consistent);
  EXPECT_NE(status->note.find("not confirmed"), std::string::npos);
  EXPECT_EQ(describe(*status->observed), "100% v1");
  auto resumed = resume_release(env, f.options);
  ASSERT_TRUE(resumed.ok()) << resumed.error().message;
  EXPECT_EQ(resumed->status, ReleaseStatus::kSucceeded);
  EXPECT_EQ(f.count("action_replayed"), 1);
}

TEST(ReleaseEngine, ChecksBeforeActing) {
  Fixture f("exit 0");
  Environment env = f.env();
  auto bad = start_release(env, {"2.0", "", nlohmann::json::object()}, f.options);
  ASSERT_FALSE(bad.ok());
  EXPECT_TRUE(bad.error().usage);
  EXPECT_NE(bad.error().message.find("no such version"), std::string::npos);
  auto same = start_release(env, {"v1", "", nlohmann::json::object()}, f.options);
  ASSERT_FALSE(same.ok());
  EXPECT_NE(same.error().message.find("already serves v1"), std::string::npos);
  EXPECT_FALSE(std::filesystem::exists(env.journal_file));
}

TEST(ReleaseEnvironment, ErrorsNameWhereTheyCameFrom) {
  Fixture f("exit 0");
  auto unknown = open_environment(f.config, f.dir.path(), "qa", {});
  ASSERT_FALSE(unknown.ok());
  EXPECT_NE(unknown.error().message.find("unknown environment 'qa'"), std::string::npos);
  EXPECT_NE(unknown.error().message.find("declared: prod"), std::string::npos);
  auto steps = open_environment(f.config, f.dir.path(), "prod", {std::nullopt, {10, 50}, std::nullopt});
  ASSERT_FALSE(steps.ok());
  EXPECT_NE(steps.error().message.find("--steps: the last step must be 100"), std::string::npos)
      << steps.error().message;
  auto bg = open_environment(f.config, f.dir.path(), "prod", {"blue-green", {}, std::nullopt});
  ASSERT_TRUE(bg.ok());
  EXPECT_EQ(bg->steps, (std::vector<int>{0, 100}));

  std::string with_typo = command_config(f.dir, "exit 0");
  with_typo.replace(with_typo.find("run: 'exit 0'}"), 14, "run: 'exit 0', retries: 3}");
  auto typo = config::parse(with_typo, "typo.yaml");
  ASSERT_TRUE(typo.ok());
  auto env = open_environment(*typo, f.dir.path(), "prod", {});
  ASSERT_FALSE(env.ok());
  EXPECT_NE(env.error().message.find("typo.yaml:12: key 'release.environments.prod.analysis[0].retries': unknown"),
            std::string::npos)
      << env.error().message;
  auto kind = config::parse("release:\n  environments:\n    x:\n      target: {kind: ftp}\n", "k.yaml");
  ASSERT_TRUE(kind.ok());
  auto k = open_environment(*kind, f.dir.path(), "x", {});
  ASSERT_FALSE(k.ok());
  EXPECT_NE(k.error().message.find("k.yaml:4: key 'release.environments.x.target.kind': unknown target kind 'ftp'"),
            std::string::npos)
      << k.error().message;
}

// A gate that replays a script of outcomes.
class ScriptedGate : public AnalysisGate {
 public:
  explicit ScriptedGate(std::vector<Outcome> script) : script_(std::move(script)) {
    name = "scripted";
    kind = "test";
  }
  Result<void> validate(const Placeholders&) override { return {}; }
  Measurement measure(const Placeholders&) override {
    Outcome o = taken < script_.size() ? script_[taken] : Outcome::kPass;
    ++taken;
    return {o, std::nullopt, to_string(o)};
  }
  size_t taken = 0;

 private:
  std::vector<Outcome> script_;
};

Outcome run_gate(std::vector<Outcome> script, int count, int failure_limit, int inconclusive_limit, size_t* taken) {
  std::vector<std::unique_ptr<AnalysisGate>> gates;
  auto gate = std::make_unique<ScriptedGate>(std::move(script));
  gate->count = count;
  gate->failure_limit = failure_limit;
  gate->inconclusive_limit = inconclusive_limit;
  ScriptedGate* raw = gate.get();
  gates.push_back(std::move(gate));
  int sleeps = 0;
  auto result = analyse(
      gates, {}, [&](std::chrono::milliseconds) { ++sleeps; }, nullptr);
  *taken = raw->taken;
  EXPECT_EQ(sleeps, static_cast<int>(raw->taken) - 1);
  return result.outcome;
}

TEST(ReleaseAnalysis, LimitsDecideLikeAnAnalysisRun) {
  using O = Outcome;
  size_t taken = 0;
  EXPECT_EQ(run_gate({O::kPass, O::kPass}, 2, 0, 0, &taken), O::kPass);
  EXPECT_EQ(taken, 2u);
  EXPECT_EQ(run_gate({O::kFail}, 3, 0, 0, &taken), O::kFail);
  EXPECT_EQ(taken, 1u) << "no failure allowed: the first one decides";
  EXPECT_EQ(run_gate({O::kFail, O::kPass, O::kFail, O::kPass}, 3, 1, 0, &taken), O::kPass);
  EXPECT_EQ(run_gate({O::kPass, O::kFail, O::kFail}, 3, 1, 0, &taken), O::kFail);
  EXPECT_EQ(taken, 3u) << "two consecutive failures exceed a limit of one";
  EXPECT_EQ(run_gate({O::kPass, O::kFail}, 2, 1, 0, &taken), O::kPass);
  EXPECT_EQ(taken, 3u) << "a failure within the limit is measured again, not accepted";
  EXPECT_EQ(run_gate({O::kInconclusive}, 1, 0, 0, &taken), O::kInconclusive);
  EXPECT_EQ(run_gate({O::kInconclusive, O::kInconclusive, O::kPass}, 1, 0, 2, &taken), O::kPass);
  EXPECT_EQ(taken, 3u);
}

TEST(ReleaseAnalysis, PlaceholdersExpandAndUnknownOnesStay) {
  EXPECT_EQ(expand("http://{{address}}/health?v={{ version }}&x={{nope}}", {{"address", "a:1"}, {"version", "v2"}}),
            "http://a:1/health?v=v2&x={{nope}}");
}

TEST(ReleaseJournal, TornLastLineIsIgnoredOtherDamageIsReported) {
  TempDir dir;
  dir.write("j.jsonl", "{\"type\":\"begin\",\"release\":\"p-1\",\"version\":\"v2\"}\n{\"type\":\"inte");
  Journal torn(dir.path() / "j.jsonl");
  ASSERT_TRUE(torn.load().ok());
  ASSERT_EQ(torn.releases().size(), 1u);
  // Appending after a torn line starts a fresh line.
  ASSERT_TRUE(torn.append({{"type", "end"}, {"release", "p-1"}, {"status", "aborted"}}).ok());
  Journal reread(dir.path() / "j.jsonl");
  ASSERT_TRUE(reread.load().ok());
  EXPECT_EQ(reread.find("p-1")->status, ReleaseStatus::kAborted);

  dir.write("k.jsonl", "{\"type\":\"begin\",\"release\":\"p-1\"}\nnot json\n{\"type\":\"end\",\"release\":\"p-1\"}\n");
  Journal damaged(dir.path() / "k.jsonl");
  auto loaded = damaged.load();
  ASSERT_FALSE(loaded.ok());
  EXPECT_NE(loaded.error().message.find("k.jsonl:2:"), std::string::npos);
}

TEST(ReleaseLock, OneHolderAtATimeAndDeadHoldersCanBeTakenOver) {
  TempDir dir;
  auto file = dir.path() / "lock";
  {
    auto first = ReleaseLock::acquire(file, "prod-1", "copilot release", false, false);
    ASSERT_TRUE(first.ok());
    auto second = ReleaseLock::acquire(file, "prod-2", "copilot release", true, false);
    ASSERT_FALSE(second.ok()) << "a live holder is never taken over without --break-lock";
    EXPECT_NE(second.error().message.find("prod-1 (pid " + std::to_string(::getpid())), std::string::npos);
  }
  EXPECT_FALSE(std::filesystem::exists(file)) << "released when the holder ends";

  pid_t child = ::fork();
  if (child == 0) ::_exit(0);
  ::waitpid(child, nullptr, 0);
  char host[256] = {};
  ::gethostname(host, sizeof host - 1);
  dir.write("lock", nlohmann::json({{"host", host}, {"pid", child}, {"release", "prod-1"}, {"since", "x"}}).dump());
  auto holder = ReleaseLock::holder(file);
  ASSERT_TRUE(holder.has_value());
  EXPECT_TRUE(holder->dead);
  EXPECT_FALSE(ReleaseLock::acquire(file, "prod-2", "", false, false).ok());
  EXPECT_TRUE(ReleaseLock::acquire(file, "prod-1", "", true, false).ok());
}

TEST(ReleaseSettings, DurationsAndCommands) {
  EXPECT_EQ(parse_duration("500ms"), std::chrono::milliseconds(500));
  EXPECT_EQ(parse_duration("2m"), std::chrono::milliseconds(120000));
  EXPECT_EQ(parse_duration("1.5"), std::chrono::milliseconds(1500));
  EXPECT_FALSE(parse_duration("soon").has_value());
  EXPECT_FALSE(parse_duration("-1s").has_value());
  nlohmann::json values = {{"run", "echo hi"}, {"argv", {"a", "b"}}, {"n", "x"}};
  SettingsReader r(values, "f.yaml:3", "gate");
  EXPECT_EQ(*r.command("run"), (std::vector<std::string>{"/bin/sh", "-c", "echo hi"}));
  EXPECT_EQ(*r.command("argv"), (std::vector<std::string>{"a", "b"}));
  EXPECT_FALSE(r.number("n").has_value());
  auto done = r.finish();
  ASSERT_FALSE(done.ok());
  EXPECT_EQ(done.error().message, "f.yaml:3: key 'gate.n': must be a number");
}

}  // namespace
}  // namespace copilot::release
