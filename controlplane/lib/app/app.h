#pragma once
// The two things copilot-server does: `init` (first tenant, admin and key) and
// serving. main.cpp only turns flags into these calls and results into exit codes.
#include <string>

#include "auth/oidc.h"
#include "http/server.h"

namespace copilot::controlplane {

struct InitOptions {
  std::string db_url;
  std::string tenant = "default";
  std::string admin_email = "admin@localhost";
};

struct InitResult {
  std::string tenant_id;
  std::string user_id;
  std::string api_key;  ///< shown once
};

/// Creates the operator tenant, its admin user and an admin key. Fails (usage
/// error) when the database already has tenants.
Result<InitResult> initialize(const InitOptions& options);

struct ServeOptions {
  std::string host = "127.0.0.1";
  int port = 8080;
  std::string db_url;
  int db_pool = 8;
  ServerOptions server;
  OidcConfig oidc;
  std::string llm_upstream;  ///< OpenAI-compatible chat completions URL
  std::string llm_config;    ///< a file with an `llm:` section (providers and tiers), as .copilot.yaml has
  std::string llm_model = "gpt-4o-mini";
  std::string prices_file;  ///< JSON {"model": {"prompt_usd_per_million": x, "completion_usd_per_million": y}}
};

/// Serves until SIGTERM or SIGINT, then finishes in-flight requests and returns.
Result<void> serve(const ServeOptions& options);

/// "HOST:PORT" → host and port; error when malformed.
Result<std::pair<std::string, int>> parse_listen(const std::string& text);
Result<PriceTable> load_prices(const std::string& path);

}  // namespace copilot::controlplane
