// /v1/projects, /v1/runs, /v1/artifacts
#include <map>

#include "common/clock.h"
#include "http/reply.h"
#include "http/requests.h"
#include "http/routes.h"
#include "http/views.h"
#include "projects/projects.h"

namespace copilot::controlplane {
namespace {

void list_projects_route(Call& call) {
  nlohmann::json items = nlohmann::json::array();
  for (const auto& p : read(call, [&](Connection& c) { return list_projects(c, call.who.tenant_id); })) {
    items.push_back(to_json(p));
  }
  reply_json(call, 200, {{"projects", items}});
}

void create_project_route(Call& call) {
  auto body = body_or_reply(call, parse_create_project(call.req.body));
  if (!body) return;
  auto project = write(call, [&](Connection& c) -> Result<std::optional<Project>> {
    auto created = create_project(c, call.who.tenant_id, body->name, body->description);
    if (created && *created) audit(c, call, "project.create", (*created)->id, {{"name", body->name}});
    return created;
  });
  if (!project) return reply_problem(call, conflict("a project named " + body->name + " already exists"));
  reply_json(call, 201, to_json(*project));
}

void get_project_route(Call& call) {
  const std::string name = call.param(1);
  auto project = read(call, [&](Connection& c) { return find_project(c, call.who.tenant_id, name); });
  if (!project) return reply_problem(call, not_found("no project " + name));
  reply_json(call, 200, to_json(*project));
}

std::string project_name(Connection& c, const std::string& tenant_id, const std::string& project_id) {
  auto p = must(find_project_by_id(c, tenant_id, project_id));
  return p ? p->name : "";
}

void list_runs_route(Call& call) {
  auto limit = limit_or_reply(call, 100, 1000);
  if (!limit) return;
  auto filter = call.query("project");
  nlohmann::json items = nlohmann::json::array();
  must(call.services.db.run([&](Connection& c) -> Result<void> {
    std::optional<std::string> project_id;
    std::map<std::string, std::string> names;
    for (const auto& p : must(list_projects(c, call.who.tenant_id))) {
      names[p.id] = p.name;
      if (filter && p.name == *filter) project_id = p.id;
    }
    if (filter && !project_id) return {};  // an unknown project has no runs
    for (const auto& r : must(list_runs(c, call.who.tenant_id, project_id, *limit))) {
      items.push_back(to_json(r, names[r.project_id]));
    }
    return {};
  }));
  reply_json(call, 200, {{"runs", items}});
}

void create_run_route(Call& call) {
  auto body = body_or_reply(call, parse_create_run(call.req.body));
  if (!body) return;
  std::pair<Run, bool> outcome;
  write(call, [&](Connection& c) -> Result<bool> {
    // Registering a run for a new project creates the project (runs:write implies projects:write for every role).
    auto project = must(find_project(c, call.who.tenant_id, body->project));
    if (!project) {
      project = must(create_project(c, call.who.tenant_id, body->project, ""));
      audit(c, call, "project.create", project->id, {{"name", body->project}});
    }
    Run run;
    run.project_id = project->id;
    run.kind = body->kind;
    run.status = body->status;
    run.stage = body->stage;
    run.started_at = body->started_at.value_or(now_ms());
    run.finished_at = body->finished_at;
    run.metrics = body->metrics;
    run.idempotency_key = body->idempotency_key;
    run.created_by = call.who.actor();
    outcome = must(create_run(c, call.who.tenant_id, run));
    if (!outcome.second) {
      audit(c, call, "run.create", outcome.first.id, {{"project", body->project}, {"kind", body->kind}});
    }
    return true;
  });
  reply_json(call, outcome.second ? 200 : 201, to_json(outcome.first, body->project));
}

void get_run_route(Call& call) {
  const std::string id = call.param(1);
  std::optional<nlohmann::json> view;
  must(call.services.db.run([&](Connection& c) -> Result<void> {
    if (auto run = must(find_run(c, call.who.tenant_id, id))) {
      view = to_json(*run, project_name(c, call.who.tenant_id, run->project_id));
    }
    return {};
  }));
  if (!view) return reply_problem(call, not_found("no run " + id));
  reply_json(call, 200, *view);
}

void update_run_route(Call& call) {
  auto body = body_or_reply(call, parse_update_run(call.req.body));
  if (!body) return;
  const std::string id = call.param(1);
  std::optional<nlohmann::json> view;
  write(call, [&](Connection& c) -> Result<bool> {
    auto run = must(find_run(c, call.who.tenant_id, id));
    if (!run) return false;
    if (body->status) run->status = *body->status;
    if (body->stage) run->stage = *body->stage;
    if (body->finished_at) run->finished_at = *body->finished_at;
    if (body->metrics) run->metrics = *body->metrics;
    bool terminal = run->status == "succeeded" || run->status == "failed" || run->status == "cancelled";
    if (terminal && !run->finished_at) run->finished_at = now_ms();
    must(update_run(c, call.who.tenant_id, *run));
    audit(c, call, "run.update", id, {{"status", run->status}, {"stage", run->stage}});
    view = to_json(*run, project_name(c, call.who.tenant_id, run->project_id));
    return true;
  });
  if (!view) return reply_problem(call, not_found("no run " + id));
  reply_json(call, 200, *view);
}

void list_artifacts_route(Call& call) {
  auto status = call.query("status");
  if (status && *status != "pending" && *status != "approved" && *status != "rejected") {
    return reply_problem(call, invalid_request("status", "status: must be pending, approved or rejected"));
  }
  auto run_id = call.query("run_id");
  nlohmann::json items = nlohmann::json::array();
  for (const auto& a :
       read(call, [&](Connection& c) { return list_artifacts(c, call.who.tenant_id, run_id, status); })) {
    items.push_back(to_json(a));
  }
  reply_json(call, 200, {{"artifacts", items}});
}

void create_artifact_route(Call& call) {
  auto body = body_or_reply(call, parse_create_artifact(call.req.body));
  if (!body) return;
  auto artifact = write(call, [&](Connection& c) -> Result<std::optional<Artifact>> {
    if (!must(find_run(c, call.who.tenant_id, body->run_id))) return std::optional<Artifact>{};
    Artifact a;
    a.run_id = body->run_id;
    a.name = body->name;
    a.kind = body->kind;
    a.digest = body->digest;
    a.size_bytes = body->size_bytes;
    a.uri = body->uri;
    a.created_by = call.who.actor();
    Artifact created = must(create_artifact(c, call.who.tenant_id, a));
    audit(c, call, "artifact.create", created.id, {{"run_id", a.run_id}, {"name", a.name}, {"digest", a.digest}});
    return std::optional<Artifact>{created};
  });
  if (!artifact) return reply_problem(call, not_found("no run " + body->run_id));
  reply_json(call, 201, to_json(*artifact));
}

void get_artifact_route(Call& call) {
  const std::string id = call.param(1);
  auto artifact = read(call, [&](Connection& c) { return find_artifact(c, call.who.tenant_id, id); });
  if (!artifact) return reply_problem(call, not_found("no artifact " + id));
  reply_json(call, 200, to_json(*artifact));
}

/// approve / reject: one decision per artifact, by a reviewer, recorded in the audit log.
Handler decide(const std::string& decision) {
  return [decision](Call& call) {
    auto body = body_or_reply(call, parse_decision(call.req.body));
    if (!body) return;
    const std::string id = call.param(1);
    enum { missing, already, done } outcome = missing;
    std::optional<Artifact> after;
    write(call, [&](Connection& c) -> Result<bool> {
      auto artifact = must(find_artifact(c, call.who.tenant_id, id));
      if (!artifact) return false;
      if (!must(decide_artifact(c, call.who.tenant_id, id, decision, call.who.actor(), body->note))) {
        outcome = already;
        after = artifact;
        return false;
      }
      audit(c, call, "artifact." + std::string(decision == "approved" ? "approve" : "reject"), id,
            {{"note", body->note}});
      outcome = done;
      after = must(find_artifact(c, call.who.tenant_id, id));
      return true;
    });
    if (outcome == missing) return reply_problem(call, not_found("no artifact " + id));
    if (outcome == already) {
      Problem p = conflict("the artifact was already " + after->status);
      p.extensions["artifact_status"] = after->status;
      return reply_problem(call, p);
    }
    reply_json(call, 200, to_json(*after));
  };
}

}  // namespace

std::vector<Route> project_routes() {
  return {
      {"GET", "/v1/projects", Permission::projects_read, list_projects_route},
      {"POST", "/v1/projects", Permission::projects_write, create_project_route},
      {"GET", "/v1/projects/{name}", Permission::projects_read, get_project_route},
      {"GET", "/v1/runs", Permission::runs_read, list_runs_route},
      {"POST", "/v1/runs", Permission::runs_write, create_run_route},
      {"GET", "/v1/runs/{id}", Permission::runs_read, get_run_route},
      {"PATCH", "/v1/runs/{id}", Permission::runs_write, update_run_route},
      {"GET", "/v1/artifacts", Permission::artifacts_read, list_artifacts_route},
      {"POST", "/v1/artifacts", Permission::artifacts_write, create_artifact_route},
      {"GET", "/v1/artifacts/{id}", Permission::artifacts_read, get_artifact_route},
      {"POST", "/v1/artifacts/{id}/approve", Permission::artifacts_review, decide("approved")},
      {"POST", "/v1/artifacts/{id}/reject", Permission::artifacts_review, decide("rejected")},
  };
}

}  // namespace copilot::controlplane
