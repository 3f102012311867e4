#pragma once
// Data stores a repository talks to (from drivers, connection URLs and
// container images) and the schema-migration tooling it keeps.
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "audit/evidence.h"
#include "audit/input.h"

namespace copilot::audit {

struct Database {
  std::string engine;                ///< "postgresql", "mysql", "mongodb", "redis", ...
  std::vector<std::string> sources;  ///< kinds of evidence: "dependency", "code", "container"; sorted
  std::vector<Evidence> evidence;    ///< dependencies first, then code and images; capped
};
void to_json(nlohmann::json& j, const Database& d);

struct MigrationSet {
  std::string tool;       ///< "alembic", "django", "flyway", "liquibase", "prisma", "rails", ...
  std::string directory;  ///< where the migrations live
  int count = 0;          ///< migrations (files, revisions or changeSets)
};
void to_json(nlohmann::json& j, const MigrationSet& m);

struct DataSection {
  std::vector<Database> databases;       ///< sorted by engine
  std::vector<MigrationSet> migrations;  ///< sorted by directory, then tool
};
void to_json(nlohmann::json& j, const DataSection& s);

DataSection detect_data(const AuditInput& input);

}  // namespace copilot::audit
