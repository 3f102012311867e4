// JUnit XML in the shape Jenkins, GitLab and Azure DevOps all parse: a
// <testsuites> root holding one suite (one per repository in a batch run),
// one failing test case per finding.
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

struct Suite {
  std::string xml;
  size_t tests = 0, failures = 0, errors = 0;
};

/// One <testsuite>: a failing test case per finding, or one passing case.
Suite suite(const review::ReviewResult& result, std::string_view name) {
  Suite s;
  s.failures = result.findings.size();
  // A clean run still reports one passing test, so CI shows that the review ran.
  s.tests = s.failures == 0 ? 1 : s.failures;
  s.xml = fmt::format("  <testsuite name=\"{}\" tests=\"{}\" failures=\"{}\" errors=\"0\" skipped=\"0\" time=\"0\">\n",
                      xml_escape(name, true), s.tests, s.failures);
  if (s.failures == 0)
    s.xml += fmt::format("    <testcase classname=\"copilot\" name=\"{}\" time=\"0\"/>\n", xml_escape(name, true));
  for (const auto& f : result.findings) {
    s.xml += fmt::format("    <testcase classname=\"{}\" name=\"{}:{}\" file=\"{}\" line=\"{}\" time=\"0\">\n",
                         xml_escape(f.location.file, true), xml_escape(f.rule_id, true), f.location.start_line,
                         xml_escape(f.location.file, true), f.location.start_line);
    s.xml +=
        fmt::format("      <failure message=\"{}\" type=\"{}\">{}</failure>\n", xml_escape(util::trim(f.message), true),
                    review::to_string(f.severity), xml_escape(failure_body(f), false));
    s.xml += "    </testcase>\n";
  }
  s.xml += "  </testsuite>\n";
  return s;
}

/// A suite for a repository that could not be reviewed: one erroring case.
Suite error_suite(std::string_view name, std::string_view message) {
  Suite s;
  s.tests = s.errors = 1;
  s.xml = fmt::format(
      "  <testsuite name=\"{0}\" tests=\"1\" failures=\"0\" errors=\"1\" skipped=\"0\" time=\"0\">\n"
      "    <testcase classname=\"copilot\" name=\"{0}\" time=\"0\">\n"
      "      <error message=\"{1}\" type=\"error\">{2}</error>\n"
      "    </testcase>\n  </testsuite>\n",
      xml_escape(name, true), xml_escape(message, true), xml_escape(message, false));
  return s;
}

std::string document(const std::vector<Suite>& suites) {
  size_t tests = 0, failures = 0, errors = 0;
  for (const auto& s : suites) tests += s.tests, failures += s.failures, errors += s.errors;
  std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out += fmt::format("<testsuites name=\"copilot\" tests=\"{}\" failures=\"{}\" errors=\"{}\" time=\"0\">\n", tests,
                     failures, errors);
  for (const auto& s : suites) out += s.xml;
  out += "</testsuites>\n";
  return out;
}

}  // namespace

std::string write_review_junit(const review::ReviewResult& result, const WriterOptions&) {
  return document({suite(result, "copilot review")});
}

std::string combine_review_junit(const ReviewResults& results, const CombinedOptions&) {
  std::vector<Suite> suites;
  for (size_t i = 0; i < results.outcomes.size(); ++i) {
    const auto& o = results.outcomes[i];
    std::string name = "copilot review: " + o.repo.path;
    if (o.status == batch::Status::error) {
      suites.push_back(error_suite(name, batch::where_listed(o.repo) + o.error));
    } else {
      suites.push_back(suite(results.reports[i]->result, name));
    }
  }
  return document(suites);
}

}  // namespace copilot::report
