// copilot-server: the control plane. Flags in, one call into the library, an exit code out.
#include <CLI/CLI.hpp>
#include <cstdio>

#include "app/app.h"

namespace {

constexpr int kOk = 0, kUsage = 2, kRuntime = 3;

int fail(const copilot::Error& e) {
  std::fprintf(stderr, "copilot-server: error: %s\n", e.message.c_str());
  return e.usage ? kUsage : kRuntime;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace copilot::controlplane;
  CLI::App app{"copilot-server: tenants, API keys, audit log and LLM quotas for copilot", "copilot-server"};
  app.set_version_flag("--version", std::string("copilot-server ") + COPILOT_VERSION);

  ServeOptions serve_options;
  std::string listen = "127.0.0.1:8080";
  int64_t ttl_seconds = 600;
  app.add_option("--listen", listen, "Address to serve on, HOST:PORT (port 0 picks a free one)");
  app.add_option("--db", serve_options.db_url, "Database: sqlite:PATH or postgres://...");
  app.add_option("--db-pool", serve_options.db_pool, "PostgreSQL connections per process")->check(CLI::Range(1, 256));
  app.add_option("--threads", serve_options.server.threads, "Request worker threads")->check(CLI::Range(1, 1024));
  app.add_option("--body-limit", serve_options.server.body_limit, "Largest request body in bytes (larger: 413)");
  app.add_option("--rate-limit", serve_options.server.rate_per_second, "Requests per second per tenant (0: none)");
  app.add_option("--rate-burst", serve_options.server.rate_burst, "Requests a tenant may burst above the rate");
  app.add_option("--reservation-ttl", ttl_seconds, "Seconds before an uncommitted token reservation expires")
      ->check(CLI::Range(1, 86400));
  app.add_option("--oidc-issuer", serve_options.oidc.issuer, "Accept OIDC tokens (RS256) from this issuer");
  app.add_option("--oidc-audience", serve_options.oidc.audience, "Audience OIDC tokens must carry");
  app.add_option("--oidc-jwks", serve_options.oidc.jwks, "JWKS of the issuer: a file or an http(s) URL");
  app.add_option("--oidc-tenant-claim", serve_options.oidc.tenant_claim, "Claim naming the tenant");
  app.add_option("--oidc-role-claim", serve_options.oidc.role_claim, "Claim naming the role");
  app.add_option("--llm-upstream", serve_options.llm_upstream,
                 "OpenAI-compatible chat completions URL for /v1/llm/chat");
  app.add_option("--llm-model", serve_options.llm_model, "Model to ask the upstream for");
  app.add_option("--llm-config", serve_options.llm_config,
                 "File whose llm: section (providers, tiers) answers /v1/llm/chat, as in .copilot.yaml");
  app.add_option("--prices", serve_options.prices_file, "JSON file of model prices (USD per million tokens)");

  InitOptions init_options;
  CLI::App* init =
      app.add_subcommand("init", "Create the first tenant and its admin, and print the admin API key once");
  init->add_option("--db", init_options.db_url, "Database: sqlite:PATH or postgres://...")->required();
  init->add_option("--tenant", init_options.tenant, "Name of the first tenant");
  init->add_option("--admin-email", init_options.admin_email, "Email of the first admin");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? kOk : kUsage;
  }

  if (*init) {
    auto done = initialize(init_options);
    if (!done) return fail(done.error());
    std::printf("tenant %s created with admin %s\n", init_options.tenant.c_str(), init_options.admin_email.c_str());
    std::printf("admin API key (shown once, store it now): %s\n", done->api_key.c_str());
    return kOk;
  }
  if (serve_options.db_url.empty())
    return fail(copilot::Error{"--db is required (sqlite:PATH or postgres://...)", true});
  auto address = parse_listen(listen);
  if (!address) return fail(address.error());
  serve_options.host = address->first;
  serve_options.port = address->second;
  serve_options.server.reservation_ttl_ms = ttl_seconds * 1000;
  auto served = serve(serve_options);
  if (!served) return fail(served.error());
  return kOk;
}
