#include "audit/secrets.h"

#include <re2/re2.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <memory>
#include <set>
#include <unordered_set>

#include "util/hash.h"
#include "util/parallel.h"
#include "util/strings.h"
#include "workspace/classify.h"

namespace copilot::audit {
namespace {

enum class Check {
  none,         // the pattern alone is convincing
  placeholder,  // structured, but reject documented example values
  slack,        // xox tokens carry digits; "xoxb-your-token" does not
  jwt,          // the first segment must decode to a JSON header with "alg"
  private_key,  // the header must be followed by a key body
  random,       // free-form value: placeholder list, character mix, entropy
};

struct Rule {
  std::string_view id;
  std::string_view description;
  std::vector<std::string_view> keywords;  // lower-case; a line needs one before the regex runs
  std::shared_ptr<RE2> re;                 // group `group` is the secret
  int group;
  double confidence;
  Check check;
  bool config_only = false;  // only for key=value config files (unquoted values)
};

std::shared_ptr<RE2> compile(std::string_view pattern) {
  RE2::Options opts;
  opts.set_log_errors(false);
  return std::make_shared<RE2>(re2::StringPiece(pattern.data(), pattern.size()), opts);
}

// Names whose quoted value is likely a credential.
constexpr std::string_view kSecretName =
    R"([A-Za-z0-9_.\-]*(?:password|passwd|passphrase|secret|token|api[_\-]?key|access[_\-]?key|auth[_\-]?key|)"
    R"(private[_\-]?key|credentials?)[A-Za-z0-9_.\-]*)";

const std::vector<Rule>& rules() {
  static const std::vector<Rule> table = [] {
    std::vector<std::string_view> name_words = {
        "password",   "passwd",     "passphrase", "secret",   "token",   "api_key",     "api-key",    "apikey",
        "access_key", "access-key", "accesskey",  "auth_key", "authkey", "private_key", "privatekey", "credential"};
    std::vector<Rule> r;
    r.push_back({"aws_access_key_id",
                 "AWS access key id",
                 {"akia", "asia"},
                 compile(R"(\b((?:AKIA|ASIA)[0-9A-Z]{16})\b)"),
                 1,
                 0.9,
                 Check::placeholder});
    r.push_back({"aws_secret_access_key",
                 "AWS secret access key",
                 {"secret"},
                 compile(R"((?i)secret[_\-.]?access[_\-.]?key["'\]]{0,2}\s*(?::=|=>|=|:)\s*["']?)"
                         R"(([A-Za-z0-9/+=]{40})(?:[^A-Za-z0-9/+=]|$))"),
                 1,
                 0.9,
                 Check::random});
    r.push_back({"github_token",
                 "GitHub token",
                 {"ghp_", "gho_", "ghu_", "ghs_", "ghr_"},
                 compile(R"(\b((?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{36})\b)"),
                 1,
                 0.95,
                 Check::placeholder});
    r.push_back({"github_token",
                 "GitHub fine-grained token",
                 {"github_pat_"},
                 compile(R"(\b(github_pat_[A-Za-z0-9_]{60,255})\b)"),
                 1,
                 0.95,
                 Check::placeholder});
    r.push_back({"gitlab_token",
                 "GitLab personal access token",
                 {"glpat-"},
                 compile(R"((glpat-[A-Za-z0-9_\-]{20,}))"),
                 1,
                 0.95,
                 Check::placeholder});
    r.push_back(
        {"slack_token", "Slack token", {"xox"}, compile(R"(\b(xox[baprs]-[A-Za-z0-9\-]{10,}))"), 1, 0.9, Check::slack});
    r.push_back({"slack_webhook",
                 "Slack incoming webhook URL",
                 {"hooks.slack.com"},
                 compile(R"((https://hooks\.slack\.com/(?:services|workflows|triggers)/[A-Za-z0-9_/]{20,}))"),
                 1,
                 0.9,
                 Check::placeholder});
    r.push_back({"stripe_key",
                 "Stripe live secret key",
                 {"_live_"},
                 compile(R"(\b((?:sk|rk)_live_[A-Za-z0-9]{16,})\b)"),
                 1,
                 0.95,
                 Check::placeholder});
    r.push_back({"google_api_key",
                 "Google API key",
                 {"aiza"},
                 compile(R"(\b(AIza[0-9A-Za-z_\-]{35})(?:[^0-9A-Za-z_\-]|$))"),
                 1,
                 0.9,
                 Check::placeholder});
    r.push_back({"private_key",
                 "Private key block",
                 {"private key"},
                 compile(R"((-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----))"),
                 1,
                 0.95,
                 Check::private_key});
    r.push_back({"jwt",
                 "JSON Web Token",
                 {"eyj"},
                 compile(R"(\b(eyJ[A-Za-z0-9_\-]{8,}\.eyJ[A-Za-z0-9_\-]{8,}\.[A-Za-z0-9_\-]{16,}))"),
                 1,
                 0.8,
                 Check::jwt});
    r.push_back({"url_credentials",
                 "Password in a URL",
                 {"://"},
                 compile(R"(\b[A-Za-z][A-Za-z0-9+.\-]{1,20}://[^\s:/@"'`]{1,64}:([^\s:/@"'`]{6,128})@[A-Za-z0-9_.\-])"),
                 1,
                 0.6,
                 Check::random});
    r.push_back({"bearer_token",
                 "Bearer token",
                 {"bearer "},
                 compile(R"((?i)\bbearer\s+([A-Za-z0-9_\-.=/+~]{20,}))"),
                 1,
                 0.6,
                 Check::random});
    // A name like password/token followed by an assignment of a quoted literal.
    r.push_back({"generic_secret", "Hard-coded secret assigned to a credential-like name", name_words,
                 compile("(?i)(" + std::string(kSecretName) +
                         R"()["'\]]{0,2}\s*(?::=|=>|=|:)\s*[@rbuRBU]?["'`]([^"'`\s\\]{8,200})["'`])"),
                 2, 0.5, Check::random});
    // Unquoted values, only in key=value / key: value config files.
    r.push_back({"generic_secret", "Hard-coded secret assigned to a credential-like name", name_words,
                 compile("(?i)^\\s*(?:export\\s+)?(" + std::string(kSecretName) +
                         R"()\s*(?:=|:)\s*([^\s"'`#;]{8,200})\s*(?:[#;].*)?$)"),
                 2, 0.5, Check::random, true});
    return r;
  }();
  return table;
}

struct KeywordIndex {
  std::unique_ptr<RE2> re;                                // any keyword of any rule
  std::map<std::string_view, std::vector<size_t>> rules;  // keyword -> rule indexes
};

const KeywordIndex& keyword_index() {
  static const KeywordIndex index = [] {
    KeywordIndex k;
    std::string alternation;
    for (size_t r = 0; r < rules().size(); ++r) {
      for (std::string_view kw : rules()[r].keywords) {
        auto& list = k.rules[kw];
        if (list.empty()) alternation += (alternation.empty() ? "" : "|") + RE2::QuoteMeta(kw);
        list.push_back(r);
      }
    }
    RE2::Options opts;
    opts.set_log_errors(false);
    k.re = std::make_unique<RE2>(alternation, opts);
    return k;
  }();
  return index;
}

std::string_view base_name(std::string_view path) {
  size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

bool is_config_file(std::string_view path) {
  std::string name = util::to_lower(base_name(path));
  if (name == ".env" || util::starts_with(name, ".env.") || util::ends_with(name, ".env")) return true;
  for (std::string_view ext : {".properties", ".ini", ".cfg", ".conf", ".yml", ".yaml", ".toml"})
    if (util::ends_with(name, ext)) return true;
  return false;
}

double shannon_entropy(std::string_view s) {
  if (s.empty()) return 0;
  std::array<int, 256> counts{};
  for (unsigned char c : s) ++counts[c];
  double h = 0;
  for (int n : counts) {
    if (!n) continue;
    double p = static_cast<double>(n) / static_cast<double>(s.size());
    h -= p * std::log2(p);
  }
  return h;
}

bool is_placeholder(std::string_view value) {
  std::string v = util::to_lower(value);
  static constexpr std::array kWords = {
      "changeme", "change_me",   "change-me",   "changethis", "change_this", "xxxx",     "example",  "dummy",
      "test",     "sample",      "placeholder", "your",       "fake",        "redacted", "replace",  "insert",
      "todo",     "secret",      "password",    "passwd",     "foobar",      "lorem",    "tiger",    "<",
      ">",        "${",          "{{",          "}}",         "%(",          "$(",       "env(",     "environ",
      "getenv",   "process.env", "****",        "...",        "none",        "null",     "undefined"};
  for (std::string_view w : kWords)
    if (v.find(w) != std::string::npos) return true;
  if (v.empty() || v.front() == '$' || v.front() == '%') return true;
  return std::all_of(v.begin(), v.end(), [&](char c) { return c == v.front(); });
}

// Names that hold something about a secret rather than the secret itself
// ("password_field", "tokenUrl", "access_key_id"), judged word by word.
bool is_descriptive_name(std::string_view name) {
  static const std::unordered_set<std::string> kWords = {
      "name",   "url",     "uri",     "path",   "file",        "filename", "type",     "header",   "length",
      "len",    "format",  "pattern", "label",  "placeholder", "template", "endpoint", "field",    "message",
      "msg",    "prefix",  "suffix",  "public", "policy",      "count",    "size",     "timeout",  "ttl",
      "expiry", "expires", "regex",   "id",     "ids",         "hint",     "help",     "validator"};
  std::string word;
  auto flush = [&] {
    bool hit = kWords.count(word) > 0;
    word.clear();
    return hit;
  };
  for (size_t i = 0; i < name.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(name[i]);
    bool camel_break = std::isupper(c) && i > 0 && std::islower(static_cast<unsigned char>(name[i - 1]));
    if (!std::isalnum(c) || camel_break) {
      if (flush()) return true;
      if (!std::isalnum(c)) continue;
    }
    word.push_back(static_cast<char>(std::tolower(c)));
  }
  return flush();
}

// A free-form value looks random enough to be a real credential.
bool looks_random(std::string_view value) {
  if (is_placeholder(value)) return false;
  if (value.find("://") != std::string_view::npos || value.front() == '/' || util::starts_with(value, "./") ||
      util::starts_with(value, "~/"))
    return false;
  // Patterns and format strings: r'[0-9@#.,E+]', '(?:%s)', '{0}:{1}'.
  if (value.front() == '[' || value.front() == '(' || value.front() == '^' || value.front() == '#' ||
      util::contains(value, "%s") || util::contains(value, "%d") || util::contains(value, "{}") ||
      util::contains(value, "{0}"))
    return false;
  bool lower = false, upper = false, digit = false, symbol = false, dotted = true;
  for (char c : value) {
    if (c >= 'a' && c <= 'z')
      lower = true;
    else if (c >= 'A' && c <= 'Z')
      upper = true;
    else if (c >= '0' && c <= '9')
      digit = true;
    else if (c != '_' && c != '-' && c != '.')
      symbol = true;
  }
  // A dotted identifier ("app.auth.TokenBackend") is a reference, not a secret.
  for (char c : value)
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.')) dotted = false;
  if (dotted && value.find('.') != std::string_view::npos && !std::isdigit(static_cast<unsigned char>(value[0])))
    return false;
  // A snake_case identifier ("fragment_token1") names something rather than being a secret.
  if (!upper && !symbol && value.find('_') != std::string_view::npos &&
      std::count_if(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; }) <= 2)
    return false;
  int classes = lower + upper + digit + symbol;
  if (classes < 2 || !(digit || symbol)) return false;
  double threshold = value.size() >= 16 ? 3.0 : 2.5;
  return shannon_entropy(value) >= threshold;
}

int base64url_value(char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '-' || c == '+') return 62;
  if (c == '_' || c == '/') return 63;
  return -1;
}

std::string base64url_decode(std::string_view in) {
  std::string out;
  int bits = 0, acc = 0;
  for (char c : in) {
    int v = base64url_value(c);
    if (v < 0) break;
    acc = ((acc << 6) | v) & 0xffffff;  // keep the pending bits only
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push_back(static_cast<char>((acc >> bits) & 0xff));
    }
  }
  return out;
}

// The base64 body after a PEM header at `offset`, or "" when there is none
// (code that merely mentions the header, docs with "MIIE..." elisions).
std::string private_key_body(std::string_view content, size_t offset) {
  std::string_view rest = content.substr(offset, 8192);
  size_t end = rest.find("-----END");
  if (end == std::string_view::npos) end = rest.size();
  std::string body;
  for (size_t i = 0; i < end; ++i) {
    char c = rest[i];
    if (c == '\\') {  // "\n" escapes inside string literals
      ++i;
      continue;
    }
    if (std::isalnum(static_cast<unsigned char>(c)) || c == '+' || c == '/' || c == '=') body.push_back(c);
    if (rest.substr(i, 3) == "...") return "";
  }
  return body.size() >= 64 ? body : "";
}

struct RawMatch {
  SecretMatch match;
  size_t length = 0;  // bytes of the secret on its line
  size_t offset = 0;  // byte offset of the secret in the line
};

std::string redact(std::string_view secret) {
  size_t keep = std::min<size_t>(4, secret.size() / 4);
  return std::string(secret.substr(0, keep)) + "****";
}

std::vector<RawMatch> scan(std::string_view path, std::string_view content) {
  std::vector<RawMatch> out;
  auto kind = workspace::classify_path(path);
  if (kind == workspace::FileKind::lock || kind == workspace::FileKind::binary) return out;
  std::string lower(content);
  for (char& c : lower)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  std::vector<size_t> line_starts{0};
  for (size_t i = 0; i < content.size(); ++i)
    if (content[i] == '\n') line_starts.push_back(i + 1);
  const bool config = is_config_file(path);
  const std::string pathstr(path);
  // Test fixtures mostly hold throwaway credentials. They are still reported
  // (a real key pasted into a test is a leak) at half confidence, so a
  // confidence threshold can hide them.
  const double scale = is_test_path(path) ? 0.5 : 1.0;

  // One pass finds every rule keyword; each rule then runs on its lines only.
  const KeywordIndex& index = keyword_index();
  std::vector<std::set<size_t>> candidates(rules().size());  // line indexes per rule
  re2::StringPiece text(lower);
  re2::StringPiece hit;
  for (size_t at = 0; at < lower.size() && index.re->Match(text, at, lower.size(), RE2::UNANCHORED, &hit, 1);) {
    size_t pos = static_cast<size_t>(hit.data() - lower.data());
    size_t idx = std::upper_bound(line_starts.begin(), line_starts.end(), pos) - line_starts.begin() - 1;
    auto it = index.rules.find(std::string_view(hit.data(), hit.size()));
    if (it != index.rules.end())
      for (size_t r : it->second) candidates[r].insert(idx);
    at = pos + 1;  // keywords may overlap ("secret_access_key")
  }

  for (size_t r = 0; r < rules().size(); ++r) {
    const Rule& rule = rules()[r];
    if (rule.config_only && !config) continue;
    for (size_t idx : candidates[r]) {
      size_t begin = line_starts[idx];
      size_t end = idx + 1 < line_starts.size() ? line_starts[idx + 1] - 1 : content.size();
      if (end > begin && content[end - 1] == '\r') --end;
      re2::StringPiece line(content.data() + begin, end - begin);
      re2::StringPiece groups[3];
      size_t at = 0;
      while (at <= line.size() && rule.re->Match(line, at, line.size(), RE2::UNANCHORED, groups, rule.group + 1)) {
        re2::StringPiece whole = groups[0], secret = groups[rule.group];
        at = static_cast<size_t>(whole.data() - line.data()) + std::max<size_t>(whole.size(), 1);
        std::string_view value(secret.data(), secret.size());
        size_t col = static_cast<size_t>(secret.data() - line.data());
        std::string fingerprint_value(value);
        bool ok = true;
        switch (rule.check) {
          case Check::none: break;
          case Check::placeholder: ok = !is_placeholder(value); break;
          case Check::slack:
            ok = !is_placeholder(value) &&
                 std::any_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; });
            break;
          case Check::jwt: {
            std::string header = base64url_decode(value.substr(0, std::min<size_t>(value.find('.'), 512)));
            ok = header.find("\"alg\"") != std::string::npos;
            break;
          }
          case Check::private_key:
            fingerprint_value = private_key_body(content, begin + col + value.size());
            ok = !fingerprint_value.empty();
            break;
          case Check::random: {
            ok = looks_random(value);
            if (ok && rule.id == "generic_secret") {
              ok = !is_descriptive_name(std::string_view(groups[1].data(), groups[1].size()));
              // A literal closes with the quote it opened with ('a|b:"c"' holds no value "a|b:").
              size_t open = col - 1, close = col + value.size();
              if (ok && !rule.config_only) ok = close < line.size() && line[open] == line[close];
            }
            if (ok && rule.id == "url_credentials") {
              // user:password@ where the password repeats the user is a dev default.
              std::string_view w(whole.data(), whole.size());
              size_t scheme = w.find("://");
              ok = w.substr(scheme + 3, value.data() - w.data() - scheme - 4) != value;
            }
            break;
          }
        }
        if (!ok) continue;
        RawMatch m;
        m.match.rule = rule.id;
        m.match.description = rule.description;
        m.match.line = static_cast<int>(idx) + 1;
        m.match.column = static_cast<int>(col) + 1;
        m.match.redacted = redact(fingerprint_value);
        m.match.fingerprint = util::hash_hex(std::string(rule.id) + '\x1f' + pathstr + '\x1f' + fingerprint_value);
        double conf = rule.confidence;
        if (rule.check == Check::random && value.size() >= 20 && shannon_entropy(value) >= 3.5) conf += 0.1;
        m.match.confidence = conf * scale;
        m.offset = col;
        m.length = value.size();
        out.push_back(std::move(m));
      }
    }
  }
  // One match per secret: where spans overlap on a line, keep the most confident.
  std::sort(out.begin(), out.end(), [](const RawMatch& a, const RawMatch& b) {
    if (a.match.line != b.match.line) return a.match.line < b.match.line;
    if (a.match.confidence != b.match.confidence) return a.match.confidence > b.match.confidence;
    return a.offset < b.offset;
  });
  std::vector<RawMatch> kept;
  for (auto& m : out) {
    bool overlaps = std::any_of(kept.begin(), kept.end(), [&](const RawMatch& k) {
      return k.match.line == m.match.line && m.offset < k.offset + k.length && k.offset < m.offset + m.length;
    });
    if (!overlaps) kept.push_back(std::move(m));
  }
  std::sort(kept.begin(), kept.end(), [](const RawMatch& a, const RawMatch& b) {
    return std::tie(a.match.line, a.match.column, a.match.rule) < std::tie(b.match.line, b.match.column, b.match.rule);
  });
  return kept;
}

}  // namespace

