#pragma once
#include <memory>
#include <string>

#include "storage/database.h"

namespace copilot::controlplane {

/// SQLite in WAL mode: one connection shared under a mutex, since SQLite
/// serializes writers anyway and one process owns the file.
Result<std::unique_ptr<Database>> open_sqlite(const std::string& path);

}  // namespace copilot::controlplane
