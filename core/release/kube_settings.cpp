#include "release/kube_settings.h"

#include <cctype>
#include <cmath>

#include "release/settings_reader.h"
#include "util/process.h"
#include "util/strings.h"

namespace copilot::release {
namespace {

constexpr std::string_view kVersionPlaceholder = "{{version}}";
constexpr size_t kMaxTagLength = 128;

/// An OCI tag: [A-Za-z0-9_][A-Za-z0-9_.-]{0,127}.
bool is_valid_tag(const std::string& tag) {
  if (tag.empty() || tag.size() > kMaxTagLength || tag[0] == '.' || tag[0] == '-') return false;
  for (char c : tag)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_' && c != '.' && c != '-') return false;
  return true;
}

std::string object_name(const nlohmann::json& object) {
  return object.value("kind", "object") + " " + object.value("/metadata/name"_json_pointer, std::string("?"));
}

}  // namespace

std::string KubeSettings::version_of(const std::string& image) const {
  if (image.size() >= image_prefix.size() + image_suffix.size() && util::starts_with(image, image_prefix) &&
      util::ends_with(image, image_suffix))
    return image.substr(image_prefix.size(), image.size() - image_prefix.size() - image_suffix.size());
  return image;
}

Result<KubeSettings> read_kube_settings(const TargetSettings& settings) {
  SettingsReader r(settings.values, settings.origin, settings.key);
  KubeSettings s;
  s.root = settings.root;
  r.string("kind");
  s.kubectl = r.strings("kubectl").value_or(std::vector<std::string>{"kubectl"});
  if (auto kubeconfig = r.string("kubeconfig"))
    s.kubectl.push_back("--kubeconfig=" + (settings.root / *kubeconfig).string());
  if (auto context = r.string("context")) s.kubectl.push_back("--context=" + *context);
  if (auto ns = r.string("namespace")) s.kubectl.push_back("--namespace=" + *ns);
  s.rollout = r.string("rollout").value_or("");
  s.deployment = r.string("deployment", s.rollout.empty()).value_or("");
  s.canary_deployment = r.string("canary_deployment").value_or("");
  s.service = r.string("service").value_or("");
  s.container = r.string("container", true).value_or("");
  std::string image = r.string("image", true).value_or("");
  if (auto replicas = r.number("replicas"))
    s.replicas = *replicas == std::floor(*replicas) && *replicas < 1e6 ? static_cast<int>(*replicas) : 0;
  s.check_image = r.command("check_image");
  if (auto timeout = r.duration("timeout")) s.timeout = *timeout;
  if (auto done = r.finish(); !done) return done.error();

  auto problem = [&](const std::string& key, const std::string& what) {
    return Error{settings.origin + ": key '" + settings.key + "." + key + "': " + what, true};
  };
  size_t at = image.find(kVersionPlaceholder);
  if (at == std::string::npos)
    return problem("image", "must contain {{version}}, e.g. \"ghcr.io/acme/app:{{version}}\"");
  s.image_prefix = image.substr(0, at);
  s.image_suffix = image.substr(at + kVersionPlaceholder.size());
  if (!s.rollout.empty() && (!s.deployment.empty() || !s.canary_deployment.empty()))
    return problem("rollout", "an Argo Rollout replaces deployment and canary_deployment: set one or the other");
  if (s.replicas && *s.replicas < 1) return problem("replicas", "must be a whole number, at least 1");
  if (!s.service.empty() && s.canary_deployment.empty() && s.rollout.empty())
    return problem("service", "a blue-green switch needs two colours: set canary_deployment too");
  return s;
}

Result<void> check_image_version(const KubeSettings& settings, const std::string& version) {
  std::string image = settings.image_for(version);
  if (!is_valid_tag(version))
    return Error{"version '" + version + "' cannot be an image tag (letters, digits, '_', '.', '-'; at most 128)"};
  if (!settings.check_image) return {};
  util::ProcessRequest request;
  request.argv = *settings.check_image;
  request.cwd = settings.root;
  request.env = {{"COPILOT_RELEASE_VERSION", version}, {"COPILOT_RELEASE_IMAGE", image}};
  request.timeout = settings.timeout;
  auto result = util::run_process(request);
  if (!result) return Error{"check_image: " + result.error().message};
  if (result->exit_code != 0) {
    std::string why(util::trim(result->err.empty() ? result->out : result->err));
    return Error{"image " + image + " for version " + version + " was refused by check_image" +
                 (result->timed_out ? " (timed out)"
                  : why.empty()     ? ""
                                    : ": " + why)};
  }
  return {};
}

Result<size_t> container_index(const nlohmann::json& object, const std::string& container) {
  const auto* containers = &object;
  for (const char* key : {"spec", "template", "spec", "containers"}) {
    if (!containers->is_object() || !containers->contains(key)) {
      containers = nullptr;
      break;
    }
    containers = &(*containers)[key];
  }
  if (containers && containers->is_array())
    for (size_t i = 0; i < containers->size(); ++i)
      if ((*containers)[i].value("name", "") == container) return i;
  return Error{object_name(object) + " has no container named '" + container + "'"};
}

Result<std::string> container_image(const nlohmann::json& object, const std::string& container) {
  auto index = container_index(object, container);
  if (!index) return index.error();
  return object["spec"]["template"]["spec"]["containers"][*index].value("image", "");
}

}  // namespace copilot::release
