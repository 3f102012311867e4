#pragma once
// How the repository runs as a service: container images, compose stacks,
// Kubernetes objects, Helm charts, Procfiles, the ports the code listens on and
// its health-check routes.
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "audit/evidence.h"
#include "audit/input.h"

namespace copilot::audit {

struct DockerStage {
  std::string name;        ///< "AS" alias, or "" when unnamed
  std::string base_image;  ///< as written, ARG references left as is
  int line = 0;
};

struct ExposedPort {
  std::string port;      ///< "8080", or "${PORT}" when it comes from an ARG
  std::string protocol;  ///< "tcp" or "udp"
  int line = 0;
};

struct Dockerfile {
  std::string file;
  std::vector<DockerStage> stages;  ///< in file order; the last one is the image
  std::vector<ExposedPort> exposed_ports;
  std::optional<std::string> user;        ///< effective USER of the final stage
  bool non_root = false;                  ///< USER is set and is neither root nor 0
  bool healthcheck = false;               ///< final stage has HEALTHCHECK CMD
  bool healthcheck_disabled = false;      ///< final stage has HEALTHCHECK NONE
  std::optional<std::string> cmd;         ///< final stage CMD, as written
  std::optional<std::string> entrypoint;  ///< final stage ENTRYPOINT, as written
};

struct ComposeService {
  std::string name;
  std::optional<std::string> image;
  std::optional<std::string> build;      ///< build context ("." for `build: .`)
  std::vector<std::string> ports;        ///< "8080:80", long form rendered the same way
  std::vector<std::string> depends_on;   ///< sorted service names
  std::vector<std::string> volumes;      ///< "data:/var/lib/postgresql/data"
  std::vector<std::string> environment;  ///< sorted variable names, never values
  bool healthcheck = false;              ///< has a healthcheck that is not disabled
  int line = 0;
};

struct ComposeFile {
  std::string file;
  std::vector<ComposeService> services;  ///< sorted by name
};

struct K8sContainer {
  std::string name;
  std::string image;
  bool liveness_probe = false;
  bool readiness_probe = false;
  bool resource_limits = false;  ///< resources.limits is set
};

struct K8sResource {
  std::string file;
  int line = 0;  ///< where the document starts
  std::string kind;
  std::string name;
  std::optional<std::string> namespace_;
  std::vector<K8sContainer> containers;  ///< pod template containers (not init containers)
};

struct HelmChart {
  std::string file;  ///< the Chart.yaml
  std::string name;
  std::optional<std::string> version;
  std::optional<std::string> app_version;
};

struct ProcfileEntry {
  std::string file;
  std::string process;  ///< "web", "worker", ...
  std::string command;
  int line = 0;
};

struct ListenPort {
  int port = 0;
  std::string source;  ///< "code", "config", "env_default" or "command"
  Evidence evidence;
};

struct HealthEndpoint {
  std::string path;  ///< the route as written, e.g. "/healthz"
  Evidence evidence;
};

struct ServicesSection {
  std::vector<Dockerfile> dockerfiles;  ///< each list sorted by file (then line)
  std::vector<ComposeFile> compose;
  std::vector<K8sResource> kubernetes;
  std::vector<HelmChart> helm_charts;
  std::vector<ProcfileEntry> procfile;
  std::vector<ListenPort> listen_ports;  ///< by port, then file and line
  std::vector<HealthEndpoint> health_endpoints;
};

void to_json(nlohmann::json& j, const DockerStage& v);
void to_json(nlohmann::json& j, const ExposedPort& v);
void to_json(nlohmann::json& j, const Dockerfile& v);
void to_json(nlohmann::json& j, const ComposeService& v);
void to_json(nlohmann::json& j, const ComposeFile& v);
void to_json(nlohmann::json& j, const K8sContainer& v);
void to_json(nlohmann::json& j, const K8sResource& v);
void to_json(nlohmann::json& j, const HelmChart& v);
void to_json(nlohmann::json& j, const ProcfileEntry& v);
void to_json(nlohmann::json& j, const ListenPort& v);
void to_json(nlohmann::json& j, const HealthEndpoint& v);
void to_json(nlohmann::json& j, const ServicesSection& v);

/// True for Dockerfile, Dockerfile.*, *.dockerfile and Containerfile names (any directory).
bool is_dockerfile(std::string_view path);

/// True for docker-compose*.yml / compose*.yaml file names (any directory).
bool is_compose_file(std::string_view path);

/// Parses one compose file. Broken YAML is reported to `diagnostics` when it
/// is given, and yields nullopt.
std::optional<ComposeFile> parse_compose(const std::string& path, std::string_view content, Diagnostics* diagnostics);

/// Parses one Dockerfile (never fails: unknown instructions are ignored).
Dockerfile parse_dockerfile(const std::string& path, std::string_view content);

ServicesSection detect_services(const AuditInput& input);

}  // namespace copilot::audit
