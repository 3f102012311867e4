// Readiness gates judged against real artifacts: a gates file rendered from
// copilot plan's template, JUnit reports from pytest itself and in Maven
// surefire's shape, SARIF and JSON from copilot's own review writers, an SBOM
// from copilot audit's writer, and Cobertura / coverage.py coverage.
#include <gtest/gtest.h>

#include <chrono>
#include <functional>
#include <nlohmann/json.hpp>
#include <string>

#include "audit/sbom.h"
#include "plan/templates.h"
#include "release/readiness.h"
#include "release/readiness_reports.h"
#include "release/review_report.h"
#include "report/review_formats.h"
#include "test_support.h"

namespace copilot::release {
namespace {

using copilot::testing::TempDir;
using std::chrono::sys_days;
using namespace std::chrono_literals;

const auto kToday = std::chrono::system_clock::time_point(sys_days(std::chrono::year(2026) / 3 / 15));

/// The gates file as copilot plan writes it: the real template, with the gate
/// list context.cpp builds.
std::string planned_gates(double coverage_minimum) {
  nlohmann::json gates = nlohmann::json::array();
  gates.push_back({{"id", "tests-pass"},
                   {"check", "tests"},
                   {"description", "The CI test jobs pass on the commit being released"},
                   {"commands", {"pytest -q"}},
                   {"quoted_commands", {"\"pytest -q\""}},
                   {"has_commands", true}});
  gates.push_back({{"id", "no-critical-findings"},
                   {"check", "review"},
                   {"description", "copilot review reports no finding of critical severity"},
                   {"fail_on", "critical"}});
  gates.push_back({{"id", "sbom-present"},
                   {"check", "sbom"},
                   {"description", "A CycloneDX SBOM (copilot audit --sbom) was produced for the commit"},
                   {"path", "sbom.cdx.json"}});
  gates.push_back({{"id", "coverage"},
                   {"check", "coverage"},
                   {"description", "Line coverage does not drop below what the audit measured"},
                   {"minimum", coverage_minimum}});
  nlohmann::json context = {{"project", "shop"}, {"copilot_version", COPILOT_VERSION}, {"gates", gates}};
  const std::string name = "gates/copilot-gates.yaml.mustache";
  auto text = plan::render_template({plan::embedded_templates().at(name), "templates/" + name}, context);
  EXPECT_TRUE(text.ok()) << (text ? "" : text.error().message);
  return text ? *text : "";
}

std::string with_waivers(std::string gates, const std::string& waivers) {
  auto at = gates.find("waivers: []");
  EXPECT_NE(at, std::string::npos);
  return gates.replace(at, std::string("waivers: []").size(), "waivers:\n" + waivers);
}

/// pytest's own --junitxml output, for a suite with `failing` failing tests.
void run_pytest(const TempDir& dir, int failing) {
  std::string tests =
      "import pytest\n\ndef test_create():\n    assert 1 + 1 == 2\n\n"
      "@pytest.mark.skip(reason='slow')\ndef test_slow():\n    pass\n";
  for (int i = 0; i < failing; ++i) tests += "\ndef test_total_" + std::to_string(i) + "():\n    assert 3 == 4\n";
  dir.write("tests/test_orders.py", tests);
  testing::run(dir.path(),
               "/usr/bin/python3 -m pytest -q -p no:cacheprovider --junitxml=reports/junit.xml tests "
               ">/dev/null 2>&1 || true");
}

/// Maven surefire's report shape: a <testsuite> root with properties and output.
std::string surefire_report(int failures) {
  std::string cases = R"(  <testcase name="createsOrder" classname="com.acme.OrderTest" time="0.012"/>
  <testcase name="skipsLegacy" classname="com.acme.OrderTest" time="0"><skipped message="legacy"/></testcase>
)";
  for (int i = 0; i < failures; ++i)
    cases += R"(  <testcase name="totals)" + std::to_string(i) + R"(" classname="com.acme.OrderTest" time="0.003">
    <failure message="expected:&lt;4&gt; but was:&lt;3&gt;" type="java.lang.AssertionError">java.lang.AssertionError
	at com.acme.OrderTest.totals(OrderTest.java:21)</failure>
    <system-out><![CDATA[computing totals]]></system-out>
  </testcase>
)";
  return R"(<?xml version="1.0" encoding="UTF-8"?>
<testsuite xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:noNamespaceSchemaLocation="https://maven.apache.org/surefire/maven-surefire-plugin/xsd/surefire-test-report-3.0.xsd" version="3.0" name="com.acme.OrderTest" time="0.05" tests=")" +
         std::to_string(2 + failures) + R"(" errors="0" skipped="1" failures=")" + std::to_string(failures) + R"(">
  <properties>
    <property name="java.version" value="17.0.9"/>
  </properties>
)" + cases +
         "</testsuite>\n";
}

