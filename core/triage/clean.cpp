// Log lines as the tools printed them: CI systems and terminals add colour
// codes, carriage-return redraws, timestamps and console annotations.
#include <cctype>

#include "triage/triage.h"

namespace copilot::triage {
namespace {

constexpr char kEsc = '\x1b';

bool digits(std::string_view s, size_t at, size_t n) {
  if (at + n > s.size()) return false;
  for (size_t i = at; i < at + n; ++i)
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
  return true;
}

/// Length of "HH:MM:SS" with an optional fraction at `at`, or 0.
size_t clock_time(std::string_view s, size_t at) {
  if (!digits(s, at, 2) || at + 8 > s.size() || s[at + 2] != ':' || !digits(s, at + 3, 2) || s[at + 5] != ':' ||
      !digits(s, at + 6, 2))
    return 0;
  size_t end = at + 8;
  if (end < s.size() && (s[end] == '.' || s[end] == ',') && end + 1 < s.size() &&
      std::isdigit(static_cast<unsigned char>(s[end + 1]))) {
    ++end;
    while (end < s.size() && std::isdigit(static_cast<unsigned char>(s[end]))) ++end;
  }
  return end - at;
}

/// Length of an ISO 8601 timestamp ("2026-01-01T00:00:00.0000000Z", also with a
/// space instead of T, and with an offset) at `at`, or 0.
size_t iso_timestamp(std::string_view s, size_t at) {
  if (!digits(s, at, 4) || at + 10 > s.size() || s[at + 4] != '-' || !digits(s, at + 5, 2) || s[at + 7] != '-' ||
      !digits(s, at + 8, 2))
    return 0;
  size_t end = at + 10;
  if (end >= s.size() || (s[end] != 'T' && s[end] != ' ')) return 0;
  size_t clock = clock_time(s, end + 1);
  if (clock == 0) return 0;
  end += 1 + clock;
  if (end < s.size() && s[end] == 'Z') {
    ++end;
  } else if (end < s.size() && (s[end] == '+' || s[end] == '-') && digits(s, end + 1, 2)) {
    end += 3;
    if (end < s.size() && s[end] == ':') ++end;
    if (digits(s, end, 2)) end += 2;
  }
  return end - at;
}

/// Length of the timestamp prefix GitHub Actions or Jenkins' timestamper put
/// before a line, including the space after it; 0 when there is none.
size_t timestamp_prefix(std::string_view s) {
  if (!s.empty() && s[0] == '[') {
    size_t n = iso_timestamp(s, 1);
    if (n == 0) n = clock_time(s, 1);
    if (n == 0 || 1 + n >= s.size() || s[1 + n] != ']') return 0;
    n += 2;
    return n < s.size() && s[n] == ' ' ? n + 1 : n;
  }
  size_t n = iso_timestamp(s, 0);
  if (n == 0) n = clock_time(s, 0);
  if (n == 0 || n >= s.size() || s[n] != ' ') return n == s.size() ? n : 0;
  return n + 1;
}

/// GitHub Actions' own markers: "##[group]", "##[error]", ...
size_t workflow_marker(std::string_view s) {
  if (s.size() < 5 || s[0] != '#' || s[1] != '#' || s[2] != '[') return 0;
  size_t close = s.find(']', 3);
  if (close == std::string_view::npos || close > 16) return 0;
  for (size_t i = 3; i < close; ++i)
    if (!std::islower(static_cast<unsigned char>(s[i]))) return 0;
  return close + 1;
}

void strip_escapes(std::string_view s, std::string& out) {
  for (size_t i = 0; i < s.size();) {
    char c = s[i];
    if (c != kEsc) {
      out += c;
      ++i;
      continue;
    }
    if (i + 1 >= s.size()) break;
    char kind = s[i + 1];
    if (kind == '[') {
      // CSI: parameters, intermediates, one final byte.
      size_t j = i + 2;
      while (j < s.size() && s[j] >= 0x30 && s[j] <= 0x3F) ++j;
      while (j < s.size() && s[j] >= 0x20 && s[j] <= 0x2F) ++j;
      bool conceal = s.substr(i + 2, j - i - 2) == "8" && j < s.size() && s[j] == 'm';
      i = j < s.size() ? j + 1 : j;
      // Jenkins hides its console annotations ("ha:////...") between ESC[8m and ESC[0m.
      if (conceal && s.substr(i, 3) == "ha:") {
        size_t end = s.find("\x1b[0m", i);
        i = end == std::string_view::npos ? s.size() : end + 4;
      }
    } else if (kind == ']') {
      // OSC (hyperlinks, titles): ends with BEL or ESC backslash.
      size_t j = i + 2;
      while (j < s.size() && s[j] != '\a' && !(s[j] == kEsc && j + 1 < s.size() && s[j + 1] == '\\')) ++j;
      i = j >= s.size() ? j : (s[j] == '\a' ? j + 1 : j + 2);
    } else if (std::string_view("()*+-./#%").find(kind) != std::string_view::npos) {
      i += 3;  // character set designations: ESC ( B
    } else {
      i += 2;  // a two-byte escape
    }
  }
}

}  // namespace

void clean_line(std::string_view raw, std::string& out) {
  out.clear();
  if (!raw.empty() && raw.back() == '\r') raw.remove_suffix(1);
  // A carriage return redraws the line: only what came after the last one shows.
  if (size_t cr = raw.rfind('\r'); cr != std::string_view::npos) raw.remove_prefix(cr + 1);
  if (raw.find(kEsc) == std::string_view::npos)
    out.assign(raw);
  else
    strip_escapes(raw, out);
  size_t cut = timestamp_prefix(out);
  cut += workflow_marker(std::string_view(out).substr(cut));
  if (cut > 0) out.erase(0, cut);
}

std::string clean_line(std::string_view raw) {
  std::string out;
  clean_line(raw, out);
  return out;
}

}  // namespace copilot::triage
