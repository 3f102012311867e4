#pragma once
// Appending to, reading and verifying a tenant's audit log.
#include <optional>
#include <string>
#include <vector>

#include "audit/audit_chain.h"
#include "storage/database.h"

namespace copilot::controlplane {

struct NewAuditEvent {
  std::string actor;
  std::string action;
  std::string target;
  std::string details = "{}";          ///< JSON object text
  std::optional<int64_t> occurred_at;  ///< defaults to now
  std::optional<std::string> idempotency_key;
};

struct AppendResult {
  AuditRecord record;
  bool replayed = false;  ///< the idempotency key was seen before: this is the earlier record
};

/// Appends inside the caller's transaction, so a change and its audit record
/// commit together. Serializes per tenant on the chain head row.
Result<AppendResult> append_audit(Connection& c, const std::string& tenant_id, const NewAuditEvent& event);

struct AuditQuery {
  std::optional<int64_t> since;  ///< recorded_at >= since
  std::optional<int64_t> until;  ///< recorded_at < until
  std::optional<std::string> action;
  int64_t after_seq = 0;  ///< the page cursor
  int limit = 100;
};

Result<std::vector<AuditRecord>> list_audit(Connection& c, const std::string& tenant_id, const AuditQuery& query);

struct ChainVerdict {
  bool valid = true;
  int64_t records = 0;
  std::optional<int64_t> broken_at;  ///< the first seq that does not verify
  std::string reason;
};

/// Recomputes every hash and link, and checks the head still points at the last record
/// (so deleting the newest records is detected too).
Result<ChainVerdict> verify_audit(Database& db, const std::string& tenant_id);

}  // namespace copilot::controlplane
