// /v1/tenant, /v1/tenants, /v1/users
#include "auth/api_keys.h"
#include "directory/directory.h"
#include "http/reply.h"
#include "http/requests.h"
#include "http/routes.h"
#include "http/views.h"

namespace copilot::controlplane {
namespace {

void get_own_tenant(Call& call) {
  Tenant tenant = read(call, [&](Connection& c) { return find_tenant(c, call.who.tenant_id); }).value_or(Tenant{});
  nlohmann::json permissions = nlohmann::json::array();
  for (const auto& info : permission_table()) {
    if (call.who.can(info.permission)) permissions.push_back(info.name);
  }
  reply_json(call, 200,
             {{"tenant", to_json(tenant)},
              {"caller",
               {{"user_id", call.who.user_id},
                {"email", call.who.email},
                {"role", role_name(call.who.role)},
                {"key_id", call.who.key_id.empty() ? nlohmann::json(nullptr) : nlohmann::json(call.who.key_id)},
                {"permissions", permissions}}}});
}

void list_all_tenants(Call& call) {
  nlohmann::json items = nlohmann::json::array();
  for (const Tenant& t : read(call, [](Connection& c) { return list_tenants(c); })) items.push_back(to_json(t));
  reply_json(call, 200, {{"tenants", items}});
}

void create_tenant_route(Call& call) {
  auto body = body_or_reply(call, parse_create_tenant(call.req.body));
  if (!body) return;
  struct Created {
    Tenant tenant;
    User admin;
    NewApiKey key;
  };
  auto created = write(call, [&](Connection& c) -> Result<std::optional<Created>> {
    auto tenant = create_tenant(c, body->name, false);
    if (!tenant) return tenant.error();
    if (!*tenant) return std::optional<Created>{};
    auto admin = must(create_user(c, (*tenant)->id, body->admin_email, Role::admin));
    auto key = must(create_api_key(c, (*tenant)->id, admin->id, "initial admin key", {}, std::nullopt));
    audit(c, call, "tenant.create", (*tenant)->id, {{"name", body->name}, {"admin_email", body->admin_email}});
    NewAuditEvent first{call.who.actor(), "tenant.created", (*tenant)->id, "{}", std::nullopt, std::nullopt};
    must(append_audit(c, (*tenant)->id, first));
    return std::optional<Created>{Created{**tenant, *admin, key}};
  });
  if (!created) return reply_problem(call, conflict("a tenant named " + body->name + " already exists"));
  reply_json(call, 201,
             {{"tenant", to_json(created->tenant)},
              {"admin", to_json(created->admin)},
              {"api_key", created->key.token},
              {"key", to_json(created->key.info)}});
}

void list_users_route(Call& call) {
  nlohmann::json items = nlohmann::json::array();
  for (const User& u : read(call, [&](Connection& c) { return list_users(c, call.who.tenant_id); })) {
    items.push_back(to_json(u));
  }
  reply_json(call, 200, {{"users", items}});
}

void create_user_route(Call& call) {
  auto body = body_or_reply(call, parse_create_user(call.req.body));
  if (!body) return;
  auto user = write(call, [&](Connection& c) -> Result<std::optional<User>> {
    auto created = create_user(c, call.who.tenant_id, body->email, *parse_role(body->role));
    if (created && *created)
      audit(c, call, "user.create", (*created)->id, {{"email", body->email}, {"role", body->role}});
    return created;
  });
  if (!user) return reply_problem(call, conflict(body->email + " is already a user of this tenant"));
  reply_json(call, 201, to_json(*user));
}

void update_user_route(Call& call) {
  auto body = body_or_reply(call, parse_update_user(call.req.body));
  if (!body) return;
  const std::string id = call.param(1);
  std::optional<Role> role = body->role ? parse_role(*body->role) : std::nullopt;
  auto user = write(call, [&](Connection& c) -> Result<std::optional<User>> {
    auto changed = update_user(c, call.who.tenant_id, id, role, body->disabled);
    if (!changed) return changed.error();
    if (!*changed) return std::optional<User>{};
    nlohmann::json details = nlohmann::json::object();
    if (body->role) details["role"] = *body->role;
    if (body->disabled) details["disabled"] = *body->disabled;
    audit(c, call, "user.update", id, details);
    return find_user(c, call.who.tenant_id, id);
  });
  if (!user) return reply_problem(call, not_found("no user " + id + " in this tenant"));
  reply_json(call, 200, to_json(*user));
}

}  // namespace

std::vector<Route> directory_routes() {
  return {
      {"GET", "/v1/tenant", Permission::tenant_read, get_own_tenant},
      {"GET", "/v1/tenants", Permission::tenants_manage, list_all_tenants},
      {"POST", "/v1/tenants", Permission::tenants_manage, create_tenant_route},
      {"GET", "/v1/users", Permission::users_read, list_users_route},
      {"POST", "/v1/users", Permission::users_manage, create_user_route},
      {"PATCH", "/v1/users/{id}", Permission::users_manage, update_user_route},
  };
}

}  // namespace copilot::controlplane
