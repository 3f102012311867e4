#pragma once
// Time as integer milliseconds since the Unix epoch (what the database stores),
// and its RFC 3339 UTC spelling (what the API shows).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace copilot::controlplane {

int64_t now_ms();
/// 2026-11-22T07:40:00Z (milliseconds are dropped: the API speaks seconds).
std::string rfc3339(int64_t ms);
/// Accepts `YYYY-MM-DDTHH:MM:SS[.fff](Z|±HH:MM)`; nullopt when malformed.
std::optional<int64_t> parse_rfc3339(std::string_view text);
/// Calendar keys for quota windows and usage reports: "2026-11-22", "2026-11", "2026-11-22T07:40".
std::string day_key(int64_t ms);
std::string month_key(int64_t ms);
std::string minute_key(int64_t ms);
/// Start of the next UTC day / month / minute after `ms`.
int64_t next_day(int64_t ms);
int64_t next_month(int64_t ms);
int64_t next_minute(int64_t ms);

}  // namespace copilot::controlplane
