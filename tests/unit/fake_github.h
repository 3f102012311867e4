#pragma once
// A stand-in for GitHub's REST API on loopback, for the publishing tests. It
// keeps review comments, issue comments and check runs between requests, so
// re-runs can be checked, and it enforces the documented request shapes:
// headers, required fields, `side`, comment lines inside the diff it was given
// (422 otherwise, for the whole review), at most 50 annotations per request,
// and Link pagination at a small page size. Every refused request is recorded
// in violations().
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "loopback_server.h"

namespace copilot::testing {

class FakeGithub {
 public:
  struct Options {
    std::string token = "ghs_fake_token_value";
    std::string owner = "acme", repo = "widgets";
    int pull_number = 7;
    std::string head_sha;
    bool pull_exists = true;
    size_t page_size = 5;  ///< the most items a page holds, whatever per_page asks
    bool check_runs_forbidden = false;
    int rate_limited_review_posts = 0;  ///< the first N review POSTs get a secondary rate limit
    bool rate_limit_never_clears = false;
  };

  explicit FakeGithub(Options options) : options_(std::move(options)) { routes(); }

  /// Right-side hunks per file, parsed from `git diff -U3` output.
  void set_diff(const std::string& unified_diff) {
    std::lock_guard lock(mutex_);
    hunks_.clear();
    std::string file;
    static const std::regex header(R"(^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@)");
    std::istringstream in(unified_diff);
    for (std::string line; std::getline(in, line);) {
      std::smatch m;
      if (line.rfind("+++ b/", 0) == 0) {
        file = line.substr(6);
      } else if (line.rfind("+++ /dev/null", 0) == 0) {
        file.clear();
      } else if (!file.empty() && std::regex_search(line, m, header)) {
        int start = std::stoi(m[1]);
        int count = m[2].matched ? std::stoi(m[2]) : 1;
        if (count > 0) hunks_[file].push_back({start, start + count - 1});
      }
    }
  }

  /// A comment someone else left on the pull request.
  void add_issue_comment(const std::string& body) {
    std::lock_guard lock(mutex_);
    issue_comments_.push_back({{"id", next_id_++}, {"body", body}});
  }

  std::string start() { return server_.start(); }
  std::vector<SeenRequest> seen() const { return server_.seen(); }
  /// How many requests had this method and a path matching `pattern`.
  size_t count(const std::string& method, const std::string& pattern) const {
    std::regex re(pattern);
    size_t n = 0;
    for (const auto& r : server_.seen())
      if (r.method == method && std::regex_match(r.path, re)) ++n;
    return n;
  }
  std::vector<nlohmann::json> review_comments() const { return locked(review_comments_); }
  std::vector<nlohmann::json> issue_comments() const { return locked(issue_comments_); }
  std::vector<nlohmann::json> check_runs() const { return locked(check_runs_); }
  std::vector<std::string> violations() const { return locked(violations_); }

 private:
  using Req = httplib::Request;
  using Res = httplib::Response;

  template <typename T>
  T locked(const T& value) const {
    std::lock_guard lock(mutex_);
    return value;
  }

  void reply(Res& res, int status, const nlohmann::json& body) {
    res.status = status;
    res.set_content(body.dump(), "application/json");
  }
  /// Refuses a request the way GitHub does, and records why.
  void refuse(Res& res, int status, const std::string& what, const std::string& docs) {
    violations_.push_back(std::to_string(status) + " " + what);
    reply(
        res, status,
        {{"message", status == 422 ? "Unprocessable Entity" : what}, {"errors", {what}}, {"documentation_url", docs}});
  }

  /// Headers every request must carry; false (and an answer) when one is wrong.
  bool authorised(const Req& req, Res& res) {
    if (req.get_header_value("Authorization") != "Bearer " + options_.token) {
      violations_.push_back("401 Bad credentials");
      reply(res, 401, {{"message", "Bad credentials"}, {"documentation_url", "https://docs.github.com/rest"}});
      return false;
    }
    if (req.get_header_value("X-GitHub-Api-Version") != "2022-11-28") {
      refuse(res, 400, "X-GitHub-Api-Version must be 2022-11-28", "https://docs.github.com/rest/about-the-rest-api");
      return false;
    }
    if (req.get_header_value("Accept") != "application/vnd.github+json") {
      refuse(res, 400, "Accept must be application/vnd.github+json", "https://docs.github.com/rest");
      return false;
    }
    if (req.get_header_value("User-Agent").empty()) {
      refuse(res, 403, "a User-Agent header is required", "https://docs.github.com/rest");
      return false;
    }
    return true;
  }

