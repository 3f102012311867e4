#pragma once
// The Kubernetes target driving an Argo Rollout: copilot sets the image and
// promotes or aborts; the Rollout's own steps decide the weights.
#include <memory>

#include "release/kube_settings.h"

namespace copilot::release {

std::unique_ptr<Target> make_rollout_target(KubeSettings settings);

}  // namespace copilot::release
