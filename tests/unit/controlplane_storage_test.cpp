// The storage layer, run identically against SQLite and PostgreSQL: migrations,
// the audit hash chain (and tampering done directly in the database), token
// reservations under concurrency, expiry, idempotency and usage.
#include <atomic>
#include <thread>

#include "audit/audit_log.h"
#include "common/clock.h"
#include "controlplane_fixture.h"
#include "directory/directory.h"
#include "quotas/quotas.h"
#include "storage/migrations.h"

namespace copilot::controlplane {
namespace {

using copilot::testing::TempDir;

class StorageTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    CONTROLPLANE_DATABASE_URL(GetParam(), dir_, url_);
    auto db = open_database(url_, 8);
    ASSERT_TRUE(db) << db.error().message;
    db_ = std::move(*db);
    ASSERT_TRUE(db_->transaction([&](Connection& c) -> Result<void> {
      auto t = create_tenant(c, "acme", true);
      if (!t) return t.error();
      tenant_ = (*t)->id;
      return {};
    }));
  }

  void exec(const std::string& sql, const std::vector<Value>& params = {}) {
    auto done = db_->run([&](Connection& c) -> Result<void> {
      auto r = c.query(sql, params);
      if (!r) return r.error();
      return {};
    });
    ASSERT_TRUE(done) << done.error().message;
  }

  void set_budget(int64_t limit, int64_t rpm = 0, int64_t tpm = 0, const std::string& period = "month") {
    ASSERT_TRUE(db_->transaction([&](Connection& c) -> Result<void> {
      auto q = put_quota(c, tenant_, Quota{"", "", period, limit, rpm, tpm});
      if (!q) return q.error();
      return {};
    }));
  }

  AppendResult append(const std::string& action, std::optional<std::string> key = std::nullopt) {
    AppendResult out;
    auto done = db_->transaction([&](Connection& c) -> Result<void> {
      auto r =
          append_audit(c, tenant_, NewAuditEvent{"ada@example.com", action, "target", "{\"n\":1}", std::nullopt, key});
      if (!r) return r.error();
      out = *r;
      return {};
    });
    EXPECT_TRUE(done) << done.error().message;
    return out;
  }

  ReserveOutcome reserve(int64_t tokens, std::optional<std::string> key = std::nullopt, int64_t ttl = 60000,
                         int64_t now = now_ms()) {
    auto r = reserve_tokens(*db_, tenant_, ReserveInput{"", "gpt-test", tokens, key, "ada"}, now, ttl);
    EXPECT_TRUE(r) << r.error().message;
    return r ? *r : ReserveOutcome{};
  }

  TempDir dir_;
  std::string url_;
  std::unique_ptr<Database> db_;
  std::string tenant_;
};

TEST_P(StorageTest, MigrationsAreRecordedAndReapplyingChangesNothing) {
  auto again = open_database(url_, 1);
  ASSERT_TRUE(again) << again.error().message;
  EXPECT_EQ(copilot::testing::count_rows(*db_, "SELECT MAX(version) FROM schema_migrations"), latest_schema_version());
  EXPECT_EQ(copilot::testing::count_rows(*db_, "SELECT COUNT(*) FROM tenants"), 1);
}

TEST_P(StorageTest, AuditChainLinksEachRecordToThePreviousOne) {
  auto first = append("run.create");
  auto second = append("run.update");
  EXPECT_EQ(first.record.seq, 1);
  EXPECT_EQ(second.record.seq, 2);
  EXPECT_EQ(first.record.prev_hash, genesis_hash());
  EXPECT_EQ(second.record.prev_hash, first.record.hash);
  EXPECT_EQ(record_hash(second.record), second.record.hash);
  auto verdict = verify_audit(*db_, tenant_);
  ASSERT_TRUE(verdict);
  EXPECT_TRUE(verdict->valid) << verdict->reason;
  EXPECT_EQ(verdict->records, 2);
}

TEST_P(StorageTest, AnIdempotencyKeySeenBeforeReturnsTheEarlierRecord) {
  auto first = append("cli.event", "spool-1");
  auto again = append("cli.event", "spool-1");
  EXPECT_FALSE(first.replayed);
  EXPECT_TRUE(again.replayed);
  EXPECT_EQ(again.record.id, first.record.id);
  EXPECT_EQ(copilot::testing::count_rows(*db_, "SELECT COUNT(*) FROM audit_events"), 1);
}

