#pragma once
// The tamper-evident part of the audit log: each record's hash covers its
// fields and the previous record's hash (SHA-256 over a canonical JSON form).
#include <cstdint>
#include <optional>
#include <string>

namespace copilot::controlplane {

struct AuditRecord {
  std::string tenant_id;
  int64_t seq = 0;  ///< 1, 2, 3, ... per tenant, no gaps
  std::string id;
  int64_t occurred_at = 0;  ///< when the client says it happened (ms)
  int64_t recorded_at = 0;  ///< when the server stored it (ms)
  std::string actor;
  std::string action;
  std::string target;
  std::string details;  ///< canonical JSON text of an object
  std::optional<std::string> idempotency_key;
  std::string prev_hash;
  std::string hash;
};

/// The prev_hash of a tenant's first record: 64 zeros.
std::string genesis_hash();
/// Keys sorted, no whitespace, every field but `hash`: what the hash is computed over.
std::string canonical_form(const AuditRecord& record);
std::string record_hash(const AuditRecord& record);

}  // namespace copilot::controlplane
