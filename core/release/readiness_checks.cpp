#include "release/readiness_checks.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <system_error>

#include "release/readiness_reports.h"
#include "release/review_report.h"
#include "release/wording.h"
#include "review/finding.h"
#include "util/glob.h"
#include "util/strings.h"

namespace copilot::release {
namespace {

constexpr size_t kFailedNamesShown = 3;

/// The readers name files by full path; a verdict names them as the gates
/// file does, relative to the repository root.
CheckOutcome failed(const std::filesystem::path& root, std::string message) {
  std::string prefix = (root / "").string();
  for (size_t at; (at = message.find(prefix)) != std::string::npos;) message.erase(at, prefix.size());
  return {false, message};
}

}  // namespace

std::vector<std::string> find_reports(const std::filesystem::path& root, const std::vector<std::string>& globs) {
  std::vector<std::string> found;
  std::error_code ec;
  auto it = std::filesystem::recursive_directory_iterator(
      root, std::filesystem::directory_options::skip_permission_denied, ec);
  for (; !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
    std::string name = it->path().filename().string();
    if (it->is_directory(ec)) {
      if (name == ".git" || name == "node_modules") it.disable_recursion_pending();
      continue;
    }
    std::string relative = it->path().lexically_relative(root).generic_string();
    if (std::any_of(globs.begin(), globs.end(), [&](const auto& g) { return util::glob_match(g, relative); }))
      found.push_back(relative);
  }
  std::sort(found.begin(), found.end());
  return found;
}

CheckOutcome check_tests(const std::filesystem::path& root, const std::vector<std::string>& globs) {
  std::vector<std::string> reports = find_reports(root, globs);
  if (reports.empty())
    return {false, "no JUnit test report found (looked for " + util::join(globs, ", ") + "): did the tests run?"};
  TestTotals totals;
  for (const auto& report : reports)
    if (auto read = read_junit(root / report, totals); !read)
      return failed(root, "unreadable test report " + read.error().message);
  std::string detail = fmt::format("{}, {}, {}, {} skipped in {}", plural(totals.tests, "test"),
                                   plural(totals.failures, "failure"), plural(totals.errors, "error"), totals.skipped,
                                   plural(static_cast<int64_t>(reports.size()), "report"));
  if (totals.tests == 0) return {false, detail + ": no test ran"};
  if (totals.failures + totals.errors == 0) return {true, detail};
  std::vector<std::string> names(totals.failed.begin(),
                                 totals.failed.begin() + std::min(totals.failed.size(), kFailedNamesShown));
  detail += "; failed: " + util::join(names, ", ");
  if (totals.failed.size() > names.size()) detail += fmt::format(" and {} more", totals.failed.size() - names.size());
  return {false, detail};
}

CheckOutcome check_review(const std::filesystem::path& root, const std::string& report, const std::string& fail_on) {
  auto counts = read_review_report(root / report);
  if (!counts) return failed(root, counts.error().message);
  int threshold = static_cast<int>(*review::parse_severity(fail_on));
  int failing = counts->at_or_above(threshold);
  std::string detail = fmt::format("{} ({}) in {}", plural(counts->total(), "finding"), counts->describe(), report);
  if (failing == 0) return {true, detail};
  return {false, fmt::format("{}: {} at {} or above", detail, failing, fail_on)};
}

CheckOutcome check_sbom(const std::filesystem::path& root, const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(root / path, ec)) return {false, "no SBOM at " + path};
  auto sbom = read_cyclonedx(root / path);
  if (!sbom) return failed(root, sbom.error().message);
  return {true, fmt::format("CycloneDX {} with {} in {}", sbom->spec_version,
                            plural(static_cast<int64_t>(sbom->components), "component"), path)};
}

CheckOutcome check_coverage(const std::filesystem::path& root, const std::string& report, double minimum) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(root / report, ec)) return {false, "no coverage report at " + report};
  auto percent = read_line_coverage(root / report);
  if (!percent) return failed(root, percent.error().message);
  // Compare at the precision shown, so "80.00% < 80.00%" never appears.
  double shown = std::round(*percent * 100) / 100;
  std::string detail = fmt::format("line coverage {:.2f}% (minimum {:.2f}%) in {}", shown, minimum, report);
  return {shown >= minimum, detail};
}

}  // namespace copilot::release