  /// The JSON body of a write, or nullopt (and a 400) when it is not an object.
  std::optional<nlohmann::json> json_body(const Req& req, Res& res) {
    if (req.get_header_value("Content-Type") != "application/json") {
      refuse(res, 415, "Content-Type must be application/json", "https://docs.github.com/rest");
      return std::nullopt;
    }
    try {
      auto body = nlohmann::json::parse(req.body);
      if (body.is_object()) return body;
    } catch (const std::exception&) {
    }
    refuse(res, 400, "Problems parsing JSON", "https://docs.github.com/rest");
    return std::nullopt;
  }

  bool pull_request_here(const Req& req, Res& res) {
    if (req.matches[1] == options_.owner && req.matches[2] == options_.repo &&
        std::stoi(req.matches[3]) == options_.pull_number && options_.pull_exists)
      return true;
    reply(res, 404, {{"message", "Not Found"}, {"documentation_url", "https://docs.github.com/rest/pulls/pulls"}});
    return false;
  }

  /// One page of `items`, with a Link header to the next and last pages.
  void page(const Req& req, Res& res, const std::vector<nlohmann::json>& items) {
    size_t per_page = req.has_param("per_page") ? std::stoul(req.get_param_value("per_page")) : 30;
    per_page = std::max<size_t>(1, std::min(per_page, options_.page_size));
    size_t number = req.has_param("page") ? std::stoul(req.get_param_value("page")) : 1;
    size_t pages = std::max<size_t>(1, (items.size() + per_page - 1) / per_page);
    nlohmann::json body = nlohmann::json::array();
    for (size_t i = (number - 1) * per_page; i < items.size() && i < number * per_page; ++i) body.push_back(items[i]);
    auto link = [&](size_t n) {
      return "<" + server_.url() + req.path + "?per_page=" + std::to_string(per_page) + "&page=" + std::to_string(n) +
             ">";
    };
    if (number < pages) res.set_header("Link", link(number + 1) + "; rel=\"next\", " + link(pages) + "; rel=\"last\"");
    reply(res, 200, body);
  }

  const std::vector<std::pair<int, int>>* hunks_of(const std::string& path) const {
    auto it = hunks_.find(path);
    return it == hunks_.end() ? nullptr : &it->second;
  }

  /// Why GitHub would refuse this review comment, or "".
  std::string comment_problem(const nlohmann::json& c) const {
    if (!c.is_object()) return "a comment is not an object";
    if (!c.contains("path") || !c["path"].is_string()) return "comment path is required";
    if (!c.contains("body") || !c["body"].is_string() || c["body"].get<std::string>().empty())
      return "comment body is required";
    if (!c.contains("line") || !c["line"].is_number_integer()) return "comment line is required";
    if (c.contains("position")) return "position is deprecated; use line and side";
    if (c.value("side", "") != "RIGHT") return "side must be RIGHT for lines of the new file";
    int line = c["line"].get<int>();
    int start = line;
    if (c.contains("start_line")) {
      if (!c["start_line"].is_number_integer()) return "start_line must be an integer";
      start = c["start_line"].get<int>();
      if (start >= line) return "start_line must precede line";
      if (c.value("start_side", "") != "RIGHT") return "start_side must be RIGHT";
    } else if (c.contains("start_side")) {
      return "start_side without start_line";
    }
    const auto* hunks = hunks_of(c["path"].get<std::string>());
    if (!hunks) return "Path could not be resolved";
    for (const auto& [first, last] : *hunks) {
      if (line < first || line > last) continue;
      return start >= first ? "" : "start_line must be part of the same hunk as the line";
    }
    return "Line could not be resolved";
  }

