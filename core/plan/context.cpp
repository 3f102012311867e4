// The data context: project, services, backing services, gates, options.
#include "plan/context.h"

#include <algorithm>
#include <cctype>
#include <set>

#include "plan/services.h"

namespace copilot::plan {

using nlohmann::json;

std::string text_of(const json& j, std::string_view key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

const json& list_of(const json& j, std::string_view key) {
  static const json empty = json::array();
  auto it = j.find(key);
  return it != j.end() && it->is_array() ? *it : empty;
}

std::string slug(std::string_view name) {
  std::string out;
  for (char c : name) {
    char l = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (std::isalnum(static_cast<unsigned char>(l)))
      out += l;
    else if (!out.empty() && out.back() != '-')
      out += '-';
  }
  if (out.empty() || !std::isalpha(static_cast<unsigned char>(out[0]))) out = "app" + (out.empty() ? "" : "-" + out);
  out.resize(std::min<size_t>(out.size(), 40));
  while (out.back() == '-') out.pop_back();
  return out;
}

std::string dir_of(std::string_view path) {
  size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? std::string() : std::string(path.substr(0, slash));
}

bool under(std::string_view path, std::string_view dir) {
  return dir.empty() || (path.size() > dir.size() && path.substr(0, dir.size()) == dir && path[dir.size()] == '/');
}

std::string exec_form(const std::vector<std::string>& argv) {
  std::string out = "[";
  for (const auto& arg : argv) out += (out.size() > 1 ? ", " : "") + json(arg).dump();
  return out + "]";
}

std::vector<std::string> split_command(std::string_view command) {
  std::vector<std::string> out;
  std::string word;
  bool in_word = false;
  char quote = 0;
  for (char c : command) {
    if (quote) {
      if (c == quote)
        quote = 0;
      else
        word += c;
    } else if (c == '"' || c == '\'') {
      quote = c;
      in_word = true;
    } else if (c == ' ' || c == '\t') {
      if (in_word) out.push_back(word);
      word.clear();
      in_word = false;
    } else {
      word += c;
      in_word = true;
    }
  }
  if (in_word) out.push_back(word);
  return out;
}

namespace {

json gates(const json& services, const json& audit, std::vector<PendingGap>& gaps) {
  json commands = json::array(), quoted = json::array();
  for (const auto& s : services)
    if (!s.value("test_placeholder", false)) {
      commands.push_back(text_of(s, "test_command"));
      quoted.push_back(json(text_of(s, "test_command")).dump());  // a YAML double-quoted scalar
    }
  json out = json::array();
  out.push_back({{"id", "tests-pass"},
                 {"check", "tests"},
                 {"description", "The CI test jobs pass on the commit being released"},
                 {"commands", commands},
                 {"quoted_commands", quoted},
                 {"has_commands", !commands.empty()}});
  out.push_back({{"id", "no-critical-findings"},
                 {"check", "review"},
                 {"description", "copilot review reports no finding of critical severity"},
                 {"fail_on", "critical"}});
  out.push_back({{"id", "sbom-present"},
                 {"check", "sbom"},
                 {"description", "A CycloneDX SBOM (copilot audit --sbom) was produced for the commit"},
                 {"path", "sbom.cdx.json"}});
  auto coverage = audit["tests"].find("coverage");
  if (coverage != audit["tests"].end() && coverage->is_number()) {
    out.push_back({{"id", "coverage"},
                   {"check", "coverage"},
                   {"description", "Line coverage does not drop below what the audit measured"},
                   {"minimum", coverage->get<double>()}});
  } else {
    gaps.push_back({{"gates"}, "the audit measured no test coverage: no coverage gate (add one once CI measures it)"});
  }
  return out;
}

// What every plan has to leave to its owner: settings copilot cannot guess and
// pieces that do not exist yet.
void add_delivery_notes(const PlanRequest& request, const json& d, std::vector<PendingGap>& gaps) {
  if (request.copilot_action.empty())
    gaps.push_back({{"github-actions"},
                    "copilot's GitHub Action is referenced as " + text_of(d, "copilot_action") +
                        ": set plan.copilot_action in .copilot.yaml to your copy, pinned to a "
                        "commit"});
  if (request.registry.empty())
    gaps.push_back({{"kubernetes", "helm", "github-actions", "terraform", "jenkins", "gitlab"},
                    "no image registry configured: images are named " + text_of(d, "registry") +
                        "/<service> (set plan.registry in .copilot.yaml)"});
  gaps.push_back({{"gates"},
                  "copilot-release.yaml declares one production environment per service on the Kubernetes "
                  "manifests; add its analysis gates (Prometheus address and queries) before relying on them"});
  if (request.cloud == "aws") {
    gaps.push_back({{"terraform"},
                    "AWS: the load balancer listens on HTTP only; add an ACM certificate and an HTTPS listener "
                    "before going live"});
    gaps.push_back({{"terraform"},
                    "AWS: the VPC and subnets are inputs (vpc_id, public_subnet_ids, private_subnet_ids), not "
                    "created"});
  } else {
    gaps.push_back({{"terraform"},
                    "GCP: Cloud Run services stay private until roles/run.invoker is granted; Cloud SQL is "
                    "reached over its Unix socket under /cloudsql"});
  }
  if (d.value("has_managed_backing", false))
    gaps.push_back({{"terraform"},
                    "generated data store passwords live in the Terraform state: keep it in an encrypted remote "
                    "backend"});
}

}  // namespace

PlanContext build_context(const json& audit, const PlanRequest& request) {
  PlanContext ctx;
  std::string project = text_of(audit, "project");
  std::string project_slug = slug(project.empty() ? "app" : project);
  std::string registry = request.registry.empty() ? "ghcr.io/" + project_slug : request.registry;
  while (!registry.empty() && registry.back() == '/') registry.pop_back();

  json services = discover_services(audit, project_slug, ctx.gaps);
  for (auto& s : services) {
    add_toolchain(s, audit, ctx.gaps);
    s["image"] = registry + "/" + text_of(s, "slug");
    ctx.services.push_back({text_of(s, "name"), text_of(s, "dir"), text_of(s, "language"), text_of(s, "version"),
                            text_of(s, "framework"), s.value("port", 0), text_of(s, "health_path")});
  }
  json backing = backing_services(audit, project_slug, ctx.gaps);

  json& d = ctx.data;
  d["project"] = project;
  d["project_slug"] = project_slug;
  d["copilot_version"] = COPILOT_VERSION;
  d["registry"] = registry;
  d["registry_host"] = registry.substr(0, registry.find('/'));
  d["registry_is_ghcr"] = registry.rfind("ghcr.io/", 0) == 0;
  d["services"] = services;
  d["multi_service"] = services.size() > 1;
  d["primary"] = services.empty() ? json::object() : services[0];
  d["backing"] = backing;
  d["has_backing"] = !backing.empty();
  auto is = [](const char* engine) { return [engine](const json& b) { return text_of(b, "engine") == engine; }; };
  d["has_sql"] = std::any_of(backing.begin(), backing.end(), is("postgresql")) ||
                 std::any_of(backing.begin(), backing.end(), is("mysql"));
  d["has_managed_backing"] = !std::all_of(backing.begin(), backing.end(), is("mongodb"));
  d["has_volumes"] =
      std::any_of(backing.begin(), backing.end(), [](const json& b) { return text_of(b, "engine") != "redis"; });
  for (const auto& b : backing) d[text_of(b, "engine")] = b;
  d["canary"] = request.canary;
  d["cloud"] = request.cloud;
  d["cloud_" + request.cloud] = true;
  d["readiness_score"] = audit["readiness"].value("score", 0);
  d["default_branch"] = "main";

  json existing = json::object();
  for (const auto& p : list_of(audit["ci"], "pipelines")) existing[text_of(p, "system")] = true;
  d["existing_ci"] = existing;
  d["copilot_action"] = request.copilot_action.empty()
                            ? "OWNER/copilot/plugins/github-action@v" + std::string(COPILOT_VERSION)
                            : request.copilot_action;
  add_delivery_notes(request, d, ctx.gaps);
  d["gates"] = gates(services, audit, ctx.gaps);
  return ctx;
}

}  // namespace copilot::plan
