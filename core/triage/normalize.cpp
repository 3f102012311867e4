// Messages as keys: what changes from run to run (numbers, addresses, temp
// directories) is replaced, so the same failure groups across logs.
#include <array>
#include <cctype>

#include "triage/triage.h"

namespace copilot::triage {
namespace {

bool is_hex(char c) {
  return std::isxdigit(static_cast<unsigned char>(c)) != 0;
}
bool is_word(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
}

constexpr std::array<std::string_view, 6> kTempRoots = {"/tmp/",         "/var/tmp/",     "/var/folders/",
                                                        "/private/var/", "/private/tmp/", "/dev/shm/"};

/// Length of a temporary path starting at `at` (up to whitespace or a quote), or 0.
size_t temp_path(std::string_view s, size_t at) {
  bool windows = false;
  if (s.compare(at, 3, "C:\\") == 0 || s.compare(at, 3, "c:\\") == 0) {
    size_t end = s.find_first_of(" \t'\"`", at);
    std::string_view path = s.substr(at, end == std::string_view::npos ? std::string_view::npos : end - at);
    windows = path.find("\\Temp\\") != std::string_view::npos || path.find("\\TEMP\\") != std::string_view::npos;
    if (!windows) return 0;
  } else {
    bool found = false;
    for (auto root : kTempRoots) found = found || s.compare(at, root.size(), root) == 0;
    if (!found) return 0;
  }
  size_t end = at;
  while (end < s.size() && !std::isspace(static_cast<unsigned char>(s[end])) && s[end] != '\'' && s[end] != '"' &&
         s[end] != '`' && s[end] != ')')
    ++end;
  return end - at;
}

/// Length of a UUID (8-4-4-4-12 hex digits) at `at`, or 0.
size_t uuid(std::string_view s, size_t at) {
  static constexpr size_t kGroups[] = {8, 4, 4, 4, 12};
  size_t i = at;
  for (size_t g = 0; g < 5; ++g) {
    for (size_t k = 0; k < kGroups[g]; ++k, ++i)
      if (i >= s.size() || !is_hex(s[i])) return 0;
    if (g < 4) {
      if (i >= s.size() || s[i] != '-') return 0;
      ++i;
    }
  }
  return i < s.size() && is_word(s[i]) ? 0 : i - at;
}

}  // namespace

std::string normalize_message(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool pending_space = false;
  for (size_t i = 0; i < s.size();) {
    char c = s[i];
    if (std::isspace(static_cast<unsigned char>(c))) {
      pending_space = !out.empty();
      ++i;
      continue;
    }
    if (pending_space) out += ' ';
    pending_space = false;
    bool word_start = i == 0 || !is_word(s[i - 1]);
    if (size_t n = temp_path(s, i); n > 0 && (i == 0 || !is_word(s[i - 1]))) {
      out += "<tmp>";
      i += n;
      continue;
    }
    if (word_start && is_hex(c)) {
      if (size_t n = uuid(s, i)) {
        out += "<uuid>";
        i += n;
        continue;
      }
      if (c == '0' && i + 2 < s.size() && (s[i + 1] == 'x' || s[i + 1] == 'X') && is_hex(s[i + 2])) {
        size_t j = i + 2;
        while (j < s.size() && is_hex(s[j])) ++j;
        out += "0x<hex>";
        i = j;
        continue;
      }
      // A word of 7+ hex digits mixing letters and digits: a hash or an address.
      size_t j = i;
      bool letter = false, digit = false;
      for (; j < s.size() && is_hex(s[j]); ++j)
        (std::isdigit(static_cast<unsigned char>(s[j])) ? digit : letter) = true;
      if (j - i >= 7 && letter && digit && (j == s.size() || !is_word(s[j]))) {
        out += "<hex>";
        i = j;
        continue;
      }
    }
    // A number that is not part of a name ("x1", "TS2322" stay).
    if (std::isdigit(static_cast<unsigned char>(c)) && word_start) {
      size_t j = i;
      while (j < s.size() && std::isdigit(static_cast<unsigned char>(s[j]))) ++j;
      if (j + 1 < s.size() && s[j] == '.' && std::isdigit(static_cast<unsigned char>(s[j + 1]))) {
        ++j;
        while (j < s.size() && std::isdigit(static_cast<unsigned char>(s[j]))) ++j;
      }
      out += "<n>";
      i = j;
      continue;
    }
    out += c;
    ++i;
  }
  return out;
}

}  // namespace copilot::triage
