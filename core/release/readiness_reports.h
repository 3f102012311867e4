#pragma once
// Readers for the artifacts readiness gates judge: JUnit XML test reports,
// line coverage (Cobertura XML, coverage.py JSON) and CycloneDX SBOMs. Each
// returns an error naming the file for input it cannot read; none throws.
#include <filesystem>
#include <string>
#include <vector>

#include "util/result.h"

namespace copilot::release {

struct TestTotals {
  int tests = 0;
  int failures = 0;
  int errors = 0;
  int skipped = 0;
  std::vector<std::string> failed;  ///< "classname.name" of failed or errored cases, in report order
};

/// A JUnit XML report (pytest --junitxml, Maven surefire, Gradle, Jest...):
/// a <testsuites> or <testsuite> root; cases with <failure>, <error> or
/// <skipped> children. Adds to `totals`.
Result<void> read_junit(const std::filesystem::path& path, TestTotals& totals);

/// Line coverage in percent, from Cobertura XML (<coverage line-rate="0.83">),
/// coverage.py JSON (totals.percent_covered) or copilot gen-tests JSON
/// (coverage.after).
Result<double> read_line_coverage(const std::filesystem::path& path);

struct SbomSummary {
  std::string spec_version;
  size_t components = 0;
};

/// A CycloneDX JSON SBOM: bomFormat "CycloneDX", a specVersion, a components array.
Result<SbomSummary> read_cyclonedx(const std::filesystem::path& path);

}  // namespace copilot::release
