#pragma once
// Where a release moves traffic: one small interface, one file per kind
// (nginx, kubernetes, command), one row in targets.cpp. Every operation is
// absolute and idempotent ("serve 25% from V"), never relative ("add 15%"),
// so a release journal can replay the last intended step after a crash.
#include <chrono>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "util/result.h"

namespace copilot::release {

/// How traffic is divided: `canary_weight` percent (0..100) goes to `canary`,
/// the rest to `stable`. With no canary, all of it goes to `stable`.
struct Split {
  std::string stable;
  std::string canary;
  int canary_weight = 0;
  bool operator==(const Split&) const = default;
};

/// What a target is told about the release it acts for; the command target
/// passes it to scripts as COPILOT_RELEASE_* variables.
struct ReleaseContext {
  std::string environment;
  std::string release_id;
  std::string version;         ///< the version being released
  std::string stable_version;  ///< the version serving before it ("" on a first release)
  std::string strategy;
  int step = 0;  ///< 1-based step number, 0 before the first
};

class Target {
 public:
  virtual ~Target() = default;

  /// Fails (with a message naming the version) when `version` cannot be served
  /// by this target, before anything is changed.
  virtual Result<void> check_version(const std::string& version) = 0;

  /// Makes `ctx.version` ready to take traffic without giving it any
  /// (deploy the idle colour, scale up the canary). Idempotent.
  virtual Result<void> prepare(const ReleaseContext& ctx) = 0;

  /// Serves `split`. The change is validated before it takes effect; when
  /// validation fails nothing is changed and the error says why.
  virtual Result<void> shift(const ReleaseContext& ctx, const Split& split) = 0;

  /// Makes `ctx.version` the only version served and retires the old one
  /// where the strategy allows (blue-green keeps it for instant rollback).
  virtual Result<void> promote(const ReleaseContext& ctx) = 0;

  /// The split the target serves now, read from the target itself.
  virtual Result<Split> observe() = 0;

  /// The address at which one version can be probed directly ("" if unknown),
  /// for analysis gates that judge the canary alone.
  virtual std::string address_of(const std::string& version) const = 0;
};

/// A target's settings: the `target:` mapping of an environment, as JSON, and
/// where it came from so errors can name the file, line and key.
struct TargetSettings {
  nlohmann::json values;            ///< includes "kind"
  std::string origin;               ///< "FILE:LINE" of the mapping
  std::string key;                  ///< dotted key, e.g. "release.environments.prod.target"
  std::filesystem::path root;       ///< repository root; relative paths resolve against it
  std::filesystem::path state_dir;  ///< the environment's own state folder, for what a target must remember
};

/// Builds the target a `kind` names, checking its settings (unknown keys,
/// wrong types, missing fields are errors naming the key).
Result<std::unique_ptr<Target>> make_target(const TargetSettings& settings);

/// The kinds make_target knows, for messages and documentation.
std::vector<std::string> target_kinds();

}  // namespace copilot::release
