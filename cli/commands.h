#pragma once
#include <CLI/CLI.hpp>
#include <functional>

#include "context.h"

namespace copilot::cli {

/// A subcommand: its flags are attached to `sub`; `run` is set to what it does.
using Attach = void (*)(CLI::App& sub, const GlobalOptions& global, std::function<int()>& run);

struct Command {
  const char* name;
  const char* summary;
  Attach attach;
};

void attach_audit(CLI::App& sub, const GlobalOptions& global, std::function<int()>& run);
void attach_review(CLI::App& sub, const GlobalOptions& global, std::function<int()>& run);
void attach_rules(CLI::App& sub, const GlobalOptions& global, std::function<int()>& run);
void attach_gen_tests(CLI::App& sub, const GlobalOptions& global, std::function<int()>& run);
void attach_completion(CLI::App& sub, const GlobalOptions& global, std::function<int()>& run);
void attach_triage(CLI::App& sub, const GlobalOptions& global, std::function<int()>& run);
void attach_plan(CLI::App& sub, const GlobalOptions& global, std::function<int()>& run);
void attach_release(CLI::App& sub, const GlobalOptions& global, std::function<int()>& run);
void attach_rollback(CLI::App& sub, const GlobalOptions& global, std::function<int()>& run);

}  // namespace copilot::cli
