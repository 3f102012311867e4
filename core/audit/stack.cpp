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
  j = {{"manifests", s.manifests}, {"frameworks", s.frameworks}, {"runtimes", s.runtimes}};
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
    if (std::isdigit(static_cast<unsigned char>(tok[0])) && tok.size() >= 8 && (tok[4] == '-' || tok[2] == ':'))
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

// ---------------------------------------------------------------------------
// Shared helpers

namespace {

using nlohmann::json;
using workspace::FileEntry;

std::string_view dir_of(std::string_view path) {
  size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? std::string_view{} : path.substr(0, slash);
}

std::string_view base_of(std::string_view path) {
  size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

std::string join_path(std::string_view dir, std::string_view name) {
  return dir.empty() ? std::string(name) : std::string(dir) + "/" + std::string(name);
}

// Offsets to line numbers in O(log n), for manifests with many dependencies.
class LineIndex {
 public:
  explicit LineIndex(std::string_view s) {
    for (size_t i = 0; i < s.size(); ++i)
      if (s[i] == '\n') newlines_.push_back(i);
  }
  int line(size_t offset) const {
    return 1 + static_cast<int>(std::lower_bound(newlines_.begin(), newlines_.end(), offset) - newlines_.begin());
  }

 private:
  std::vector<size_t> newlines_;
};

// Line of `"key"` inside the JSON object that follows `"section"`; 0 if not found.
int json_key_line(std::string_view text, const LineIndex& lines, std::string_view section, std::string_view key) {
  size_t from = 0;
  if (!section.empty()) {
    std::string quoted = "\"" + std::string(section) + "\"";
    from = text.find(quoted);
    if (from == std::string_view::npos) return 0;
  }
  std::string quoted = "\"" + std::string(key) + "\"";
  size_t at = text.find(quoted, from + 1);
  return at == std::string_view::npos ? 0 : lines.line(at);
}

// Parses JSON, reporting a syntax error as a diagnostic with its line.
std::optional<json> parse_json_file(const AuditInput& in, const std::string& path, const std::string& text) {
  try {
    return json::parse(text);
  } catch (const json::parse_error& e) {
    LineIndex lines(text);
    int line = e.byte > 0 ? lines.line(e.byte - 1) : 0;
    in.diagnostics.add(path, line, "invalid JSON: " + std::string(e.what()));
  } catch (const std::exception& e) {
    in.diagnostics.add(path, 0, "invalid JSON: " + std::string(e.what()));
  }
  return std::nullopt;
}

std::optional<TomlDocument> parse_toml_file(const AuditInput& in, const std::string& path, const std::string& text) {
  TomlDocument doc;
  TomlError err;
  if (parse_toml(text, doc, err)) return doc;
  in.diagnostics.add(path, err.line, "invalid TOML: " + err.message);
  return std::nullopt;
}

std::string json_string(const json& j, std::string_view key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

const json* json_child(const json& j, std::initializer_list<std::string_view> path) {
  const json* cur = &j;
  for (auto key : path) {
    if (!cur->is_object()) return nullptr;
    auto it = cur->find(key);
    if (it == cur->end()) return nullptr;
    cur = &*it;
  }
  return cur;
}

bool is_dev_group(std::string_view group) {
  static const std::set<std::string, std::less<>> kDevWords = {
      "dev",  "develop", "development", "test",   "tests",    "testing",   "lint",      "linting",
      "docs", "doc",     "typing",      "types",  "mypy",     "style",     "ci",        "bench",
      "qa",   "check",   "checks",      "format", "coverage", "benchmark", "benchmarks"};
  std::string g = util::to_lower(group);
  size_t start = 0;
  for (size_t i = 0; i <= g.size(); ++i)
    if (i == g.size() || !std::isalnum(static_cast<unsigned char>(g[i]))) {
      if (i > start && kDevWords.count(std::string_view(g).substr(start, i - start))) return true;
      start = i + 1;
    }
  return false;
}

// The numeric core of a version constraint ("^1.2" → "1.2"), to choose among several locked versions.
std::string version_core(std::string_view spec) {
  size_t b = 0;
  while (b < spec.size() && !std::isdigit(static_cast<unsigned char>(spec[b]))) ++b;
  size_t e = b;
  while (e < spec.size() && (std::isdigit(static_cast<unsigned char>(spec[e])) || spec[e] == '.')) ++e;
  std::string core(spec.substr(b, e - b));
  while (!core.empty() && core.back() == '.') core.pop_back();
  return core;
}

// ---------------------------------------------------------------------------
// Lock files

struct LockIndex {
  std::map<std::string, std::vector<std::string>> versions;

  void add(const std::string& key, std::string version) {
    if (version.empty()) return;
    auto& list = versions[key];
    if (std::find(list.begin(), list.end(), version) == list.end()) list.push_back(std::move(version));
  }
  // The locked version for `key`; among several, the one that starts like the constraint.
  std::string find(const std::string& key, std::string_view spec) const {
    auto it = versions.find(key);
    if (it == versions.end() || it->second.empty()) return "";
    if (it->second.size() > 1) {
      std::string core = version_core(spec);
      if (!core.empty())
        for (const auto& v : it->second)
          if (util::starts_with(v, core) &&
              (v.size() == core.size() || !std::isdigit(static_cast<unsigned char>(v[core.size()]))))
            return v;
    }
    return it->second.front();
  }
};

LockIndex parse_package_lock(const json& j) {
  LockIndex idx;
  if (const json* pkgs = json_child(j, {"packages"}); pkgs && pkgs->is_object()) {
    for (auto& [key, val] : pkgs->items())
      if (val.is_object()) idx.add(key, json_string(val, "version"));
  } else if (const json* deps = json_child(j, {"dependencies"}); deps && deps->is_object()) {
    for (auto& [key, val] : deps->items())
      if (val.is_object()) idx.add("node_modules/" + key, json_string(val, "version"));
  }
  return idx;
}

std::string unquote(std::string_view s) {
  s = util::trim(s);
  if (s.size() >= 2 && (s.front() == '"' || s.front() == '\'') && s.back() == s.front()) s = s.substr(1, s.size() - 2);
  return std::string(s);
}

// yarn.lock (v1 and berry): `"name@spec", name@spec2:` headers followed by an indented version line.
LockIndex parse_yarn_lock(std::string_view text) {
  LockIndex idx;
  std::vector<std::string> pending;
  for (auto line : util::split_lines(text)) {
    if (line.empty() || line[0] == '#') continue;
    if (line[0] != ' ') {
      pending.clear();
      std::string_view header = line;
      if (!header.empty() && header.back() == ':') header.remove_suffix(1);
      for (auto part : util::split(header, ',')) {
        std::string entry = unquote(part);
        size_t at = entry.find('@', 1);
        if (at == std::string::npos) continue;
        pending.push_back(entry);
      }
      continue;
    }
    std::string_view t = util::trim(line);
    if (!util::starts_with(t, "version")) continue;
    t.remove_prefix(7);
    if (!t.empty() && t[0] == ':') t.remove_prefix(1);
    std::string version = unquote(t);
    for (const auto& entry : pending) {
      size_t at = entry.find('@', 1);
      std::string name = entry.substr(0, at);
      idx.add(entry, version);
      idx.add(name, version);
    }
    pending.clear();
  }
  return idx;
}

// pnpm-lock.yaml: versions per importer ("." for the root project), key "importer\nname".
LockIndex parse_pnpm_lock(const YAML::Node& root) {
  LockIndex idx;
  auto add_section = [&](const std::string& importer, const YAML::Node& node) {
    for (const char* section : {"dependencies", "devDependencies", "optionalDependencies"}) {
      YAML::Node deps = node[section];
      if (!deps || !deps.IsMap()) continue;
      for (const auto& kv : deps) {
        std::string name = kv.first.as<std::string>("");
        std::string version;
        if (kv.second.IsScalar())
          version = kv.second.as<std::string>("");
        else if (kv.second.IsMap() && kv.second["version"])
          version = kv.second["version"].as<std::string>("");
        version = version.substr(0, version.find('('));
        idx.add(importer + "\n" + name, version);
      }
    }
  };
  if (YAML::Node importers = root["importers"]; importers && importers.IsMap()) {
    for (const auto& kv : importers) add_section(kv.first.as<std::string>("."), kv.second);
  } else {
    add_section(".", root);
  }
  return idx;
}

LockIndex parse_toml_packages(const TomlDocument& doc, bool pypi) {
  LockIndex idx;
  if (const json* pkgs = json_child(doc.root, {"package"}); pkgs && pkgs->is_array())
    for (const auto& p : *pkgs) {
      if (!p.is_object()) continue;
      std::string name = json_string(p, "name");
      idx.add(pypi ? normalize_pypi_name(name) : name, json_string(p, "version"));
    }
  return idx;
}

LockIndex parse_pipfile_lock(const json& j) {
  LockIndex idx;
  for (const char* section : {"default", "develop"})
    if (const json* deps = json_child(j, {section}); deps && deps->is_object())
      for (auto& [name, val] : deps->items()) {
        std::string v = val.is_object() ? json_string(val, "version") : "";
        while (!v.empty() && (v[0] == '=' || v[0] == ' ')) v.erase(0, 1);
        idx.add(normalize_pypi_name(name), v);
      }
  return idx;
}

LockIndex parse_go_sum(std::string_view text) {
  LockIndex idx;
  for (auto line : util::split_lines(text)) {
    auto parts = util::split(util::trim(line), ' ');
    if (parts.size() < 2) continue;
    std::string_view version = parts[1];
    if (util::ends_with(version, "/go.mod")) version.remove_suffix(7);
    idx.add(std::string(parts[0]), std::string(version));
  }
  return idx;
}

LockIndex parse_gemfile_lock(std::string_view text) {
  LockIndex idx;
  for (auto line : util::split_lines(text)) {
    // Exactly four spaces: a resolved gem ("    rails (7.1.2)"); six are its own requirements.
    if (line.size() < 6 || line.substr(0, 4) != "    " || line[4] == ' ') continue;
    std::string_view t = line.substr(4);
    size_t open = t.find(" (");
    if (open == std::string_view::npos || t.back() != ')') continue;
    std::string_view version = t.substr(open + 2, t.size() - open - 3);
    idx.add(std::string(t.substr(0, open)), std::string(version));
  }
  return idx;
}

LockIndex parse_composer_lock(const json& j) {
  LockIndex idx;
  for (const char* section : {"packages", "packages-dev"})
    if (const json* pkgs = json_child(j, {section}); pkgs && pkgs->is_array())
      for (const auto& p : *pkgs)
        if (p.is_object()) idx.add(json_string(p, "name"), json_string(p, "version"));
  return idx;
}

LockIndex parse_gradle_lockfile(std::string_view text) {
  LockIndex idx;
  for (auto line : util::split_lines(text)) {
    if (line.empty() || line[0] == '#') continue;
    std::string_view coord = line.substr(0, line.find('='));
    auto parts = util::split(coord, ':');
    if (parts.size() != 3) continue;
    idx.add(std::string(parts[0]) + ":" + std::string(parts[1]), std::string(parts[2]));
  }
  return idx;
}

LockIndex parse_conan_lock(const json& j) {
  LockIndex idx;
  auto add_ref = [&](std::string ref) {
    ref = ref.substr(0, ref.find_first_of("#@%"));
    size_t slash = ref.find('/');
    if (slash != std::string::npos) idx.add(ref.substr(0, slash), ref.substr(slash + 1));
  };
  for (const char* section : {"requires", "build_requires", "python_requires"})
    if (const json* refs = json_child(j, {section}); refs && refs->is_array())
      for (const auto& r : *refs)
        if (r.is_string()) add_ref(r.get<std::string>());
  if (const json* nodes = json_child(j, {"graph_lock", "nodes"}); nodes && nodes->is_object())
    for (auto& [key, node] : nodes->items())
      if (node.is_object() && key != "0") add_ref(json_string(node, "ref"));
  return idx;
}

// Lock files are parsed once per audit, even when several manifests share one.
class LockCache {
 public:
  explicit LockCache(const AuditInput& in) : in_(in) {}

  // The nearest of `names` in `dir` or its ancestors; "" if none.
  std::string locate(std::string_view dir, std::initializer_list<std::string_view> names) const {
    std::string_view d = dir;
    while (true) {
      for (auto name : names) {
        std::string candidate = join_path(d, name);
        if (in_.workspace.find(candidate)) return candidate;
      }
      if (d.empty()) return "";
      d = dir_of(d);
    }
  }

  const LockIndex* get(const std::string& path) {
    auto it = cache_.find(path);
    if (it != cache_.end()) return it->second ? &*it->second : nullptr;
    auto& slot = cache_[path];
    const std::string* text = in_.content(path);
    if (!text) return nullptr;
    slot = load(path, *text);
    return slot ? &*slot : nullptr;
  }

 private:
  std::optional<LockIndex> load(const std::string& path, const std::string& text) {
    std::string_view name = base_of(path);
    try {
      if (name == "package-lock.json" || name == "npm-shrinkwrap.json") {
        if (auto j = parse_json_file(in_, path, text)) return parse_package_lock(*j);
      } else if (name == "composer.lock") {
        if (auto j = parse_json_file(in_, path, text)) return parse_composer_lock(*j);
      } else if (name == "Pipfile.lock") {
        if (auto j = parse_json_file(in_, path, text)) return parse_pipfile_lock(*j);
      } else if (name == "conan.lock") {
        if (auto j = parse_json_file(in_, path, text)) return parse_conan_lock(*j);
      } else if (name == "yarn.lock") {
        return parse_yarn_lock(text);
      } else if (name == "pnpm-lock.yaml") {
        return parse_pnpm_lock(YAML::Load(text));
      } else if (name == "poetry.lock" || name == "uv.lock" || name == "pdm.lock" || name == "Cargo.lock") {
        if (auto doc = parse_toml_file(in_, path, text)) return parse_toml_packages(*doc, name != "Cargo.lock");
      } else if (name == "go.sum") {
        return parse_go_sum(text);
      } else if (name == "Gemfile.lock") {
        return parse_gemfile_lock(text);
      } else if (name == "gradle.lockfile") {
        return parse_gradle_lockfile(text);
      }
    } catch (const YAML::Exception& e) {
      in_.diagnostics.add(path, e.mark.line >= 0 ? e.mark.line + 1 : 0, "invalid YAML: " + e.msg);
    } catch (const std::exception& e) {
      in_.diagnostics.add(path, 0, std::string("unreadable lock file: ") + e.what());
    }
    return std::nullopt;
  }

  const AuditInput& in_;
  std::map<std::string, std::optional<LockIndex>> cache_;
};

// Path of `dir` relative to `base` (an ancestor), "." when equal.
std::string relative_dir(std::string_view dir, std::string_view base) {
  if (dir == base) return ".";
  if (base.empty()) return std::string(dir);
  return std::string(dir.substr(base.size() + 1));
}

}  // namespace

// ---------------------------------------------------------------------------
// Manifests

namespace {

struct Ctx {
  const AuditInput& in;
  const std::string& path;
  const std::string& text;
  LockCache& locks;
  bool resolve_locks;
  LineIndex lines;
  Manifest m;

  Ctx(const AuditInput& input, const std::string& p, const std::string& t, LockCache& l, bool resolve)
      : in(input), path(p), text(t), locks(l), resolve_locks(resolve), lines(t) {
    m.path = p;
  }
  std::string_view dir() const { return dir_of(path); }
  Dependency& add(std::string name, std::string spec, bool dev, std::string scope, int line) {
    Dependency d;
    d.name = std::move(name);
    d.version_spec = std::move(spec);
    d.dev = dev;
    d.scope = std::move(scope);
    d.line = line;
    m.dependencies.push_back(std::move(d));
    return m.dependencies.back();
  }
  void warn(int line, const std::string& message) const { in.diagnostics.add(path, line, message); }
  // Looks the lock up by dependency name (ecosystems whose locks are flat).
  void resolve_flat(const std::string& lock_path) {
    if (!resolve_locks || lock_path.empty()) return;
    if (const LockIndex* idx = locks.get(lock_path))
      for (auto& d : m.dependencies) d.locked_version = idx->find(d.name, d.version_spec);
  }
};

// ---- npm ----

void parse_package_json(Ctx& c) {
  c.m.ecosystem = "npm";
  c.m.package_manager = "npm";
  auto j = parse_json_file(c.in, c.path, c.text);
  if (j && !j->is_object()) {
    c.warn(1, "package.json is not a JSON object");
    j.reset();
  }
  static constexpr struct {
    const char* key;
    bool dev;
    const char* scope;
  } kSections[] = {{"dependencies", false, "runtime"},
                   {"devDependencies", true, "dev"},
                   {"peerDependencies", false, "peer"},
                   {"optionalDependencies", false, "optional"}};
  if (j)
    for (const auto& s : kSections) {
      const json* deps = json_child(*j, {s.key});
      if (!deps || !deps->is_object()) continue;
      for (auto& [name, spec] : deps->items())
        c.add(name, spec.is_string() ? spec.get<std::string>() : spec.dump(), s.dev, s.scope,
              json_key_line(c.text, c.lines, s.key, name));
    }

  std::string lock = c.locks.locate(
      c.dir(), {"package-lock.json", "npm-shrinkwrap.json", "yarn.lock", "pnpm-lock.yaml", "bun.lock", "bun.lockb"});
  std::string_view lock_name = base_of(lock);
  if (lock_name == "yarn.lock")
    c.m.package_manager = "yarn";
  else if (lock_name == "pnpm-lock.yaml")
    c.m.package_manager = "pnpm";
  else if (util::starts_with(lock_name, "bun.lock"))
    c.m.package_manager = "bun";
  if (j) {
    // An explicit "packageManager": "pnpm@9.1.0" (corepack) wins.
    std::string pm = json_string(*j, "packageManager");
    pm = pm.substr(0, pm.find('@'));
    if (pm == "npm" || pm == "yarn" || pm == "pnpm" || pm == "bun") c.m.package_manager = pm;
  }
  c.m.lock_file = lock;
  if (!c.resolve_locks || lock.empty()) return;
  const LockIndex* idx = c.locks.get(lock);
  if (!idx) return;
  std::string rel = relative_dir(c.dir(), dir_of(lock));
  for (auto& d : c.m.dependencies) {
    if (lock_name == "yarn.lock") {
      for (const std::string& key : {d.name + "@" + d.version_spec, d.name + "@npm:" + d.version_spec, d.name}) {
        d.locked_version = idx->find(key, d.version_spec);
        if (!d.locked_version.empty()) break;
      }
    } else if (lock_name == "pnpm-lock.yaml") {
      d.locked_version = idx->find(rel + "\n" + d.name, d.version_spec);
    } else {
      if (rel != ".") d.locked_version = idx->find(rel + "/node_modules/" + d.name, d.version_spec);
      if (d.locked_version.empty()) d.locked_version = idx->find("node_modules/" + d.name, d.version_spec);
    }
  }
}

// ---- Python ----

struct Requirement {
  std::string name;
  std::string spec;
};

// PEP 508: name [extras] (spec | @ url) ; markers
std::optional<Requirement> parse_pep508(std::string_view s) {
  s = util::trim(s);
  size_t i = 0;
  while (i < s.size() && (std::isalnum(static_cast<unsigned char>(s[i])) || s[i] == '-' || s[i] == '_' || s[i] == '.'))
    ++i;
  if (i == 0 || !std::isalnum(static_cast<unsigned char>(s[0]))) return std::nullopt;
  Requirement r{normalize_pypi_name(s.substr(0, i)), ""};
  std::string_view rest = util::trim(s.substr(i));
  if (!rest.empty() && rest[0] == '[') {
    size_t close = rest.find(']');
    rest = close == std::string_view::npos ? std::string_view{} : util::trim(rest.substr(close + 1));
  }
  if (!rest.empty() && rest[0] == '@') {
    r.spec = std::string(util::trim(rest.substr(0, rest.find(';'))));
    return r;
  }
  rest = util::trim(rest.substr(0, rest.find(';')));
  if (rest.size() >= 2 && rest.front() == '(' && rest.back() == ')') rest = rest.substr(1, rest.size() - 2);
  if (!rest.empty() && !std::strchr("<>=!~", rest[0])) return std::nullopt;  // not a requirement
  for (char ch : rest)
    if (ch != ' ' && ch != '\t') r.spec += ch;
  return r;
}

bool is_requirements_file(std::string_view path) {
  std::string_view name = base_of(path);
  if (!util::ends_with(name, ".txt")) return false;
  if (util::contains(name, "requirements")) return true;
  return base_of(dir_of(path)) == "requirements";
}

void parse_requirements(Ctx& c) {
  c.m.ecosystem = "pypi";
  c.m.package_manager = "pip";
  // "requirements-dev.txt", "requirements/test.txt", "dev-requirements.txt" hold development tools.
  std::string stem = util::to_lower(base_of(c.path));
  if (base_of(dir_of(c.path)) == "requirements") stem += " requirements";
  bool dev = is_dev_group(stem);
  auto lines = util::split_lines(c.text);
  std::string joined;
  int start_line = 0;
  for (size_t i = 0; i < lines.size(); ++i) {
    std::string_view line = lines[i];
    if (joined.empty()) start_line = static_cast<int>(i) + 1;
    if (!line.empty() && line.back() == '\\') {
      joined += line.substr(0, line.size() - 1);
      joined += ' ';
      continue;
    }
    joined += line;
    std::string_view t = util::trim(joined);
    if (size_t hash = t.find(" #"); hash != std::string_view::npos) t = util::trim(t.substr(0, hash));
    if (size_t opt = t.find(" --"); opt != std::string_view::npos) t = util::trim(t.substr(0, opt));
    bool url = util::contains(t, "://") && !util::contains(t, " @ ") && !util::contains(t, "@ ");
    if (!t.empty() && t[0] != '#' && t[0] != '-' && !url)
      if (auto r = parse_pep508(t)) c.add(r->name, r->spec, dev, dev ? "dev" : "runtime", start_line);
    joined.clear();
  }
}

void add_pep508_array(Ctx& c, const TomlDocument& doc, const json* arr, const std::string& ptr, bool dev,
                      const std::string& scope) {
  if (!arr || !arr->is_array()) return;
  for (size_t i = 0; i < arr->size(); ++i) {
    const json& item = (*arr)[i];
    if (!item.is_string()) continue;  // e.g. {include-group = "test"}
    if (auto r = parse_pep508(item.get<std::string>()))
      c.add(r->name, r->spec, dev, scope, doc.line_of(ptr + "/" + std::to_string(i)));
  }
}

// Poetry and Pipfile tables: name = "spec" | {version = "spec", optional = true, ...}
void add_table_deps(Ctx& c, const TomlDocument& doc, const json* table, const std::string& ptr, bool dev,
                    const std::string& scope) {
  if (!table || !table->is_object()) return;
  for (auto& [name, val] : table->items()) {
    if (name == "python") continue;
    std::string spec;
    std::string dep_scope = scope;
    const json* v = &val;
    if (v->is_array() && !v->empty()) v = &v->front();  // several constraints: keep the first
    if (v->is_string()) {
      spec = v->get<std::string>();
    } else if (v->is_object()) {
      spec = json_string(*v, "version");
      if (spec.empty() && v->contains("git")) spec = "git+" + json_string(*v, "git");
      if (spec.empty() && v->contains("path")) spec = "path:" + json_string(*v, "path");
      if (v->value("optional", false) && scope == "runtime") dep_scope = "optional";
    }
    if (spec == "*") spec.clear();
    c.add(normalize_pypi_name(name), spec, dev, dep_scope, doc.line_of(ptr + "/" + pointer_escape(name)));
  }
}

void parse_pyproject(Ctx& c) {
  c.m.ecosystem = "pypi";
  c.m.package_manager = "pip";
  auto doc = parse_toml_file(c.in, c.path, c.text);
  std::string lock = c.locks.locate(c.dir(), {"poetry.lock", "uv.lock", "pdm.lock"});
  c.m.lock_file = lock;
  std::string_view lock_name = base_of(lock);
  if (!doc) {
    if (!lock.empty()) c.m.package_manager = std::string(lock_name.substr(0, lock_name.find('.')));
    return;
  }
  const json& root = doc->root;
  add_pep508_array(c, *doc, json_child(root, {"project", "dependencies"}), "/project/dependencies", false, "runtime");
  if (const json* extras = json_child(root, {"project", "optional-dependencies"}); extras && extras->is_object())
    for (auto& [group, arr] : extras->items())
      add_pep508_array(c, *doc, &arr, "/project/optional-dependencies/" + pointer_escape(group), is_dev_group(group),
                       "optional");
  if (const json* groups = json_child(root, {"dependency-groups"}); groups && groups->is_object())
    for (auto& [group, arr] : groups->items())
      add_pep508_array(c, *doc, &arr, "/dependency-groups/" + pointer_escape(group), true, group);
  add_table_deps(c, *doc, json_child(root, {"tool", "poetry", "dependencies"}), "/tool/poetry/dependencies", false,
                 "runtime");
  add_table_deps(c, *doc, json_child(root, {"tool", "poetry", "dev-dependencies"}), "/tool/poetry/dev-dependencies",
                 true, "dev");
  if (const json* groups = json_child(root, {"tool", "poetry", "group"}); groups && groups->is_object())
    for (auto& [group, body] : groups->items())
      add_table_deps(c, *doc, json_child(body, {"dependencies"}),
                     "/tool/poetry/group/" + pointer_escape(group) + "/dependencies", group != "main",
                     group == "main" ? "runtime" : group);
  if (const json* groups = json_child(root, {"tool", "pdm", "dev-dependencies"}); groups && groups->is_object())
    for (auto& [group, arr] : groups->items())
      add_pep508_array(c, *doc, &arr, "/tool/pdm/dev-dependencies/" + pointer_escape(group), true, group);
  add_pep508_array(c, *doc, json_child(root, {"tool", "uv", "dev-dependencies"}), "/tool/uv/dev-dependencies", true,
                   "dev");

  if (!lock.empty())
    c.m.package_manager = std::string(lock_name.substr(0, lock_name.find('.')));
  else if (json_child(root, {"tool", "poetry"}))
    c.m.package_manager = "poetry";
  else if (json_child(root, {"tool", "pdm"}))
    c.m.package_manager = "pdm";
  else if (json_child(root, {"tool", "uv"}))
    c.m.package_manager = "uv";
  else if (json_child(root, {"tool", "hatch"}))
    c.m.package_manager = "hatch";
  c.resolve_flat(lock);
}

void parse_pipfile(Ctx& c) {
  c.m.ecosystem = "pypi";
  c.m.package_manager = "pipenv";
  c.m.lock_file = c.locks.locate(c.dir(), {"Pipfile.lock"});
  if (c.m.lock_file != join_path(c.dir(), "Pipfile.lock")) c.m.lock_file.clear();
  auto doc = parse_toml_file(c.in, c.path, c.text);
  if (!doc) return;
  add_table_deps(c, *doc, json_child(doc->root, {"packages"}), "/packages", false, "runtime");
  add_table_deps(c, *doc, json_child(doc->root, {"dev-packages"}), "/dev-packages", true, "dev");
  c.resolve_flat(c.m.lock_file);
}

// String literals between `open` (a '[' or '(') and its closing bracket, with their offsets.
std::vector<std::pair<std::string, size_t>> string_literals_in_list(std::string_view text, size_t open) {
  std::vector<std::pair<std::string, size_t>> out;
  int depth = 0;
  for (size_t i = open; i < text.size(); ++i) {
    char ch = text[i];
    if (ch == '[' || ch == '(' || ch == '{') {
      ++depth;
    } else if (ch == ']' || ch == ')' || ch == '}') {
      if (--depth == 0) break;
    } else if (ch == '#') {
      while (i < text.size() && text[i] != '\n') ++i;
    } else if (ch == '"' || ch == '\'') {
      size_t start = i + 1, j = start;
      while (j < text.size() && text[j] != ch && text[j] != '\n') j += text[j] == '\\' ? 2 : 1;
      if (j >= text.size()) break;
      out.emplace_back(std::string(text.substr(start, j - start)), start);
      i = j;
    }
  }
  return out;
}

// The '[' or '(' that a `keyword=` argument of setup() refers to, following one variable indirection.
size_t setup_list_start(std::string_view text, std::string_view keyword) {
  size_t at = 0;
  while ((at = text.find(keyword, at)) != std::string_view::npos) {
    size_t i = at + keyword.size();
    at = i;
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
    if (i >= text.size() || text[i] != '=') continue;
    ++i;
    while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
    if (i < text.size() && (text[i] == '[' || text[i] == '(')) return i;
    size_t id_end = i;
    while (id_end < text.size() && (std::isalnum(static_cast<unsigned char>(text[id_end])) || text[id_end] == '_'))
      ++id_end;
    if (id_end == i) continue;
    std::string ident(text.substr(i, id_end - i));
    static const RE2 kAssign(R"((?m)^\s*(\w+)\s*=\s*[\[(])");
    re2::StringPiece input(text.data(), text.size());
    std::string name;
    while (RE2::FindAndConsume(&input, kAssign, &name))
      if (name == ident) return static_cast<size_t>(input.data() - text.data()) - 1;
  }
  return std::string_view::npos;
}

void parse_setup_py(Ctx& c) {
  c.m.ecosystem = "pypi";
  c.m.package_manager = "pip";
  for (auto [keyword, dev, scope] :
       {std::tuple{"install_requires", false, "runtime"}, std::tuple{"tests_require", true, "test"}}) {
    size_t open = setup_list_start(c.text, keyword);
    if (open == std::string_view::npos) continue;
    for (auto& [literal, offset] : string_literals_in_list(c.text, open))
      if (auto r = parse_pep508(literal)) c.add(r->name, r->spec, dev, scope, c.lines.line(offset));
  }
}

void parse_setup_cfg(Ctx& c) {
  c.m.ecosystem = "pypi";
  c.m.package_manager = "pip";
  std::string section, key;
  auto lines = util::split_lines(c.text);
  auto handle = [&](std::string_view value, int line) {
    value = util::trim(value);
    if (value.empty() || value[0] == '#' || value[0] == ';') return;
    auto r = parse_pep508(value);
    if (!r) return;
    if (section == "options" && key == "install_requires")
      c.add(r->name, r->spec, false, "runtime", line);
    else if (section == "options" && key == "tests_require")
      c.add(r->name, r->spec, true, "test", line);
    else if (section == "options.extras_require")
      c.add(r->name, r->spec, is_dev_group(key), "optional", line);
  };
  for (size_t i = 0; i < lines.size(); ++i) {
    std::string_view line = lines[i];
    int n = static_cast<int>(i) + 1;
    if (util::trim(line).empty()) continue;
    if (line[0] == '[') {
      section = std::string(util::trim(line.substr(1, line.find(']') - 1)));
      key.clear();
    } else if (line[0] == ' ' || line[0] == '\t') {
      if (!key.empty()) handle(line, n);
    } else if (line[0] != '#' && line[0] != ';') {
      size_t eq = line.find_first_of("=:");
      if (eq == std::string_view::npos) continue;
      key = std::string(util::trim(line.substr(0, eq)));
      handle(line.substr(eq + 1), n);
    }
  }
}

// ---- Go ----

void parse_go_mod(Ctx& c) {
  c.m.ecosystem = "go";
  c.m.package_manager = "go";
  std::string sum = join_path(c.dir(), "go.sum");
  if (c.in.workspace.find(sum)) c.m.lock_file = sum;
  bool in_block = false;
  auto lines = util::split_lines(c.text);
  for (size_t i = 0; i < lines.size(); ++i) {
    std::string_view t = util::trim(lines[i]);
    bool indirect = util::contains(t, "// indirect");
    t = util::trim(t.substr(0, t.find("//")));
    if (in_block) {
      if (t == ")") {
        in_block = false;
        continue;
      }
    } else if (util::starts_with(t, "require")) {
      t = util::trim(t.substr(7));
      if (t == "(") {
        in_block = true;
        continue;
      }
    } else {
      continue;
    }
    auto parts = util::split(t, ' ');
    std::vector<std::string_view> words;
    for (auto p : parts)
      if (!util::trim(p).empty()) words.push_back(util::trim(p));
    if (words.size() < 2) continue;
    c.add(unquote(words[0]), std::string(words[1]), false, indirect ? "indirect" : "runtime", static_cast<int>(i) + 1);
  }
  if (!c.resolve_locks || c.m.lock_file.empty()) return;
  if (const LockIndex* idx = c.locks.get(c.m.lock_file))
    for (auto& d : c.m.dependencies) {
      auto it = idx->versions.find(d.name);
      if (it == idx->versions.end()) continue;
      bool exact = std::find(it->second.begin(), it->second.end(), d.version_spec) != it->second.end();
      d.locked_version = exact ? d.version_spec : it->second.back();
    }
}

// ---- Rust ----

void parse_cargo_toml(Ctx& c) {
  c.m.ecosystem = "cargo";
  c.m.package_manager = "cargo";
  c.m.lock_file = c.locks.locate(c.dir(), {"Cargo.lock"});
  auto doc = parse_toml_file(c.in, c.path, c.text);
  if (!doc) return;
  auto add_table = [&](const json* table, const std::string& ptr, bool dev, const std::string& scope) {
    if (!table || !table->is_object()) return;
    for (auto& [key, val] : table->items()) {
      std::string name = key, spec, dep_scope = scope;
      if (val.is_string()) {
        spec = val.get<std::string>();
      } else if (val.is_object()) {
        spec = json_string(val, "version");
        if (!json_string(val, "package").empty()) name = json_string(val, "package");
        if (val.value("workspace", false)) spec = "workspace";
        if (spec.empty() && val.contains("git")) spec = "git+" + json_string(val, "git");
        if (spec.empty() && val.contains("path")) spec = "path:" + json_string(val, "path");
        if (val.value("optional", false) && scope == "runtime") dep_scope = "optional";
      }
      c.add(name, spec, dev, dep_scope, doc->line_of(ptr + "/" + pointer_escape(key)));
    }
  };
  auto add_all = [&](const json& base, const std::string& ptr) {
    add_table(json_child(base, {"dependencies"}), ptr + "/dependencies", false, "runtime");
    add_table(json_child(base, {"dev-dependencies"}), ptr + "/dev-dependencies", true, "dev");
    add_table(json_child(base, {"build-dependencies"}), ptr + "/build-dependencies", false, "build");
  };
  add_all(doc->root, "");
  if (const json* targets = json_child(doc->root, {"target"}); targets && targets->is_object())
    for (auto& [cfg, body] : targets->items()) add_all(body, "/target/" + pointer_escape(cfg));
  add_table(json_child(doc->root, {"workspace", "dependencies"}), "/workspace/dependencies", false, "workspace");
  c.resolve_flat(c.m.lock_file);
}

// ---- Maven ----

// Walks XML elements; `on_close` gets the element path, its direct text and the offset of its start tag.
// Returns false (after a diagnostic) on mismatched or unterminated markup.
bool walk_xml(Ctx& c,
              const std::function<void(const std::vector<std::string>&, const std::string&, size_t)>& on_close) {
  std::string_view s = c.text;
  std::vector<std::string> path;
  std::vector<std::string> texts;
  std::vector<size_t> starts;
  size_t i = 0;
  while (i < s.size()) {
    size_t lt = s.find('<', i);
    if (!texts.empty()) texts.back() += s.substr(i, (lt == std::string_view::npos ? s.size() : lt) - i);
    if (lt == std::string_view::npos) break;
    auto skip_to = [&](std::string_view end) {
      size_t e = s.find(end, lt);
      if (e == std::string_view::npos) return false;
      i = e + end.size();
      return true;
    };
    if (s.compare(lt, 4, "<!--") == 0 || s.compare(lt, 2, "<?") == 0) {
      if (!skip_to(s.compare(lt, 4, "<!--") == 0 ? "-->" : "?>")) break;
      continue;
    }
    if (s.compare(lt, 9, "<![CDATA[") == 0) {
      size_t e = s.find("]]>", lt);
      if (e == std::string_view::npos) break;
      if (!texts.empty()) texts.back() += s.substr(lt + 9, e - lt - 9);
      i = e + 3;
      continue;
    }
    if (s.compare(lt, 2, "<!") == 0) {
      if (!skip_to(">")) break;
      continue;
    }
    size_t gt = s.find('>', lt);
    if (gt == std::string_view::npos) {
      c.warn(c.lines.line(lt), "malformed XML: unterminated tag");
      return false;
    }
    std::string_view tag = s.substr(lt + 1, gt - lt - 1);
    i = gt + 1;
    if (!tag.empty() && tag[0] == '/') {
      std::string_view name = util::trim(tag.substr(1));
      if (path.empty() || path.back() != name) {
        c.warn(c.lines.line(lt), "malformed XML: unexpected </" + std::string(name) + ">");
        return false;
      }
      on_close(path, std::string(util::trim(texts.back())), starts.back());
      path.pop_back();
      texts.pop_back();
      starts.pop_back();
      continue;
    }
    bool self_closing = !tag.empty() && tag.back() == '/';
    size_t name_end = tag.find_first_of(" \t\r\n/");
    std::string name(tag.substr(0, name_end));
    size_t colon = name.find(':');  // drop namespace prefixes
    if (colon != std::string::npos) name = name.substr(colon + 1);
    path.push_back(name);
    texts.emplace_back();
    starts.push_back(lt);
    if (self_closing) {
      on_close(path, "", lt);
      path.pop_back();
      texts.pop_back();
      starts.pop_back();
    }
  }
  if (!path.empty()) {
    c.warn(c.lines.line(starts.back()), "malformed XML: <" + path.back() + "> is never closed");
    return false;
  }
  return true;
}

void parse_pom(Ctx& c) {
  c.m.ecosystem = "maven";
  c.m.package_manager = "maven";
  std::map<std::string, std::string> props;
  struct Pending {
    std::map<std::string, std::string> fields;
    size_t offset = 0;
  };
  std::vector<Pending> deps;
  Pending current;
  walk_xml(c, [&](const std::vector<std::string>& path, const std::string& text, size_t offset) {
    size_t n = path.size();
    if (n == 3 && path[0] == "project" && path[1] == "properties") props[path[2]] = text;
    if (n == 2 && path[0] == "project" && (path[1] == "version" || path[1] == "groupId"))
      props["project." + path[1]] = text;
    if (n == 3 && path[0] == "project" && path[1] == "parent" && path[2] == "version")
      props.emplace("project.version", text);
    bool managed = std::find(path.begin(), path.end(), "dependencyManagement") != path.end() ||
                   std::find(path.begin(), path.end(), "plugins") != path.end();
    if (managed || path[0] != "project") return;
    if (n >= 3 && path[n - 2] == "dependency" && path[n - 3] == "dependencies") current.fields[path[n - 1]] = text;
    if (n >= 2 && path[n - 1] == "dependency" && path[n - 2] == "dependencies") {
      current.offset = offset;
      deps.push_back(std::move(current));
      current = {};
    }
  });
  auto expand = [&](std::string v) {
    for (int round = 0; round < 5; ++round) {
      size_t open = v.find("${");
      if (open == std::string::npos) break;
      size_t close = v.find('}', open);
      if (close == std::string::npos) break;
      auto it = props.find(v.substr(open + 2, close - open - 2));
      if (it == props.end()) break;
      v.replace(open, close - open + 1, it->second);
    }
    return v;
  };
  for (auto& d : deps) {
    std::string group = d.fields["groupId"], artifact = d.fields["artifactId"];
    if (artifact.empty()) continue;
    std::string scope = d.fields["scope"].empty() ? "compile" : d.fields["scope"];
    c.add(expand(group) + ":" + expand(artifact), expand(d.fields["version"]), scope == "test", scope,
          c.lines.line(d.offset));
  }
}

// ---- Gradle ----

struct CatalogEntry {
  std::string coord;  // group:artifact
  std::string version;
};
using Catalog = std::map<std::string, std::vector<CatalogEntry>>;  // accessor path ("spring.boot.web") → entries

std::string catalog_key(std::string_view alias) {
  std::string out;
  for (char ch : alias) out += (ch == '-' || ch == '_') ? '.' : static_cast<char>(std::tolower(ch));
  return out;
}

// gradle/libs.versions.toml: [versions], [libraries] and [bundles], as `libs.*` accessors.
Catalog load_catalog(const AuditInput& in, const std::string& path) {
  Catalog out;
  const std::string* text = in.content(path);
  if (!text) return out;
  auto doc = parse_toml_file(in, path, *text);
  if (!doc) return out;
  const json* versions = json_child(doc->root, {"versions"});
  auto version_of = [&](const json& lib) -> std::string {
    const json* v = json_child(lib, {"version"});
    if (!v) return "";
    if (v->is_string()) return v->get<std::string>();
    std::string ref = v->is_object() ? json_string(*v, "ref") : "";
    if (!ref.empty() && versions && versions->is_object()) {
      const json* rv = json_child(*versions, {ref});
      if (rv && rv->is_string()) return rv->get<std::string>();
      if (rv && rv->is_object()) {
        for (const char* k : {"strictly", "require", "prefer"})
          if (!json_string(*rv, k).empty()) return json_string(*rv, k);
      }
    }
    return v->is_object() ? json_string(*v, "strictly") + json_string(*v, "require") : "";
  };
  if (const json* libs = json_child(doc->root, {"libraries"}); libs && libs->is_object())
    for (auto& [alias, lib] : libs->items()) {
      CatalogEntry e;
      if (lib.is_string()) {
        const std::string& coord = lib.get_ref<const std::string&>();
        auto parts = util::split(coord, ':');
        if (parts.size() < 2) continue;
        e.coord = std::string(parts[0]) + ":" + std::string(parts[1]);
        if (parts.size() > 2) e.version = std::string(parts[2]);
      } else if (lib.is_object()) {
        e.coord = json_string(lib, "module");
        if (e.coord.empty()) e.coord = json_string(lib, "group") + ":" + json_string(lib, "name");
        e.version = version_of(lib);
      }
      out[catalog_key(alias)].push_back(e);
    }
  if (const json* bundles = json_child(doc->root, {"bundles"}); bundles && bundles->is_object())
    for (auto& [alias, members] : bundles->items()) {
      if (!members.is_array()) continue;
      auto& list = out["bundles." + catalog_key(alias)];
      for (const auto& m : members)
        if (m.is_string())
          if (auto it = out.find(catalog_key(m.get<std::string>())); it != out.end())
            list.insert(list.end(), it->second.begin(), it->second.end());
    }
  return out;
}

bool gradle_configuration(std::string_view name, bool& dev) {
  static const std::set<std::string, std::less<>> kConfigs = {"implementation",
                                                              "api",
                                                              "compile",
                                                              "compileOnly",
                                                              "compileOnlyApi",
                                                              "runtimeOnly",
                                                              "runtime",
                                                              "annotationProcessor",
                                                              "kapt",
                                                              "ksp",
                                                              "testImplementation",
                                                              "testCompile",
                                                              "testRuntimeOnly",
                                                              "testCompileOnly",
                                                              "testAnnotationProcessor",
                                                              "androidTestImplementation",
                                                              "debugImplementation",
                                                              "developmentOnly",
                                                              "integrationTestImplementation"};
  if (!kConfigs.count(name)) return false;
  dev = util::starts_with(name, "test") || util::starts_with(name, "androidTest") ||
        util::starts_with(name, "integrationTest") || name == "developmentOnly" || name == "debugImplementation";
  return true;
}

void parse_gradle(Ctx& c) {
  c.m.ecosystem = "maven";
  c.m.package_manager = "gradle";
  std::string lock = join_path(c.dir(), "gradle.lockfile");
  if (c.in.workspace.find(lock)) c.m.lock_file = lock;
  static const RE2 kString(
      R"re(^\s*(\w+)\s*\(?\s*(?:(?:enforcedPlatform|platform|testFixtures)\s*\(\s*)?["']([^"'\s:]+):([^"'\s:]+)(?::([^"'\s@]+))?(?:@\w+)?["'])re");
  static const RE2 kMap(
      R"re(^\s*(\w+)\s*\(?\s*group\s*[:=]\s*["']([^"']+)["']\s*,\s*name\s*[:=]\s*["']([^"']+)["'](?:\s*,\s*version\s*[:=]\s*["']([^"']+)["'])?)re");
  static const RE2 kCatalog(R"re(^\s*(\w+)\s*\(?\s*(?:(?:enforcedPlatform|platform)\s*\(\s*)?libs\.([\w.]+))re");
  std::optional<Catalog> catalog;
  auto lines = util::split_lines(c.text);
  for (size_t i = 0; i < lines.size(); ++i) {
    re2::StringPiece line(lines[i].data(), lines[i].size());
    std::string config, group, artifact, version;
    int n = static_cast<int>(i) + 1;
    bool dev = false;
    if (RE2::PartialMatch(line, kString, &config, &group, &artifact, &version) ||
        RE2::PartialMatch(line, kMap, &config, &group, &artifact, &version)) {
      if (gradle_configuration(config, dev)) c.add(group + ":" + artifact, version, dev, config, n);
    } else if (std::string accessor; RE2::PartialMatch(line, kCatalog, &config, &accessor)) {
      if (!gradle_configuration(config, dev)) continue;
      if (!catalog) {
        std::string found;
        for (std::string_view d = c.dir();; d = dir_of(d)) {
          std::string candidate = join_path(d, "gradle/libs.versions.toml");
          if (c.in.workspace.find(candidate)) {
            found = candidate;
            break;
          }
          if (d.empty()) break;
        }
        catalog = found.empty() ? Catalog{} : load_catalog(c.in, found);
      }
      auto it = catalog->find(catalog_key(accessor));
      if (it == catalog->end()) continue;
      for (const auto& e : it->second) c.add(e.coord, e.version, dev, config, n);
    }
  }
  c.resolve_flat(c.m.lock_file);
}

