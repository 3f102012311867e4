#include "context.h"

#include <spdlog/sinks/base_sink.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <nlohmann/json.hpp>

#include "util/files.h"

namespace copilot::cli {
namespace {

// One JSON object per line on stderr, with the message properly escaped.
class JsonLinesSink : public spdlog::sinks::base_sink<std::mutex> {
 protected:
  void sink_it_(const spdlog::details::log_msg& msg) override {
    auto secs = std::chrono::duration_cast<std::chrono::milliseconds>(msg.time.time_since_epoch()).count();
    nlohmann::json line = {{"time_ms", secs},
                           {"level", std::string(spdlog::level::to_string_view(msg.level).data(),
                                                 spdlog::level::to_string_view(msg.level).size())},
                           {"message", std::string(msg.payload.data(), msg.payload.size())}};
    std::string text = line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
    std::fwrite(text.data(), 1, text.size(), stderr);
  }
  void flush_() override { std::fflush(stderr); }
};

}  // namespace

config::Config load_config(const GlobalOptions& global, const std::filesystem::path& root) {
  config::Config c = read_config(global, root);
  setup_logging(global, c.log_format);
  return c;
}

config::Config read_config(const GlobalOptions& global, const std::filesystem::path& root) {
  std::optional<std::filesystem::path> explicit_path;
  if (global.config_path) explicit_path = *global.config_path;
  auto loaded = config::load(root, explicit_path, config::process_environment());
  if (!loaded) throw Failure{kUsage, loaded.error().message};
  config::Config c = std::move(*loaded);
  if (global.jobs) c.jobs = *global.jobs;
  if (global.log_format) c.log_format = *global.log_format;
  if (c.log_format != "text" && c.log_format != "json")
    throw Failure{kUsage, "log format must be text or json, not '" + c.log_format + "'"};
  return c;
}

void setup_logging(const GlobalOptions& global, const std::string& log_format) {
  if (log_format == "json") {
    spdlog::set_default_logger(std::make_shared<spdlog::logger>("copilot", std::make_shared<JsonLinesSink>()));
  } else {
    spdlog::set_default_logger(spdlog::stderr_color_mt("copilot"));
    spdlog::set_pattern("copilot: %^%l%$: %v");
  }
  spdlog::set_level(global.quiet          ? spdlog::level::err
                    : global.verbose >= 2 ? spdlog::level::trace
                    : global.verbose == 1 ? spdlog::level::debug
                                          : spdlog::level::warn);
}

bool use_color(const GlobalOptions& global, const config::Config& config) {
  if (global.no_color || config.color == "never") return false;
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color && *no_color) return false;
  if (config.color == "always") return true;
  return ::isatty(STDOUT_FILENO) == 1;
}

bool show_progress(const GlobalOptions& global) {
  const char* ci = std::getenv("CI");
  return !global.quiet && ::isatty(STDERR_FILENO) == 1 && !(ci && *ci);
}

void emit(const std::string& text, const std::optional<std::string>& path) {
  if (path && *path != "-") {
    if (auto r = util::write_file_atomic(*path, text); !r) throw Failure{kRuntime, r.error().message};
    return;
  }
  std::fwrite(text.data(), 1, text.size(), stdout);
  std::fflush(stdout);
}

void progress_note(const GlobalOptions& global, const std::string& text) {
  if (global.quiet) return;
  // Straight to the sinks: progress is shown below the warning level the logger keeps by default.
  auto logger = spdlog::default_logger();
  spdlog::details::log_msg msg(logger->name(), spdlog::level::info, text);
  for (const auto& sink : logger->sinks()) sink->log(msg);
}

ProgressLine::~ProgressLine() {
  if (drawn_) std::fputs("\r\033[K", stderr);
}

void ProgressLine::update(const std::string& text) {
  if (!enabled_) return;
  std::fprintf(stderr, "\r\033[K%s", text.c_str());
  std::fflush(stderr);
  drawn_ = true;
}

}  // namespace copilot::cli
