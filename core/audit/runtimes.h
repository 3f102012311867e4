#pragma once
// Which language runtime versions a repository asks for: version files
// (.python-version, .nvmrc, .tool-versions, ...), manifest constraints
// (requires-python, engines.node, the go directive, java.version, Gradle
// toolchains) and the base images of its Dockerfiles.
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "audit/evidence.h"
#include "audit/input.h"

namespace copilot::audit {

struct Runtime {
  std::string language;    ///< "python", "node", "go" or "java"
  std::string version;     ///< normalised: "3.12", "20", "1.22", "21"; "" when the constraint names none
  std::string constraint;  ///< as written: ">=3.11", "v20.11.0", "1.22.3", "21"
  std::string source;      ///< "version_file", "manifest" or "container"
  Evidence evidence;
};
void to_json(nlohmann::json& j, const Runtime& r);

/// The normalised version a constraint names (its first version number):
/// major.minor for python and go, the major for node and java ("1.8" is 8).
std::string normalise_runtime_version(std::string_view language, std::string_view constraint);

/// Runtimes asked for, sorted by language, then file and line.
std::vector<Runtime> detect_runtimes(const AuditInput& input);

}  // namespace copilot::audit
