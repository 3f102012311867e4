#include "directory/directory.h"

#include "audit/audit_chain.h"
#include "common/clock.h"
#include "common/crypto.h"

namespace copilot::controlplane {
namespace {

Tenant tenant_from(const Row& r) {
  return Tenant{r.text(0), r.text(1), r.integer(2) != 0, r.integer(3)};
}

User user_from(const Row& r) {
  return User{r.text(0),         r.text(1),   r.text(2), parse_role(r.text(3)).value_or(Role::viewer),
              r.integer(4) != 0, r.integer(5)};
}

constexpr const char* kTenantColumns = "SELECT id, name, operator, created_at FROM tenants";
constexpr const char* kUserColumns = "SELECT id, tenant_id, email, role, disabled, created_at FROM users";

}  // namespace

Result<std::optional<Tenant>> create_tenant(Connection& c, const std::string& name, bool operator_tenant) {
  Tenant t{new_id("ten"), name, operator_tenant, now_ms()};
  auto inserted =
      c.query("INSERT INTO tenants (id, name, operator, created_at) VALUES (?, ?, ?, ?) ON CONFLICT (name) DO NOTHING",
              {t.id, t.name, int64_t{operator_tenant ? 1 : 0}, t.created_at});
  if (!inserted) return inserted.error();
  if (inserted->affected == 0) return std::optional<Tenant>{};
  auto head = c.query("INSERT INTO audit_heads (tenant_id, seq, hash) VALUES (?, 0, ?)", {t.id, genesis_hash()});
  if (!head) return head.error();
  auto quota = c.query(
      "INSERT INTO quotas (id, tenant_id, project_id, period, token_limit, requests_per_minute, tokens_per_minute)"
      " VALUES (?, ?, '', 'month', ?, 0, 0)",
      {new_id("quota"), t.id, kDefaultMonthlyTokens});
  if (!quota) return quota.error();
  return std::optional<Tenant>{t};
}

Result<std::vector<Tenant>> list_tenants(Connection& c) {
  auto rows = c.query(std::string(kTenantColumns) + " ORDER BY created_at, id");
  if (!rows) return rows.error();
  std::vector<Tenant> out;
  for (const Row& r : rows->rows) out.push_back(tenant_from(r));
  return out;
}

Result<std::optional<Tenant>> find_tenant_by_name(Connection& c, const std::string& name) {
  auto rows = c.query(std::string(kTenantColumns) + " WHERE name = ?", {name});
  if (!rows) return rows.error();
  if (rows->rows.empty()) return std::optional<Tenant>{};
  return std::optional<Tenant>{tenant_from(rows->rows[0])};
}

Result<std::optional<Tenant>> find_tenant(Connection& c, const std::string& id) {
  auto rows = c.query(std::string(kTenantColumns) + " WHERE id = ?", {id});
  if (!rows) return rows.error();
  if (rows->rows.empty()) return std::optional<Tenant>{};
  return std::optional<Tenant>{tenant_from(rows->rows[0])};
}

Result<std::optional<User>> create_user(Connection& c, const std::string& tenant_id, const std::string& email,
                                        Role role) {
  User u{new_id("usr"), tenant_id, email, role, false, now_ms()};
  auto inserted = c.query(
      "INSERT INTO users (id, tenant_id, email, role, disabled, created_at) VALUES (?, ?, ?, ?, 0, ?)"
      " ON CONFLICT (tenant_id, email) DO NOTHING",
      {u.id, u.tenant_id, u.email, std::string(role_name(role)), u.created_at});
  if (!inserted) return inserted.error();
  if (inserted->affected == 0) return std::optional<User>{};
  return std::optional<User>{u};
}

Result<std::vector<User>> list_users(Connection& c, const std::string& tenant_id) {
  auto rows = c.query(std::string(kUserColumns) + " WHERE tenant_id = ? ORDER BY created_at, id", {tenant_id});
  if (!rows) return rows.error();
  std::vector<User> out;
  for (const Row& r : rows->rows) out.push_back(user_from(r));
  return out;
}

Result<std::optional<User>> find_user(Connection& c, const std::string& tenant_id, const std::string& user_id) {
  auto rows = c.query(std::string(kUserColumns) + " WHERE tenant_id = ? AND id = ?", {tenant_id, user_id});
  if (!rows) return rows.error();
  if (rows->rows.empty()) return std::optional<User>{};
  return std::optional<User>{user_from(rows->rows[0])};
}

Result<bool> update_user(Connection& c, const std::string& tenant_id, const std::string& user_id,
                         std::optional<Role> role, std::optional<bool> disabled) {
  auto found = find_user(c, tenant_id, user_id);
  if (!found) return found.error();
  if (!*found) return false;
  std::string new_role(role_name(role.value_or((*found)->role)));
  int64_t new_disabled = disabled.value_or((*found)->disabled) ? 1 : 0;
  auto updated = c.query("UPDATE users SET role = ?, disabled = ? WHERE tenant_id = ? AND id = ?",
                         {new_role, new_disabled, tenant_id, user_id});
  if (!updated) return updated.error();
  return true;
}

}  // namespace copilot::controlplane
