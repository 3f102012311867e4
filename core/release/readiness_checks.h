#pragma once
// One function per readiness check; each turns what it finds into a verdict
// (passed and a one-line detail). Unreadable artifacts fail the gate with a
// detail naming the file: they are the CI run's problem, not a usage error.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace copilot::release {

struct CheckOutcome {
  bool passed = false;
  std::string detail;
};

/// JUnit reports under `root` matching any of `globs` (gitignore-style).
CheckOutcome check_tests(const std::filesystem::path& root, const std::vector<std::string>& globs);
/// Fails when any finding is at `fail_on` ("info".."critical") or above.
CheckOutcome check_review(const std::filesystem::path& root, const std::string& report, const std::string& fail_on);
CheckOutcome check_sbom(const std::filesystem::path& root, const std::string& path);
CheckOutcome check_coverage(const std::filesystem::path& root, const std::string& report, double minimum);

/// Files under `root` (relative, '/'-separated, sorted) matching any glob;
/// .git and node_modules are not searched.
std::vector<std::string> find_reports(const std::filesystem::path& root, const std::vector<std::string>& globs);

}  // namespace copilot::release
