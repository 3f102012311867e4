#pragma once
// The JSON shape of each resource, as the OpenAPI file describes it.
#include <nlohmann/json.hpp>

#include "audit/audit_log.h"
#include "auth/api_keys.h"
#include "directory/directory.h"
#include "projects/projects.h"
#include "quotas/quotas.h"

namespace copilot::controlplane {

nlohmann::json to_json(const Tenant& t);
nlohmann::json to_json(const User& u);
nlohmann::json to_json(const ApiKeyInfo& k);
nlohmann::json to_json(const Project& p);
/// `project` is the project's name (runs are addressed by project name in requests).
nlohmann::json to_json(const Run& r, const std::string& project);
nlohmann::json to_json(const Artifact& a);
nlohmann::json to_json(const AuditRecord& r);
nlohmann::json to_json(const Quota& q, const std::string& project);

}  // namespace copilot::controlplane
