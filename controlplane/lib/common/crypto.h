#pragma once
// The few primitives the control plane needs, from OpenSSL.
#include <string>
#include <string_view>

namespace copilot::controlplane {

/// Lowercase hex SHA-256 of `data`.
std::string sha256_hex(std::string_view data);
/// `bytes` bytes from the OpenSSL CSPRNG, as lowercase hex.
std::string random_hex(size_t bytes);
/// Compares without an early exit, so timing does not reveal how much matched.
bool constant_time_equal(std::string_view a, std::string_view b);
/// An identifier such as `run_3f9a...`: a prefix and 16 random bytes.
std::string new_id(std::string_view prefix);

}  // namespace copilot::controlplane
