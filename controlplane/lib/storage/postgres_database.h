#pragma once
#include <memory>
#include <string>

#include "storage/database.h"

namespace copilot::controlplane {

/// PostgreSQL through libpq: a pool of connections, so several server threads
/// (and several server processes) work on one database at once.
Result<std::unique_ptr<Database>> open_postgres(const std::string& url, int pool_size);

}  // namespace copilot::controlplane
