// copilot: flags in, one call into core, an exit code out.
#include <spdlog/spdlog.h>

#include <CLI/CLI.hpp>
#include <cstdio>

#include "commands.h"

namespace {

using copilot::cli::Command;

// Subcommands are rows: adding one is one row and one file.
constexpr Command kCommands[] = {
    {"audit", "Report what a repository contains and how ready it is for production", copilot::cli::attach_audit},
    {"review",
     "Review a change (or the whole tree) with the security, style, logic, performance and architecture agents",
     copilot::cli::attach_review},
    {"rules", "List the review rules or run their examples", copilot::cli::attach_rules},
    {"gen-tests", "Generate tests that run (pytest), optionally verified, characterized and measured",
     copilot::cli::attach_gen_tests},
    {"completion", "Print a bash or zsh completion script for copilot", copilot::cli::attach_completion},
    {"triage", "Turn build and test logs into grouped failures linked to the repository", copilot::cli::attach_triage},
    {"plan", "Generate a delivery blueprint (CI/CD, containers, Kubernetes, gates, costs) from the audit",
     copilot::cli::attach_plan},
    {"release", "Release a version step by step behind health gates, with automatic rollback",
     copilot::cli::attach_release},
    {"rollback", "Put an earlier release back on all traffic", copilot::cli::attach_rollback},
};

}  // namespace

int main(int argc, char** argv) {
  using namespace copilot::cli;
  CLI::App app{"copilot: audit, review, plan, test generation and releases from one binary", "copilot"};
  app.require_subcommand(1);
  app.set_version_flag("--version", std::string("copilot ") + COPILOT_VERSION);
  GlobalOptions global;
  app.add_option("--config", global.config_path, "Configuration file (default: .copilot.yaml in the target)");
  app.add_option("-j,--jobs", global.jobs, "Worker threads (default: all cores)");
  app.add_flag("--no-color", global.no_color, "Never use colors");
  app.add_option("--log-format", global.log_format, "Log format on stderr: text or json")
      ->check(CLI::IsMember({"text", "json"}));
  app.add_flag("-v,--verbose", global.verbose, "More logging (repeat for more)");
  app.add_flag("-q,--quiet", global.quiet, "Only errors on stderr");

  std::function<int()> run;
  for (const auto& c : kCommands) {
    CLI::App* sub = app.add_subcommand(c.name, c.summary);
    sub->fallthrough();
    c.attach(*sub, global, run);
  }

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? kOk : kUsage;
  }
  try {
    return run();
  } catch (const Failure& f) {
    std::fprintf(stderr, "copilot: error: %s\n", f.message.c_str());
    return f.code;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "copilot: internal error: %s\n", e.what());
    return kRuntime;
  }
}
