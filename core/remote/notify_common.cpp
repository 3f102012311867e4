#include "remote/notify_common.h"

namespace copilot::remote {
namespace {

std::string get(const Environment& env, const char* name) {
  auto it = env.find(name);
  return it == env.end() ? "" : it->second;
}

bool is_name_char(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
}

}  // namespace

RunContext run_context(const Environment& env, const std::string& directory_name, const std::string& commit) {
  RunContext ctx;
  std::string github_repository = get(env, "GITHUB_REPOSITORY");
  ctx.repository = github_repository.empty() ? directory_name : github_repository;
  ctx.commit = commit;
  if (ctx.commit.empty()) ctx.commit = get(env, "GITHUB_SHA");
  if (ctx.commit.empty()) ctx.commit = get(env, "GIT_COMMIT");
  std::string server = get(env, "GITHUB_SERVER_URL"), run_id = get(env, "GITHUB_RUN_ID");
  if (!server.empty() && !github_repository.empty() && !run_id.empty())
    ctx.run_url = join_url(server, "/" + github_repository + "/actions/runs/" + run_id);
  else
    ctx.run_url = get(env, "BUILD_URL");
  return ctx;
}

Result<std::string> expand_environment(const std::string& value, const Environment& env, const std::string& key) {
  std::string out;
  size_t pos = 0;
  while (pos < value.size()) {
    size_t open = value.find("${", pos);
    if (open == std::string::npos) {
      out += value.substr(pos);
      break;
    }
    out += value.substr(pos, open - pos);
    size_t close = value.find('}', open);
    std::string name = close == std::string::npos ? "" : value.substr(open + 2, close - open - 2);
    bool valid = !name.empty();
    for (char c : name) valid = valid && is_name_char(c);
    if (!valid) return Error{key + ": '" + value.substr(open) + "' is not a ${VARIABLE} reference"};
    auto it = env.find(name);
    if (it == env.end() || it->second.empty())
      return Error{key + " refers to ${" + name + "}, which is not set in the environment"};
    out += it->second;
    pos = close + 1;
  }
  return out;
}

std::string truncate_utf8(std::string_view text, size_t max_bytes) {
  if (text.size() <= max_bytes) return std::string(text);
  const std::string_view ellipsis = "\u2026";
  if (max_bytes < ellipsis.size()) return "";
  size_t cut = max_bytes - ellipsis.size();
  // Step back over continuation bytes (10xxxxxx) so the cut lands on a character boundary.
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return std::string(text.substr(0, cut)) + std::string(ellipsis);
}

std::string redact_url(std::string_view url) {
  size_t scheme = url.find("://");
  size_t host_end = url.find('/', scheme == std::string_view::npos ? 0 : scheme + 3);
  if (host_end == std::string_view::npos) return std::string(url);
  return std::string(url.substr(0, host_end)) + "/\u2026";
}

std::string url_encode(std::string_view text) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    if (is_name_char(static_cast<char>(c)) || c == '-' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

std::string join_url(std::string_view base, std::string_view path) {
  while (!base.empty() && base.back() == '/') base.remove_suffix(1);
  return std::string(base) + std::string(path);
}

}  // namespace copilot::remote