review::Finding finding(const std::string& rule, review::Severity severity) {
  review::Finding f;
  f.rule_id = rule;
  f.agent = "security";
  f.severity = severity;
  f.confidence = 0.9;
  f.location = {"app/orders.py", 12, 5, 12, 30};
  f.message = "Untrusted input reaches a SQL query";
  return f;
}

review::ReviewResult review_with(std::vector<review::Finding> findings) {
  review::ReviewResult r;
  r.tool_version = COPILOT_VERSION;
  r.scope = "all";
  r.findings = std::move(findings);
  return r;
}

std::string sbom() {
  audit::StackSection stack;
  audit::Manifest py{"requirements.txt", "pypi", "pip", "", {}};
  py.dependencies.push_back({"django", "==4.2.7", "", false, "runtime", 1});
  py.dependencies.push_back({"celery", ">=5.3", "", false, "runtime", 2});
  stack.manifests = {py};
  return audit::write_cyclonedx(stack, audit::LicenseSection{}, "shop");
}

std::string cobertura(double line_rate) {
  return R"(<?xml version="1.0" ?>
<!DOCTYPE coverage SYSTEM "http://cobertura.sourceforge.net/xml/coverage-04.dtd">
<coverage version="7.2.7" timestamp="1767225600000" lines-valid="200" lines-covered="170" line-rate=")" +
         std::to_string(line_rate) + R"(" branches-covered="0" branches-valid="0" branch-rate="0" complexity="0">
	<sources><source>/ci/shop</source></sources>
	<packages/>
</coverage>
)";
}

/// A repository whose CI run produced passing artifacts for every gate.
void write_passing_artifacts(const TempDir& dir) {
  run_pytest(dir, 0);
  dir.write("service/target/surefire-reports/TEST-com.acme.OrderTest.xml", surefire_report(0));
  dir.write("copilot-review.sarif",
            report::write_review_sarif(review_with({finding("py-weak-hash", review::Severity::medium)}), {}));
  dir.write("sbom.cdx.json", sbom());
  dir.write("coverage.xml", cobertura(0.85));
}

GateVerdict gate(const ReadinessReport& report, const std::string& id) {
  for (const auto& g : report.gates)
    if (g.id == id) return g;
  throw std::runtime_error("no gate " + id);
}

ReadinessReport evaluate(const TempDir& dir, const std::string& gates_text,
                         std::vector<CommandLineWaiver> waivers = {}) {
  dir.write("copilot-gates.yaml", gates_text);
  auto report = evaluate_readiness(dir.path() / "copilot-gates.yaml", dir.path(), {}, waivers, kToday);
  EXPECT_TRUE(report.ok()) << (report ? "" : report.error().message);
  return report ? *report : ReadinessReport{};
}

TEST(Readiness, PlannedGatesPassOnAGoodBuild) {
  TempDir dir;
  write_passing_artifacts(dir);
  ReadinessReport report = evaluate(dir, planned_gates(80));
  ASSERT_EQ(report.gates.size(), 4u);
  for (const auto& g : report.gates) EXPECT_TRUE(g.passed) << g.id << ": " << g.detail;
  EXPECT_TRUE(report.passed());
  EXPECT_EQ(gate(report, "tests-pass").detail, "4 tests, 0 failures, 0 errors, 2 skipped in 2 reports");
  EXPECT_EQ(gate(report, "no-critical-findings").detail, "1 finding (1 medium) in copilot-review.sarif");
  EXPECT_EQ(gate(report, "sbom-present").detail, "CycloneDX 1.5 with 2 components in sbom.cdx.json");
  EXPECT_EQ(gate(report, "coverage").detail, "line coverage 85.00% (minimum 80.00%) in coverage.xml");
  EXPECT_EQ(gate(report, "coverage").check, "coverage");
}

