// /v1/audit: the tenant's hash-chained audit log.
#include "audit/audit_log.h"
#include "common/clock.h"
#include "http/reply.h"
#include "http/requests.h"
#include "http/routes.h"
#include "http/views.h"

namespace copilot::controlplane {
namespace {

/// An RFC 3339 query parameter; false after answering 422 when it is malformed.
bool time_param(Call& call, const char* name, std::optional<int64_t>& out) {
  auto text = call.query(name);
  if (!text) return true;
  out = parse_rfc3339(*text);
  if (!out) reply_problem(call, invalid_request(name, std::string(name) + ": must be an RFC 3339 timestamp"));
  return out.has_value();
}

void list_audit_route(Call& call) {
  AuditQuery q;
  auto limit = limit_or_reply(call, 100, 1000);
  if (!limit || !time_param(call, "since", q.since) || !time_param(call, "until", q.until)) return;
  q.limit = *limit;
  q.action = call.query("action");
  if (auto cursor = call.query("cursor")) {
    try {
      size_t used = 0;
      q.after_seq = std::stoll(*cursor, &used);
      if (used != cursor->size() || q.after_seq < 0) throw std::invalid_argument("cursor");
    } catch (const std::exception&) {
      return reply_problem(call, invalid_request("cursor", "cursor: must be the next_cursor of a previous page"));
    }
  }
  auto records = read(call, [&](Connection& c) { return list_audit(c, call.who.tenant_id, q); });
  nlohmann::json items = nlohmann::json::array();
  for (const auto& r : records) items.push_back(to_json(r));
  nlohmann::json next = records.size() == static_cast<size_t>(q.limit)
                            ? nlohmann::json(std::to_string(records.back().seq))
                            : nlohmann::json(nullptr);
  reply_json(call, 200, {{"events", items}, {"next_cursor", next}});
}

void verify_audit_route(Call& call) {
  ChainVerdict v = must(verify_audit(call.services.db, call.who.tenant_id));
  reply_json(call, 200,
             {{"valid", v.valid},
              {"records", v.records},
              {"broken_at", v.broken_at ? nlohmann::json(*v.broken_at) : nlohmann::json(nullptr)},
              {"reason", v.reason}});
}

void append_audit_route(Call& call) {
  auto body = body_or_reply(call, parse_audit_event(call.req.body));
  if (!body) return;
  NewAuditEvent event;
  event.actor = call.who.actor();
  event.action = body->action;
  event.target = body->target;
  event.details = body->details;
  event.occurred_at = body->occurred_at;
  event.idempotency_key = body->idempotency_key;
  auto appended = write(call, [&](Connection& c) { return append_audit(c, call.who.tenant_id, event); });
  reply_json(call, appended.replayed ? 200 : 201, to_json(appended.record));
}

}  // namespace

std::vector<Route> audit_routes() {
  return {
      {"GET", "/v1/audit", Permission::audit_read, list_audit_route},
      {"GET", "/v1/audit/verify", Permission::audit_read, verify_audit_route},
      {"POST", "/v1/audit/events", Permission::audit_append, append_audit_route},
  };
}

}  // namespace copilot::controlplane
