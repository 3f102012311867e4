#include "storage/migrations.h"

#include <chrono>
#include <vector>

namespace copilot::controlplane {
namespace {

struct Migration {
  int version;
  std::vector<const char*> statements;  ///< portable SQL: runs on SQLite and PostgreSQL alike
};

// Append new versions at the end; never edit one that has shipped.
const std::vector<Migration>& migrations() {
  static const std::vector<Migration> all = {
      {1,
       {
           "CREATE TABLE tenants (id TEXT PRIMARY KEY, name TEXT NOT NULL UNIQUE, operator INTEGER NOT NULL DEFAULT 0,"
           " created_at BIGINT NOT NULL)",
           "CREATE TABLE users (id TEXT PRIMARY KEY, tenant_id TEXT NOT NULL REFERENCES tenants(id),"
           " email TEXT NOT NULL, role TEXT NOT NULL, disabled INTEGER NOT NULL DEFAULT 0, created_at BIGINT NOT NULL,"
           " UNIQUE (tenant_id, email))",
           "CREATE TABLE api_keys (id TEXT PRIMARY KEY, tenant_id TEXT NOT NULL REFERENCES tenants(id),"
           " user_id TEXT NOT NULL REFERENCES users(id), name TEXT NOT NULL, secret_hash TEXT NOT NULL,"
           " scopes TEXT NOT NULL, created_at BIGINT NOT NULL, expires_at BIGINT, revoked_at BIGINT)",
           "CREATE TABLE projects (id TEXT PRIMARY KEY, tenant_id TEXT NOT NULL REFERENCES tenants(id),"
           " name TEXT NOT NULL, description TEXT NOT NULL, created_at BIGINT NOT NULL, UNIQUE (tenant_id, name))",
           "CREATE TABLE runs (id TEXT PRIMARY KEY, tenant_id TEXT NOT NULL REFERENCES tenants(id),"
           " project_id TEXT NOT NULL REFERENCES projects(id), kind TEXT NOT NULL, status TEXT NOT NULL,"
           " stage TEXT NOT NULL, started_at BIGINT, finished_at BIGINT, metrics TEXT NOT NULL,"
           " idempotency_key TEXT, created_by TEXT NOT NULL, created_at BIGINT NOT NULL,"
           " UNIQUE (tenant_id, idempotency_key))",
           "CREATE INDEX runs_by_project ON runs (tenant_id, project_id, created_at)",
           "CREATE TABLE artifacts (id TEXT PRIMARY KEY, tenant_id TEXT NOT NULL REFERENCES tenants(id),"
           " run_id TEXT NOT NULL REFERENCES runs(id), name TEXT NOT NULL, kind TEXT NOT NULL, digest TEXT NOT NULL,"
           " size_bytes BIGINT NOT NULL, uri TEXT NOT NULL, status TEXT NOT NULL, decided_by TEXT, decided_at BIGINT,"
           " decision_note TEXT, created_by TEXT NOT NULL, created_at BIGINT NOT NULL)",
           "CREATE TABLE audit_heads (tenant_id TEXT PRIMARY KEY REFERENCES tenants(id), seq BIGINT NOT NULL,"
           " hash TEXT NOT NULL)",
           "CREATE TABLE audit_events (tenant_id TEXT NOT NULL REFERENCES tenants(id), seq BIGINT NOT NULL,"
           " id TEXT NOT NULL UNIQUE, occurred_at BIGINT NOT NULL, recorded_at BIGINT NOT NULL, actor TEXT NOT NULL,"
           " action TEXT NOT NULL, target TEXT NOT NULL, details TEXT NOT NULL, idempotency_key TEXT,"
           " prev_hash TEXT NOT NULL, hash TEXT NOT NULL, PRIMARY KEY (tenant_id, seq),"
           " UNIQUE (tenant_id, idempotency_key))",
           "CREATE INDEX audit_by_time ON audit_events (tenant_id, recorded_at)",
           "CREATE TABLE quotas (id TEXT PRIMARY KEY, tenant_id TEXT NOT NULL REFERENCES tenants(id),"
           " project_id TEXT NOT NULL, period TEXT NOT NULL, token_limit BIGINT NOT NULL,"
           " requests_per_minute BIGINT NOT NULL, tokens_per_minute BIGINT NOT NULL,"
           " UNIQUE (tenant_id, project_id, period))",
           "CREATE TABLE quota_windows (quota_id TEXT NOT NULL, window_key TEXT NOT NULL,"
           " used_tokens BIGINT NOT NULL DEFAULT 0, requests BIGINT NOT NULL DEFAULT 0,"
           " PRIMARY KEY (quota_id, window_key))",
           "CREATE TABLE reservations (id TEXT PRIMARY KEY, tenant_id TEXT NOT NULL REFERENCES tenants(id),"
           " project_id TEXT NOT NULL, model TEXT NOT NULL, estimated_tokens BIGINT NOT NULL, status TEXT NOT NULL,"
           " charges TEXT NOT NULL, idempotency_key TEXT, created_by TEXT NOT NULL, created_at BIGINT NOT NULL,"
           " expires_at BIGINT NOT NULL, prompt_tokens BIGINT, completion_tokens BIGINT, committed_model TEXT,"
           " committed_at BIGINT, UNIQUE (tenant_id, idempotency_key))",
           "CREATE INDEX reservations_by_expiry ON reservations (status, expires_at)",
           "CREATE TABLE llm_usage (tenant_id TEXT NOT NULL, project_id TEXT NOT NULL, model TEXT NOT NULL,"
           " day TEXT NOT NULL, requests BIGINT NOT NULL, prompt_tokens BIGINT NOT NULL,"
           " completion_tokens BIGINT NOT NULL, cost_micro_usd BIGINT NOT NULL,"
           " PRIMARY KEY (tenant_id, project_id, model, day))",
       }},
  };
  return all;
}

int64_t now_ms() {
  using namespace std::chrono;
  return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

}  // namespace

int latest_schema_version() {
  return migrations().back().version;
}

Result<void> migrate(Database& db) {
  return db.transaction([&](Connection& c) -> Result<void> {
    if (db.dialect() == Dialect::postgres) {
      // Held until commit: a second process waits, then sees the versions applied.
      if (auto locked = c.query("SELECT pg_advisory_xact_lock(7207301)"); !locked) return locked.error();
    }
    auto created = c.query(
        "CREATE TABLE IF NOT EXISTS schema_migrations (version BIGINT PRIMARY KEY, applied_at BIGINT NOT NULL)");
    if (!created) return created.error();
    auto current = c.query("SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
    if (!current) return current.error();
    const int64_t applied = current->rows.at(0).integer(0);
    if (applied > latest_schema_version()) {
      return Error{"the database schema (version " + std::to_string(applied) +
                   ") is newer than this copilot-server knows (" + std::to_string(latest_schema_version()) + ")"};
    }
    for (const Migration& m : migrations()) {
      if (m.version <= applied) continue;
      for (const char* statement : m.statements) {
        if (auto done = c.query(statement); !done) {
          return Error{"migration " + std::to_string(m.version) + " failed: " + done.error().message};
        }
      }
      auto recorded =
          c.query("INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)", {int64_t{m.version}, now_ms()});
      if (!recorded) return recorded.error();
    }
    return {};
  });
}

}  // namespace copilot::controlplane