TEST(Readiness, FailingTestsAreNamedFromPytestAndSurefire) {
  TempDir dir;
  write_passing_artifacts(dir);
  run_pytest(dir, 2);
  dir.write("service/target/surefire-reports/TEST-com.acme.OrderTest.xml", surefire_report(1));
  ReadinessReport report = evaluate(dir, planned_gates(80));
  const GateVerdict& tests = gate(report, "tests-pass");
  EXPECT_FALSE(tests.passed);
  EXPECT_EQ(tests.detail,
            "7 tests, 3 failures, 0 errors, 2 skipped in 2 reports; failed: tests.test_orders.test_total_0, "
            "tests.test_orders.test_total_1, com.acme.OrderTest.totals0");
  EXPECT_FALSE(report.passed());
}

TEST(Readiness, NoTestReportFailsWithWhereItLooked) {
  TempDir dir;
  write_passing_artifacts(dir);
  std::filesystem::remove_all(dir.path() / "reports");
  std::filesystem::remove_all(dir.path() / "service");
  const GateVerdict& tests = gate(evaluate(dir, planned_gates(80)), "tests-pass");
  EXPECT_FALSE(tests.passed);
  EXPECT_EQ(tests.detail,
            "no JUnit test report found (looked for **/junit*.xml, **/TEST-*.xml, **/test-results/**/*.xml): did the "
            "tests run?");
}

TEST(Readiness, MalformedOrForeignXmlFailsNamingTheFile) {
  TempDir dir;
  write_passing_artifacts(dir);
  dir.write("build/test-results/test/TEST-Broken.xml", "<testsuite tests=\"1\">\n<testcase name=\"a\">\n</testsuite>");
  const GateVerdict& broken = gate(evaluate(dir, planned_gates(80)), "tests-pass");
  EXPECT_FALSE(broken.passed);
  EXPECT_EQ(broken.detail.rfind("unreadable test report build/test-results/test/TEST-Broken.xml:3: malformed XML", 0),
            0u)
      << broken.detail;

  dir.write("build/test-results/test/TEST-Broken.xml", "<html><body>502</body></html>");
  const GateVerdict& foreign = gate(evaluate(dir, planned_gates(80)), "tests-pass");
  EXPECT_NE(foreign.detail.find("TEST-Broken.xml: not a JUnit report (root element <html>"), std::string::npos)
      << foreign.detail;
}

TEST(Readiness, SuiteCountersCountWhenNoCaseIsListed) {
  TempDir dir;
  dir.write("r.xml", R"(<testsuites><testsuite name="a" tests="5" failures="1" errors="1" skipped="2"/></testsuites>)");
  TestTotals totals;
  ASSERT_TRUE(read_junit(dir.path() / "r.xml", totals));
  EXPECT_EQ(totals.tests, 5);
  EXPECT_EQ(totals.failures, 1);
  EXPECT_EQ(totals.errors, 1);
  EXPECT_EQ(totals.skipped, 2);
  dir.write("r.xml", R"(<testsuite name="a" tests="many"/>)");
  auto bad = read_junit(dir.path() / "r.xml", totals);
  ASSERT_FALSE(bad);
  EXPECT_NE(bad.error().message.find("tests=\"many\" is not a count"), std::string::npos);
}

TEST(Readiness, ReviewGateFailsAtItsSeverityInSarifAndJson) {
  TempDir dir;
  write_passing_artifacts(dir);
  auto findings =
      review_with({finding("py-sql-injection", review::Severity::critical),
                   finding("py-weak-hash", review::Severity::high), finding("py-assert", review::Severity::low)});
  dir.write("copilot-review.sarif", report::write_review_sarif(findings, {}));
  const GateVerdict& sarif = gate(evaluate(dir, planned_gates(80)), "no-critical-findings");
  EXPECT_FALSE(sarif.passed);
  EXPECT_EQ(sarif.detail, "3 findings (1 critical, 1 high, 1 low) in copilot-review.sarif: 1 at critical or above");

  dir.write("copilot-review.json", report::write_review_json(findings, {}));
  std::string gates = planned_gates(80);
  gates.replace(gates.find("fail_on: critical"), 17, "fail_on: high");
  dir.write("copilot-gates.yaml", gates);
  ReadinessArtifacts artifacts;
  artifacts.review_report = "copilot-review.json";
  auto report = evaluate_readiness(dir.path() / "copilot-gates.yaml", dir.path(), artifacts, {}, kToday);
  ASSERT_TRUE(report.ok());
  EXPECT_EQ(gate(*report, "no-critical-findings").detail,
            "3 findings (1 critical, 1 high, 1 low) in copilot-review.json: 2 at high or above");
}

