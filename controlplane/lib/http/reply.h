#pragma once
// What route handlers share: writing JSON or a Problem, unwrapping storage
// results, reading a typed body, and recording an audit event.
#include <httplib.h>

#include <nlohmann/json.hpp>
#include <optional>
#include <stdexcept>
#include <string>

#include "audit/audit_log.h"
#include "http/fields.h"
#include "http/problem.h"
#include "http/server.h"

namespace copilot::controlplane {

/// A storage error inside a handler: the server answers 500 and logs the message.
/// (Thrown only between a handler and the route wrapper that catches it.)
class StorageFailure : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

template <typename T>
T must(Result<T> result) {
  if (!result) throw StorageFailure(result.error().message);
  return std::move(result).value();
}
inline void must(Result<void> result) {
  if (!result) throw StorageFailure(result.error().message);
}

/// Runs `fn(Connection&) -> Result<T>` on a connection (no transaction) and unwraps it.
template <typename F>
auto read(Call& call, F fn) {
  using R = decltype(fn(std::declval<Connection&>()));
  std::optional<R> out;
  must(call.services.db.run([&](Connection& c) -> Result<void> {
    out.emplace(fn(c));
    return {};
  }));
  return must(std::move(*out));
}

/// Runs `fn(Connection&) -> Result<T>` in a transaction (rolled back if it fails) and unwraps it.
template <typename F>
auto write(Call& call, F fn) {
  using R = decltype(fn(std::declval<Connection&>()));
  std::optional<R> out;
  must(call.services.db.transaction([&](Connection& c) -> Result<void> {
    out.emplace(fn(c));
    if (!*out) return out->error();
    return {};
  }));
  return must(std::move(*out));
}

void reply_json(Call& call, int status, const nlohmann::json& body);
void reply_problem(Call& call, const Problem& problem);

/// The parsed body, or nullopt after answering with its Problem.
template <typename T>
std::optional<T> body_or_reply(Call& call, Parsed<T> parsed) {
  if (auto* problem = std::get_if<Problem>(&parsed)) {
    reply_problem(call, *problem);
    return std::nullopt;
  }
  return std::move(std::get<T>(parsed));
}

/// Records what the caller did, in the same transaction as the change.
void audit(Connection& c, const Call& call, const std::string& action, const std::string& target,
           const nlohmann::json& details = nlohmann::json::object());

/// A positive `limit` query parameter (default `fallback`, at most `max`), or nullopt after a 422.
std::optional<int> limit_or_reply(Call& call, int fallback, int max);

}  // namespace copilot::controlplane
