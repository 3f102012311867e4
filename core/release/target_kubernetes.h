#pragma once
// The `kubernetes` target: moves traffic through kubectl, with canary
// replicas beside a stable Deployment, a blue-green Service selector switch,
// a plain rolling update, or an Argo Rollout. Settings (the `target:`
// mapping): kubectl, kubeconfig, context, namespace, deployment,
// canary_deployment, service, rollout, container, image, replicas,
// check_image, timeout.
#include <memory>

#include "release/target.h"

namespace copilot::release {

Result<std::unique_ptr<Target>> make_kubernetes_target(const TargetSettings& settings);

}  // namespace copilot::release
