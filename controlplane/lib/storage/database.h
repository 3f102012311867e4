#pragma once
// One storage interface, two implementations (SQLite, PostgreSQL). Domain code
// writes portable SQL with `?` placeholders once; each backend binds and runs it.
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "util/result.h"

namespace copilot::controlplane {

/// A bound parameter or a result cell. Text is also used for blobs of JSON.
using Value = std::variant<std::monostate, int64_t, std::string>;

struct Row {
  std::vector<Value> cells;
  bool is_null(size_t i) const { return std::holds_alternative<std::monostate>(cells.at(i)); }
  /// The cell as an integer (PostgreSQL hands back text; it is parsed here).
  int64_t integer(size_t i) const;
  /// The cell as text; NULL reads as "".
  std::string text(size_t i) const;
};

struct QueryResult {
  std::vector<Row> rows;
  int64_t affected = 0;  ///< rows changed by INSERT/UPDATE/DELETE
};

enum class Dialect { sqlite, postgres };

/// One connection, used by one thread at a time (inside Database::run/transaction).
class Connection {
 public:
  virtual ~Connection() = default;
  virtual Result<QueryResult> query(std::string_view sql, const std::vector<Value>& params = {}) = 0;
};

class Database {
 public:
  virtual ~Database() = default;
  virtual Dialect dialect() const = 0;
  /// Runs `body` inside one transaction: committed when it returns ok, rolled
  /// back otherwise. PostgreSQL serialization failures and deadlocks are retried.
  virtual Result<void> transaction(const std::function<Result<void>(Connection&)>& body) = 0;
  /// Runs `body` on a connection outside any explicit transaction (single reads).
  virtual Result<void> run(const std::function<Result<void>(Connection&)>& body) = 0;
  /// Cheap reachability check for /readyz.
  virtual bool ping() = 0;
};

/// Opens `sqlite:PATH` or `postgres://...` / `postgresql://...`, and applies migrations.
Result<std::unique_ptr<Database>> open_database(const std::string& url, int pool_size = 8);

}  // namespace copilot::controlplane
