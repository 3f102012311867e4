// Kubernetes with Deployments. Three ways to move traffic, all through one
// Service or none:
// - canary: `canary_deployment` runs the new version beside `deployment`;
//   both match the Service, so the canary's share of the replicas is its share
//   of the traffic (25% of 4 replicas is 1 canary pod);
// - blue-green (strategy "blue-green"): the two Deployments are the colours,
//   and the Service selector is switched to the one running the version;
// - rolling: only `deployment`, which is updated in place when it takes 100%.
// The Argo Rollout variant lives in target_kubernetes_rollout.cpp.
#include "release/target_kubernetes.h"

#include <algorithm>
#include <cmath>
#include <optional>

#include "release/kube_settings.h"
#include "release/target_kubernetes_rollout.h"

namespace copilot::release {
namespace {

using nlohmann::json;

struct DeploymentState {
  std::string version;
  int replicas = 0;
  json selector;  ///< spec.selector.matchLabels
  json labels;    ///< spec.template.metadata.labels
};

/// True when every key of `selector` has the same value in `labels`.
bool selects(const json& selector, const json& labels) {
  if (!selector.is_object() || selector.empty() || !labels.is_object()) return false;
  for (const auto& [key, value] : selector.items())
    if (!labels.contains(key) || labels[key] != value) return false;
  return true;
}

class DeploymentTarget : public Target {
 public:
  explicit DeploymentTarget(KubeSettings settings) : s_(std::move(settings)), kube_(s_.client()) {}

  Result<void> check_version(const std::string& version) override { return check_image_version(s_, version); }

  Result<void> prepare(const ReleaseContext& ctx) override {
    auto stable = read(s_.deployment);
    if (!stable) return stable.error();
    if (s_.canary_deployment.empty()) return {};  // a rolling update has nothing to prepare
    auto canary = read(s_.canary_deployment);
    if (!canary) return canary.error();
    if (ctx.strategy == "blue-green") return prepare_colour(ctx, *stable, *canary);
    if (canary->version == ctx.version) return {};  // prepared already: a replayed step keeps its replicas
    // The canary's pods (an earlier version) go back to the stable Deployment, and it waits at zero.
    std::vector<KubePatch> patches;
    if (canary->replicas > 0) patches.push_back(scale(s_.deployment, stable->replicas + canary->replicas));
    patches.push_back(set_image(s_.canary_deployment, ctx.version, 0));
    return kube_.apply(patches);
  }

  Result<void> shift(const ReleaseContext& ctx, const Split& split) override {
    if (split.canary_weight < 0 || split.canary_weight > 100)
      return Error{"canary weight " + std::to_string(split.canary_weight) + " is not a percentage"};
    if (s_.canary_deployment.empty()) return shift_rolling(split);
    auto stable = read(s_.deployment);
    if (!stable) return stable.error();
    auto canary = read(s_.canary_deployment);
    if (!canary) return canary.error();
    if (ctx.strategy == "blue-green") {
      const std::string& version = split.canary_weight >= 50 ? split.canary : split.stable;
      return switch_service(version, *stable, *canary);
    }
    if (split.canary_weight > 0 && canary->version != split.canary)
      return Error{"canary deployment " + s_.canary_deployment + " runs " + canary->version + ", not " + split.canary +
                   ": prepare the release first"};
    if (stable->version != split.stable)
      return Error{"deployment " + s_.deployment + " runs " + stable->version + ", not " + split.stable};
    int total = s_.replicas.value_or(stable->replicas + canary->replicas);
    int canary_replicas = canary_share(total, split.canary_weight);
    // Grow before shrinking, so capacity never dips below the total.
    KubePatch grow_canary = scale(s_.canary_deployment, canary_replicas);
    KubePatch fit_stable = scale(s_.deployment, total - canary_replicas);
    if (canary_replicas >= canary->replicas) return kube_.apply({grow_canary, fit_stable});
    return kube_.apply({fit_stable, grow_canary});
  }

  Result<void> promote(const ReleaseContext& ctx) override {
    if (s_.canary_deployment.empty()) return kube_.apply({set_image(s_.deployment, ctx.version, s_.replicas)});
    auto stable = read(s_.deployment);
    if (!stable) return stable.error();
    auto canary = read(s_.canary_deployment);
    if (!canary) return canary.error();
    // Blue-green keeps the old colour running for an instant switch back.
    if (ctx.strategy == "blue-green") return switch_service(ctx.version, *stable, *canary);
    int total = s_.replicas.value_or(stable->replicas + canary->replicas);
    return kube_.apply({set_image(s_.deployment, ctx.version, total), scale(s_.canary_deployment, 0)});
  }

