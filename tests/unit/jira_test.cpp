// Jira against a stand-in that keeps issues in memory and checks each request
// as Jira's REST documentation describes it: method and path for the API
// version, Authorization form, JSON content type, the required fields, ADF
// (v3) or text (v2) descriptions and comments. A wrong request is answered
// with Jira's 400 shape and recorded, and every test asserts none happened.
#include "remote/jira.h"

#include <gtest/gtest.h>

#include <mutex>
#include <regex>

#include "loopback_server.h"
#include "notify_fixtures.h"
#include "remote/atlassian.h"

namespace copilot::remote {
namespace {

using nlohmann::json;
using review::Severity;
using testing::LoopbackServer;

const std::string kBasic = "Basic YWRhQGV4YW1wbGUuY29tOnRvazNu";  // ada@example.com:tok3n
const Environment kCloudEnv = {{"JIRA_USER", "ada@example.com"}, {"JIRA_API_TOKEN", "tok3n"}};
const RunContext kContext{"acme/shop", "0123456789abcdef0123456789abcdef01234567", ""};

struct StoredIssue {
  std::string key;
  json fields;
  bool done = false;
  std::vector<json> comments;
};

class JiraStandIn {
 public:
  /// `version`: the REST version clients must use; `authorization`: the exact header expected.
  JiraStandIn(int version, std::string authorization) : version_(version), authorization_(std::move(authorization)) {
    auto& http = server_.http();
    http.Post(R"(/rest/api/(\d)/search/jql)", [this](const auto& req, auto& res) { search(req, res, true); });
    http.Post(R"(/rest/api/(\d)/search)", [this](const auto& req, auto& res) { search(req, res, false); });
    http.Post(R"(/rest/api/(\d)/issue)", [this](const auto& req, auto& res) { create(req, res); });
    http.Post(R"(/rest/api/(\d)/issue/bulk)", [this](const auto& req, auto& res) { bulk(req, res); });
    http.Post(R"(/rest/api/(\d)/issue/([A-Z]+-\d+)/comment)",
              [this](const auto& req, auto& res) { comment(req, res); });
    http.Put(R"(/rest/api/(\d)/issue/([A-Z]+-\d+))", [this](const auto& req, auto& res) { edit(req, res); });
  }

  std::string start() { return server_.start(); }
  std::vector<std::string> problems() const {
    std::lock_guard lock(mutex_);
    return problems_;
  }
  std::vector<StoredIssue> issues() const {
    std::lock_guard lock(mutex_);
    return issues_;
  }
  std::vector<testing::SeenRequest> seen() const { return server_.seen(); }
  void close_all() {
    std::lock_guard lock(mutex_);
    for (auto& i : issues_) i.done = true;
  }

  int search_page_size = 100;
  bool retired_v2_search = false;  ///< Jira Cloud: /search answers 410 Gone
  std::string reject_issue_type;   ///< creating this type fails with Jira's field error
  std::string reject_summary_containing;

 private:
  /// Checks what every request shares; on a problem answers 400 and returns false.
  bool accept(const httplib::Request& req, httplib::Response& res, json* body) {
    std::string problem;
    if (req.matches[1] != std::to_string(version_)) problem = "REST version " + std::string(req.matches[1]);
    if (req.get_header_value("Authorization") != authorization_) {
      res.status = 401;
      res.set_content(
          R"({"errorMessages":["You are not authenticated. Authentication required to perform this operation."],"errors":{}})",
          "application/json");
      return false;
    }
    if (problem.empty() && req.get_header_value("Accept") != "application/json") problem = "Accept is not JSON";
    if (problem.empty() && body) {
      if (req.get_header_value("Content-Type") != "application/json") problem = "Content-Type is not application/json";
      *body = json::parse(req.body, nullptr, false);
      if (problem.empty() && !body->is_object()) problem = "body is not a JSON object";
    }
    return problem.empty() || reject(res, problem);
  }

