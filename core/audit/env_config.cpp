#include "audit/env_config.h"

#include <re2/re2.h>

#include <algorithm>
#include <map>
#include <memory>
#include <set>
#include <unordered_set>

#include "audit/secrets.h"
#include "audit/services.h"
#include "util/parallel.h"
#include "util/strings.h"

namespace copilot::audit {
namespace {

// A variable can be read in hundreds of places; the first few show where.
constexpr size_t kMaxLocations = 20;

std::string_view base_name(std::string_view path) {
  size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

std::unique_ptr<RE2> compile(const char* pattern) {
  RE2::Options opts;
  opts.set_log_errors(false);
  return std::make_unique<RE2>(pattern, opts);
}

enum class Default {
  trailing,  // only `|| x`, `?? x`, ` or x`, `.unwrap_or(...)` after the read
  argument,  // also a second argument: get("X", d), fetch("X") { d }
};

struct ReadPattern {
  std::unique_ptr<RE2> re;  // group 1 is the variable name
  Default fallback;
};

using Patterns = std::vector<ReadPattern>;

// Reads per language family; every name group is a literal variable name.
const Patterns& patterns_for(std::string_view lang) {
  auto make = [](std::initializer_list<std::pair<const char*, Default>> list) {
    Patterns p;
    for (const auto& [re, d] : list) p.push_back({compile(re), d});
    return p;
  };
  static const Patterns python =
      make({{R"(\bos\.environ\s*\[\s*["']([A-Za-z_]\w*)["']\s*\])", Default::trailing},
            {R"(\bos\.environ\.(?:get|setdefault|pop)\(\s*["']([A-Za-z_]\w*)["'])", Default::argument},
            {R"(\bos\.getenv\(\s*["']([A-Za-z_]\w*)["'])", Default::argument},
            // `from os import environ`: only then is a bare `environ` the process environment.
            {R"((?:^|[^.\w])environ\s*\[\s*["']([A-Za-z_]\w*)["']\s*\])", Default::trailing},
            {R"((?:^|[^.\w])environ\.(?:get|setdefault|pop)\(\s*["']([A-Za-z_]\w*)["'])", Default::argument}});
  static const Patterns js = make({{R"(\bprocess\.env\.([A-Za-z_]\w*))", Default::trailing},
                                   {R"(\bprocess\.env\[\s*["'`]([A-Za-z_]\w*)["'`]\s*\])", Default::trailing},
                                   {R"(\bimport\.meta\.env\.([A-Za-z_]\w*))", Default::trailing},
                                   {R"(\bBun\.env\.([A-Za-z_]\w*))", Default::trailing},
                                   {R"(\bDeno\.env\.get\(\s*["']([A-Za-z_]\w*)["']\s*\))", Default::trailing}});
  static const Patterns go = make({{R"re(\bos\.(?:Getenv|LookupEnv)\(\s*"([A-Za-z_]\w*)"\s*\))re", Default::trailing}});
  static const Patterns jvm =
      make({{R"re(\bSystem\.getenv\(\s*"([A-Za-z_]\w*)"\s*\))re", Default::trailing},
            {R"re(\bSystem\.getenv\(\s*\)\s*\.(?:get|getOrDefault)\(\s*"([A-Za-z_]\w*)")re", Default::argument}});
  static const Patterns c =
      make({{R"re((?:^|[^.\w])(?:std::)?(?:secure_)?getenv\(\s*"([A-Za-z_]\w*)"\s*\))re", Default::trailing}});
  static const Patterns ruby = make({{R"(\bENV\[\s*["']([A-Za-z_]\w*)["']\s*\])", Default::trailing},
                                     {R"(\bENV\.fetch\(\s*["']([A-Za-z_]\w*)["'])", Default::argument}});
  static const Patterns rust = make({{R"re(\benv::var(?:_os)?\(\s*"([A-Za-z_]\w*)"\s*\))re", Default::trailing}});
  static const Patterns csharp =
      make({{R"re(\bEnvironment\.GetEnvironmentVariable\(\s*"([A-Za-z_]\w*)"\s*\))re", Default::trailing}});
  static const Patterns php = make({{R"((?:^|[^.\w>])getenv\(\s*["']([A-Za-z_]\w*)["'])", Default::argument},
                                    {R"(\$_ENV\[\s*["']([A-Za-z_]\w*)["']\s*\])", Default::trailing},
                                    {R"((?:^|[^.\w>$])env\(\s*["']([A-Za-z_]\w*)["'])", Default::argument}});
  static const Patterns elixir =
      make({{R"re(\bSystem\.(?:get_env|fetch_env!?)\(\s*"([A-Za-z_]\w*)")re", Default::argument}});
  static const Patterns none;
  if (lang == "python") return python;
  if (lang == "javascript" || lang == "typescript" || lang == "tsx" || lang == "jsx" || lang == "vue" ||
      lang == "svelte")
    return js;
  if (lang == "go") return go;
  if (lang == "java" || lang == "kotlin" || lang == "scala" || lang == "groovy") return jvm;
  if (lang == "c" || lang == "cpp") return c;
  if (lang == "ruby") return ruby;
  if (lang == "rust") return rust;
  if (lang == "csharp") return csharp;
  if (lang == "php") return php;
  if (lang == "elixir") return elixir;
  return none;
}

// Substrings that every read above contains; lines without one are skipped.
constexpr std::string_view kReadHints[] = {"environ", "process.env", "getenv",   "env.",     "env[",
                                           "Getenv",  "LookupEnv",   "ENV",      "env::var", "EnvironmentVariable",
                                           "env(",    "get_env",     "fetch_env"};

// Any hint: one regex, so a file is searched in a single pass.
const RE2& hint_re() {
  static const auto re = [] {
    std::string alternation;
    for (auto h : kReadHints) alternation += (alternation.empty() ? "" : "|") + RE2::QuoteMeta(h);
    RE2::Options opts;
    opts.set_log_errors(false);
    return std::make_unique<RE2>(alternation, opts);
  }();
  return *re;
}

// Indexes of the lines holding a hint.
std::vector<size_t> hint_lines(std::string_view content, const std::vector<std::string_view>& lines) {
  const RE2* re = &hint_re();
  std::vector<size_t> out;
  re2::StringPiece text(content.data(), content.size()), hit;
  auto offset = [&](size_t i) { return static_cast<size_t>(lines[i].data() - content.data()); };
  size_t at = 0;
  while (!lines.empty() && at < content.size() && re->Match(text, at, content.size(), RE2::UNANCHORED, &hit, 1)) {
    size_t pos = static_cast<size_t>(hit.data() - content.data());
    size_t lo = 0, hi = lines.size();  // last line starting at or before pos
    while (hi - lo > 1) {
      size_t mid = (lo + hi) / 2;
      (offset(mid) <= pos ? lo : hi) = mid;
    }
    out.push_back(lo);
    at = lo + 1 < lines.size() ? offset(lo + 1) : content.size();
  }
  return out;
}

bool is_null_word(std::string_view s) {
  for (std::string_view w : {"None", "nil", "null", "undefined", "NULL", "nullptr"})
    if (util::starts_with(s, w) && (s.size() == w.size() || !std::isalnum(static_cast<unsigned char>(s[w.size()]))))
      return true;
  return false;
}

// Whether the text right after a read supplies a fallback.
bool fallback_after(std::string_view rest, Default kind) {
  size_t i = 0;
  auto skip_space = [&] {
    while (i < rest.size() && (rest[i] == ' ' || rest[i] == '\t')) ++i;
  };
  skip_space();
  if (kind == Default::argument) {
    if (i < rest.size() && rest[i] == ',') {
      ++i;
      skip_space();
      return !is_null_word(rest.substr(i));
    }
  }
  if (i < rest.size() && rest[i] == ')') {
    ++i;
    skip_space();
    if (kind == Default::argument && i < rest.size() && rest[i] == '{') return true;  // Ruby fetch block
  }
  std::string_view r = rest.substr(i);
  for (std::string_view op : {"||", "??", "?:", "or ", ".unwrap_or", ".orElse", ".or(", ".getOrElse"})
    if (util::starts_with(r, op)) return true;
  return false;
}

// A Python/Ruby/PHP subscript followed by `=` is a write, not a read.
bool is_assignment(std::string_view rest) {
  auto t = util::trim(rest);
  return t.size() >= 2 && t[0] == '=' && t[1] != '=';
}

struct Read {
  std::string name;
  int line;
  std::string text;
  bool has_default;
};

// `const { A, B = "x", C: alias } = process.env`
void destructured_reads(std::string_view line, int ln, std::vector<Read>& out) {
  static const auto re = compile(R"(\{([^{}]*)\}\s*=\s*process\.env\b)");
  std::string inner;
  if (!RE2::PartialMatch(re2::StringPiece(line.data(), line.size()), *re, &inner)) return;
  for (auto part : util::split(inner, ',')) {
    auto p = util::trim(part);
    size_t end = 0;
    while (end < p.size() && (std::isalnum(static_cast<unsigned char>(p[end])) || p[end] == '_')) ++end;
    if (end == 0 || std::isdigit(static_cast<unsigned char>(p[0]))) continue;
    bool has_default = p.find('=') != std::string_view::npos;
    out.push_back({std::string(p.substr(0, end)), ln, std::string(line), has_default});
  }
}

std::vector<Read> scan_reads(const workspace::FileEntry& f, std::string_view lang) {
  std::vector<Read> out;
  const Patterns& pats = patterns_for(lang);
  if (pats.empty() || !RE2::PartialMatch(re2::StringPiece(f.content), hint_re())) return out;
  // Bare `environ` is only os.environ when imported that way (WSGI handlers
  // call their request dict `environ` too).
  static const auto import_environ = compile(R"((?m)^\s*from\s+os\s+import\b[^\n]*\benviron\b)");
  bool bare_environ =
      lang == "python" && util::contains(f.content, "from os import") && RE2::PartialMatch(f.content, *import_environ);
  auto lines = util::split_lines(f.content);
  for (size_t i : hint_lines(f.content, lines)) {
    std::string_view line = lines[i];
    if (line.size() > 2000) continue;
    int ln = static_cast<int>(i) + 1;
    for (size_t k = 0; k < pats.size(); ++k) {
      if (lang == "python" && k >= 3 && !bare_environ) continue;
      re2::StringPiece in(line.data(), line.size());
      re2::StringPiece groups[2];
      size_t at = 0;
      while (at < line.size() && pats[k].re->Match(in, at, line.size(), RE2::UNANCHORED, groups, 2)) {
        size_t end = static_cast<size_t>(groups[0].data() - line.data()) + groups[0].size();
        at = std::max(end, at + 1);
        std::string_view rest = line.substr(end);
        // The call's quote is consumed; step past it for the fallback check.
        std::string name(groups[1].data(), groups[1].size());
        if (is_assignment(rest)) continue;
        size_t after_name = static_cast<size_t>(groups[1].data() - line.data()) + groups[1].size();
        std::string_view tail = line.substr(after_name);
        while (!tail.empty() && (tail[0] == '"' || tail[0] == '\'' || tail[0] == '`' || tail[0] == ']')) {
          tail.remove_prefix(1);
        }
        if (util::starts_with(util::trim(tail), "+")) continue;  // a prefix: 'APP_' + name
        bool has_default = fallback_after(tail, pats[k].fallback) || fallback_after(rest, Default::trailing);
        out.push_back({std::move(name), ln, std::string(line), has_default});
      }
    }
    if ((lang == "javascript" || lang == "typescript" || lang == "tsx" || lang == "jsx") &&
        util::contains(line, "process.env"))
      destructured_reads(line, ln, out);
  }
  return out;
}

