#include "remote/jira.h"

#include <fmt/format.h>

#include "remote/atlassian.h"
#include "util/strings.h"

namespace copilot::remote {
namespace {

using nlohmann::json;

constexpr size_t kBulkLimit = 50;  // Jira's most issues per /issue/bulk request
constexpr int kSearchPageSize = 100;
constexpr int kMaxSearchPages = 50;

class JiraSync {
 public:
  JiraSync(const JiraSettings& settings, const RunContext& context, const AtlassianSite& site)
      : s_(settings), ctx_(context), site_(site) {}

  Result<std::map<std::string, std::string>> find_open_issues(const std::vector<std::string>& fingerprints) {
    std::map<std::string, std::string> found;
    const std::set<std::string> wanted(fingerprints.begin(), fingerprints.end());
    for (const auto& jql : search_jql(fingerprints, s_))
      if (auto r = search(jql, wanted, found); !r) return r.error();
    return found;
  }

  Result<void> update(const std::string& key, const review::Finding& f) {
    std::string path = api("/issue/" + url_encode(key));
    json body = s_.comment_on_existing ? comment_body(f, s_, ctx_) : json{{"fields", update_fields(f, s_, ctx_)}};
    auto r =
        site_.call(s_.comment_on_existing ? "POST" : "PUT", s_.comment_on_existing ? path + "/comment" : path, &body);
    if (!r) return r.error();
    result.updated.push_back(key);
    return {};
  }

  Result<void> create(const std::vector<const review::Finding*>& findings) {
    if (findings.size() == 1) {
      json body = {{"fields", create_fields(*findings[0], s_, ctx_)}};
      auto r = site_.call("POST", api("/issue"), &body);
      if (!r) return r.error();
      result.created.push_back(json_string(*r, "key"));
      return {};
    }
    for (size_t start = 0; start < findings.size(); start += kBulkLimit) {
      std::vector<const review::Finding*> chunk(findings.begin() + start,
                                                findings.begin() + std::min(findings.size(), start + kBulkLimit));
      if (auto r = create_bulk(chunk); !r) return r;
    }
    return {};
  }

  /// What was done so far, for an error that stops half-way.
  std::string progress() const {
    if (result.created.empty() && result.updated.empty()) return "";
    std::vector<std::string> done;
    if (!result.created.empty()) done.push_back("created " + util::join(result.created, ", "));
    if (!result.updated.empty()) done.push_back("updated " + util::join(result.updated, ", "));
    return " (before this: " + util::join(done, "; ") + ")";
  }

  JiraSyncResult result;

 private:
  std::string api(const std::string& rest) const { return "/rest/api/" + std::to_string(s_.api_version) + rest; }

  Result<void> search(const std::string& jql, const std::set<std::string>& wanted,
                      std::map<std::string, std::string>& found) {
    // REST v3 is Jira Cloud, where /search/jql (token paging) replaced /search;
    // v2 is mostly Data Center, which has only /search (offset paging).
    bool token_paging = s_.api_version >= 3;
    std::string path = api(token_paging ? "/search/jql" : "/search");
    std::string next_token;
    int start_at = 0;
    for (int page = 0; page < kMaxSearchPages; ++page) {
      json body = {{"jql", jql}, {"fields", search_fields(s_)}, {"maxResults", kSearchPageSize}};
      if (!token_paging) body["startAt"] = start_at;
      if (token_paging && !next_token.empty()) body["nextPageToken"] = next_token;
      auto response = site_.send("POST", path, &body);
      if (!response) return response.error();
      if (!token_paging && (response->status == 404 || response->status == 410)) {
        token_paging = true;  // a Cloud site asked for v2: it has retired /search
        path = api("/search/jql");
        continue;
      }
      if (!response->ok()) return site_.failure("POST", path, *response);
      json answer = json::parse(response->body, nullptr, false);
      if (!answer.is_object() || !answer.contains("issues") || !answer["issues"].is_array())
        return Error{"Jira: POST " + path + ": the answer has no issues list"};
      for (const auto& issue : answer["issues"]) {
        std::string fp = fingerprint_of(issue, s_, wanted);
        if (!fp.empty() && !found.count(fp)) found[fp] = json_string(issue, "key");
      }
      if (token_paging) {
        next_token = json_string(answer, "nextPageToken");
        if (next_token.empty() || json_bool(answer, "isLast")) return {};
      } else {
        start_at += static_cast<int>(answer["issues"].size());
        if (answer["issues"].empty() || start_at >= json_integer(answer, "total")) return {};
      }
    }
    return {};
  }

