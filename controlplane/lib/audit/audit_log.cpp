#include "audit/audit_log.h"

#include "common/clock.h"
#include "common/crypto.h"

namespace copilot::controlplane {
namespace {

constexpr const char* kColumns =
    "SELECT tenant_id, seq, id, occurred_at, recorded_at, actor, action, target, details, idempotency_key,"
    " prev_hash, hash FROM audit_events";

AuditRecord record_from(const Row& r) {
  AuditRecord a;
  a.tenant_id = r.text(0);
  a.seq = r.integer(1);
  a.id = r.text(2);
  a.occurred_at = r.integer(3);
  a.recorded_at = r.integer(4);
  a.actor = r.text(5);
  a.action = r.text(6);
  a.target = r.text(7);
  a.details = r.text(8);
  if (!r.is_null(9)) a.idempotency_key = r.text(9);
  a.prev_hash = r.text(10);
  a.hash = r.text(11);
  return a;
}

}  // namespace

Result<AppendResult> append_audit(Connection& c, const std::string& tenant_id, const NewAuditEvent& event) {
  // A no-op update takes the head's row lock (PostgreSQL) until commit; SQLite's
  // write transaction already excludes other writers.
  auto head = c.query("UPDATE audit_heads SET seq = seq WHERE tenant_id = ? RETURNING seq, hash", {tenant_id});
  if (!head) return head.error();
  if (head->rows.empty()) return Error{"tenant " + tenant_id + " has no audit chain"};
  if (event.idempotency_key) {
    auto seen = c.query(std::string(kColumns) + " WHERE tenant_id = ? AND idempotency_key = ?",
                        {tenant_id, *event.idempotency_key});
    if (!seen) return seen.error();
    if (!seen->rows.empty()) return AppendResult{record_from(seen->rows[0]), true};
  }
  AuditRecord r;
  r.tenant_id = tenant_id;
  r.seq = head->rows[0].integer(0) + 1;
  r.prev_hash = head->rows[0].text(1);
  r.id = new_id("evt");
  r.recorded_at = now_ms();
  r.occurred_at = event.occurred_at.value_or(r.recorded_at);
  r.actor = event.actor;
  r.action = event.action;
  r.target = event.target;
  r.details = event.details;
  r.idempotency_key = event.idempotency_key;
  r.hash = record_hash(r);
  Value key = r.idempotency_key ? Value{*r.idempotency_key} : Value{};
  auto inserted = c.query(
      "INSERT INTO audit_events (tenant_id, seq, id, occurred_at, recorded_at, actor, action, target, details,"
      " idempotency_key, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {r.tenant_id, r.seq, r.id, r.occurred_at, r.recorded_at, r.actor, r.action, r.target, r.details, key, r.prev_hash,
       r.hash});
  if (!inserted) return inserted.error();
  auto moved = c.query("UPDATE audit_heads SET seq = ?, hash = ? WHERE tenant_id = ?", {r.seq, r.hash, tenant_id});
  if (!moved) return moved.error();
  return AppendResult{std::move(r), false};
}

Result<std::vector<AuditRecord>> list_audit(Connection& c, const std::string& tenant_id, const AuditQuery& q) {
  std::string sql = std::string(kColumns) + " WHERE tenant_id = ? AND seq > ?";
  std::vector<Value> params = {tenant_id, q.after_seq};
  if (q.since) {
    sql += " AND recorded_at >= ?";
    params.emplace_back(*q.since);
  }
  if (q.until) {
    sql += " AND recorded_at < ?";
    params.emplace_back(*q.until);
  }
  if (q.action) {
    sql += " AND action = ?";
    params.emplace_back(*q.action);
  }
  sql += " ORDER BY seq LIMIT ?";
  params.emplace_back(int64_t{q.limit});
  auto rows = c.query(sql, params);
  if (!rows) return rows.error();
  std::vector<AuditRecord> out;
  out.reserve(rows->rows.size());
  for (const Row& r : rows->rows) out.push_back(record_from(r));
  return out;
}

Result<ChainVerdict> verify_audit(Database& db, const std::string& tenant_id) {
  ChainVerdict verdict;
  Result<void> done = db.transaction([&](Connection& c) -> Result<void> {
    if (db.dialect() == Dialect::postgres) {
      // One snapshot for the head and every page, while appends continue.
      if (auto snap = c.query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ"); !snap) return snap.error();
    }
    auto head = c.query("SELECT seq, hash FROM audit_heads WHERE tenant_id = ?", {tenant_id});
    if (!head) return head.error();
    if (head->rows.empty()) return Error{"tenant " + tenant_id + " has no audit chain"};
    std::string expected_prev = genesis_hash();
    int64_t expected_seq = 1;
    auto broken = [&](int64_t seq, std::string reason) {
      verdict.valid = false;
      verdict.broken_at = seq;
      verdict.reason = std::move(reason);
    };
    for (;;) {
      auto page = c.query(std::string(kColumns) + " WHERE tenant_id = ? AND seq >= ? ORDER BY seq LIMIT 1000",
                          {tenant_id, expected_seq});
      if (!page) return page.error();
      for (const Row& row : page->rows) {
        AuditRecord r = record_from(row);
        if (r.seq != expected_seq) {
          broken(expected_seq, "record " + std::to_string(expected_seq) + " is missing");
          return {};
        }
        if (r.prev_hash != expected_prev) {
          broken(r.seq, "record " + std::to_string(r.seq) + " does not link to the record before it");
          return {};
        }
        if (record_hash(r) != r.hash) {
          broken(r.seq, "record " + std::to_string(r.seq) + " was modified after it was written");
          return {};
        }
        expected_prev = r.hash;
        ++expected_seq;
        ++verdict.records;
      }
      if (page->rows.size() < 1000) break;
    }
    const int64_t head_seq = head->rows[0].integer(0);
    if (head_seq != verdict.records || head->rows[0].text(1) != expected_prev) {
      broken(verdict.records + 1, "the chain ends at record " + std::to_string(verdict.records) +
                                      " but its head records " + std::to_string(head_seq));
    }
    return {};
  });
  if (!done) return done.error();
  return verdict;
}

}  // namespace copilot::controlplane
