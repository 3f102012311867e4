#include "audit/services.h"

#include <re2/re2.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cctype>
#include <memory>
#include <set>

#include "audit/env_config.h"
#include "audit/secrets.h"
#include "util/parallel.h"
#include "util/strings.h"

namespace copilot::audit {
namespace {

std::string_view base_name(std::string_view path) {
  size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

std::unique_ptr<RE2> compile(const std::string& pattern) {
  RE2::Options opts;
  opts.set_log_errors(false);
  return std::make_unique<RE2>(pattern, opts);
}

// Evidence for one line, with any secret on it redacted.
Evidence make_evidence(const std::string& file, int line, std::string_view text) {
  return {file, line, evidence_text(file, text)};
}

// ---- YAML helpers: tolerate any shape without throwing ----

// n[key], or an undefined node when n is not a map or lacks the key.
YAML::Node child(const YAML::Node& n, const char* key) {
  if (!n.IsDefined() || !n.IsMap()) return YAML::Node(YAML::NodeType::Undefined);
  YAML::Node v = n[key];
  return v.IsDefined() ? v : YAML::Node(YAML::NodeType::Undefined);
}

std::optional<std::string> scalar(const YAML::Node& n) {
  if (n.IsDefined() && n.IsScalar()) return n.Scalar();
  return std::nullopt;
}

int line_of(const YAML::Node& n) {
  return n.Mark().line >= 0 ? n.Mark().line + 1 : 0;
}

void yaml_diagnostic(Diagnostics* diagnostics, const std::string& path, const YAML::Exception& e) {
  if (!diagnostics) return;
  diagnostics->add(path, e.mark.line >= 0 ? e.mark.line + 1 : 0, "invalid YAML: " + e.msg);
}

// ---- Ports written into start commands: --port 8000, --bind 0.0.0.0:8000 ----

std::vector<int> ports_in_command(std::string_view command) {
  static const auto flag = compile(R"((?:^|[\s"'\[,])(?:--port|--http-port|--server\.port|-p)["',\s=]+(\d{2,5})\b)");
  static const auto bind =
      compile(R"((?:^|[\s"'\[,])(?:--bind|-b|--listen|--address)["',\s=]+["']?[\w.\-\[\]]*:(\d{2,5})\b)");
  static const auto fallback = compile(R"(\$\{?(?:[A-Z]+_)?PORT:-(\d{2,5})\}?)");
  std::vector<int> out;
  for (const RE2* re : {flag.get(), bind.get(), fallback.get()}) {
    re2::StringPiece input(command.data(), command.size());
    int port = 0;
    while (RE2::FindAndConsume(&input, *re, &port))
      if (port > 0 && port < 65536) out.push_back(port);
  }
  return out;
}

// ---- Dockerfile ----

struct Instruction {
  std::string keyword;  // upper case
  std::string args;
  int line = 0;
};

std::vector<Instruction> dockerfile_instructions(std::string_view content) {
  static const auto heredoc_re = compile(R"(<<-?["']?([A-Za-z_][A-Za-z0-9_]*)["']?)");
  auto lines = util::split_lines(content);
  char escape = '\\';
  for (auto raw : lines) {  // parser directives sit above everything else
    auto t = util::trim(raw);
    if (t.empty() || t[0] != '#') break;
    std::string d;
    for (char c : t.substr(1))
      if (c != ' ' && c != '\t') d.push_back(c);
    if (util::starts_with(util::to_lower(d), "escape=") && d.size() > 7) escape = d[7];
  }
  std::vector<Instruction> out;
  std::vector<std::string> heredocs;  // pending heredoc delimiters
  std::string current;
  int start = 0;
  size_t i = 0;
  bool continued = false;
  // A heredoc only counts when its closing line exists; otherwise `<<` was
  // something else and must not swallow the rest of the file.
  auto closes_later = [&](std::string_view delim) {
    for (size_t k = i + 1; k < lines.size(); ++k)
      if (util::trim(lines[k]) == delim) return true;
    return false;
  };
  auto emit = [&] {
    auto text = util::trim(current);
    size_t sp = text.find_first_of(" \t");
    Instruction ins;
    ins.keyword = std::string(text.substr(0, sp));
    std::transform(ins.keyword.begin(), ins.keyword.end(), ins.keyword.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    ins.args = sp == std::string_view::npos ? "" : std::string(util::trim(text.substr(sp)));
    ins.line = start;
    if (ins.keyword == "RUN" || ins.keyword == "COPY" || ins.keyword == "ADD") {
      re2::StringPiece in(ins.args);
      std::string delim;
      while (RE2::FindAndConsume(&in, *heredoc_re, &delim))
        if (closes_later(delim)) heredocs.push_back(delim);
    }
    out.push_back(std::move(ins));
    current.clear();
  };
  for (; i < lines.size(); ++i) {
    std::string_view raw = lines[i];
    auto t = util::trim(raw);
    if (!heredocs.empty()) {
      if (t == heredocs.front()) heredocs.erase(heredocs.begin());
      continue;
    }
    // Comment and blank lines are dropped, also in the middle of a continuation.
    if (t.empty() || t[0] == '#') continue;
    if (!continued) start = static_cast<int>(i) + 1;
    if (t.back() == escape) {
      current.append(t.substr(0, t.size() - 1));
      current.push_back(' ');
      continued = true;
      continue;
    }
    current.append(t);
    continued = false;
    emit();
  }
  if (continued) emit();
  return out;
}

std::vector<std::string> words(std::string_view s) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
    size_t b = i;
    while (i < s.size() && s[i] != ' ' && s[i] != '\t') ++i;
    if (i > b) out.emplace_back(s.substr(b, i - b));
  }
  return out;
}

