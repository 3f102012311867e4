#pragma once
// Continuous integration: which pipelines exist and whether they test, lint,
// build, deploy and run security checks.
#include <array>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "audit/evidence.h"
#include "audit/input.h"

namespace copilot::audit {

enum class CiCapability { test, lint, build, deploy, security };
inline constexpr std::array<CiCapability, 5> kCiCapabilities = {
    CiCapability::test, CiCapability::lint, CiCapability::build, CiCapability::deploy, CiCapability::security};
std::string_view to_string(CiCapability c);

struct CiPipeline {
  std::string system;  ///< "github_actions", "gitlab_ci", "jenkins", "circleci",
                       ///< "azure_pipelines", "bitbucket_pipelines", "travis"
  std::string file;
  std::vector<std::string> jobs;  ///< job ids / stage names, in file order
  /// Per capability (indexed by CiCapability): the steps that show it, by
  /// line; empty when the pipeline does not do it. At most kMaxCiEvidence each.
  std::array<std::vector<Evidence>, 5> evidence;
  bool runs(CiCapability c) const { return !evidence[static_cast<size_t>(c)].empty(); }
};
inline constexpr size_t kMaxCiEvidence = 10;

struct CiSection {
  std::vector<CiPipeline> pipelines;  ///< sorted by file
};

void to_json(nlohmann::json& j, const CiPipeline& v);
void to_json(nlohmann::json& j, const CiSection& v);

/// Which capabilities one shell command line shows (comments show none).
std::vector<CiCapability> classify_ci_command(std::string_view command);

CiSection detect_ci(const AuditInput& input);

}  // namespace copilot::audit
