// Where to post, from the variables a GitHub Actions job carries.
#include <nlohmann/json.hpp>

#include "remote/github.h"
#include "util/files.h"
#include "util/strings.h"

namespace copilot::remote::github {
namespace {

std::string variable(const EnvLookup& env, const char* name) {
  const char* value = env(name);
  return value ? std::string(util::trim(value)) : std::string();
}

/// `pull_request.base.sha` from the event, or an error naming the file and field.
Result<std::string> sha_at(const nlohmann::json& pr, const char* side, const std::string& file) {
  const auto& node = pr.contains(side) && pr[side].is_object() ? pr[side] : nlohmann::json();
  if (!node.contains("sha") || !node["sha"].is_string() || node["sha"].get<std::string>().empty())
    return Error{file + ": pull_request." + side + ".sha is missing or not a string"};
  return node["sha"].get<std::string>();
}

Result<std::optional<PullRequest>> read_event(const std::string& path) {
  auto text = util::read_file(path);
  if (!text) return Error{"GITHUB_EVENT_PATH: cannot read the event file: " + text.error().message};
  nlohmann::json event;
  try {
    event = nlohmann::json::parse(*text);
  } catch (const nlohmann::json::parse_error& e) {
    return Error{path + ": not valid JSON (" + e.what() + ")"};
  }
  if (!event.is_object()) return Error{path + ": the event is not a JSON object"};
  if (!event.contains("pull_request")) return std::optional<PullRequest>();  // push, schedule, ...
  const auto& pr = event["pull_request"];
  if (!pr.is_object()) return Error{path + ": pull_request is not an object"};
  PullRequest out;
  if (!pr.contains("number") || !pr["number"].is_number_integer() || pr["number"].get<long long>() <= 0)
    return Error{path + ": pull_request.number is missing or not a positive integer"};
  out.number = static_cast<int>(pr["number"].get<long long>());
  auto base = sha_at(pr, "base", path);
  if (!base) return base.error();
  auto head = sha_at(pr, "head", path);
  if (!head) return head.error();
  out.base_sha = std::move(*base);
  out.head_sha = std::move(*head);
  return std::optional<PullRequest>(std::move(out));
}

}  // namespace

Result<Context> context_from_environment(const EnvLookup& env) {
  Context ctx;
  ctx.token = variable(env, "GITHUB_TOKEN");
  if (ctx.token.empty())
    return Error{
        "GITHUB_TOKEN is not set: --post github needs a token that may write pull requests "
        "(permissions: pull-requests: write; checks: write for the check run)"};
  std::string repository = variable(env, "GITHUB_REPOSITORY");
  if (repository.empty()) return Error{"GITHUB_REPOSITORY is not set: --post github needs owner/name"};
  auto slash = repository.find('/');
  if (slash == std::string::npos || slash == 0 || slash + 1 == repository.size() ||
      repository.find('/', slash + 1) != std::string::npos)
    return Error{"GITHUB_REPOSITORY must be owner/name, not '" + repository + "'"};
  ctx.owner = repository.substr(0, slash);
  ctx.repo = repository.substr(slash + 1);
  if (auto api = variable(env, "GITHUB_API_URL"); !api.empty()) ctx.api_url = api;
  while (!ctx.api_url.empty() && ctx.api_url.back() == '/') ctx.api_url.pop_back();

  std::string event_path = variable(env, "GITHUB_EVENT_PATH");
  if (event_path.empty())
    return Error{"GITHUB_EVENT_PATH is not set: --post github reads the pull request from the workflow's event file"};
  auto pr = read_event(event_path);
  if (!pr) return pr.error();
  ctx.pull_request = std::move(*pr);
  ctx.head_sha = ctx.pull_request ? ctx.pull_request->head_sha : variable(env, "GITHUB_SHA");
  if (!ctx.pull_request && ctx.head_sha.empty())
    return Error{event_path + " is not a pull_request event and GITHUB_SHA is not set: nothing to post to"};
  return ctx;
}

}  // namespace copilot::remote::github
