#include "auth/authenticator.h"

#include "auth/api_keys.h"
#include "auth/credentials.h"
#include "common/clock.h"
#include "directory/directory.h"

namespace copilot::controlplane {
namespace {

AuthOutcome refuse(std::string why) {
  return AuthOutcome{std::nullopt, std::move(why), false};
}
AuthOutcome broken(const Error& e) {
  return AuthOutcome{std::nullopt, e.message, true};
}

const char* rejection_text(KeyRejection r) {
  switch (r) {
    case KeyRejection::revoked: return "the API key was revoked";
    case KeyRejection::expired: return "the API key has expired";
    case KeyRejection::user_disabled: return "the API key's user is disabled";
    case KeyRejection::unknown:
    case KeyRejection::wrong_secret: break;
  }
  // Unknown prefix and wrong secret read the same, so prefixes cannot be probed.
  return "the API key is not valid";
}

}  // namespace

AuthOutcome Authenticator::authenticate(const std::string& header) const {
  if (header.empty()) return refuse("send Authorization: Bearer <API key or OIDC token>");
  auto credential = parse_authorization(header);
  if (!credential) return refuse(credential.error().message);
  if (const auto* key = std::get_if<ApiKeyCredential>(&*credential)) return from_api_key(*key);
  return from_jwt(std::get<JwtCredential>(*credential).token);
}

AuthOutcome Authenticator::from_api_key(const ApiKeyCredential& key) const {
  AuthOutcome out;
  Result<void> done = db_.run([&](Connection& c) -> Result<void> {
    auto found = authenticate_api_key(c, key, now_ms());
    if (!found) return found.error();
    if (auto* p = std::get_if<Principal>(&*found)) {
      out.principal = std::move(*p);
    } else {
      out = refuse(rejection_text(std::get<KeyRejection>(*found)));
    }
    return {};
  });
  if (!done) return broken(done.error());
  return out;
}

AuthOutcome Authenticator::from_jwt(const std::string& token) const {
  if (!oidc_) return refuse("single sign-on is not configured on this server; use an API key");
  auto identity = oidc_->verify(token, now_ms() / 1000);
  if (!identity) return refuse(identity.error().message);
  AuthOutcome out;
  Result<void> done = db_.run([&](Connection& c) -> Result<void> {
    auto tenant = find_tenant_by_name(c, identity->tenant_name);
    if (!tenant) return tenant.error();
    if (!*tenant) {
      out = refuse("the token's tenant is not known to this server");
      return {};
    }
    Principal p;
    p.tenant_id = (*tenant)->id;
    p.tenant_name = (*tenant)->name;
    p.operator_tenant = (*tenant)->operator_tenant;
    p.user_id = "oidc:" + identity->subject;
    p.email = identity->email;
    p.role = identity->role;
    out.principal = std::move(p);
    return {};
  });
  if (!done) return broken(done.error());
  return out;
}

}  // namespace copilot::controlplane