struct StartCommand {
  std::string args;  // raw, unredacted: only used to find ports
  int line = 0;
};

struct StageState {
  DockerStage stage;
  int parent = -1;  // index of the earlier stage this one builds on
  std::optional<std::string> user;
  std::optional<StartCommand> cmd, entrypoint;
  int healthcheck = 0;  // 0 unset, 1 CMD, 2 NONE
  std::vector<ExposedPort> exposed;
};

struct ParsedDockerfile {
  Dockerfile df;
  std::vector<StartCommand> start;  // effective ENTRYPOINT and CMD
};

ParsedDockerfile parse_dockerfile_full(const std::string& path, std::string_view content) {
  ParsedDockerfile parsed;
  Dockerfile& df = parsed.df;
  df.file = path;
  std::vector<StageState> stages;
  for (const auto& ins : dockerfile_instructions(content)) {
    if (ins.keyword == "FROM") {
      StageState s;
      auto w = words(ins.args);
      size_t k = 0;
      while (k < w.size() && util::starts_with(w[k], "--")) ++k;
      if (k < w.size()) s.stage.base_image = w[k];
      if (k + 2 < w.size() && util::to_lower(w[k + 1]) == "as") s.stage.name = w[k + 2];
      s.stage.line = ins.line;
      for (size_t p = 0; p < stages.size(); ++p)
        if (!stages[p].stage.name.empty() && util::to_lower(stages[p].stage.name) == util::to_lower(s.stage.base_image))
          s.parent = static_cast<int>(p);
      stages.push_back(std::move(s));
      continue;
    }
    if (stages.empty()) continue;  // ARG before FROM and the like
    StageState& s = stages.back();
    if (ins.keyword == "USER") {
      auto w = words(ins.args);
      if (!w.empty()) s.user = w[0];
    } else if (ins.keyword == "EXPOSE") {
      for (const auto& w : words(ins.args)) {
        size_t slash = w.find('/');
        ExposedPort p{w.substr(0, slash), slash == std::string::npos ? "tcp" : util::to_lower(w.substr(slash + 1)),
                      ins.line};
        s.exposed.push_back(std::move(p));
      }
    } else if (ins.keyword == "HEALTHCHECK") {
      for (const auto& w : words(ins.args)) {
        if (util::starts_with(w, "--")) continue;
        std::string u = util::to_lower(w);
        s.healthcheck = u == "none" ? 2 : 1;
        break;
      }
    } else if (ins.keyword == "CMD") {
      s.cmd = StartCommand{ins.args, ins.line};
    } else if (ins.keyword == "ENTRYPOINT") {
      s.entrypoint = StartCommand{ins.args, ins.line};
    }
  }
  for (const auto& s : stages) df.stages.push_back(s.stage);
  if (stages.empty()) return parsed;
  // The image is the last stage, inheriting from the stages it builds on.
  std::vector<const StageState*> chain;
  std::set<int> seen;
  for (int i = static_cast<int>(stages.size()) - 1; i >= 0 && seen.insert(i).second; i = stages[i].parent) {
    chain.push_back(&stages[i]);
    if (stages[i].parent < 0) break;
  }
  std::optional<StartCommand> cmd, entrypoint;
  for (const StageState* s : chain) {
    if (!df.user && s->user) df.user = s->user;
    if (!cmd && s->cmd) cmd = s->cmd;
    if (!entrypoint && s->entrypoint) entrypoint = s->entrypoint;
    if (!df.healthcheck && !df.healthcheck_disabled && s->healthcheck) {
      df.healthcheck = s->healthcheck == 1;
      df.healthcheck_disabled = s->healthcheck == 2;
    }
    df.exposed_ports.insert(df.exposed_ports.end(), s->exposed.begin(), s->exposed.end());
  }
  std::sort(df.exposed_ports.begin(), df.exposed_ports.end(), [](const ExposedPort& a, const ExposedPort& b) {
    return std::tie(a.line, a.port) < std::tie(b.line, b.port);
  });
  if (df.user) {
    std::string name = util::to_lower(df.user->substr(0, df.user->find(':')));
    df.non_root = !name.empty() && name != "root" && name != "0";
  }
  if (entrypoint) {
    df.entrypoint = redact_secrets(path, entrypoint->args);
    parsed.start.push_back(*entrypoint);
  }
  if (cmd) {
    df.cmd = redact_secrets(path, cmd->args);
    parsed.start.push_back(*cmd);
  }
  return parsed;
}

}  // namespace

Dockerfile parse_dockerfile(const std::string& path, std::string_view content) {
  return parse_dockerfile_full(path, content).df;
}

bool is_dockerfile(std::string_view path) {
  std::string name = util::to_lower(base_name(path));
  if (util::ends_with(name, ".md") || util::ends_with(name, ".txt")) return false;
  return name == "dockerfile" || name == "containerfile" || util::starts_with(name, "dockerfile.") ||
         util::starts_with(name, "containerfile.") || util::ends_with(name, ".dockerfile");
}