  void create_review(const Req& req, Res& res) {
    if (!pull_request_here(req, res)) return;
    if (rate_limited_posts_ < options_.rate_limited_review_posts || options_.rate_limit_never_clears) {
      ++rate_limited_posts_;
      res.set_header("Retry-After", "1");
      reply(res, 403,
            {{"message", "You have exceeded a secondary rate limit. Please wait a few minutes before you try again."},
             {"documentation_url", "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api"}});
      return;
    }
    auto body = json_body(req, res);
    if (!body) return;
    const std::string docs = "https://docs.github.com/rest/pulls/reviews#create-a-review-for-a-pull-request";
    if (body->value("commit_id", "") != options_.head_sha) return refuse(res, 422, "commit_id is not the head", docs);
    std::string event = body->value("event", "");
    if (event != "COMMENT" && event != "APPROVE" && event != "REQUEST_CHANGES")
      return refuse(res, 422, "event must be APPROVE, REQUEST_CHANGES or COMMENT", docs);
    if (event != "APPROVE" && body->value("body", "").empty())
      return refuse(res, 422, "body is required for a COMMENT review", docs);
    const auto& comments = body->contains("comments") ? (*body)["comments"] : nlohmann::json::array();
    if (!comments.is_array()) return refuse(res, 422, "comments must be an array", docs);
    for (const auto& c : comments)
      if (auto problem = comment_problem(c); !problem.empty()) return refuse(res, 422, problem, docs);
    int review_id = next_id_++;
    for (auto c : comments) {
      c["id"] = next_id_++;
      c["pull_request_review_id"] = review_id;
      c["commit_id"] = options_.head_sha;
      review_comments_.push_back(std::move(c));
    }
    reply(res, 200, {{"id", review_id}, {"state", "COMMENTED"}, {"body", (*body)["body"]}});
  }

  void write_issue_comment(const Req& req, Res& res, std::optional<int> id) {
    auto body = json_body(req, res);
    if (!body) return;
    if (!body->contains("body") || !(*body)["body"].is_string())
      return refuse(res, 422, "body is required", "https://docs.github.com/rest/issues/comments");
    if (!id) {
      issue_comments_.push_back({{"id", next_id_++}, {"body", (*body)["body"]}});
      return reply(res, 201, issue_comments_.back());
    }
    for (auto& c : issue_comments_)
      if (c["id"] == *id) {
        c["body"] = (*body)["body"];
        return reply(res, 200, c);
      }
    reply(res, 404, {{"message", "Not Found"}, {"documentation_url", "https://docs.github.com/rest/issues/comments"}});
  }

  /// Why GitHub would refuse this check-run output, or "".
  static std::string output_problem(const nlohmann::json& output) {
    if (!output.is_object() || !output.contains("title") || !output["title"].is_string())
      return "output.title is required";
    if (!output.contains("summary") || !output["summary"].is_string()) return "output.summary is required";
    if (output["summary"].get<std::string>().size() > 65535) return "output.summary is too long";
    const auto& annotations = output.contains("annotations") ? output["annotations"] : nlohmann::json::array();
    if (!annotations.is_array() || annotations.size() > 50) return "at most 50 annotations per request";
    static const std::set<std::string> levels = {"notice", "warning", "failure"};
    for (const auto& a : annotations) {
      for (const char* key : {"path", "annotation_level", "message"})
        if (!a.contains(key) || !a[key].is_string()) return std::string("annotation ") + key + " is required";
      if (!levels.count(a["annotation_level"].get<std::string>())) return "annotation_level is not valid";
      if (!a.contains("start_line") || !a["start_line"].is_number_integer() || a["start_line"].get<int>() < 1 ||
          !a.contains("end_line") || !a["end_line"].is_number_integer() || a["end_line"] < a["start_line"])
        return "annotation start_line and end_line are required";
      if ((a.contains("start_column") || a.contains("end_column")) && a["start_line"] != a["end_line"])
        return "columns are only allowed on single-line annotations";
    }
    return "";
  }

