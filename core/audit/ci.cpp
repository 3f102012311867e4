#include "audit/ci.h"

#include <re2/re2.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <memory>
#include <set>

#include "audit/secrets.h"
#include "util/parallel.h"
#include "util/strings.h"

namespace copilot::audit {
namespace {

using Caps = std::vector<CiCapability>;

std::unique_ptr<RE2> compile(const std::string& pattern) {
  RE2::Options opts;
  opts.set_log_errors(false);
  return std::make_unique<RE2>(pattern, opts);
}

std::string_view base_name(std::string_view path) {
  size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

// ---- command classification ----

// `[^|;&]*` keeps a pattern inside one shell command of a pipeline.
const std::array<std::unique_ptr<RE2>, 5>& capability_patterns() {
  static const std::array<std::unique_ptr<RE2>, 5> table = {
      // test
      compile(
          R"(\b(?:pytest|py\.test|tox|nox|jest|vitest|mocha|karma|jasmine|phpunit|rspec|ctest|gotestsum|nextest)\b)"
          R"(|\bpython[0-9.]*\s+-m\s+(?:pytest|unittest|nose2?)\b|\bmanage\.py\s+test\b)"
          R"(|\b(?:npm|pnpm|yarn|bun)\s+(?:run\s+)?test(?::[\w:-]+)?(?:\s|$))"
          R"(|\bgo\s+test\b|\b(?:mvn|mvnw)\b[^|;&]*\b(?:test|verify|integration-test)\b)"
          R"(|\bgradlew?\b[^|;&]*\b(?:test|check|integrationTest)\b|\bcargo\s+(?:test|nextest)\b)"
          R"(|\bdotnet\s+test\b|\bmake\s+(?:-\S+\s+)*(?:test|tests|check|unittest|coverage|test-[\w-]+|[\w-]+-test)\b)"
          R"(|\b(?:just|task)\s+(?:test|tests|check)\b|\brake\s+(?:test|spec)\b|\bbazel\s+test\b)"
          R"(|\b(?:swift|flutter|mix|deno|meson)\s+test\b|\bplaywright\s+test\b|\bcypress\s+run\b)"
          R"(|\bcoverage\s+run\b|\bhatch\s+(?:run\s+)?test\b|\bsbt\b[^|;&]*\btest\b)"),
      // lint
      compile(R"(\b(?:ruff|flake8|pylint|mypy|pyright|pyflakes|pycodestyle|pydocstyle|eslint|tslint|stylelint)\b)"
              R"(|\b(?:golangci-lint|staticcheck|golint|revive|clang-tidy|cppcheck|cpplint|rubocop|standardrb)\b)"
              R"(|\b(?:shellcheck|hadolint|yamllint|markdownlint|markdownlint-cli2|ktlint|detekt|checkstyle|pmd)\b)"
              R"(|\b(?:actionlint|tflint|commitlint|sqlfluff|oxlint|swiftlint|phpstan|psalm|phpcs|credo|codespell)\b)"
              R"(|\bbiome\s+(?:check|lint|ci)\b|\bblack\b[^|;&]*(?:--check|--diff)|\bisort\b[^|;&]*(?:--check|--diff))"
              R"(|\bprettier\b[^|;&]*(?:--check|--list-different|\s-c\b|\s-l\b))"
              R"(|\bclang-format\b[^|;&]*(?:--dry-run|--Werror|\s-n\b)|\bgofmt\s+-[ld]|\bgo\s+vet\b)"
              R"(|\bcargo\s+(?:clippy|fmt\b[^|;&]*--check)|\bdotnet\s+format\b[^|;&]*--verify-no-changes)"
              R"(|\bterraform\s+(?:fmt\b[^|;&]*-check|validate)\b)"
              R"(|\b(?:npm|pnpm|yarn|bun)\s+(?:run\s+)?(?:lint|format:check|check-format|typecheck|type-check)\b)"
              R"(|\bpre-commit\s+run\b|\bmake\s+(?:-\S+\s+)*(?:lint|format-check|check-format|vet|style)\b)"
              R"(|\bsonar-scanner\b|\bsonar:sonar\b|\btsc\b[^|;&]*--noEmit|\bspotless(?:Check|:check)\b)"
              R"(|\bhelm\s+lint\b|\bkubeconform\b|\bkubeval\b|\bbuf\s+lint\b)"),
      // build
      compile(
          R"(\b(?:docker|podman)\s+(?:buildx\s+)?build\b|\bdocker[\s-]compose\s+build\b|\bbuildah\s+(?:bud|build)\b)"
          R"(|/kaniko/executor\b|\b(?:npm|pnpm|yarn|bun)\s+(?:run\s+)?build\b|\bgo\s+build\b)"
          R"(|\b(?:mvn|mvnw)\b[^|;&]*\b(?:package|install|compile|verify)\b)"
          R"(|\bgradlew?\b[^|;&]*\b(?:build|assemble|bootJar|jar|shadowJar)\b)"
          R"(|\bcmake\s+(?:--build|-S|-B|\.\.)|\bmake(?:\s+-\S+)*\s*(?:$|all\b|build\b|release\b))"
          R"(|\bninja\b|\bmeson\s+(?:compile|setup)\b|\bbazel\s+build\b|\bcargo\s+build\b)"
          R"(|\bpython[0-9.]*\s+-m\s+build\b|\bsetup\.py\s+(?:build|sdist|bdist_wheel)\b)"
          R"(|\b(?:poetry|hatch|uv|flit)\s+build\b|\bpip\s+wheel\b|\bdotnet\s+(?:build|publish|pack)\b|\bmsbuild\b)"
          R"(|\bwebpack\b|\b(?:vite|next|nuxt|ng|parcel)\s+build\b|\b(?:gem|swift|flutter|ko|pack)\s+build\b)"
          R"(|\bxcodebuild\b|\bsbt\b[^|;&]*\b(?:compile|package|assembly)\b|\bgoreleaser\b)"),
      // deploy
      compile(
          R"(\bkubectl\s+(?:apply|create|replace|set\s+image|rollout\s+restart|patch)\b)"
          R"(|\bhelm\s+(?:upgrade|install)\b|\bhelmfile\s+(?:apply|sync)\b)"
          R"(|\b(?:terraform|tofu)\s+apply\b|\bterragrunt\s+(?:run-all\s+)?apply\b|\bpulumi\s+up\b)"
          R"(|\b(?:docker|podman|crane)\s+push\b|\bdocker\s+buildx\s+build\b[^|;&]*--push)"
          R"(|\baws\s+(?:ecs\s+update-service|deploy|lambda\s+update-function-code|cloudformation\s+deploy|s3\s+sync))"
          R"(|\b(?:sam|cdk|serverless|sls)\s+deploy\b|\bgcloud\b[^|;&]*\bdeploy\b|\bgcloud\s+builds\s+submit\b)"
          R"(|\baz\s+(?:webapp|functionapp|containerapp)\b[^|;&]*\b(?:deploy|up|update)\b)"
          R"(|\bfirebase\s+deploy\b|\bvercel\b[^|;&]*--prod|\bnetlify\s+deploy\b|\b(?:fly|flyctl)\s+deploy\b)"
          R"(|\bheroku\s+container:release\b|\bgit\s+push\b[^|;&]*\bheroku\b|\brailway\s+up\b)"
          R"(|\bwrangler\s+(?:deploy|publish)\b|\bcopilot\s+(?:release|deploy|svc\s+deploy|job\s+deploy|env\s+deploy)\b)"
          R"(|\b(?:npm|pnpm|yarn)\s+publish\b|\btwine\s+upload\b|\b(?:poetry|uv|flit|hatch|cargo)\s+publish\b)"
          R"(|\bgem\s+push\b|\bmvnw?\b[^|;&]*\bdeploy\b|\bgradlew?\b[^|;&]*\bpublish\w*)"
          R"(|\b(?:dotnet\s+)?nuget\s+push\b|\bgoreleaser\s+release\b|\bansible-playbook\b)"
          R"(|\bskaffold\s+(?:run|deploy)\b|\bargocd\s+app\s+sync\b|\beb\s+deploy\b|\bgh\s+release\s+create\b)"
          R"(|\bcf\s+push\b|\bmake\s+(?:-\S+\s+)*(?:deploy|release|publish)\b)"),
      // security
      compile(R"(\bcopilot\s+review\b|\bbandit\b|\bsemgrep\b|\btrivy\b|\bgrype\b|\bsnyk\b)"
              R"(|\b(?:npm|pnpm|yarn)\s+audit\b|\bpip-audit\b|\bsafety\s+(?:check|scan)\b|\bgosec\b|\bgovulncheck\b)"
              R"(|\bcargo\s+(?:audit|deny)\b|\bbundler?[\s-]+audit\b|\bbrakeman\b|\bcodeql\b|\bgitleaks\b)"
              R"(|\btrufflehog\b|\bdetect-secrets\b|\bosv-scanner\b|\bdependency-check\b)"
              R"(|\bzap-(?:baseline|full-scan|api-scan)\b|\bcheckov\b|\btfsec\b|\bterrascan\b|\bdocker\s+scout\b)"
              R"(|\bkubesec\b|\baudit-ci\b|\bnjsscan\b|\bsobelow\b|\bhorusec\b)"),
  };
  return table;
}

// Installing a tool is not running it: `pip install pytest` is no test step.
bool is_install(std::string_view segment) {
  static const auto re = compile(
      R"(^(?:sudo\s+)?(?:python[0-9.]*\s+-m\s+)?(?:pip[0-9.]*|pipx|uv\s+pip|uv|npm|pnpm|yarn|bun|apt-get|apt|apk)"
      R"(|brew|gem|go|cargo|poetry|choco|yum|dnf|conda|mamba|composer|bundle|dotnet\s+tool)\s+)"
      R"((?:install|add|i|get|require|update|upgrade)\b)");
  return RE2::PartialMatch(re2::StringPiece(segment.data(), segment.size()), *re);
}

// Drops a trailing `# comment` that is outside quotes.
std::string_view strip_comment(std::string_view s) {
  char quote = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (quote) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '#' && (i == 0 || s[i - 1] == ' ' || s[i - 1] == '\t')) {
      return s.substr(0, i);
    }
  }
  return s;
}

Caps orb_capabilities(std::string_view ref);

}  // namespace

