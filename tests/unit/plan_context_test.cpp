// The plan context: services, versions, ports, health routes, commands and
// the gaps left when the audit does not say; targets and costs built on it.
#include <gtest/gtest.h>

#include <algorithm>

#include "audit/audit.h"
#include "plan/context.h"
#include "plan/cost.h"
#include "plan/plan.h"
#include "plan/services.h"
#include "test_support.h"

namespace copilot::plan {
namespace {

using nlohmann::json;

json evidence(const std::string& file, int line, const std::string& text = "") {
  return {{"file", file}, {"line", line}, {"text", text}};
}

json manifest(const std::string& path, const std::string& ecosystem, const std::string& pm,
              std::vector<std::string> deps = {}, const std::string& lock = "") {
  json d = json::array();
  for (const auto& name : deps)
    d.push_back({{"name", name},
                 {"version_spec", ""},
                 {"locked_version", nullptr},
                 {"dev", false},
                 {"scope", "runtime"},
                 {"line", 1}});
  return {{"path", path},
          {"ecosystem", ecosystem},
          {"package_manager", pm},
          {"lock_file", lock.empty() ? json(nullptr) : json(lock)},
          {"dependencies", d}};
}

json framework(const std::string& name, const std::string& language, std::vector<json> ev) {
  return {{"name", name}, {"category", "backend"}, {"language", language}, {"evidence", ev}, {"files", 1}};
}

// An audit report with nothing in it, as the audit writes one.
json empty_audit(const std::string& project = "shop") {
  json a = audit::to_json(audit::AuditReport{});
  a["project"] = project;
  return a;
}

// A FastAPI service at the root with a Go service in worker/.
json two_service_audit() {
  json a = empty_audit();
  a["stack"]["manifests"] = {manifest("requirements.txt", "pypi", "pip", {"fastapi", "ruff"}),
                             manifest("requirements-dev.txt", "pypi", "pip", {"pytest"}),
                             manifest("worker/go.mod", "go", "go", {"github.com/gin-gonic/gin"})};
  a["stack"]["frameworks"] = {
      framework("FastAPI", "python", {evidence("requirements.txt", 1), evidence("app/main.py", 3)}),
      framework("Gin", "go", {evidence("worker/go.mod", 5), evidence("worker/cmd/api/main.go", 4)})};
  a["stack"]["runtimes"] = {{{"language", "python"},
                             {"version", "3.11"},
                             {"constraint", ">=3.11"},
                             {"source", "manifest"},
                             {"evidence", evidence("pyproject.toml", 3)}},
                            {{"language", "python"},
                             {"version", "3.12"},
                             {"constraint", "3.12.1"},
                             {"source", "version_file"},
                             {"evidence", evidence(".python-version", 1)}},
                            {{"language", "go"},
                             {"version", "1.23"},
                             {"constraint", "1.23"},
                             {"source", "manifest"},
                             {"evidence", evidence("worker/go.mod", 3)}}};
  a["services"]["listen_ports"] = {
      {{"port", 9000}, {"source", "env_default"}, {"evidence", evidence("app/main.py", 10)}},
      {{"port", 8001}, {"source", "code"}, {"evidence", evidence("app/server.py", 4)}},
      {{"port", 8080}, {"source", "code"}, {"evidence", evidence("worker/cmd/api/main.go", 20)}}};
  a["services"]["health_endpoints"] = {{{"path", "/healthz"}, {"evidence", evidence("app/main.py", 30)}},
                                       {{"path", "/readyz"}, {"evidence", evidence("app/main.py", 34)}}};
  a["tests"]["frameworks"] = {
      {{"name", "pytest"}, {"evidence", {evidence("requirements-dev.txt", 1)}}, {"files", 1}, {"tests", 3}},
      {{"name", "go test"}, {"evidence", {evidence("worker/x_test.go", 0)}}, {"files", 1}, {"tests", 1}}};
  a["data"]["databases"] = {{{"engine", "postgresql"}, {"sources", {"dependency"}}, {"evidence", json::array()}},
                            {{"engine", "redis"}, {"sources", {"container"}}, {"evidence", json::array()}}};
  a["services"]["compose"] = {
      {{"file", "docker-compose.yml"}, {"services", {{{"name", "db"}, {"image", "postgres:15.4"}}}}}};
  return a;
}

bool has_gap(const std::vector<PendingGap>& gaps, const std::string& text) {
  return std::any_of(gaps.begin(), gaps.end(),
                     [&](const PendingGap& g) { return g.message.find(text) != std::string::npos; });
}

TEST(PlanContext, FindsServicesByManifestDirectoryAndFramework) {
  PlanContext ctx = build_context(two_service_audit(), PlanRequest{});
  const json& s = ctx.data["services"];
  ASSERT_EQ(s.size(), 2u);
  EXPECT_EQ(s[0]["name"], "shop");
  EXPECT_EQ(s[0]["language"], "python");
  EXPECT_EQ(s[0]["framework"], "FastAPI");
  EXPECT_EQ(s[0]["version"], "3.12");  // the version file wins over the manifest's minimum
  EXPECT_EQ(s[0]["port"], 8001);       // code beats an environment default
  EXPECT_EQ(s[0]["health_path"], "/healthz");
  EXPECT_EQ(s[0]["readiness_path"], "/readyz");
  EXPECT_EQ(s[0]["install_commands"],
            json::array({"python -m pip install -r requirements.txt -r requirements-dev.txt"}));
  EXPECT_EQ(s[0]["test_command"], "python -m pytest");
  EXPECT_EQ(s[0]["lint_commands"], json::array({"ruff check ."}));
  EXPECT_EQ(s[0]["start"], "[\"uvicorn\", \"app.main:app\", \"--host\", \"0.0.0.0\", \"--port\", \"8001\"]");

  EXPECT_EQ(s[1]["name"], "worker");
  EXPECT_EQ(s[1]["dir_prefix"], "worker/");
  EXPECT_EQ(s[1]["version"], "1.23");
  EXPECT_EQ(s[1]["port"], 8080);
  EXPECT_EQ(s[1]["go_main"], "./cmd/api");
  EXPECT_EQ(s[1]["test_command"], "go test ./...");
  EXPECT_FALSE(s[1]["has_health"].get<bool>());
  EXPECT_TRUE(has_gap(ctx.gaps, "worker: no health endpoint found: probes use TCP on port 8080"));

  EXPECT_EQ(ctx.data["postgresql"]["image"], "postgres:15.4");
  EXPECT_EQ(ctx.data["postgresql"]["version"], "15");
  EXPECT_EQ(ctx.data["redis"]["image"], "redis:7");
  EXPECT_EQ(s[1]["image"], "ghcr.io/shop/worker");
}

TEST(PlanContext, UsesTheCommandsTheRepositoryCiAlreadyRuns) {
  json a = empty_audit();
  a["stack"]["manifests"] = {manifest("package.json", "npm", "npm", {"express", "eslint"}, "package-lock.json")};
  a["stack"]["frameworks"] = {framework("Express", "javascript", {evidence("package.json", 4)})};
  json ev = json::object();
  for (const char* c : {"build", "deploy", "security"}) ev[c] = json::array();
  ev["test"] = {evidence(".github/workflows/ci.yml", 20, "- run: npm test -- --ci"),
                evidence(".github/workflows/ci.yml", 21, "run: ${{ matrix.cmd }}")};
  ev["lint"] = {evidence(".github/workflows/ci.yml", 19, "- run: npm run lint")};
  a["ci"]["pipelines"] = {{{"system", "github_actions"},
                           {"file", ".github/workflows/ci.yml"},
                           {"jobs", {"build"}},
                           {"evidence", ev},
                           {"runs", json::object()}}};
  PlanContext ctx = build_context(a, PlanRequest{});
  const json& s = ctx.data["services"][0];
  EXPECT_EQ(s["test_command"], "npm test -- --ci");
  EXPECT_EQ(s["lint_commands"], json::array({"npm run lint"}));
  EXPECT_EQ(s["install_commands"], json::array({"npm ci"}));
  EXPECT_EQ(s["version"], "20");
  EXPECT_TRUE(has_gap(ctx.gaps, "no node version found in the audit: using 20"));
  EXPECT_TRUE(ctx.data["existing_ci"]["github_actions"].get<bool>());
}

TEST(PlanContext, CiLinesBecomeShellCommands) {
  EXPECT_EQ(command_of_ci_line("- run: npm test"), "npm test");
  EXPECT_EQ(command_of_ci_line("run: pytest -q"), "pytest -q");
  EXPECT_EQ(command_of_ci_line("ruff check ."), "ruff check .");
  EXPECT_EQ(command_of_ci_line("sh 'npm test -- --ci'"), "npm test -- --ci");
  EXPECT_EQ(command_of_ci_line("sh(\"make test\")"), "make test");
  EXPECT_EQ(command_of_ci_line("script: go test ./..."), "go test ./...");
  EXPECT_EQ(command_of_ci_line("run: |"), "");
  EXPECT_EQ(command_of_ci_line("uses: actions/setup-node@v4"), "");
}

TEST(PlanContext, AnUnrecognisedStackGetsAGenericServiceThatFailsLoudly) {
  PlanContext ctx = build_context(empty_audit("mystery"), PlanRequest{});
  const json& s = ctx.data["services"][0];
  EXPECT_EQ(s["language"], "generic");
  EXPECT_TRUE(s["test_placeholder"].get<bool>());
  EXPECT_NE(s["test_command"].get<std::string>().find("exit 1"), std::string::npos);
  EXPECT_NE(s["start"].get<std::string>().find("exit 1"), std::string::npos);
  EXPECT_TRUE(has_gap(ctx.gaps, "no stack recognised"));
  EXPECT_TRUE(has_gap(ctx.gaps, "mystery: no test command found"));
  EXPECT_TRUE(ctx.data["gates"][0]["commands"].empty());
}

TEST(PlanContext, NamesAreSafeForKubernetesAndImages) {
  EXPECT_EQ(slug("Fast API_Orders!"), "fast-api-orders");
  EXPECT_EQ(slug("42-service"), "app-42-service");
  EXPECT_EQ(slug(""), "app");
  EXPECT_LE(slug(std::string(80, 'a')).size(), 40u);
}

TEST(PlanTargets, DefaultsFollowTheStackAndTheCiInUse) {
  PlanRequest req;
  req.audit = two_service_audit();
  auto plan = make_plan(req);
  ASSERT_TRUE(plan.ok()) << plan.error().message;
  EXPECT_EQ(plan->targets, (std::vector<std::string>{"github-actions", "docker", "kubernetes", "gates", "cost",
                                                     "compose", "helm", "terraform"}));
  req.targets = {"jenkins", "docker"};
  plan = make_plan(req);
  ASSERT_TRUE(plan.ok()) << plan.error().message;
  EXPECT_EQ(plan->targets, (std::vector<std::string>{"docker", "jenkins"}));

  // A repository on GitLab gets GitLab CI, not GitHub Actions; one without databases no compose file.
  json audit = empty_audit();
  audit["stack"]["manifests"] = {manifest("go.mod", "go", "go")};
  audit["ci"]["pipelines"] = {{{"system", "gitlab_ci"},
                               {"file", ".gitlab-ci.yml"},
                               {"jobs", json::array()},
                               {"evidence", json::object()},
                               {"runs", json::object()}}};
  req.audit = audit;
  req.targets.clear();
  plan = make_plan(req);
  ASSERT_TRUE(plan.ok()) << plan.error().message;
  EXPECT_EQ(plan->targets,
            (std::vector<std::string>{"docker", "kubernetes", "gates", "cost", "gitlab", "helm", "terraform"}));
  req.targets = {"ansible"};
  plan = make_plan(req);
  ASSERT_FALSE(plan.ok());
  EXPECT_TRUE(plan.error().usage);
  EXPECT_NE(plan.error().message.find("unknown plan target 'ansible'"), std::string::npos);
}

TEST(PlanTargets, GapsGoToTheFirstPlannedTargetTheyConcern) {
  PlanRequest req;
  req.audit = two_service_audit();
  req.targets = {"docker"};
  auto plan = make_plan(req);
  ASSERT_TRUE(plan.ok()) << plan.error().message;
  bool found = false;
  for (const auto& g : plan->gaps) {
    EXPECT_TRUE(g.target == "docker" || g.target == "plan") << g.target << ": " << g.message;
    found = found || g.message == "worker: no health endpoint found: probes use TCP on port 8080";
  }
  EXPECT_TRUE(found);
}

TEST(PlanCost, PricesEveryComponentPerProfile) {
  PlanContext ctx = build_context(two_service_audit(), PlanRequest{});
  auto cost = estimate_cost(ctx.data, "aws", TemplateSet(std::nullopt));
  ASSERT_TRUE(cost.ok()) << cost.error().message;
  ASSERT_EQ(cost->profiles.size(), 3u);
  const CostProfile& low = cost->profiles[0];
  std::vector<std::string> components;
  for (const auto& i : low.items) components.push_back(i.component);
  EXPECT_EQ(components, (std::vector<std::string>{"compute", "database", "cache", "load_balancer", "egress"}));
  // Two services of 0.25 vCPU / 0.5 GB, 2 replicas, 730 h on Fargate.
  EXPECT_DOUBLE_EQ(low.items[0].monthly, 36.04);
  EXPECT_NE(low.items[0].assumption.find("2 replicas x 0.5 vCPU and 1 GB (2 services together)"), std::string::npos)
      << low.items[0].assumption;
  double sum = 0;
  for (const auto& i : low.items) sum += i.monthly;
  EXPECT_NEAR(low.total, sum, 0.005);
  EXPECT_EQ(cost->prices_as_of, "2024-06-01");
  EXPECT_LT(cost->profiles[0].total, cost->profiles[1].total);
  EXPECT_LT(cost->profiles[1].total, cost->profiles[2].total);

  auto gcp = estimate_cost(ctx.data, "gcp", TemplateSet(std::nullopt));
  ASSERT_TRUE(gcp.ok()) << gcp.error().message;
  EXPECT_EQ(gcp->provider, "gcp");
}

TEST(PlanCost, AMissingPriceNamesTheFileAndTheKey) {
  copilot::testing::TempDir dir;
  dir.write("pricing/aws.yaml",
            "provider: aws\nregion: eu-west-1\ncurrency: EUR\nprices_as_of: \"2025-01-01\"\nnote: test\n"
            "hours_per_month: 730\nprofiles:\n  - name: low\n    traffic: some\n    replicas: 1\n");
  PlanContext ctx = build_context(two_service_audit(), PlanRequest{});
  auto cost = estimate_cost(ctx.data, "aws", TemplateSet(dir.path()));
  ASSERT_FALSE(cost.ok());
  EXPECT_TRUE(cost.error().usage);
  EXPECT_EQ(cost.error().message,
            (dir.path() / "pricing/aws.yaml").string() + ": 'compute.vcpu_hour.price' is missing");
}

}  // namespace
}  // namespace copilot::plan
