#include "app/app.h"
#include "audit/audit_log.h"
#include "auth/api_keys.h"
#include "directory/directory.h"

namespace copilot::controlplane {

Result<InitResult> initialize(const InitOptions& options) {
  auto db = open_database(options.db_url, 1);
  if (!db) return db.error();
  InitResult out;
  Result<void> done = (*db)->transaction([&](Connection& c) -> Result<void> {
    auto existing = list_tenants(c);
    if (!existing) return existing.error();
    if (!existing->empty()) {
      return Error{"the database is already initialized (it has " + std::to_string(existing->size()) +
                       " tenant(s)); create more with POST /v1/tenants",
                   true};
    }
    auto tenant = create_tenant(c, options.tenant, true);
    if (!tenant) return tenant.error();
    auto admin = create_user(c, (*tenant)->id, options.admin_email, Role::admin);
    if (!admin) return admin.error();
    auto key = create_api_key(c, (*tenant)->id, (*admin)->id, "initial admin key", {}, std::nullopt);
    if (!key) return key.error();
    for (auto [action, target] : {std::pair{"tenant.create", (*tenant)->id}, std::pair{"user.create", (*admin)->id},
                                  std::pair{"key.create", key->info.id}}) {
      NewAuditEvent event{"copilot-server init", action, target, "{}", std::nullopt, std::nullopt};
      if (auto appended = append_audit(c, (*tenant)->id, event); !appended) return appended.error();
    }
    out = InitResult{(*tenant)->id, (*admin)->id, key->token};
    return {};
  });
  if (!done) return done.error();
  return out;
}

}  // namespace copilot::controlplane
