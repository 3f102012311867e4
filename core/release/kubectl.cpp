#include "release/kubectl.h"

#include "util/process.h"
#include "util/strings.h"

namespace copilot::release {
namespace {

/// kubectl's last stderr line says what went wrong; the lines before it are
/// client-side retries and warnings.
std::string last_line(const std::string& text) {
  auto lines = util::split_lines(text);
  for (auto it = lines.rbegin(); it != lines.rend(); ++it) {
    std::string_view line = util::trim(*it);
    if (!line.empty() && !util::starts_with(line, "See '")) return std::string(line);  // "See 'kubectl --help'"
  }
  return "";
}

}  // namespace

Result<std::string> Kubectl::run(std::vector<std::string> args, const std::string& what) const {
  util::ProcessRequest request;
  request.argv = command_;
  request.argv.insert(request.argv.end(), args.begin(), args.end());
  request.timeout = timeout_;
  auto result = util::run_process(request);
  if (!result) return Error{what + ": cannot run " + command_.front() + ": " + result.error().message};
  if (result->timed_out) return Error{what + ": kubectl did not answer within the time limit"};
  if (result->exit_code != 0) {
    std::string reason = last_line(result->err);
    return Error{what + ": " + (reason.empty() ? "kubectl exited with " + std::to_string(result->exit_code) : reason)};
  }
  return std::move(result->out);
}

Result<nlohmann::json> Kubectl::get(const std::string& resource, const std::string& name) const {
  auto out = run({"get", resource, name, "-o", "json"}, "reading " + resource + " " + name);
  if (!out) return out.error();
  try {
    return nlohmann::json::parse(*out);
  } catch (const nlohmann::json::exception& e) {
    return Error{"reading " + resource + " " + name + ": kubectl printed no JSON: " + e.what()};
  }
}

Result<void> Kubectl::patch(const KubePatch& p, bool dry_run) const {
  std::vector<std::string> args = {"patch", p.resource, p.name, "--type", p.type, "-p", p.body.dump()};
  if (p.status) args.push_back("--subresource=status");
  if (dry_run) args.push_back("--dry-run=server");
  std::string what =
      std::string(dry_run ? "validating" : "patching") + " " + p.resource + " " + p.name + (p.status ? " status" : "");
  auto out = run(args, what);
  if (out) return {};
  // Sent to the object itself, a status change would be dropped by any Argo
  // Rollouts controller since v0.10 (status is a subresource): refuse instead.
  if (p.status && util::contains(out.error().message, "unknown flag: --subresource"))
    return Error{what + ": this kubectl cannot patch a status subresource (kubectl 1.24 or later is needed)"};
  return out.error();
}

Result<void> Kubectl::apply(const std::vector<KubePatch>& patches) const {
  for (const auto& p : patches)
    if (auto checked = patch(p, true); !checked) return checked;
  for (const auto& p : patches)
    if (auto applied = patch(p, false); !applied) return applied;
  return {};
}

}  // namespace copilot::release