std::string_view to_string(CiCapability c) {
  switch (c) {
    case CiCapability::test: return "test";
    case CiCapability::lint: return "lint";
    case CiCapability::build: return "build";
    case CiCapability::deploy: return "deploy";
    case CiCapability::security: return "security";
  }
  return "test";
}

Caps classify_ci_command(std::string_view command) {
  Caps out;
  auto line = util::trim(command);
  if (line.empty() || line[0] == '#' || util::starts_with(line, "//") || util::starts_with(line, "REM ") ||
      util::starts_with(line, "::"))
    return out;
  line = util::trim(strip_comment(line));
  // Split a pipeline into single commands on &&, ||, ; and |.
  std::vector<std::string_view> segments;
  size_t start = 0;
  for (size_t i = 0; i <= line.size(); ++i) {
    if (i == line.size() || line[i] == ';' || line[i] == '|' || line[i] == '&') {
      segments.push_back(util::trim(line.substr(start, i - start)));
      while (i + 1 < line.size() && (line[i + 1] == '|' || line[i + 1] == '&')) ++i;
      start = i + 1;
    }
  }
  bool seen[5] = {};
  for (auto seg : segments) {
    // Leading VAR=value assignments.
    while (true) {
      size_t eq = seg.find('='), sp = seg.find(' ');
      if (eq == std::string_view::npos || sp == std::string_view::npos || eq > sp || eq == 0) break;
      seg = util::trim(seg.substr(sp + 1));
    }
    if (seg.empty() || is_install(seg)) continue;
    re2::StringPiece sp(seg.data(), seg.size());
    for (size_t k = 0; k < 5; ++k)
      if (!seen[k] && RE2::PartialMatch(sp, *capability_patterns()[k])) seen[k] = true;
  }
  for (size_t k = 0; k < 5; ++k)
    if (seen[k]) out.push_back(kCiCapabilities[k]);
  return out;
}