// ---- Ruby ----

// Quoted arguments after the first one: "gem 'rails', '~> 7.0', '>= 7.0.1'" → "~> 7.0, >= 7.0.1".
std::string ruby_version_args(std::string_view rest) {
  std::vector<std::string> specs;
  while (true) {
    rest = util::trim(rest);
    if (rest.empty() || rest[0] != ',') break;
    rest = util::trim(rest.substr(1));
    if (rest.empty() || (rest[0] != '"' && rest[0] != '\'')) break;
    size_t close = rest.find(rest[0], 1);
    if (close == std::string_view::npos) break;
    std::string_view arg = rest.substr(1, close - 1);
    if (arg.empty() || !std::strchr("<>=~!0123456789", arg[0])) break;
    specs.emplace_back(arg);
    rest = rest.substr(close + 1);
  }
  return util::join(specs, ", ");
}

std::vector<std::string> ruby_symbols(std::string_view s) {
  std::vector<std::string> out;
  static const RE2 kSym(R"re(:(\w+)|["'](\w+)["'])re");
  re2::StringPiece in(s.data(), s.size());
  std::string a, b;
  while (RE2::FindAndConsume(&in, kSym, &a, &b)) out.push_back(a.empty() ? b : a);
  return out;
}

void parse_gemfile(Ctx& c) {
  c.m.ecosystem = "rubygems";
  c.m.package_manager = "bundler";
  std::string lock = join_path(c.dir(), "Gemfile.lock");
  if (c.in.workspace.find(lock)) c.m.lock_file = lock;
  static const RE2 kGem(R"re(^\s*gem\s*\(?\s*["']([^"']+)["'](.*)$)re");
  static const RE2 kGroup(R"re(^\s*groups?\s*\(?(.*?)\)?\s+do\b)re");
  static const RE2 kOpener(R"re((^\s*(if|unless|case|begin|while|until)\b)|\bdo\s*(\|[^|]*\|)?\s*$)re");
  static const RE2 kInlineGroup(R"re(\bgroups?\s*(?::|=>)\s*(\[[^\]]*\]|:\w+|["']\w+["']))re");
  std::vector<std::vector<std::string>> stack;  // groups of each open block ({} for other blocks)
  auto lines = util::split_lines(c.text);
  for (size_t i = 0; i < lines.size(); ++i) {
    std::string_view raw = lines[i];
    std::string_view t = util::trim(raw);
    if (t.empty() || t[0] == '#') continue;
    re2::StringPiece line(raw.data(), raw.size());
    std::string name, rest, groups_text;
    if (RE2::PartialMatch(line, kGem, &name, &rest)) {
      std::vector<std::string> groups;
      for (const auto& frame : stack) groups.insert(groups.end(), frame.begin(), frame.end());
      re2::StringPiece rest_piece(rest);
      if (RE2::PartialMatch(rest_piece, kInlineGroup, &groups_text))
        for (auto& g : ruby_symbols(groups_text)) groups.push_back(g);
      bool dev = !groups.empty() &&
                 std::all_of(groups.begin(), groups.end(), [](const std::string& g) { return is_dev_group(g); });
      std::sort(groups.begin(), groups.end());
      groups.erase(std::unique(groups.begin(), groups.end()), groups.end());
      c.add(name, ruby_version_args(rest), dev, groups.empty() ? "runtime" : util::join(groups, ","),
            static_cast<int>(i) + 1);
      if (RE2::PartialMatch(line, kOpener)) stack.emplace_back();
    } else if (RE2::PartialMatch(line, kGroup, &groups_text)) {
      stack.push_back(ruby_symbols(groups_text));
    } else if (t == "end" || util::starts_with(t, "end ")) {
      if (!stack.empty()) stack.pop_back();
    } else if (RE2::PartialMatch(line, kOpener)) {
      stack.emplace_back();
    }
  }
  c.resolve_flat(c.m.lock_file);
}

