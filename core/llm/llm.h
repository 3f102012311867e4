#pragma once
// The model layer's front door. A Client is built from the `llm:` section;
// every request is redacted, looked up in the cache, checked against the
// budgets, routed through the tier's providers, and its answer restored.
// Without configuration no Client exists and nothing leaves the machine.
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "config/config.h"
#include "llm/budget.h"
#include "llm/cache.h"
#include "llm/provider.h"
#include "llm/redact.h"
#include "llm/router.h"
#include "llm/types.h"

namespace copilot::llm {

struct ClientOptions {
  std::filesystem::path root = ".";        ///< the repository: default cache directory and project name
  std::optional<long long> budget_tokens;  ///< --llm-budget-tokens, over the file's budget.tokens
  Transport transport;                     ///< curl by default
  RouterOptions router;                    ///< retry and breaker settings come from the config; seams from here
  Cache::Now now;
};

class Client {
 public:
  /// Builds what the configuration names; providers that cannot be used (a
  /// missing key, an unknown kind) are left out with a note. Without any
  /// provider, but with COPILOT_SERVER and COPILOT_TOKEN set, the control
  /// plane answers every tier. nullptr (and a note) when nothing is usable.
  static std::unique_ptr<Client> create(const config::LlmConfig& config, const Environment& env, ClientOptions options,
                                        std::vector<std::string>& notes);

  /// One answer with placeholders restored, or why there is none. `path` is
  /// the file the prompt quotes, for the secret scanner.
  Outcome chat(ChatRequest request, std::string_view path = "");
  /// The same, but the answer keeps its placeholders (restore it later, once parsed).
  Outcome chat_redacted(ChatRequest request, std::string_view path = "");
  const Redactor& redactor() const { return redactor_; }

  Stats stats() const;
  void count_dropped();
  /// Problems met so far (each once), for the command's notes.
  std::vector<std::string> take_notes();
  /// True once a budget refused: later requests fail at once.
  bool stopped() const;
  const std::string& prompts_dir() const { return prompts_dir_; }
  int request_tokens() const { return request_tokens_; }

 private:
  Client(std::unique_ptr<Router> router, std::optional<CacheOptions> cache, Cache::Now now, LocalBudget local,
         std::optional<ControlPlaneBudget> remote, std::string prompts_dir, int request_tokens);
  void note(std::string message);

  std::unique_ptr<Router> router_;
  std::optional<Cache> cache_;
  LocalBudget local_;
  std::optional<ControlPlaneBudget> remote_;
  std::string prompts_dir_;
  int request_tokens_;
  Redactor redactor_;
  mutable std::mutex mutex_;  ///< one request at a time: budgets, breakers and notes stay consistent
  Stats stats_;
  std::vector<std::string> notes_;
  std::set<std::string> noted_;
  std::string run_id_;
  long long sequence_ = 0;
};

}  // namespace copilot::llm