// ---- documentation ----

bool is_readme(std::string_view path) {
  return util::starts_with(util::to_lower(base_name(path)), "readme");
}

bool is_doc(std::string_view path) {
  std::string p = "/" + util::to_lower(path);
  if (!util::contains(p, "/docs/") && !util::contains(p, "/doc/")) return false;
  for (std::string_view ext : {".md", ".mdx", ".rst", ".txt", ".adoc"})
    if (util::ends_with(p, ext)) return true;
  return false;
}

// Keys of an env example: `KEY=`, `export KEY=`, and `# KEY=` for upper-case keys.
std::vector<std::string> example_keys(std::string_view content) {
  std::vector<std::string> out;
  for (auto raw : util::split_lines(content)) {
    auto t = util::trim(raw);
    bool commented = false;
    if (!t.empty() && t[0] == '#') {
      commented = true;
      t = util::trim(t.substr(1));
    }
    if (util::starts_with(t, "export ")) t = util::trim(t.substr(7));
    size_t end = 0;
    while (end < t.size() && (std::isalnum(static_cast<unsigned char>(t[end])) || t[end] == '_')) ++end;
    if (end == 0 || std::isdigit(static_cast<unsigned char>(t[0]))) continue;
    auto rest = util::trim(t.substr(end));
    if (rest.empty() || (rest[0] != '=' && rest[0] != ':')) continue;
    auto key = t.substr(0, end);
    if (commented && std::any_of(key.begin(), key.end(), [](char c) { return c >= 'a' && c <= 'z'; })) continue;
    out.emplace_back(key);
  }
  return out;
}