  void create_check_run(const Req& req, Res& res) {
    const std::string docs = "https://docs.github.com/rest/checks/runs#create-a-check-run";
    if (options_.check_runs_forbidden) {
      violations_.push_back("403 check runs forbidden");
      return reply(res, 403, {{"message", "Resource not accessible by integration"}, {"documentation_url", docs}});
    }
    auto body = json_body(req, res);
    if (!body) return;
    if (body->value("name", "").empty()) return refuse(res, 422, "name is required", docs);
    if (body->value("head_sha", "") != options_.head_sha) return refuse(res, 422, "head_sha is not a commit", docs);
    static const std::set<std::string> conclusions = {"action_required", "cancelled", "failure", "neutral",
                                                      "success",         "skipped",   "stale",   "timed_out"};
    if (body->value("status", "") == "completed" && !conclusions.count(body->value("conclusion", "")))
      return refuse(res, 422, "conclusion is required when status is completed", docs);
    if (auto problem = output_problem(body->value("output", nlohmann::json())); !problem.empty())
      return refuse(res, 422, problem, docs);
    nlohmann::json run = *body;
    run["id"] = next_id_++;
    check_runs_.push_back(run);
    reply(res, 201, {{"id", run["id"]}, {"name", run["name"]}, {"head_sha", run["head_sha"]}});
  }

  void update_check_run(const Req& req, Res& res) {
    const std::string docs = "https://docs.github.com/rest/checks/runs#update-a-check-run";
    auto body = json_body(req, res);
    if (!body) return;
    if (auto problem = output_problem(body->value("output", nlohmann::json())); !problem.empty())
      return refuse(res, 422, problem, docs);
    int id = std::stoi(req.matches[3]);
    for (auto& run : check_runs_)
      if (run["id"] == id) {
        for (const auto& a : (*body)["output"]["annotations"]) run["output"]["annotations"].push_back(a);
        return reply(res, 200, {{"id", id}});
      }
    reply(res, 404, {{"message", "Not Found"}, {"documentation_url", docs}});
  }

  /// Wraps a handler: headers first, then the handler under the lock.
  template <typename F>
  auto guarded(F handler) {
    return [this, handler](const Req& req, Res& res) {
      std::lock_guard lock(mutex_);
      if (authorised(req, res)) handler(req, res);
    };
  }

  void routes() {
    auto& http = server_.http();
    const std::string repo = R"(/repos/([^/]+)/([^/]+))";
    http.Get(repo + R"(/pulls/(\d+)/comments)", guarded([this](const Req& req, Res& res) {
               if (pull_request_here(req, res)) page(req, res, review_comments_);
             }));
    http.Post(repo + R"(/pulls/(\d+)/reviews)", guarded([this](const Req& req, Res& res) { create_review(req, res); }));
    http.Get(repo + R"(/issues/(\d+)/comments)", guarded([this](const Req& req, Res& res) {
               if (pull_request_here(req, res)) page(req, res, issue_comments_);
             }));
    http.Post(repo + R"(/issues/(\d+)/comments)", guarded([this](const Req& req, Res& res) {
                if (pull_request_here(req, res)) write_issue_comment(req, res, std::nullopt);
              }));
    http.Patch(repo + R"(/issues/comments/(\d+))",
               guarded([this](const Req& req, Res& res) { write_issue_comment(req, res, std::stoi(req.matches[3])); }));
    http.Post(repo + "/check-runs", guarded([this](const Req& req, Res& res) { create_check_run(req, res); }));
    http.Patch(repo + R"(/check-runs/(\d+))",
               guarded([this](const Req& req, Res& res) { update_check_run(req, res); }));
    // Anything else is a request GitHub does not document.
    auto unknown = [this](const Req& req, Res& res) {
      std::lock_guard lock(mutex_);
      violations_.push_back("404 no such endpoint: " + req.method + " " + req.path);
      reply(res, 404, {{"message", "Not Found"}, {"documentation_url", "https://docs.github.com/rest"}});
    };
    http.Get(".*", unknown).Post(".*", unknown).Patch(".*", unknown).Put(".*", unknown).Delete(".*", unknown);
  }

  Options options_;
  LoopbackServer server_;
  mutable std::mutex mutex_;
  std::map<std::string, std::vector<std::pair<int, int>>> hunks_;
  std::vector<nlohmann::json> review_comments_, issue_comments_, check_runs_;
  std::vector<std::string> violations_;
  int next_id_ = 1000;
  int rate_limited_posts_ = 0;
};

}  // namespace copilot::testing
