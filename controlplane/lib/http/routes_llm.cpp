// /v1/quotas and /v1/llm: token budgets, reservations, the chat proxy and usage reports.
#include <httplib.h>

#include <map>
#include <regex>

#include "common/clock.h"
#include "http/reply.h"
#include "http/requests.h"
#include "http/routes.h"
#include "http/views.h"
#include "projects/projects.h"
#include "quotas/quotas.h"

namespace copilot::controlplane {
namespace {

Problem quota_exceeded(const ReserveOutcome& refused, int64_t now) {
  Problem p;
  p.status = 429;
  p.slug = "quota-exceeded";
  p.title = "The LLM token quota is exhausted";
  p.detail = "the " + refused.refused_limit + " limit does not leave room for this request";
  p.extensions["remaining_tokens"] = refused.remaining_tokens.value_or(0);
  p.extensions["resets_at"] = rfc3339(refused.resets_at);
  p.extensions["limit"] = refused.refused_limit;
  p.headers["Retry-After"] = std::to_string(std::max<int64_t>(1, (refused.resets_at - now + 999) / 1000));
  return p;
}

/// The project's id ("" for none); nullopt after answering 404 for an unknown name.
std::optional<std::string> project_id_or_reply(Call& call, const std::optional<std::string>& name) {
  if (!name) return std::string();
  auto project = read(call, [&](Connection& c) { return find_project(c, call.who.tenant_id, *name); });
  if (!project) {
    reply_problem(call, not_found("no project " + *name + " (register it with POST /v1/projects or a run)"));
    return std::nullopt;
  }
  return project->id;
}

std::map<std::string, std::string> project_names(Call& call) {
  std::map<std::string, std::string> names;
  for (const auto& p : read(call, [&](Connection& c) { return list_projects(c, call.who.tenant_id); })) {
    names[p.id] = p.name;
  }
  return names;
}

void list_quotas_route(Call& call) {
  auto names = project_names(call);
  nlohmann::json items = nlohmann::json::array();
  for (const auto& q : read(call, [&](Connection& c) { return list_quotas(c, call.who.tenant_id); })) {
    items.push_back(to_json(q, names[q.project_id]));
  }
  reply_json(call, 200, {{"quotas", items}});
}

void put_quota_route(Call& call) {
  auto body = body_or_reply(call, parse_put_quota(call.req.body));
  if (!body) return;
  auto project_id = project_id_or_reply(call, body->project);
  if (!project_id) return;
  Quota q{"", *project_id, body->period, body->token_limit, body->requests_per_minute, body->tokens_per_minute};
  Quota stored = write(call, [&](Connection& c) -> Result<Quota> {
    auto saved = put_quota(c, call.who.tenant_id, q);
    if (saved) {
      audit(c, call, "quota.put", saved->id,
            {{"project", body->project.value_or("")},
             {"period", q.period},
             {"token_limit", q.token_limit},
             {"requests_per_minute", q.requests_per_minute},
             {"tokens_per_minute", q.tokens_per_minute}});
    }
    return saved;
  });
  reply_json(call, 200, to_json(stored, body->project.value_or("")));
}

void delete_quota_route(Call& call) {
  const std::string id = call.param(1);
  bool deleted = write(call, [&](Connection& c) -> Result<bool> {
    auto done = delete_quota(c, call.who.tenant_id, id);
    if (done && *done) audit(c, call, "quota.delete", id);
    return done;
  });
  if (!deleted) return reply_problem(call, not_found("no quota " + id));
  call.res.status = 204;
}

nlohmann::json remaining_json(const std::optional<int64_t>& remaining) {
  return remaining ? nlohmann::json(*remaining) : nlohmann::json(nullptr);
}

void reserve_route(Call& call) {
  auto body = body_or_reply(call, parse_reserve(call.req.body));
  if (!body) return;
  auto project_id = project_id_or_reply(call, body->project);
  if (!project_id) return;
  const int64_t now = now_ms();
  ReserveInput in{*project_id, body->model, body->estimated_tokens, body->idempotency_key, call.who.actor()};
  ReserveOutcome out =
      must(reserve_tokens(call.services.db, call.who.tenant_id, in, now, call.services.options.reservation_ttl_ms));
  static const char* kOutcomes[] = {"created", "replayed", "refused"};
  call.services.metrics.count("copilot_llm_reservations_total", kOutcomes[out.kind]);
  if (out.kind == ReserveOutcome::refused) return reply_problem(call, quota_exceeded(out, now));
  reply_json(call, out.kind == ReserveOutcome::created ? 201 : 200,
             {{"id", out.reservation.id},
              {"estimated_tokens", out.reservation.estimated_tokens},
              {"expires_at", rfc3339(out.reservation.expires_at)},
              {"status", out.reservation.status},
              {"remaining_tokens", remaining_json(out.remaining_tokens)}});
}

void commit_route(Call& call) {
  auto body = body_or_reply(call, parse_commit(call.req.body));
  if (!body) return;
  const std::string id = call.param(1);
  CommitOutcome out = must(commit_reservation(call.services.db, call.who.tenant_id, id,
                                              CommitInput{body->prompt_tokens, body->completion_tokens, body->model},
                                              now_ms(), call.services.options.prices));
  switch (out.kind) {
    case CommitOutcome::not_found: return reply_problem(call, not_found("no reservation " + id));
    case CommitOutcome::already_committed:
      return reply_problem(call, conflict("reservation " + id + " was already committed"));
    case CommitOutcome::expired:
      return reply_problem(call, gone("reservation " + id + " expired and its tokens were released"));
    case CommitOutcome::committed: break;
  }
  reply_json(call, 200,
             {{"id", id},
              {"committed_tokens", out.committed_tokens},
              {"remaining_tokens", remaining_json(out.remaining_tokens)}});
}

void chat_route(Call& call) {
  auto body = body_or_reply(call, parse_chat(call.req.body));
  if (!body) return;
  ChatBackend* backend = call.services.chat;
  if (!backend)
    return reply_problem(call, unavailable("no LLM upstream is configured on this server (--llm-upstream)"));
  auto project_id = project_id_or_reply(call, body->project);
  if (!project_id) return;
  const int64_t now = now_ms();
  const std::string model = backend->model_for(body->chat.tier);
  ReserveInput in{*project_id, model, estimate_prompt_tokens(body->chat) + body->chat.max_tokens, std::nullopt,
                  call.who.actor()};
  ReserveOutcome reserved =
      must(reserve_tokens(call.services.db, call.who.tenant_id, in, now, call.services.options.reservation_ttl_ms));
  if (reserved.kind == ReserveOutcome::refused) return reply_problem(call, quota_exceeded(reserved, now));
  Result<ChatReply> reply = backend->complete(body->chat);
  CommitInput used{0, 0, model};
  if (reply) used = CommitInput{reply->prompt_tokens, reply->completion_tokens, reply->model};
  must(commit_reservation(call.services.db, call.who.tenant_id, reserved.reservation.id, used, now_ms(),
                          call.services.options.prices));
  if (!reply) return reply_problem(call, bad_gateway(reply.error().message));
  reply_json(call, 200,
             {{"content", reply->content},
              {"model", reply->model},
              {"usage", {{"prompt_tokens", reply->prompt_tokens}, {"completion_tokens", reply->completion_tokens}}},
              {"cached", false}});
}

bool day_param(Call& call, const char* name, std::string& out) {
  static const std::regex day(R"(\d{4}-\d{2}-\d{2})");
  auto text = call.query(name);
  if (!text) return true;
  if (!std::regex_match(*text, day)) {
    reply_problem(call, invalid_request(name, std::string(name) + ": must be a day such as 2026-11-01"));
    return false;
  }
  out = *text;
  return true;
}

void usage_route(Call& call) {
  const int64_t now = now_ms();
  std::string from = month_key(now) + "-01", to = day_key(now);
  if (!day_param(call, "from", from) || !day_param(call, "to", to)) return;
  auto names = project_names(call);
  std::optional<std::string> project_id;
  if (auto name = call.query("project")) {
    project_id = project_id_or_reply(call, name);
    if (!project_id) return;
  }
  auto rows = read(call, [&](Connection& c) { return usage_report(c, call.who.tenant_id, from, to, project_id); });
  nlohmann::json items = nlohmann::json::array();
  nlohmann::json by_project = nlohmann::json::object(), by_model = nlohmann::json::object(),
                 by_day = nlohmann::json::object();
  UsageRow total;
  auto add = [](nlohmann::json& bucket, const UsageRow& r) {
    if (bucket.is_null()) bucket = {{"requests", 0}, {"prompt_tokens", 0}, {"completion_tokens", 0}, {"cost_usd", 0.0}};
    bucket["requests"] = bucket["requests"].get<int64_t>() + r.requests;
    bucket["prompt_tokens"] = bucket["prompt_tokens"].get<int64_t>() + r.prompt_tokens;
    bucket["completion_tokens"] = bucket["completion_tokens"].get<int64_t>() + r.completion_tokens;
    bucket["cost_usd"] = bucket["cost_usd"].get<double>() + static_cast<double>(r.cost_micro_usd) / 1e6;
  };
  nlohmann::json totals;
  for (const auto& r : rows) {
    const std::string project = names.count(r.project_id) ? names[r.project_id] : "";
    items.push_back({{"day", r.day},
                     {"project", project.empty() ? nlohmann::json(nullptr) : nlohmann::json(project)},
                     {"model", r.model},
                     {"requests", r.requests},
                     {"prompt_tokens", r.prompt_tokens},
                     {"completion_tokens", r.completion_tokens},
                     {"cost_usd", static_cast<double>(r.cost_micro_usd) / 1e6}});
    add(by_project[project.empty() ? "(none)" : project], r);
    add(by_model[r.model], r);
    add(by_day[r.day], r);
    add(totals, r);
  }
  if (totals.is_null()) add(totals, UsageRow{});
  reply_json(call, 200,
             {{"from", from},
              {"to", to},
              {"rows", items},
              {"by_project", by_project},
              {"by_model", by_model},
              {"by_day", by_day},
              {"total", totals}});
}

}  // namespace

std::vector<Route> llm_routes() {
  return {
      {"GET", "/v1/quotas", Permission::quotas_read, list_quotas_route},
      {"PUT", "/v1/quotas", Permission::quotas_manage, put_quota_route},
      {"DELETE", "/v1/quotas/{id}", Permission::quotas_manage, delete_quota_route},
      {"POST", "/v1/llm/reservations", Permission::llm_use, reserve_route},
      {"POST", "/v1/llm/reservations/{id}/commit", Permission::llm_use, commit_route},
      {"POST", "/v1/llm/chat", Permission::llm_use, chat_route},
      {"GET", "/v1/llm/usage", Permission::usage_read, usage_route},
  };
}

}  // namespace copilot::controlplane
