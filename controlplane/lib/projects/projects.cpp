#include "projects/projects.h"

#include "common/clock.h"
#include "common/crypto.h"

namespace copilot::controlplane {
namespace {

constexpr const char* kProjectColumns = "SELECT id, name, description, created_at FROM projects";
constexpr const char* kRunColumns =
    "SELECT id, project_id, kind, status, stage, started_at, finished_at, metrics, idempotency_key, created_by,"
    " created_at FROM runs";
constexpr const char* kArtifactColumns =
    "SELECT id, run_id, name, kind, digest, size_bytes, uri, status, decided_by, decided_at, decision_note,"
    " created_by, created_at FROM artifacts";

std::optional<int64_t> opt_int(const Row& r, size_t i) {
  return r.is_null(i) ? std::nullopt : std::optional<int64_t>(r.integer(i));
}
std::optional<std::string> opt_text(const Row& r, size_t i) {
  return r.is_null(i) ? std::nullopt : std::optional<std::string>(r.text(i));
}
Value value(const std::optional<int64_t>& v) {
  return v ? Value{*v} : Value{};
}
Value value(const std::optional<std::string>& v) {
  return v ? Value{*v} : Value{};
}

Project project_from(const Row& r) {
  return Project{r.text(0), r.text(1), r.text(2), r.integer(3)};
}

Run run_from(const Row& r) {
  return Run{r.text(0),     r.text(1), r.text(2),      r.text(3), r.text(4),    opt_int(r, 5),
             opt_int(r, 6), r.text(7), opt_text(r, 8), r.text(9), r.integer(10)};
}

Artifact artifact_from(const Row& r) {
  return Artifact{r.text(0), r.text(1),      r.text(2),     r.text(3),       r.text(4),  r.integer(5), r.text(6),
                  r.text(7), opt_text(r, 8), opt_int(r, 9), opt_text(r, 10), r.text(11), r.integer(12)};
}

template <typename T, typename F>
Result<std::optional<T>> first(Result<QueryResult> rows, F convert) {
  if (!rows) return rows.error();
  if (rows->rows.empty()) return std::optional<T>{};
  return std::optional<T>{convert(rows->rows[0])};
}

}  // namespace

Result<std::optional<Project>> create_project(Connection& c, const std::string& tenant_id, const std::string& name,
                                              const std::string& description) {
  Project p{new_id("prj"), name, description, now_ms()};
  auto inserted = c.query(
      "INSERT INTO projects (id, tenant_id, name, description, created_at) VALUES (?, ?, ?, ?, ?)"
      " ON CONFLICT (tenant_id, name) DO NOTHING",
      {p.id, tenant_id, p.name, p.description, p.created_at});
  if (!inserted) return inserted.error();
  if (inserted->affected == 0) return std::optional<Project>{};
  return std::optional<Project>{p};
}

Result<std::vector<Project>> list_projects(Connection& c, const std::string& tenant_id) {
  auto rows = c.query(std::string(kProjectColumns) + " WHERE tenant_id = ? ORDER BY name", {tenant_id});
  if (!rows) return rows.error();
  std::vector<Project> out;
  for (const Row& r : rows->rows) out.push_back(project_from(r));
  return out;
}

Result<std::optional<Project>> find_project(Connection& c, const std::string& tenant_id, const std::string& name) {
  return first<Project>(c.query(std::string(kProjectColumns) + " WHERE tenant_id = ? AND name = ?", {tenant_id, name}),
                        project_from);
}

Result<std::optional<Project>> find_project_by_id(Connection& c, const std::string& tenant_id, const std::string& id) {
  return first<Project>(c.query(std::string(kProjectColumns) + " WHERE tenant_id = ? AND id = ?", {tenant_id, id}),
                        project_from);
}

Result<std::pair<Run, bool>> create_run(Connection& c, const std::string& tenant_id, Run run) {
  if (run.idempotency_key) {
    auto seen = first<Run>(c.query(std::string(kRunColumns) + " WHERE tenant_id = ? AND idempotency_key = ?",
                                   {tenant_id, *run.idempotency_key}),
                           run_from);
    if (!seen) return seen.error();
    if (*seen) return std::pair{**seen, true};
  }
  run.id = new_id("run");
  run.created_at = now_ms();
  auto inserted = c.query(
      "INSERT INTO runs (id, tenant_id, project_id, kind, status, stage, started_at, finished_at, metrics,"
      " idempotency_key, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {run.id, tenant_id, run.project_id, run.kind, run.status, run.stage, value(run.started_at),
       value(run.finished_at), run.metrics, value(run.idempotency_key), run.created_by, run.created_at});
  if (!inserted) return inserted.error();
  return std::pair{run, false};
}

