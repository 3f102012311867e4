#include "plan/targets.h"

#include <yaml-cpp/yaml.h>

#include "plan/context.h"

namespace copilot::plan {

using nlohmann::json;

namespace {

bool always(const json&) {
  return true;
}

bool recognised(const json& c) {
  for (const auto& s : list_of(c, "services"))
    if (!s.value("generic", false)) return true;
  return false;
}

bool uses_ci(const json& c, const char* system) {
  return c["existing_ci"].value(system, false);
}

// GitHub Actions unless the repository already runs only another CI system.
bool github_fits(const json& c) {
  return uses_ci(c, "github_actions") || !(uses_ci(c, "jenkins") || uses_ci(c, "gitlab_ci"));
}
bool jenkins_fits(const json& c) {
  return uses_ci(c, "jenkins");
}
bool gitlab_fits(const json& c) {
  return uses_ci(c, "gitlab_ci");
}
bool compose_fits(const json& c) {
  return c.value("has_backing", false);
}

struct FileRule {
  std::string template_name, path, each, when;
  int line = 0;
};

struct Index {
  std::string origin;  // the index file, for errors
  std::vector<FileRule> files;
  std::vector<std::string> partials;  // template file names, included by their stem
};

Result<Index> load_index(const std::string& target, const TemplateSet& templates) {
  auto index = templates.get(target + "/target.yaml");
  if (!index) return index.error();
  Index out;
  out.origin = index->origin;
  std::vector<FileRule>& rules = out.files;
  try {
    YAML::Node root = YAML::Load(index->text);
    if (YAML::Node partials = root["partials"]) {
      if (!partials.IsSequence())
        return Error{index->origin + ":" + std::to_string(partials.Mark().line + 1) + ": 'partials' must be a list",
                     true};
      for (const auto& p : partials) out.partials.push_back(p.as<std::string>());
    }
    YAML::Node files = root["files"];
    if (!files || !files.IsSequence()) return Error{index->origin + ":1: 'files' must be a list", true};
    for (const auto& f : files) {
      FileRule r;
      r.line = f.Mark().line + 1;
      auto field = [&](const char* key) { return f[key] ? f[key].as<std::string>() : std::string(); };
      r.template_name = field("template");
      r.path = field("path");
      r.each = field("each");
      r.when = field("when");
      if (r.template_name.empty() || r.path.empty())
        return Error{index->origin + ":" + std::to_string(r.line) + ": each file needs 'template' and 'path'", true};
      rules.push_back(std::move(r));
    }
  } catch (const YAML::Exception& e) {
    return Error{index->origin + ":" + std::to_string(e.mark.line + 1) + ": invalid YAML: " + e.msg, true};
  }
  return out;
}

// `when: key` (or `!key`) looked up on the item first, then the context.
bool condition_holds(const std::string& when, const json& context, const json* item) {
  if (when.empty()) return true;
  bool negate = when[0] == '!';
  std::string key = negate ? when.substr(1) : when;
  const json* value = nullptr;
  if (item && item->is_object() && item->contains(key))
    value = &(*item)[key];
  else if (context.contains(key))
    value = &context[key];
  bool truthy = value && !value->is_null() && !(value->is_boolean() && !value->get<bool>()) &&
                !(value->is_string() && value->get_ref<const std::string&>().empty()) &&
                !((value->is_array() || value->is_object()) && value->empty());
  return truthy != negate;
}

// A rendered output path must stay inside the output directory.
bool safe_path(const std::string& path) {
  if (path.empty() || path[0] == '/' || path.back() == '/') return false;
  size_t start = 0;
  while (start <= path.size()) {
    size_t end = path.find('/', start);
    std::string part = path.substr(start, end == std::string::npos ? std::string::npos : end - start);
    if (part.empty() || part == "." || part == "..") return false;
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return true;
}

}  // namespace

const std::vector<TargetRow>& target_table() {
  static const std::vector<TargetRow> table = {
      {"github-actions", "GitHub Actions CI (lint, test, review, SBOM) and CD (images, copilot release)", github_fits},
      {"docker", "A multi-stage Dockerfile per service and a .dockerignore", always},
      {"kubernetes", "Deployment (or an Argo Rollouts canary), Service, HPA and PDB per service", recognised},
      {"gates", "copilot-gates.yaml: the gates copilot release enforces, with waivers", always},
      {"cost", "Monthly cost for low, medium and high traffic from a list-price table", recognised},
      {"jenkins", "A declarative Jenkinsfile with the same stages", jenkins_fits},
      {"gitlab", "A .gitlab-ci.yml with the same stages and a Code Quality report", gitlab_fits},
      {"compose", "docker-compose.yml for local development with the backing services", compose_fits},
      {"helm", "A Helm chart with the Kubernetes objects, parameterised", recognised},
      {"terraform", "Terraform for AWS (ECS Fargate) or GCP (Cloud Run) with managed data stores", recognised},
  };
  return table;
}

const TargetRow* find_target(const std::string& name) {
  for (const auto& t : target_table())
    if (name == t.name) return &t;
  return nullptr;
}

Result<std::vector<PlanFile>> render_target(const std::string& target, const TemplateSet& templates,
                                            const json& context) {
  auto index = load_index(target, templates);
  if (!index) return index.error();
  Partials partials;
  for (const auto& file : index->partials) {
    auto text = templates.get(target + "/" + file);
    if (!text) return text.error();
    partials[file.substr(0, file.find('.'))] = std::move(*text);
  }
  std::vector<PlanFile> out;
  for (const auto& rule : index->files) {
    std::vector<const json*> items = {nullptr};
    if (!rule.each.empty()) {
      items.clear();
      if (!context.contains(rule.each) || !context[rule.each].is_array())
        return Error{index->origin + ":" + std::to_string(rule.line) + ": 'each: " + rule.each +
                         "' is not a list in the plan context",
                     true};
      for (const auto& item : context[rule.each]) items.push_back(&item);
    }
    for (const json* item : items) {
      if (!condition_holds(rule.when, context, item)) continue;
      TemplateText path_template{rule.path, index->origin + ":" + std::to_string(rule.line)};
      auto path = render_template(path_template, context, item);
      if (!path) return path.error();
      if (!safe_path(*path))
        return Error{path_template.origin + ": path '" + *path + "' must be relative and stay inside the plan", true};
      auto tmpl = templates.get(target + "/" + rule.template_name);
      if (!tmpl) return tmpl.error();
      auto content = render_template(*tmpl, context, item, &partials);
      if (!content) return content.error();
      out.push_back({*path, target, std::move(*content)});
    }
  }
  return out;
}

}  // namespace copilot::plan
