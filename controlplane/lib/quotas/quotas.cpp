#include "quotas/quotas.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "common/clock.h"
#include "common/crypto.h"

namespace copilot::controlplane {
namespace {

constexpr const char* kQuotaColumns =
    "SELECT id, project_id, period, token_limit, requests_per_minute, tokens_per_minute FROM quotas";
constexpr const char* kReservationColumns =
    "SELECT id, project_id, model, estimated_tokens, status, created_at, expires_at FROM reservations";

Quota quota_from(const Row& r) {
  return Quota{r.text(0), r.text(1), r.text(2), r.integer(3), r.integer(4), r.integer(5)};
}

Reservation reservation_from(const Row& r) {
  return Reservation{r.text(0), r.text(1), r.text(2), r.integer(3), r.text(4), r.integer(5), r.integer(6)};
}

std::string period_window(const std::string& period, int64_t now) {
  return period == "day" ? "d:" + day_key(now) : "m:" + month_key(now);
}
int64_t period_end(const std::string& period, int64_t now) {
  return period == "day" ? next_day(now) : next_month(now);
}

/// Where a reservation's tokens were taken from, so commit and expiry can adjust the same windows.
struct Charge {
  std::string quota_id;
  std::string window;
  int64_t limit = 0;
};

std::string charges_text(const std::vector<Charge>& charges) {
  nlohmann::json j = nlohmann::json::array();
  for (const auto& c : charges) j.push_back({c.quota_id, c.window, c.limit});
  return j.dump();
}

std::vector<Charge> charges_from(const std::string& text) {
  std::vector<Charge> out;
  auto j = nlohmann::json::parse(text, nullptr, false);
  if (!j.is_array()) return out;
  for (const auto& c : j) {
    if (c.is_array() && c.size() == 3 && c[0].is_string() && c[1].is_string() && c[2].is_number_integer()) {
      out.push_back({c[0].get<std::string>(), c[1].get<std::string>(), c[2].get<int64_t>()});
    }
  }
  return out;
}

/// Moves `delta` tokens in every window the reservation charged; returns the least left in them.
Result<std::optional<int64_t>> adjust_charges(Connection& c, const std::vector<Charge>& charges, int64_t delta) {
  std::optional<int64_t> least;
  for (const auto& charge : charges) {
    auto done = c.query(
        "UPDATE quota_windows SET used_tokens = used_tokens + ? WHERE quota_id = ? AND window_key = ?"
        " RETURNING used_tokens",
        {delta, charge.quota_id, charge.window});
    if (!done) return done.error();
    if (done->rows.empty()) continue;  // the quota was deleted meanwhile
    int64_t left = std::max<int64_t>(0, charge.limit - done->rows[0].integer(0));
    least = std::min(least.value_or(left), left);
  }
  return least;
}

/// Takes `tokens` from a window if they fit; nullopt when they do not. The window
/// row is created on first use (the common path is a single UPDATE).
Result<std::optional<int64_t>> take_tokens(Connection& c, const Charge& charge, int64_t tokens) {
  for (int attempt = 0; attempt < 2; ++attempt) {
    auto taken = c.query(
        "UPDATE quota_windows SET used_tokens = used_tokens + ? WHERE quota_id = ? AND window_key = ?"
        " AND used_tokens + ? <= ? RETURNING used_tokens",
        {tokens, charge.quota_id, charge.window, tokens, charge.limit});
    if (!taken) return taken.error();
    if (!taken->rows.empty()) return std::optional<int64_t>{taken->rows[0].integer(0)};
    if (attempt > 0) break;
    auto created = c.query(
        "INSERT INTO quota_windows (quota_id, window_key, used_tokens, requests) VALUES (?, ?, 0, 0)"
        " ON CONFLICT (quota_id, window_key) DO NOTHING",
        {charge.quota_id, charge.window});
    if (!created) return created.error();
    if (created->affected == 0) break;  // the window exists: the tokens do not fit
  }
  return std::optional<int64_t>{};
}

Result<std::vector<Quota>> applicable_quotas(Connection& c, const std::string& tenant_id,
                                             const std::string& project_id) {
  // Ordered by id so concurrent reservations lock windows in one order (no deadlocks).
  auto rows = c.query(std::string(kQuotaColumns) +
                          " WHERE tenant_id = ? AND (project_id = '' OR project_id = ?)"
                          " ORDER BY id",
                      {tenant_id, project_id});
  if (!rows) return rows.error();
  std::vector<Quota> out;
  for (const Row& r : rows->rows) out.push_back(quota_from(r));
  return out;
}

Result<void> ensure_window(Connection& c, const std::string& quota_id, const std::string& window) {
  auto done = c.query(
      "INSERT INTO quota_windows (quota_id, window_key, used_tokens, requests) VALUES (?, ?, 0, 0)"
      " ON CONFLICT (quota_id, window_key) DO NOTHING",
      {quota_id, window});
  if (!done) return done.error();
  return {};
}

/// Least tokens left across the tenant's (and project's) period budgets right now.
Result<std::optional<int64_t>> remaining_tokens(Connection& c, const std::string& tenant_id,
                                                const std::string& project_id, int64_t now) {
  auto quotas = applicable_quotas(c, tenant_id, project_id);
  if (!quotas) return quotas.error();
  std::optional<int64_t> least;
  for (const Quota& q : *quotas) {
    auto used = c.query("SELECT used_tokens FROM quota_windows WHERE quota_id = ? AND window_key = ?",
                        {q.id, period_window(q.period, now)});
    if (!used) return used.error();
    int64_t left = q.token_limit - (used->rows.empty() ? 0 : used->rows[0].integer(0));
    least = std::min(least.value_or(left), std::max<int64_t>(0, left));
  }
  return least;
}

Result<void> release_rows(Connection& c, const QueryResult& expired) {
  for (const Row& r : expired.rows) {
    if (auto done = adjust_charges(c, charges_from(r.text(0)), -r.integer(1)); !done) return done.error();
  }
  return {};
}

/// Expires the tenant's overdue reservations and gives their tokens back.
Result<void> release_tenant_expired(Connection& c, const std::string& tenant_id, int64_t now) {
  auto expired = c.query(
      "UPDATE reservations SET status = 'expired' WHERE tenant_id = ? AND status = 'reserved' AND expires_at <= ?"
      " RETURNING charges, estimated_tokens",
      {tenant_id, now});
  if (!expired) return expired.error();
  return release_rows(c, *expired);
}

}  // namespace

Result<std::vector<Quota>> list_quotas(Connection& c, const std::string& tenant_id) {
  auto rows = c.query(std::string(kQuotaColumns) + " WHERE tenant_id = ? ORDER BY project_id, period", {tenant_id});
  if (!rows) return rows.error();
  std::vector<Quota> out;
  for (const Row& r : rows->rows) out.push_back(quota_from(r));
  return out;
}

Result<Quota> put_quota(Connection& c, const std::string& tenant_id, const Quota& quota) {
  auto done = c.query(
      "INSERT INTO quotas (id, tenant_id, project_id, period, token_limit, requests_per_minute, tokens_per_minute)"
      " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (tenant_id, project_id, period) DO UPDATE SET"
      " token_limit = excluded.token_limit, requests_per_minute = excluded.requests_per_minute,"
      " tokens_per_minute = excluded.tokens_per_minute",
      {new_id("quota"), tenant_id, quota.project_id, quota.period, quota.token_limit, quota.requests_per_minute,
       quota.tokens_per_minute});
  if (!done) return done.error();
  auto row = c.query(std::string(kQuotaColumns) + " WHERE tenant_id = ? AND project_id = ? AND period = ?",
                     {tenant_id, quota.project_id, quota.period});
  if (!row) return row.error();
  return quota_from(row->rows.at(0));
}

Result<bool> delete_quota(Connection& c, const std::string& tenant_id, const std::string& id) {
  auto done = c.query("DELETE FROM quotas WHERE tenant_id = ? AND id = ?", {tenant_id, id});
  if (!done) return done.error();
  return done->affected > 0;
}

Result<ReserveOutcome> reserve_tokens(Database& db, const std::string& tenant_id, const ReserveInput& in, int64_t now,
                                      int64_t ttl_ms) {
  ReserveOutcome out;
  bool lost_race = false, refused = false;
  Value key = in.idempotency_key ? Value{*in.idempotency_key} : Value{};
  auto find_by_key = [&](Connection& c) -> Result<bool> {
    auto seen =
        c.query(std::string(kReservationColumns) + " WHERE tenant_id = ? AND idempotency_key = ?", {tenant_id, key});
    if (!seen) return seen.error();
    if (seen->rows.empty()) return false;
    out.kind = ReserveOutcome::replayed;
    out.reservation = reservation_from(seen->rows[0]);
    return true;
  };
  Result<void> done = db.transaction([&](Connection& c) -> Result<void> {
    if (in.idempotency_key) {
      auto seen = find_by_key(c);
      if (!seen) return seen.error();
      if (*seen) return {};
    }
    auto quotas = applicable_quotas(c, tenant_id, in.project_id);
    if (!quotas) return quotas.error();
    std::vector<Charge> charges;
    for (const Quota& q : *quotas) charges.push_back({q.id, period_window(q.period, now), q.token_limit});
    // The reservation row first, the budget rows last: on PostgreSQL the budget's
    // row lock is then held only until the commit right after.
    out.kind = ReserveOutcome::created;
    out.reservation =
        Reservation{new_id("rsv"), in.project_id, in.model, in.estimated_tokens, "reserved", now, now + ttl_ms};
    const Reservation& r = out.reservation;
    auto inserted = c.query(
        "INSERT INTO reservations (id, tenant_id, project_id, model, estimated_tokens, status, charges,"
        " idempotency_key, created_by, created_at, expires_at) VALUES (?, ?, ?, ?, ?, 'reserved', ?, ?, ?, ?, ?)"
        " ON CONFLICT (tenant_id, idempotency_key) DO NOTHING",
        {r.id, tenant_id, r.project_id, r.model, r.estimated_tokens, charges_text(charges), key, in.actor, r.created_at,
         r.expires_at});
    if (!inserted) return inserted.error();
    if (inserted->affected == 0) {
      lost_race = true;  // the same key was reserved concurrently: answer with that reservation
      return Error{"idempotency key taken concurrently"};
    }
    bool released = false;
    for (size_t i = 0; i < quotas->size(); ++i) {
      const Quota& q = (*quotas)[i];
      auto used = take_tokens(c, charges[i], in.estimated_tokens);
      if (!used) return used.error();
      if (!*used && !released) {
        // Only a budget that looks full is worth sweeping for expired reservations.
        if (auto swept = release_tenant_expired(c, tenant_id, now); !swept) return swept;
        released = true;
        used = take_tokens(c, charges[i], in.estimated_tokens);
        if (!used) return used.error();
      }
      if (!*used) {
        refused = true;
        out.kind = ReserveOutcome::refused;
        out.resets_at = period_end(q.period, now);
        out.refused_limit = "tokens_per_" + q.period;
        return Error{"quota exceeded"};
      }
      int64_t left = q.token_limit - **used;
      out.remaining_tokens = std::min(out.remaining_tokens.value_or(left), left);
      if (q.requests_per_minute == 0 && q.tokens_per_minute == 0) continue;
      const std::string minute = "r:" + minute_key(now);
      if (auto ok = ensure_window(c, q.id, minute); !ok) return ok;
      auto rate = c.query(
          "UPDATE quota_windows SET requests = requests + 1, used_tokens = used_tokens + ?"
          " WHERE quota_id = ? AND window_key = ? AND (? = 0 OR requests + 1 <= ?) AND (? = 0 OR used_tokens + ? <= ?)",
          {in.estimated_tokens, q.id, minute, q.requests_per_minute, q.requests_per_minute, q.tokens_per_minute,
           in.estimated_tokens, q.tokens_per_minute});
      if (!rate) return rate.error();
      if (rate->affected == 0) {
        refused = true;
        out.kind = ReserveOutcome::refused;
        out.resets_at = next_minute(now);
        out.refused_limit = q.requests_per_minute ? "requests_per_minute" : "tokens_per_minute";
        return Error{"rate limit exceeded"};
      }
    }
    return {};
  });
  if (done) return out;
  if (refused) {
    // The charges were rolled back; report what is left as it stands.
    Result<void> read = db.run([&](Connection& c) -> Result<void> {
      auto left = remaining_tokens(c, tenant_id, in.project_id, now);
      if (!left) return left.error();
      out.remaining_tokens = *left;
      return {};
    });
    if (!read) return read.error();
    return out;
  }
  if (lost_race) {
    Result<void> read = db.run([&](Connection& c) -> Result<void> {
      auto seen = find_by_key(c);
      if (!seen) return seen.error();
      return *seen ? Result<void>{} : Result<void>{Error{"reservation vanished"}};
    });
    if (!read) return read.error();
    return out;
  }
  return done.error();
}

Result<CommitOutcome> commit_reservation(Database& db, const std::string& tenant_id, const std::string& id,
                                         const CommitInput& in, int64_t now, const PriceTable& prices) {
  CommitOutcome out;
  Result<void> done = db.transaction([&](Connection& c) -> Result<void> {
    const int64_t actual = in.prompt_tokens + in.completion_tokens;
    Value model = in.model ? Value{*in.model} : Value{};
    auto updated = c.query(
        "UPDATE reservations SET status = 'committed', prompt_tokens = ?, completion_tokens = ?,"
        " committed_model = ?, committed_at = ? WHERE tenant_id = ? AND id = ? AND status = 'reserved'"
        " AND expires_at > ? RETURNING project_id, model, estimated_tokens, charges",
        {in.prompt_tokens, in.completion_tokens, model, now, tenant_id, id, now});
    if (!updated) return updated.error();
    if (updated->rows.empty()) {
      auto state = c.query("SELECT status, charges, estimated_tokens FROM reservations WHERE tenant_id = ? AND id = ?",
                           {tenant_id, id});
      if (!state) return state.error();
      if (state->rows.empty()) {
        out.kind = CommitOutcome::not_found;
      } else if (state->rows[0].text(0) == "committed") {
        out.kind = CommitOutcome::already_committed;
      } else {
        out.kind = CommitOutcome::expired;
        auto expired = c.query(
            "UPDATE reservations SET status = 'expired' WHERE tenant_id = ? AND id = ? AND status = 'reserved'"
            " RETURNING charges, estimated_tokens",
            {tenant_id, id});
        if (!expired) return expired.error();
        return release_rows(c, *expired);
      }
      return {};
    }
    const Row& r = updated->rows[0];
    const std::string project_id = r.text(0);
    const std::string used_model = in.model.value_or(r.text(1));
    auto left = adjust_charges(c, charges_from(r.text(3)), actual - r.integer(2));
    if (!left) return left.error();
    ModelPrice price;
    if (auto it = prices.find(used_model); it != prices.end()) price = it->second;
    const auto cost =
        static_cast<int64_t>(static_cast<double>(in.prompt_tokens) * price.prompt_usd_per_million +
                             static_cast<double>(in.completion_tokens) * price.completion_usd_per_million);
    auto usage = c.query(
        "INSERT INTO llm_usage (tenant_id, project_id, model, day, requests, prompt_tokens, completion_tokens,"
        " cost_micro_usd) VALUES (?, ?, ?, ?, 1, ?, ?, ?) ON CONFLICT (tenant_id, project_id, model, day) DO UPDATE SET"
        " requests = llm_usage.requests + 1, prompt_tokens = llm_usage.prompt_tokens + excluded.prompt_tokens,"
        " completion_tokens = llm_usage.completion_tokens + excluded.completion_tokens,"
        " cost_micro_usd = llm_usage.cost_micro_usd + excluded.cost_micro_usd",
        {tenant_id, project_id, used_model, day_key(now), in.prompt_tokens, in.completion_tokens, cost});
    if (!usage) return usage.error();
    out.kind = CommitOutcome::committed;
    out.committed_tokens = actual;
    out.remaining_tokens = *left;
    return {};
  });
  if (!done) return done.error();
  return out;
}

Result<int64_t> release_expired(Database& db, int64_t now) {
  int64_t count = 0;
  Result<void> done = db.transaction([&](Connection& c) -> Result<void> {
    auto expired = c.query(
        "UPDATE reservations SET status = 'expired' WHERE status = 'reserved' AND expires_at <= ?"
        " RETURNING charges, estimated_tokens",
        {now});
    if (!expired) return expired.error();
    count = static_cast<int64_t>(expired->rows.size());
    return release_rows(c, *expired);
  });
  if (!done) return done.error();
  return count;
}

Result<int64_t> prune_rate_windows(Database& db, int64_t now) {
  int64_t count = 0;
  Result<void> done = db.transaction([&](Connection& c) -> Result<void> {
    // Keys sort by time: "r:2026-11-22T07:40" < "r:" + the minute an hour ago.
    auto deleted = c.query("DELETE FROM quota_windows WHERE window_key LIKE 'r:%' AND window_key < ?",
                           {"r:" + minute_key(now - 3600 * 1000)});
    if (!deleted) return deleted.error();
    count = deleted->affected;
    return {};
  });
  if (!done) return done.error();
  return count;
}

Result<std::vector<UsageRow>> usage_report(Connection& c, const std::string& tenant_id, const std::string& from_day,
                                           const std::string& to_day, const std::optional<std::string>& project_id) {
  std::string sql =
      "SELECT day, project_id, model, requests, prompt_tokens, completion_tokens, cost_micro_usd FROM llm_usage"
      " WHERE tenant_id = ? AND day >= ? AND day <= ?";
  std::vector<Value> params = {tenant_id, from_day, to_day};
  if (project_id) {
    sql += " AND project_id = ?";
    params.emplace_back(*project_id);
  }
  sql += " ORDER BY day, project_id, model";
  auto rows = c.query(sql, params);
  if (!rows) return rows.error();
  std::vector<UsageRow> out;
  for (const Row& r : rows->rows) {
    out.push_back({r.text(0), r.text(1), r.text(2), r.integer(3), r.integer(4), r.integer(5), r.integer(6)});
  }
  return out;
}

}  // namespace copilot::controlplane
