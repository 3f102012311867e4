#pragma once
// LLM token budgets: per tenant (optionally per project), per day or month, plus
// per-minute request and token rates. Reservations take tokens up front with a
// conditional UPDATE in the database (never only an in-process lock), so any
// number of server processes sharing PostgreSQL cannot overspend a budget.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "storage/database.h"

namespace copilot::controlplane {

struct Quota {
  std::string id;
  std::string project_id;  ///< empty: the whole tenant
  std::string period;      ///< "day" or "month"
  int64_t token_limit = 0;
  int64_t requests_per_minute = 0;  ///< 0: no limit
  int64_t tokens_per_minute = 0;    ///< 0: no limit
};

Result<std::vector<Quota>> list_quotas(Connection& c, const std::string& tenant_id);
/// Creates or replaces the quota for (project, period).
Result<Quota> put_quota(Connection& c, const std::string& tenant_id, const Quota& quota);
Result<bool> delete_quota(Connection& c, const std::string& tenant_id, const std::string& id);

struct ModelPrice {
  double prompt_usd_per_million = 0;
  double completion_usd_per_million = 0;
};
using PriceTable = std::map<std::string, ModelPrice>;

struct ReserveInput {
  std::string project_id;  ///< empty: no project
  std::string model;
  int64_t estimated_tokens = 0;
  std::optional<std::string> idempotency_key;
  std::string actor;
};

struct Reservation {
  std::string id;
  std::string project_id;
  std::string model;
  int64_t estimated_tokens = 0;
  std::string status;  ///< reserved, committed, expired
  int64_t created_at = 0;
  int64_t expires_at = 0;
};

struct ReserveOutcome {
  enum Kind { created, replayed, refused } kind = created;
  Reservation reservation;
  std::optional<int64_t> remaining_tokens;  ///< least left in any applicable budget; nullopt: no budget applies
  int64_t resets_at = 0;                    ///< refused: when the refusing window ends
  std::string refused_limit;                ///< refused: "tokens_per_day", "requests_per_minute", ...
};

Result<ReserveOutcome> reserve_tokens(Database& db, const std::string& tenant_id, const ReserveInput& input,
                                      int64_t now, int64_t ttl_ms);

struct CommitInput {
  int64_t prompt_tokens = 0;
  int64_t completion_tokens = 0;
  std::optional<std::string> model;
};

struct CommitOutcome {
  enum Kind { committed, not_found, already_committed, expired } kind = committed;
  int64_t committed_tokens = 0;
  std::optional<int64_t> remaining_tokens;
};

Result<CommitOutcome> commit_reservation(Database& db, const std::string& tenant_id, const std::string& id,
                                         const CommitInput& input, int64_t now, const PriceTable& prices);

/// Expires reservations past their deadline (all tenants) and gives their tokens back.
Result<int64_t> release_expired(Database& db, int64_t now);

/// Deletes per-minute rate windows older than an hour (they only matter for their minute).
Result<int64_t> prune_rate_windows(Database& db, int64_t now);

struct UsageRow {
  std::string day;
  std::string project_id;
  std::string model;
  int64_t requests = 0;
  int64_t prompt_tokens = 0;
  int64_t completion_tokens = 0;
  int64_t cost_micro_usd = 0;
};

/// Committed usage per day, project and model, days in [from_day, to_day].
Result<std::vector<UsageRow>> usage_report(Connection& c, const std::string& tenant_id, const std::string& from_day,
                                           const std::string& to_day, const std::optional<std::string>& project_id);

}  // namespace copilot::controlplane