void parse_gemspec(Ctx& c) {
  c.m.ecosystem = "rubygems";
  c.m.package_manager = "bundler";
  std::string lock = join_path(c.dir(), "Gemfile.lock");
  if (c.in.workspace.find(lock)) c.m.lock_file = lock;
  static const RE2 kDep(R"re(\.add_(development_|runtime_)?dependency\s*\(?\s*["']([^"']+)["'](.*)$)re");
  auto lines = util::split_lines(c.text);
  for (size_t i = 0; i < lines.size(); ++i) {
    std::string kind, name, rest;
    re2::StringPiece line(lines[i].data(), lines[i].size());
    if (!RE2::PartialMatch(line, kDep, &kind, &name, &rest)) continue;
    bool dev = kind == "development_";
    c.add(name, ruby_version_args(rest), dev, dev ? "dev" : "runtime", static_cast<int>(i) + 1);
  }
  c.resolve_flat(c.m.lock_file);
}

// ---- PHP ----

void parse_composer_json(Ctx& c) {
  c.m.ecosystem = "composer";
  c.m.package_manager = "composer";
  std::string lock = join_path(c.dir(), "composer.lock");
  if (c.in.workspace.find(lock)) c.m.lock_file = lock;
  auto j = parse_json_file(c.in, c.path, c.text);
  if (!j || !j->is_object()) {
    if (j) c.warn(1, "composer.json is not a JSON object");
    return;
  }
  for (auto [key, dev] : {std::pair{"require", false}, std::pair{"require-dev", true}}) {
    const json* deps = json_child(*j, {key});
    if (!deps || !deps->is_object()) continue;
    for (auto& [name, spec] : deps->items()) {
      // Platform requirements are not packages.
      if (name == "php" || util::starts_with(name, "ext-") || util::starts_with(name, "lib-") ||
          util::starts_with(name, "composer-") || name.find('/') == std::string::npos)
        continue;
      c.add(name, spec.is_string() ? spec.get<std::string>() : spec.dump(), dev, dev ? "dev" : "runtime",
            json_key_line(c.text, c.lines, key, name));
    }
  }
  c.resolve_flat(c.m.lock_file);
}

