#include "common/clock.h"

#include <fmt/format.h>

#include <chrono>
#include <cstdio>
#include <ctime>

namespace copilot::controlplane {
namespace {

std::tm utc(int64_t ms) {
  std::time_t seconds = static_cast<std::time_t>(ms / 1000);
  std::tm tm{};
  gmtime_r(&seconds, &tm);
  return tm;
}

int64_t from_utc(std::tm tm) {
  return static_cast<int64_t>(timegm(&tm)) * 1000;
}

}  // namespace

int64_t now_ms() {
  using namespace std::chrono;
  return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

std::string rfc3339(int64_t ms) {
  std::tm tm = utc(ms);
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour,
                     tm.tm_min, tm.tm_sec);
}

std::optional<int64_t> parse_rfc3339(std::string_view text) {
  if (text.size() < 20 || text.size() > 35) return std::nullopt;
  std::string s(text);
  int year, month, day, hour, minute, second, consumed = 0;
  if (std::sscanf(s.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d%n", &year, &month, &day, &hour, &minute, &second, &consumed) !=
          6 ||
      consumed != 19) {
    return std::nullopt;
  }
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) return std::nullopt;
  size_t pos = 19;
  int64_t fraction_ms = 0;
  if (pos < s.size() && s[pos] == '.') {
    size_t start = ++pos;
    while (pos < s.size() && std::isdigit(static_cast<unsigned char>(s[pos]))) ++pos;
    if (pos == start) return std::nullopt;
    std::string digits = s.substr(start, std::min<size_t>(3, pos - start));
    while (digits.size() < 3) digits += '0';
    fraction_ms = std::stoi(digits);
  }
  int offset_minutes = 0;
  if (pos < s.size() && (s[pos] == 'Z' || s[pos] == 'z')) {
    ++pos;
  } else if (pos + 6 == s.size() && (s[pos] == '+' || s[pos] == '-') && s[pos + 3] == ':') {
    int oh = 0, om = 0;
    if (std::sscanf(s.c_str() + pos + 1, "%2d:%2d", &oh, &om) != 2 || oh > 23 || om > 59) return std::nullopt;
    offset_minutes = (oh * 60 + om) * (s[pos] == '+' ? 1 : -1);
    pos += 6;
  } else {
    return std::nullopt;
  }
  if (pos != s.size()) return std::nullopt;
  std::tm tm{};
  tm.tm_year = year - 1900;
  tm.tm_mon = month - 1;
  tm.tm_mday = day;
  tm.tm_hour = hour;
  tm.tm_min = minute;
  tm.tm_sec = second;
  return from_utc(tm) + fraction_ms - int64_t{offset_minutes} * 60000;
}

std::string day_key(int64_t ms) {
  std::tm tm = utc(ms);
  return fmt::format("{:04}-{:02}-{:02}", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

std::string month_key(int64_t ms) {
  std::tm tm = utc(ms);
  return fmt::format("{:04}-{:02}", tm.tm_year + 1900, tm.tm_mon + 1);
}

std::string minute_key(int64_t ms) {
  std::tm tm = utc(ms);
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour,
                     tm.tm_min);
}

int64_t next_day(int64_t ms) {
  std::tm tm = utc(ms);
  tm.tm_hour = tm.tm_min = tm.tm_sec = 0;
  tm.tm_mday += 1;
  return from_utc(tm);
}

int64_t next_month(int64_t ms) {
  std::tm tm = utc(ms);
  tm.tm_hour = tm.tm_min = tm.tm_sec = 0;
  tm.tm_mday = 1;
  tm.tm_mon += 1;
  return from_utc(tm);
}

int64_t next_minute(int64_t ms) {
  return (ms / 60000 + 1) * 60000;
}

}  // namespace copilot::controlplane
