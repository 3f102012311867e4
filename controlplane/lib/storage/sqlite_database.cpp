#include "storage/sqlite_database.h"

#include <sqlite3.h>

#include <mutex>
#include <unordered_map>

namespace copilot::controlplane {
namespace {

class SqliteConnection final : public Connection {
 public:
  explicit SqliteConnection(sqlite3* db) : db_(db) {}
  ~SqliteConnection() override {
    for (auto& [sql, stmt] : statements_) sqlite3_finalize(stmt);
    sqlite3_close(db_);
  }

  Result<QueryResult> query(std::string_view sql, const std::vector<Value>& params) override {
    sqlite3_stmt* stmt = prepared(sql);
    if (!stmt) return Error{std::string("sqlite: ") + sqlite3_errmsg(db_)};
    sqlite3_reset(stmt);
    sqlite3_clear_bindings(stmt);
    for (size_t i = 0; i < params.size(); ++i) bind(stmt, static_cast<int>(i + 1), params[i]);
    QueryResult out;
    const int columns = sqlite3_column_count(stmt);
    for (;;) {
      int rc = sqlite3_step(stmt);
      if (rc == SQLITE_DONE) break;
      if (rc != SQLITE_ROW) {
        std::string message = std::string("sqlite: ") + sqlite3_errmsg(db_);
        sqlite3_reset(stmt);
        return Error{message};
      }
      Row row;
      row.cells.reserve(columns);
      for (int c = 0; c < columns; ++c) row.cells.push_back(cell(stmt, c));
      out.rows.push_back(std::move(row));
    }
    out.affected = sqlite3_changes(db_);
    sqlite3_reset(stmt);
    return out;
  }

  /// Transaction control, through the statement cache (cheaper than sqlite3_exec on every request).
  Result<void> control(const char* sql) {
    auto done = query(sql, {});
    if (!done) return done.error();
    return {};
  }

  Result<void> exec(const char* sql) {
    char* message = nullptr;
    if (sqlite3_exec(db_, sql, nullptr, nullptr, &message) != SQLITE_OK) {
      std::string text = message ? message : "unknown error";
      sqlite3_free(message);
      return Error{"sqlite: " + text};
    }
    return {};
  }

 private:
  sqlite3_stmt* prepared(std::string_view sql) {
    std::string key(sql);
    if (auto it = statements_.find(key); it != statements_.end()) return it->second;
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(db_, key.c_str(), static_cast<int>(key.size()), &stmt, nullptr) != SQLITE_OK) return nullptr;
    statements_.emplace(std::move(key), stmt);
    return stmt;
  }
  static void bind(sqlite3_stmt* stmt, int index, const Value& v) {
    if (const auto* n = std::get_if<int64_t>(&v)) {
      sqlite3_bind_int64(stmt, index, *n);
    } else if (const auto* s = std::get_if<std::string>(&v)) {
      sqlite3_bind_text(stmt, index, s->data(), static_cast<int>(s->size()), SQLITE_TRANSIENT);
    } else {
      sqlite3_bind_null(stmt, index);
    }
  }
  static Value cell(sqlite3_stmt* stmt, int c) {
    switch (sqlite3_column_type(stmt, c)) {
      case SQLITE_NULL: return std::monostate{};
      case SQLITE_INTEGER: return static_cast<int64_t>(sqlite3_column_int64(stmt, c));
      default: {
        const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt, c));
        return std::string(text ? text : "", sqlite3_column_bytes(stmt, c));
      }
    }
  }

  sqlite3* db_;
  std::unordered_map<std::string, sqlite3_stmt*> statements_;
};

class SqliteDatabase final : public Database {
 public:
  explicit SqliteDatabase(std::unique_ptr<SqliteConnection> connection) : connection_(std::move(connection)) {}
  Dialect dialect() const override { return Dialect::sqlite; }

  Result<void> transaction(const std::function<Result<void>(Connection&)>& body) override {
    std::lock_guard lock(mutex_);
    // IMMEDIATE takes the write lock up front, so a read-then-write never fails halfway.
    if (auto begun = connection_->control("BEGIN IMMEDIATE"); !begun) return begun;
    Result<void> outcome;
    try {
      outcome = body(*connection_);
    } catch (...) {
      (void)connection_->control("ROLLBACK");
      throw;
    }
    if (!outcome) {
      (void)connection_->control("ROLLBACK");
      return outcome;
    }
    if (auto committed = connection_->control("COMMIT"); !committed) {
      (void)connection_->control("ROLLBACK");
      return committed;
    }
    return {};
  }

  Result<void> run(const std::function<Result<void>(Connection&)>& body) override {
    std::lock_guard lock(mutex_);
    return body(*connection_);
  }

  bool ping() override {
    std::lock_guard lock(mutex_);
    return connection_->query("SELECT 1", {}).ok();
  }

 private:
  std::mutex mutex_;
  std::unique_ptr<SqliteConnection> connection_;
};

}  // namespace

Result<std::unique_ptr<Database>> open_sqlite(const std::string& path) {
  sqlite3* db = nullptr;
  // NOMUTEX: SqliteDatabase already serializes every use of the connection.
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
  if (sqlite3_open_v2(path.c_str(), &db, flags, nullptr) != SQLITE_OK) {
    std::string message = db ? sqlite3_errmsg(db) : "out of memory";
    sqlite3_close(db);
    return Error{"cannot open SQLite database " + path + ": " + message};
  }
  auto connection = std::make_unique<SqliteConnection>(db);
  sqlite3_busy_timeout(db, 5000);
  // WAL with synchronous=NORMAL: a committed transaction survives a killed
  // process (only power loss can drop the last commits), at a fraction of FULL's fsyncs.
  for (const char* pragma : {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=NORMAL", "PRAGMA foreign_keys=ON"}) {
    if (auto done = connection->exec(pragma); !done)
      return Error{"cannot open SQLite database " + path + ": " + done.error().message};
  }
  return std::unique_ptr<Database>(std::make_unique<SqliteDatabase>(std::move(connection)));
}

}  // namespace copilot::controlplane
