// The command target: the user's own scripts deploy, shift, promote and
// report, with the release in COPILOT_RELEASE_* variables. copilot keeps the
// journal, gates and rollback; the scripts only move traffic.
#include <map>

#include "release/settings_reader.h"
#include "release/target.h"
#include "release/targets.h"
#include "util/process.h"

namespace copilot::release {
namespace {

struct Commands {
  std::optional<std::vector<std::string>> check_version, prepare, shift, promote, observe;
  std::map<std::string, std::string> addresses;
  std::chrono::milliseconds timeout{std::chrono::minutes(10)};
  std::filesystem::path cwd;
};

class CommandTarget : public Target {
 public:
  explicit CommandTarget(Commands commands) : c_(std::move(commands)) {}

  Result<void> check_version(const std::string& version) override {
    if (!c_.check_version) return {};
    ReleaseContext ctx;
    ctx.version = version;
    auto r = run("check_version", *c_.check_version, ctx, nullptr);
    if (!r) return Error{r.error().message, true};
    return {};
  }

  Result<void> prepare(const ReleaseContext& ctx) override {
    if (!c_.prepare) return {};
    auto r = run("prepare", *c_.prepare, ctx, nullptr);
    if (!r) return r.error();
    return {};
  }

  Result<void> shift(const ReleaseContext& ctx, const Split& split) override {
    auto r = run("shift", *c_.shift, ctx, &split);
    if (!r) return r.error();
    return {};
  }

  Result<void> promote(const ReleaseContext& ctx) override {
    Split all{ctx.version, "", 0};
    auto r = run(c_.promote ? "promote" : "shift", c_.promote ? *c_.promote : *c_.shift, ctx, &all);
    if (!r) return r.error();
    return {};
  }

  Result<Split> observe() override {
    if (!c_.observe) return Error{"the command target has no `observe` command, so the served split is unknown"};
    auto out = run("observe", *c_.observe, ReleaseContext{}, nullptr);
    if (!out) return out.error();
    try {
      auto j = nlohmann::json::parse(*out);
      if (!j.is_object() || !j.contains("stable"))
        return Error{"observe: expected a JSON object with stable, canary and canary_weight"};
      return Split{j.value("stable", ""), j.value("canary", ""), j.value("canary_weight", 0)};
    } catch (const nlohmann::json::exception&) {
      return Error{"observe: the command did not print JSON (stable, canary, canary_weight)"};
    }
  }

  std::string address_of(const std::string& version) const override {
    auto it = c_.addresses.find(version);
    return it == c_.addresses.end() ? "" : it->second;
  }

 private:
  Result<std::string> run(const char* name, const std::vector<std::string>& argv, const ReleaseContext& ctx,
                          const Split* split) const {
    util::ProcessRequest request;
    request.argv = argv;
    request.cwd = c_.cwd;
    request.timeout = c_.timeout;
    request.env = {{"COPILOT_RELEASE_ENV", ctx.environment},   {"COPILOT_RELEASE_ID", ctx.release_id},
                   {"COPILOT_RELEASE_VERSION", ctx.version},   {"COPILOT_RELEASE_STABLE_VERSION", ctx.stable_version},
                   {"COPILOT_RELEASE_STRATEGY", ctx.strategy}, {"COPILOT_RELEASE_STEP", std::to_string(ctx.step)}};
    if (split) {
      request.env["COPILOT_RELEASE_SPLIT_STABLE"] = split->stable;
      request.env["COPILOT_RELEASE_SPLIT_CANARY"] = split->canary;
      request.env["COPILOT_RELEASE_CANARY_WEIGHT"] = std::to_string(split->canary_weight);
    }
    auto result = util::run_process(request);
    if (!result) return Error{std::string("command target: cannot run `") + name + "`: " + result.error().message};
    if (result->timed_out) return Error{std::string("command target: `") + name + "` timed out"};
    if (result->exit_code != 0) {
      std::string output = result->err.empty() ? result->out : result->err;
      while (!output.empty() && output.back() == '\n') output.pop_back();
      return Error{std::string("command target: `") + name + "` failed (exit " + std::to_string(result->exit_code) +
                   ")" + (output.empty() ? "" : ": " + output)};
    }
    return result->out;
  }

  Commands c_;
};

}  // namespace

Result<std::unique_ptr<Target>> make_command_target(const TargetSettings& settings) {
  SettingsReader r(settings.values, settings.origin, settings.key);
  r.string("kind");
  Commands c;
  c.check_version = r.command("check_version");
  c.prepare = r.command("prepare");
  c.shift = r.command("shift", true);
  c.promote = r.command("promote");
  c.observe = r.command("observe");
  if (auto addresses = r.string_map("addresses")) c.addresses = {addresses->begin(), addresses->end()};
  if (auto timeout = r.duration("timeout")) c.timeout = *timeout;
  if (auto done = r.finish(); !done) return Error{done.error().message, true};
  c.cwd = settings.root;
  return std::unique_ptr<Target>(std::make_unique<CommandTarget>(std::move(c)));
}

}  // namespace copilot::release
