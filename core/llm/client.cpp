#include <unistd.h>

#include <cmath>

#include "llm/llm.h"
#include "util/hash.h"

namespace copilot::llm {
namespace {

std::string lookup(const Environment& env, const std::string& name) {
  auto it = env.find(name);
  return it == env.end() ? "" : it->second;
}

std::filesystem::path cache_dir(const config::LlmConfig& config, const Environment& env,
                                const std::filesystem::path& root) {
  if (!config.cache_dir.empty()) {
    std::filesystem::path dir = config.cache_dir;
    return dir.is_absolute() ? dir : root / dir;
  }
  if (auto xdg = lookup(env, "XDG_CACHE_HOME"); !xdg.empty()) return std::filesystem::path(xdg) / "copilot" / "llm";
  return root / ".copilot" / "cache" / "llm";
}

/// The model a cache entry is keyed by: the configured model, or for the
/// control plane (which picks its own) the provider and tier.
std::string key_model(const Provider& p, const std::string& tier) {
  return p.model().empty() ? p.name() + ":" + tier : p.model();
}

}  // namespace

void to_json(nlohmann::json& j, const Stats& s) {
  j = {{"requests", s.requests},
       {"cache_hits", s.cache_hits},
       {"provider_calls", s.provider_calls},
       {"failures", s.failures},
       {"answers_dropped", s.dropped},
       {"prompt_tokens", s.prompt_tokens},
       {"completion_tokens", s.completion_tokens},
       {"cost_usd", std::round(s.cost_usd * 1e6) / 1e6},
       {"redacted", s.redacted},
       {"stopped_by_budget", s.stopped}};
}

std::string summary_line(const Stats& s) {
  char cost[32];
  std::snprintf(cost, sizeof cost, "$%.4f", s.cost_usd);
  std::string line = "llm: " + std::to_string(s.requests) + " request(s), " + std::to_string(s.cache_hits) +
                     " from cache, " + std::to_string(s.prompt_tokens + s.completion_tokens) + " tokens, " + cost;
  if (s.failures) line += ", " + std::to_string(s.failures) + " unanswered";
  if (s.dropped) line += ", " + std::to_string(s.dropped) + " answer(s) dropped";
  if (s.stopped) line += ", stopped by the budget";
  return line;
}

std::unique_ptr<Client> Client::create(const config::LlmConfig& config, const Environment& env, ClientOptions options,
                                       std::vector<std::string>& notes) {
  Transport transport = options.transport ? options.transport : curl_transport();
  std::vector<std::unique_ptr<Provider>> providers;
  for (const auto& settings : config.providers) {
    auto p = make_provider(settings, env, transport);
    if (!p) {
      notes.push_back(p.error().message + "; provider left out");
      continue;
    }
    providers.push_back(std::move(*p));
  }
  const std::string server = lookup(env, "COPILOT_SERVER"), token = lookup(env, "COPILOT_TOKEN");
  auto tiers = config.tiers;
  if (config.providers.empty() && !server.empty() && !token.empty()) {
    config::LlmProviderConfig cp;
    cp.name = "controlplane";
    cp.kind = "controlplane";
    if (auto p = make_provider(cp, env, transport)) providers.push_back(std::move(*p));
    tiers.clear();
  }
  if (providers.empty()) {
    notes.push_back(config.providers.empty()
                        ? "no LLM provider is configured (llm.providers, or COPILOT_SERVER and COPILOT_TOKEN); "
                          "rule-based results only"
                        : "no configured LLM provider is usable; rule-based results only");
    return nullptr;
  }
  // Tiers may name providers that were left out; the router skips unknown names.
  RouterOptions router = options.router;
  router.attempts = config.retry_attempts;
  router.first_backoff = std::chrono::milliseconds(config.retry_backoff_ms);
  router.max_wait = std::chrono::seconds(config.retry_max_wait_seconds);
  router.breaker_failures = config.breaker_failures;
  router.breaker_cooldown = std::chrono::seconds(config.breaker_cooldown_seconds);

  std::optional<CacheOptions> cache;
  if (config.cache)
    cache = CacheOptions{cache_dir(config, env, options.root), std::chrono::hours(config.cache_ttl_hours),
                         static_cast<uint64_t>(config.cache_max_mib) << 20};
  std::optional<ControlPlaneBudget> remote;
  if (!server.empty() && !token.empty()) {
    std::string project = config.budget_project;
    if (project.empty()) {
      std::error_code ec;
      project = std::filesystem::weakly_canonical(options.root, ec).filename().string();
    }
    remote.emplace(server, token, project, transport);
  }
  std::string prompts;
  if (!config.prompts.empty())
    prompts = (std::filesystem::path(config.prompts).is_absolute() ? std::filesystem::path(config.prompts)
                                                                   : options.root / config.prompts)
                  .string();
  auto client = std::unique_ptr<Client>(
      new Client(std::make_unique<Router>(std::move(providers), std::move(tiers), std::move(router)), std::move(cache),
                 options.now, LocalBudget(options.budget_tokens.value_or(config.budget_tokens)), std::move(remote),
                 std::move(prompts), config.request_tokens));
  return client;
}

Client::Client(std::unique_ptr<Router> router, std::optional<CacheOptions> cache, Cache::Now now, LocalBudget local,
               std::optional<ControlPlaneBudget> remote, std::string prompts_dir, int request_tokens)
    : router_(std::move(router)),
      local_(local),
      remote_(std::move(remote)),
      prompts_dir_(std::move(prompts_dir)),
      request_tokens_(request_tokens) {
  if (cache) cache_.emplace(std::move(*cache), std::move(now));
  run_id_ = util::hash_hex(std::to_string(std::chrono::system_clock::now().time_since_epoch().count()) + ":" +
                           std::to_string(getpid()));
}

void Client::note(std::string message) {
  if (noted_.insert(message).second) notes_.push_back(std::move(message));
}

Outcome Client::chat(ChatRequest request, std::string_view path) {
  Outcome out = chat_redacted(std::move(request), path);
  if (out.response) out.response->content = redactor_.restore(out.response->content);
  return out;
}

Outcome Client::chat_redacted(ChatRequest request, std::string_view path) {
  std::lock_guard lock(mutex_);
  ++stats_.requests;
  if (stats_.stopped)
    return {std::nullopt, {FailureKind::quota, "the LLM budget was spent earlier in this run", std::nullopt}};
  for (auto& m : request.messages) m.content = redactor_.redact(m.content, path);
  stats_.redacted = static_cast<int>(redactor_.replaced());

  auto providers = router_->candidates(request.tier);
  if (cache_) {
    for (const Provider* p : providers)
      if (auto hit = cache_->get(Cache::key(key_model(*p, request.tier), request))) {
        ++stats_.cache_hits;
        return {std::move(*hit), {}};
      }
  }
  const long long estimate = estimate_tokens(request.messages) + request.max_tokens;
  if (auto refused = local_.check(estimate)) {
    stats_.stopped = true;
    note(refused->message + "; the rest of the run uses rule-based results only");
    return {std::nullopt, *refused};
  }
  std::optional<std::string> reservation;
  CallHooks hooks;
  hooks.before = [&](const Provider& p) -> std::optional<Failure> {
    reservation.reset();
    if (!remote_ || p.accounts_itself()) return std::nullopt;
    auto reserved = remote_->reserve(p.model(), estimate, run_id_ + "-" + std::to_string(++sequence_));
    if (auto* failure = std::get_if<Failure>(&reserved)) return *failure;
    reservation = std::get<std::string>(reserved);
    return std::nullopt;
  };
  hooks.after = [&](const Provider& p, const Outcome& out) {
    if (!reservation) return;
    Usage used = out.response ? out.response->usage : Usage{};
    if (auto committed = remote_->commit(*reservation, used, out.response ? out.response->model : p.model());
        !committed)
      note(committed.error().message);
  };
  std::vector<std::string> route_notes;
  Outcome out = router_->route(request, hooks, route_notes);
  for (auto& n : route_notes) note(std::move(n));
  if (!out.response) {
    if (out.failure.kind == FailureKind::quota) {
      stats_.stopped = true;
      note(out.failure.message + "; the rest of the run uses rule-based results only");
    } else {
      ++stats_.failures;
      note(out.failure.message);
    }
    return out;
  }
  ChatResponse& r = *out.response;
  ++stats_.provider_calls;
  stats_.prompt_tokens += r.usage.prompt_tokens;
  stats_.completion_tokens += r.usage.completion_tokens;
  local_.spend(r.usage);
  for (const Provider* p : providers) {
    if (p->name() != r.provider) continue;
    stats_.cost_usd += cost_usd(price_of(r.model) ? r.model : p->model(), r.usage);
    if (cache_)
      if (auto stored = cache_->put(Cache::key(key_model(*p, request.tier), request), r); !stored)
        note(stored.error().message);
  }
  return out;
}

Stats Client::stats() const {
  std::lock_guard lock(mutex_);
  return stats_;
}

void Client::count_dropped() {
  std::lock_guard lock(mutex_);
  ++stats_.dropped;
}

std::vector<std::string> Client::take_notes() {
  std::lock_guard lock(mutex_);
  return std::exchange(notes_, {});
}

bool Client::stopped() const {
  std::lock_guard lock(mutex_);
  return stats_.stopped;
}

}  // namespace copilot::llm