bool is_test_path(std::string_view path) {
  std::string p = "/" + util::to_lower(path);
  for (std::string_view dir : {"/test/", "/tests/", "/__tests__/", "/testdata/", "/test_data/", "/fixtures/", "/spec/",
                               "/testing/", "/e2e/", "/__mocks__/", "/mocks/"})
    if (p.find(dir) != std::string::npos) return true;
  std::string_view name = base_name(p);
  size_t dot = name.find('.');
  std::string_view stem = name.substr(0, dot);
  if (util::starts_with(stem, "test_") || util::ends_with(stem, "_test") || util::ends_with(stem, "_tests") ||
      util::ends_with(stem, "_spec") || stem == "conftest" || stem == "tests" || stem == "test")
    return true;
  // Rule fixtures ("sql-injection.positive.py") hold bad code on purpose.
  for (std::string_view marker : {".test.", ".spec.", ".positive.", ".negative.", ".fixture."})
    if (name.find(marker) != std::string_view::npos) return true;
  return (util::ends_with(stem, "test") && util::ends_with(name, ".java")) ||
         (util::ends_with(stem, "tests") && (util::ends_with(name, ".java") || util::ends_with(name, ".cs")));
}

std::vector<SecretMatch> scan_secrets(std::string_view path, std::string_view content) {
  std::vector<SecretMatch> out;
  for (auto& m : scan(path, content)) out.push_back(std::move(m.match));
  return out;
}