// ---- C and C++ ----

struct CMakeCommand {
  std::string name;  // lowercase
  std::vector<std::string> args;
  size_t offset;
};

// Command invocations of a CMake file, with comments and bracket arguments handled.
std::vector<CMakeCommand> cmake_commands(std::string_view s) {
  std::vector<CMakeCommand> out;
  size_t i = 0;
  auto skip_comment = [&]() {
    if (s.compare(i, 2, "#[") == 0) {
      size_t eq = i + 2;
      while (eq < s.size() && s[eq] == '=') ++eq;
      if (eq < s.size() && s[eq] == '[') {
        std::string close = "]" + std::string(eq - i - 2, '=') + "]";
        size_t e = s.find(close, eq);
        i = e == std::string_view::npos ? s.size() : e + close.size();
        return;
      }
    }
    while (i < s.size() && s[i] != '\n') ++i;
  };
  while (i < s.size()) {
    char ch = s[i];
    if (ch == '#') {
      skip_comment();
      continue;
    }
    if (!(std::isalpha(static_cast<unsigned char>(ch)) || ch == '_')) {
      ++i;
      continue;
    }
    size_t start = i;
    while (i < s.size() && (std::isalnum(static_cast<unsigned char>(s[i])) || s[i] == '_')) ++i;
    std::string name = util::to_lower(s.substr(start, i - start));
    size_t j = i;
    while (j < s.size() && (s[j] == ' ' || s[j] == '\t')) ++j;
    if (j >= s.size() || s[j] != '(') continue;
    CMakeCommand cmd{name, {}, start};
    i = j + 1;
    int depth = 1;
    std::string arg;
    auto flush = [&]() {
      if (!arg.empty()) cmd.args.push_back(std::move(arg));
      arg.clear();
    };
    while (i < s.size() && depth > 0) {
      char a = s[i];
      if (a == '#') {
        flush();
        skip_comment();
        continue;
      }
      if (a == '"') {
        size_t e = i + 1;
        while (e < s.size() && s[e] != '"') e += s[e] == '\\' ? 2 : 1;
        arg += s.substr(i + 1, std::min(e, s.size()) - i - 1);
        i = e + 1;
        continue;
      }
      if (a == '(') ++depth;
      if (a == ')' && --depth == 0) break;
      if (std::isspace(static_cast<unsigned char>(a)))
        flush();
      else
        arg += a;
      ++i;
    }
    flush();
    ++i;
    out.push_back(std::move(cmd));
  }
  return out;
}

