#pragma once
// The Kubernetes target's settings, read and checked once, and the image
// template that maps versions to images and back.
#include <chrono>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "release/kubectl.h"
#include "release/target.h"

namespace copilot::release {

struct KubeSettings {
  std::vector<std::string> kubectl;  ///< kubectl and the flags every call shares
  std::string deployment;            ///< the stable Deployment (one colour, for blue-green)
  std::string canary_deployment;     ///< canary replicas beside it (the other colour, for blue-green)
  std::string service;               ///< the Service whose selector picks a colour
  std::string rollout;               ///< an Argo Rollout, instead of Deployments
  std::string container;
  std::string image_prefix;  ///< the image template around {{version}}
  std::string image_suffix;
  std::optional<int> replicas;  ///< total replicas; default: what the Deployments hold now
  std::optional<std::vector<std::string>> check_image;
  std::chrono::milliseconds timeout{60000};
  std::filesystem::path root;

  std::string image_for(const std::string& version) const { return image_prefix + version + image_suffix; }
  /// The version an image runs: the template read backwards, or the image
  /// itself when it does not follow the template.
  std::string version_of(const std::string& image) const;
  Kubectl client() const { return Kubectl(kubectl, timeout); }
};

Result<KubeSettings> read_kube_settings(const TargetSettings& settings);

/// The version must make a valid image tag, and `check_image`, when set,
/// must accept the image (it gets COPILOT_RELEASE_VERSION and _IMAGE).
Result<void> check_image_version(const KubeSettings& settings, const std::string& version);

/// The image of `container` in a Deployment's or Rollout's pod template.
Result<std::string> container_image(const nlohmann::json& object, const std::string& container);
/// Its index in spec.template.spec.containers, for JSON patches.
Result<size_t> container_index(const nlohmann::json& object, const std::string& container);

}  // namespace copilot::release
