#include "plan/services.h"

#include <algorithm>
#include <map>
#include <set>

namespace copilot::plan {

using nlohmann::json;

namespace {

struct LanguageInfo {
  std::string_view ecosystem, language;
  int rank;  // which language wins when one directory has several manifests
  int default_port;
  std::string_view default_version;
};
constexpr LanguageInfo kLanguages[] = {
    {"go", "go", 0, 8080, "1.22"},
    {"maven", "java", 1, 8080, "21"},
    {"pypi", "python", 2, 8000, "3.12"},
    {"npm", "node", 3, 3000, "20"},
};

const LanguageInfo* language_of_ecosystem(std::string_view ecosystem) {
  for (const auto& l : kLanguages)
    if (l.ecosystem == ecosystem) return &l;
  return nullptr;
}
const LanguageInfo* language_info(std::string_view language) {
  for (const auto& l : kLanguages)
    if (l.language == language) return &l;
  return nullptr;
}

std::string framework_language(std::string_view language) {
  return language == "javascript" || language == "typescript" ? "node" : std::string(language);
}

constexpr std::pair<std::string_view, int> kFrameworkPorts[] = {
    {"FastAPI", 8000},     {"Django", 8000},  {"Starlette", 8000}, {"Flask", 5000},   {"Express", 3000},
    {"Koa", 3000},         {"Fastify", 3000}, {"NestJS", 3000},    {"Next.js", 3000}, {"Nuxt", 3000},
    {"Spring Boot", 8080}, {"Quarkus", 8080}, {"Gin", 8080},       {"Echo", 8080},    {"Fiber", 3000},
};

struct Group {
  std::string dir;
  std::string language;
  std::vector<const json*> manifests;
  std::string framework;
};

// Manifests of the languages the plan knows, grouped by directory.
std::vector<Group> manifest_groups(const json& audit) {
  std::map<std::string, Group> by_dir;
  for (const auto& m : list_of(audit["stack"], "manifests")) {
    const LanguageInfo* info = language_of_ecosystem(text_of(m, "ecosystem"));
    if (!info) continue;
    Group& g = by_dir[dir_of(text_of(m, "path"))];
    g.dir = dir_of(text_of(m, "path"));
    g.manifests.push_back(&m);
    const LanguageInfo* current = language_info(g.language);
    if (!current || info->rank < current->rank) g.language = std::string(info->language);
  }
  for (const auto& fw : list_of(audit["stack"], "frameworks")) {
    std::string category = text_of(fw, "category");
    if (category != "backend" && category != "fullstack") continue;
    std::string language = framework_language(text_of(fw, "language"));
    for (const auto& ev : list_of(fw, "evidence")) {
      auto it = by_dir.find(dir_of(text_of(ev, "file")));
      if (it == by_dir.end() || !it->second.framework.empty()) continue;
      bool is_manifest = std::any_of(it->second.manifests.begin(), it->second.manifests.end(),
                                     [&](const json* m) { return text_of(*m, "path") == text_of(ev, "file"); });
      if (!is_manifest) continue;
      it->second.framework = text_of(fw, "name");
      it->second.language = language;
    }
  }
  std::vector<Group> out;
  for (auto& [dir, g] : by_dir) out.push_back(std::move(g));
  return out;  // sorted by directory, the root ("") first
}

// The service that owns a file: the one with the deepest directory holding it.
class Owners {
 public:
  explicit Owners(const json& services) : services_(services) {}
  int owner(std::string_view file) const {
    int best = -1;
    size_t depth = 0;
    for (size_t i = 0; i < services_.size(); ++i) {
      std::string dir = text_of(services_[i], "dir");
      if (under(file, dir) && (best < 0 || dir.size() > depth)) {
        best = static_cast<int>(i);
        depth = dir.size();
      }
    }
    return best;
  }

