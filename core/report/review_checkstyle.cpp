// Checkstyle XML, which most CI lint dashboards (Jenkins warnings-ng, reviewdog,
// Bitbucket) import: one <file> per path, one <error> per finding.
#include <fmt/format.h>

#include "report/review_formats.h"
#include "util/strings.h"

namespace copilot::report {
namespace {

using review::Severity;
using review_detail::xml_escape;

std::string_view checkstyle_severity(Severity s) {
  switch (s) {
    case Severity::critical:
    case Severity::high: return "error";
    case Severity::medium: return "warning";
    case Severity::low:
    case Severity::info: return "info";
  }
  return "warning";
}

}  // namespace

std::string write_review_checkstyle(const review::ReviewResult& result, const WriterOptions&) {
  std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<checkstyle version=\"4.3\">\n";
  // Findings arrive sorted by file; a file that reappears later just opens a second element.
  const std::string* open = nullptr;
  for (const auto& f : result.findings) {
    if (!open || *open != f.location.file) {
      if (open) out += "  </file>\n";
      open = &f.location.file;
      out += fmt::format("  <file name=\"{}\">\n", xml_escape(f.location.file, true));
    }
    std::string column = f.location.start_column > 0 ? fmt::format(" column=\"{}\"", f.location.start_column) : "";
    out += fmt::format("    <error line=\"{}\"{} severity=\"{}\" message=\"{}\" source=\"copilot.{}\"/>\n",
                       std::max(0, f.location.start_line), column, checkstyle_severity(f.severity),
                       xml_escape(util::trim(f.message), true), xml_escape(f.rule_id, true));
  }
  if (open) out += "  </file>\n";
  out += "</checkstyle>\n";
  return out;
}

std::string combine_review_checkstyle(const ReviewResults& results, const CombinedOptions& options) {
  std::string out =
      write_review_checkstyle(review_detail::merged_from_cwd(results, options), review_detail::merged_options(options));
  // A repository that could not be reviewed is an error on its directory, as
  // Checkstyle reports a file it could not process.
  std::string failures;
  for (const auto& o : results.outcomes) {
    if (o.status != batch::Status::error) continue;
    std::string dir = path_prefix(o.repo.location, options.cwd);
    if (!dir.empty()) dir.pop_back();
    failures += fmt::format(
        "  <file name=\"{}\">\n    <error line=\"0\" severity=\"error\" message=\"{}\" source=\"copilot.batch\"/>\n  "
        "</file>\n",
        xml_escape(dir.empty() ? "." : dir, true), xml_escape(batch::where_listed(o.repo) + o.error, true));
  }
  out.insert(out.rfind("</checkstyle>"), failures);
  return out;
}

}  // namespace copilot::report
