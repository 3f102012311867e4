#pragma once
// Turns an Authorization header into a Principal: API keys from the database,
// OIDC tokens through the verifier (when configured).
#include <memory>
#include <optional>
#include <string>

#include "auth/credentials.h"
#include "auth/oidc.h"
#include "auth/principal.h"
#include "storage/database.h"

namespace copilot::controlplane {

struct AuthOutcome {
  std::optional<Principal> principal;
  std::string failure;    ///< why not, safe to show the caller (never echoes the token)
  bool internal = false;  ///< the database failed: a 500, not a 401
};

class Authenticator {
 public:
  Authenticator(Database& db, std::unique_ptr<OidcVerifier> oidc) : db_(db), oidc_(std::move(oidc)) {}
  AuthOutcome authenticate(const std::string& authorization_header) const;

 private:
  AuthOutcome from_api_key(const ApiKeyCredential& key) const;
  AuthOutcome from_jwt(const std::string& token) const;

  Database& db_;
  std::unique_ptr<OidcVerifier> oidc_;
};

}  // namespace copilot::controlplane
