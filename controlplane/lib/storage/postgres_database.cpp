#include "storage/postgres_database.h"

#include <libpq-fe.h>

#include <condition_variable>
#include <mutex>
#include <unordered_map>

namespace copilot::controlplane {
namespace {

/// `?` placeholders become `$1`, `$2`, ... (domain SQL never has `?` inside literals).
std::string numbered_placeholders(std::string_view sql) {
  std::string out;
  out.reserve(sql.size() + 8);
  int n = 0;
  for (char c : sql) {
    if (c == '?') {
      out += '$';
      out += std::to_string(++n);
    } else {
      out += c;
    }
  }
  return out;
}

class PostgresConnection final : public Connection {
 public:
  explicit PostgresConnection(PGconn* conn) : conn_(conn) {}
  ~PostgresConnection() override { PQfinish(conn_); }

  Result<QueryResult> query(std::string_view sql, const std::vector<Value>& params) override {
    const std::string* name = prepared(sql);
    if (!name) return failure();
    std::vector<std::string> texts(params.size());
    std::vector<const char*> values(params.size(), nullptr);
    for (size_t i = 0; i < params.size(); ++i) {
      if (const auto* n = std::get_if<int64_t>(&params[i])) {
        texts[i] = std::to_string(*n);
        values[i] = texts[i].c_str();
      } else if (const auto* s = std::get_if<std::string>(&params[i])) {
        values[i] = s->c_str();
      }
    }
    PGresult* res =
        PQexecPrepared(conn_, name->c_str(), static_cast<int>(params.size()), values.data(), nullptr, nullptr, 0);
    return collect(res);
  }

  Result<void> exec(const char* sql) {
    auto done = collect(PQexec(conn_, sql));
    if (!done) return done.error();
    return {};
  }

  /// Serialization failures and deadlocks are worth retrying; the SQLSTATE says which.
  bool last_error_retryable() const { return last_sqlstate_ == "40001" || last_sqlstate_ == "40P01"; }
  bool broken() const { return PQstatus(conn_) != CONNECTION_OK; }
  void reset() {
    PQreset(conn_);
    statements_.clear();
  }

 private:
  const std::string* prepared(std::string_view sql) {
    std::string key(sql);
    if (auto it = statements_.find(key); it != statements_.end()) return &it->second;
    std::string name = "s" + std::to_string(statements_.size());
    PGresult* res = PQprepare(conn_, name.c_str(), numbered_placeholders(sql).c_str(), 0, nullptr);
    bool ok = PQresultStatus(res) == PGRES_COMMAND_OK;
    remember_state(res);
    PQclear(res);
    if (!ok) return nullptr;
    return &statements_.emplace(std::move(key), std::move(name)).first->second;
  }

  void remember_state(PGresult* res) {
    const char* state = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : nullptr;
    last_sqlstate_ = state ? state : "";
  }

  Error failure() const { return Error{std::string("postgres: ") + PQerrorMessage(conn_)}; }

  Result<QueryResult> collect(PGresult* res) {
    ExecStatusType status = PQresultStatus(res);
    remember_state(res);
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
      std::string message = res ? PQresultErrorMessage(res) : PQerrorMessage(conn_);
      PQclear(res);
      while (!message.empty() && message.back() == '\n') message.pop_back();
      return Error{"postgres: " + message};
    }
    QueryResult out;
    const int rows = PQntuples(res), columns = PQnfields(res);
    out.rows.reserve(rows);
    for (int r = 0; r < rows; ++r) {
      Row row;
      row.cells.reserve(columns);
      for (int c = 0; c < columns; ++c) {
        if (PQgetisnull(res, r, c)) {
          row.cells.emplace_back(std::monostate{});
        } else {
          row.cells.emplace_back(std::string(PQgetvalue(res, r, c), PQgetlength(res, r, c)));
        }
      }
      out.rows.push_back(std::move(row));
    }
    const char* tuples = PQcmdTuples(res);
    out.affected = (tuples && *tuples) ? std::stoll(tuples) : 0;
    PQclear(res);
    return out;
  }

  PGconn* conn_;
  std::unordered_map<std::string, std::string> statements_;
  std::string last_sqlstate_;
};

class PostgresDatabase final : public Database {
 public:
  explicit PostgresDatabase(std::vector<std::unique_ptr<PostgresConnection>> pool) {
    for (auto& c : pool) idle_.push_back(c.get());
    owned_ = std::move(pool);
  }
  Dialect dialect() const override { return Dialect::postgres; }

  Result<void> transaction(const std::function<Result<void>(Connection&)>& body) override {
    Lease lease(*this);
    for (int attempt = 0;; ++attempt) {
      if (auto begun = lease->exec("BEGIN"); !begun) return begun;
      Result<void> outcome;
      try {
        outcome = body(*lease);
      } catch (...) {
        (void)lease->exec("ROLLBACK");
        throw;
      }
      if (outcome) outcome = lease->exec("COMMIT");
      if (outcome) return outcome;
      bool retry = lease->last_error_retryable() && attempt < 5;
      (void)lease->exec("ROLLBACK");
      if (!retry) return outcome;
    }
  }

  Result<void> run(const std::function<Result<void>(Connection&)>& body) override {
    Lease lease(*this);
    return body(*lease);
  }

  bool ping() override {
    Lease lease(*this);
    return lease->query("SELECT 1", {}).ok();
  }

 private:
  /// Borrows an idle connection for one call; a broken one is reset on return.
  class Lease {
   public:
    explicit Lease(PostgresDatabase& db) : db_(db) {
      std::unique_lock lock(db_.mutex_);
      db_.available_.wait(lock, [&] { return !db_.idle_.empty(); });
      conn_ = db_.idle_.back();
      db_.idle_.pop_back();
      if (conn_->broken()) conn_->reset();
    }
    ~Lease() {
      std::lock_guard lock(db_.mutex_);
      db_.idle_.push_back(conn_);
      db_.available_.notify_one();
    }
    PostgresConnection* operator->() { return conn_; }
    PostgresConnection& operator*() { return *conn_; }

   private:
    PostgresDatabase& db_;
    PostgresConnection* conn_;
  };

  std::mutex mutex_;
  std::condition_variable available_;
  std::vector<PostgresConnection*> idle_;
  std::vector<std::unique_ptr<PostgresConnection>> owned_;
};

}  // namespace

Result<std::unique_ptr<Database>> open_postgres(const std::string& url, int pool_size) {
  std::vector<std::unique_ptr<PostgresConnection>> pool;
  for (int i = 0; i < std::max(1, pool_size); ++i) {
    PGconn* conn = PQconnectdb(url.c_str());
    if (PQstatus(conn) != CONNECTION_OK) {
      std::string message = PQerrorMessage(conn);
      PQfinish(conn);
      while (!message.empty() && message.back() == '\n') message.pop_back();
      // The URL may carry a password: name the failure, not the URL.
      return Error{"cannot connect to PostgreSQL: " + message};
    }
    pool.push_back(std::make_unique<PostgresConnection>(conn));
    (void)pool.back()->exec("SET client_min_messages = warning");
  }
  return std::unique_ptr<Database>(std::make_unique<PostgresDatabase>(std::move(pool)));
}

}  // namespace copilot::controlplane
