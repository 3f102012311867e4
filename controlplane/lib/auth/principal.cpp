#include "auth/principal.h"

#include <algorithm>

namespace copilot::controlplane {

bool Principal::can(Permission permission) const {
  if (permission == Permission::tenants_manage && !operator_tenant) return false;
  if (!role_allows(role, permission)) return false;
  if (!scopes) return true;
  return std::find(scopes->begin(), scopes->end(), permission) != scopes->end();
}

}  // namespace copilot::controlplane
