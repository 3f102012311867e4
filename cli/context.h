#pragma once
// What every subcommand shares: global flags, configuration, logging, output.
#include <filesystem>
#include <optional>
#include <string>

#include "config/config.h"

namespace copilot::cli {

enum ExitCode { kOk = 0, kGateFailed = 1, kUsage = 2, kRuntime = 3, kPaused = 4 };

struct GlobalOptions {
  std::optional<std::string> config_path;
  std::optional<unsigned> jobs;
  bool no_color = false;
  std::optional<std::string> log_format;
  int verbose = 0;
  bool quiet = false;
};

/// Thrown by subcommands for errors that map to an exit code; main prints it.
struct Failure {
  ExitCode code;
  std::string message;
};

/// Loads configuration for `root` with flags > COPILOT_* > file > defaults,
/// and sets up logging. Throws Failure{kUsage} on invalid configuration.
config::Config load_config(const GlobalOptions& global, const std::filesystem::path& root);

/// The same without touching logging, for each repository of a batch run
/// (logging is set up once, for the run).
config::Config read_config(const GlobalOptions& global, const std::filesystem::path& root);

/// Sets up stderr logging (text or JSON lines) at the verbosity asked for.
void setup_logging(const GlobalOptions& global, const std::string& log_format);

/// Colors only for a terminal, and never with NO_COLOR, --no-color or color: never.
bool use_color(const GlobalOptions& global, const config::Config& config);

/// True when stderr is a terminal and we are not in CI: progress may be drawn.
bool show_progress(const GlobalOptions& global);

/// Writes a report to stdout, or atomically to `path`. Throws Failure{kRuntime}.
void emit(const std::string& text, const std::optional<std::string>& path);

/// A line about the run's progress on stderr, in the log format, whatever the
/// verbosity, unless --quiet.
void progress_note(const GlobalOptions& global, const std::string& text);

/// A single status line on stderr, redrawn in place; cleared on destruction.
class ProgressLine {
 public:
  explicit ProgressLine(bool enabled) : enabled_(enabled) {}
  ~ProgressLine();
  void update(const std::string& text);

 private:
  bool enabled_;
  bool drawn_ = false;
};

}  // namespace copilot::cli
