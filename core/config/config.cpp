#include "config/config.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cstdlib>
#include <nlohmann/json.hpp>

#include "config/schema_check.h"
#include "config/yaml_json.h"
#include "util/files.h"
#include "util/schemas.h"

extern char** environ;

namespace copilot::config {
namespace {

template <typename T>
void read(const YAML::Node& n, const char* key, T& out) {
  if (n && n[key]) out = n[key].as<T>();
}

Result<void> apply_env(Config& c, const std::map<std::string, std::string>& env) {
  auto get = [&](const char* name) -> const std::string* {
    auto it = env.find(name);
    return it == env.end() || it->second.empty() ? nullptr : &it->second;
  };
  try {
    if (auto v = get("COPILOT_JOBS")) c.jobs = static_cast<unsigned>(std::stoul(*v));
    if (auto v = get("COPILOT_MIN_CONFIDENCE")) c.review_min_confidence = std::stod(*v);
  } catch (const std::exception&) {
    return Error{"environment: COPILOT_JOBS or COPILOT_MIN_CONFIDENCE is not a number"};
  }
  if (auto v = get("COPILOT_FORMAT")) c.format = *v;
  if (auto v = get("COPILOT_LOG_FORMAT")) c.log_format = *v;
  if (auto v = get("COPILOT_FAIL_ON")) c.review_fail_on = *v;
  if (auto v = get("COPILOT_BASE")) c.review_base = *v;
  return {};
}

// A template naming a placeholder we do not fill would reach Jira as literal text.
std::optional<std::string> unknown_placeholder(const std::string& text) {
  for (size_t open = text.find("{{"); open != std::string::npos; open = text.find("{{", open + 2)) {
    size_t close = text.find("}}", open);
    if (close == std::string::npos) return text.substr(open);
    std::string name = text.substr(open + 2, close - open - 2);
    bool known = false;
    for (const char* p : kJiraPlaceholders) known = known || name == p;
    if (!known) return "{{" + name + "}}";
  }
  return std::nullopt;
}

/// notify:, jira: and confluence:, the settings of `--notify`, `--jira` and `--confluence`.
Result<void> read_trackers(const YAML::Node& root, const std::string& origin, Config& c) {
  if (auto n = root["notify"]; n && n["slack"]) read(n["slack"], "webhook_url", c.slack_webhook_url);
  if (auto j = root["jira"]) {
    read(j, "base_url", c.jira.base_url);
    read(j, "project", c.jira.project);
    read(j, "issue_type", c.jira.issue_type);
    read(j, "api_version", c.jira.api_version);
    read(j, "min_severity", c.jira.min_severity);
    read(j, "labels", c.jira.labels);
    read(j, "fields", c.jira.fields);
    read(j, "priorities", c.jira.priorities);
    read(j, "fingerprint_field", c.jira.fingerprint_field);
    read(j, "on_existing", c.jira.on_existing);
    if (const YAML::Node fields = j["fields"]) {
      for (auto it = fields.begin(); it != fields.end(); ++it)
        if (auto bad = unknown_placeholder(it->second.Scalar()))
          return Error{origin + ":" + std::to_string(it->second.Mark().line + 1) + ": key 'jira.fields." +
                       it->first.Scalar() + "': unknown placeholder " + *bad};
    }
  }
  if (auto f = root["confluence"]) {
    read(f, "base_url", c.confluence.base_url);
    read(f, "space", c.confluence.space);
    read(f, "title", c.confluence.title);
    read(f, "parent_id", c.confluence.parent_id);
  }
  return {};
}

std::string where(const std::string& origin, const YAML::Node& node) {
  return origin + ":" + std::to_string(node.Mark().line + 1);
}

config::SettingsBlock settings_block(const YAML::Node& node, const std::string& origin, const std::string& key) {
  return {yaml_to_json(node), where(origin, node), key};
}

/// release:, the environments `copilot release` and `copilot rollback` act on.
void read_release(const YAML::Node& r, const std::string& origin, ReleaseConfig& out) {
  read(r, "state_dir", out.state_dir);
  read(r, "gates_file", out.gates_file);
  if (auto a = r["artifacts"]) {
    read(a, "tests", out.test_reports);
    read(a, "review", out.review_report);
    read(a, "coverage", out.coverage_report);
  }
  if (auto envs = r["environments"]) {
    for (const auto& entry : envs) {
      EnvironmentConfig env;
      env.name = entry.first.Scalar();
      const YAML::Node e = entry.second;
      std::string key = "release.environments." + env.name;
      env.origin = where(origin, e);
      env.target = settings_block(e["target"], origin, key + ".target");
      read(e, "strategy", env.strategy);
      read(e, "steps", env.steps);
      read(e, "pause", env.pause);
      if (auto gates = e["analysis"])
        for (size_t i = 0; i < gates.size(); ++i)
          env.analysis.push_back(settings_block(gates[i], origin, key + ".analysis[" + std::to_string(i) + "]"));
      out.environments.emplace(env.name, std::move(env));
    }
  }
}

/// llm:, the model providers and how they are used (docs/LLM.md).
Result<void> read_llm(const YAML::Node& root, const std::string& origin, Config& c) {
  const YAML::Node l = root["llm"];
  if (!l) return {};
  LlmConfig& llm = c.llm;
  if (const YAML::Node providers = l["providers"]) {
    for (auto it = providers.begin(); it != providers.end(); ++it) {
      LlmProviderConfig p;
      p.name = it->first.Scalar();
      const YAML::Node n = it->second;  // a copy: the iterator hands out a temporary
      read(n, "kind", p.kind);
      read(n, "base_url", p.base_url);
      read(n, "model", p.model);
      read(n, "api_key_env", p.api_key_env);
      read(n, "api_version", p.api_version);
      read(n, "timeout", p.timeout_seconds);
      llm.providers.push_back(std::move(p));
    }
  }
  read(l, "tiers", llm.tiers);
  for (const auto& [tier, names] : llm.tiers)
    for (const auto& name : names)
      if (std::none_of(llm.providers.begin(), llm.providers.end(), [&](const auto& p) { return p.name == name; }))
        return Error{origin + ":" + std::to_string(l["tiers"][tier].Mark().line + 1) + ": key 'llm.tiers." + tier +
                     "': unknown provider '" + name + "'"};
  if (auto cache = l["cache"]) {
    read(cache, "enabled", llm.cache);
    read(cache, "dir", llm.cache_dir);
    read(cache, "ttl_hours", llm.cache_ttl_hours);
    read(cache, "max_mib", llm.cache_max_mib);
  }
  if (auto budget = l["budget"]) {
    read(budget, "tokens", llm.budget_tokens);
    read(budget, "project", llm.budget_project);
  }
  if (auto retry = l["retry"]) {
    read(retry, "attempts", llm.retry_attempts);
    read(retry, "backoff_ms", llm.retry_backoff_ms);
    read(retry, "max_wait_seconds", llm.retry_max_wait_seconds);
  }
  if (auto breaker = l["breaker"]) {
    read(breaker, "failures", llm.breaker_failures);
    read(breaker, "cooldown_seconds", llm.breaker_cooldown_seconds);
  }
  read(l, "request_tokens", llm.request_tokens);
  read(l, "prompts", llm.prompts);
  read(l, "review", llm.review);
  read(l, "gen_tests", llm.gen_tests);
  return {};
}

}  // namespace

Result<Config> parse(const std::string& yaml_text, const std::string& origin) {
  Config c;
  c.source = origin;
  YAML::Node root;
  try {
    root = YAML::Load(yaml_text);
  } catch (const YAML::Exception& e) {
    return Error{origin + ":" + std::to_string(e.mark.line + 1) + ": invalid YAML: " + e.msg};
  }
  if (!root || root.IsNull()) return c;
  static const nlohmann::json schema = nlohmann::json::parse(embedded_schemas().at("config.schema.json"));
  if (auto v = check_against_schema(root, schema)) {
    std::string where = v->key.empty() ? "" : " key '" + v->key + "':";
    return Error{origin + ":" + std::to_string(v->line) + ":" + where + " " + v->problem};
  }
  try {
    read(root, "jobs", c.jobs);
    read(root, "exclude", c.exclude);
    read(root, "include_all", c.include_all);
    read(root, "max_file_size_mib", c.max_file_size_mib);
    if (auto o = root["output"]) {
      read(o, "format", c.format);
      read(o, "color", c.color);
      read(o, "log_format", c.log_format);
    }
    if (auto a = root["audit"]) {
      read(a, "since_days", c.audit_since_days);
      if (auto s = a["secrets"]) read(s, "allow", c.secret_allowlist);
    }
    if (auto r = root["review"]) {
      read(r, "agents", c.review_agents);
      read(r, "rules", c.review_rule_dirs);
      read(r, "disable", c.review_disable);
      read(r, "severity", c.review_severity);
      read(r, "fail_on", c.review_fail_on);
      read(r, "min_confidence", c.review_min_confidence);
      read(r, "filter", c.review_filter);
      read(r, "base", c.review_base);
      read(r, "baseline", c.review_baseline);
      read(r, "thresholds", c.review_thresholds);
      if (auto layers = r["layers"]) {
        for (const auto& l : layers) {
          LayerRule rule;
          read(l, "from", rule.from);
          read(l, "deny", rule.deny);
          read(l, "message", rule.message);
          c.review_layers.push_back(std::move(rule));
        }
      }
    }
    if (auto r = read_trackers(root, origin, c); !r) return r.error();
    if (auto r = read_llm(root, origin, c); !r) return r.error();
    if (auto p = root["plan"]) {
      read(p, "templates", c.plan_templates);
      read(p, "out", c.plan_out);
      read(p, "targets", c.plan_targets);
      read(p, "cloud", c.plan_cloud);
      read(p, "registry", c.plan_registry);
      read(p, "copilot_action", c.plan_copilot_action);
    }
    if (auto r = root["release"]) read_release(r, origin, c.release);
  } catch (const YAML::Exception& e) {
    return Error{origin + ":" + std::to_string(e.mark.line + 1) + ": " + e.msg};
  }
  return c;
}

Result<Config> load(const std::filesystem::path& root, const std::optional<std::filesystem::path>& explicit_path,
                    const std::map<std::string, std::string>& env) {
  std::optional<std::filesystem::path> path = explicit_path;
  if (!path) {
    auto it = env.find("COPILOT_CONFIG");
    if (it != env.end() && !it->second.empty()) path = it->second;
  }
  bool required = path.has_value();
  if (!path) path = root / ".copilot.yaml";
  Config c;
  std::error_code ec;
  if (std::filesystem::exists(*path, ec)) {
    auto text = util::read_file(*path);
    if (!text) return text.error();
    auto parsed = parse(*text, path->string());
    if (!parsed) return parsed.error();
    c = std::move(*parsed);
  } else if (required) {
    return Error{path->string() + ": configuration file not found"};
  }
  if (auto r = apply_env(c, env); !r) return r.error();
  return c;
}

std::map<std::string, std::string> process_environment() {
  std::map<std::string, std::string> env;
  for (char** e = environ; e && *e; ++e) {
    std::string kv = *e;
    size_t eq = kv.find('=');
    if (eq != std::string::npos) env.emplace(kv.substr(0, eq), kv.substr(eq + 1));
  }
  return env;
}

}  // namespace copilot::config
