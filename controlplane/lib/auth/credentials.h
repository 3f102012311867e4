#pragma once
// The Authorization header, taken apart without touching storage. Fuzzed.
#include <string>
#include <string_view>
#include <variant>

#include "util/result.h"

namespace copilot::controlplane {

/// `cpk_<prefix>_<secret>`: the prefix finds the key's row, the secret is checked against its hash.
struct ApiKeyCredential {
  std::string prefix;
  std::string secret;
};

/// Anything else after `Bearer ` that looks like a compact JWS (three dot-separated parts).
struct JwtCredential {
  std::string token;
};

using Credential = std::variant<ApiKeyCredential, JwtCredential>;

inline constexpr size_t kKeyPrefixLength = 12;  ///< hex digits
inline constexpr size_t kKeySecretLength = 64;  ///< hex digits

/// Parses `Bearer <token>` (scheme case-insensitive). The error never quotes the token.
Result<Credential> parse_authorization(std::string_view header);

/// Whether `text` could be an API key (used to keep keys out of logs and error messages).
bool looks_like_api_key(std::string_view text);

}  // namespace copilot::controlplane
