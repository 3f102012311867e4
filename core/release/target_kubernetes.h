#pragma once
// The `kubernetes` target: moves traffic through kubectl. Settings (the
// environment's `target:` mapping; unknown keys are errors):
//   kubectl            command and leading flags, default "kubectl"
//   kubeconfig         path, relative to the repository root
//   context, namespace passed to every kubectl call
//   image              required; the image of a version, e.g. "ghcr.io/acme/app:{{version}}"
//   container          required; the container whose image is set
//   deployment         the stable Deployment (required unless `rollout`)
//   canary_deployment  the canary beside it: both match the Service, so the
//                      canary's share of the replicas is its share of traffic;
//                      with strategy blue-green the two are the colours
//   service            the Service whose selector blue-green switches
//   rollout            an Argo Rollout to drive instead of Deployments
//   replicas           total replicas to divide; default: what the Deployments hold
//   check_image        command that must accept COPILOT_RELEASE_IMAGE before a release
//   timeout            per kubectl call, default 60s
// Every change is validated with --dry-run=server before any is applied.
#include <memory>

#include "release/target.h"

namespace copilot::release {

Result<std::unique_ptr<Target>> make_kubernetes_target(const TargetSettings& settings);

}  // namespace copilot::release
