// `copilot triage [LOG...]`
#include "triage/triage.h"

#include <spdlog/spdlog.h>

#include <iostream>

#include "commands.h"
#include "report/triage_formats.h"
#include "util/strings.h"

namespace copilot::cli {
namespace {

struct TriageFlags {
  std::vector<std::string> logs;
  std::string root = ".";
  std::string format = "text";
  std::optional<std::string> output;
};

int run(const TriageFlags& flags, const GlobalOptions& global) {
  const report::TriageFormat* writer = report::find_triage_format(flags.format);
  if (!writer)
    throw Failure{kUsage, "unknown triage format '" + flags.format + "' (use " + report::triage_format_names() + ")"};
  std::error_code ec;
  if (!std::filesystem::is_directory(flags.root, ec))
    throw Failure{kUsage, "repository root " + flags.root + ": not a directory"};
  config::Config cfg = load_config(global, flags.root);

  std::ios::sync_with_stdio(false);  // logs on stdin can be large
  triage::TriageRequest request;
  request.logs = flags.logs;
  request.standard_input = &std::cin;
  request.root = flags.root;
  auto report = triage::run_triage(request);
  if (!report) throw Failure{report.error().usage ? kUsage : kRuntime, report.error().message};

  for (const auto& log : report->logs)
    if (log.tools.empty())
      spdlog::warn("{}: no known build or test output recognized ({} lines)", log.name == "-" ? "stdin" : log.name,
                   log.lines);
  report::TriageWriterOptions options;
  options.color = use_color(global, cfg) && (!flags.output || *flags.output == "-");
  if (flags.root != ".") options.path_prefix = util::ends_with(flags.root, "/") ? flags.root : flags.root + "/";
  emit(writer->render(*report, options), flags.output);
  return report->groups.empty() ? kOk : kGateFailed;
}

}  // namespace

void attach_triage(CLI::App& sub, const GlobalOptions& global, std::function<int()>& run_fn) {
  auto f = std::make_shared<TriageFlags>();
  sub.add_option("logs", f->logs, "Build or test logs to read (default, or '-': standard input)");
  sub.add_option("-C,--root", f->root, "Repository the logs' files are linked to (default: .)");
  sub.add_option("-f,--format", f->format, "Output: " + report::triage_format_names());
  sub.add_option("-o,--output", f->output, "Write the report to FILE (atomically)");
  sub.footer("Exit status: 0 no failure found, 1 failures found, 2 usage error, 3 runtime error.");
  sub.callback([f, &global, &run_fn] { run_fn = [f, &global] { return run(*f, global); }; });
}

}  // namespace copilot::cli
