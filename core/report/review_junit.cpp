// JUnit XML in the shape Jenkins, GitLab and Azure DevOps all parse: a
// <testsuites> root holding one suite, one failing test case per finding.
#include <fmt/format.h>

#include "report/review_formats.h"
#include "util/strings.h"

namespace copilot::report {
namespace {

using review::Finding;
using review_detail::xml_escape;

std::string failure_body(const Finding& f) {
  const auto& l = f.location;
  std::string body = fmt::format("{}:{}:{}: {} [{}] {}\n", l.file, l.start_line, l.start_column,
                                 review::to_string(f.severity), f.rule_id, util::trim(f.message));
  auto add = [&](std::string_view prefix, std::string_view text) {
    if (!util::trim(text).empty()) body += "\n" + std::string(prefix) + std::string(util::trim(text)) + "\n";
  };
  add("    ", f.snippet);
  add("", f.rationale);
  add("Fix: ", f.fix_text);
  return body;
}

}  // namespace

std::string write_review_junit(const review::ReviewResult& result, const WriterOptions&) {
  size_t failures = result.findings.size();
  // A clean run still reports one passing test, so CI shows that the review ran.
  size_t tests = failures == 0 ? 1 : failures;
  std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out += fmt::format("<testsuites name=\"copilot\" tests=\"{0}\" failures=\"{1}\" errors=\"0\" time=\"0\">\n", tests,
                     failures);
  out += fmt::format(
      "  <testsuite name=\"copilot review\" tests=\"{0}\" failures=\"{1}\" errors=\"0\" skipped=\"0\" time=\"0\">\n",
      tests, failures);
  if (failures == 0) {
    out += fmt::format("    <testcase classname=\"copilot\" name=\"copilot review\" time=\"0\"/>\n");
  }
  for (const auto& f : result.findings) {
    out += fmt::format("    <testcase classname=\"{}\" name=\"{}:{}\" file=\"{}\" line=\"{}\" time=\"0\">\n",
                       xml_escape(f.location.file, true), xml_escape(f.rule_id, true), f.location.start_line,
                       xml_escape(f.location.file, true), f.location.start_line);
    out +=
        fmt::format("      <failure message=\"{}\" type=\"{}\">{}</failure>\n", xml_escape(util::trim(f.message), true),
                    review::to_string(f.severity), xml_escape(failure_body(f), false));
    out += "    </testcase>\n";
  }
  out += "  </testsuite>\n</testsuites>\n";
  return out;
}

}  // namespace copilot::report
