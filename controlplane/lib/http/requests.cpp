#include "http/requests.h"

#include "rbac/rbac.h"

namespace copilot::controlplane {
namespace {

constexpr int64_t kMaxTokens = 100'000'000;
constexpr int64_t kMaxLimit = 1'000'000'000'000;

/// Runs `read` over the body's members and returns its value, or the first Problem.
template <typename T, typename Read>
Parsed<T> read_body(std::string_view body, Read read, bool allow_empty = false) {
  Parsed<Fields> parsed = Fields::parse(body, allow_empty);
  if (auto* problem = std::get_if<Problem>(&parsed)) return *problem;
  Fields& f = std::get<Fields>(parsed);
  T out = read(f);
  if (auto problem = f.finish()) return *problem;
  return out;
}

}  // namespace

bool is_run_status(std::string_view s) {
  return s == "queued" || s == "running" || s == "succeeded" || s == "failed" || s == "cancelled";
}

Parsed<CreateTenantRequest> parse_create_tenant(std::string_view body) {
  return read_body<CreateTenantRequest>(body, [](Fields& f) {
    return CreateTenantRequest{f.name("name", true).value_or(""), f.name("admin_email", true).value_or("")};
  });
}

Parsed<CreateUserRequest> parse_create_user(std::string_view body) {
  return read_body<CreateUserRequest>(body, [](Fields& f) {
    CreateUserRequest r;
    r.email = f.name("email", true).value_or("");
    r.role = f.choice("role", true, {"admin", "maintainer", "reviewer", "viewer"}).value_or("");
    return r;
  });
}

Parsed<UpdateUserRequest> parse_update_user(std::string_view body) {
  return read_body<UpdateUserRequest>(body, [](Fields& f) {
    UpdateUserRequest r;
    r.role = f.choice("role", false, {"admin", "maintainer", "reviewer", "viewer"});
    r.disabled = f.boolean("disabled");
    return r;
  });
}

Parsed<CreateKeyRequest> parse_create_key(std::string_view body) {
  Parsed<CreateKeyRequest> out = read_body<CreateKeyRequest>(body, [](Fields& f) {
    CreateKeyRequest r;
    r.name = f.text("name", true, 128).value_or("");
    r.expires_at = f.timestamp("expires_at", false);
    r.user_id = f.name("user_id", false);
    if (auto scopes = f.array("scopes", false, 64)) {
      for (const auto& s : *scopes) r.scopes.push_back(s.is_string() ? s.get<std::string>() : std::string());
    }
    return r;
  });
  if (auto* r = std::get_if<CreateKeyRequest>(&out)) {
    for (const auto& s : r->scopes) {
      if (!parse_permission(s))
        return invalid_request("scopes", "scopes: unknown permission '" + s.substr(0, 64) + "'");
    }
  }
  return out;
}

Parsed<CreateProjectRequest> parse_create_project(std::string_view body) {
  return read_body<CreateProjectRequest>(body, [](Fields& f) {
    return CreateProjectRequest{f.name("name", true).value_or(""), f.text("description", false, 2048).value_or("")};
  });
}

Parsed<CreateRunRequest> parse_create_run(std::string_view body) {
  return read_body<CreateRunRequest>(body, [](Fields& f) {
    CreateRunRequest r;
    r.project = f.name("project", true).value_or("");
    r.kind = f.name("kind", true).value_or("");
    r.status = f.choice("status", false, {"queued", "running", "succeeded", "failed", "cancelled"}).value_or("running");
    r.stage = f.text("stage", false, 128).value_or("");
    r.started_at = f.timestamp("started_at", false);
    r.finished_at = f.timestamp("finished_at", false);
    r.metrics = f.object_text("metrics", false).value_or("{}");
    r.idempotency_key = f.text("idempotency_key", false, 128);
    return r;
  });
}

Parsed<UpdateRunRequest> parse_update_run(std::string_view body) {
  return read_body<UpdateRunRequest>(body, [](Fields& f) {
    UpdateRunRequest r;
    r.status = f.choice("status", false, {"queued", "running", "succeeded", "failed", "cancelled"});
    r.stage = f.text("stage", false, 128);
    r.finished_at = f.timestamp("finished_at", false);
    r.metrics = f.object_text("metrics", false);
    return r;
  });
}

Parsed<CreateArtifactRequest> parse_create_artifact(std::string_view body) {
  return read_body<CreateArtifactRequest>(body, [](Fields& f) {
    CreateArtifactRequest r;
    r.run_id = f.name("run_id", true).value_or("");
    r.name = f.text("name", true, 256).value_or("");
    r.kind = f.name("kind", true).value_or("");
    r.digest = f.text("digest", false, 128).value_or("");
    r.size_bytes = f.integer("size_bytes", false, 0, kMaxLimit).value_or(0);
    r.uri = f.text("uri", false, 2048).value_or("");
    return r;
  });
}

Parsed<DecisionRequest> parse_decision(std::string_view body) {
  return read_body<DecisionRequest>(
      body, [](Fields& f) { return DecisionRequest{f.text("note", false, 2048).value_or("")}; }, true);
}

Parsed<AuditEventRequest> parse_audit_event(std::string_view body) {
  return read_body<AuditEventRequest>(body, [](Fields& f) {
    AuditEventRequest r;
    r.action = f.name("action", true).value_or("");
    r.target = f.text("target", false, 512).value_or("");
    r.details = f.object_text("details", false).value_or("{}");
    r.occurred_at = f.timestamp("occurred_at", false);
    r.idempotency_key = f.text("idempotency_key", true, 128).value_or("");
    return r;
  });
}

Parsed<PutQuotaRequest> parse_put_quota(std::string_view body) {
  return read_body<PutQuotaRequest>(body, [](Fields& f) {
    PutQuotaRequest r;
    r.project = f.name("project", false);
    r.period = f.choice("period", true, {"day", "month"}).value_or("");
    r.token_limit = f.integer("token_limit", true, 0, kMaxLimit).value_or(0);
    r.requests_per_minute = f.integer("requests_per_minute", false, 0, kMaxLimit).value_or(0);
    r.tokens_per_minute = f.integer("tokens_per_minute", false, 0, kMaxLimit).value_or(0);
    return r;
  });
}

Parsed<ReserveRequest> parse_reserve(std::string_view body) {
  return read_body<ReserveRequest>(body, [](Fields& f) {
    ReserveRequest r;
    r.project = f.name("project", false);
    r.model = f.text("model", true, 128).value_or("");
    r.estimated_tokens = f.integer("estimated_tokens", true, 1, kMaxTokens).value_or(0);
    r.idempotency_key = f.text("idempotency_key", false, 128);
    return r;
  });
}

Parsed<CommitRequest> parse_commit(std::string_view body) {
  return read_body<CommitRequest>(body, [](Fields& f) {
    CommitRequest r;
    r.prompt_tokens = f.integer("prompt_tokens", true, 0, kMaxTokens).value_or(0);
    r.completion_tokens = f.integer("completion_tokens", true, 0, kMaxTokens).value_or(0);
    r.model = f.text("model", false, 128);
    return r;
  });
}

Parsed<ChatCallRequest> parse_chat(std::string_view body) {
  Parsed<ChatCallRequest> out = read_body<ChatCallRequest>(body, [](Fields& f) {
    ChatCallRequest r;
    r.project = f.name("project", false);
    r.chat.tier = f.choice("tier", false, {"quality", "bulk", "fallback", "local"}).value_or("quality");
    r.chat.max_tokens = f.integer("max_tokens", true, 1, 1'000'000).value_or(0);
    r.chat.temperature = f.number("temperature", false, 0.0, 2.0);
    r.chat.json_schema = f.object("json_schema", false);
    if (auto messages = f.array("messages", true, 1000)) {
      for (const auto& m : *messages) {
        ChatMessage message;
        if (m.is_object() && m.size() == 2 && m.contains("role") && m["role"].is_string() && m.contains("content") &&
            m["content"].is_string()) {
          message.role = m["role"].get<std::string>();
          message.content = m["content"].get<std::string>();
        }
        r.chat.messages.push_back(std::move(message));
      }
    }
    return r;
  });
  if (auto* r = std::get_if<ChatCallRequest>(&out)) {
    if (r->chat.messages.empty()) return invalid_request("messages", "messages: must not be empty");
    for (const auto& m : r->chat.messages) {
      if (m.role != "system" && m.role != "user" && m.role != "assistant") {
        return invalid_request("messages",
                               "messages: each needs a role (system, user, assistant) and a string content");
      }
    }
  }
  return out;
}

}  // namespace copilot::controlplane
