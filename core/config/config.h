#pragma once
// .copilot.yaml, validated against schemas/config.schema.json, with COPILOT_*
// environment overrides. Flags are applied on top by the CLI.
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "config/release.h"
#include "util/result.h"

namespace copilot::config {

struct LayerRule {
  std::string from;               ///< glob of importing files
  std::vector<std::string> deny;  ///< module prefixes they must not import
  std::string message;
};

/// The placeholders a `jira.fields` template may use, as {{name}}.
inline constexpr const char* kJiraPlaceholders[] = {"rule_id", "agent",       "severity", "file",
                                                    "line",    "fingerprint", "message"};

struct JiraConfig {
  std::string base_url;  ///< may hold ${VARIABLE}, expanded when used
  std::string project;
  std::string issue_type = "Bug";
  int api_version = 3;
  std::string min_severity = "high";
  std::vector<std::string> labels;
  std::map<std::string, std::string> fields;      ///< custom field id → template
  std::map<std::string, std::string> priorities;  ///< severity → priority name
  std::string fingerprint_field;                  ///< empty: a copilot-<fingerprint> label
  std::string on_existing = "comment";            ///< or "update"
};

struct ConfluenceConfig {
  std::string base_url;  ///< may hold ${VARIABLE}, expanded when used
  std::string space;
  std::string title;  ///< empty: "copilot audit: <repository name>"
  std::string parent_id;
};

/// One model endpoint under `llm.providers`. Keys come only from the
/// environment variable named here, never from the file.
struct LlmProviderConfig {
  std::string name;
  std::string kind;  ///< openai (any OpenAI-compatible server), azure, anthropic, controlplane
  std::string base_url;
  std::string model;
  std::string api_key_env;  ///< "" for servers without keys (llama.cpp, Ollama)
  std::string api_version;  ///< azure: the api-version query parameter
  int timeout_seconds = 60;
};

/// The `llm:` section. With no providers (the default) nothing is sent anywhere.
struct LlmConfig {
  std::vector<LlmProviderConfig> providers;               ///< in file order
  std::map<std::string, std::vector<std::string>> tiers;  ///< quality, bulk, fallback, local → provider names
  bool cache = true;
  std::string cache_dir;  ///< "" = $XDG_CACHE_HOME/copilot/llm, else .copilot/cache/llm in the repository
  int cache_ttl_hours = 168;
  int cache_max_mib = 100;
  long long budget_tokens = 0;  ///< local cap for one run; 0 = none
  std::string budget_project;   ///< project name sent with control-plane reservations
  int retry_attempts = 3;       ///< per provider, including the first
  int retry_backoff_ms = 500;   ///< doubled each attempt, with jitter
  int retry_max_wait_seconds = 60;
  int breaker_failures = 5;  ///< consecutive failures that open a provider's circuit
  int breaker_cooldown_seconds = 60;
  int request_tokens = 6000;  ///< estimated prompt tokens per request when splitting changes
  std::string prompts;        ///< directory whose files replace the built-in prompt templates
  bool review = false;        ///< `copilot review` uses the llm agent without --llm
  bool gen_tests = false;     ///< `copilot gen-tests` fills test bodies without --llm
};

struct Config {
  std::filesystem::path source;  ///< the file it came from, empty for defaults
  unsigned jobs = 0;
  std::vector<std::string> exclude;
  bool include_all = false;
  int max_file_size_mib = 5;

  std::string format = "text";
  std::string color = "auto";
  std::string log_format = "text";

  int audit_since_days = 90;
  std::vector<std::string> secret_allowlist;

  std::vector<std::string> review_agents;  ///< empty = all
  std::vector<std::string> review_rule_dirs;
  std::vector<std::string> review_disable;
  std::map<std::string, std::string> review_severity;
  std::string review_fail_on = "none";
  double review_min_confidence = 0.0;
  std::string review_filter = "added";
  std::string review_base;
  std::string review_baseline;
  std::vector<LayerRule> review_layers;
  std::map<std::string, int> review_thresholds;

  std::string slack_webhook_url;  ///< notify.slack.webhook_url; may hold ${VARIABLE}
  JiraConfig jira;
  ConfluenceConfig confluence;

  std::string plan_templates;             ///< directory overriding built-in plan templates; "" = none
  std::string plan_out;                   ///< output directory; "" = .copilot/plan in the repository
  std::vector<std::string> plan_targets;  ///< empty = every target that fits
  std::string plan_cloud;                 ///< "" = aws
  std::string plan_registry;              ///< image registry prefix; "" = ghcr.io/<project>
  std::string plan_copilot_action;        ///< `uses:` of copilot's GitHub Action in generated CI

  ReleaseConfig release;
  LlmConfig llm;
};

/// Parses and validates YAML text; `origin` names the file in errors, which
/// read "FILE:LINE: key 'a.b': problem".
Result<Config> parse(const std::string& yaml_text, const std::string& origin);

/// Loads `explicit_path` if given, else `<root>/.copilot.yaml` if it exists,
/// else defaults; then applies COPILOT_* variables from `env`.
Result<Config> load(const std::filesystem::path& root, const std::optional<std::filesystem::path>& explicit_path,
                    const std::map<std::string, std::string>& env);

/// The process environment as a map (a seam for tests).
std::map<std::string, std::string> process_environment();

}  // namespace copilot::config
