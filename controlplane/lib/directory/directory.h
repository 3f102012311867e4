#pragma once
// Tenants and their users.
#include <optional>
#include <string>
#include <vector>

#include "rbac/rbac.h"
#include "storage/database.h"

namespace copilot::controlplane {

struct Tenant {
  std::string id;
  std::string name;
  bool operator_tenant = false;
  int64_t created_at = 0;
};

struct User {
  std::string id;
  std::string tenant_id;
  std::string email;
  Role role = Role::viewer;
  bool disabled = false;
  int64_t created_at = 0;
};

/// Token budget every new tenant starts with (per month); admins change it with PUT /v1/quotas.
inline constexpr int64_t kDefaultMonthlyTokens = 1'000'000;

/// Creates a tenant with its audit chain head and default monthly quota. nullopt when the name is taken.
Result<std::optional<Tenant>> create_tenant(Connection& c, const std::string& name, bool operator_tenant);
Result<std::vector<Tenant>> list_tenants(Connection& c);
Result<std::optional<Tenant>> find_tenant_by_name(Connection& c, const std::string& name);
Result<std::optional<Tenant>> find_tenant(Connection& c, const std::string& id);

/// nullopt when the email is already a user of the tenant.
Result<std::optional<User>> create_user(Connection& c, const std::string& tenant_id, const std::string& email,
                                        Role role);
Result<std::vector<User>> list_users(Connection& c, const std::string& tenant_id);
Result<std::optional<User>> find_user(Connection& c, const std::string& tenant_id, const std::string& user_id);
/// Changes role and/or disabled flag; false when no such user in the tenant.
Result<bool> update_user(Connection& c, const std::string& tenant_id, const std::string& user_id,
                         std::optional<Role> role, std::optional<bool> disabled);

}  // namespace copilot::controlplane