namespace {

// Reusable actions / orbs / pipes / tasks whose name says what they do.
struct NamedStep {
  std::string_view prefix;  // lower case
  Caps caps;
};

Caps caps_by_prefix(std::string_view ref, const std::vector<NamedStep>& table) {
  std::string lower = util::to_lower(ref);
  for (const auto& n : table)
    if (util::starts_with(lower, n.prefix)) return n.caps;
  return {};
}

using C = CiCapability;

const std::vector<NamedStep>& github_actions() {
  static const std::vector<NamedStep> table = {
      {"github/codeql-action", {C::security}},
      {"aquasecurity/trivy-action", {C::security}},
      {"snyk/actions", {C::security}},
      {"returntocorp/semgrep-action", {C::security}},
      {"semgrep/semgrep-action", {C::security}},
      {"gitleaks/gitleaks-action", {C::security}},
      {"trufflesecurity/trufflehog", {C::security}},
      {"anchore/scan-action", {C::security}},
      {"ossf/scorecard-action", {C::security}},
      {"actions/dependency-review-action", {C::security}},
      {"zaproxy/action-", {C::security}},
      {"pypa/gh-action-pip-audit", {C::security}},
      {"securego/gosec", {C::security}},
      {"golang/govulncheck-action", {C::security}},
      {"bridgecrewio/checkov-action", {C::security}},
      {"docker/scout-action", {C::security}},
      {"golangci/golangci-lint-action", {C::lint}},
      {"super-linter/super-linter", {C::lint}},
      {"github/super-linter", {C::lint}},
      {"pre-commit/action", {C::lint}},
      {"reviewdog/", {C::lint}},
      {"wearerequired/lint-action", {C::lint}},
      {"astral-sh/ruff-action", {C::lint}},
      {"chartboost/ruff-action", {C::lint}},
      {"psf/black", {C::lint}},
      {"rhysd/actionlint", {C::lint}},
      {"hadolint/hadolint-action", {C::lint}},
      {"ludeeus/action-shellcheck", {C::lint}},
      {"sonarsource/", {C::lint}},
      {"docker/build-push-action", {C::build}},
      {"docker/bake-action", {C::build}},
      {"redhat-actions/buildah-build", {C::build}},
      {"goreleaser/goreleaser-action", {C::build, C::deploy}},
      {"cypress-io/github-action", {C::test}},
      {"azure/webapps-deploy", {C::deploy}},
      {"azure/k8s-deploy", {C::deploy}},
      {"azure/functions-action", {C::deploy}},
      {"aws-actions/amazon-ecs-deploy", {C::deploy}},
      {"aws-actions/aws-cloudformation-github-deploy", {C::deploy}},
      {"google-github-actions/deploy-", {C::deploy}},
      {"peaceiris/actions-gh-pages", {C::deploy}},
      {"jamesives/github-pages-deploy-action", {C::deploy}},
      {"actions/deploy-pages", {C::deploy}},
      {"pypa/gh-action-pypi-publish", {C::deploy}},
      {"cloudflare/wrangler-action", {C::deploy}},
      {"amondnet/vercel-action", {C::deploy}},
      {"netlify/actions", {C::deploy}},
      {"akhileshns/heroku-deploy", {C::deploy}},
      {"softprops/action-gh-release", {C::deploy}},
      {"ncipollo/release-action", {C::deploy}},
      {"helm/chart-releaser-action", {C::deploy}},
      {"superfly/flyctl-actions", {C::deploy}},
  };
  return table;
}

const std::vector<NamedStep>& azure_tasks() {
  static const std::vector<NamedStep> table = {
      {"kubernetesmanifest@", {C::deploy}},
      {"kubernetes@", {C::deploy}},
      {"helmdeploy@", {C::deploy}},
      {"azurewebapp@", {C::deploy}},
      {"azurermwebappdeployment@", {C::deploy}},
      {"azurefunctionapp@", {C::deploy}},
      {"azurecontainerapps@", {C::deploy}},
      {"azurestaticwebapp@", {C::deploy}},
      {"sonarqubeanalyze@", {C::lint}},
      {"sonarcloudanalyze@", {C::lint}},
      {"microsoftsecuritydevops@", {C::security}},
      {"advancedsecurity-", {C::security}},
      {"credscan@", {C::security}},
      {"whitesource", {C::security}},
      {"snyksecurityscan@", {C::security}},
      {"vstest@", {C::test}},
      {"vsbuild@", {C::build}},
      {"msbuild@", {C::build}},
  };
  return table;
}

// Orb commands / jobs (`node/test`) and Bitbucket pipes (`atlassian/aws-ecs-deploy:1.2`): by the words in the name.
Caps orb_capabilities(std::string_view ref) {
  std::string r = util::to_lower(ref);
  size_t slash = r.find('/');
  if (slash == std::string::npos) return {};
  std::string name = r.substr(slash + 1);
  Caps out;
  auto has = [&](std::initializer_list<std::string_view> words) {
    for (auto w : words)
      if (name.find(w) != std::string::npos) return true;
    return false;
  };
  if (has({"test"})) out.push_back(C::test);
  if (has({"lint", "sonar"})) out.push_back(C::lint);
  if (has({"build"})) out.push_back(C::build);
  if (has({"deploy", "publish", "push", "release"})) out.push_back(C::deploy);
  if (has({"scan", "audit", "security", "secrets", "snyk"})) out.push_back(C::security);
  return out;
}

// ---- YAML helpers ----

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

// The line of `key` itself (a block value starts on the next line).
int key_line(const YAML::Node& map, std::string_view key) {
  if (!map.IsDefined() || !map.IsMap()) return 0;
  for (const auto& kv : map)
    if (auto k = scalar(kv.first); k && *k == key) return line_of(kv.first);
  return 0;
}

// ---- pipeline assembly ----

class Builder {
 public:
  Builder(std::string system, const workspace::FileEntry& f) : file_(f.path), lines_(util::split_lines(f.content)) {
    pipeline_.system = std::move(system);
    pipeline_.file = f.path;
  }

