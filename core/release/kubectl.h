#pragma once
// kubectl as the Kubernetes target drives it: reads with `get -o json`, and
// changes as patches that are all validated by the API server
// (--dry-run=server) before the first one is applied.
#include <chrono>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "util/result.h"

namespace copilot::release {

/// One change: a patch of `type` (strategic, merge or json) to an object, or
/// to its status subresource.
struct KubePatch {
  std::string resource;  ///< "deployment", "service", "rollout"
  std::string name;
  std::string type;
  nlohmann::json body;
  bool status = false;
};

class Kubectl {
 public:
  /// `command` is kubectl and the flags every call shares (--kubeconfig,
  /// --context, --namespace).
  Kubectl(std::vector<std::string> command, std::chrono::milliseconds timeout)
      : command_(std::move(command)), timeout_(timeout) {}

  Result<nlohmann::json> get(const std::string& resource, const std::string& name) const;

  /// Validates every patch on the server, then applies them in order. When a
  /// validation fails nothing has been changed.
  Result<void> apply(const std::vector<KubePatch>& patches) const;

 private:
  Result<std::string> run(std::vector<std::string> args, const std::string& what) const;
  Result<void> patch(const KubePatch& p, bool dry_run) const;

  std::vector<std::string> command_;
  std::chrono::milliseconds timeout_;
};

}  // namespace copilot::release