bool is_test_library(std::string_view name) {
  std::string n = util::to_lower(name);
  return n == "gtest" || n == "googletest" || n == "gmock" || n == "catch2" || n == "doctest" || n == "benchmark" ||
         n == "googlebenchmark";
}

void parse_cmake(Ctx& c) {
  c.m.ecosystem = "cmake";
  c.m.package_manager = "cmake";
  static const std::set<std::string, std::less<>> kNotPackages = {"PkgConfig", "Threads"};
  auto looks_like_version = [](std::string_view v) {
    return !v.empty() && std::isdigit(static_cast<unsigned char>(v[0]));
  };
  auto add = [&](const std::string& name, const std::string& version, size_t offset) {
    bool test = is_test_library(name);
    c.add(name, version, test, test ? "test" : "runtime", c.lines.line(offset));
  };
  for (const auto& cmd : cmake_commands(c.text)) {
    const auto& a = cmd.args;
    if (cmd.name == "find_package" && !a.empty()) {
      if (kNotPackages.count(a[0]) || a[0].find('$') != std::string::npos) continue;
      add(a[0], a.size() > 1 && looks_like_version(a[1]) ? a[1] : "", cmd.offset);
    } else if (cmd.name == "fetchcontent_declare" && !a.empty()) {
      std::string version;
      for (size_t k = 1; k + 1 < a.size(); ++k)
        if (a[k] == "GIT_TAG" || a[k] == "URL_HASH" || a[k] == "VERSION") {
          if (a[k] != "URL_HASH") version = a[k + 1];
        }
      add(a[0], version, cmd.offset);
    } else if ((cmd.name == "cpmaddpackage" || cmd.name == "cpmfindpackage") && !a.empty()) {
      if (a.size() == 1) {
        // "gh:fmtlib/fmt#7.1.3" or "gh:nlohmann/json@3.11.2"
        std::string_view spec = a[0];
        if (size_t colon = spec.find(':'); colon != std::string_view::npos) spec = spec.substr(colon + 1);
        size_t cut = spec.find_first_of("@#");
        std::string_view repo = spec.substr(0, cut);
        std::string version = cut == std::string_view::npos ? "" : std::string(spec.substr(cut + 1));
        add(std::string(base_of(repo)), version, cmd.offset);
      } else {
        std::string name, version;
        for (size_t k = 0; k + 1 < a.size(); ++k) {
          if (a[k] == "NAME") name = a[k + 1];
          if (a[k] == "VERSION" || (a[k] == "GIT_TAG" && version.empty())) version = a[k + 1];
        }
        if (!name.empty()) add(name, version, cmd.offset);
      }
    } else if ((cmd.name == "pkg_check_modules" || cmd.name == "pkg_search_module") && a.size() > 1) {
      static const std::set<std::string, std::less<>> kFlags = {
          "REQUIRED", "QUIET", "IMPORTED_TARGET", "GLOBAL", "NO_CMAKE_PATH", "NO_CMAKE_ENVIRONMENT_PATH"};
      for (size_t k = 1; k < a.size(); ++k) {
        if (kFlags.count(a[k])) continue;
        size_t op = a[k].find_first_of("<>=");
        add(a[k].substr(0, op), op == std::string::npos ? "" : a[k].substr(op), cmd.offset);
      }
    }
  }
}

