#include "auth/api_keys.h"

#include <nlohmann/json.hpp>

#include "common/clock.h"
#include "common/crypto.h"

namespace copilot::controlplane {
namespace {

constexpr const char* kColumns = "SELECT id, user_id, name, scopes, created_at, expires_at, revoked_at FROM api_keys";

std::vector<std::string> scopes_from(const std::string& text) {
  auto j = nlohmann::json::parse(text, nullptr, false);
  std::vector<std::string> out;
  if (j.is_array()) {
    for (const auto& s : j) {
      if (s.is_string()) out.push_back(s.get<std::string>());
    }
  }
  return out;
}

ApiKeyInfo key_from(const Row& r) {
  ApiKeyInfo k;
  k.id = r.text(0);
  k.user_id = r.text(1);
  k.name = r.text(2);
  k.scopes = scopes_from(r.text(3));
  k.created_at = r.integer(4);
  if (!r.is_null(5)) k.expires_at = r.integer(5);
  if (!r.is_null(6)) k.revoked_at = r.integer(6);
  return k;
}

Value optional_int(const std::optional<int64_t>& v) {
  return v ? Value{*v} : Value{};
}

}  // namespace

Result<NewApiKey> create_api_key(Connection& c, const std::string& tenant_id, const std::string& user_id,
                                 const std::string& name, const std::vector<std::string>& scopes,
                                 std::optional<int64_t> expires_at) {
  NewApiKey out;
  out.info.id = random_hex(kKeyPrefixLength / 2);
  out.info.user_id = user_id;
  out.info.name = name;
  out.info.scopes = scopes;
  out.info.created_at = now_ms();
  out.info.expires_at = expires_at;
  std::string secret = random_hex(kKeySecretLength / 2);
  out.token = "cpk_" + out.info.id + "_" + secret;
  auto inserted = c.query(
      "INSERT INTO api_keys (id, tenant_id, user_id, name, secret_hash, scopes, created_at, expires_at, revoked_at)"
      " VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL)",
      {out.info.id, tenant_id, user_id, name, sha256_hex(secret), nlohmann::json(scopes).dump(), out.info.created_at,
       optional_int(expires_at)});
  if (!inserted) return inserted.error();
  return out;
}

Result<std::vector<ApiKeyInfo>> list_api_keys(Connection& c, const std::string& tenant_id, const std::string& user_id) {
  auto rows = user_id.empty()
                  ? c.query(std::string(kColumns) + " WHERE tenant_id = ? ORDER BY created_at, id", {tenant_id})
                  : c.query(std::string(kColumns) + " WHERE tenant_id = ? AND user_id = ? ORDER BY created_at, id",
                            {tenant_id, user_id});
  if (!rows) return rows.error();
  std::vector<ApiKeyInfo> out;
  for (const Row& r : rows->rows) out.push_back(key_from(r));
  return out;
}

Result<std::optional<ApiKeyInfo>> find_api_key(Connection& c, const std::string& tenant_id, const std::string& id) {
  auto rows = c.query(std::string(kColumns) + " WHERE tenant_id = ? AND id = ?", {tenant_id, id});
  if (!rows) return rows.error();
  if (rows->rows.empty()) return std::optional<ApiKeyInfo>{};
  return std::optional<ApiKeyInfo>{key_from(rows->rows[0])};
}

Result<bool> revoke_api_key(Connection& c, const std::string& tenant_id, const std::string& id) {
  auto updated = c.query("UPDATE api_keys SET revoked_at = COALESCE(revoked_at, ?) WHERE tenant_id = ? AND id = ?",
                         {now_ms(), tenant_id, id});
  if (!updated) return updated.error();
  return updated->affected > 0;
}

Result<std::variant<Principal, KeyRejection>> authenticate_api_key(Connection& c, const ApiKeyCredential& key,
                                                                   int64_t now) {
  using Outcome = std::variant<Principal, KeyRejection>;
  auto rows = c.query(
      "SELECT k.secret_hash, k.scopes, k.expires_at, k.revoked_at, u.id, u.email, u.role, u.disabled,"
      " t.id, t.name, t.operator FROM api_keys k JOIN users u ON u.id = k.user_id"
      " JOIN tenants t ON t.id = k.tenant_id WHERE k.id = ?",
      {key.prefix});
  if (!rows) return rows.error();
  const std::string presented = sha256_hex(key.secret);
  if (rows->rows.empty()) {
    (void)constant_time_equal(presented, std::string(presented.size(), '0'));
    return Outcome{KeyRejection::unknown};
  }
  const Row& r = rows->rows[0];
  if (!constant_time_equal(presented, r.text(0))) return Outcome{KeyRejection::wrong_secret};
  if (!r.is_null(3)) return Outcome{KeyRejection::revoked};
  if (!r.is_null(2) && r.integer(2) <= now) return Outcome{KeyRejection::expired};
  if (r.integer(7) != 0) return Outcome{KeyRejection::user_disabled};
  Principal p;
  p.user_id = r.text(4);
  p.email = r.text(5);
  p.role = parse_role(r.text(6)).value_or(Role::viewer);
  p.tenant_id = r.text(8);
  p.tenant_name = r.text(9);
  p.operator_tenant = r.integer(10) != 0;
  p.key_id = key.prefix;
  std::vector<std::string> scopes = scopes_from(r.text(1));
  if (!scopes.empty()) {
    std::vector<Permission> narrowed;
    for (const auto& s : scopes) {
      if (auto perm = parse_permission(s)) narrowed.push_back(*perm);
    }
    p.scopes = std::move(narrowed);
  }
  return Outcome{std::move(p)};
}

}  // namespace copilot::controlplane