TEST_P(StorageTest, EditingARecordInTheDatabaseIsDetected) {
  for (int i = 0; i < 5; ++i) append("event");
  exec("UPDATE audit_events SET action = 'forged' WHERE seq = 3");
  auto verdict = verify_audit(*db_, tenant_);
  ASSERT_TRUE(verdict);
  EXPECT_FALSE(verdict->valid);
  EXPECT_EQ(verdict->broken_at, 3);
}

TEST_P(StorageTest, EditingARecordAndItsHashIsDetectedAtTheNextLink) {
  for (int i = 0; i < 5; ++i) append("event");
  exec("UPDATE audit_events SET actor = 'mallory', hash = ? WHERE seq = 2", {std::string(64, 'a')});
  auto verdict = verify_audit(*db_, tenant_);
  ASSERT_TRUE(verdict);
  EXPECT_FALSE(verdict->valid);
  EXPECT_EQ(verdict->broken_at, 2);
}

TEST_P(StorageTest, DeletingAMiddleRecordIsDetected) {
  for (int i = 0; i < 5; ++i) append("event");
  exec("DELETE FROM audit_events WHERE seq = 4");
  auto verdict = verify_audit(*db_, tenant_);
  ASSERT_TRUE(verdict);
  EXPECT_FALSE(verdict->valid);
  EXPECT_EQ(verdict->broken_at, 4);
}

TEST_P(StorageTest, DeletingTheNewestRecordIsDetected) {
  for (int i = 0; i < 5; ++i) append("event");
  exec("DELETE FROM audit_events WHERE seq = 5");
  auto verdict = verify_audit(*db_, tenant_);
  ASSERT_TRUE(verdict);
  EXPECT_FALSE(verdict->valid);
  EXPECT_EQ(verdict->broken_at, 5);
}

TEST_P(StorageTest, ConcurrentAppendsKeepOneUnbrokenChain) {
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 10; ++i) append("event");
    });
  }
  for (auto& t : threads) t.join();
  auto verdict = verify_audit(*db_, tenant_);
  ASSERT_TRUE(verdict);
  EXPECT_TRUE(verdict->valid) << verdict->reason;
  EXPECT_EQ(verdict->records, 80);
}

TEST_P(StorageTest, ReservationsTakeTokensAndRefuseBeyondTheBudget) {
  set_budget(1000);
  auto a = reserve(600);
  EXPECT_EQ(a.kind, ReserveOutcome::created);
  EXPECT_EQ(a.remaining_tokens, 400);
  auto b = reserve(500);
  EXPECT_EQ(b.kind, ReserveOutcome::refused);
  EXPECT_EQ(b.remaining_tokens, 400);
  EXPECT_EQ(b.resets_at, next_month(now_ms()));
  EXPECT_EQ(b.refused_limit, "tokens_per_month");
}

TEST_P(StorageTest, CommitChargesActualTokensAndRefusesASecondCommit) {
  set_budget(1000);
  auto r = reserve(600);
  auto commit = commit_reservation(*db_, tenant_, r.reservation.id, CommitInput{100, 50, std::nullopt}, now_ms(), {});
  ASSERT_TRUE(commit);
  EXPECT_EQ(commit->kind, CommitOutcome::committed);
  EXPECT_EQ(commit->committed_tokens, 150);
  EXPECT_EQ(commit->remaining_tokens, 850);
  auto twice = commit_reservation(*db_, tenant_, r.reservation.id, CommitInput{1, 1, std::nullopt}, now_ms(), {});
  ASSERT_TRUE(twice);
  EXPECT_EQ(twice->kind, CommitOutcome::already_committed);
  auto unknown = commit_reservation(*db_, tenant_, "rsv_nope", CommitInput{1, 1, std::nullopt}, now_ms(), {});
  EXPECT_EQ(unknown->kind, CommitOutcome::not_found);
}

TEST_P(StorageTest, ExpiredReservationsReleaseTheirTokensAndCannotBeCommitted) {
  set_budget(1000);
  const int64_t now = now_ms();
  auto r = reserve(900, std::nullopt, 1000, now);
  EXPECT_EQ(reserve(200, std::nullopt, 1000, now).kind, ReserveOutcome::refused);
  auto late = commit_reservation(*db_, tenant_, r.reservation.id, CommitInput{1, 1, std::nullopt}, now + 2000, {});
  ASSERT_TRUE(late);
  EXPECT_EQ(late->kind, CommitOutcome::expired);
  EXPECT_EQ(reserve(1000, std::nullopt, 1000, now + 2000).kind, ReserveOutcome::created);
}