// "zlib/1.2.13@user/channel#rev" → name, version
std::optional<std::pair<std::string, std::string>> conan_reference(std::string_view ref) {
  ref = util::trim(ref);
  ref = ref.substr(0, ref.find_first_of("@#"));
  size_t slash = ref.find('/');
  if (slash == std::string_view::npos || slash == 0) return std::nullopt;
  return std::pair{std::string(ref.substr(0, slash)), std::string(ref.substr(slash + 1))};
}

void parse_conanfile_txt(Ctx& c) {
  c.m.ecosystem = "conan";
  c.m.package_manager = "conan";
  std::string lock = join_path(c.dir(), "conan.lock");
  if (c.in.workspace.find(lock)) c.m.lock_file = lock;
  std::string section;
  auto lines = util::split_lines(c.text);
  for (size_t i = 0; i < lines.size(); ++i) {
    std::string_view t = util::trim(lines[i]);
    if (t.empty() || t[0] == '#') continue;
    if (t[0] == '[') {
      section = std::string(t.substr(1, t.find(']') - 1));
      continue;
    }
    bool test = section == "test_requires";
    bool build = section == "tool_requires" || section == "build_requires";
    if (section != "requires" && !test && !build) continue;
    if (auto ref = conan_reference(t))
      c.add(ref->first, ref->second, test, test ? "test" : build ? "build" : "runtime", static_cast<int>(i) + 1);
  }
  c.resolve_flat(c.m.lock_file);
}