  void job(const std::string& name) {
    if (!name.empty() && std::find(pipeline_.jobs.begin(), pipeline_.jobs.end(), name) == pipeline_.jobs.end())
      pipeline_.jobs.push_back(name);
  }

  void add(CiCapability c, int line) {
    if (line <= 0) return;
    auto& ev = pipeline_.evidence[static_cast<size_t>(c)];
    for (const auto& e : ev)
      if (e.line == line) return;
    std::string_view text = static_cast<size_t>(line) <= lines_.size() ? lines_[line - 1] : "";
    ev.push_back({file_, line, evidence_text(file_, text)});
  }
  void add(const Caps& caps, int line) {
    for (auto c : caps) add(c, line);
  }

  // A script (one or many lines) whose YAML node starts at `hint`.
  void commands(std::string_view text, int hint) {
    for (auto raw : util::split_lines(text)) {
      auto caps = classify_ci_command(raw);
      if (!caps.empty()) add(caps, locate(util::trim(raw), hint));
    }
  }
  void commands(const YAML::Node& n, int depth = 0) {
    if (depth > 4 || !spend()) return;
    if (auto s = scalar(n)) {
      commands(*s, line_of(n));
    } else if (n.IsDefined() && n.IsSequence()) {
      for (const auto& item : n) commands(item, depth + 1);  // GitLab allows nested lists
    }
  }

