#pragma once
// Who is calling: the tenant, the user and what they may do.
#include <optional>
#include <string>
#include <vector>

#include "rbac/rbac.h"

namespace copilot::controlplane {

struct Principal {
  std::string tenant_id;
  std::string tenant_name;
  bool operator_tenant = false;  ///< the tenant created by `init`; its admins manage tenants
  std::string user_id;           ///< users.id, or `oidc:<sub>` for a single-sign-on token
  std::string email;
  Role role = Role::viewer;
  /// An API key's scopes narrow the role; nullopt means the role's full set.
  std::optional<std::vector<Permission>> scopes;
  std::string key_id;  ///< the key's prefix, empty for OIDC

  bool can(Permission permission) const;
  /// How audit records name this caller, e.g. `ada@example.com` or `oidc:1234`.
  std::string actor() const { return email.empty() ? user_id : email; }
};

}  // namespace copilot::controlplane