 private:
  const json& services_;
};

int source_rank(std::string_view source) {
  constexpr std::string_view kOrder[] = {"code", "command", "config", "env_default"};
  for (size_t i = 0; i < std::size(kOrder); ++i)
    if (kOrder[i] == source) return static_cast<int>(i);
  return 9;
}

int runtime_rank(std::string_view source) {
  return source == "version_file" ? 0 : source == "container" ? 1 : 2;
}

bool looks_like_readiness(std::string_view path) {
  return path.find("ready") != std::string_view::npos;
}

std::string start_from_procfile(const json& entry) {
  std::string command = text_of(entry, "command");
  if (command.find_first_of("$&|;<>") != std::string::npos) return exec_form({"sh", "-c", command});
  return exec_form(split_command(command));
}

std::string start_from_dockerfile(const json& df) {
  std::string cmd = text_of(df, "cmd");
  std::string entrypoint = text_of(df, "entrypoint");
  if (!entrypoint.empty() || cmd.empty()) return "";  // an ENTRYPOINT needs its own image layout
  if (cmd.front() == '[') {
    json parsed = json::parse(cmd, nullptr, false);
    if (parsed.is_discarded() || !parsed.is_array()) return "";
    std::vector<std::string> argv;
    for (const auto& arg : parsed)
      if (arg.is_string()) argv.push_back(arg.get<std::string>());
    return exec_form(argv);
  }
  if (cmd.find_first_of("$&|;<>") != std::string::npos) return exec_form({"sh", "-c", cmd});
  return exec_form(split_command(cmd));
}

void fill_ports_and_health(json& services, const json& audit, std::vector<PendingGap>& gaps) {
  Owners owners(services);
  std::vector<int> best_rank(services.size(), 99);
  for (const auto& p : list_of(audit["services"], "listen_ports")) {
    int i = owners.owner(text_of(p["evidence"], "file"));
    int rank = source_rank(text_of(p, "source"));
    if (i < 0 || rank >= best_rank[i]) continue;
    best_rank[i] = rank;
    services[i]["port"] = p.value("port", 0);
    services[i]["port_evidence"] =
        text_of(p["evidence"], "file") + ":" + std::to_string(p["evidence"].value("line", 0));
  }
  for (const auto& h : list_of(audit["services"], "health_endpoints")) {
    int i = owners.owner(text_of(h["evidence"], "file"));
    if (i < 0) continue;
    std::string path = text_of(h, "path");
    json& s = services[i];
    if (looks_like_readiness(path)) {
      if (!s.contains("readiness_path")) s["readiness_path"] = path;
    } else if (!s.contains("health_path")) {
      s["health_path"] = path;
    }
  }
  for (auto& s : services) {
    if (!s.contains("port")) {
      const LanguageInfo* info = language_info(text_of(s, "language"));
      int port = info ? info->default_port : 8080;
      for (auto [fw, fw_port] : kFrameworkPorts)
        if (fw == text_of(s, "framework")) port = fw_port;
      s["port"] = port;
      gaps.push_back({{"docker", "kubernetes", "helm", "compose", "terraform"},
                      text_of(s, "name") + ": no listening port found: using " + std::to_string(port) +
                          (text_of(s, "framework").empty() ? "" : " (the " + text_of(s, "framework") + " default)")});
    }
    if (!s.contains("health_path") && s.contains("readiness_path")) s["health_path"] = s["readiness_path"];
    if (!s.contains("readiness_path") && s.contains("health_path")) s["readiness_path"] = s["health_path"];
    s["has_health"] = s.contains("health_path");
    if (!s.contains("health_path")) {
      gaps.push_back({{"kubernetes", "helm", "docker"},
                      text_of(s, "name") + ": no health endpoint found: probes use TCP on port " +
                          std::to_string(s.value("port", 0))});
    }
  }
}

void fill_versions(json& services, const json& audit, std::vector<PendingGap>& gaps) {
  Owners owners(services);
  std::vector<int> best(services.size(), 99);
  for (const auto& r : list_of(audit["stack"], "runtimes")) {
    int i = owners.owner(text_of(r["evidence"], "file"));
    if (i < 0 || text_of(r, "language") != text_of(services[i], "language")) continue;
    int rank = runtime_rank(text_of(r, "source"));
    if (rank >= best[i]) continue;
    best[i] = rank;
    services[i]["version"] = text_of(r, "version");
    services[i]["version_evidence"] =
        text_of(r["evidence"], "file") + ":" + std::to_string(r["evidence"].value("line", 0));
  }
  for (auto& s : services) {
    if (s.contains("version")) continue;
    const LanguageInfo* info = language_info(text_of(s, "language"));
    if (!info) {
      s["version"] = "";
      continue;
    }
    s["version"] = std::string(info->default_version);
    gaps.push_back({{"github-actions", "docker", "jenkins", "gitlab"},
                    text_of(s, "name") + ": no " + text_of(s, "language") + " version found in the audit: using " +
                        std::string(info->default_version)});
  }
}

void fill_start_commands(json& services, const json& audit) {
  Owners owners(services);
  for (const auto& df : list_of(audit["services"], "dockerfiles")) {
    std::string file = text_of(df, "file");
    int i = owners.owner(file);
    if (i < 0 || dir_of(file) != text_of(services[i], "dir") || services[i].contains("start")) continue;
    std::string start = start_from_dockerfile(df);
    if (start.empty()) continue;
    services[i]["start"] = start;
    services[i]["start_evidence"] = file;
  }
  for (const auto& p : list_of(audit["services"], "procfile")) {
    int i = owners.owner(text_of(p, "file"));
    if (i < 0 || text_of(p, "process") != "web" || services[i].contains("start")) continue;
    services[i]["start"] = start_from_procfile(p);
    services[i]["start_evidence"] = text_of(p, "file");
  }
}

void fill_tests_and_ci(json& services, const json& audit) {
  Owners owners(services);
  std::vector<std::set<std::string>> frameworks(services.size());
  for (const auto& f : list_of(audit["tests"], "files")) {
    int i = owners.owner(text_of(f, "path"));
    if (i >= 0 && text_of(f, "framework") != "unknown") frameworks[i].insert(text_of(f, "framework"));
  }
  for (const auto& fw : list_of(audit["tests"], "frameworks"))
    for (const auto& ev : list_of(fw, "evidence")) {
      int i = owners.owner(text_of(ev, "file"));
      if (i >= 0) frameworks[i].insert(text_of(fw, "name"));
    }
  for (size_t i = 0; i < services.size(); ++i) services[i]["test_frameworks"] = frameworks[i];

  // Commands the existing CI runs: attributable only when there is one service.
  if (services.size() != 1) return;
  for (const auto& pipeline : list_of(audit["ci"], "pipelines")) {
    for (const char* capability : {"test", "lint"}) {
      std::string key = std::string("ci_") + capability;
      if (services[0].contains(key)) continue;
      json commands = json::array();
      for (const auto& ev : list_of(pipeline["evidence"], capability)) {
        std::string command = command_of_ci_line(text_of(ev, "text"));
        if (!command.empty()) commands.push_back(command);
      }
      if (!commands.empty()) {
        services[0][key] = commands;
        services[0][key + "_evidence"] = text_of(pipeline, "file");
      }
    }
  }
}

std::set<std::string> dependency_names(const Group& g) {
  std::set<std::string> names;
  for (const json* m : g.manifests)
    for (const auto& d : list_of(*m, "dependencies")) names.insert(text_of(d, "name"));
  return names;
}

json service_of(const Group& g, const std::string& project_slug, bool typescript) {
  std::string name = g.dir.empty() ? project_slug : slug(g.dir.substr(g.dir.rfind('/') + 1));
  json s = {{"name", name},
            {"slug", slug(name)},
            {"dir", g.dir},
            {"dir_prefix", g.dir.empty() ? "" : g.dir + "/"},
            {"context_dir", g.dir.empty() ? "." : g.dir},
            {"language", g.language},
            {g.language, true},
            {"framework", g.framework},
            {"typescript", g.language == "node" && typescript}};
  json manifests = json::array();
  std::string package_manager, lock_file;
  for (const json* m : g.manifests) {
    manifests.push_back(text_of(*m, "path"));
    if (package_manager.empty() || package_manager == "pip") package_manager = text_of(*m, "package_manager");
    if (lock_file.empty()) lock_file = text_of(*m, "lock_file");
  }
  s["manifests"] = manifests;
  s["package_manager"] = package_manager;
  s["lock_file"] = lock_file;
  s["dependencies"] = dependency_names(g);
  return s;
}

}  // namespace

std::string command_of_ci_line(std::string_view text) {
  std::string_view t = text;
  auto strip = [&](std::string_view prefix) {
    if (t.substr(0, prefix.size()) == prefix) t = t.substr(prefix.size());
    while (!t.empty() && t.front() == ' ') t.remove_prefix(1);
  };
  strip("- ");
  strip("run:");
  strip("script:");
  strip("- ");
  if (t.substr(0, 3) == "sh " || t.substr(0, 3) == "sh(") {
    t = t.substr(3);
    while (!t.empty() && (t.front() == ' ' || t.front() == '(')) t.remove_prefix(1);
    while (!t.empty() && t.back() == ')') t.remove_suffix(1);
    if (t.size() >= 2 && (t.front() == '\'' || t.front() == '"') && t.back() == t.front())
      t = t.substr(1, t.size() - 2);
  }
  while (!t.empty() && (t.back() == ' ' || t.back() == '\r')) t.remove_suffix(1);
  if (t.empty() || t == "|" || t == ">" || t.find("${{") != std::string_view::npos || t.substr(0, 5) == "uses:" ||
      t.substr(0, 5) == "name:")
    return "";
  return std::string(t);
}

json discover_services(const json& audit, const std::string& project_slug, std::vector<PendingGap>& gaps) {
  std::vector<Group> groups = manifest_groups(audit);
  bool typescript = false;
  for (const auto& l : list_of(audit, "languages")) typescript = typescript || text_of(l, "name") == "TypeScript";

  std::vector<const Group*> chosen;
  for (const auto& g : groups)
    if (!g.framework.empty()) chosen.push_back(&g);
  if (chosen.empty() && !groups.empty()) chosen.push_back(&groups.front());

  json services = json::array();
  for (const auto& g : groups) {
    if (std::find(chosen.begin(), chosen.end(), &g) != chosen.end()) {
      services.push_back(service_of(g, project_slug, typescript));
      continue;
    }
    std::string where = g.dir.empty() ? "the repository root" : g.dir + "/";
    gaps.push_back(
        {{"plan"}, where + " (" + g.language + ") is not planned as a service: no backend framework found there"});
  }
  if (services.empty()) {
    services.push_back({{"name", project_slug},
                        {"slug", project_slug},
                        {"dir", ""},
                        {"dir_prefix", ""},
                        {"context_dir", "."},
                        {"language", "generic"},
                        {"generic", true},
                        {"framework", ""},
                        {"typescript", false},
                        {"manifests", json::array()},
                        {"package_manager", ""},
                        {"lock_file", ""},
                        {"dependencies", json::array()}});
    gaps.push_back({{"plan"},
                    "no stack recognised (no Python, Node.js, Go or Java manifest): the plan is a generic skeleton "
                    "whose build, test and start steps fail until they are filled in"});
  }
  // Two directories with the same base name would share a service name.
  std::set<std::string> names;
  for (auto& s : services) {
    std::string name = text_of(s, "name");
    if (!names.insert(name).second) {
      name = slug(text_of(s, "dir"));
      s["name"] = name;
      s["slug"] = name;
      names.insert(name);
    }
  }
  fill_versions(services, audit, gaps);
  fill_ports_and_health(services, audit, gaps);
  fill_start_commands(services, audit);
  fill_tests_and_ci(services, audit);
  return services;
}

}  // namespace copilot::plan