std::string redact_secrets(std::string_view path, std::string_view text) {
  auto matches = scan(path, text);
  std::string out(text);
  // Replace from the right so earlier offsets stay valid.
  std::sort(matches.begin(), matches.end(), [](const RawMatch& a, const RawMatch& b) {
    return std::tie(a.match.line, a.offset) > std::tie(b.match.line, b.offset);
  });
  std::vector<size_t> starts{0};
  for (size_t i = 0; i < text.size(); ++i)
    if (text[i] == '\n') starts.push_back(i + 1);
  for (const auto& m : matches) {
    size_t at = starts[m.match.line - 1] + m.offset;
    out.replace(at, m.length, m.match.redacted);
  }
  return out;
}

std::vector<SecretSpan> find_secret_spans(std::string_view path, std::string_view content) {
  std::vector<size_t> starts{0};
  for (size_t i = 0; i < content.size(); ++i)
    if (content[i] == '\n') starts.push_back(i + 1);
  std::vector<SecretSpan> spans;
  for (const auto& m : scan(path, content)) {
    SecretSpan span{starts[m.match.line - 1] + m.offset, m.length, m.match.rule};
    if (m.match.rule == "private_key") {
      size_t end = content.find("-----END", span.offset);
      if (end != std::string_view::npos) end = content.find("-----", end + 8);
      span.length = (end == std::string_view::npos ? content.size() : end + 5) - span.offset;
    }
    if (!spans.empty() && span.offset < spans.back().offset + spans.back().length) continue;
    spans.push_back(std::move(span));
  }
  return spans;
}