  bool reject(httplib::Response& res, const std::string& problem) {
    {
      std::lock_guard lock(mutex_);
      problems_.push_back(problem);
    }
    res.status = 400;
    res.set_content(json{{"errorMessages", {"stand-in: " + problem}}, {"errors", json::object()}}.dump(),
                    "application/json");
    return false;
  }

  std::string rich_text_problem(const json& value, const std::string& what) const {
    if (version_ >= 3) {
      std::string p = testing::adf_problem(value);
      return p.empty() ? "" : what + " is not ADF: " + p;
    }
    return value.is_string() ? "" : what + " must be a string in REST v2";
  }

  std::string fields_problem(const json& f) const {
    if (!f.is_object()) return "fields is not an object";
    if (!f.contains("project") || !f["project"].contains("key")) return "fields.project.key is required";
    if (!f.contains("issuetype") || !f["issuetype"].contains("name")) return "fields.issuetype is required";
    if (!f.contains("summary") || !f["summary"].is_string() || f["summary"].get<std::string>().empty() ||
        f["summary"].get<std::string>().size() > 255 || f["summary"].get<std::string>().find('\n') != std::string::npos)
      return "fields.summary must be one line of 1-255 characters";
    if (f.contains("labels"))
      for (const auto& l : f["labels"])
        if (!l.is_string() || l.get<std::string>().find(' ') != std::string::npos) return "labels cannot hold spaces";
    if (f.contains("priority") && !f["priority"].contains("name")) return "priority needs a name or id";
    return f.contains("description") ? rich_text_problem(f["description"], "description") : "";
  }

