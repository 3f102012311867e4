#include "audit/audit_chain.h"

#include <nlohmann/json.hpp>

#include "common/crypto.h"

namespace copilot::controlplane {

std::string genesis_hash() {
  return std::string(64, '0');
}

std::string canonical_form(const AuditRecord& r) {
  // nlohmann::json keeps object keys sorted, so dump() is canonical for these types.
  nlohmann::json j = {
      {"tenant_id", r.tenant_id},
      {"seq", r.seq},
      {"id", r.id},
      {"occurred_at", r.occurred_at},
      {"recorded_at", r.recorded_at},
      {"actor", r.actor},
      {"action", r.action},
      {"target", r.target},
      {"details", r.details},
      {"prev_hash", r.prev_hash},
  };
  j["idempotency_key"] = r.idempotency_key ? nlohmann::json(*r.idempotency_key) : nlohmann::json(nullptr);
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string record_hash(const AuditRecord& record) {
  return sha256_hex(canonical_form(record));
}

}  // namespace copilot::controlplane