// Words of a document that are also variable names the code reads.
std::set<std::string> mentioned(std::string_view text, const std::unordered_set<std::string_view>& names) {
  auto word_char = [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  };
  std::set<std::string> out;
  size_t i = 0;
  while (i < text.size()) {
    if (!word_char(text[i])) {
      ++i;
      continue;
    }
    size_t b = i;
    while (i < text.size() && word_char(text[i])) ++i;
    std::string_view word = text.substr(b, i - b);
    if (names.count(word)) out.emplace(word);
  }
  return out;
}

bool is_system_variable(std::string_view name) {
  static const std::unordered_set<std::string_view> kNames = {"PATH",
                                                              "HOME",
                                                              "USER",
                                                              "USERNAME",
                                                              "LOGNAME",
                                                              "SHELL",
                                                              "PWD",
                                                              "OLDPWD",
                                                              "TMPDIR",
                                                              "TMP",
                                                              "TEMP",
                                                              "LANG",
                                                              "LANGUAGE",
                                                              "LC_ALL",
                                                              "LC_CTYPE",
                                                              "LC_MESSAGES",
                                                              "TERM",
                                                              "HOSTNAME",
                                                              "TZ",
                                                              "EDITOR",
                                                              "VISUAL",
                                                              "PAGER",
                                                              "CI",
                                                              "NODE_ENV",
                                                              "PYTHONPATH",
                                                              "JAVA_HOME",
                                                              "GOPATH",
                                                              "GOROOT",
                                                              "USERPROFILE",
                                                              "APPDATA",
                                                              "LOCALAPPDATA",
                                                              "PROGRAMFILES",
                                                              "SYSTEMROOT",
                                                              "COMSPEC",
                                                              "WINDIR",
                                                              "DISPLAY",
                                                              "COLUMNS",
                                                              "LINES",
                                                              "NO_COLOR",
                                                              "FORCE_COLOR",
                                                              "CLICOLOR",
                                                              "VIRTUAL_ENV",
                                                              "CONDA_PREFIX",
                                                              "HTTP_PROXY",
                                                              "HTTPS_PROXY",
                                                              "NO_PROXY",
                                                              "http_proxy",
                                                              "https_proxy",
                                                              "no_proxy",
                                                              "SSL_CERT_FILE",
                                                              "SSL_CERT_DIR",
                                                              "LD_LIBRARY_PATH",
                                                              "DYLD_LIBRARY_PATH",
                                                              "KUBERNETES_SERVICE_HOST",
                                                              "KUBERNETES_SERVICE_PORT",
                                                              "SHLVL",
                                                              "MAIL",
                                                              "SSH_AUTH_SOCK",
                                                              "GITLAB_CI",
                                                              "TRAVIS",
                                                              "JENKINS_URL",
                                                              "BUILD_NUMBER",
                                                              "PYTHONDONTWRITEBYTECODE",
                                                              "PYTHONUNBUFFERED"};
  if (kNames.count(name)) return true;
  for (std::string_view prefix : {"XDG_", "GITHUB_", "RUNNER_", "CARGO_", "npm_", "CIRCLE", "BUILDKITE"})
    if (util::starts_with(name, prefix)) return true;
  return false;
}

