#include "rbac/rbac.h"

#include <algorithm>

namespace copilot::controlplane {

namespace {
constexpr Role A = Role::admin, M = Role::maintainer, R = Role::reviewer, V = Role::viewer;
}

const std::vector<PermissionInfo>& permission_table() {
  static const std::vector<PermissionInfo> table = {
      {Permission::tenant_read, "tenant:read", {A, M, R, V}},
      {Permission::tenants_manage, "tenants:manage", {A}},
      {Permission::users_read, "users:read", {A}},
      {Permission::users_manage, "users:manage", {A}},
      {Permission::keys_own, "keys:own", {A, M, R, V}},
      {Permission::keys_manage, "keys:manage", {A}},
      {Permission::quotas_read, "quotas:read", {A, M}},
      {Permission::quotas_manage, "quotas:manage", {A}},
      {Permission::projects_read, "projects:read", {A, M, R, V}},
      {Permission::projects_write, "projects:write", {A, M}},
      {Permission::runs_read, "runs:read", {A, M, R, V}},
      {Permission::runs_write, "runs:write", {A, M}},
      {Permission::artifacts_read, "artifacts:read", {A, M, R, V}},
      {Permission::artifacts_write, "artifacts:write", {A, M}},
      {Permission::artifacts_review, "artifacts:review", {A, R}},
      {Permission::audit_read, "audit:read", {A, R}},
      {Permission::audit_append, "audit:append", {A, M, R}},
      {Permission::llm_use, "llm:use", {A, M, R}},
      {Permission::usage_read, "usage:read", {A, M}},
  };
  return table;
}

const std::vector<Role>& all_roles() {
  static const std::vector<Role> roles = {A, M, R, V};
  return roles;
}

std::string_view role_name(Role role) {
  switch (role) {
    case Role::admin: return "admin";
    case Role::maintainer: return "maintainer";
    case Role::reviewer: return "reviewer";
    case Role::viewer: return "viewer";
  }
  return "viewer";
}

std::optional<Role> parse_role(std::string_view name) {
  for (Role r : all_roles()) {
    if (role_name(r) == name) return r;
  }
  return std::nullopt;
}

std::string_view permission_name(Permission permission) {
  for (const auto& info : permission_table()) {
    if (info.permission == permission) return info.name;
  }
  return "";
}

std::optional<Permission> parse_permission(std::string_view name) {
  for (const auto& info : permission_table()) {
    if (info.name == name) return info.permission;
  }
  return std::nullopt;
}

bool role_allows(Role role, Permission permission) {
  for (const auto& info : permission_table()) {
    if (info.permission == permission) return std::find(info.roles.begin(), info.roles.end(), role) != info.roles.end();
  }
  return false;
}

}  // namespace copilot::controlplane
