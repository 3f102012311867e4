#include "http/reply.h"

#include <httplib.h>

namespace copilot::controlplane {

void write_problem(httplib::Response& res, const Problem& problem) {
  res.status = problem.status;
  for (const auto& [name, value] : problem.headers) res.set_header(name, value);
  res.set_content(problem.body().dump(), "application/problem+json");
}

void reply_json(Call& call, int status, const nlohmann::json& body) {
  call.res.status = status;
  call.res.set_content(body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace), "application/json");
}

void reply_problem(Call& call, const Problem& problem) {
  write_problem(call.res, problem);
}

void audit(Connection& c, const Call& call, const std::string& action, const std::string& target,
           const nlohmann::json& details) {
  NewAuditEvent event;
  event.actor = call.who.actor();
  event.action = action;
  event.target = target;
  event.details = details.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  must(append_audit(c, call.who.tenant_id, event));
}

std::optional<int> limit_or_reply(Call& call, int fallback, int max) {
  auto text = call.query("limit");
  if (!text) return fallback;
  int n = 0;
  try {
    size_t used = 0;
    n = std::stoi(*text, &used);
    if (used != text->size()) n = 0;
  } catch (const std::exception&) {
    n = 0;
  }
  if (n < 1 || n > max) {
    reply_problem(call, invalid_request("limit", "limit: must be an integer between 1 and " + std::to_string(max)));
    return std::nullopt;
  }
  return n;
}

}  // namespace copilot::controlplane
