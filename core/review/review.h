#pragma once
// `copilot review`: scope → files → parse once → rules and checks → filter → result.
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "config/config.h"
#include "llm/llm.h"
#include "review/finding.h"
#include "review/rule.h"
#include "util/result.h"

namespace copilot::review {

enum class ScopeMode { all, range, staged, worktree };
enum class DiffFilter { added, diff_context, file, nofilter };
std::optional<DiffFilter> parse_diff_filter(std::string_view s);

struct ReviewRequest {
  std::filesystem::path root = ".";
  ScopeMode mode = ScopeMode::range;
  std::string base;  ///< empty: upstream, else main, else master
  std::string head = "HEAD";
  std::vector<std::string> paths;                ///< narrow to these files or directories
  std::vector<std::string> agents;               ///< empty = all five
  std::vector<std::filesystem::path> rule_dirs;  ///< in addition to the built-in rules
  bool builtin_rules = true;
  DiffFilter filter = DiffFilter::added;
  std::optional<std::filesystem::path> baseline;
  double min_confidence = 0.0;  ///< findings below it are not reported
  config::Config config;
  uint64_t max_file_size = 5ull << 20;
  std::function<void(size_t done, size_t total)> on_progress;
  /// The llm agent's model client; null (the default) leaves the model out.
  llm::Client* llm = nullptr;
};

struct ReviewOutput {
  ReviewResult result;
  /// Every finding before the baseline filter, for --write-baseline.
  std::vector<Finding> before_baseline;
  /// The directory finding paths are relative to (the repository's work tree, or the reviewed directory).
  std::filesystem::path root;
};

/// Fails with a clear message for an unknown revision, a missing merge base
/// (shallow clone), or a diff mode outside a git repository.
Result<ReviewOutput> run_review(const ReviewRequest& request);

/// The baseline file: fingerprints of findings that already existed.
std::string write_baseline(const std::vector<Finding>& findings);

/// Exit-code policy: true if any finding is at or above `fail_on` with at least `min_confidence`.
bool gate_fails(const ReviewResult& result, std::optional<Severity> fail_on, double min_confidence);

}  // namespace copilot::review
