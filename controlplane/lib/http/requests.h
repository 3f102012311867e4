#pragma once
// Every JSON request body of the API as a typed struct, parsed strictly.
// These parsers are what the fuzz target drives.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "http/fields.h"
#include "llm/chat_backend.h"

namespace copilot::controlplane {

struct CreateTenantRequest {
  std::string name;
  std::string admin_email;
};
struct CreateUserRequest {
  std::string email;
  std::string role;
};
struct UpdateUserRequest {
  std::optional<std::string> role;
  std::optional<bool> disabled;
};
struct CreateKeyRequest {
  std::string name;
  std::vector<std::string> scopes;
  std::optional<int64_t> expires_at;
  std::optional<std::string> user_id;  ///< another user's key: needs keys:manage
};
struct CreateProjectRequest {
  std::string name;
  std::string description;
};
struct CreateRunRequest {
  std::string project;
  std::string kind;
  std::string status;
  std::string stage;
  std::optional<int64_t> started_at;
  std::optional<int64_t> finished_at;
  std::string metrics;
  std::optional<std::string> idempotency_key;
};
struct UpdateRunRequest {
  std::optional<std::string> status;
  std::optional<std::string> stage;
  std::optional<int64_t> finished_at;
  std::optional<std::string> metrics;
};
struct CreateArtifactRequest {
  std::string run_id;
  std::string name;
  std::string kind;
  std::string digest;
  int64_t size_bytes = 0;
  std::string uri;
};
struct DecisionRequest {
  std::string note;
};
struct AuditEventRequest {
  std::string action;
  std::string target;
  std::string details;
  std::optional<int64_t> occurred_at;
  std::string idempotency_key;
};
struct PutQuotaRequest {
  std::optional<std::string> project;
  std::string period;
  int64_t token_limit = 0;
  int64_t requests_per_minute = 0;
  int64_t tokens_per_minute = 0;
};
struct ReserveRequest {
  std::optional<std::string> project;
  std::string model;
  int64_t estimated_tokens = 0;
  std::optional<std::string> idempotency_key;
};
struct CommitRequest {
  int64_t prompt_tokens = 0;
  int64_t completion_tokens = 0;
  std::optional<std::string> model;
};
struct ChatCallRequest {
  std::optional<std::string> project;
  ChatRequest chat;
};

Parsed<CreateTenantRequest> parse_create_tenant(std::string_view body);
Parsed<CreateUserRequest> parse_create_user(std::string_view body);
Parsed<UpdateUserRequest> parse_update_user(std::string_view body);
Parsed<CreateKeyRequest> parse_create_key(std::string_view body);
Parsed<CreateProjectRequest> parse_create_project(std::string_view body);
Parsed<CreateRunRequest> parse_create_run(std::string_view body);
Parsed<UpdateRunRequest> parse_update_run(std::string_view body);
Parsed<CreateArtifactRequest> parse_create_artifact(std::string_view body);
Parsed<DecisionRequest> parse_decision(std::string_view body);
Parsed<AuditEventRequest> parse_audit_event(std::string_view body);
Parsed<PutQuotaRequest> parse_put_quota(std::string_view body);
Parsed<ReserveRequest> parse_reserve(std::string_view body);
Parsed<CommitRequest> parse_commit(std::string_view body);
Parsed<ChatCallRequest> parse_chat(std::string_view body);

/// Run statuses a client may report.
bool is_run_status(std::string_view status);

}  // namespace copilot::controlplane
