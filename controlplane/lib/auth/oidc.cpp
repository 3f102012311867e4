#include "auth/oidc.h"

#include <httplib.h>
#include <jwt.h>
#include <openssl/bio.h>
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/param_build.h>
#include <openssl/pem.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

namespace copilot::controlplane {
namespace {

constexpr int64_t kLeewaySeconds = 60;

Result<std::string> rsa_public_pem(const std::string& n_b64, const std::string& e_b64) {
  auto n = base64url_decode(n_b64), e = base64url_decode(e_b64);
  if (!n || !e) return Error{"a JWKS key has a malformed modulus or exponent"};
  BIGNUM* bn_n = BN_bin2bn(reinterpret_cast<const unsigned char*>(n->data()), static_cast<int>(n->size()), nullptr);
  BIGNUM* bn_e = BN_bin2bn(reinterpret_cast<const unsigned char*>(e->data()), static_cast<int>(e->size()), nullptr);
  OSSL_PARAM_BLD* bld = OSSL_PARAM_BLD_new();
  OSSL_PARAM_BLD_push_BN(bld, OSSL_PKEY_PARAM_RSA_N, bn_n);
  OSSL_PARAM_BLD_push_BN(bld, OSSL_PKEY_PARAM_RSA_E, bn_e);
  OSSL_PARAM* params = OSSL_PARAM_BLD_to_param(bld);
  EVP_PKEY_CTX* ctx = EVP_PKEY_CTX_new_from_name(nullptr, "RSA", nullptr);
  EVP_PKEY* key = nullptr;
  bool ok = ctx && params && EVP_PKEY_fromdata_init(ctx) == 1 &&
            EVP_PKEY_fromdata(ctx, &key, EVP_PKEY_PUBLIC_KEY, params) == 1;
  std::string pem;
  if (ok) {
    BIO* bio = BIO_new(BIO_s_mem());
    if (PEM_write_bio_PUBKEY(bio, key) == 1) {
      char* data = nullptr;
      long size = BIO_get_mem_data(bio, &data);
      pem.assign(data, static_cast<size_t>(size));
    }
    BIO_free(bio);
  }
  EVP_PKEY_free(key);
  EVP_PKEY_CTX_free(ctx);
  OSSL_PARAM_free(params);
  OSSL_PARAM_BLD_free(bld);
  BN_free(bn_n);
  BN_free(bn_e);
  if (pem.empty()) return Error{"a JWKS key is not a usable RSA public key"};
  return pem;
}

Result<std::string> read_jwks(const std::string& where) {
  if (where.rfind("http://", 0) == 0 || where.rfind("https://", 0) == 0) {
    size_t slash = where.find('/', where.find("://") + 3);
    httplib::Client client(where.substr(0, slash));
    client.set_connection_timeout(10);
    auto res = client.Get(slash == std::string::npos ? "/" : where.substr(slash));
    if (!res || res->status != 200) return Error{"cannot fetch the JWKS from " + where};
    return res->body;
  }
  std::ifstream in(where);
  if (!in) return Error{"cannot read the JWKS file " + where};
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

bool audience_matches(const nlohmann::json& aud, const std::string& expected) {
  if (aud.is_string()) return aud.get<std::string>() == expected;
  if (aud.is_array()) {
    for (const auto& a : aud) {
      if (a.is_string() && a.get<std::string>() == expected) return true;
    }
  }
  return false;
}

}  // namespace

Result<std::string> base64url_decode(std::string_view text) {
  std::string out;
  out.reserve(text.size() * 3 / 4);
  uint32_t buffer = 0;
  int bits = 0;
  for (char c : text) {
    int v;
    if (c >= 'A' && c <= 'Z')
      v = c - 'A';
    else if (c >= 'a' && c <= 'z')
      v = c - 'a' + 26;
    else if (c >= '0' && c <= '9')
      v = c - '0' + 52;
    else if (c == '-')
      v = 62;
    else if (c == '_')
      v = 63;
    else if (c == '=')
      break;
    else
      return Error{"not base64url"};
    buffer = (buffer << 6) | static_cast<uint32_t>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push_back(static_cast<char>((buffer >> bits) & 0xff));
    }
  }
  return out;
}

Result<std::map<std::string, std::string>> jwks_to_pem(const std::string& jwks_json) {
  auto doc = nlohmann::json::parse(jwks_json, nullptr, false);
  if (!doc.is_object() || !doc.contains("keys") || !doc["keys"].is_array()) {
    return Error{"the JWKS is not a JSON object with a keys array"};
  }
  std::map<std::string, std::string> out;
  for (const auto& k : doc["keys"]) {
    if (!k.is_object() || k.value("kty", "") != "RSA" || !k.contains("n") || !k.contains("e")) continue;
    if (!k["n"].is_string() || !k["e"].is_string()) continue;
    auto pem = rsa_public_pem(k["n"].get<std::string>(), k["e"].get<std::string>());
    if (!pem) return pem.error();
    out[k.value("kid", "")] = *pem;
  }
  if (out.empty()) return Error{"the JWKS holds no RSA keys"};
  return out;
}

Result<std::unique_ptr<OidcVerifier>> OidcVerifier::create(const OidcConfig& config) {
  if (config.audience.empty() || config.jwks.empty()) {
    return Error{"--oidc-issuer needs --oidc-audience and --oidc-jwks", true};
  }
  auto text = read_jwks(config.jwks);
  if (!text) return text.error();
  auto keys = jwks_to_pem(*text);
  if (!keys) return keys.error();
  return std::unique_ptr<OidcVerifier>(new OidcVerifier(config, std::move(*keys)));
}

Result<OidcIdentity> OidcVerifier::verify(const std::string& token, int64_t now) const {
  // The header is read first, so only RS256 ever reaches the library (no "none", no HMAC with a public key).
  size_t dot = token.find('.');
  auto header_text = base64url_decode(std::string_view(token).substr(0, dot));
  if (!header_text) return Error{"the token header is malformed"};
  auto header = nlohmann::json::parse(*header_text, nullptr, false);
  if (!header.is_object() || header.value("alg", "") != "RS256") return Error{"the token is not signed with RS256"};
  std::string kid = header.contains("kid") && header["kid"].is_string() ? header["kid"].get<std::string>() : "";
  auto key = keys_.find(kid);
  if (key == keys_.end() && keys_.size() == 1 && kid.empty()) key = keys_.begin();
  if (key == keys_.end()) return Error{"the token's signing key is not in the JWKS"};

  jwt_t* jwt = nullptr;
  int rc = jwt_decode(&jwt, token.c_str(), reinterpret_cast<const unsigned char*>(key->second.data()),
                      static_cast<int>(key->second.size()));
  if (rc != 0 || !jwt) return Error{"the token signature does not verify"};
  bool rs256 = jwt_get_alg(jwt) == JWT_ALG_RS256;
  char* grants = jwt_get_grants_json(jwt, nullptr);
  jwt_free(jwt);
  nlohmann::json claims = nlohmann::json::parse(grants ? grants : "", nullptr, false);
  free(grants);
  if (!rs256) return Error{"the token is not signed with RS256"};
  if (!claims.is_object()) return Error{"the token claims are malformed"};

  if (!claims.contains("iss") || claims["iss"] != config_.issuer) return Error{"the token has the wrong issuer"};
  if (!claims.contains("aud") || !audience_matches(claims["aud"], config_.audience)) {
    return Error{"the token has the wrong audience"};
  }
  if (!claims.contains("exp") || !claims["exp"].is_number()) return Error{"the token has no expiry"};
  if (claims["exp"].get<double>() + kLeewaySeconds < static_cast<double>(now)) return Error{"the token has expired"};
  if (claims.contains("nbf") && claims["nbf"].is_number() &&
      claims["nbf"].get<double>() - kLeewaySeconds > static_cast<double>(now)) {
    return Error{"the token is not valid yet"};
  }
  OidcIdentity id;
  if (!claims.contains("sub") || !claims["sub"].is_string()) return Error{"the token has no subject"};
  id.subject = claims["sub"].get<std::string>();
  if (claims.contains("email") && claims["email"].is_string()) id.email = claims["email"].get<std::string>();
  const auto& tenant = claims.contains(config_.tenant_claim) ? claims[config_.tenant_claim] : nlohmann::json();
  const auto& role = claims.contains(config_.role_claim) ? claims[config_.role_claim] : nlohmann::json();
  if (!tenant.is_string()) return Error{"the token has no " + config_.tenant_claim + " claim"};
  if (!role.is_string() || !parse_role(role.get<std::string>())) {
    return Error{"the token's " + config_.role_claim + " claim is not a role"};
  }
  id.tenant_name = tenant.get<std::string>();
  id.role = *parse_role(role.get<std::string>());
  return id;
}

}  // namespace copilot::controlplane