  Result<Split> observe() override {
    auto stable = read(s_.deployment);
    if (!stable) return stable.error();
    if (s_.canary_deployment.empty()) return Split{stable->version, "", 0};
    auto canary = read(s_.canary_deployment);
    if (!canary) return canary.error();
    if (!s_.service.empty()) {
      auto service = kube_.get("service", s_.service);
      if (!service) return service.error();
      json selector = service->value("/spec/selector"_json_pointer, json::object());
      bool to_stable = selects(selector, stable->labels), to_canary = selects(selector, canary->labels);
      if (!to_stable && !to_canary) return Error{"service " + s_.service + " selects neither Deployment"};
      if (to_stable != to_canary) {  // blue-green: the live colour serves everything
        const DeploymentState& live = to_stable ? *stable : *canary;
        const DeploymentState& idle = to_stable ? *canary : *stable;
        bool idle_ready = idle.replicas > 0 && idle.version != live.version;
        return Split{live.version, idle_ready ? idle.version : "", 0};
      }
    }
    if (canary->replicas == 0) return Split{stable->version, "", 0};
    int total = stable->replicas + canary->replicas;
    return Split{stable->version, canary->version, static_cast<int>(std::lround(100.0 * canary->replicas / total))};
  }

  std::string address_of(const std::string&) const override { return ""; }

 private:
  Result<DeploymentState> read(const std::string& name) const {
    auto d = kube_.get("deployment", name);
    if (!d) return d.error();
    auto image = container_image(*d, s_.container);
    if (!image) return image.error();
    return DeploymentState{s_.version_of(*image), d->value("/spec/replicas"_json_pointer, 1),
                           d->value("/spec/selector/matchLabels"_json_pointer, json::object()),
                           d->value("/spec/template/metadata/labels"_json_pointer, json::object())};
  }

  /// Canary pods for a weight: at least one for any weight above 0, and
  /// none of the stable's left only at 100.
  static int canary_share(int total, int weight) {
    if (weight <= 0) return 0;
    if (weight >= 100) return total;
    int n = static_cast<int>(std::lround(total * weight / 100.0));
    return std::clamp(n, 1, std::max(1, total - 1));
  }

  KubePatch scale(const std::string& deployment, int replicas) const {
    return {"deployment", deployment, "merge", {{"spec", {{"replicas", replicas}}}}};
  }

  /// A strategic merge: containers merge by name, so the other containers stay as they are.
  KubePatch set_image(const std::string& deployment, const std::string& version, std::optional<int> replicas) const {
    json spec = {
        {"template",
         {{"spec", {{"containers", json::array({{{"name", s_.container}, {"image", s_.image_for(version)}}})}}}}}};
    if (replicas) spec["replicas"] = *replicas;
    return {"deployment", deployment, "strategic", {{"spec", spec}}};
  }

  Result<void> shift_rolling(const Split& split) {
    if (split.canary_weight == 0) return {};
    if (split.canary_weight < 100)
      return Error{"deployment " + s_.deployment + " alone cannot serve " + std::to_string(split.canary_weight) +
                   "%: set canary_deployment (or rollout) for a canary"};
    return kube_.apply({set_image(s_.deployment, split.canary, s_.replicas)});
  }

  Result<void> prepare_colour(const ReleaseContext& ctx, const DeploymentState& a, const DeploymentState& b) {
    auto live = live_colour(a, b);
    if (!live) return live.error();
    bool a_live = *live == s_.deployment;
    const DeploymentState& idle = a_live ? b : a;
    const std::string& idle_name = a_live ? s_.canary_deployment : s_.deployment;
    int replicas = s_.replicas.value_or((a_live ? a : b).replicas);
    if (idle.version == ctx.version && idle.replicas == replicas) return {};
    return kube_.apply({set_image(idle_name, ctx.version, replicas)});
  }

  Result<std::string> live_colour(const DeploymentState& a, const DeploymentState& b) const {
    auto service = kube_.get("service", s_.service);
    if (!service) return service.error();
    json selector = service->value("/spec/selector"_json_pointer, json::object());
    if (selects(selector, a.labels) && !selects(selector, b.labels)) return s_.deployment;
    if (selects(selector, b.labels) && !selects(selector, a.labels)) return s_.canary_deployment;
    return Error{"service " + s_.service + " must select exactly one of " + s_.deployment + " and " +
                 s_.canary_deployment + " for blue-green (their pod labels must differ)"};
  }

  /// Points the Service at the colour running `version`: the selector is
  /// replaced whole (a JSON patch), so no label of the other colour lingers.
  Result<void> switch_service(const std::string& version, const DeploymentState& a, const DeploymentState& b) {
    const DeploymentState* colour = a.version == version && a.replicas > 0   ? &a
                                    : b.version == version && b.replicas > 0 ? &b
                                                                             : nullptr;
    if (!colour) return Error{"no colour runs version " + version + ": prepare the release first"};
    if (colour->selector.empty()) return Error{"the Deployment running " + version + " has no matchLabels"};
    json patch = json::array({{{"op", "replace"}, {"path", "/spec/selector"}, {"value", colour->selector}}});
    return kube_.apply({{"service", s_.service, "json", patch}});
  }

  KubeSettings s_;
  Kubectl kube_;
};

}  // namespace

Result<std::unique_ptr<Target>> make_kubernetes_target(const TargetSettings& settings) {
  auto s = read_kube_settings(settings);
  if (!s) return s.error();
  if (!s->rollout.empty()) return make_rollout_target(std::move(*s));
  return std::unique_ptr<Target>(new DeploymentTarget(std::move(*s)));
}

}  // namespace copilot::release
