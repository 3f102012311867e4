// /v1/keys: API keys of the caller (keys:own) or of anyone in the tenant (keys:manage).
#include <algorithm>

#include "auth/api_keys.h"
#include "common/clock.h"
#include "directory/directory.h"
#include "http/reply.h"
#include "http/requests.h"
#include "http/routes.h"
#include "http/views.h"

namespace copilot::controlplane {
namespace {

bool manages_all_keys(const Call& call) {
  return call.who.can(Permission::keys_manage);
}

void list_keys_route(Call& call) {
  const std::string owner = manages_all_keys(call) ? "" : call.who.user_id;
  nlohmann::json items = nlohmann::json::array();
  for (const auto& k : read(call, [&](Connection& c) { return list_api_keys(c, call.who.tenant_id, owner); })) {
    items.push_back(to_json(k));
  }
  reply_json(call, 200, {{"keys", items}});
}

/// A key made with a scoped key may not do more than that key: its scopes must be a subset.
std::optional<Problem> scope_escalation(const Call& call, const CreateKeyRequest& body) {
  if (!call.who.scopes) return std::nullopt;
  if (body.scopes.empty()) return forbidden("a key with scopes can only create keys with a subset of its scopes");
  for (const auto& s : body.scopes) {
    auto perm = parse_permission(s);
    if (!perm || std::find(call.who.scopes->begin(), call.who.scopes->end(), *perm) == call.who.scopes->end()) {
      return forbidden("a key with scopes can only create keys with a subset of its scopes");
    }
  }
  return std::nullopt;
}

void create_key_route(Call& call) {
  auto body = body_or_reply(call, parse_create_key(call.req.body));
  if (!body) return;
  const std::string owner = body->user_id.value_or(call.who.user_id);
  if (owner != call.who.user_id && !manages_all_keys(call)) {
    return reply_problem(call, forbidden("creating a key for another user needs the keys:manage permission"));
  }
  if (auto problem = scope_escalation(call, *body)) return reply_problem(call, *problem);
  if (body->expires_at && *body->expires_at <= now_ms()) {
    return reply_problem(call, invalid_request("expires_at", "expires_at: must be in the future"));
  }
  auto key = write(call, [&](Connection& c) -> Result<std::optional<NewApiKey>> {
    auto user = find_user(c, call.who.tenant_id, owner);
    if (!user) return user.error();
    if (!*user) return std::optional<NewApiKey>{};
    auto created = create_api_key(c, call.who.tenant_id, owner, body->name, body->scopes, body->expires_at);
    if (!created) return created.error();
    audit(c, call, "key.create", created->info.id,
          {{"user_id", owner}, {"name", body->name}, {"scopes", body->scopes}});
    return std::optional<NewApiKey>{*created};
  });
  if (!key) {
    // Single sign-on callers have no user row; keys belong to users.
    return reply_problem(call, invalid_request("user_id", "user_id: no such user in this tenant"));
  }
  nlohmann::json out = to_json(key->info);
  out["api_key"] = key->token;
  reply_json(call, 201, out);
}

void revoke_key_route(Call& call) {
  const std::string id = call.param(1);
  auto revoked = write(call, [&](Connection& c) -> Result<bool> {
    auto key = find_api_key(c, call.who.tenant_id, id);
    if (!key) return key.error();
    // Someone else's key is invisible without keys:manage, as if it did not exist.
    if (!*key || ((*key)->user_id != call.who.user_id && !manages_all_keys(call))) return false;
    auto done = revoke_api_key(c, call.who.tenant_id, id);
    if (done && *done) audit(c, call, "key.revoke", id);
    return done;
  });
  if (!revoked) return reply_problem(call, not_found("no key " + id));
  call.res.status = 204;
}

}  // namespace

std::vector<Route> key_routes() {
  return {
      {"GET", "/v1/keys", Permission::keys_own, list_keys_route},
      {"POST", "/v1/keys", Permission::keys_own, create_key_route},
      {"DELETE", "/v1/keys/{id}", Permission::keys_own, revoke_key_route},
  };
}

}  // namespace copilot::controlplane