void parse_conanfile_py(Ctx& c) {
  c.m.ecosystem = "conan";
  c.m.package_manager = "conan";
  std::string lock = join_path(c.dir(), "conan.lock");
  if (c.in.workspace.find(lock)) c.m.lock_file = lock;
  static const RE2 kRef(R"re(["']([\w.+-]+/[\w.+\-\[\]<>=~^ ,|]+(?:@[\w./-]+)?(?:#\w+)?)["'])re");
  auto lines = util::split_lines(c.text);
  for (size_t i = 0; i < lines.size(); ++i) {
    std::string_view line = lines[i];
    if (!util::contains(line, "requires")) continue;
    bool test = util::contains(line, "test_requires");
    bool build = util::contains(line, "tool_requires") || util::contains(line, "build_requires");
    re2::StringPiece in(line.data(), line.size());
    std::string ref;
    while (RE2::FindAndConsume(&in, kRef, &ref))
      if (auto r = conan_reference(ref))
        c.add(r->first, r->second, test, test ? "test" : build ? "build" : "runtime", static_cast<int>(i) + 1);
  }
  c.resolve_flat(c.m.lock_file);
}

void parse_vcpkg_json(Ctx& c) {
  c.m.ecosystem = "vcpkg";
  c.m.package_manager = "vcpkg";
  auto j = parse_json_file(c.in, c.path, c.text);
  if (!j || !j->is_object()) {
    if (j) c.warn(1, "vcpkg.json is not a JSON object");
    return;
  }
  std::map<std::string, std::string> overrides;
  if (const json* ov = json_child(*j, {"overrides"}); ov && ov->is_array())
    for (const auto& o : *ov)
      if (o.is_object())
        for (const char* k : {"version", "version-semver", "version-string", "version-date"})
          if (!json_string(o, k).empty()) overrides[json_string(o, "name")] = json_string(o, k);
  const json* deps = json_child(*j, {"dependencies"});
  if (!deps || !deps->is_array()) return;
  size_t section = c.text.find("\"dependencies\"");
  for (const auto& d : *deps) {
    std::string name = d.is_string() ? d.get<std::string>() : d.is_object() ? json_string(d, "name") : "";
    if (name.empty()) continue;
    std::string spec = d.is_object() && !json_string(d, "version>=").empty() ? ">=" + json_string(d, "version>=") : "";
    bool host = d.is_object() && d.value("host", false);
    size_t at = c.text.find("\"" + name + "\"", section == std::string::npos ? 0 : section);
    Dependency& dep =
        c.add(name, spec, false, host ? "build" : "runtime", at == std::string::npos ? 0 : c.lines.line(at));
    if (auto it = overrides.find(name); it != overrides.end()) dep.locked_version = it->second;
  }
}

}  // namespace

// ---------------------------------------------------------------------------
// Manifest discovery

namespace {

using Parser = void (*)(Ctx&);

Parser parser_for(std::string_view path) {
  std::string_view name = base_of(path);
  if (name == "package.json") return parse_package_json;
  if (name == "pyproject.toml") return parse_pyproject;
  if (name == "Pipfile") return parse_pipfile;
  if (name == "setup.py") return parse_setup_py;
  if (name == "setup.cfg") return parse_setup_cfg;
  if (name == "go.mod") return parse_go_mod;
  if (name == "Cargo.toml") return parse_cargo_toml;
  if (name == "pom.xml") return parse_pom;
  if (name == "build.gradle" || name == "build.gradle.kts") return parse_gradle;
  if (name == "Gemfile") return parse_gemfile;
  if (util::ends_with(name, ".gemspec")) return parse_gemspec;
  if (name == "composer.json") return parse_composer_json;
  if (name == "CMakeLists.txt") return parse_cmake;
  // Included scripts (cmake/Dependencies.cmake) often hold the find_package calls; package
  // find modules and config files describe other packages, not this one.
  if (util::ends_with(name, ".cmake") && !util::starts_with(name, "Find") && !util::ends_with(name, "Config.cmake") &&
      !util::ends_with(name, "-config.cmake") && !util::ends_with(name, "ConfigVersion.cmake") &&
      !util::ends_with(name, "-config-version.cmake"))
    return parse_cmake;
  if (name == "conanfile.txt") return parse_conanfile_txt;
  if (name == "conanfile.py") return parse_conanfile_py;
  if (name == "vcpkg.json") return parse_vcpkg_json;
  if (is_requirements_file(path)) return parse_requirements;
  return nullptr;
}

// Manifests under test-data folders describe fixtures, not the project.
bool in_fixture_dir(std::string_view path) {
  for (auto part : util::split(dir_of(path), '/'))
    if (part == "testdata" || part == "fixtures" || part == "__fixtures__" || part == "test-fixtures" ||
        part == "test_data")
      return true;
  return false;
}

}  // namespace

std::vector<Manifest> parse_manifests(const AuditInput& caller_input, bool resolve_locks, bool report) {
  Diagnostics discarded;
  AuditInput quiet{caller_input.workspace, caller_input.options, discarded};
  const AuditInput& input = report ? caller_input : quiet;
  std::vector<Manifest> out;
  LockCache locks(input);
  for (const auto& f : input.files()) {
    if (f.kind != workspace::FileKind::source || !f.loaded) continue;
    Parser parser = parser_for(f.path);
    if (!parser || in_fixture_dir(f.path)) continue;
    if (parser == parse_setup_py && !util::contains(f.content, "setup(")) continue;
    Ctx c(input, f.path, f.content, locks, resolve_locks);
    try {
      parser(c);
    } catch (const std::exception& e) {
      c.warn(0, std::string("could not read manifest: ") + e.what());
    }
    // Only CMake files that pull in packages, and the top-level CMakeLists.txt, are manifests.
    if (parser == parse_cmake && c.m.dependencies.empty() && f.path != "CMakeLists.txt") continue;
    std::sort(c.m.dependencies.begin(), c.m.dependencies.end(), [](const Dependency& a, const Dependency& b) {
      return std::tie(a.name, a.scope, a.line) < std::tie(b.name, b.scope, b.line);
    });
    out.push_back(std::move(c.m));
  }
  std::sort(out.begin(), out.end(), [](const Manifest& a, const Manifest& b) { return a.path < b.path; });
  return out;
}

// ---------------------------------------------------------------------------
// Frameworks

namespace {

struct FrameworkInfo {
  std::string_view name, category, language;
};
constexpr FrameworkInfo kFrameworks[] = {
    {"Actix", "backend", "rust"},
    {"Angular", "frontend", "javascript"},
    {"Axum", "backend", "rust"},
    {"Django", "backend", "python"},
    {"Echo", "backend", "go"},
    {"Express", "backend", "javascript"},
    {"FastAPI", "backend", "python"},
    {"Fastify", "backend", "javascript"},
    {"Fiber", "backend", "go"},
    {"Flask", "backend", "python"},
    {"Gin", "backend", "go"},
    {"Koa", "backend", "javascript"},
    {"Laravel", "backend", "php"},
    {"NestJS", "backend", "javascript"},
    {"Next.js", "fullstack", "javascript"},
    {"Nuxt", "fullstack", "javascript"},
    {"Quarkus", "backend", "java"},
    {"Rails", "backend", "ruby"},
    {"React", "frontend", "javascript"},
    {"Rocket", "backend", "rust"},
    {"Sinatra", "backend", "ruby"},
    {"Spring Boot", "backend", "java"},
    {"Starlette", "backend", "python"},
    {"Svelte", "frontend", "javascript"},
    {"Vue", "frontend", "javascript"},
};

struct Rule {
  std::string_view scope;   // ecosystem for dependencies, import family for code
  std::string_view module;  // package or module name
  bool prefix;              // also matches "module/..." (or anything after a trailing ':', '\\' or '/')
  std::string_view framework;
};

constexpr Rule kDependencyRules[] = {
    {"pypi", "fastapi", false, "FastAPI"},
    {"pypi", "django", false, "Django"},
    {"pypi", "flask", false, "Flask"},
    {"pypi", "starlette", false, "Starlette"},
    {"npm", "express", false, "Express"},
    {"npm", "@nestjs/core", false, "NestJS"},
    {"npm", "koa", false, "Koa"},
    {"npm", "fastify", false, "Fastify"},
    {"npm", "react", false, "React"},
    {"npm", "next", false, "Next.js"},
    {"npm", "vue", false, "Vue"},
    {"npm", "nuxt", false, "Nuxt"},
    {"npm", "@angular/core", false, "Angular"},
    {"npm", "svelte", false, "Svelte"},
    {"npm", "@sveltejs/kit", false, "Svelte"},
    {"maven", "org.springframework.boot:", true, "Spring Boot"},
    {"maven", "io.quarkus:", true, "Quarkus"},
    {"maven", "io.quarkus.platform:", true, "Quarkus"},
    {"go", "github.com/gin-gonic/gin", false, "Gin"},
    {"go", "github.com/labstack/echo", true, "Echo"},
    {"go", "github.com/gofiber/fiber", true, "Fiber"},
    {"rubygems", "rails", false, "Rails"},
    {"rubygems", "railties", false, "Rails"},
    {"rubygems", "sinatra", false, "Sinatra"},
    {"composer", "laravel/framework", false, "Laravel"},
    {"cargo", "actix-web", false, "Actix"},
    {"cargo", "axum", false, "Axum"},
    {"cargo", "rocket", false, "Rocket"},
};

constexpr Rule kImportRules[] = {
    {"python", "fastapi", true, "FastAPI"},
    {"python", "django", true, "Django"},
    {"python", "flask", true, "Flask"},
    {"python", "starlette", true, "Starlette"},
    {"js", "express", true, "Express"},
    {"js", "@nestjs/", true, "NestJS"},
    {"js", "koa", true, "Koa"},
    {"js", "fastify", true, "Fastify"},
    {"js", "react", true, "React"},
    {"js", "react-dom", true, "React"},
    {"js", "next", true, "Next.js"},
    {"js", "vue", true, "Vue"},
    {"js", "nuxt", true, "Nuxt"},
    {"js", "@angular/", true, "Angular"},
    {"js", "svelte", true, "Svelte"},
    {"js", "@sveltejs/kit", true, "Svelte"},
    {"java", "org.springframework.boot.", true, "Spring Boot"},
    {"java", "io.quarkus.", true, "Quarkus"},
    {"go", "github.com/gin-gonic/gin", true, "Gin"},
    {"go", "github.com/labstack/echo", true, "Echo"},
    {"go", "github.com/gofiber/fiber", true, "Fiber"},
    {"ruby", "rails", true, "Rails"},
    {"ruby", "sinatra", true, "Sinatra"},
    {"php", "Illuminate\\", true, "Laravel"},
    {"rust", "actix_web", false, "Actix"},
    {"rust", "axum", false, "Axum"},
    {"rust", "rocket", false, "Rocket"},
};

bool rule_matches(const Rule& r, std::string_view name) {
  if (name == r.module) return true;
  if (!r.prefix || !util::starts_with(name, r.module)) return false;
  char last = r.module.back();
  if (last == ':' || last == '/' || last == '\\' || last == '.') return true;
  char next = name[r.module.size()];
  return next == '/' || next == '.';
}

template <typename Fn>
void for_each_line(std::string_view text, Fn&& fn) {
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    fn(text.substr(start, end - start), start);
    start = end + 1;
  }
}