  /// Counts one visited node. YAML aliases can make a small file a huge tree,
  /// so a walk stops once a file has cost this much.
  bool spend() { return budget_-- > 0; }

  CiPipeline finish() {
    for (auto& ev : pipeline_.evidence) {
      std::sort(ev.begin(), ev.end());
      if (ev.size() > kMaxCiEvidence) ev.resize(kMaxCiEvidence);
    }
    return std::move(pipeline_);
  }

 private:
  // The file line holding a command, searching forward from its node.
  int locate(std::string_view command, int hint) {
    std::string_view needle = command.substr(0, 80);
    size_t from = hint > 0 ? static_cast<size_t>(hint - 1) : 0;
    for (size_t i = from; i < lines_.size() && i < from + 500; ++i)
      if (util::contains(lines_[i], needle)) return static_cast<int>(i) + 1;
    return hint;
  }

  std::string file_;
  std::vector<std::string_view> lines_;
  CiPipeline pipeline_;
  long budget_ = 100000;
};

// ---- GitHub Actions ----

void github(const YAML::Node& root, Builder& b) {
  YAML::Node jobs = child(root, "jobs");
  if (!jobs.IsMap()) return;
  for (const auto& kv : jobs) {
    auto id = scalar(kv.first);
    if (!id) continue;
    b.job(*id);
    const YAML::Node& job = kv.second;
    if (child(job, "environment").IsDefined()) b.add(C::deploy, line_of(kv.first));
    // A reusable workflow says what it does in its file name ("reusable-release.yml").
    YAML::Node reusable = child(job, "uses");
    if (auto ref = scalar(reusable)) b.add(orb_capabilities(ref->substr(0, ref->find('@'))), line_of(reusable));
    YAML::Node steps = child(job, "steps");
    if (!steps.IsSequence()) continue;
    for (const auto& step : steps) {
      b.commands(child(step, "run"));
      YAML::Node uses = child(step, "uses");
      if (auto ref = scalar(uses)) {
        Caps caps = caps_by_prefix(*ref, github_actions());
        std::string lower = util::to_lower(*ref);
        bool pushes = scalar(child(child(step, "with"), "push")).value_or("") == "true";
        if (pushes && (util::starts_with(lower, "docker/build-push-action") || util::starts_with(lower, "docker/bake")))
          caps.push_back(C::deploy);
        b.add(caps, line_of(uses));
      }
    }
  }
}

// ---- GitLab CI ----

void gitlab(const YAML::Node& root, Builder& b) {
  if (!root.IsMap()) return;
  static const std::set<std::string> kReserved = {"image",         "services",     "stages",    "types",
                                                  "before_script", "after_script", "variables", "cache",
                                                  "include",       "default",      "workflow",  "spec"};
  // Templates included from GitLab's catalogue.
  YAML::Node include = child(root, "include");
  std::vector<YAML::Node> includes;
  if (include.IsSequence())
    for (const auto& i : include) includes.push_back(i);
  else if (include.IsDefined())
    includes.push_back(include);
  for (const auto& inc : includes) {
    YAML::Node tmpl = child(inc, "template");
    auto name = scalar(tmpl);
    if (!name) continue;
    std::string n = util::to_lower(*name);
    int line = line_of(tmpl);
    if (util::contains(n, "auto-devops")) b.add({C::build, C::test, C::deploy, C::security}, line);
    for (std::string_view s :
         {"sast", "secret-detection", "dependency-scanning", "container-scanning", "dast", "security/"})
      if (util::contains(n, s)) b.add(C::security, line);
    if (util::contains(n, "jobs/build")) b.add(C::build, line);
    if (util::contains(n, "jobs/deploy")) b.add(C::deploy, line);
    if (util::contains(n, "jobs/test")) b.add(C::test, line);
    if (util::contains(n, "jobs/code-quality")) b.add(C::lint, line);
  }
  b.commands(child(root, "before_script"));
  b.commands(child(root, "after_script"));
  YAML::Node defaults = child(root, "default");
  b.commands(child(defaults, "before_script"));
  b.commands(child(defaults, "after_script"));
  for (const auto& kv : root) {
    auto name = scalar(kv.first);
    if (!name || kReserved.count(*name) || !kv.second.IsMap()) continue;
    if ((*name)[0] != '.') b.job(*name);  // hidden jobs are templates
    for (const char* key : {"before_script", "script", "after_script"}) b.commands(child(kv.second, key));
    if (child(kv.second, "environment").IsDefined() || *name == "pages") b.add(C::deploy, line_of(kv.first));
  }
}

// ---- CircleCI ----

void circleci(const YAML::Node& root, Builder& b) {
  YAML::Node jobs = child(root, "jobs");
  if (jobs.IsMap()) {
    for (const auto& kv : jobs) {
      auto name = scalar(kv.first);
      if (!name) continue;
      b.job(*name);
      YAML::Node steps = child(kv.second, "steps");
      if (!steps.IsSequence()) continue;
      for (const auto& step : steps) {
        if (auto s = scalar(step)) {
          b.add(orb_capabilities(*s), line_of(step));
          continue;
        }
        if (!step.IsMap()) continue;
        for (const auto& skv : step) {
          auto key = scalar(skv.first);
          if (!key) continue;
          if (*key == "run") {
            if (scalar(skv.second))
              b.commands(skv.second);
            else
              b.commands(child(skv.second, "command"));
          } else {
            b.add(orb_capabilities(*key), line_of(skv.first));
          }
        }
      }
    }
  }
  // Orb jobs referenced from workflows (`- node/test`).
  YAML::Node workflows = child(root, "workflows");
  if (!workflows.IsMap()) return;
  for (const auto& wf : workflows) {
    YAML::Node wjobs = child(wf.second, "jobs");
    if (!wjobs.IsSequence()) continue;
    for (const auto& j : wjobs) {
      if (auto s = scalar(j)) {
        if (s->find('/') != std::string::npos) {
          b.job(*s);
          b.add(orb_capabilities(*s), line_of(j));
        }
      } else if (j.IsMap()) {
        for (const auto& jkv : j) {
          auto key = scalar(jkv.first);
          if (key && key->find('/') != std::string::npos) {
            b.job(*key);
            b.add(orb_capabilities(*key), line_of(jkv.first));
          }
        }
      }
    }
  }
}

// ---- Azure Pipelines ----

void azure_steps(const YAML::Node& steps, Builder& b) {
  if (!steps.IsSequence()) return;
  for (const auto& step : steps) {
    for (const char* key : {"script", "bash", "pwsh", "powershell"}) b.commands(child(step, key));
    YAML::Node task = child(step, "task");
    auto name = scalar(task);
    if (!name) continue;
    int line = line_of(task);
    std::string lower = util::to_lower(*name);
    YAML::Node inputs = child(step, "inputs");
    b.add(caps_by_prefix(lower, azure_tasks()), line);
    auto input = [&](const char* key) { return util::to_lower(scalar(child(inputs, key)).value_or("")); };
    if (util::starts_with(lower, "docker@")) {
      std::string cmd = input("command");
      if (cmd.empty() || cmd == "buildandpush") b.add({C::build, C::deploy}, line);
      if (cmd == "build") b.add(C::build, line);
      if (cmd == "push") b.add(C::deploy, line);
    } else if (util::starts_with(lower, "dotnetcorecli@")) {
      b.add(classify_ci_command("dotnet " + input("command")), line);
    } else if (util::starts_with(lower, "maven@")) {
      b.add(classify_ci_command("mvn " + input("goals")), line);
    } else if (util::starts_with(lower, "gradle@")) {
      b.add(classify_ci_command("gradle " + input("tasks")), line);
    } else if (util::starts_with(lower, "npm@")) {
      std::string cmd = input("command");
      b.add(classify_ci_command("npm " + (cmd == "custom" ? input("customcommand") : cmd)), line);
    } else if (util::starts_with(lower, "terraform")) {
      b.add(classify_ci_command("terraform " + input("command")), line);
    }
    for (const char* key : {"script", "inlineScript"}) b.commands(child(inputs, key));
  }
}

// Every `steps` list below a job, wherever the deployment strategy nests it.
void azure_nested_steps(const YAML::Node& n, Builder& b, int depth) {
  if (depth > 8 || !n.IsDefined() || !b.spend()) return;
  if (n.IsMap()) {
    for (const auto& kv : n) {
      auto key = scalar(kv.first);
      if (key && *key == "steps")
        azure_steps(kv.second, b);
      else
        azure_nested_steps(kv.second, b, depth + 1);
    }
  } else if (n.IsSequence()) {
    for (const auto& item : n) azure_nested_steps(item, b, depth + 1);
  }
}

void azure_jobs(const YAML::Node& jobs, Builder& b) {
  if (!jobs.IsSequence()) return;
  for (const auto& job : jobs) {
    if (auto name = scalar(child(job, "job"))) b.job(*name);
    YAML::Node deployment = child(job, "deployment");
    if (auto name = scalar(deployment)) {
      b.job(*name);
      b.add(C::deploy, line_of(deployment));
    }
    azure_nested_steps(job, b, 0);
  }
}

void azure(const YAML::Node& root, Builder& b) {
  azure_steps(child(root, "steps"), b);
  azure_jobs(child(root, "jobs"), b);
  YAML::Node stages = child(root, "stages");
  if (stages.IsSequence())
    for (const auto& stage : stages) azure_jobs(child(stage, "jobs"), b);
}

// ---- Bitbucket Pipelines ----

void bitbucket_step(const YAML::Node& step, Builder& b) {
  if (auto name = scalar(child(step, "name"))) b.job(*name);
  if (child(step, "deployment").IsDefined()) b.add(C::deploy, key_line(step, "deployment"));
  for (const char* key : {"script", "after-script"}) {
    YAML::Node script = child(step, key);
    if (!script.IsSequence()) continue;
    for (const auto& item : script) {
      if (scalar(item)) {
        b.commands(item);
      } else if (auto pipe = scalar(child(item, "pipe"))) {
        b.add(orb_capabilities(*pipe), line_of(child(item, "pipe")));
      }
    }
  }
}

void bitbucket_items(const YAML::Node& items, Builder& b, int depth) {
  if (depth > 4 || !items.IsSequence()) return;
  for (const auto& item : items) {
    YAML::Node step = child(item, "step");
    if (step.IsMap()) bitbucket_step(step, b);
    YAML::Node parallel = child(item, "parallel");
    bitbucket_items(parallel.IsMap() ? child(parallel, "steps") : parallel, b, depth + 1);
    bitbucket_items(child(child(item, "stage"), "steps"), b, depth + 1);
  }
}

void bitbucket(const YAML::Node& root, Builder& b) {
  YAML::Node pipelines = child(root, "pipelines");
  if (!pipelines.IsMap()) return;
  for (const auto& section : pipelines) {
    if (section.second.IsSequence()) {
      bitbucket_items(section.second, b, 0);  // default
    } else if (section.second.IsMap()) {
      for (const auto& branch : section.second) bitbucket_items(branch.second, b, 0);
    }
  }
}

// ---- Travis CI ----

void travis_scripts(const YAML::Node& n, Builder& b) {
  for (const char* key : {"before_install", "install", "before_script", "script", "after_success", "before_deploy"})
    b.commands(child(n, key));
  if (child(n, "deploy").IsDefined()) b.add(C::deploy, key_line(n, "deploy"));
}

void travis(const YAML::Node& root, Builder& b) {
  travis_scripts(root, b);
  for (const char* key : {"jobs", "matrix"}) {
    YAML::Node include = child(child(root, key), "include");
    if (!include.IsSequence()) continue;
    for (const auto& job : include) {
      auto name = scalar(child(job, "name"));
      if (!name) name = scalar(child(job, "stage"));
      if (name) b.job(*name);
      travis_scripts(job, b);
    }
  }
}

// ---- Jenkins ----

void jenkins(std::string_view content, Builder& b) {
  static const auto stage_re = compile(R"(\bstage\s*\(\s*['"]([^'"]+)['"])");
  // sh 'cmd', sh("cmd"), sh label: 'x', script: 'cmd', sh """...""" (other named arguments skipped).
  static const auto step_re =
      compile(R"(\b(?:sh|bat|powershell|pwsh)\b[\s(]*(?:\w+\s*:\s*(?:'[^']*'|"[^"]*"|\w+)\s*,\s*)*(?:script\s*:\s*)?)"
              R"(('''|"""|'|"))");
  auto lines = util::split_lines(content);
  std::string block;  // closing delimiter while inside a ''' or """ script
  bool in_comment = false;
  for (size_t i = 0; i < lines.size(); ++i) {
    std::string_view line = lines[i];
    int ln = static_cast<int>(i) + 1;
    if (!block.empty()) {
      size_t end = line.find(block);
      std::string_view inner = end == std::string_view::npos ? line : line.substr(0, end);
      b.add(classify_ci_command(inner), ln);
      if (end != std::string_view::npos) block.clear();
      continue;
    }
    auto t = util::trim(line);
    if (in_comment) {
      if (util::contains(t, "*/")) in_comment = false;
      continue;
    }
    if (util::starts_with(t, "//")) continue;
    if (util::starts_with(t, "/*")) {
      in_comment = !util::contains(t, "*/");
      continue;
    }
    re2::StringPiece sp(line.data(), line.size());
    std::string name;
    if (RE2::PartialMatch(sp, *stage_re, &name)) b.job(name);
    re2::StringPiece groups[2];
    if (step_re->Match(sp, 0, line.size(), RE2::UNANCHORED, groups, 2)) {
      std::string delim(groups[1].data(), groups[1].size());
      std::string_view rest = line.substr(static_cast<size_t>(groups[1].data() - line.data()) + delim.size());
      size_t end = rest.find(delim);
      b.add(classify_ci_command(end == std::string_view::npos ? rest : rest.substr(0, end)), ln);
      if (delim.size() == 3 && end == std::string_view::npos) block = delim;
      continue;
    }
    // Pipeline steps from plugins.
    if (util::contains(line, "docker.build(")) b.add(C::build, ln);
    if (util::contains(line, ".push(") && util::contains(util::to_lower(line), "docker")) b.add(C::deploy, ln);
    if (util::contains(line, "kubernetesDeploy") || util::contains(line, "kubernetesApply")) b.add(C::deploy, ln);
    if (util::contains(line, "withSonarQubeEnv")) b.add(C::lint, ln);
    if (util::contains(line, "dependencyCheck")) b.add(C::security, ln);
  }
}

// ---- detection ----

std::string system_of(std::string_view path) {
  std::string lower = util::to_lower(path);
  std::string name = util::to_lower(base_name(path));
  bool yaml = util::ends_with(name, ".yml") || util::ends_with(name, ".yaml");
  if (yaml && (util::starts_with(lower, ".github/workflows/") || util::contains(lower, "/.github/workflows/")) &&
      lower.find('/', lower.rfind("workflows/") + 10) == std::string::npos)
    return "github_actions";
  if (name == ".gitlab-ci.yml" || name == ".gitlab-ci.yaml") return "gitlab_ci";
  if (yaml && util::starts_with(name, "config.") &&
      (util::starts_with(lower, ".circleci/") || util::contains(lower, "/.circleci/")))
    return "circleci";
  if (yaml && util::starts_with(name, "azure-pipelines")) return "azure_pipelines";
  if (name == "bitbucket-pipelines.yml" || name == "bitbucket-pipelines.yaml") return "bitbucket_pipelines";
  if (name == ".travis.yml" || name == ".travis.yaml") return "travis";
  std::string_view orig = base_name(path);
  if (orig == "Jenkinsfile" || util::starts_with(orig, "Jenkinsfile.") || util::ends_with(name, ".jenkinsfile"))
    return "jenkins";
  return "";
}

std::optional<CiPipeline> analyse(const workspace::FileEntry& f, Diagnostics& diags) {
  std::string system = system_of(f.path);
  if (system.empty()) return std::nullopt;
  Builder b(system, f);
  if (system == "jenkins") {
    jenkins(f.content, b);
    return b.finish();
  }
  // A broken file still shows the pipeline exists; it just says nothing more.
  try {
    YAML::Node root = YAML::Load(f.content);
    if (system == "github_actions") github(root, b);
    if (system == "gitlab_ci") gitlab(root, b);
    if (system == "circleci") circleci(root, b);
    if (system == "azure_pipelines") azure(root, b);
    if (system == "bitbucket_pipelines") bitbucket(root, b);
    if (system == "travis") travis(root, b);
  } catch (const YAML::Exception& e) {
    diags.add(f.path, e.mark.line >= 0 ? e.mark.line + 1 : 0, "invalid YAML: " + e.msg);
  }
  return b.finish();
}

}  // namespace