namespace {

// Ports a Dockerfile's start commands name.
void dockerfile_ports(const ParsedDockerfile& parsed, std::string_view content, std::vector<ListenPort>& out) {
  auto lines = util::split_lines(content);
  for (const auto& start : parsed.start) {
    std::string_view text =
        start.line >= 1 && static_cast<size_t>(start.line) <= lines.size() ? lines[start.line - 1] : "";
    for (int port : ports_in_command(start.args))
      out.push_back({port, "command", make_evidence(parsed.df.file, start.line, text)});
  }
}

// ---- Compose ----

std::string render_port(const YAML::Node& n) {
  if (auto s = scalar(n)) return *s;
  if (!n.IsMap()) return "";
  std::string out;
  if (auto ip = scalar(child(n, "host_ip"))) out += *ip + ":";
  if (auto pub = scalar(child(n, "published"))) out += *pub + ":";
  out += scalar(child(n, "target")).value_or("");
  auto proto = scalar(child(n, "protocol"));
  if (proto && *proto != "tcp") out += "/" + *proto;
  return out;
}

std::string render_volume(const YAML::Node& n) {
  if (auto s = scalar(n)) return *s;
  auto source = scalar(child(n, "source"));
  auto target = scalar(child(n, "target")).value_or("");
  return source ? *source + ":" + target : target;
}

// Names from a list (["a", "b"], or "KEY=value" items) or the keys of a map.
std::vector<std::string> names_of(const YAML::Node& n, bool split_equals) {
  std::vector<std::string> out;
  if (n.IsSequence()) {
    for (const auto& item : n)
      if (auto s = scalar(item)) out.push_back(split_equals ? s->substr(0, s->find('=')) : *s);
  } else if (n.IsMap()) {
    for (const auto& kv : n)
      if (auto s = scalar(kv.first)) out.push_back(*s);
  }
  for (auto& s : out) s = std::string(util::trim(s));
  out.erase(std::remove(out.begin(), out.end(), ""), out.end());
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

ComposeService compose_service(const std::string& name, const YAML::Node& key, const YAML::Node& svc) {
  ComposeService s;
  s.name = name;
  s.line = line_of(key);
  s.image = scalar(child(svc, "image"));
  YAML::Node build = child(svc, "build");
  if (auto b = scalar(build)) {
    s.build = *b;
  } else if (build.IsMap()) {
    s.build = scalar(child(build, "context")).value_or(".");
  }
  YAML::Node ports = child(svc, "ports");
  if (ports.IsSequence())
    for (const auto& p : ports)
      if (auto r = render_port(p); !r.empty()) s.ports.push_back(r);
  YAML::Node volumes = child(svc, "volumes");
  if (volumes.IsSequence())
    for (const auto& v : volumes)
      if (auto r = render_volume(v); !r.empty()) s.volumes.push_back(r);
  s.depends_on = names_of(child(svc, "depends_on"), false);
  s.environment = names_of(child(svc, "environment"), true);
  YAML::Node hc = child(svc, "healthcheck");
  if (hc.IsMap()) {
    bool disabled = scalar(child(hc, "disable")).value_or("") == "true";
    YAML::Node test = child(hc, "test");
    std::string first = test.IsSequence() && test.size() > 0 ? scalar(test[0]).value_or("") : scalar(test).value_or("");
    s.healthcheck = !disabled && first != "NONE";
  }
  return s;
}

}  // namespace

bool is_compose_file(std::string_view path) {
  std::string name = util::to_lower(base_name(path));
  bool yaml = util::ends_with(name, ".yml") || util::ends_with(name, ".yaml");
  return yaml && (util::starts_with(name, "docker-compose") || util::starts_with(name, "compose"));
}

std::optional<ComposeFile> parse_compose(const std::string& path, std::string_view content, Diagnostics* diagnostics) {
  YAML::Node root;
  try {
    root = YAML::Load(std::string(content));
  } catch (const YAML::Exception& e) {
    yaml_diagnostic(diagnostics, path, e);
    return std::nullopt;
  }
  ComposeFile cf;
  cf.file = path;
  try {
    YAML::Node services = child(root, "services");
    bool legacy = !services.IsMap() && root.IsMap() && !child(root, "version").IsDefined();
    if (legacy) services = root;  // version 1 files list services at the top level
    if (services.IsMap()) {
      for (const auto& kv : services) {
        auto name = scalar(kv.first);
        if (!name || !kv.second.IsMap()) continue;
        if (legacy && !child(kv.second, "image").IsDefined() && !child(kv.second, "build").IsDefined()) continue;
        cf.services.push_back(compose_service(*name, kv.first, kv.second));
      }
    }
  } catch (const YAML::Exception& e) {
    yaml_diagnostic(diagnostics, path, e);
  }
  std::sort(cf.services.begin(), cf.services.end(),
            [](const ComposeService& a, const ComposeService& b) { return a.name < b.name; });
  return cf;
}

namespace {

// ---- Kubernetes ----

bool may_be_kubernetes(std::string_view path, std::string_view content) {
  std::string lower = util::to_lower(path);
  if (!(util::ends_with(lower, ".yml") || util::ends_with(lower, ".yaml"))) return false;
  if (is_compose_file(path) || util::starts_with(lower, ".github/") || util::contains(lower, "/.github/")) return false;
  std::string name = util::to_lower(base_name(path));
  if (name == "chart.yaml" || name == "chart.yml" || util::starts_with(name, "values")) return false;
  if (!util::contains(content, "apiVersion") || !util::contains(content, "kind")) return false;
  // Helm and Jinja templates are not YAML until rendered.
  return !util::contains(content, "{{") && !util::contains(content, "{%");
}

void collect_containers(const YAML::Node& spec, int depth, std::vector<K8sContainer>& out) {
  if (depth > 6 || !spec.IsMap()) return;
  YAML::Node containers = child(spec, "containers");
  if (containers.IsSequence()) {
    for (const auto& c : containers) {
      if (!c.IsMap()) continue;
      K8sContainer k;
      k.name = scalar(child(c, "name")).value_or("");
      k.image = scalar(child(c, "image")).value_or("");
      k.liveness_probe = child(c, "livenessProbe").IsMap();
      k.readiness_probe = child(c, "readinessProbe").IsMap();
      YAML::Node limits = child(child(c, "resources"), "limits");
      k.resource_limits = limits.IsMap() && limits.size() > 0;
      out.push_back(std::move(k));
    }
  }
  for (const char* key : {"template", "spec", "jobTemplate"}) collect_containers(child(spec, key), depth + 1, out);
}

// Aliases can repeat one List many times; a manifest file rarely holds more.
constexpr size_t kMaxObjectsPerFile = 1000;

void kubernetes_object(const std::string& path, const YAML::Node& doc, std::vector<K8sResource>& out, int depth = 0) {
  auto api = scalar(child(doc, "apiVersion"));
  auto kind = scalar(child(doc, "kind"));
  if (!api || !kind || depth > 2) return;
  if (*kind == "List") {
    YAML::Node items = child(doc, "items");
    if (items.IsSequence())
      for (const auto& item : items) kubernetes_object(path, item, out, depth + 1);
    return;
  }
  if (out.size() >= kMaxObjectsPerFile) return;
  K8sResource r;
  r.file = path;
  r.line = line_of(doc);
  r.kind = *kind;
  YAML::Node meta = child(doc, "metadata");
  r.name = scalar(child(meta, "name")).value_or("");
  r.namespace_ = scalar(child(meta, "namespace"));
  collect_containers(child(doc, "spec"), 0, r.containers);
  out.push_back(std::move(r));
}

std::vector<K8sResource> parse_kubernetes(const std::string& path, std::string_view content, Diagnostics& diags) {
  std::vector<K8sResource> out;
  try {
    for (const auto& doc : YAML::LoadAll(std::string(content)))
      if (doc.IsMap()) kubernetes_object(path, doc, out);
  } catch (const YAML::Exception& e) {
    yaml_diagnostic(&diags, path, e);
  }
  return out;
}

// ---- Helm, Procfile ----

std::optional<HelmChart> parse_chart(const std::string& path, std::string_view content, Diagnostics& diags) {
  try {
    YAML::Node root = YAML::Load(std::string(content));
    if (!root.IsMap()) {
      diags.add(path, "Chart.yaml is not a mapping");
      return std::nullopt;
    }
    HelmChart c;
    c.file = path;
    c.name = scalar(child(root, "name")).value_or("");
    c.version = scalar(child(root, "version"));
    c.app_version = scalar(child(root, "appVersion"));
    return c;
  } catch (const YAML::Exception& e) {
    yaml_diagnostic(&diags, path, e);
    return std::nullopt;
  }
}

void parse_procfile(const std::string& path, std::string_view content, std::vector<ProcfileEntry>& entries,
                    std::vector<ListenPort>& ports) {
  auto lines = util::split_lines(content);
  for (size_t i = 0; i < lines.size(); ++i) {
    auto t = util::trim(lines[i]);
    if (t.empty() || t[0] == '#') continue;
    size_t colon = t.find(':');
    if (colon == std::string_view::npos || colon == 0) continue;
    auto name = t.substr(0, colon);
    if (!std::all_of(name.begin(), name.end(),
                     [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-'; }))
      continue;
    int line = static_cast<int>(i) + 1;
    auto command = util::trim(t.substr(colon + 1));
    entries.push_back({path, std::string(name), redact_secrets(path, command), line});
    for (int port : ports_in_command(command)) ports.push_back({port, "command", make_evidence(path, line, t)});
  }
}

// ---- Ports and health routes in code ----

bool is_code(std::string_view lang) {
  static const std::set<std::string_view> kCode = {"python", "javascript", "typescript", "tsx",    "jsx",    "go",
                                                   "java",   "kotlin",     "ruby",       "rust",   "csharp", "php",
                                                   "scala",  "c",          "cpp",        "elixir", "groovy", "swift"};
  return kCode.count(lang) > 0;
}

bool allowed_port_variable(std::string_view name) {
  if (name == "PORT") return true;
  static const std::set<std::string_view> kPrefixes = {"HTTP", "HTTPS",   "SERVER",      "APP",  "LISTEN", "WEB",
                                                       "API",  "SERVICE", "APPLICATION", "BIND", "PUBLIC"};
  return util::ends_with(name, "_PORT") && kPrefixes.count(name.substr(0, name.size() - 5)) > 0;
}

struct PortRe {
  std::unique_ptr<RE2> re;
  const char* source;
  bool server_context;  // only next to a server start call (`port=` keyword arguments)
};

const std::vector<PortRe>& port_patterns() {
  static const std::vector<PortRe> table = [] {
    std::vector<PortRe> t;
    auto add = [&](const char* re, const char* source, bool ctx = false) { t.push_back({compile(re), source, ctx}); };
    add(R"(\.[Ll]isten\(\s*["']?(?:[\w.\-]*:)?(\d{2,5})\b)", "code");
    add(R"re((?:ListenAndServe(?:TLS)?|Listen|Run|Start|Serve|RunTLS)\(\s*(?:"tcp[46]?"\s*,\s*)?"[\w.\-]*:(\d{2,5})")re",
        "code");
    add(R"re(\bAddr\s*:\s*"[\w.\-]*:(\d{2,5})")re", "code");
    add(R"(\bport\s*=\s*["']?(\d{2,5})\b)", "code", true);
    add(R"((?:bind|Server)\(\s*\(\s*["'][^"']*["']\s*,\s*(\d{2,5})\s*\))", "code");
    add(R"re(\bbind\(\s*"[\w.\-\[\]]*:(\d{2,5})")re", "code");
    add(R"(make_server\(\s*["'][^"']*["']\s*,\s*(\d{2,5}))", "code");
    add(R"(^\s*bind\s*=\s*\[?\s*["'][\w.\-]*:(\d{2,5})["'])", "config");  // gunicorn.conf.py
    add(R"((?:ServerSocket|InetSocketAddress)\(\s*(\d{2,5})\s*\))", "code");
    add(R"((?:\bport|setPort|ListenAnyIP|ListenLocalhost)\(\s*(\d{2,5})\s*\))", "code");
    add(R"((?:UseUrls|Urls\.Add)\(\s*"https?://[^"]*:(\d{2,5}))", "code");
    add(R"(SocketAddr::from\(\(\s*\[[\d,\s]+\]\s*,\s*(\d{2,5})\s*\)\))", "code");
    add(R"(\bset\s+:port\s*,\s*(\d{2,5}))", "code");
    add(R"(^\s*port\s+(\d{2,5})\s*$)", "config");  // puma.rb
    return t;
  }();
  return table;
}

// `PORT` read from the environment with a literal fallback.
const RE2& env_port_re() {
  static const auto re =
      compile(R"(\b((?:[A-Z]+_)*PORT)\b["'\]]*\s*\)?\s*(?:\|\||\?\?|,|\bor\b|:-|\{|\.unwrap_or\()\s*["']?(\d{2,5})\b)");
  return *re;
}

// Whether the call enclosing byte `col` of line `i` (looking back up to three
// lines) starts a server: `uvicorn.run(app, port=8000)` yes, `Redis(port=6379)` no.
bool inside_server_call(const std::vector<std::string_view>& lines, size_t i, size_t col) {
  static constexpr std::string_view kCalls[] = {"run",    "serve",        "run_app",     "run_simple",    "Server",
                                                "Config", "start_server", "make_server", "create_server", "listen"};
  int depth = 0;
  for (size_t k = i + 1; k-- > 0 && i - k <= 3;) {
    std::string_view line = lines[k];
    size_t pos = k == i ? std::min(col, line.size()) : line.size();
    while (pos-- > 0) {
      char c = line[pos];
      if (c == ')') ++depth;
      if (c != '(') continue;
      if (depth-- > 0) continue;
      size_t b = pos;
      while (b > 0 && (std::isalnum(static_cast<unsigned char>(line[b - 1])) || line[b - 1] == '_')) --b;
      std::string_view name = line.substr(b, pos - b);
      for (auto call : kCalls)
        if (util::ends_with(name, call)) return true;
      return false;
    }
  }
  return false;
}

bool has_any(std::string_view line, std::initializer_list<std::string_view> needles) {
  for (auto n : needles)
    if (line.find(n) != std::string_view::npos) return true;
  return false;
}

// Matches run on `code` (comments stripped); evidence shows the whole line.
void scan_port_line(const std::string& file, const std::vector<std::string_view>& lines,
                    const std::vector<std::string_view>& code, size_t i, std::vector<ListenPort>& out) {
  std::string_view line = code[i];
  std::string_view shown = lines[i];
  int ln = static_cast<int>(i) + 1;
  re2::StringPiece sp(line.data(), line.size());
  for (const auto& p : port_patterns()) {
    re2::StringPiece groups[2];
    if (!p.re->Match(sp, 0, line.size(), RE2::UNANCHORED, groups, 2)) continue;
    int port = std::atoi(std::string(groups[1].data(), groups[1].size()).c_str());
    if (port <= 0 || port > 65535) continue;
    if (p.server_context && !inside_server_call(code, i, static_cast<size_t>(groups[0].data() - line.data()))) continue;
    out.push_back({port, p.source, make_evidence(file, ln, shown)});
  }
  if (has_any(line, {"PORT"})) {
    re2::StringPiece in = sp;
    std::string name;
    int port = 0;
    while (RE2::FindAndConsume(&in, env_port_re(), &name, &port)) {
      if (!allowed_port_variable(name) || port <= 0 || port > 65535) continue;
      out.push_back({port, "env_default", make_evidence(file, ln, shown)});
    }
  }
}

// `app.listen(port)` where `port = 3000` is set in the same file.
void resolve_listen_identifiers(const std::string& file, const std::vector<std::string_view>& lines,
                                const std::vector<std::string_view>& code, std::vector<ListenPort>& out) {
  static const auto call = compile(R"(\.[Ll]isten\(\s*([A-Za-z_]\w*)\s*[,)])");
  std::set<std::string> names;
  for (auto line : code) {
    if (!util::contains(line, "isten(")) continue;
    std::string name;
    if (RE2::PartialMatch(re2::StringPiece(line.data(), line.size()), *call, &name)) names.insert(name);
  }
  for (const auto& name : names) {
    auto assign = compile("\\b" + name + R"(\s*(?::\s*\w+\s*)?=\s*["']?(\d{2,5})\b)");
    for (size_t i = 0; i < code.size(); ++i) {
      if (!util::contains(code[i], name)) continue;
      int port = 0;
      if (RE2::PartialMatch(re2::StringPiece(code[i].data(), code[i].size()), *assign, &port) && port > 0 &&
          port < 65536)
        out.push_back({port, "code", make_evidence(file, static_cast<int>(i) + 1, lines[i])});
    }
  }
}

// Route literals whose last segment names a health check.
void scan_health_line(const std::string& file, std::string_view line, std::string_view shown, int ln,
                      std::vector<HealthEndpoint>& out) {
  static const auto literal = compile(R"(["'`]\^?(/?[A-Za-z0-9_.\-{}:/]{1,80}?)\$?["'`])");
  static const std::set<std::string_view> kAnywhere = {"health",       "healthz", "healthcheck", "health-check",
                                                       "health_check", "ready",   "readyz",      "readiness",
                                                       "live",         "livez",   "liveness"};
  static const std::set<std::string_view> kTopLevel = {"status", "ping"};
  static const std::set<std::string_view> kPrefixes = {"api", "v1", "v2", "v3", "internal", "_", "-"};
  std::string lower = util::to_lower(line);
  auto trimmed = util::trim(lower);
  // Imports name modules, and client calls hit routes rather than serve them.
  if (util::starts_with(trimmed, "import") || util::starts_with(trimmed, "from ") ||
      has_any(lower, {"require(", "fetch(", "axios", "client.", "requests.", "http.get(", "newrequest", "httpx.",
                      "urlopen", "resttemplate", "webclient", "curl"}))
    return;
  bool health_checks_call = util::contains(line, "HealthChecks(");
  if (!health_checks_call && !has_any(lower, {"get", "route", "handle", "mapping", "path(", "url(", "use(", "endpoint",
                                              "map", "@", "router", "mux", "all(", "head(", "app."}))
    return;
  re2::StringPiece in(line.data(), line.size());
  std::string path;
  while (RE2::FindAndConsume(&in, *literal, &path)) {
    if (path.find('/') == std::string::npos || util::contains(path, "://") || path[0] == '.') continue;
    std::vector<std::string> segs;
    for (auto s : util::split(path, '/'))
      if (!s.empty()) segs.push_back(util::to_lower(s));
    if (segs.empty() || segs.size() > 4) continue;
    const std::string& last = segs.back();
    bool ok = health_checks_call || kAnywhere.count(last) > 0 || kAnywhere.count(segs.front()) > 0;
    if (!ok && kTopLevel.count(last)) ok = segs.size() == 1 || (segs.size() == 2 && kPrefixes.count(segs[0]) > 0);
    if (ok) out.push_back({path, make_evidence(file, ln, shown)});
  }
}

// Indexes of the lines holding a match of `re`, found in one pass over the file.
std::vector<size_t> lines_matching(std::string_view content, const std::vector<std::string_view>& lines,
                                   const RE2& re) {
  std::vector<size_t> out;
  re2::StringPiece text(content.data(), content.size()), hit;
  auto offset = [&](size_t i) { return static_cast<size_t>(lines[i].data() - content.data()); };
  size_t at = 0;
  while (at < content.size() && re.Match(text, at, content.size(), RE2::UNANCHORED, &hit, 1)) {
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

// The code on a line, without its comment: examples in comments and
// docstring prompts (">>>") are not call sites.
std::string_view code_part(std::string_view line, bool hash_comments) {
  auto t = util::trim(line);
  for (std::string_view marker : {"//", "/*", "*", "<!--", ">>>"})
    if (util::starts_with(t, marker)) return {};
  if (hash_comments && util::starts_with(t, "#")) return {};
  char quote = 0;
  for (size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    if (quote) {
      if (c == '\\')
        ++i;
      else if (c == quote)
        quote = 0;
    } else if (c == '"' || c == '\'' || c == '`') {
      quote = c;
    } else if (hash_comments ? c == '#' : (c == '/' && i + 1 < line.size() && line[i + 1] == '/')) {
      return line.substr(0, i);
    }
  }
  return line;
}

bool word_start(std::string_view line, std::string_view word) {
  for (size_t at = line.find(word); at != std::string_view::npos; at = line.find(word, at + 1)) {
    char before = at == 0 ? ' ' : line[at - 1];
    if (!std::isalnum(static_cast<unsigned char>(before))) return true;
  }
  return false;
}

void scan_code(const workspace::FileEntry& f, std::string_view lang, std::vector<ListenPort>& ports,
               std::vector<HealthEndpoint>& health) {
  static const auto hints = compile(
      R"(isten|\bport|_port|PORT|Port|bind|Run\(|Start\(|Addr|Urls|Serve|Server\(|health|Health|\bready|\blive|/status|\bping)");
  auto lines = util::split_lines(f.content);
  if (lines.empty()) return;
  auto candidates = lines_matching(f.content, lines, *hints);
  if (candidates.empty()) return;
  const bool hash = lang == "python" || lang == "ruby" || lang == "elixir";
  std::vector<std::string_view> code(lines.size());
  for (size_t i = 0; i < lines.size(); ++i) code[i] = code_part(lines[i], hash);
  for (size_t i : candidates) {
    std::string_view line = code[i];
    if (line.empty() || line.size() > 1000) continue;  // comments; minified or data lines
    // "port" only at a word start: import/export/report/support lines are everywhere.
    if (has_any(line,
                {"isten", "PORT", "Port", "_port", "bind", "Run(", "Start(", "Addr", "Urls", "Serve", "Server("}) ||
        word_start(line, "port"))
      scan_port_line(f.path, lines, code, i, ports);
    if (has_any(line, {"health", "Health", "ready", "live", "status", "ping"}))
      scan_health_line(f.path, line, lines[i], static_cast<int>(i) + 1, health);
  }
  if (util::contains(f.content, "isten(")) resolve_listen_identifiers(f.path, lines, code, ports);
}

// server.port in Spring properties / YAML; ${PORT:8080} fallbacks there too.
void scan_spring_config(const workspace::FileEntry& f, std::vector<ListenPort>& ports) {
  static const auto prop = compile(R"(^\s*server\.port\s*[=:]\s*(\d{2,5})\s*$)");
  static const auto placeholder = compile(R"(\$\{((?:[A-Z]+_)*PORT):(\d{2,5})\})");
  auto lines = util::split_lines(f.content);
  int server_indent = -1;
  for (size_t i = 0; i < lines.size(); ++i) {
    std::string_view line = lines[i];
    int ln = static_cast<int>(i) + 1;
    auto t = util::trim(line);
    int indent = static_cast<int>(line.find_first_not_of(' '));
    if (!t.empty() && t[0] != '#' && server_indent >= 0 && indent <= server_indent) server_indent = -1;
    if (t == "server:") server_indent = indent;
    re2::StringPiece sp(line.data(), line.size());
    int port = 0;
    std::string name;
    if (RE2::PartialMatch(sp, *prop, &port)) ports.push_back({port, "config", make_evidence(f.path, ln, line)});
    if (server_indent >= 0 && indent > server_indent && util::starts_with(t, "port:")) {
      auto v = util::trim(t.substr(5));
      if (!v.empty() && std::all_of(v.begin(), v.end(), [](char c) { return c >= '0' && c <= '9'; }) && v.size() <= 5)
        ports.push_back({std::stoi(std::string(v)), "config", make_evidence(f.path, ln, line)});
    }
    if (util::contains(line, "PORT:") && RE2::PartialMatch(sp, *placeholder, &name, &port) &&
        allowed_port_variable(name))
      ports.push_back({port, "env_default", make_evidence(f.path, ln, line)});
  }
}

bool is_spring_config(std::string_view path) {
  std::string name = util::to_lower(base_name(path));
  return util::starts_with(name, "application") &&
         (util::ends_with(name, ".properties") || util::ends_with(name, ".yml") || util::ends_with(name, ".yaml"));
}

// Spring Boot Actuator serves /actuator/health once it is a dependency.
void scan_build_file(const workspace::FileEntry& f, std::vector<HealthEndpoint>& health) {
  if (!util::contains(f.content, "spring-boot-starter-actuator")) return;
  auto lines = util::split_lines(f.content);
  for (size_t i = 0; i < lines.size(); ++i)
    if (util::contains(lines[i], "spring-boot-starter-actuator")) {
      health.push_back({"/actuator/health", make_evidence(f.path, static_cast<int>(i) + 1, lines[i])});
      return;
    }
}

struct PerFile {
  std::optional<Dockerfile> dockerfile;
  std::optional<ComposeFile> compose;
  std::vector<K8sResource> kubernetes;
  std::optional<HelmChart> chart;
  std::vector<ProcfileEntry> procfile;
  std::vector<ListenPort> ports;
  std::vector<HealthEndpoint> health;
};

void analyse(const workspace::FileEntry& f, Diagnostics& diags, PerFile& out) {
  std::string name(base_name(f.path));
  if (is_dockerfile(f.path)) {
    auto parsed = parse_dockerfile_full(f.path, f.content);
    if (parsed.df.stages.empty()) diags.add(f.path, "Dockerfile has no FROM instruction");
    dockerfile_ports(parsed, f.content, out.ports);
    out.dockerfile = std::move(parsed.df);
    return;
  }
  if (is_compose_file(f.path)) {
    out.compose = parse_compose(f.path, f.content, &diags);
    return;
  }
  if (name == "Chart.yaml" || name == "Chart.yml") {
    out.chart = parse_chart(f.path, f.content, diags);
    return;
  }
  if (name == "Procfile" || util::starts_with(name, "Procfile.")) {
    parse_procfile(f.path, f.content, out.procfile, out.ports);
    return;
  }
  if (is_spring_config(f.path)) scan_spring_config(f, out.ports);
  if (name == "pom.xml" || name == "build.gradle" || name == "build.gradle.kts") scan_build_file(f, out.health);
  if (may_be_kubernetes(f.path, f.content)) {
    out.kubernetes = parse_kubernetes(f.path, f.content, diags);
    return;
  }
  std::string_view lang = code_language(f);
  if (is_code(lang) && !is_test_path(f.path)) scan_code(f, lang, out.ports, out.health);
}

}  // namespace

ServicesSection detect_services(const AuditInput& input) {
  const auto& files = input.files();
  std::vector<PerFile> per(files.size());
  util::parallel_for(files.size(), input.options.jobs, [&](size_t i) {
    const auto& f = files[i];
    if (!f.analysed() || workspace::is_prose_or_asset(f.language)) return;
    try {
      analyse(f, input.diagnostics, per[i]);
    } catch (const std::exception& e) {
      input.diagnostics.add(f.path, std::string("services scan failed: ") + e.what());
      per[i] = PerFile{};
    }
  });
  ServicesSection out;
  for (auto& p : per) {
    if (p.dockerfile) out.dockerfiles.push_back(std::move(*p.dockerfile));
    if (p.compose) out.compose.push_back(std::move(*p.compose));
    if (p.chart) out.helm_charts.push_back(std::move(*p.chart));
    for (auto& k : p.kubernetes) out.kubernetes.push_back(std::move(k));
    for (auto& e : p.procfile) out.procfile.push_back(std::move(e));
    for (auto& l : p.ports) out.listen_ports.push_back(std::move(l));
    for (auto& h : p.health) out.health_endpoints.push_back(std::move(h));
  }
  // Files arrive sorted by path; the per-file lists keep their own order.
  std::sort(out.listen_ports.begin(), out.listen_ports.end(), [](const ListenPort& a, const ListenPort& b) {
    return std::tie(a.port, a.evidence.file, a.evidence.line, a.source) <
           std::tie(b.port, b.evidence.file, b.evidence.line, b.source);
  });
  out.listen_ports.erase(std::unique(out.listen_ports.begin(), out.listen_ports.end(),
                                     [](const ListenPort& a, const ListenPort& b) {
                                       return a.port == b.port && a.evidence.file == b.evidence.file &&
                                              a.evidence.line == b.evidence.line;
                                     }),
                         out.listen_ports.end());
  std::sort(
      out.health_endpoints.begin(), out.health_endpoints.end(), [](const HealthEndpoint& a, const HealthEndpoint& b) {
        return std::tie(a.evidence.file, a.evidence.line, a.path) < std::tie(b.evidence.file, b.evidence.line, b.path);
      });
  out.health_endpoints.erase(std::unique(out.health_endpoints.begin(), out.health_endpoints.end(),
                                         [](const HealthEndpoint& a, const HealthEndpoint& b) {
                                           return a.path == b.path && a.evidence.file == b.evidence.file &&
                                                  a.evidence.line == b.evidence.line;
                                         }),
                             out.health_endpoints.end());
  auto by_file_line = [](const auto& a, const auto& b) { return std::tie(a.file, a.line) < std::tie(b.file, b.line); };
  std::sort(out.kubernetes.begin(), out.kubernetes.end(), by_file_line);
  std::sort(out.procfile.begin(), out.procfile.end(), by_file_line);
  auto by_file = [](const auto& a, const auto& b) { return a.file < b.file; };
  std::sort(out.dockerfiles.begin(), out.dockerfiles.end(), by_file);
  std::sort(out.compose.begin(), out.compose.end(), by_file);
  std::sort(out.helm_charts.begin(), out.helm_charts.end(), by_file);
  return out;
}

// ---- JSON ----

namespace {
template <typename T>
nlohmann::json opt(const std::optional<T>& v) {
  return v ? nlohmann::json(*v) : nlohmann::json(nullptr);
}
}  // namespace

void to_json(nlohmann::json& j, const DockerStage& v) {
  j = {{"name", v.name.empty() ? nlohmann::json(nullptr) : nlohmann::json(v.name)},
       {"base_image", v.base_image},
       {"line", v.line}};
}
void to_json(nlohmann::json& j, const ExposedPort& v) {
  j = {{"port", v.port}, {"protocol", v.protocol}, {"line", v.line}};
}
void to_json(nlohmann::json& j, const Dockerfile& v) {
  j = {{"file", v.file},
       {"stages", v.stages},
       {"exposed_ports", v.exposed_ports},
       {"user", opt(v.user)},
       {"non_root", v.non_root},
       {"healthcheck", v.healthcheck},
       {"healthcheck_disabled", v.healthcheck_disabled},
       {"cmd", opt(v.cmd)},
       {"entrypoint", opt(v.entrypoint)}};
}
void to_json(nlohmann::json& j, const ComposeService& v) {
  j = {{"name", v.name},
       {"image", opt(v.image)},
       {"build", opt(v.build)},
       {"ports", v.ports},
       {"depends_on", v.depends_on},
       {"volumes", v.volumes},
       {"environment", v.environment},
       {"healthcheck", v.healthcheck},
       {"line", v.line}};
}
void to_json(nlohmann::json& j, const ComposeFile& v) {
  j = {{"file", v.file}, {"services", v.services}};
}
void to_json(nlohmann::json& j, const K8sContainer& v) {
  j = {{"name", v.name},
       {"image", v.image},
       {"liveness_probe", v.liveness_probe},
       {"readiness_probe", v.readiness_probe},
       {"resource_limits", v.resource_limits}};
}
void to_json(nlohmann::json& j, const K8sResource& v) {
  j = {{"file", v.file},
       {"line", v.line},
       {"kind", v.kind},
       {"name", v.name},
       {"namespace", opt(v.namespace_)},
       {"containers", v.containers}};
}
void to_json(nlohmann::json& j, const HelmChart& v) {
  j = {{"file", v.file}, {"name", v.name}, {"version", opt(v.version)}, {"app_version", opt(v.app_version)}};
}
void to_json(nlohmann::json& j, const ProcfileEntry& v) {
  j = {{"file", v.file}, {"process", v.process}, {"command", v.command}, {"line", v.line}};
}
void to_json(nlohmann::json& j, const ListenPort& v) {
  j = {{"port", v.port}, {"source", v.source}, {"evidence", v.evidence}};
}
void to_json(nlohmann::json& j, const HealthEndpoint& v) {
  j = {{"path", v.path}, {"evidence", v.evidence}};
}
void to_json(nlohmann::json& j, const ServicesSection& v) {
  j = {{"dockerfiles", v.dockerfiles},          {"compose", v.compose},   {"kubernetes", v.kubernetes},
       {"helm_charts", v.helm_charts},          {"procfile", v.procfile}, {"listen_ports", v.listen_ports},
       {"health_endpoints", v.health_endpoints}};
}

}  // namespace copilot::audit
