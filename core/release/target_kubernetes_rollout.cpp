// An Argo Rollout moves traffic itself, step by step (setWeight, pause). The
// target starts it by setting the image, lets it past a pause the way
// `kubectl argo rollouts promote` does (clearing status.pauseConditions,
// unpausing spec.paused), promotes fully with status.promoteFull and rolls
// back with status.abort. The version the Rollout replaces is kept in an
// annotation, because the Rollout's status names only ReplicaSet hashes.
#include "release/target_kubernetes_rollout.h"

#include <optional>

namespace copilot::release {
namespace {

using nlohmann::json;

constexpr const char* kStableAnnotation = "copilot.dev/stable-version";

struct RolloutState {
  std::string version;    ///< what spec.template runs
  std::string stable;     ///< the version it replaces, from the annotation
  bool promoted = false;  ///< status.stableRS is the current pod hash: nothing left to shift
  bool aborted = false;
  bool paused = false;  ///< at a pause step, or spec.paused
  bool spec_paused = false;
  int weight = 0;  ///< the canary's current weight
};

class RolloutTarget : public Target {
 public:
  explicit RolloutTarget(KubeSettings settings) : s_(std::move(settings)), kube_(s_.client()) {}

  Result<void> check_version(const std::string& version) override { return check_image_version(s_, version); }

  Result<void> prepare(const ReleaseContext& ctx) override {
    auto rollout = kube_.get("rollout", s_.rollout);
    if (!rollout) return rollout.error();
    auto state = read(*rollout);
    if (!state) return state.error();
    if (state->version == ctx.version) return {};  // started already
    auto index = container_index(*rollout, s_.container);
    if (!index) return index.error();
    std::string stable = ctx.stable_version.empty() ? state->version : ctx.stable_version;
    // Custom resources take no strategic merge; a JSON patch sets the one
    // container's image after checking it is the container meant.
    std::string container = "/spec/template/spec/containers/" + std::to_string(*index);
    json image =
        json::array({{{"op", "test"}, {"path", container + "/name"}, {"value", s_.container}},
                     {{"op", "replace"}, {"path", container + "/image"}, {"value", s_.image_for(ctx.version)}}});
    json annotate = {{"metadata", {{"annotations", {{kStableAnnotation, stable}}}}}};
    return kube_.apply({{"rollout", s_.rollout, "merge", annotate}, {"rollout", s_.rollout, "json", image}});
  }

  Result<void> shift(const ReleaseContext&, const Split& split) override {
    auto rollout = kube_.get("rollout", s_.rollout);
    if (!rollout) return rollout.error();
    auto state = read(*rollout);
    if (!state) return state.error();
    if (split.canary_weight == 0) {
      if (state->promoted || state->aborted || state->version != split.canary) return {};
      return kube_.apply({{"rollout", s_.rollout, "merge", {{"status", {{"abort", true}}}}, true}});
    }
    if (state->version != split.canary)
      return Error{"rollout " + s_.rollout + " runs " + state->version + ", not " + split.canary +
                   ": prepare the release first"};
    if (state->promoted || state->weight >= split.canary_weight) return {};
    if (split.canary_weight >= 100) return promote_full();
    if (!state->paused) return {};  // still moving towards its next pause on its own
    std::vector<KubePatch> patches;
    if (state->spec_paused) patches.push_back({"rollout", s_.rollout, "merge", {{"spec", {{"paused", false}}}}});
    if (!rollout->value("/status/pauseConditions"_json_pointer, json::array()).empty())
      patches.push_back({"rollout", s_.rollout, "merge", {{"status", {{"pauseConditions", nullptr}}}}, true});
    return kube_.apply(patches);
  }

  Result<void> promote(const ReleaseContext& ctx) override {
    auto rollout = kube_.get("rollout", s_.rollout);
    if (!rollout) return rollout.error();
    auto state = read(*rollout);
    if (!state) return state.error();
    if (state->version != ctx.version)
      return Error{"rollout " + s_.rollout + " runs " + state->version + ", not " + ctx.version};
    if (state->promoted) return {};
    return promote_full();
  }

  Result<Split> observe() override {
    auto rollout = kube_.get("rollout", s_.rollout);
    if (!rollout) return rollout.error();
    auto state = read(*rollout);
    if (!state) return state.error();
    if (state->promoted) return Split{state->version, "", 0};
    return Split{state->stable, state->version, state->aborted ? 0 : state->weight};
  }

  std::string address_of(const std::string&) const override { return ""; }

 private:
  Result<RolloutState> read(const json& rollout) const {
    auto image = container_image(rollout, s_.container);
    if (!image) return image.error();
    RolloutState r;
    r.version = s_.version_of(*image);
    r.stable = rollout.value("/metadata/annotations"_json_pointer, json::object()).value(kStableAnnotation, "");
    const json status = rollout.value("status", json::object());
    std::string stable_rs = status.value("stableRS", ""), current = status.value("currentPodHash", "");
    r.promoted = !stable_rs.empty() && stable_rs == current;
    r.aborted = status.value("abort", false);
    r.spec_paused = rollout.value("/spec/paused"_json_pointer, false);
    r.paused = r.spec_paused || !status.value("pauseConditions", json::array()).empty();
    r.weight = status.value("/canary/weights/canary/weight"_json_pointer, step_weight(rollout, status));
    return r;
  }

  /// Without traffic routing the status has no weights: the last setWeight
  /// before the current step is the weight the Rollout aims at.
  static int step_weight(const json& rollout, const json& status) {
    const json steps = rollout.value("/spec/strategy/canary/steps"_json_pointer, json::array());
    int index = status.value("currentStepIndex", 0), weight = 0;
    for (int i = 0; i < index && i < static_cast<int>(steps.size()); ++i) weight = steps[i].value("setWeight", weight);
    return weight;
  }

  Result<void> promote_full() {
    return kube_.apply({{"rollout", s_.rollout, "merge", {{"status", {{"promoteFull", true}}}}, true}});
  }

  KubeSettings s_;
  Kubectl kube_;
};

}  // namespace

std::unique_ptr<Target> make_rollout_target(KubeSettings settings) {
  return std::make_unique<RolloutTarget>(std::move(settings));
}

}  // namespace copilot::release
