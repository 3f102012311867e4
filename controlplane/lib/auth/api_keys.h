#pragma once
// API keys: shown once at creation, stored only as a SHA-256 hash of the secret.
#include <optional>
#include <string>
#include <vector>

#include "auth/credentials.h"
#include "auth/principal.h"
#include "storage/database.h"

namespace copilot::controlplane {

struct ApiKeyInfo {
  std::string id;  ///< the prefix: public, used for lookup and revocation
  std::string user_id;
  std::string name;
  std::vector<std::string> scopes;  ///< empty: everything the user's role allows
  int64_t created_at = 0;
  std::optional<int64_t> expires_at;
  std::optional<int64_t> revoked_at;
};

struct NewApiKey {
  ApiKeyInfo info;
  std::string token;  ///< `cpk_<prefix>_<secret>`: returned to the caller once, never stored
};

Result<NewApiKey> create_api_key(Connection& c, const std::string& tenant_id, const std::string& user_id,
                                 const std::string& name, const std::vector<std::string>& scopes,
                                 std::optional<int64_t> expires_at);
/// Keys of one user, or of the whole tenant when `user_id` is empty.
Result<std::vector<ApiKeyInfo>> list_api_keys(Connection& c, const std::string& tenant_id, const std::string& user_id);
Result<std::optional<ApiKeyInfo>> find_api_key(Connection& c, const std::string& tenant_id, const std::string& id);
/// Marks the key revoked (idempotent); false when the tenant has no such key.
Result<bool> revoke_api_key(Connection& c, const std::string& tenant_id, const std::string& id);

enum class KeyRejection { unknown, wrong_secret, revoked, expired, user_disabled };

/// Finds the key's principal. The secret hash is compared in constant time, also
/// when the prefix is unknown, so timing does not reveal which prefixes exist.
Result<std::variant<Principal, KeyRejection>> authenticate_api_key(Connection& c, const ApiKeyCredential& key,
                                                                   int64_t now);

}  // namespace copilot::controlplane