  Result<void> create_bulk(const std::vector<const review::Finding*>& chunk) {
    json updates = json::array();
    for (const auto* f : chunk) updates.push_back({{"fields", create_fields(*f, s_, ctx_)}});
    json body = {{"issueUpdates", updates}};
    std::string path = api("/issue/bulk");
    auto response = site_.send("POST", path, &body);
    if (!response) return response.error();
    json answer = json::parse(response->body, nullptr, false);
    // A partly failed bulk request still creates the good issues and lists them.
    if (answer.is_object() && answer.contains("issues") && answer["issues"].is_array())
      for (const auto& issue : answer["issues"]) result.created.push_back(json_string(issue, "key"));
    if (response->ok() && !(answer.is_object() && answer.contains("errors") && !answer["errors"].empty())) return {};
    if (!answer.is_object() || !answer.contains("errors") || !answer["errors"].is_array())
      return site_.failure("POST", path, *response);
    std::vector<std::string> problems;
    for (const auto& e : answer["errors"]) {
      size_t index = static_cast<size_t>(json_integer(e, "failedElementNumber"));
      HttpResponse element;
      element.body = e.contains("elementErrors") ? e["elementErrors"].dump() : "";
      std::string what = index < chunk.size()
                             ? fmt::format("{} at {}:{}", chunk[index]->rule_id, chunk[index]->location.file,
                                           chunk[index]->location.start_line)
                             : "issue " + std::to_string(index);
      problems.push_back(what + ": " + atlassian_error_text(element));
    }
    return Error{fmt::format("Jira: POST {}: HTTP {}: {}", path, response->status, util::join(problems, "; "))};
  }

  const JiraSettings& s_;
  const RunContext& ctx_;
  const AtlassianSite& site_;
};

}  // namespace

Result<JiraSettings> jira_settings(const config::JiraConfig& c, const Environment& env) {
  JiraSettings s;
  if (c.base_url.empty()) return Error{"Jira: no site; set jira.base_url in .copilot.yaml"};
  auto url = expand_environment(c.base_url, env, "jira.base_url");
  if (!url) return Error{"Jira: " + url.error().message};
  s.base_url = *url;
  if (c.project.empty()) return Error{"Jira: no project; set jira.project (a project key) in .copilot.yaml"};
  s.project = c.project;
  s.issue_type = c.issue_type;
  s.api_version = c.api_version;
  auto severity = review::parse_severity(c.min_severity);
  if (!severity) return Error{"Jira: jira.min_severity '" + c.min_severity + "' is not a severity"};
  s.min_severity = *severity;
  for (const auto& label : c.labels)
    if (label.empty() || label.find_first_of(" \t") != std::string::npos)
      return Error{"Jira: jira.labels entry '" + label + "' must be one word: Jira labels cannot hold spaces"};
  s.labels = c.labels;
  s.fields = c.fields;
  s.priorities = c.priorities;
  if (!c.fingerprint_field.empty()) {
    std::string_view id = c.fingerprint_field;
    bool numeric = id.starts_with("customfield_") && id.size() > 12 &&
                   id.substr(12).find_first_not_of("0123456789") == std::string_view::npos;
    if (!numeric)
      return Error{"Jira: jira.fingerprint_field '" + c.fingerprint_field +
                   "' must be a custom field id such as customfield_10050"};
    s.fingerprint_field = c.fingerprint_field;
  }
  s.comment_on_existing = c.on_existing != "update";
  auto auth = atlassian_authorization("Jira", "JIRA", env);
  if (!auth) return auth.error();
  s.authorization = *auth;
  return s;
}

Result<JiraSyncResult> sync_jira(const std::vector<review::Finding>& findings, const JiraSettings& settings,
                                 const RunContext& context, const HttpClient& client) {
  AtlassianSite site("Jira", settings.base_url, settings.authorization,
                     "check JIRA_USER and JIRA_API_TOKEN, or JIRA_TOKEN, and the project's permissions", client);
  JiraSync sync(settings, context, site);
  auto fingerprints = eligible_fingerprints(findings, settings.min_severity);
  sync.result.eligible = fingerprints.size();
  if (fingerprints.empty()) return sync.result;
  auto open = sync.find_open_issues(fingerprints);
  if (!open) return open.error();
  JiraPlan plan = plan_issues(findings, settings.min_severity, *open);
  for (const auto& [key, finding] : plan.update)
    if (auto r = sync.update(key, *finding); !r) return Error{r.error().message + sync.progress()};
  if (!plan.create.empty())
    if (auto r = sync.create(plan.create); !r) return Error{r.error().message + sync.progress()};
  return sync.result;
}

}  // namespace copilot::remote
