#include "audit/stack.h"

#include <re2/re2.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <functional>
#include <map>
#include <optional>
#include <set>

#include "util/strings.h"

namespace copilot::audit {

// ---------------------------------------------------------------------------
// JSON output

void to_json(nlohmann::json& j, const Dependency& d) {
  j = {{"name", d.name},
       {"version_spec", d.version_spec},
       {"locked_version", d.locked_version.empty() ? nlohmann::json() : nlohmann::json(d.locked_version)},
       {"dev", d.dev},
       {"scope", d.scope},
       {"line", d.line}};
}

void to_json(nlohmann::json& j, const Manifest& m) {
  j = {{"path", m.path},
       {"ecosystem", m.ecosystem},
       {"package_manager", m.package_manager},
       {"lock_file", m.lock_file.empty() ? nlohmann::json() : nlohmann::json(m.lock_file)},
       {"dependencies", m.dependencies}};
}

void to_json(nlohmann::json& j, const Framework& f) {
  j = {{"name", f.name},
       {"category", f.category},
       {"language", f.language},
       {"evidence", f.evidence},
       {"files", f.files}};
}

void to_json(nlohmann::json& j, const StackSection& s) {
  j = {{"manifests", s.manifests}, {"frameworks", s.frameworks}};
}

std::string normalize_pypi_name(std::string_view name) {
  std::string out;
  out.reserve(name.size());
  bool sep = false;
  for (char c : name) {
    if (c == '-' || c == '_' || c == '.') {
      sep = true;
      continue;
    }
    if (sep && !out.empty()) out += '-';
    sep = false;
    out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

// ---------------------------------------------------------------------------
// TOML

namespace {

struct TomlFailure {
  std::string message;
  int line;
};

std::string pointer_escape(std::string_view key) {
  std::string out;
  for (char c : key) {
    if (c == '~')
      out += "~0";
    else if (c == '/')
      out += "~1";
    else
      out += c;
  }
  return out;
}

class TomlParser {
 public:
  TomlParser(std::string_view text, TomlDocument& doc) : s_(text), doc_(doc) { table_ = &doc_.root; }

  void run() {
    while (true) {
      skip_blank_lines();
      if (eof()) return;
      if (peek() == '[') {
        parse_table_header();
      } else {
        parse_key_value(*table_, table_ptr_);
      }
      end_of_line();
    }
  }

 private:
  [[noreturn]] void fail(const std::string& message) const { throw TomlFailure{message, line_}; }
  bool eof() const { return p_ >= s_.size(); }
  char peek(size_t ahead = 0) const { return p_ + ahead < s_.size() ? s_[p_ + ahead] : '\0'; }
  void advance() {
    if (s_[p_] == '\n') ++line_;
    ++p_;
  }
  void skip_spaces() {
    while (!eof() && (peek() == ' ' || peek() == '\t')) ++p_;
  }
  void skip_comment() {
    if (peek() == '#')
      while (!eof() && peek() != '\n') ++p_;
  }
  // Whitespace, comments and newlines: between statements and inside arrays.
  void skip_blank_lines() {
    while (!eof()) {
      char c = peek();
      if (c == ' ' || c == '\t' || c == '\r' || c == '\n')
        advance();
      else if (c == '#')
        skip_comment();
      else
        break;
    }
  }
  void end_of_line() {
    skip_spaces();
    skip_comment();
    if (peek() == '\r') ++p_;
    if (eof()) return;
    if (peek() != '\n') fail("expected end of line after value");
    advance();
  }
  void expect(char c) {
    if (peek() != c) fail(std::string("expected '") + c + "'");
    advance();
  }

  std::vector<std::string> parse_key() {
    std::vector<std::string> keys;
    while (true) {
      skip_spaces();
      char c = peek();
      if (c == '"' || c == '\'') {
        keys.push_back(parse_single_line_string(c));
      } else {
        size_t start = p_;
        while (!eof() && (std::isalnum(static_cast<unsigned char>(peek())) || peek() == '_' || peek() == '-')) ++p_;
        if (p_ == start) fail("expected a key");
        keys.emplace_back(s_.substr(start, p_ - start));
      }
      skip_spaces();
      if (peek() != '.') break;
      ++p_;
    }
    return keys;
  }

  // Walks dotted keys below `base`, creating tables; the last key is not created.
  nlohmann::json* descend(nlohmann::json* base, std::string& ptr, const std::vector<std::string>& keys, size_t count,
                          bool through_arrays) {
    for (size_t i = 0; i < count; ++i) {
      nlohmann::json& cur = *base;
      auto it = cur.find(keys[i]);
      ptr += "/" + pointer_escape(keys[i]);
      if (it == cur.end()) {
        base = &cur[keys[i]];
        *base = nlohmann::json::object();
        doc_.lines.emplace(ptr, line_);
      } else if (it->is_object()) {
        base = &*it;
      } else if (through_arrays && it->is_array() && !it->empty() && it->back().is_object()) {
        ptr += "/" + std::to_string(it->size() - 1);
        base = &it->back();
      } else {
        fail("key '" + keys[i] + "' is not a table");
      }
    }
    return base;
  }

  void parse_table_header() {
    ++p_;
    bool array = peek() == '[';
    if (array) ++p_;
    auto keys = parse_key();
    expect(']');
    if (array) expect(']');
    std::string ptr;
    nlohmann::json* parent = descend(&doc_.root, ptr, keys, keys.size() - 1, true);
    const std::string& last = keys.back();
    ptr += "/" + pointer_escape(last);
    auto it = parent->find(last);
    if (array) {
      if (it == parent->end()) {
        (*parent)[last] = nlohmann::json::array();
        it = parent->find(last);
        doc_.lines.emplace(ptr, line_);
      } else if (!it->is_array()) {
        fail("'" + last + "' is not an array of tables");
      }
      it->push_back(nlohmann::json::object());
      ptr += "/" + std::to_string(it->size() - 1);
      doc_.lines[ptr] = line_;
      table_ = &it->back();
    } else {
      if (it == parent->end()) {
        (*parent)[last] = nlohmann::json::object();
        it = parent->find(last);
      } else if (it->is_array() && !it->empty() && it->back().is_object()) {
        ptr += "/" + std::to_string(it->size() - 1);
        table_ = &it->back();
        table_ptr_ = ptr;
        return;
      } else if (!it->is_object()) {
        fail("'" + last + "' is already a value");
      }
      doc_.lines[ptr] = line_;
      table_ = &*it;
    }
    table_ptr_ = ptr;
  }

  void parse_key_value(nlohmann::json& table, const std::string& table_ptr) {
    int key_line = line_;
    auto keys = parse_key();
    expect('=');
    skip_spaces();
    std::string ptr = table_ptr;
    nlohmann::json* parent = descend(&table, ptr, keys, keys.size() - 1, false);
    const std::string& last = keys.back();
    ptr += "/" + pointer_escape(last);
    if (parent->contains(last)) fail("duplicate key '" + last + "'");
    doc_.lines[ptr] = key_line;
    nlohmann::json value = parse_value(ptr);
    (*parent)[last] = std::move(value);
  }

  nlohmann::json parse_value(const std::string& ptr) {
    char c = peek();
    if (c == '"' || c == '\'') {
      if (peek(1) == c && peek(2) == c) return parse_multiline_string(c);
      return parse_single_line_string(c);
    }
    if (c == '[') return parse_array(ptr);
    if (c == '{') return parse_inline_table(ptr);
    return parse_scalar();
  }

  nlohmann::json parse_array(const std::string& ptr) {
    advance();
    nlohmann::json arr = nlohmann::json::array();
    while (true) {
      skip_blank_lines();
      if (eof()) fail("unterminated array");
      if (peek() == ']') {
        advance();
        return arr;
      }
      std::string item_ptr = ptr + "/" + std::to_string(arr.size());
      doc_.lines[item_ptr] = line_;
      arr.push_back(parse_value(item_ptr));
      skip_blank_lines();
      if (peek() == ',') {
        advance();
      } else if (peek() != ']') {
        fail("expected ',' or ']' in array");
      }
    }
  }

  nlohmann::json parse_inline_table(const std::string& ptr) {
    advance();
    nlohmann::json table = nlohmann::json::object();
    while (true) {
      skip_blank_lines();  // lenient: TOML 1.1 allows newlines here
      if (eof()) fail("unterminated inline table");
      if (peek() == '}') {
        advance();
        return table;
      }
      parse_key_value(table, ptr);
      skip_blank_lines();
      if (peek() == ',') {
        advance();
      } else if (peek() != '}') {
        fail("expected ',' or '}' in inline table");
      }
    }
  }

  void append_escape(std::string& out) {
    char e = peek();
    advance();
    switch (e) {
      case 'b': out += '\b'; break;
      case 't': out += '\t'; break;
      case 'n': out += '\n'; break;
      case 'f': out += '\f'; break;
      case 'r': out += '\r'; break;
      case 'e': out += '\x1b'; break;
      case '"': out += '"'; break;
      case '\\': out += '\\'; break;
      case 'u':
      case 'U': {
        size_t n = e == 'u' ? 4 : 8;
        if (p_ + n > s_.size()) fail("bad unicode escape");
        uint32_t cp = 0;
        for (size_t i = 0; i < n; ++i) {
          char h = s_[p_ + i];
          int v = std::isdigit(static_cast<unsigned char>(h)) ? h - '0'
                  : (h >= 'a' && h <= 'f')                    ? h - 'a' + 10
                  : (h >= 'A' && h <= 'F')                    ? h - 'A' + 10
                                                              : -1;
          if (v < 0) fail("bad unicode escape");
          cp = cp * 16 + static_cast<uint32_t>(v);
        }
        p_ += n;
        if (cp < 0x80) {
          out += static_cast<char>(cp);
        } else if (cp < 0x800) {
          out += static_cast<char>(0xC0 | (cp >> 6));
          out += static_cast<char>(0x80 | (cp & 0x3F));
        } else if (cp < 0x10000) {
          out += static_cast<char>(0xE0 | (cp >> 12));
          out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
          out += static_cast<char>(0x80 | (cp & 0x3F));
        } else {
          out += static_cast<char>(0xF0 | (cp >> 18));
          out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
          out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
          out += static_cast<char>(0x80 | (cp & 0x3F));
        }
        break;
      }
      default: fail("bad escape sequence");
    }
  }

  std::string parse_single_line_string(char quote) {
    advance();
    std::string out;
    while (true) {
      if (eof() || peek() == '\n') fail("unterminated string");
      char c = peek();
      if (c == quote) {
        advance();
        return out;
      }
      advance();
      if (c == '\\' && quote == '"')
        append_escape(out);
      else
        out += c;
    }
  }

  std::string parse_multiline_string(char quote) {
    p_ += 3;
    if (peek() == '\r') ++p_;
    if (peek() == '\n') advance();  // a newline right after the opening quotes is trimmed
    std::string out;
    while (true) {
      if (eof()) fail("unterminated multi-line string");
      if (peek() == quote && peek(1) == quote && peek(2) == quote) {
        // Up to two more quotes may belong to the content.
        size_t extra = 0;
        while (extra < 2 && peek(3 + extra) == quote) ++extra;
        out.append(extra, quote);
        p_ += 3 + extra;
        return out;
      }
      char c = peek();
      advance();
      if (c == '\\' && quote == '"') {
        // A backslash at the end of a line swallows the newline and leading whitespace.
        size_t q = p_;
        while (q < s_.size() && (s_[q] == ' ' || s_[q] == '\t' || s_[q] == '\r')) ++q;
        if (q < s_.size() && s_[q] == '\n') {
          while (!eof() && std::isspace(static_cast<unsigned char>(peek()))) advance();
          continue;
        }
        append_escape(out);
      } else {
        out += c;
      }
    }
  }

  nlohmann::json parse_scalar() {
    size_t start = p_;
    while (!eof()) {
      char c = peek();
      if (c == ',' || c == ']' || c == '}' || c == '#' || c == '\n' || c == '\r') break;
      ++p_;
    }
    std::string_view tok = util::trim(s_.substr(start, p_ - start));
    if (tok.empty()) fail("missing value");
    if (tok == "true") return true;
    if (tok == "false") return false;
    if (tok == "inf" || tok == "+inf") return std::numeric_limits<double>::infinity();
    if (tok == "-inf") return -std::numeric_limits<double>::infinity();
    if (tok == "nan" || tok == "+nan" || tok == "-nan") return nullptr;
    std::string clean;
    for (char c : tok)
      if (c != '_') clean += c;
    if (clean.empty()) fail("invalid value");
    // Integers, including hex/octal/binary.
    std::string_view digits = clean;
    bool neg = false;
    if (digits[0] == '+' || digits[0] == '-') {
      neg = digits[0] == '-';
      digits.remove_prefix(1);
    }
    int base = 10;
    if (digits.size() > 2 && digits[0] == '0' && (digits[1] == 'x' || digits[1] == 'o' || digits[1] == 'b')) {
      base = digits[1] == 'x' ? 16 : digits[1] == 'o' ? 8 : 2;
      digits.remove_prefix(2);
    }
    int64_t iv = 0;
    auto [iend, iec] = std::from_chars(digits.data(), digits.data() + digits.size(), iv, base);
    if (iec == std::errc() && iend == digits.data() + digits.size() && !digits.empty()) return neg ? -iv : iv;
    // Dates and times are kept as text.
    if (std::isdigit(static_cast<unsigned char>(tok[0])) && tok.size() >= 8 &&
        (tok[4] == '-' || tok[2] == ':'))
      return std::string(tok);
    // Floats.
    bool float_chars = std::all_of(clean.begin(), clean.end(), [](char c) {
      return std::isdigit(static_cast<unsigned char>(c)) || c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-';
    });
    if (float_chars && std::isdigit(static_cast<unsigned char>(clean.back()))) {
      try {
        size_t used = 0;
        double dv = std::stod(clean, &used);
        if (used == clean.size()) return dv;
      } catch (...) {
      }
    }
    fail("invalid value '" + std::string(tok.substr(0, 40)) + "'");
  }

  std::string_view s_;
  size_t p_ = 0;
  int line_ = 1;
  TomlDocument& doc_;
  nlohmann::json* table_;
  std::string table_ptr_;
};

}  // namespace

bool parse_toml(std::string_view text, TomlDocument& out, TomlError& error) {
  out = TomlDocument{};
  try {
    TomlParser(text, out).run();
    return true;
  } catch (const TomlFailure& f) {
    error = {f.message, f.line};
  } catch (const std::exception& e) {
    error = {e.what(), 0};
  }
  return false;
}

