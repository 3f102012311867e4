#pragma once
// Reads the findings of a copilot review report back, for release decisions:
// SARIF 2.1.0 (copilot's severity in each result's properties, else the SARIF
// level) or copilot's JSON report, one repository or combined.
#include <array>
#include <filesystem>
#include <string>

#include "util/result.h"

namespace copilot::release {

/// Findings counted by copilot severity: index 0 info .. 4 critical
/// (review::Severity's values).
struct FindingCounts {
  std::array<int, 5> by_severity{};
  int total() const;
  /// Findings at `severity` or above.
  int at_or_above(int severity) const;
  /// "2 critical, 1 high, 4 medium" (only non-zero severities; "none" when empty).
  std::string describe() const;
};

/// Errors name the file: missing, not JSON, or neither SARIF nor copilot's report.
Result<FindingCounts> read_review_report(const std::filesystem::path& path);

}  // namespace copilot::release