TEST_P(StorageTest, TheSweeperReleasesExpiredReservations) {
  set_budget(1000);
  const int64_t now = now_ms();
  reserve(700, std::nullopt, 1000, now);
  auto released = release_expired(*db_, now + 5000);
  ASSERT_TRUE(released);
  EXPECT_EQ(*released, 1);
  EXPECT_EQ(
      copilot::testing::count_rows(*db_, "SELECT SUM(used_tokens) FROM quota_windows WHERE window_key LIKE 'm:%'"), 0);
}

TEST_P(StorageTest, AReservationIdempotencyKeyReturnsTheSameReservation) {
  set_budget(1000);
  auto a = reserve(300, "k-1");
  auto b = reserve(300, "k-1");
  EXPECT_EQ(a.kind, ReserveOutcome::created);
  EXPECT_EQ(b.kind, ReserveOutcome::replayed);
  EXPECT_EQ(a.reservation.id, b.reservation.id);
  EXPECT_EQ(
      copilot::testing::count_rows(*db_, "SELECT SUM(used_tokens) FROM quota_windows WHERE window_key LIKE 'm:%'"),
      300);
}

TEST_P(StorageTest, RequestsPerMinuteAreLimited) {
  set_budget(1'000'000, 3, 0);
  for (int i = 0; i < 3; ++i) EXPECT_EQ(reserve(10).kind, ReserveOutcome::created);
  auto refused = reserve(10);
  EXPECT_EQ(refused.kind, ReserveOutcome::refused);
  EXPECT_EQ(refused.refused_limit, "requests_per_minute");
  EXPECT_EQ(refused.resets_at, next_minute(now_ms()));
}

TEST_P(StorageTest, OldRateWindowsArePruned) {
  set_budget(1'000'000, 100, 0);
  const int64_t now = now_ms();
  reserve(1, std::nullopt, 60000, now - 2 * 3600 * 1000);
  reserve(1, std::nullopt, 60000, now);
  auto pruned = prune_rate_windows(*db_, now);
  ASSERT_TRUE(pruned);
  EXPECT_EQ(*pruned, 1);
  EXPECT_EQ(copilot::testing::count_rows(*db_, "SELECT COUNT(*) FROM quota_windows WHERE window_key LIKE 'r:%'"), 1);
}

TEST_P(StorageTest, TwoHundredConcurrentClientsNeverOverspendOneBudget) {
  set_budget(10'000);
  std::atomic<int> granted = 0, refused = 0, failed = 0;
  std::vector<std::thread> clients;
  std::atomic<bool> go = false;
  for (int i = 0; i < 200; ++i) {
    clients.emplace_back([&] {
      while (!go) std::this_thread::yield();
      auto r = reserve_tokens(*db_, tenant_, ReserveInput{"", "m", 70, std::nullopt, "ada"}, now_ms(), 60000);
      if (!r)
        ++failed;
      else if (r->kind == ReserveOutcome::created)
        ++granted;
      else
        ++refused;
    });
  }
  go = true;
  for (auto& c : clients) c.join();
  EXPECT_EQ(failed, 0);
  EXPECT_EQ(granted, 10'000 / 70);  // 142 fit, not one more
  EXPECT_EQ(refused, 200 - 10'000 / 70);
  EXPECT_EQ(
      copilot::testing::count_rows(*db_, "SELECT SUM(used_tokens) FROM quota_windows WHERE window_key LIKE 'm:%'"),
      (10'000 / 70) * 70);
}

TEST_P(StorageTest, UsageIsReportedPerDayProjectAndModelWithCost) {
  set_budget(100'000);
  auto r = reserve(1000);
  PriceTable prices = {{"gpt-big", ModelPrice{2.0, 10.0}}};
  ASSERT_TRUE(commit_reservation(*db_, tenant_, r.reservation.id, CommitInput{300, 100, "gpt-big"}, now_ms(), prices));
  std::vector<UsageRow> rows;
  ASSERT_TRUE(db_->run([&](Connection& c) -> Result<void> {
    auto u = usage_report(c, tenant_, "2000-01-01", "2999-12-31", std::nullopt);
    if (!u) return u.error();
    rows = *u;
    return {};
  }));
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].model, "gpt-big");
  EXPECT_EQ(rows[0].requests, 1);
  EXPECT_EQ(rows[0].prompt_tokens, 300);
  EXPECT_EQ(rows[0].completion_tokens, 100);
  EXPECT_EQ(rows[0].cost_micro_usd, 300 * 2 + 100 * 10);
  EXPECT_EQ(rows[0].day, day_key(now_ms()));
}

INSTANTIATE_TEST_SUITE_P(Backends, StorageTest, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace copilot::controlplane