  /// The JQL we expect: project, a fingerprint condition and open issues only.
  std::vector<std::string> labels_in(const std::string& jql, std::string& problem) const {
    static const std::regex shape(R"(^project = "SEC" AND labels in \(([^)]*)\) AND statusCategory != Done$)");
    std::smatch m;
    if (!std::regex_match(jql, m, shape)) {
      problem = "unexpected JQL: " + jql;
      return {};
    }
    std::vector<std::string> labels;
    static const std::regex quoted(R"re("([^"]+)")re");
    std::string list = m[1];
    for (std::sregex_iterator it(list.begin(), list.end(), quoted), end; it != end; ++it) labels.push_back((*it)[1]);
    return labels;
  }

  void search(const httplib::Request& req, httplib::Response& res, bool token_paging) {
    json body;
    if (!accept(req, res, &body)) return;
    if (!token_paging && retired_v2_search) {
      res.status = 410;
      res.set_content(R"({"errorMessages":["The requested API has been removed. Please migrate to /search/jql."]})",
                      "application/json");
      return;
    }
    if (token_paging && version_ == 2 && !retired_v2_search) return (void)reject(res, "/search/jql on Data Center");
    if (!token_paging && version_ == 3) return (void)reject(res, "v3 clients must use /search/jql");
    if (!body.contains("jql") || !body["jql"].is_string()) return (void)reject(res, "jql is required");
    if (!body.contains("fields") || !body["fields"].is_array()) return (void)reject(res, "fields must be listed");
    std::string problem;
    auto labels = labels_in(body["jql"], problem);
    if (!problem.empty()) return (void)reject(res, problem);
    std::lock_guard lock(mutex_);
    std::vector<json> matches;
    for (const auto& i : issues_) {
      bool match = false;
      for (const auto& l : i.fields.value("labels", json::array()))
        match = match || std::find(labels.begin(), labels.end(), l.get<std::string>()) != labels.end();
      if (match && !i.done)
        matches.push_back(
            {{"key", i.key}, {"fields", {{"labels", i.fields["labels"]}, {"status", {{"name", "To Do"}}}}}});
    }
    size_t start = token_paging ? std::stoul(body.value("nextPageToken", "0")) : body.value("startAt", 0);
    size_t size = std::min<size_t>(search_page_size, body.value("maxResults", 50));
    json page = json::array();
    for (size_t i = start; i < std::min(matches.size(), start + size); ++i) page.push_back(matches[i]);
    json answer = {{"issues", page}};
    bool last = start + size >= matches.size();
    if (token_paging) {
      answer["isLast"] = last;
      if (!last) answer["nextPageToken"] = std::to_string(start + size);
    } else {
      answer["startAt"] = start;
      answer["maxResults"] = size;
      answer["total"] = matches.size();
    }
    res.set_content(answer.dump(), "application/json");
  }

  /// Stores a valid issue and returns its key; "" and `problem` set otherwise.
  std::string store(const json& fields, std::string& problem, json& field_errors) {
    problem = fields_problem(fields);
    if (!problem.empty()) return "";
    if (fields["issuetype"]["name"] == reject_issue_type) {
      field_errors = {{"issuetype", "Specify a valid issue type"}};
      return "";
    }
    if (!reject_summary_containing.empty() &&
        fields["summary"].get<std::string>().find(reject_summary_containing) != std::string::npos) {
      field_errors = {{"summary", "Summary contains a forbidden word"}};
      return "";
    }
    std::lock_guard lock(mutex_);
    std::string key = "SEC-" + std::to_string(issues_.size() + 1);
    issues_.push_back({key, fields});
    return key;
  }

  void create(const httplib::Request& req, httplib::Response& res) {
    json body;
    if (!accept(req, res, &body)) return;
    std::string problem;
    json field_errors;
    std::string key = store(body.value("fields", json()), problem, field_errors);
    if (!problem.empty()) return (void)reject(res, problem);
    if (key.empty()) {
      res.status = 400;
      res.set_content(json{{"errorMessages", json::array()}, {"errors", field_errors}}.dump(), "application/json");
      return;
    }
    res.status = 201;
    res.set_content(json{{"id", "100"}, {"key", key}, {"self", "http://jira/rest/api/issue/100"}}.dump(),
                    "application/json");
  }

  void bulk(const httplib::Request& req, httplib::Response& res) {
    json body;
    if (!accept(req, res, &body)) return;
    if (!body.contains("issueUpdates") || !body["issueUpdates"].is_array() || body["issueUpdates"].empty() ||
        body["issueUpdates"].size() > 50)
      return (void)reject(res, "issueUpdates must hold 1-50 issues");
    json created = json::array(), errors = json::array();
    for (size_t i = 0; i < body["issueUpdates"].size(); ++i) {
      std::string problem;
      json field_errors;
      std::string key = store(body["issueUpdates"][i].value("fields", json()), problem, field_errors);
      if (!problem.empty()) return (void)reject(res, problem);
      if (key.empty())
        errors.push_back({{"status", 400},
                          {"elementErrors", {{"errorMessages", json::array()}, {"errors", field_errors}}},
                          {"failedElementNumber", i}});
      else
        created.push_back({{"id", "1"}, {"key", key}, {"self", "http://jira/x"}});
    }
    res.status = errors.empty() ? 201 : 400;
    res.set_content(json{{"issues", created}, {"errors", errors}}.dump(), "application/json");
  }

  StoredIssue* find(const std::string& key) {
    for (auto& i : issues_)
      if (i.key == key) return &i;
    return nullptr;
  }

  void comment(const httplib::Request& req, httplib::Response& res) {
    json body;
    if (!accept(req, res, &body)) return;
    if (!body.contains("body")) return (void)reject(res, "comment body is required");
    if (auto p = rich_text_problem(body["body"], "comment body"); !p.empty()) return (void)reject(res, p);
    std::lock_guard lock(mutex_);
    StoredIssue* issue = find(req.matches[2]);
    if (!issue) {
      res.status = 404;
      res.set_content(R"({"errorMessages":["Issue does not exist or you do not have permission to see it."]})",
                      "application/json");
      return;
    }
    issue->comments.push_back(body["body"]);
    res.status = 201;
    res.set_content(R"({"id":"10000"})", "application/json");
  }

  void edit(const httplib::Request& req, httplib::Response& res) {
    json body;
    if (!accept(req, res, &body)) return;
    if (!body.contains("fields") || !body["fields"].is_object()) return (void)reject(res, "fields is required");
    if (body["fields"].contains("project")) return (void)reject(res, "the project cannot be edited");
    if (auto p = rich_text_problem(body["fields"].value("description", json()), "description"); !p.empty())
      return (void)reject(res, p);
    std::lock_guard lock(mutex_);
    StoredIssue* issue = find(req.matches[2]);
    if (!issue) return (void)reject(res, "no such issue");
    for (const auto& [k, v] : body["fields"].items()) issue->fields[k] = v;
    res.status = 204;
  }

  int version_;
  std::string authorization_;
  LoopbackServer server_;
  mutable std::mutex mutex_;
  std::vector<std::string> problems_;
  std::vector<StoredIssue> issues_;
};

JiraSettings cloud_settings(const std::string& base_url, int version = 3) {
  config::JiraConfig c;
  c.base_url = base_url;
  c.project = "SEC";
  c.api_version = version;
  auto s = jira_settings(c, kCloudEnv);
  EXPECT_TRUE(s) << s.error().message;
  return *s;
}

std::vector<std::string> paths(const std::vector<testing::SeenRequest>& seen) {
  std::vector<std::string> out;
  for (const auto& r : seen) out.push_back(r.method + " " + r.path);
  return out;
}

TEST(JiraSync, CreatesInBulkThenCommentsOnTheSecondRunWithoutDuplicates) {
  JiraStandIn jira(3, kBasic);
  auto settings = cloud_settings(jira.start());
  HttpClient client(testing::no_sleep_policy());
  auto first = sync_jira(testing::sample_findings(), settings, kContext, client);
  ASSERT_TRUE(first) << first.error().message;
  EXPECT_EQ(first->eligible, 2u) << "the low finding stays out of Jira";
  EXPECT_EQ(first->created, (std::vector<std::string>{"SEC-1", "SEC-2"}));
  EXPECT_EQ(paths(jira.seen()),
            (std::vector<std::string>{"POST /rest/api/3/search/jql", "POST /rest/api/3/issue/bulk"}));

  auto second = sync_jira(testing::sample_findings(), settings, kContext, client);
  ASSERT_TRUE(second) << second.error().message;
  EXPECT_TRUE(second->created.empty());
  EXPECT_EQ(second->updated, (std::vector<std::string>{"SEC-1", "SEC-2"}));
  auto issues = jira.issues();
  ASSERT_EQ(issues.size(), 2u);
  EXPECT_EQ(issues[0].comments.size(), 1u);
  EXPECT_EQ(issues[0].fields["labels"], json({"copilot", "copilot-aaaaaaaaaaaaaaaa"}));
  EXPECT_EQ(jira.problems(), std::vector<std::string>{});
}

TEST(JiraSync, DataCenterV2WithBearerTokenCreatesOneIssueWithWikiText) {
  JiraStandIn jira(2, "Bearer pat-123");
  config::JiraConfig c;
  c.base_url = "${JIRA_URL}";
  c.project = "SEC";
  c.api_version = 2;
  c.min_severity = "critical";
  std::string url = jira.start();
  auto settings = jira_settings(c, {{"JIRA_TOKEN", "pat-123"}, {"JIRA_URL", url + "/"}});
  ASSERT_TRUE(settings) << settings.error().message;
  HttpClient client(testing::no_sleep_policy());
  auto synced = sync_jira(testing::sample_findings(), *settings, kContext, client);
  ASSERT_TRUE(synced) << synced.error().message;
  EXPECT_EQ(synced->created, std::vector<std::string>{"SEC-1"});
  EXPECT_EQ(paths(jira.seen()), (std::vector<std::string>{"POST /rest/api/2/search", "POST /rest/api/2/issue"}));
  EXPECT_TRUE(jira.issues()[0].fields["description"].is_string());
  auto again = sync_jira(testing::sample_findings(), *settings, kContext, client);
  ASSERT_TRUE(again) << again.error().message;
  EXPECT_EQ(again->updated, std::vector<std::string>{"SEC-1"});
  EXPECT_TRUE(jira.issues()[0].comments[0].is_string());
  EXPECT_EQ(jira.problems(), std::vector<std::string>{});
}

TEST(JiraSync, V2OnCloudFallsBackToSearchJql) {
  JiraStandIn jira(2, kBasic);
  jira.retired_v2_search = true;
  auto settings = cloud_settings(jira.start(), 2);
  HttpClient client(testing::no_sleep_policy());
  auto synced = sync_jira(testing::sample_findings(), settings, kContext, client);
  ASSERT_TRUE(synced) << synced.error().message;
  EXPECT_EQ(paths(jira.seen()), (std::vector<std::string>{"POST /rest/api/2/search", "POST /rest/api/2/search/jql",
                                                          "POST /rest/api/2/issue/bulk"}));
  EXPECT_EQ(jira.problems(), std::vector<std::string>{});
}

TEST(JiraSync, SearchFollowsEveryPage) {
  for (int version : {2, 3}) {
    JiraStandIn jira(version, kBasic);
    jira.search_page_size = 1;
    auto settings = cloud_settings(jira.start(), version);
    HttpClient client(testing::no_sleep_policy());
    ASSERT_TRUE(sync_jira(testing::sample_findings(), settings, kContext, client));
    auto again = sync_jira(testing::sample_findings(), settings, kContext, client);
    ASSERT_TRUE(again) << again.error().message;
    EXPECT_TRUE(again->created.empty()) << "v" << version << ": an issue on page 2 was missed";
    EXPECT_EQ(jira.issues().size(), 2u);
    EXPECT_EQ(jira.problems(), std::vector<std::string>{});
  }
}

TEST(JiraSync, UpdateModeRewritesTheFieldsOfOpenIssues) {
  JiraStandIn jira(3, kBasic);
  auto settings = cloud_settings(jira.start());
  settings.comment_on_existing = false;
  HttpClient client(testing::no_sleep_policy());
  ASSERT_TRUE(sync_jira(testing::sample_findings(), settings, kContext, client));
  auto findings = testing::sample_findings();
  findings[0].message = "Now worse";
  auto again = sync_jira(findings, settings, kContext, client);
  ASSERT_TRUE(again) << again.error().message;
  EXPECT_EQ(again->updated.size(), 2u);
  EXPECT_EQ(jira.issues()[0].fields["summary"], "py-sql-injection: Now worse (app/db.py)");
  EXPECT_EQ(paths(jira.seen()).back(), "PUT /rest/api/3/issue/SEC-2");
  EXPECT_EQ(jira.problems(), std::vector<std::string>{});
}

TEST(JiraSync, ClosedIssuesDoNotAbsorbAFindingThatCameBack) {
  JiraStandIn jira(3, kBasic);
  auto settings = cloud_settings(jira.start());
  HttpClient client(testing::no_sleep_policy());
  ASSERT_TRUE(sync_jira(testing::sample_findings(), settings, kContext, client));
  jira.close_all();
  auto again = sync_jira(testing::sample_findings(), settings, kContext, client);
  ASSERT_TRUE(again) << again.error().message;
  EXPECT_EQ(again->created, (std::vector<std::string>{"SEC-3", "SEC-4"}));
}

TEST(JiraSync, FieldErrorsAreQuotedFromJira) {
  JiraStandIn jira(3, kBasic);
  jira.reject_issue_type = "Nope";
  auto settings = cloud_settings(jira.start());
  settings.issue_type = "Nope";
  settings.min_severity = Severity::critical;
  HttpClient client(testing::no_sleep_policy());
  auto synced = sync_jira(testing::sample_findings(), settings, kContext, client);
  ASSERT_FALSE(synced);
  EXPECT_EQ(synced.error().message, "Jira: POST /rest/api/3/issue: HTTP 400: issuetype: Specify a valid issue type");
}

TEST(JiraSync, BulkPartialFailureNamesTheFindingAndWhatWasCreated) {
  JiraStandIn jira(3, kBasic);
  jira.reject_summary_containing = "py-eval-injection";
  auto settings = cloud_settings(jira.start());
  HttpClient client(testing::no_sleep_policy());
  auto synced = sync_jira(testing::sample_findings(), settings, kContext, client);
  ASSERT_FALSE(synced);
  const std::string& m = synced.error().message;
  EXPECT_NE(m.find("HTTP 400: py-eval-injection at app/run.py:3: summary: Summary contains a forbidden word"),
            std::string::npos)
      << m;
  EXPECT_NE(m.find("(before this: created SEC-1)"), std::string::npos) << m;
}

TEST(JiraSync, BadCredentialsSayWhichVariablesWithoutTheToken) {
  JiraStandIn jira(3, kBasic);
  std::string url = jira.start();
  config::JiraConfig c;
  c.base_url = url;
  c.project = "SEC";
  auto settings = jira_settings(c, {{"JIRA_USER", "ada@example.com"}, {"JIRA_API_TOKEN", "wrong-t0ken"}});
  ASSERT_TRUE(settings);
  HttpClient client(testing::no_sleep_policy());
  auto synced = sync_jira(testing::sample_findings(), *settings, kContext, client);
  ASSERT_FALSE(synced);
  const std::string& m = synced.error().message;
  EXPECT_NE(m.find("HTTP 401: You are not authenticated."), std::string::npos) << m;
  EXPECT_NE(m.find("JIRA_API_TOKEN"), std::string::npos) << m;
  EXPECT_EQ(m.find("wrong-t0ken"), std::string::npos) << m;
  EXPECT_EQ(m.find(base64_encode("ada@example.com:wrong-t0ken")), std::string::npos) << m;
}

TEST(JiraSync, RateLimitThatDoesNotClearIsAnError) {
  LoopbackServer server;
  server.http().Post(R"(/rest/api/3/search/jql)", [](const httplib::Request&, httplib::Response& res) {
    res.status = 429;
    res.set_header("Retry-After", "3600");
  });
  auto settings = cloud_settings(server.start());
  HttpClient client(testing::no_sleep_policy());
  auto synced = sync_jira(testing::sample_findings(), settings, kContext, client);
  ASSERT_FALSE(synced);
  EXPECT_NE(synced.error().message.find("still rate limited"), std::string::npos) << synced.error().message;
}

TEST(JiraSettings, NameWhatIsMissing) {
  config::JiraConfig c;
  auto message = [&](const Environment& env) {
    auto s = jira_settings(c, env);
    return s ? std::string("ok") : s.error().message;
  };
  EXPECT_NE(message(kCloudEnv).find("set jira.base_url"), std::string::npos);
  c.base_url = "${NOPE}";
  EXPECT_NE(message(kCloudEnv).find("jira.base_url refers to ${NOPE}"), std::string::npos);
  c.base_url = "https://jira.example";
  EXPECT_NE(message(kCloudEnv).find("set jira.project"), std::string::npos);
  c.project = "SEC";
  EXPECT_NE(message({}).find("set JIRA_USER and JIRA_API_TOKEN (Cloud) or JIRA_TOKEN"), std::string::npos);
  EXPECT_NE(message({{"JIRA_USER", "ada"}}).find("go together"), std::string::npos);
  c.labels = {"app sec"};
  EXPECT_NE(message(kCloudEnv).find("jira.labels entry 'app sec' must be one word"), std::string::npos);
  c.labels = {"appsec"};
  c.fingerprint_field = "Fingerprint";
  EXPECT_NE(message(kCloudEnv).find("customfield_10050"), std::string::npos);
  c.fingerprint_field = "customfield_10050";
  EXPECT_EQ(message(kCloudEnv), "ok");
}

TEST(Base64, MatchesRfc4648) {
  EXPECT_EQ(base64_encode(""), "");
  EXPECT_EQ(base64_encode("a"), "YQ==");
  EXPECT_EQ(base64_encode("ab"), "YWI=");
  EXPECT_EQ(base64_encode("abc"), "YWJj");
  EXPECT_EQ("Basic " + base64_encode("ada@example.com:tok3n"), kBasic);
}

}  // namespace
}  // namespace copilot::remote
