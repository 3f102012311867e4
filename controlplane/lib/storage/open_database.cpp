#include "storage/migrations.h"
#include "storage/postgres_database.h"
#include "storage/sqlite_database.h"

namespace copilot::controlplane {

Result<std::unique_ptr<Database>> open_database(const std::string& url, int pool_size) {
  Result<std::unique_ptr<Database>> db = Error{};
  if (url.rfind("sqlite:", 0) == 0 && url.size() > 7) {
    db = open_sqlite(url.substr(7));
  } else if (url.rfind("postgres://", 0) == 0 || url.rfind("postgresql://", 0) == 0) {
    db = open_postgres(url, pool_size);
  } else {
    return Error{"--db must be sqlite:PATH or postgres://...", true};
  }
  if (!db) return db;
  if (auto migrated = migrate(**db); !migrated) return migrated.error();
  return db;
}

}  // namespace copilot::controlplane