const std::map<std::string_view, std::string_view>& extension_languages() {
  static const std::map<std::string_view, std::string_view> table = {{".py", "python"},
                                                                     {".pyw", "python"},
                                                                     {".js", "javascript"},
                                                                     {".mjs", "javascript"},
                                                                     {".cjs", "javascript"},
                                                                     {".jsx", "javascript"},
                                                                     {".ts", "typescript"},
                                                                     {".mts", "typescript"},
                                                                     {".cts", "typescript"},
                                                                     {".tsx", "typescript"},
                                                                     {".go", "go"},
                                                                     {".java", "java"},
                                                                     {".kt", "kotlin"},
                                                                     {".kts", "kotlin"},
                                                                     {".scala", "scala"},
                                                                     {".groovy", "groovy"},
                                                                     {".rb", "ruby"},
                                                                     {".rs", "rust"},
                                                                     {".cs", "csharp"},
                                                                     {".php", "php"},
                                                                     {".c", "c"},
                                                                     {".h", "c"},
                                                                     {".cc", "cpp"},
                                                                     {".cpp", "cpp"},
                                                                     {".cxx", "cpp"},
                                                                     {".hpp", "cpp"},
                                                                     {".hh", "cpp"},
                                                                     {".ex", "elixir"},
                                                                     {".exs", "elixir"},
                                                                     {".swift", "swift"},
                                                                     {".vue", "vue"},
                                                                     {".svelte", "svelte"}};
  return table;
}

}  // namespace

