#include "auth/credentials.h"

#include <algorithm>
#include <cctype>

namespace copilot::controlplane {
namespace {

bool all_hex(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

bool base64url_part(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_';
  });
}

}  // namespace

bool looks_like_api_key(std::string_view text) {
  return text.rfind("cpk_", 0) == 0;
}

Result<Credential> parse_authorization(std::string_view header) {
  constexpr std::string_view scheme = "bearer ";
  if (header.size() <= scheme.size() || header.size() > 8192)
    return Error{"the Authorization header is not a bearer token"};
  for (size_t i = 0; i < scheme.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(header[i])) != scheme[i]) {
      return Error{"the Authorization header is not a bearer token"};
    }
  }
  std::string_view token = header.substr(scheme.size());
  while (!token.empty() && token.front() == ' ') token.remove_prefix(1);
  while (!token.empty() && token.back() == ' ') token.remove_suffix(1);
  if (token.empty()) return Error{"the bearer token is empty"};

  if (looks_like_api_key(token)) {
    std::string_view rest = token.substr(4);
    if (rest.size() != kKeyPrefixLength + 1 + kKeySecretLength || rest[kKeyPrefixLength] != '_') {
      return Error{"the API key is malformed"};
    }
    std::string_view prefix = rest.substr(0, kKeyPrefixLength), secret = rest.substr(kKeyPrefixLength + 1);
    if (!all_hex(prefix) || !all_hex(secret)) return Error{"the API key is malformed"};
    return Credential{ApiKeyCredential{std::string(prefix), std::string(secret)}};
  }

  size_t first = token.find('.');
  size_t second = first == std::string_view::npos ? first : token.find('.', first + 1);
  if (second == std::string_view::npos || token.find('.', second + 1) != std::string_view::npos) {
    return Error{"the bearer token is neither an API key nor a JWT"};
  }
  if (!base64url_part(token.substr(0, first)) || !base64url_part(token.substr(first + 1, second - first - 1)) ||
      !base64url_part(token.substr(second + 1))) {
    return Error{"the bearer token is neither an API key nor a JWT"};
  }
  return Credential{JwtCredential{std::string(token)}};
}

}  // namespace copilot::controlplane