TEST(Readiness, SarifFromOtherToolsCountsByLevel) {
  TempDir dir;
  dir.write("other.sarif", R"({"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "semgrep"}}, "results": [
    {"ruleId": "a", "level": "error", "message": {"text": "x"}},
    {"ruleId": "b", "level": "warning", "message": {"text": "x"}},
    {"ruleId": "c", "level": "error", "message": {"text": "x"}, "suppressions": [{"kind": "inSource"}]},
    {"ruleId": "d", "kind": "pass", "message": {"text": "x"}}]}]})");
  auto counts = read_review_report(dir.path() / "other.sarif");
  ASSERT_TRUE(counts.ok());
  EXPECT_EQ(counts->describe(), "1 high, 1 medium");
  dir.write("other.sarif", "{\"version\": \"2.1.0\", \"runs\": [");
  EXPECT_FALSE(read_review_report(dir.path() / "other.sarif"));
}

TEST(Readiness, SbomMustBeCycloneDx) {
  TempDir dir;
  write_passing_artifacts(dir);
  dir.write("sbom.cdx.json", R"({"spdxVersion": "SPDX-2.3", "packages": []})");
  const GateVerdict& spdx = gate(evaluate(dir, planned_gates(80)), "sbom-present");
  EXPECT_FALSE(spdx.passed);
  EXPECT_EQ(spdx.detail, "sbom.cdx.json: bomFormat is not \"CycloneDX\"");
  std::filesystem::remove(dir.path() / "sbom.cdx.json");
  EXPECT_EQ(gate(evaluate(dir, planned_gates(80)), "sbom-present").detail, "no SBOM at sbom.cdx.json");
}

TEST(Readiness, CoverageFromCoberturaAndCoveragePy) {
  TempDir dir;
  write_passing_artifacts(dir);
  dir.write("coverage.xml", cobertura(0.7));
  const GateVerdict& low = gate(evaluate(dir, planned_gates(80)), "coverage");
  EXPECT_FALSE(low.passed);
  EXPECT_EQ(low.detail, "line coverage 70.00% (minimum 80.00%) in coverage.xml");

  dir.write("coverage.json", R"({"meta": {"version": "7.2.7"}, "files": {}, "totals": {"covered_lines": 83,
    "num_statements": 100, "percent_covered": 83.0, "percent_covered_display": "83", "missing_lines": 17}})");
  dir.write("copilot-gates.yaml", planned_gates(80));
  ReadinessArtifacts artifacts;
  artifacts.coverage_report = "coverage.json";
  auto report = evaluate_readiness(dir.path() / "copilot-gates.yaml", dir.path(), artifacts, {}, kToday);
  ASSERT_TRUE(report.ok());
  EXPECT_TRUE(gate(*report, "coverage").passed) << gate(*report, "coverage").detail;

  dir.write("gen-tests.json", R"({"schema_version": "1.0", "coverage": {"before": 61.0, "after": 91.5, "gain": 30.5,
    "statements": 200}})");
  auto generated = read_line_coverage(dir.path() / "gen-tests.json");
  ASSERT_TRUE(generated.ok());
  EXPECT_DOUBLE_EQ(*generated, 91.5);
  dir.write("gen-tests.json", R"({"files": []})");
  EXPECT_FALSE(read_line_coverage(dir.path() / "gen-tests.json").ok());

  dir.write("coverage.xml", "<coverage line-rate=\"lots\"/>");
  EXPECT_NE(gate(evaluate(dir, planned_gates(80)), "coverage").detail.find("line-rate=\"lots\" is not a ratio"),
            std::string::npos);
}

TEST(Readiness, WaiversApplyUntilTheyExpire) {
  TempDir dir;
  write_passing_artifacts(dir);
  dir.write("coverage.xml", cobertura(0.5));
  std::filesystem::remove(dir.path() / "sbom.cdx.json");
  std::string gates = with_waivers(planned_gates(80),
                                   "  - gate: coverage\n"
                                   "    reason: \"Legacy billing module is being rewritten in PLAT-12\"\n"
                                   "    expires: \"2026-03-15\"\n"
                                   "  - gate: sbom-present\n"
                                   "    reason: \"SBOM job moved to the nightly pipeline\"\n"
                                   "    expires: 2026-03-14\n"
                                   "    approved_by: ops@example.com\n");
  ReadinessReport report = evaluate(dir, gates);
  const GateVerdict& coverage = gate(report, "coverage");
  EXPECT_FALSE(coverage.passed);
  EXPECT_TRUE(coverage.waived);  // the expiry date is the last day it applies
  EXPECT_EQ(coverage.waiver_expires, "2026-03-15");
  EXPECT_EQ(coverage.waiver_reason, "Legacy billing module is being rewritten in PLAT-12");
  const GateVerdict& sbom_gate = gate(report, "sbom-present");
  EXPECT_FALSE(sbom_gate.waived);
  EXPECT_EQ(sbom_gate.detail, "no SBOM at sbom.cdx.json; waiver expired 2026-03-14");
  EXPECT_FALSE(report.passed());

  report = evaluate(dir, gates, {{"sbom-present", "Released by hand after the nightly SBOM job"}});
  EXPECT_TRUE(gate(report, "sbom-present").waived);
  EXPECT_EQ(gate(report, "sbom-present").waiver_expires, "");
  EXPECT_TRUE(report.passed());
  EXPECT_FALSE(gate(report, "tests-pass").waived);  // a passing gate needs no waiver
}