Result<std::vector<Run>> list_runs(Connection& c, const std::string& tenant_id,
                                   const std::optional<std::string>& project_id, int limit) {
  auto rows = project_id
                  ? c.query(std::string(kRunColumns) +
                                " WHERE tenant_id = ? AND project_id = ? ORDER BY created_at DESC, id LIMIT ?",
                            {tenant_id, *project_id, int64_t{limit}})
                  : c.query(std::string(kRunColumns) + " WHERE tenant_id = ? ORDER BY created_at DESC, id LIMIT ?",
                            {tenant_id, int64_t{limit}});
  if (!rows) return rows.error();
  std::vector<Run> out;
  for (const Row& r : rows->rows) out.push_back(run_from(r));
  return out;
}

Result<std::optional<Run>> find_run(Connection& c, const std::string& tenant_id, const std::string& id) {
  return first<Run>(c.query(std::string(kRunColumns) + " WHERE tenant_id = ? AND id = ?", {tenant_id, id}), run_from);
}

Result<bool> update_run(Connection& c, const std::string& tenant_id, const Run& run) {
  auto done = c.query(
      "UPDATE runs SET status = ?, stage = ?, started_at = ?, finished_at = ?, metrics = ? WHERE tenant_id = ? AND id "
      "= ?",
      {run.status, run.stage, value(run.started_at), value(run.finished_at), run.metrics, tenant_id, run.id});
  if (!done) return done.error();
  return done->affected > 0;
}

Result<Artifact> create_artifact(Connection& c, const std::string& tenant_id, Artifact a) {
  a.id = new_id("art");
  a.status = "pending";
  a.created_at = now_ms();
  auto inserted = c.query(
      "INSERT INTO artifacts (id, tenant_id, run_id, name, kind, digest, size_bytes, uri, status, created_by,"
      " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?)",
      {a.id, tenant_id, a.run_id, a.name, a.kind, a.digest, a.size_bytes, a.uri, a.created_by, a.created_at});
  if (!inserted) return inserted.error();
  return a;
}

Result<std::vector<Artifact>> list_artifacts(Connection& c, const std::string& tenant_id,
                                             const std::optional<std::string>& run_id,
                                             const std::optional<std::string>& status) {
  std::string sql = std::string(kArtifactColumns) + " WHERE tenant_id = ?";
  std::vector<Value> params = {tenant_id};
  if (run_id) {
    sql += " AND run_id = ?";
    params.emplace_back(*run_id);
  }
  if (status) {
    sql += " AND status = ?";
    params.emplace_back(*status);
  }
  auto rows = c.query(sql + " ORDER BY created_at, id LIMIT 1000", params);
  if (!rows) return rows.error();
  std::vector<Artifact> out;
  for (const Row& r : rows->rows) out.push_back(artifact_from(r));
  return out;
}

Result<std::optional<Artifact>> find_artifact(Connection& c, const std::string& tenant_id, const std::string& id) {
  return first<Artifact>(c.query(std::string(kArtifactColumns) + " WHERE tenant_id = ? AND id = ?", {tenant_id, id}),
                         artifact_from);
}

Result<bool> decide_artifact(Connection& c, const std::string& tenant_id, const std::string& id,
                             const std::string& decision, const std::string& actor, const std::string& note) {
  auto done = c.query(
      "UPDATE artifacts SET status = ?, decided_by = ?, decided_at = ?, decision_note = ?"
      " WHERE tenant_id = ? AND id = ? AND status = 'pending'",
      {decision, actor, now_ms(), note, tenant_id, id});
  if (!done) return done.error();
  return done->affected > 0;
}

}  // namespace copilot::controlplane
