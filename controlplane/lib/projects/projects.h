#pragma once
// Projects, their runs (one copilot invocation each) and the artifacts runs
// produce, with the review workflow: pending → approved | rejected.
#include <optional>
#include <string>
#include <vector>

#include "storage/database.h"

namespace copilot::controlplane {

struct Project {
  std::string id;
  std::string name;
  std::string description;
  int64_t created_at = 0;
};

struct Run {
  std::string id;
  std::string project_id;
  std::string kind;    ///< audit, review, plan, gen-tests, triage, release, ...
  std::string status;  ///< queued, running, succeeded, failed, cancelled
  std::string stage;
  std::optional<int64_t> started_at;
  std::optional<int64_t> finished_at;
  std::string metrics = "{}";  ///< JSON object text
  std::optional<std::string> idempotency_key;
  std::string created_by;
  int64_t created_at = 0;
};

struct Artifact {
  std::string id;
  std::string run_id;
  std::string name;
  std::string kind;
  std::string digest;
  int64_t size_bytes = 0;
  std::string uri;
  std::string status = "pending";  ///< pending, approved, rejected
  std::optional<std::string> decided_by;
  std::optional<int64_t> decided_at;
  std::optional<std::string> decision_note;
  std::string created_by;
  int64_t created_at = 0;
};

Result<std::optional<Project>> create_project(Connection& c, const std::string& tenant_id, const std::string& name,
                                              const std::string& description);
Result<std::vector<Project>> list_projects(Connection& c, const std::string& tenant_id);
Result<std::optional<Project>> find_project(Connection& c, const std::string& tenant_id, const std::string& name);
Result<std::optional<Project>> find_project_by_id(Connection& c, const std::string& tenant_id, const std::string& id);

/// Inserts the run; with an idempotency key seen before, returns the earlier run and `replayed`.
Result<std::pair<Run, bool>> create_run(Connection& c, const std::string& tenant_id, Run run);
Result<std::vector<Run>> list_runs(Connection& c, const std::string& tenant_id,
                                   const std::optional<std::string>& project_id, int limit);
Result<std::optional<Run>> find_run(Connection& c, const std::string& tenant_id, const std::string& id);
/// Writes status, stage, finished_at and metrics of `run` (matched by id within the tenant).
Result<bool> update_run(Connection& c, const std::string& tenant_id, const Run& run);

Result<Artifact> create_artifact(Connection& c, const std::string& tenant_id, Artifact artifact);
Result<std::vector<Artifact>> list_artifacts(Connection& c, const std::string& tenant_id,
                                             const std::optional<std::string>& run_id,
                                             const std::optional<std::string>& status);
Result<std::optional<Artifact>> find_artifact(Connection& c, const std::string& tenant_id, const std::string& id);
/// pending → `decision`; false when the artifact is not pending (decisions are final).
Result<bool> decide_artifact(Connection& c, const std::string& tenant_id, const std::string& id,
                             const std::string& decision, const std::string& actor, const std::string& note);

}  // namespace copilot::controlplane
