#include "http/views.h"

#include "common/clock.h"

namespace copilot::controlplane {
namespace {

nlohmann::json time_or_null(const std::optional<int64_t>& ms) {
  return ms ? nlohmann::json(rfc3339(*ms)) : nlohmann::json(nullptr);
}
nlohmann::json text_or_null(const std::optional<std::string>& s) {
  return s ? nlohmann::json(*s) : nlohmann::json(nullptr);
}
nlohmann::json object_or_empty(const std::string& text) {
  auto j = nlohmann::json::parse(text, nullptr, false);
  return j.is_object() ? j : nlohmann::json::object();
}

}  // namespace

nlohmann::json to_json(const Tenant& t) {
  return {{"id", t.id}, {"name", t.name}, {"operator", t.operator_tenant}, {"created_at", rfc3339(t.created_at)}};
}

nlohmann::json to_json(const User& u) {
  return {{"id", u.id},
          {"email", u.email},
          {"role", role_name(u.role)},
          {"disabled", u.disabled},
          {"created_at", rfc3339(u.created_at)}};
}

nlohmann::json to_json(const ApiKeyInfo& k) {
  return {{"id", k.id},
          {"user_id", k.user_id},
          {"name", k.name},
          {"scopes", k.scopes},
          {"created_at", rfc3339(k.created_at)},
          {"expires_at", time_or_null(k.expires_at)},
          {"revoked_at", time_or_null(k.revoked_at)}};
}

nlohmann::json to_json(const Project& p) {
  return {{"id", p.id}, {"name", p.name}, {"description", p.description}, {"created_at", rfc3339(p.created_at)}};
}

nlohmann::json to_json(const Run& r, const std::string& project) {
  nlohmann::json j = {{"id", r.id},
                      {"project", project},
                      {"kind", r.kind},
                      {"status", r.status},
                      {"stage", r.stage},
                      {"started_at", time_or_null(r.started_at)},
                      {"finished_at", time_or_null(r.finished_at)},
                      {"metrics", object_or_empty(r.metrics)},
                      {"idempotency_key", text_or_null(r.idempotency_key)},
                      {"created_by", r.created_by},
                      {"created_at", rfc3339(r.created_at)}};
  if (r.started_at && r.finished_at) j["duration_ms"] = *r.finished_at - *r.started_at;
  return j;
}

nlohmann::json to_json(const Artifact& a) {
  return {{"id", a.id},
          {"run_id", a.run_id},
          {"name", a.name},
          {"kind", a.kind},
          {"digest", a.digest},
          {"size_bytes", a.size_bytes},
          {"uri", a.uri},
          {"status", a.status},
          {"decided_by", text_or_null(a.decided_by)},
          {"decided_at", time_or_null(a.decided_at)},
          {"decision_note", text_or_null(a.decision_note)},
          {"created_by", a.created_by},
          {"created_at", rfc3339(a.created_at)}};
}

nlohmann::json to_json(const AuditRecord& r) {
  return {{"id", r.id},
          {"seq", r.seq},
          {"occurred_at", rfc3339(r.occurred_at)},
          {"recorded_at", rfc3339(r.recorded_at)},
          {"occurred_at_ms", r.occurred_at},
          {"recorded_at_ms", r.recorded_at},
          {"actor", r.actor},
          {"action", r.action},
          {"target", r.target},
          {"details", object_or_empty(r.details)},
          {"idempotency_key", text_or_null(r.idempotency_key)},
          {"prev_hash", r.prev_hash},
          {"hash", r.hash}};
}

nlohmann::json to_json(const Quota& q, const std::string& project) {
  return {{"id", q.id},
          {"project", project.empty() ? nlohmann::json(nullptr) : nlohmann::json(project)},
          {"period", q.period},
          {"token_limit", q.token_limit},
          {"requests_per_minute", q.requests_per_minute},
          {"tokens_per_minute", q.tokens_per_minute}};
}

}  // namespace copilot::controlplane
