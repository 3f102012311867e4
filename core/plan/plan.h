#pragma once
// `copilot plan`: a delivery blueprint derived from an audit report. The audit
// becomes one data context; templates (templates/<target>/, compiled in and
// overridable) turn it into files: CI/CD workflows, Dockerfiles, Kubernetes
// manifests, release gates, a cost estimate, ...
#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "util/result.h"

namespace copilot::plan {

inline constexpr const char* kPlanSchemaVersion = "1.0";

struct PlanFile {
  std::string path;  ///< relative to the repository root, '/'-separated
  std::string target;
  std::string content;
};

struct CostItem {
  std::string component;  ///< "compute", "database", "cache", "load_balancer", "egress"
  double monthly = 0;
  std::string assumption;  ///< what the figure is made of, in words
};

struct CostProfile {
  std::string name;     ///< "low", "medium", "high"
  std::string traffic;  ///< the traffic it stands for, in words
  std::vector<CostItem> items;
  double total = 0;
};

struct CostEstimate {
  std::string provider, region, currency;
  std::string prices_as_of;  ///< the date the list prices were read
  std::string pricing_file;  ///< e.g. "templates/pricing/aws.yaml"
  std::string note;          ///< the pricing file's caveat, printed with the numbers
  std::vector<CostProfile> profiles;
};

struct Gate {
  std::string id;  ///< "tests-pass", "no-critical-findings", "sbom-present", "coverage"
  std::string description;
};

/// Something the plan could not derive from the audit, and what it did instead.
struct Gap {
  std::string target;  ///< the target concerned, or "plan" for the whole plan
  std::string message;
};

struct ServiceSummary {
  std::string name;
  std::string dir;       ///< "" for the repository root
  std::string language;  ///< "python", "node", "go", "java" or "generic"
  std::string version;   ///< runtime version the plan pins, "" for generic
  std::string framework;
  int port = 0;
  std::string health_path;  ///< "" when none was found (probes use TCP)
};

struct Blueprint {
  std::string project;
  std::vector<ServiceSummary> services;
  std::vector<std::string> targets;  ///< in target-table order
  std::vector<PlanFile> files;       ///< sorted by path
  std::optional<CostEstimate> cost;  ///< with the cost target
  std::vector<Gate> gates;           ///< with the gates target
  std::vector<Gap> gaps;             ///< sorted by target, then message
};

struct TargetInfo {
  std::string name;
  std::string summary;
};
/// The plan targets, in table order.
std::vector<TargetInfo> plan_targets();

struct PlanRequest {
  nlohmann::json audit;                            ///< a report that passed parse_audit (or audit::to_json)
  std::vector<std::string> targets;                ///< empty: every target that fits the stack
  bool canary = false;                             ///< Argo Rollouts canary instead of a Deployment
  std::string cloud = "aws";                       ///< "aws" or "gcp": Terraform and the price list
  std::optional<std::filesystem::path> templates;  ///< overrides, laid out like templates/
  std::string registry;                            ///< image registry prefix; "" = ghcr.io/<project>
  std::string copilot_action;                      ///< `uses:` of copilot's GitHub Action; "" = default
};

/// Parses an audit report and checks it against the audit schema compiled into
/// the binary. Errors name `origin` and the field (usage errors).
Result<nlohmann::json> parse_audit(std::string_view text, const std::string& origin);

/// Builds the blueprint: the context, then every target's templates.
/// Errors (unknown target, template syntax, bad override) are usage errors
/// naming the template file and line.
Result<Blueprint> make_plan(const PlanRequest& request);

/// The plan summary (schemas/plan.schema.json): everything but file contents.
nlohmann::json to_json(const Blueprint& blueprint);

struct WriteSummary {
  std::vector<std::string> written;    ///< new or changed files
  std::vector<std::string> unchanged;  ///< already there with the same content
};

/// Writes the files under `out`. Everything is first written to a temporary
/// directory next to `out`, then renamed into place, so a failure leaves no
/// partial files. An existing file with other content is only replaced with
/// `force` (otherwise a usage error listing the files).
Result<WriteSummary> write_blueprint(const Blueprint& blueprint, const std::filesystem::path& out, bool force);

/// A unified diff of every file against the same path under `repo` (files the
/// repository lacks show as added). Empty when nothing would change.
Result<std::string> diff_blueprint(const Blueprint& blueprint, const std::filesystem::path& repo);

}  // namespace copilot::plan
