#pragma once
// Readiness gates: before any traffic moves, the policy `copilot plan` wrote
// (copilot-gates.yaml, schemas/gates.schema.json) is judged against the
// artifacts the CI run produced: test reports, the review report, the SBOM and
// coverage. A failing gate stops the release unless a waiver that has not
// expired covers it.
#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

#include "util/result.h"

namespace copilot::release {

/// Where the CI run left its artifacts, relative to the repository root.
/// Globs use the project's gitignore-style matcher (util/glob.h).
struct ReadinessArtifacts {
  std::vector<std::string> test_reports = {"**/junit*.xml", "**/TEST-*.xml", "**/test-results/**/*.xml"};
  std::string review_report = "copilot-review.sarif";  ///< SARIF or copilot's JSON report
  std::string coverage_report = "coverage.xml";        ///< Cobertura XML, or coverage.py / copilot JSON
};

/// A waiver given on the command line for this release only.
struct CommandLineWaiver {
  std::string gate;
  std::string reason;
};

struct GateVerdict {
  std::string id;
  std::string check;  ///< tests, review, sbom, coverage
  bool passed = false;
  std::string detail;  ///< what was found: "412 tests, 0 failures in 3 reports"
  bool waived = false;
  std::string waiver_reason;
  std::string waiver_expires;  ///< YYYY-MM-DD, "" for a command-line waiver
};

struct ReadinessReport {
  std::filesystem::path gates_file;
  std::vector<GateVerdict> gates;
  /// True when every gate passed or was waived.
  bool passed() const;
};

/// Reads and checks the gates file against its schema (errors name the file
/// and line), then judges each gate. `today` decides which waivers expired.
/// A waiver (in the file or on the command line) naming no gate is an error.
Result<ReadinessReport> evaluate_readiness(const std::filesystem::path& gates_file, const std::filesystem::path& root,
                                           const ReadinessArtifacts& artifacts,
                                           const std::vector<CommandLineWaiver>& waivers,
                                           std::chrono::system_clock::time_point today);

}  // namespace copilot::release
