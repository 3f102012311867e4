#include "llm.h"

#include <spdlog/spdlog.h>

namespace copilot::cli {

void add_llm_options(CLI::App& sub, LlmFlags& flags, const std::string& what) {
  sub.add_flag("--llm", flags.on, what + " (providers in the llm: section of the config; see docs/LLM.md)");
  sub.add_option("--llm-budget-tokens", flags.budget_tokens,
                 "Stop asking the model once the run has used this many tokens (over llm.budget.tokens)")
      ->check(CLI::PositiveNumber);
}

std::unique_ptr<llm::Client> make_llm_client(const LlmFlags& flags, bool wanted, const config::Config& cfg,
                                             const std::filesystem::path& root) {
  if (!wanted) return nullptr;
  llm::ClientOptions options;
  options.root = root;
  options.budget_tokens = flags.budget_tokens;
  std::vector<std::string> notes;
  auto client = llm::Client::create(cfg.llm, config::process_environment(), options, notes);
  for (const auto& n : notes) spdlog::warn("llm: {}", n);
  return client;
}

}  // namespace copilot::cli