std::string evidence_text(std::string_view path, std::string_view line) {
  std::string out = redact_secrets(path, util::trim(line));
  if (out.size() > 200) {
    size_t cut = 200;
    while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xc0) == 0x80) --cut;  // continuation byte
    out.resize(cut);
  }
  return out;
}

void to_json(nlohmann::json& j, const SecretFinding& f) {
  j = {{"file", f.file},
       {"rule", f.match.rule},
       {"description", f.match.description},
       {"line", f.match.line},
       {"column", f.match.column},
       {"redacted", f.match.redacted},
       {"fingerprint", f.match.fingerprint},
       {"confidence", f.match.confidence}};
}

void to_json(nlohmann::json& j, const SecretsSection& s) {
  j = {{"findings", s.findings}, {"suppressed", s.suppressed}};
}

SecretsSection detect_secrets(const AuditInput& input) {
  const auto& files = input.files();
  std::vector<std::vector<SecretMatch>> per_file(files.size());
  util::parallel_for(files.size(), input.options.jobs, [&](size_t i) {
    const auto& f = files[i];
    // Translations, stylesheets and images do not hold credentials worth the scan.
    if (!f.analysed() || workspace::is_prose_or_asset(f.language)) return;
    try {
      per_file[i] = scan_secrets(f.path, f.content);
    } catch (const std::exception& e) {
      input.diagnostics.add(f.path, std::string("secret scan failed: ") + e.what());
    }
  });
  const std::unordered_set<std::string> allow(input.options.secret_allowlist.begin(),
                                              input.options.secret_allowlist.end());
  SecretsSection out;
  for (size_t i = 0; i < files.size(); ++i) {
    for (auto& m : per_file[i]) {
      if (allow.count(m.fingerprint)) {
        ++out.suppressed;
        continue;
      }
      out.findings.push_back({files[i].path, std::move(m)});
    }
  }
  std::sort(out.findings.begin(), out.findings.end(), [](const SecretFinding& a, const SecretFinding& b) {
    return std::tie(a.file, a.match.line, a.match.column, a.match.rule) <
           std::tie(b.file, b.match.line, b.match.column, b.match.rule);
  });
  return out;
}

}  // namespace copilot::audit
