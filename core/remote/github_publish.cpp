// Carries out the plan: reads what is already on the pull request, posts the
// review batches, writes the summary comment, and creates the check run.
#include <fmt/format.h>

#include "remote/github.h"
#include "remote/github_api.h"
#include "remote/github_plan.h"

namespace copilot::remote::github {
namespace {

std::string repo_path(const Context& c) {
  return fmt::format("/repos/{}/{}", c.owner, c.repo);
}

/// A failed answer as an error, with what the user can do about it.
Error failure(const ApiResponse& r, const Context& c) {
  std::string hint;
  if (r.status == 401) {
    hint = "; GITHUB_TOKEN is not a valid token";
  } else if (r.status == 403) {
    hint =
        "; the token may not do this: the job needs `permissions: pull-requests: write` (pull requests from "
        "forks get a read-only GITHUB_TOKEN)";
  } else if (r.status == 404 && c.pull_request) {
    hint = fmt::format("; pull request #{} does not exist in {}/{}, or the token cannot see it", c.pull_request->number,
                       c.owner, c.repo);
  }
  return Error{describe(r) + hint};
}

/// Every item of a list, or an error for a failed page.
Result<std::vector<nlohmann::json>> list_all(const Api& api, const Context& ctx, const std::string& path) {
  ApiResponse failed;
  auto items = api.list(path, &failed);
  if (items && failed.status != 0) return failure(failed, ctx);
  return items;
}

std::string body_of(const nlohmann::json& item) {
  return item.is_object() && item.contains("body") && item["body"].is_string() ? item["body"].get<std::string>() : "";
}

/// The summary comment an earlier run left: its id and body.
std::optional<std::pair<std::string, std::string>> find_summary(const std::vector<nlohmann::json>& comments) {
  for (const auto& c : comments) {
    std::string body = body_of(c);
    // Ours starts with the marker; a reply quoting it does not.
    if (body.rfind(kSummaryMarker, 0) != 0 || !c.contains("id") || !c["id"].is_number_integer()) continue;
    return std::make_pair(c["id"].dump(), body);
  }
  return std::nullopt;
}

Result<void> post_reviews(const Api& api, const Context& ctx, const ReviewPlan& plan, SummaryInput& summary,
                          PublishOutcome& out) {
  const PullRequest& pr = *ctx.pull_request;
  std::string path = fmt::format("{}/pulls/{}/reviews", repo_path(ctx), pr.number);
  for (size_t i = 0; i < plan.reviews.size(); ++i) {
    auto posted = api.call("POST", path, review_request(plan.reviews[i], pr.head_sha, i + 1, plan.reviews.size()));
    if (!posted) return posted.error();
    if (posted->status == 422) {
      // GitHub refuses the whole review for one comment it cannot place; the
      // findings of this and the later reviews are listed in the summary instead.
      summary.rejected_reason = "HTTP 422: " + api_message(*posted);
      for (size_t j = i; j < plan.reviews.size(); ++j)
        for (const auto& c : plan.reviews[j]) summary.rejected.push_back(c.finding);
      out.warnings.push_back(describe(*posted) + "; its findings are listed in the summary comment instead");
      return {};
    }
    if (!posted->ok()) return failure(*posted, ctx);
    ++out.reviews_posted;
    out.comments_posted += static_cast<int>(plan.reviews[i].size());
  }
  return {};
}

Result<void> write_summary(const Api& api, const Context& ctx, const std::string& body, PublishOutcome& out) {
  std::string issue = fmt::format("{}/issues/{}", repo_path(ctx), ctx.pull_request->number);
  auto comments = list_all(api, ctx, issue + "/comments?per_page=100");
  if (!comments) return comments.error();
  auto existing = find_summary(*comments);
  if (existing && existing->second == body) {
    out.summary = PublishOutcome::Summary::unchanged;
    return {};
  }
  auto written = existing
                     ? api.call("PATCH", repo_path(ctx) + "/issues/comments/" + existing->first, {{{"body", body}}})
                     : api.call("POST", issue + "/comments", {{{"body", body}}});
  if (!written) return written.error();
  if (!written->ok()) return failure(*written, ctx);
  out.summary = existing ? PublishOutcome::Summary::updated : PublishOutcome::Summary::created;
  return {};
}

Result<void> publish_pull_request(const Api& api, const Context& ctx, const PublishInput& in, const Gate& gate,
                                  PublishOutcome& out) {
  const PullRequest& pr = *ctx.pull_request;
  auto existing = list_all(api, ctx, fmt::format("{}/pulls/{}/comments?per_page=100", repo_path(ctx), pr.number));
  if (!existing) return existing.error();
  std::set<std::string> fingerprints;
  for (const auto& c : *existing) collect_fingerprints(body_of(c), fingerprints);

  DiffLines diff;
  if (auto lines = pull_request_lines(in.repo_root, pr.base_sha, pr.head_sha)) {
    diff = std::move(*lines);
  } else {
    out.warnings.push_back("cannot place inline comments: " + lines.error().message +
                           " (check out with fetch-depth: 0); every finding is listed in the summary");
  }
  ReviewPlan plan = plan_review(in.result->findings, diff, fingerprints);
  out.comments_already_there = plan.already_commented;

  SummaryInput summary{in.result, gate, &plan, {}, {}, pr.head_sha};
  if (auto posted = post_reviews(api, ctx, plan, summary, out); !posted) return posted;
  out.findings_in_summary =
      static_cast<int>(plan.outside_diff.size() + plan.over_limit.size() + summary.rejected.size());
  return write_summary(api, ctx, summary_body(summary), out);
}

Result<void> publish_check_run(const Api& api, const Context& ctx, const PublishInput& in, const Gate& gate,
                               PublishOutcome& out) {
  CheckRunPlan plan = plan_check_run(in.check_name, ctx.head_sha, *in.result, gate, in.read_file);
  auto created = api.call("POST", repo_path(ctx) + "/check-runs", plan.create);
  if (!created) return created.error();
  if (created->status == 403 || created->status == 404) {
    out.warnings.push_back(describe(*created) +
                           "; no check run (the token needs `checks: write`, which GITHUB_TOKEN lacks on pull "
                           "requests from forks)");
    return {};
  }
  if (!created->ok()) return failure(*created, ctx);
  ++out.check_run_requests;
  if (plan.updates.empty()) return {};
  if (!created->body.is_object() || !created->body.contains("id") || !created->body["id"].is_number_integer())
    return Error{"GitHub: " + created->request + " answered without a check run id"};
  std::string path = repo_path(ctx) + "/check-runs/" + created->body["id"].dump();
  for (const auto& update : plan.updates) {
    auto patched = api.call("PATCH", path, update);
    if (!patched) return patched.error();
    if (!patched->ok()) return failure(*patched, ctx);
    ++out.check_run_requests;
  }
  return {};
}

}  // namespace

Result<PublishOutcome> publish(const Context& context, const PublishInput& input, const HttpClient& http) {
  Api api(context, http);
  Gate gate{input.fail_on, input.gate_failed};
  PublishOutcome out;
  if (context.pull_request)
    if (auto done = publish_pull_request(api, context, input, gate, out); !done) return done.error();
  if (!context.head_sha.empty())
    if (auto done = publish_check_run(api, context, input, gate, out); !done) return done.error();
  return out;
}

}  // namespace copilot::remote::github
