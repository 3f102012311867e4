#pragma once
// The model client for commands that take --llm: built from the llm: section
// and the environment, its setup problems logged as warnings. Null when the
// model is off or nothing is usable; the command then runs on rules alone.
#include <CLI/CLI.hpp>
#include <filesystem>
#include <memory>
#include <optional>

#include "config/config.h"
#include "llm/llm.h"

namespace copilot::cli {

struct LlmFlags {
  bool on = false;
  std::optional<long long> budget_tokens;
};

/// Adds --llm and --llm-budget-tokens; `what` says what the model does for this command.
void add_llm_options(CLI::App& sub, LlmFlags& flags, const std::string& what);

/// The client when `wanted` (the flag or the config), else null.
std::unique_ptr<llm::Client> make_llm_client(const LlmFlags& flags, bool wanted, const config::Config& cfg,
                                             const std::filesystem::path& root);

}  // namespace copilot::cli
