#pragma once
// Roles and what each may do. The table in rbac.cpp is the one documented in
// docs/CONTROLPLANE.md; the permission-matrix test checks that they agree.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace copilot::controlplane {

enum class Role { admin, maintainer, reviewer, viewer };

enum class Permission {
  tenant_read,
  tenants_manage,  ///< create and list tenants: admins of the operator tenant only
  users_read,
  users_manage,
  keys_own,     ///< create, list and revoke one's own API keys
  keys_manage,  ///< every key of the tenant
  quotas_read,
  quotas_manage,
  projects_read,
  projects_write,
  runs_read,
  runs_write,
  artifacts_read,
  artifacts_write,
  artifacts_review,
  audit_read,
  audit_append,
  llm_use,
  usage_read,
};

struct PermissionInfo {
  Permission permission;
  std::string_view name;  ///< as written in docs and API key scopes, e.g. "runs:write"
  std::vector<Role> roles;
};

const std::vector<PermissionInfo>& permission_table();
const std::vector<Role>& all_roles();

std::string_view role_name(Role role);
std::optional<Role> parse_role(std::string_view name);
std::string_view permission_name(Permission permission);
std::optional<Permission> parse_permission(std::string_view name);

/// Whether `role` carries `permission` (before any key scope narrows it).
bool role_allows(Role role, Permission permission);

}  // namespace copilot::controlplane
