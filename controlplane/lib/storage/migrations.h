#pragma once
#include "storage/database.h"

namespace copilot::controlplane {

/// Brings the schema up to the newest version. Each version is applied once, in
/// its own transaction, and recorded in schema_migrations; concurrent server
/// processes starting against one PostgreSQL database serialize on a lock.
Result<void> migrate(Database& db);

/// The newest schema version this build knows.
int latest_schema_version();

}  // namespace copilot::controlplane