std::string_view code_language(const workspace::FileEntry& f) {
  if (f.language) return f.language->id;
  std::string_view name = base_name(f.path);
  size_t dot = name.rfind('.');
  if (dot == std::string_view::npos) return "";
  std::string ext = util::to_lower(name.substr(dot));
  auto it = extension_languages().find(ext);
  return it == extension_languages().end() ? "" : it->second;
}

bool is_env_example(std::string_view path) {
  std::string name = util::to_lower(base_name(path));
  static constexpr std::string_view kSuffixes[] = {".example", ".sample", ".template", ".dist",
                                                   ".tmpl",    ".tpl",    ".defaults"};
  if (util::starts_with(name, ".env.") || util::starts_with(name, "env.")) {
    for (auto s : kSuffixes)
      if (util::ends_with(name, s)) return true;
  }
  for (std::string_view n : {"example.env", "sample.env", "template.env", ".env-example", ".env_example", ".env-sample",
                             ".env_sample", ".env-dist"})
    if (name == n) return true;
  return false;
}

ConfigSection detect_config(const AuditInput& input) {
  const auto& files = input.files();
  std::vector<std::vector<Read>> reads(files.size());
  util::parallel_for(files.size(), input.options.jobs, [&](size_t i) {
    const auto& f = files[i];
    if (!f.analysed() || is_test_path(f.path)) return;
    try {
      reads[i] = scan_reads(f, code_language(f));
    } catch (const std::exception& e) {
      input.diagnostics.add(f.path, std::string("environment scan failed: ") + e.what());
    }
  });

  std::map<std::string, EnvVariable> vars;
  for (size_t i = 0; i < files.size(); ++i) {
    for (auto& r : reads[i]) {
      auto& v = vars[r.name];
      v.name = r.name;
      v.has_default = v.has_default || r.has_default;
      v.locations.push_back({files[i].path, r.line, evidence_text(files[i].path, r.text)});
    }
  }
  std::unordered_set<std::string_view> names;  // views of the keys of `vars`
  for (auto& [name, v] : vars) {
    names.insert(name);
    std::sort(v.locations.begin(), v.locations.end());
    v.locations.erase(
        std::unique(v.locations.begin(), v.locations.end(),
                    [](const Evidence& a, const Evidence& b) { return a.file == b.file && a.line == b.line; }),
        v.locations.end());
    if (v.locations.size() > kMaxLocations) v.locations.resize(kMaxLocations);
    v.system = is_system_variable(name);
  }

  // What documents them. Only example env files are read as env files: a real
  // .env holds values and is never opened here.
  std::set<std::string> documented, example_keys_all, doc_files;
  for (const auto& f : files) {
    if (!f.analysed()) continue;  // a vendored README documents someone else's code
    std::set<std::string> found;
    if (is_env_example(f.path)) {
      doc_files.insert(f.path);
      for (auto& k : example_keys(f.content)) {
        example_keys_all.insert(k);
        found.insert(std::move(k));
      }
    } else if (is_readme(f.path) || is_doc(f.path)) {
      found = mentioned(f.content, names);
    } else if (is_compose_file(f.path)) {
      // Broken compose YAML is reported by the services section.
      if (auto cf = parse_compose(f.path, f.content, nullptr))
        for (const auto& s : cf->services) found.insert(s.environment.begin(), s.environment.end());
    } else {
      continue;
    }
    bool any = false;
    for (const auto& n : found) {
      if (!names.count(n)) continue;
      documented.insert(n);
      any = true;
    }
    if (any) doc_files.insert(f.path);
  }

  ConfigSection out;
  for (auto& [name, v] : vars) {
    v.documented = documented.count(name) > 0;
    if (!v.documented && !v.system) out.undocumented.push_back(name);
    out.variables.push_back(std::move(v));
  }
  for (const auto& k : example_keys_all)
    if (!names.count(k)) out.example_only.push_back(k);
  out.documented_files.assign(doc_files.begin(), doc_files.end());
  return out;
}

void to_json(nlohmann::json& j, const EnvVariable& v) {
  j = {{"name", v.name},
       {"locations", v.locations},
       {"documented", v.documented},
       {"has_default", v.has_default},
       {"system", v.system}};
}

void to_json(nlohmann::json& j, const ConfigSection& v) {
  j = {{"variables", v.variables},
       {"documented_files", v.documented_files},
       {"undocumented", v.undocumented},
       {"example_only", v.example_only}};
}

}  // namespace copilot::audit