// Every cut of a valid artifact (a CI job killed mid-write) is read without a
// crash, and almost every one is refused as an error naming the file.
TEST(Readiness, TruncatedArtifactsNeverCrash) {
  TempDir dir;
  using Path = const std::filesystem::path&;
  auto junit = [](Path p) {
    TestTotals totals;
    return read_junit(p, totals).ok();
  };
  auto review = [](Path p) { return read_review_report(p).ok(); };
  auto coverage = [](Path p) { return read_line_coverage(p).ok(); };
  auto bom = [](Path p) { return read_cyclonedx(p).ok(); };
  std::vector<std::pair<std::string, std::function<bool(Path)>>> artifacts = {
      {surefire_report(1), junit},
      {report::write_review_sarif(review_with({finding("py-sql-injection", review::Severity::high)}), {}), review},
      {cobertura(0.5), coverage},
      {sbom(), bom}};
  for (const auto& [text, read] : artifacts) {
    size_t refused = 0, cuts = 0;
    for (size_t cut = 0; cut < text.size(); cut += 3, ++cuts) {
      dir.write("artifact", text.substr(0, cut));
      refused += !read(dir.path() / "artifact");
    }
    EXPECT_GT(refused, cuts * 9 / 10) << text.substr(0, 60);
  }
}

TEST(Readiness, BadGatesFilesAreErrorsNamingFileAndLine) {
  TempDir dir;
  write_passing_artifacts(dir);
  auto error_of = [&](const std::string& text, std::vector<CommandLineWaiver> waivers = {}) {
    dir.write("copilot-gates.yaml", text);
    auto r = evaluate_readiness(dir.path() / "copilot-gates.yaml", dir.path(), {}, waivers, kToday);
    EXPECT_FALSE(r.ok());
    return r ? std::string() : r.error().message;
  };
  std::string file = (dir.path() / "copilot-gates.yaml").string();
  std::string planned = planned_gates(80);
  std::string bad_check = planned;
  bad_check.replace(bad_check.find("check: sbom"), 11, "check: sbomb");
  EXPECT_EQ(error_of(bad_check).rfind(file + ":16: key 'gates[2].check': must be one of", 0), 0u)
      << error_of(bad_check);
  EXPECT_EQ(error_of(with_waivers(planned,
                                  "  - gate: coverag\n    reason: \"a long enough reason\"\n"
                                  "    expires: 2026-04-01\n")),
            file + ":29: key 'waivers[0].gate': no gate is called 'coverag'");
  EXPECT_EQ(error_of(with_waivers(planned,
                                  "  - gate: coverage\n    reason: \"a long enough reason\"\n"
                                  "    expires: 2026-02-30\n")),
            file + ":31: key 'waivers[0].expires': '2026-02-30' is not a date (YYYY-MM-DD)");
  EXPECT_EQ(error_of(planned, {{"sbom", "why not"}}), "--waive: no gate is called 'sbom' in " + file);
  EXPECT_EQ(error_of("gates: [\n"), file + ":2: invalid YAML: end of sequence flow not found");
  EXPECT_EQ(error_of("schema_version: \"2.0\"\ngates: []\nwaivers: []\n"),
            file + ":1: key 'schema_version': must be \"1.0\"");
  EXPECT_NE(error_of("gates: []\n").find("missing required key 'schema_version'"), std::string::npos);
  std::filesystem::remove(dir.path() / "copilot-gates.yaml");
  auto missing = evaluate_readiness(dir.path() / "copilot-gates.yaml", dir.path(), {}, {}, kToday);
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.error().message.find("cannot read the gates file"), std::string::npos);
}

}  // namespace
}  // namespace copilot::release