std::string_view quoted_at(std::string_view s, size_t i) {
  while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '(')) ++i;
  if (i >= s.size() || (s[i] != '"' && s[i] != '\'' && s[i] != '`')) return {};
  size_t close = s.find(s[i], i + 1);
  return close == std::string_view::npos ? std::string_view{} : s.substr(i + 1, close - i - 1);
}

std::string_view leading_word(std::string_view s, std::string_view stops) {
  size_t e = s.find_first_of(stops);
  return e == std::string_view::npos ? s : s.substr(0, e);
}

using ImportFn = std::function<void(std::string_view module, size_t offset)>;

size_t count_of(std::string_view s, std::string_view needle) {
  size_t n = 0;
  for (size_t at = s.find(needle); at != std::string_view::npos; at = s.find(needle, at + needle.size())) ++n;
  return n;
}

void python_imports(std::string_view text, const ImportFn& fn) {
  bool in_string = false;  // inside a triple-quoted string (docstrings often show example imports)
  for_each_line(text, [&](std::string_view line, size_t offset) {
    size_t quotes = count_of(line, "\"\"\"") + count_of(line, "'''");
    bool was_in_string = in_string;
    if (quotes % 2 == 1) in_string = !in_string;
    if (was_in_string) return;
    std::string_view t = util::trim(line);
    if (util::starts_with(t, "from ")) {
      std::string_view mod = leading_word(util::trim(t.substr(5)), " \t(");
      if (!mod.empty() && mod[0] != '.') fn(mod, offset);
    } else if (util::starts_with(t, "import ")) {
      for (auto part : util::split(t.substr(7), ',')) {
        std::string_view mod = leading_word(util::trim(part), " \t#;");
        if (!mod.empty()) fn(mod, offset);
      }
    }
  });
}

void js_imports(std::string_view text, const ImportFn& fn) {
  bool in_comment = false;
  for_each_line(text, [&](std::string_view line, size_t offset) {
    std::string_view t = util::trim(line);
    if (in_comment) {
      size_t close = t.find("*/");
      if (close == std::string_view::npos) return;
      in_comment = false;
      t = util::trim(t.substr(close + 2));
    }
    if (util::starts_with(t, "//") || util::starts_with(t, "*")) return;
    if (util::starts_with(t, "/*")) {
      size_t close = t.find("*/");
      if (close == std::string_view::npos) {
        in_comment = true;
        return;
      }
      t = util::trim(t.substr(close + 2));
    }
    if (util::starts_with(t, "import ")) {
      std::string_view m = quoted_at(t, 7);  // side-effect import: import 'x'
      if (!m.empty()) fn(m, offset);
    }
    for (std::string_view token : {"from", "require(", "import("}) {
      for (size_t at = t.find(token); at != std::string_view::npos; at = t.find(token, at + 1)) {
        if (at > 0 && (std::isalnum(static_cast<unsigned char>(t[at - 1])) || t[at - 1] == '_' || t[at - 1] == '.'))
          continue;
        std::string_view m = quoted_at(t, at + token.size());
        if (!m.empty()) fn(m, offset);
      }
    }
  });
}

void go_imports(std::string_view text, const ImportFn& fn) {
  bool in_block = false;
  for_each_line(text, [&](std::string_view line, size_t offset) {
    std::string_view t = util::trim(line);
    if (in_block) {
      if (util::starts_with(t, ")")) {
        in_block = false;
        return;
      }
      size_t q = t.find('"');
      if (q != std::string_view::npos && !util::starts_with(t, "//")) fn(quoted_at(t, q), offset);
    } else if (util::starts_with(t, "import")) {
      std::string_view rest = util::trim(t.substr(6));
      if (util::starts_with(rest, "(")) {
        in_block = true;
      } else if (size_t q = rest.find('"'); q != std::string_view::npos) {
        fn(quoted_at(rest, q), offset);
      }
    }
  });
}

void prefixed_imports(std::string_view text, std::initializer_list<std::string_view> keywords, std::string_view stops,
                      bool quoted, const ImportFn& fn) {
  for_each_line(text, [&](std::string_view line, size_t offset) {
    std::string_view t = util::trim(line);
    for (auto kw : keywords) {
      if (!util::starts_with(t, kw)) continue;
      std::string_view rest = util::trim(t.substr(kw.size()));
      std::string_view m = quoted ? quoted_at(rest, 0) : leading_word(rest, stops);
      while (!m.empty() && m[0] == '\\') m.remove_prefix(1);
      if (!m.empty()) fn(m, offset);
      break;
    }
  });
}

std::string_view import_family(const FileEntry& f) {
  if (!f.language) return "";
  std::string_view id = f.language->id, grammar = f.language->grammar;
  if (id == "python") return "python";
  if (grammar == "javascript" || grammar == "typescript" || grammar == "tsx" || id == "javascript" ||
      id == "typescript" || id == "vue" || id == "svelte")
    return "js";
  if (id == "java" || id == "kotlin" || id == "groovy" || id == "scala") return "java";
  if (id == "go") return "go";
  if (id == "ruby") return "ruby";
  if (id == "php") return "php";
  if (id == "rust") return "rust";
  return "";
}

void scan_imports(const FileEntry& f, std::string_view family, const ImportFn& fn) {
  const std::string& text = f.content;
  if (family == "python") {
    python_imports(text, fn);
  } else if (family == "js") {
    js_imports(text, fn);
  } else if (family == "go") {
    go_imports(text, fn);
  } else if (family == "java") {
    prefixed_imports(text, {"import static ", "import "}, " ;\t", false, fn);
  } else if (family == "ruby") {
    prefixed_imports(text, {"require "}, "", true, fn);
  } else if (family == "php") {
    prefixed_imports(text, {"use "}, " ;\t", false, fn);
  } else if (family == "rust") {
    prefixed_imports(text, {"use ", "pub use ", "extern crate "}, ":; \t{", false, fn);
  }
}

// Files whose mere presence marks a framework.
std::string_view framework_of_config(std::string_view path) {
  std::string_view name = base_of(path);
  if (util::starts_with(name, "next.config.")) return "Next.js";
  if (util::starts_with(name, "nuxt.config.")) return "Nuxt";
  if (util::starts_with(name, "svelte.config.")) return "Svelte";
  if (name == "angular.json") return "Angular";
  if (util::ends_with(name, ".vue")) return "Vue";
  if (util::ends_with(name, ".svelte")) return "Svelte";
  return "";
}

constexpr size_t kMaxEvidence = 10;

std::vector<Framework> detect_frameworks(const AuditInput& input, const std::vector<Manifest>& manifests) {
  struct Found {
    std::vector<Evidence> manifest_evidence, code_evidence;
    std::set<std::string> files;
  };
  std::map<std::string_view, Found> found;
  for (const auto& m : manifests) {
    const std::string* text = input.content(m.path);
    for (const auto& d : m.dependencies)
      for (const auto& r : kDependencyRules)
        if (r.scope == m.ecosystem && rule_matches(r, d.name)) {
          auto& list = found[r.framework].manifest_evidence;
          list.push_back(text ? evidence_line(m.path, *text, d.line) : Evidence{m.path, d.line, d.name});
        }
  }
  for (const auto& f : input.files()) {
    if (!f.analysed()) continue;
    if (auto fw = framework_of_config(f.path); !fw.empty()) {
      auto& entry = found[fw];
      if (entry.files.insert(f.path).second) entry.code_evidence.push_back({f.path, 0, ""});
      continue;
    }
    std::string_view family = import_family(f);
    if (family.empty()) continue;
    std::set<std::string_view> seen;  // one evidence line per framework per file
    scan_imports(f, family, [&](std::string_view module, size_t offset) {
      for (const auto& r : kImportRules) {
        if (r.scope != family || !rule_matches(r, module) || !seen.insert(r.framework).second) continue;
        auto& entry = found[r.framework];
        entry.files.insert(f.path);
        entry.code_evidence.push_back(evidence_at(f.path, f.content, offset));
      }
    });
  }
  std::vector<Framework> out;
  for (auto& [name, entry] : found) {
    const FrameworkInfo* info = nullptr;
    for (const auto& fi : kFrameworks)
      if (fi.name == name) info = &fi;
    if (!info) continue;
    Framework fw{std::string(name), std::string(info->category), std::string(info->language), {}, 0};
    std::sort(entry.manifest_evidence.begin(), entry.manifest_evidence.end());
    std::sort(entry.code_evidence.begin(), entry.code_evidence.end());
    for (auto* list : {&entry.manifest_evidence, &entry.code_evidence})
      for (auto& e : *list)
        if (fw.evidence.size() < kMaxEvidence) fw.evidence.push_back(std::move(e));
    fw.files = static_cast<int>(entry.files.size());
    out.push_back(std::move(fw));
  }
  return out;  // std::map order: sorted by name
}

}  // namespace

StackSection detect_stack(const AuditInput& input) {
  StackSection s;
  try {
    s.manifests = parse_manifests(input, true);
    s.frameworks = detect_frameworks(input, s.manifests);
    s.runtimes = detect_runtimes(input);
  } catch (const std::exception& e) {
    input.diagnostics.add("", 0, std::string("stack detection stopped early: ") + e.what());
  }
  return s;
}

}  // namespace copilot::audit
