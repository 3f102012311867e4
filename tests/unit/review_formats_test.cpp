// Every review output format against its golden file, alone and combined over
// several repositories, plus the escaping and SARIF invariants that a golden
// diff would not explain on its own.
// UPDATE_GOLDEN=1 rewrites the goldens from the current writers.
#include "report/review_formats.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

namespace copilot::report {
namespace {

namespace fs = std::filesystem;
using review::Finding;
using review::Location;
using review::ReviewResult;
using review::RuleInfo;
using review::Severity;

const fs::path kGoldenDir = fs::path(COPILOT_SOURCE_DIR) / "tests" / "golden" / "review";

/// A location covering `needle` within `line`, in 1-based byte columns.
Location span(const std::string& file, int line_no, const std::string& line, const std::string& needle) {
  size_t at = line.find(needle);
  EXPECT_NE(at, std::string::npos) << needle;
  int start = static_cast<int>(at) + 1;
  return {file, line_no, start, line_no, start + static_cast<int>(needle.size())};
}

Finding finding(std::string rule, std::string agent, Severity severity, Location where, std::string snippet,
                std::string message) {
  Finding f;
  f.rule_id = std::move(rule);
  f.agent = std::move(agent);
  f.severity = severity;
  f.confidence = 0.8;
  f.location = std::move(where);
  f.snippet = std::move(snippet);
  f.message = std::move(message);
  f.fingerprint = "fp-" + f.rule_id + "-" + std::to_string(f.location.start_line);
  return f;
}

RuleInfo rule(std::string id, std::string agent, Severity severity, std::string summary,
              std::vector<std::string> cwe = {}, std::vector<std::string> owasp = {}) {
  std::string description = summary + ".\nSee the rule documentation for examples.";
  return {std::move(id), std::move(agent), severity, std::move(summary), description, std::move(cwe), std::move(owasp)};
}

std::vector<RuleInfo> sample_rules() {
  return {
      rule("js-eval-user-input", "security", Severity::high, "eval() runs text from the request", {"CWE-95"},
           {"A03:2021"}),
      rule("js-sync-fs-in-handler", "performance", Severity::medium, "Synchronous file I/O inside a request handler"),
      rule("py-log-format-mismatch", "logic", Severity::medium, "Format string and arguments disagree"),
      rule("py-sql-injection", "security", Severity::critical, "SQL query built from user input", {"CWE-89"},
           {"A03:2021"}),
      rule("sh-missing-set-e", "style", Severity::info, "Script does not stop on errors"),
      rule("sh-unquoted-variable", "style", Severity::low, "Unquoted variable expansion"),
  };
}

/// Five severities over three files, with a fix, a data flow, and a message
/// full of characters every format has to escape.
ReviewResult sample() {
  ReviewResult r;
  r.tool_version = "1.2.3";
  r.scope = "main..HEAD";
  r.base_sha = "1111111111111111111111111111111111111111";
  r.head_sha = "2222222222222222222222222222222222222222";
  r.files_reviewed = 12;
  r.suppressed_inline = 1;
  r.suppressed_baseline = 4;
  r.filtered_by_diff = 2;
  r.rules = sample_rules();

  const std::string sh = "scripts/build all.sh";
  std::string l1 = "#!/usr/bin/env bash";
  auto missing = finding("sh-missing-set-e", "style", Severity::info, span(sh, 1, l1, l1), l1,
                         "Script does not enable errexit (set -e).");
  std::string l7 = "rm -rf $BUILD_DIR/*";
  auto unquoted = finding("sh-unquoted-variable", "style", Severity::low, span(sh, 7, l7, "$BUILD_DIR"), l7,
                          "$BUILD_DIR is unquoted; an empty value deletes /*.");
  unquoted.fix_text = "Quote it: \"${BUILD_DIR:?}\"/*";

  const std::string py = "src/db/users.py";
  std::string l14 = "    cursor.execute(\"SELECT * FROM users WHERE name = '%s'\" % name)";
  auto sql = finding("py-sql-injection", "security", Severity::critical,
                     span(py, 14, l14, "cursor.execute(\"SELECT * FROM users WHERE name = '%s'\" % name)"), l14,
                     "SQL query built with % formatting from request data.");
  sql.confidence = 0.9;
  sql.cwe = {"CWE-89"};
  sql.owasp = {"A03:2021"};
  sql.rationale = "Anyone who controls `name` can change the query and read or delete any row.";
  sql.fix_text = "Pass the value as a parameter: cursor.execute(sql, (name,)).";
  std::string l10 = "    name = request.args[\"name\"]";
  std::string l12 = "    query = \"SELECT * FROM users WHERE name = '%s'\" % name";
  sql.flow = {{span(py, 10, l10, "request.args[\"name\"]"), "user input enters here"},
              {span(py, 12, l12, "name"), "flows into a formatted string"},
              {sql.location, "reaches the database"}};

  std::string l21 = "    log.info(\"Café %s, %d\" % (user,))";
  auto format =
      finding("py-log-format-mismatch", "logic", Severity::medium, span(py, 21, l21, "\"Café %s, %d\" % (user,)"), l21,
              "Format \"%s, %d\" expects 2 values: got 1 <tuple> & 'naïve' | see docs\nSecond line: ✓");
  format.rationale = "A mismatch raises TypeError at run time, inside the logging call.";

  const std::string js = "src/web/app.js";
  std::string l8 = "  const total = eval(req.query.expr);";
  auto eval = finding("js-eval-user-input", "security", Severity::high, span(js, 8, l8, "eval(req.query.expr)"), l8,
                      "eval() runs req.query.expr, which the client controls.");
  eval.cwe = {"CWE-95"};
  eval.owasp = {"A03:2021"};
  eval.fix_text = "Parse the number instead of evaluating it.";
  eval.fix = review::Replacement{eval.location, "Number(req.query.expr)"};
  std::string l12js = "  const data = fs.readFileSync(path);";
  auto sync = finding("js-sync-fs-in-handler", "performance", Severity::medium, span(js, 12, l12js, "fs.readFileSync"),
                      l12js, "readFileSync blocks the event loop while a request waits.");
  // One finding spanning lines: no underline, no single-line columns on GitHub.
  sync.location.end_line = 13;
  sync.location.end_column = 3;

  r.findings = {missing, unquoted, sql, format, eval, sync};
  r.notes = {{"src/legacy/old.py", 3, "syntax error; parsed partially"}};
  return r;
}

ReviewResult empty() {
  ReviewResult r;
  r.tool_version = "1.2.3";
  r.scope = "all";
  r.files_reviewed = 12;
  r.rules = sample_rules();
  return r;
}

WriterOptions golden_options() {
  WriterOptions o;
  o.source_root = "/home/ci/my repo";
  return o;
}

std::string read_text(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void check_golden(const std::string& name, const std::string& actual) {
  fs::path path = kGoldenDir / name;
  const char* update = std::getenv("UPDATE_GOLDEN");
  if (update && std::string(update) == "1") {
    fs::create_directories(kGoldenDir);
    std::ofstream(path, std::ios::binary) << actual;
    return;
  }
  ASSERT_TRUE(fs::exists(path)) << path << " is missing; run with UPDATE_GOLDEN=1 to create it";
  EXPECT_EQ(read_text(path), actual) << "golden " << path << " differs; run with UPDATE_GOLDEN=1 after checking";
}

TEST(ReviewFormats, EveryFormatMatchesItsGoldens) {
  for (const auto& format : review_formats()) {
    SCOPED_TRACE(format.name);
    std::string ext = std::string(".") + format.name + "." + format.extension;
    check_golden("sample" + ext, format.render(sample(), golden_options()));
    check_golden("empty" + ext, format.render(empty(), golden_options()));
  }
}

/// Three repositories of a batch: one with the sample findings (its gate
/// failed), a clean one, and one that was missing.
ReviewResults sample_batch() {
  ReviewResults b;
  batch::Repo api{"services/api", "/srv/batch-golden/services/api", "repos.txt:2"};
  batch::Repo web{"services/web", "/srv/batch-golden/services/web", "repos.txt:3"};
  batch::Repo gone{"services/gone", "/srv/batch-golden/services/gone", "repos.txt:5"};
  b.outcomes = {{api, batch::Status::gate_failed, ""},
                {web, batch::Status::ok, ""},
                {gone, batch::Status::error, "no such directory"}};
  b.reports = {RepoReview{sample(), api.location}, RepoReview{empty(), web.location}, std::nullopt};
  return b;
}

CombinedOptions batch_options() {
  return {false, "/srv/batch-golden"};
}

/// The build's version, which combined reports carry, made stable for goldens.
std::string without_version(std::string s) {
  for (size_t at = s.find(COPILOT_VERSION); at != std::string::npos; at = s.find(COPILOT_VERSION, at))
    s.replace(at, std::string_view(COPILOT_VERSION).size(), "X.Y.Z");
  return s;
}

TEST(ReviewFormats, EveryFormatCombinesRepositories) {
  for (const auto& format : review_formats()) {
    SCOPED_TRACE(format.name);
    ASSERT_NE(format.combine, nullptr);
    check_golden(std::string("batch.") + format.name + "." + format.extension,
                 without_version(format.combine(sample_batch(), batch_options())));
  }
}

TEST(ReviewFormats, CombinedJsonKeepsTheListOrder) {
  auto j = nlohmann::json::parse(combine_review_json(sample_batch(), batch_options()));
  EXPECT_EQ(j["schema_version"], "1.0");
  EXPECT_EQ(j["command"], "review");
  ASSERT_EQ(j["repositories"].size(), 3u);
  EXPECT_EQ(j["repositories"][0]["path"], "services/api");
  EXPECT_EQ(j["repositories"][0]["status"], "gate_failed");
  EXPECT_EQ(j["repositories"][0]["report"]["findings"].size(), 6u);
  EXPECT_EQ(j["repositories"][0]["report"]["findings"][0]["location"]["file"], "scripts/build all.sh");
  EXPECT_EQ(j["repositories"][1]["status"], "ok");
  EXPECT_EQ(j["repositories"][2]["error"], "no such directory");
  EXPECT_EQ(j["repositories"][2]["listed_at"], "repos.txt:5");
  EXPECT_FALSE(j["repositories"][2].contains("report"));
  EXPECT_EQ(j["summary"], nlohmann::json::parse(R"({"repositories":3,"ok":1,"gate_failed":1,"error":1})"));
}

TEST(ReviewFormats, CombinedSarifHasARunPerRepository) {
  auto log = nlohmann::json::parse(combine_review_sarif(sample_batch(), batch_options()));
  ASSERT_EQ(log["runs"].size(), 3u);
  std::set<std::string> ids;
  for (const auto& run : log["runs"]) ids.insert(run["automationDetails"]["id"].get<std::string>());
  EXPECT_EQ(ids.size(), 3u) << "GitHub takes one run per tool and category";
  EXPECT_EQ(log["runs"][0]["originalUriBaseIds"]["%SRCROOT%"]["uri"], "file:///srv/batch-golden/services/api/");
  EXPECT_EQ(log["runs"][1]["originalUriBaseIds"]["%SRCROOT%"]["uri"], "file:///srv/batch-golden/services/web/");
  auto uri = log["runs"][0]["results"][2]["locations"][0]["physicalLocation"]["artifactLocation"];
  EXPECT_EQ(uri["uri"], "src/db/users.py");
  EXPECT_EQ(uri["uriBaseId"], "%SRCROOT%");
  EXPECT_EQ(log["runs"][2]["invocations"][0]["executionSuccessful"], false);
  EXPECT_EQ(log["runs"][2]["invocations"][0]["toolExecutionNotifications"][0]["message"]["text"],
            "repos.txt:5: no such directory");
}

TEST(ReviewFormats, CombinedAnnotationsNameFilesFromTheCurrentDirectory) {
  std::string github = combine_review_github(sample_batch(), batch_options());
  EXPECT_NE(github.find("file=services/api/src/db/users.py,line=14"), std::string::npos) << github;
  EXPECT_NE(github.find("::error title=copilot review::repos.txt:5: services/gone: no such directory"),
            std::string::npos);
  std::string checkstyle = combine_review_checkstyle(sample_batch(), batch_options());
  EXPECT_NE(checkstyle.find("<file name=\"services/api/src/web/app.js\">"), std::string::npos);
  EXPECT_NE(checkstyle.find("<file name=\"services/gone\">"), std::string::npos);

  // The same findings in two repositories stay two issues for GitLab.
  ReviewResults twice = sample_batch();
  twice.reports[1] = RepoReview{sample(), twice.outcomes[1].repo.location};
  auto issues = nlohmann::json::parse(combine_review_gitlab(twice, batch_options()));
  ASSERT_EQ(issues.size(), 12u);
  std::set<std::string> fingerprints;
  for (const auto& i : issues) fingerprints.insert(i["fingerprint"].get<std::string>());
  EXPECT_EQ(fingerprints.size(), 12u);
  EXPECT_EQ(issues[6]["location"]["path"], "services/web/scripts/build all.sh");
}

TEST(ReviewFormats, PathPrefixFromTheCurrentDirectory) {
  EXPECT_EQ(path_prefix("/srv/x/repo", "/srv/x"), "repo/");
  EXPECT_EQ(path_prefix("/srv/x/repo/", "/srv/x/"), "repo/");
  EXPECT_EQ(path_prefix("/srv/x", "/srv/x"), "");
  EXPECT_EQ(path_prefix("/srv/y/repo", "/srv/x"), "../y/repo/");
}

TEST(ReviewFormats, NoGoldenWithoutAFormat) {
  std::set<std::string> expected;
  for (const auto& f : review_formats())
    for (std::string which : {"sample", "empty", "batch"}) expected.insert(which + "." + f.name + "." + f.extension);
  for (const auto& entry : fs::directory_iterator(kGoldenDir))
    EXPECT_TRUE(expected.count(entry.path().filename().string())) << "stale golden " << entry.path();
}

TEST(ReviewFormats, Lookup) {
  ASSERT_NE(find_review_format("sarif"), nullptr);
  EXPECT_STREQ(find_review_format("sarif")->extension, "sarif");
  EXPECT_EQ(find_review_format("yaml"), nullptr);
  EXPECT_EQ(review_format_names(), "text, json, sarif, github, gitlab, checkstyle, junit, markdown");
  std::set<std::string> names;
  for (const auto& f : review_formats()) EXPECT_TRUE(names.insert(f.name).second) << f.name;
}

TEST(ReviewFormats, GithubEscaping) {
  using review_detail::github_escape_data;
  using review_detail::github_escape_property;
  EXPECT_EQ(github_escape_data("50% a:b,c\r\nd"), "50%25 a:b,c%0D%0Ad");
  EXPECT_EQ(github_escape_property("50% a:b,c\r\nd"), "50%25 a%3Ab%2Cc%0D%0Ad");

  std::string out = write_review_github(sample(), {});
  std::istringstream lines(out);
  std::string line;
  int commands = 0;
  while (std::getline(lines, line)) {
    EXPECT_EQ(line.rfind("::", 0), 0u) << line;
    ++commands;
  }
  EXPECT_EQ(commands, 7);  // six findings and one note
  EXPECT_NE(out.find("::error file=src/db/users.py,line=14,endLine=14,col=5,endColumn=67,"
                     "title=py-sql-injection (critical)::SQL query built with %25 formatting"),
            std::string::npos)
      << out;
  EXPECT_NE(out.find("file=scripts/build all.sh"), std::string::npos);
  EXPECT_NE(out.find("::warning file=src/db/users.py,line=21,endLine=21,col=14,endColumn=37,"
                     "title=py-log-format-mismatch (medium)::Format \"%25s, %25d\" expects 2 values: got 1 "
                     "<tuple> & 'naïve' | see docs%0ASecond line: ✓"),
            std::string::npos)
      << out;
  // A trailing newline from a YAML block scalar does not become an empty annotation line.
  ReviewResult r = sample();
  r.findings.resize(1);
  r.notes.clear();
  r.findings[0].fix_text = "Use set -e.\n";
  EXPECT_EQ(write_review_github(r, {}).find("%0A\n"), std::string::npos);
  // Multi-line locations carry no columns.
  EXPECT_NE(out.find("::warning file=src/web/app.js,line=12,endLine=13,title="), std::string::npos) << out;
}

TEST(ReviewFormats, XmlEscaping) {
  using review_detail::xml_escape;
  EXPECT_EQ(xml_escape("a<b & \"c\" 'd'>\n\t", true), "a&lt;b &amp; &quot;c&quot; &apos;d&apos;&gt;&#10;&#9;");
  EXPECT_EQ(xml_escape("a<b & \"c\"\n", false), "a&lt;b &amp; \"c\"\n");
  EXPECT_EQ(xml_escape("bell\x07 esc\x1b ok", false), "bell esc ok");
  EXPECT_EQ(xml_escape("bad \xff byte", false), "bad \xEF\xBF\xBD byte");

  for (auto* write : {write_review_checkstyle, write_review_junit}) {
    std::string out = write(sample(), {});
    EXPECT_EQ(out.find("<tuple>"), std::string::npos);
    EXPECT_NE(out.find("&lt;tuple&gt; &amp; &apos;naïve&apos; | see docs&#10;Second line"), std::string::npos) << out;
  }
}

TEST(ReviewFormats, JunitShowsOnePassingTestWhenClean) {
  std::string out = write_review_junit(empty(), {});
  EXPECT_NE(out.find("tests=\"1\" failures=\"0\""), std::string::npos);
  EXPECT_NE(out.find("<testcase classname=\"copilot\" name=\"copilot review\""), std::string::npos);
  EXPECT_EQ(out.find("<failure"), std::string::npos);
}

TEST(ReviewFormats, SarifFingerprintsAndRuleIndexes) {
  ReviewResult r = sample();
  r.findings[0].fingerprint.clear();  // a producer slip still yields a fingerprint
  Finding orphan = r.findings[1];
  orphan.rule_id = "sh-not-in-rule-list";
  r.findings.push_back(orphan);

  auto log = nlohmann::json::parse(write_review_sarif(r, golden_options()));
  EXPECT_EQ(log["version"], "2.1.0");
  const auto& run = log["runs"][0];
  const auto& rules = run["tool"]["driver"]["rules"];
  ASSERT_EQ(run["results"].size(), r.findings.size());
  for (size_t i = 0; i < r.findings.size(); ++i) {
    const auto& result = run["results"][i];
    SCOPED_TRACE(result.dump());
    size_t index = result["ruleIndex"];
    ASSERT_LT(index, rules.size());
    EXPECT_EQ(rules[index]["id"], result["ruleId"]);
    EXPECT_EQ(result["ruleId"], r.findings[i].rule_id);
    std::string fp = result["partialFingerprints"]["copilot/v1"];
    EXPECT_FALSE(fp.empty());
    EXPECT_EQ(result["locations"][0]["physicalLocation"]["artifactLocation"]["uriBaseId"], "%SRCROOT%");
  }
  EXPECT_EQ(run["originalUriBaseIds"]["%SRCROOT%"]["uri"], "file:///home/ci/my%20repo/");
  EXPECT_EQ(run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"], "scripts/build%20all.sh");

  std::map<std::string, nlohmann::json> by_rule;
  for (const auto& res : run["results"]) by_rule[res["ruleId"]] = res;
  EXPECT_EQ(by_rule["py-sql-injection"]["level"], "error");
  EXPECT_EQ(by_rule["py-sql-injection"]["codeFlows"][0]["threadFlows"][0]["locations"].size(), 3u);
  EXPECT_EQ(
      by_rule["js-eval-user-input"]["fixes"][0]["artifactChanges"][0]["replacements"][0]["insertedContent"]["text"],
      "Number(req.query.expr)");
  EXPECT_FALSE(by_rule["py-sql-injection"].contains("fixes"));
  // "Café" holds a two-byte character before the end column: UTF-16 counts it once.
  const auto& region = by_rule["py-log-format-mismatch"]["locations"][0]["physicalLocation"]["region"];
  EXPECT_EQ(region["startColumn"], 14);
  EXPECT_EQ(region["endColumn"], 37);
  EXPECT_EQ(region["snippet"]["text"], "\"Café %s, %d\" % (user,)");

  for (const auto& d : rules) {
    if (d["id"] == "py-sql-injection") {
      EXPECT_EQ(d["name"], "PySqlInjection");
      EXPECT_EQ(d["defaultConfiguration"]["level"], "error");
      EXPECT_EQ(d["properties"]["security-severity"], "9.5");
      EXPECT_EQ(d["properties"]["tags"], nlohmann::json({"security", "CWE-89", "external/cwe/cwe-89"}));
    }
    if (d["id"] == "sh-missing-set-e") {
      EXPECT_EQ(d["defaultConfiguration"]["level"], "note");
      EXPECT_FALSE(d["properties"].contains("security-severity"));
    }
  }
  EXPECT_EQ(rules.back()["id"], "sh-not-in-rule-list");
}

TEST(ReviewFormats, Utf8Helpers) {
  using review_detail::utf16_column;
  EXPECT_EQ(utf16_column("abc", 3), 3);
  EXPECT_EQ(utf16_column("é=1", 3), 2);                // é is two bytes, one UTF-16 unit
  EXPECT_EQ(utf16_column("\xF0\x9F\x98\x80x", 5), 3);  // an emoji is four bytes, two units
  EXPECT_EQ(utf16_column("ab", 10), 10);               // past the end: counted as is
  EXPECT_EQ(review_detail::valid_utf8("ok \xC3\xA9 \xC3 \xED\xA0\x80"),
            "ok \xC3\xA9 \xEF\xBF\xBD \xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
  EXPECT_EQ(review_detail::uri_encode_path("a b/ü%#.py"), "a%20b/%C3%BC%25%23.py");
}

TEST(ReviewFormats, TextSummaryAndColor) {
  std::string plain = write_review_text(sample(), {});
  EXPECT_EQ(plain.find('\x1b'), std::string::npos);
  EXPECT_NE(plain.find("6 findings (1 critical, 1 high, 2 medium, 1 low, 1 info) in 3 files; 1 suppressed inline, "
                       "4 in baseline, 2 outside the diff\n"),
            std::string::npos)
      << plain;
  EXPECT_EQ(write_review_text(empty(), {}), "No findings in 12 files.\n");

  WriterOptions color;
  color.color = true;
  EXPECT_NE(write_review_text(sample(), color).find("\x1b[1;35mcritical\x1b[0m"), std::string::npos);

  // Escape sequences in source text never reach the terminal.
  ReviewResult r = sample();
  r.findings[0].snippet = "echo \x1b[2J";
  EXPECT_EQ(write_review_text(r, {}).find('\x1b'), std::string::npos);
}

TEST(ReviewFormats, TextFrameReadsFilesWhenItCan) {
  ReviewResult r = sample();
  WriterOptions o;
  o.read_file = [](const std::string& file) -> std::string {
    if (file != "src/web/app.js") return "";
    std::string text;
    for (int i = 1; i <= 13; ++i)
      text += i == 8    ? "  const total = eval(req.query.expr);\n"
              : i == 12 ? "  const data = fs.readFileSync(path);\n"
              : i == 13 ? "  );\n"
                        : "\n";
    return text;
  };
  std::string out = write_review_text(r, o);
  EXPECT_NE(out.find("  12 |   const data = fs.readFileSync(path);\n  13 |   );\n"), std::string::npos) << out;
}

TEST(ReviewFormats, MarkdownCapsRowsAndEscapesCells) {
  ReviewResult r = sample();
  Finding base = r.findings[3];
  r.findings.clear();
  for (int i = 0; i < 250; ++i) r.findings.push_back(base);
  std::string out = write_review_markdown(r, {});
  size_t rows = 0;
  for (size_t at = out.find("| medium | `py-log"); at != std::string::npos; at = out.find("| medium | `py-log", at + 1))
    ++rows;
  EXPECT_EQ(rows, 200u);
  EXPECT_NE(out.find("\n… and 50 more\n"), std::string::npos);
  EXPECT_NE(out.find("1 \\<tuple\\> \\& 'naïve' \\| see docs<br>Second line: ✓ |"), std::string::npos) << out;
}

TEST(ReviewFormats, GitlabFingerprintsAreUnique) {
  ReviewResult r = sample();
  r.findings.push_back(r.findings[0]);
  auto issues = nlohmann::json::parse(write_review_gitlab(r, {}));
  std::set<std::string> seen;
  for (const auto& issue : issues) EXPECT_TRUE(seen.insert(issue["fingerprint"].get<std::string>()).second);
  EXPECT_EQ(issues[2]["severity"], "blocker");
  EXPECT_EQ(issues[2]["location"]["lines"]["begin"], 14);
}

}  // namespace
}  // namespace copilot::report