CiSection detect_ci(const AuditInput& input) {
  const auto& files = input.files();
  std::vector<std::optional<CiPipeline>> per(files.size());
  util::parallel_for(files.size(), input.options.jobs, [&](size_t i) {
    const auto& f = files[i];
    if (!f.analysed()) return;
    try {
      per[i] = analyse(f, input.diagnostics);
    } catch (const std::exception& e) {
      input.diagnostics.add(f.path, std::string("CI scan failed: ") + e.what());
    }
  });
  CiSection out;
  for (auto& p : per)
    if (p) out.pipelines.push_back(std::move(*p));
  std::sort(out.pipelines.begin(), out.pipelines.end(),
            [](const CiPipeline& a, const CiPipeline& b) { return a.file < b.file; });
  return out;
}

void to_json(nlohmann::json& j, const CiPipeline& v) {
  nlohmann::json runs = nlohmann::json::object(), evidence = nlohmann::json::object();
  for (auto c : kCiCapabilities) {
    std::string key(to_string(c));
    runs[key] = v.runs(c);
    evidence[key] = v.evidence[static_cast<size_t>(c)];
  }
  j = {{"system", v.system}, {"file", v.file}, {"jobs", v.jobs}, {"runs", runs}, {"evidence", evidence}};
}

void to_json(nlohmann::json& j, const CiSection& v) {
  j = {{"pipelines", v.pipelines}};
}

}  // namespace copilot::audit
