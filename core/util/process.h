#pragma once
// Runs a child process to completion with a time limit: the edge through which
// core drives external tools (test runners, coverage).
#include <chrono>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "util/result.h"

namespace copilot::util {

struct ProcessRequest {
  std::vector<std::string> argv;              ///< argv[0] is looked up on PATH unless it holds a '/'
  std::filesystem::path cwd;                  ///< empty: the current directory
  std::map<std::string, std::string> env;     ///< set on top of the inherited environment
  std::chrono::milliseconds timeout{600000};  ///< the child (and its group) is killed after this
};

struct ProcessResult {
  int exit_code = -1;  ///< -1 when killed by a signal or the timeout
  bool timed_out = false;
  std::string out;  ///< stdout
  std::string err;  ///< stderr
};

/// Runs the command (stdin is /dev/null) and waits for it. Fails only when it cannot be started;
/// a non-zero exit or a timeout is a normal result.
Result<ProcessResult> run_process(const ProcessRequest& request);

}  // namespace copilot::util
