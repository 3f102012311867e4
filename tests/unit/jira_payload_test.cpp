// Jira requests built from findings, without a server: ADF for REST v3, wiki
// text for v2, custom field templates, batched JQL and the create/update plan.
#include "remote/jira_payload.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "config/config.h"
#include "notify_fixtures.h"

namespace copilot::remote {
namespace {

using nlohmann::json;
using review::Severity;

JiraSettings settings(int api_version = 3) {
  JiraSettings s;
  s.project = "SEC";
  s.api_version = api_version;
  s.labels = {"security-review"};
  return s;
}

const RunContext kContext{"acme/shop", "0123456789abcdef0123456789abcdef01234567", "https://ci.example/run/7"};

TEST(JiraPayload, V3DescriptionIsValidAdfWithEveryPart) {
  auto f = testing::sample_finding("py-sql-injection", Severity::critical, "app/db.py", 12, "aaaaaaaaaaaaaaaa");
  json doc = adf_description(f, kContext);
  EXPECT_EQ(testing::adf_problem(doc), "");
  std::string text = doc.dump();
  for (const char* part : {"py-sql-injection", "app/db.py:12", "acme/shop", "0123456789ab", "cursor.execute",
                           "Use a parameterised query.", "aaaaaaaaaaaaaaaa", "https://ci.example/run/7"})
    EXPECT_NE(text.find(part), std::string::npos) << part;
  bool has_code_block = false;
  for (const auto& block : doc["content"]) has_code_block = has_code_block || block["type"] == "codeBlock";
  EXPECT_TRUE(has_code_block);
}

TEST(JiraPayload, V3DescriptionHasNoEmptyTextNodes) {
  auto f = testing::sample_finding("r", Severity::high, "a.py", 1, "ffffffffffffffff");
  f.snippet.clear();
  f.rationale.clear();
  f.fix_text.clear();
  f.agent.clear();
  EXPECT_EQ(testing::adf_problem(adf_description(f, RunContext{})), "");
  EXPECT_EQ(testing::adf_problem(comment_body(f, settings(3), RunContext{})["body"]), "");
  EXPECT_EQ(testing::adf_problem(comment_body(f, settings(3), kContext)["body"]), "");
}

TEST(JiraPayload, V2DescriptionIsWikiTextWithMarkupEscaped) {
  auto f = testing::sample_finding("py-x", Severity::high, "app/my_file.py", 4, "eeeeeeeeeeeeeeee",
                                   "value [x] is *bold* {code} and | pipes");
  f.snippet = "print('{noformat}')";
  JiraSettings s = settings(2);
  json fields = create_fields(f, s, kContext);
  ASSERT_TRUE(fields["description"].is_string());
  std::string d = fields["description"];
  EXPECT_NE(d.find("value \\[x\\] is \\*bold\\* \\{code\\} and \\| pipes"), std::string::npos) << d;
  EXPECT_NE(d.find("{{app/my\\_file.py:4}}"), std::string::npos) << d;
  EXPECT_NE(d.find("{noformat}\nprint('{ noformat}')\n{noformat}"), std::string::npos) << d;
  EXPECT_NE(d.find("[CI run|https://ci.example/run/7]"), std::string::npos);
  EXPECT_TRUE(comment_body(f, s, kContext)["body"].is_string());
}

TEST(JiraPayload, CreateFieldsCarryProjectTypeLabelsPriorityAndCustomFields) {
  JiraSettings s = settings();
  s.issue_type = "Vulnerability";
  s.priorities = {{"critical", "Highest"}};
  s.fields = {{"customfield_10010", "{{rule_id}}"}, {"customfield_10011", "{{file}}:{{line}} ({{severity}})"}};
  auto f = testing::sample_finding("py-sql-injection", Severity::critical, "app/db.py", 12, "aaaaaaaaaaaaaaaaZZ");
  json fields = create_fields(f, s, kContext);
  EXPECT_EQ(fields["project"], json({{"key", "SEC"}}));
  EXPECT_EQ(fields["issuetype"], json({{"name", "Vulnerability"}}));
  EXPECT_EQ(fields["labels"], json({"copilot", "security-review", "copilot-aaaaaaaaaaaaaaaa"}));
  EXPECT_EQ(fields["priority"], json({{"name", "Highest"}}));
  EXPECT_EQ(fields["customfield_10010"], "py-sql-injection");
  EXPECT_EQ(fields["customfield_10011"], "app/db.py:12 (critical)");
  EXPECT_EQ(fields["summary"], "py-sql-injection: Untrusted text reaches a sink (app/db.py)");
  auto low = testing::sample_finding("x", Severity::low, "a", 1, "f");
  EXPECT_FALSE(create_fields(low, s, kContext).contains("priority")) << "unmapped severities leave Jira's default";
}

TEST(JiraPayload, FingerprintFieldReplacesTheLabel) {
  JiraSettings s = settings();
  s.fingerprint_field = "customfield_10050";
  auto f = testing::sample_finding("r", Severity::high, "a.py", 1, "abcdefabcdefabcd");
  json fields = create_fields(f, s, kContext);
  EXPECT_EQ(fields["customfield_10050"], "abcdefabcdefabcd");
  EXPECT_EQ(fields["labels"], json({"copilot", "security-review"}));
  EXPECT_EQ(search_jql({"abcdefabcdefabcd", "0123"}, s),
            std::vector<std::string>{"project = \"SEC\" AND (cf[10050] ~ \"abcdefabcdefabcd\" OR cf[10050] ~ "
                                     "\"0123\") AND statusCategory != Done"});
  EXPECT_EQ(search_fields(s), (std::vector<std::string>{"customfield_10050", "status"}));
}

TEST(JiraPayload, EveryPlaceholderIsFilled) {
  auto f = testing::sample_finding("rule-1", Severity::medium, "src/x.py", 8, "0011223344556677", "msg");
  for (const char* name : config::kJiraPlaceholders) {
    std::string rendered = render_template(std::string("<{{") + name + "}}>", f);
    EXPECT_EQ(rendered.find("{{"), std::string::npos) << name;
    EXPECT_NE(rendered, "<>") << name;
  }
  EXPECT_EQ(render_template("{{agent}}/{{fingerprint}}/{{message}} {{unknown}} {{", f),
            "security/0011223344556677/msg {{unknown}} {{");
}

TEST(JiraPayload, SummaryIsOneLineWithinJirasLimit) {
  auto f = testing::sample_finding("r", Severity::high, "a.py", 1, "f", "line one\nline two " + std::string(400, 'z'));
  std::string summary = issue_summary(f);
  EXPECT_LE(summary.size(), 255u);
  EXPECT_EQ(summary.find('\n'), std::string::npos);
}

TEST(JiraPayload, JqlIsBatchedAndQuoted) {
  JiraSettings s = settings();
  s.project = "S\"Q";
  std::vector<std::string> fps;
  for (int i = 0; i < 120; ++i) fps.push_back(fmt::format("{:016x}", i));
  auto queries = search_jql(fps, s, 50);
  ASSERT_EQ(queries.size(), 3u);
  EXPECT_EQ(queries[0].rfind("project = \"S\\\"Q\" AND labels in (\"copilot-0000000000000000\", ", 0), 0u)
      << queries[0];
  EXPECT_NE(queries[2].find("\"copilot-0000000000000077\") AND statusCategory != Done"), std::string::npos);
  EXPECT_EQ(search_jql({}, s), std::vector<std::string>{});
}

TEST(JiraPayload, SearchResultsMapBackToFingerprints) {
  JiraSettings s = settings();
  std::set<std::string> wanted = {"aaaaaaaaaaaaaaaa", "bbbbbbbbbbbbbbbb"};
  json issue = {{"key", "SEC-1"}, {"fields", {{"labels", {"copilot", "copilot-bbbbbbbbbbbbbbbb"}}}}};
  EXPECT_EQ(fingerprint_of(issue, s, wanted), "bbbbbbbbbbbbbbbb");
  EXPECT_EQ(fingerprint_of(json{{"key", "SEC-2"}, {"fields", {{"labels", {"other"}}}}}, s, wanted), "");
  EXPECT_EQ(fingerprint_of(json{{"key", "SEC-3"}}, s, wanted), "");
  s.fingerprint_field = "customfield_1";
  EXPECT_EQ(fingerprint_of(json{{"fields", {{"customfield_1", " aaaaaaaaaaaaaaaa "}}}}, s, wanted), "aaaaaaaaaaaaaaaa");
  EXPECT_EQ(fingerprint_of(json{{"fields", {{"customfield_1", nullptr}}}}, s, wanted), "");
}

TEST(JiraPayload, PlanUpdatesOpenIssuesCreatesTheRestAndDropsDuplicates) {
  auto findings = testing::sample_findings();
  findings.push_back(findings[0]);  // the same fingerprint twice is one issue
  auto plan = plan_issues(findings, Severity::high, {{"bbbbbbbbbbbbbbbb", "SEC-9"}});
  ASSERT_EQ(plan.create.size(), 1u);
  EXPECT_EQ(plan.create[0]->rule_id, "py-sql-injection");
  ASSERT_EQ(plan.update.size(), 1u);
  EXPECT_EQ(plan.update[0].first, "SEC-9");
  EXPECT_EQ(eligible_fingerprints(findings, Severity::high),
            (std::vector<std::string>{"aaaaaaaaaaaaaaaa", "bbbbbbbbbbbbbbbb"}));
  EXPECT_EQ(eligible_fingerprints(findings, Severity::low).size(), 3u);
}

}  // namespace
}  // namespace copilot::remote
