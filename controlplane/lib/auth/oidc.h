#pragma once
// Single sign-on: OIDC ID/access tokens (RS256 JWTs) checked against a
// configured issuer, audience and JWKS, with claims mapped to tenant and role.
#include <map>
#include <memory>
#include <string>

#include "rbac/rbac.h"
#include "util/result.h"

namespace copilot::controlplane {

struct OidcConfig {
  std::string issuer;
  std::string audience;
  std::string jwks;  ///< a file path, or an http(s) URL fetched at start
  std::string tenant_claim = "copilot_tenant";
  std::string role_claim = "copilot_role";
  bool enabled() const { return !issuer.empty(); }
};

struct OidcIdentity {
  std::string subject;
  std::string email;
  std::string tenant_name;
  Role role = Role::viewer;
};

/// RSA public keys of a JWKS document as PEM, by `kid` (keys without a kid get "").
Result<std::map<std::string, std::string>> jwks_to_pem(const std::string& jwks_json);
/// Base64url without padding, as JWTs use it; nullopt-like error on bad input.
Result<std::string> base64url_decode(std::string_view text);

class OidcVerifier {
 public:
  static Result<std::unique_ptr<OidcVerifier>> create(const OidcConfig& config);
  /// Checks signature (RS256 only), iss, aud, exp and nbf (60 s leeway), then maps the claims.
  Result<OidcIdentity> verify(const std::string& token, int64_t now_seconds) const;

 private:
  OidcVerifier(OidcConfig config, std::map<std::string, std::string> keys)
      : config_(std::move(config)), keys_(std::move(keys)) {}
  OidcConfig config_;
  std::map<std::string, std::string> keys_;
};

}  // namespace copilot::controlplane
