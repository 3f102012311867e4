// Per-language facts a service needs: how CI installs, lints and tests it, how
// its image starts it, and how much CPU and memory it asks for.
#include <algorithm>
#include <set>

#include "plan/context.h"

namespace copilot::plan {

using nlohmann::json;

namespace {

bool has_dependency(const json& s, std::string_view name) {
  for (const auto& d : list_of(s, "dependencies"))
    if (d.is_string() && d.get<std::string>() == name) return true;
  return false;
}

bool has_test_framework(const json& s, std::string_view name) {
  for (const auto& f : list_of(s, "test_frameworks"))
    if (f.is_string() && f.get<std::string>() == name) return true;
  return false;
}

std::string base_of(std::string_view path) {
  size_t slash = path.rfind('/');
  return std::string(slash == std::string_view::npos ? path : path.substr(slash + 1));
}

// A path relative to the service directory.
std::string relative(const json& s, const std::string& path) {
  std::string prefix = text_of(s, "dir_prefix");
  return path.rfind(prefix, 0) == 0 ? path.substr(prefix.size()) : path;
}

std::string placeholder(const std::string& service, const std::string& what) {
  return "echo \"copilot plan: no " + what + " was found for " + service +
         "; replace this step with the project's own\" >&2; exit 1";
}

// Code files of the service's framework (not tests), relative to the service.
std::vector<std::string> framework_files(const json& s, const json& audit) {
  std::vector<std::string> out;
  for (const auto& fw : list_of(audit["stack"], "frameworks")) {
    if (text_of(fw, "name") != text_of(s, "framework")) continue;
    for (const auto& ev : list_of(fw, "evidence")) {
      std::string file = text_of(ev, "file");
      if (!under(file, text_of(s, "dir")) || file.find("test") != std::string::npos) continue;
      out.push_back(relative(s, file));
    }
  }
  return out;
}

// "app/main.py" → "app.main"; in a src/ layout the package is what gets installed.
std::string python_module(const std::string& file) {
  std::string module = file.substr(0, file.size() - 3);  // ".py"
  if (module.rfind("src/", 0) == 0) module = module.substr(4);
  std::replace(module.begin(), module.end(), '/', '.');
  return module;
}

// ---- Python ----

void python(json& s, const json& audit, std::vector<PendingGap>& gaps) {
  const std::string name = text_of(s, "name");
  std::string pm = text_of(s, "package_manager");
  std::vector<std::string> runtime_reqs, dev_reqs;
  bool pyproject = false;
  for (const auto& m : list_of(s, "manifests")) {
    std::string file = relative(s, m.get<std::string>());
    std::string base = base_of(file);
    if (base == "pyproject.toml") pyproject = true;
    if (base.rfind("requirements", 0) != 0 || base.size() < 4 || base.substr(base.size() - 4) != ".txt") continue;
    bool dev = file.find("dev") != std::string::npos || file.find("test") != std::string::npos;
    (dev ? dev_reqs : runtime_reqs).push_back(file);
  }
  std::string runner;  // prefix that runs a tool inside the project's environment
  json install = json::array();
  json cache_paths = json::array();
  std::string cache = "pip";
  if (pm == "poetry" || pm == "uv" || pm == "pipenv") {
    install.push_back("pipx install " + pm);
    install.push_back(pm == "poetry" ? "poetry install --no-interaction"
                      : pm == "uv"   ? "uv sync"
                                     : "pipenv install --dev --deploy");
    runner = pm + " run ";
    if (pm != "uv")
      cache = pm;
    else
      cache = "";
  } else if (!runtime_reqs.empty() || !dev_reqs.empty()) {
    std::string line = "python -m pip install";
    for (const auto& r : runtime_reqs) line += " -r " + r;
    for (const auto& r : dev_reqs) line += " -r " + r;
    install.push_back(line);
    for (const auto& r : runtime_reqs) cache_paths.push_back(text_of(s, "dir_prefix") + r);
    for (const auto& r : dev_reqs) cache_paths.push_back(text_of(s, "dir_prefix") + r);
  } else if (pyproject) {
    install.push_back("python -m pip install -e \".[dev]\"");
    cache_paths.push_back(text_of(s, "dir_prefix") + "pyproject.toml");
  }
  s["install_commands"] = install;
  s["cache"] = cache;
  s["cache_dependency_paths"] = cache_paths;
  s["requirements_file"] = runtime_reqs.empty() ? "" : runtime_reqs.front();
  if (runtime_reqs.empty())
    gaps.push_back({{"docker"},
                    name + ": no requirements.txt: the image installs the project with `pip install .`, "
                           "so its dependency layer is rebuilt when the source changes"});

  if (has_test_framework(s, "pytest"))
    s["default_test"] = runner + (runner.empty() ? "python -m pytest" : "pytest");
  else if (text_of(s, "framework") == "Django")
    s["default_test"] = runner + "python manage.py test";
  else if (has_test_framework(s, "unittest"))
    s["default_test"] = runner + "python -m unittest discover";
  if (has_dependency(s, "ruff"))
    s["default_lint"] = json::array({runner + "ruff check ."});
  else if (has_dependency(s, "flake8"))
    s["default_lint"] = json::array({runner + "flake8"});

  if (s.contains("start")) return;
  std::string framework = text_of(s, "framework");
  std::string port = std::to_string(s.value("port", 8000));
  std::vector<std::string> files = framework_files(s, audit);
  auto first_py = std::find_if(files.begin(), files.end(),
                               [](const std::string& f) { return f.size() > 3 && f.substr(f.size() - 3) == ".py"; });
  std::string guessed;
  if ((framework == "FastAPI" || framework == "Starlette") && first_py != files.end()) {
    s["start"] = exec_form({"uvicorn", python_module(*first_py) + ":app", "--host", "0.0.0.0", "--port", port});
    guessed = "uvicorn " + python_module(*first_py) + ":app";
  } else if (framework == "Flask" && first_py != files.end()) {
    s["start"] = exec_form({"gunicorn", "--bind", "0.0.0.0:" + port, python_module(*first_py) + ":app"});
    guessed = "gunicorn " + python_module(*first_py) + ":app";
  } else if (framework == "Django") {
    std::string project;
    for (const auto& f : files)
      if (base_of(f) == "settings.py" || base_of(f) == "wsgi.py" || base_of(f) == "urls.py") project = dir_of(f);
    if (!project.empty()) {
      std::replace(project.begin(), project.end(), '/', '.');
      s["start"] = exec_form({"gunicorn", "--bind", "0.0.0.0:" + port, project + ".wsgi"});
      guessed = "gunicorn " + project + ".wsgi";
    }
  }
  if (!guessed.empty()) {
    std::string server = split_command(guessed).front();
    gaps.push_back({{"docker"},
                    name + ": no start command in the audit: the image runs `" + guessed + "`" +
                        (has_dependency(s, server) ? "" : ", and " + server + " is not a dependency yet")});
  }
}

// ---- Node.js ----

void node(json& s, std::vector<PendingGap>& gaps) {
  const std::string name = text_of(s, "name");
  std::string pm = text_of(s, "package_manager");
  bool locked = !text_of(s, "lock_file").empty();
  json install = json::array();
  std::string run = "npm run ", exec = "npx ";
  if (pm == "yarn" || pm == "pnpm") {
    install.push_back("corepack enable");
    install.push_back(pm + " install --frozen-lockfile");
    run = pm + " ";
    exec = pm == "yarn" ? "yarn " : "pnpm exec ";
    gaps.push_back(
        {{"github-actions"}, name + ": dependency caching is set up for npm only; " + pm + " installs uncached"});
  } else {
    install.push_back(locked ? "npm ci" : "npm install");
  }
  s["install_commands"] = install;
  s["cache"] = pm == "npm" || pm.empty() ? (locked ? "npm" : "") : "";
  s["cache_dependency_paths"] = locked ? json::array({text_of(s, "lock_file")}) : json::array();
  s["npm_install"] = locked ? "npm ci" : "npm install";
  s["npm_install_production"] = locked ? "npm ci --omit=dev" : "npm install --omit=dev";
  if (!locked)
    gaps.push_back({{"docker", "github-actions"}, name + ": no lock file: installs are not reproducible (commit one)"});
  s["default_test"] = pm == "yarn" || pm == "pnpm" ? pm + " test" : "npm test";
  if (has_dependency(s, "eslint")) s["default_lint"] = json::array({exec + "eslint ."});
  if (s.value("typescript", false)) {
    s["build_command"] = run + "build";
    gaps.push_back(
        {{"docker", "github-actions"},
         name + ": TypeScript is compiled with `" + run + "build` into dist/ (assumed, not read from package.json)"});
  }
  if (!s.contains("start")) {
    s["start"] = exec_form({"npm", "start"});
    gaps.push_back({{"docker"}, name + ": no start command in the audit: the image runs `npm start`"});
  }
}

// ---- Go ----

void go(json& s, const json& audit, std::vector<PendingGap>& gaps) {
  s["install_commands"] = json::array({"go mod download"});
  s["cache"] = "";
  s["cache_dependency_paths"] = json::array({text_of(s, "dir_prefix") + "go.sum"});
  s["default_test"] = "go test ./...";
  s["default_lint"] = json::array({"go vet ./..."});
  // The main package: where the listening code is, else the module root.
  std::string main_dir;
  for (const auto& p : list_of(audit["services"], "listen_ports")) {
    std::string file = text_of(p["evidence"], "file");
    if (under(file, text_of(s, "dir")) && file.size() > 3 && file.substr(file.size() - 3) == ".go") {
      main_dir = dir_of(relative(s, file));
      break;
    }
  }
  s["go_main"] = main_dir.empty() ? "." : "./" + main_dir;
  if (main_dir.empty() && !s.contains("port_evidence"))
    gaps.push_back({{"docker"}, text_of(s, "name") + ": main package not found: the image builds the module root (.)"});
  s["start"] = exec_form({"/app/server"});
}

// ---- Java ----

void java(json& s, std::vector<PendingGap>& gaps) {
  bool gradle = text_of(s, "package_manager") == "gradle";
  s["maven"] = !gradle;
  s["gradle"] = gradle;
  s["install_commands"] = json::array();
  s["cache"] = gradle ? "gradle" : "maven";
  s["cache_dependency_paths"] = json::array();
  s["default_test"] = gradle ? "gradle test --no-daemon" : "mvn -B verify";
  s["start"] = exec_form({"java", "-jar", "/app/app.jar"});
  if (gradle)
    gaps.push_back({{"github-actions", "docker"},
                    text_of(s, "name") + ": Gradle is called as `gradle` (a wrapper, if the repository "
                                         "has one, is not visible in the audit)"});
}

// The image CI systems that run jobs in containers (Jenkins, GitLab) use.
std::string ci_image(const json& s) {
  std::string language = text_of(s, "language"), version = text_of(s, "version");
  if (language == "python") return "python:" + version + "-slim";
  if (language == "node") return "node:" + version + "-alpine";
  if (language == "go") return "golang:" + version;
  if (language == "java")
    return text_of(s, "package_manager") == "gradle" ? "gradle:8-jdk" + version
                                                     : "maven:3.9-eclipse-temurin-" + version;
  return "debian:12-slim";
}

struct Resources {
  std::string_view cpu_request, memory_request, cpu_limit, memory_limit;
  double vcpu, memory_gb;  // the container size the cost estimate prices
  int startup_seconds;     // how long the startup probe waits
};
Resources resources_for(std::string_view language) {
  if (language == "java") return {"500m", "1Gi", "2", "2Gi", 0.5, 1.0, 120};
  if (language == "go") return {"100m", "128Mi", "500m", "256Mi", 0.25, 0.5, 30};
  return {"250m", "512Mi", "1", "1Gi", 0.25, 0.5, 60};
}

}  // namespace

void add_toolchain(json& s, const json& audit, std::vector<PendingGap>& gaps) {
  std::string language = text_of(s, "language");
  std::string name = text_of(s, "name");
  if (language == "python") python(s, audit, gaps);
  if (language == "node") node(s, gaps);
  if (language == "go") go(s, audit, gaps);
  if (language == "java") java(s, gaps);
  if (language == "generic") {
    s["install_commands"] = json::array();
    s["cache"] = "";
    s["cache_dependency_paths"] = json::array();
    s["start"] = exec_form({"sh", "-c", placeholder(name, "start command")});
  }

  // What CI runs: the repository's own commands first, else the toolchain's defaults.
  if (s.contains("ci_test")) {
    s["test_command"] = s["ci_test"][0];
    s["test_source"] = text_of(s, "ci_test_evidence");
  } else if (s.contains("default_test")) {
    s["test_command"] = s["default_test"];
    s["test_source"] = "default for " + language;
  } else {
    s["test_command"] = placeholder(name, "test command");
    s["test_placeholder"] = true;
    gaps.push_back({{"github-actions", "jenkins", "gitlab", "gates"},
                    name + ": no test command found: the CI test step fails until it is replaced"});
  }
  s["test_placeholder"] = s.value("test_placeholder", false);
  if (s.contains("ci_lint"))
    s["lint_commands"] = s["ci_lint"];
  else
    s["lint_commands"] = s.value("default_lint", json::array());
  s["has_lint"] = !s["lint_commands"].empty();
  if (!s.value("has_lint", false))
    gaps.push_back({{"github-actions", "jenkins", "gitlab"}, name + ": no linter found: CI has no lint step"});
  s["has_install"] = !s["install_commands"].empty();
  s["has_build"] = s.contains("build_command");
  s["has_cache"] = !text_of(s, "cache").empty();
  s["has_cache_paths"] = !list_of(s, "cache_dependency_paths").empty();
  std::string lock = text_of(s, "lock_file");
  s["lock_name"] = under(lock, text_of(s, "dir")) ? relative(s, lock) : "";

  s["ci_image"] = ci_image(s);
  Resources r = resources_for(language);
  s["resources"] = {{"cpu_request", r.cpu_request},
                    {"memory_request", r.memory_request},
                    {"cpu_limit", r.cpu_limit},
                    {"memory_limit", r.memory_limit},
                    {"vcpu", r.vcpu},
                    {"memory_gb", r.memory_gb},
                    {"fargate_cpu", static_cast<int>(r.vcpu * 1024)},
                    {"fargate_memory", static_cast<int>(r.memory_gb * 1024)},
                    {"startup_failure_threshold", r.startup_seconds / 5}};
  for (const char* internal : {"default_test", "default_lint", "ci_test", "ci_lint"}) s.erase(internal);
}

}  // namespace copilot::plan
