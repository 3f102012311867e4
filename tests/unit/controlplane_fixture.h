#pragma once
// Shared by the controlplane_* tests: a throwaway PostgreSQL cluster on
// loopback (started by the test process itself), fresh databases on either
// backend, and an in-process copilot-server with a small HTTP client.
#include <gtest/gtest.h>
#include <httplib.h>
#include <netinet/in.h>
#include <sys/file.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>

#include "app/app.h"
#include "common/crypto.h"
#include "http/server.h"
#include "storage/database.h"
#include "test_support.h"

namespace copilot::testing {

inline const std::string kPgBin = "/usr/lib/postgresql/15/bin";

/// Runs `command` as the postgres user when we are root (PostgreSQL refuses root).
inline int run_as_postgres(const std::string& command) {
  std::string full = getuid() == 0 ? "su postgres -s /bin/sh -c '" + command + "' >/dev/null 2>&1"
                                   : "sh -c '" + command + "' >/dev/null 2>&1";
  return std::system(full.c_str());
}

inline int free_port() {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
  socklen_t len = sizeof addr;
  getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  int port = ntohs(addr.sin_port);
  close(fd);
  return port;
}

/// One cluster per test process, stopped and deleted at exit. initdb runs once
/// per machine into a template directory that later processes copy (initdb is
/// the slow part; each test case is its own process under ctest).
class PostgresCluster {
 public:
  static PostgresCluster* instance() {
    static std::unique_ptr<PostgresCluster> cluster = start();
    return cluster && cluster->port_ ? cluster.get() : nullptr;
  }
  ~PostgresCluster() {
    if (!dir_.empty()) {
      run_as_postgres(kPgBin + "/pg_ctl -D " + dir_ + "/data -m immediate stop");
      std::filesystem::remove_all(dir_);
    }
  }
  /// A fresh, empty database on the cluster.
  std::string new_database_url() {
    std::string name = "t_" + controlplane::random_hex(6);
    run_as_postgres(kPgBin + "/createdb -h 127.0.0.1 -p " + std::to_string(port_) + " -U postgres " + name);
    return "postgresql://postgres@127.0.0.1:" + std::to_string(port_) + "/" + name;
  }
  int port() const { return port_; }

 private:
  static std::unique_ptr<PostgresCluster> start() {
    if (!std::filesystem::exists(kPgBin + "/initdb")) return nullptr;
    const std::string tmp = std::filesystem::temp_directory_path().string();
    const std::string tmpl = tmp + "/copilot-controlplane-pg-template";
    {
      int lock = open((tmpl + ".lock").c_str(), O_CREAT | O_RDWR, 0666);
      flock(lock, LOCK_EX);
      if (!std::filesystem::exists(tmpl + "/PG_VERSION")) {
        std::filesystem::remove_all(tmpl);
        std::filesystem::create_directories(tmpl);
        if (getuid() == 0) std::system(("chown postgres " + tmpl).c_str());
        run_as_postgres(kPgBin + "/initdb -D " + tmpl + " -A trust -U postgres --no-sync");
      }
      flock(lock, LOCK_UN);
      close(lock);
    }
    auto c = std::unique_ptr<PostgresCluster>(new PostgresCluster);
    c->dir_ = tmp + "/copilot-pg-" + controlplane::random_hex(6);
    std::filesystem::create_directories(c->dir_);
    if (std::system(("cp -a " + tmpl + " " + c->dir_ + "/data").c_str()) != 0) return c;
    if (getuid() == 0) std::system(("chown -R postgres " + c->dir_).c_str());
    for (int attempt = 0; attempt < 3 && !c->port_; ++attempt) {
      int port = free_port();
      if (run_as_postgres(kPgBin + "/pg_ctl -D " + c->dir_ + "/data -l " + c->dir_ + "/log -o \"-k " + c->dir_ +
                          " -p " + std::to_string(port) + " -c listen_addresses=127.0.0.1 -c fsync=off\" -w start") ==
          0) {
        c->port_ = port;
      }
    }
    return c;
  }
  PostgresCluster() = default;
  std::string dir_;
  int port_ = 0;
};

/// A fresh database URL for `backend` ("sqlite" or "postgres"). Without PostgreSQL
/// the test is skipped, unless CI is set: then it fails.
#define CONTROLPLANE_DATABASE_URL(backend, tempdir, out)                                           \
  do {                                                                                             \
    if (std::string(backend) == "sqlite") {                                                        \
      out = "sqlite:" + ((tempdir).path() / "controlplane.db").string();                           \
    } else if (auto* pg = ::copilot::testing::PostgresCluster::instance()) {                       \
      out = pg->new_database_url();                                                                \
    } else if (std::getenv("CI")) {                                                                \
      FAIL() << "PostgreSQL could not be started (initdb/pg_ctl in " << ::copilot::testing::kPgBin \
             << "); CI requires the PostgreSQL tests";                                             \
    } else {                                                                                       \
      GTEST_SKIP() << "PostgreSQL is not available here";                                          \
    }                                                                                              \
  } while (0)

/// A valid JSON body for each route that takes one ("METHOD /path" as the route
/// table spells it); `unique` keeps names from colliding, `run_id` is an existing run.
inline std::optional<nlohmann::json> sample_request_body(const std::string& route, const std::string& unique,
                                                         const std::string& run_id) {
  using nlohmann::json;
  const std::string& n = unique;
  if (route == "POST /v1/tenants") return json{{"name", "t" + n}, {"admin_email", "a" + n + "@t.test"}};
  if (route == "POST /v1/users") return json{{"email", "u" + n + "@x.test"}, {"role", "viewer"}};
  if (route == "PATCH /v1/users/{id}") return json{{"disabled", false}};
  if (route == "POST /v1/keys") return json{{"name", "k" + n}};
  if (route == "POST /v1/projects") return json{{"name", "p" + n}, {"description", "a project"}};
  if (route == "POST /v1/runs") return json{{"project", "p"}, {"kind", "audit"}, {"stage", "scan"}};
  if (route == "PATCH /v1/runs/{id}") return json{{"stage", "scan"}, {"metrics", {{"files", 3}}}};
  if (route == "POST /v1/artifacts")
    return json{{"run_id", run_id}, {"name", "x"}, {"kind", "sbom"}, {"size_bytes", 10}};
  if (route == "POST /v1/artifacts/{id}/approve" || route == "POST /v1/artifacts/{id}/reject") {
    return json{{"note", "looks right"}};
  }
  if (route == "POST /v1/audit/events") {
    return json{{"action", "ci.step"}, {"target", "build"}, {"idempotency_key", "e" + n}};
  }
  if (route == "PUT /v1/quotas") return json{{"period", "month"}, {"token_limit", 1000000}};
  if (route == "POST /v1/llm/reservations") return json{{"model", "m"}, {"estimated_tokens", 1}};
  if (route == "POST /v1/llm/reservations/{id}/commit") return json{{"prompt_tokens", 1}, {"completion_tokens", 1}};
  if (route == "POST /v1/llm/chat")
    return json{{"messages", {{{"role", "user"}, {"content", "hi"}}}}, {"max_tokens", 5}};
  return std::nullopt;
}

struct HttpAnswer {
  int status = 0;
  nlohmann::json body;
  httplib::Headers headers;
  std::string text;
  std::string header(const std::string& name) const {
    auto it = headers.find(name);
    return it == headers.end() ? "" : it->second;
  }
};

/// copilot-server in this process on a free loopback port, with its first
/// tenant initialized; `admin_key` is that tenant's admin API key.
class TestServer {
 public:
  explicit TestServer(const std::string& db_url, controlplane::ServerOptions options = {},
                      std::unique_ptr<controlplane::OidcVerifier> oidc = nullptr,
                      std::unique_ptr<controlplane::ChatBackend> chat = nullptr) {
    auto init = controlplane::initialize({db_url, "acme", "admin@acme.test"});
    if (!init) throw std::runtime_error(init.error().message);
    admin_key = init->api_key;
    tenant_id = init->tenant_id;
    auto db = controlplane::open_database(db_url, 4);
    if (!db) throw std::runtime_error(db.error().message);
    db_ = std::move(*db);
    options.threads = 4;
    server_ = std::make_unique<controlplane::Server>(*db_, options, std::move(oidc), std::move(chat));
    port = server_->bind("127.0.0.1", 0).value();
    thread_ = std::thread([this] { server_->listen(); });
    client_ = std::make_unique<httplib::Client>("127.0.0.1", port);
    client_->set_read_timeout(30);
    // Wait until the listener answers.
    for (int i = 0; i < 200 && !client_->Get("/healthz"); ++i)
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  ~TestServer() {
    server_->stop();
    thread_.join();
  }

  HttpAnswer call(const std::string& method, const std::string& path, const std::string& token,
                  const std::string& body = "", httplib::Headers headers = {}) {
    if (!token.empty()) headers.emplace("Authorization", "Bearer " + token);
    httplib::Result res = method == "GET"      ? client_->Get(path, headers)
                          : method == "DELETE" ? client_->Delete(path, headers, body, "application/json")
                          : method == "PUT"    ? client_->Put(path, headers, body, "application/json")
                          : method == "PATCH"  ? client_->Patch(path, headers, body, "application/json")
                                               : client_->Post(path, headers, body, "application/json");
    HttpAnswer out;
    if (!res) return out;
    out.status = res->status;
    out.headers = res->headers;
    out.text = res->body;
    out.body = nlohmann::json::parse(res->body, nullptr, false);
    return out;
  }
  HttpAnswer call(const std::string& method, const std::string& path, const std::string& token, const char* body,
                  httplib::Headers headers = {}) {
    return call(method, path, token, std::string(body), std::move(headers));
  }
  HttpAnswer call(const std::string& method, const std::string& path, const std::string& token,
                  const nlohmann::json& body) {
    return call(method, path, token, body.dump());
  }

  controlplane::Database& db() { return *db_; }
  std::string admin_key;
  std::string tenant_id;
  int port = 0;

 private:
  std::unique_ptr<controlplane::Database> db_;
  std::unique_ptr<controlplane::Server> server_;
  std::thread thread_;
  std::unique_ptr<httplib::Client> client_;
};

/// One of every resource in a tenant, by the route path prefix that addresses it
/// ("/v1/runs/" → a run id, ...). `name` makes the tenant's project name unique.
inline std::map<std::string, std::string> create_sample_resources(TestServer& server, const std::string& admin,
                                                                  const std::string& name) {
  using nlohmann::json;
  std::map<std::string, std::string> ids;
  auto create = [&](const std::string& method, const std::string& path, const json& body, const char* member) {
    auto a = server.call(method, path, admin, body);
    EXPECT_TRUE(a.status == 200 || a.status == 201) << method << " " << path << ": " << a.text;
    return a.body.is_object() ? a.body.value(member, "") : "";
  };
  ids["/v1/users/"] = create("POST", "/v1/users", json{{"email", "victim@x.test"}, {"role", "viewer"}}, "id");
  ids["/v1/keys/"] = create("POST", "/v1/keys", json{{"name", "victim"}}, "id");
  create("POST", "/v1/projects", json{{"name", "p"}}, "id");
  ids["/v1/projects/"] = create("POST", "/v1/projects", json{{"name", "only-" + name}}, "name");
  ids["/v1/runs/"] = create("POST", "/v1/runs", json{{"project", "p"}, {"kind", "review"}}, "id");
  ids["/v1/artifacts/"] =
      create("POST", "/v1/artifacts", json{{"run_id", ids["/v1/runs/"]}, {"name", "r.sarif"}, {"kind", "sarif"}}, "id");
  ids["/v1/quotas/"] =
      create("PUT", "/v1/quotas", json{{"project", "p"}, {"period", "day"}, {"token_limit", 100000}}, "id");
  ids["/v1/llm/reservations/"] =
      create("POST", "/v1/llm/reservations", json{{"model", "m"}, {"estimated_tokens", 10}}, "id");
  return ids;
}

/// `path` (e.g. /v1/runs/{id}) with its `{...}` segment replaced by the matching id.
inline std::string concrete_path(const std::string& path, const std::map<std::string, std::string>& ids) {
  size_t brace = path.find('{');
  if (brace == std::string::npos) return path;
  std::string prefix = path.substr(0, brace);
  auto it = ids.find(prefix);
  if (it == ids.end()) {
    ADD_FAILURE() << "no sample resource for " << path << ": add one to create_sample_resources";
    return path;
  }
  return prefix + it->second + path.substr(path.find('}') + 1);
}

/// Counts rows with a query on the server's own database.
inline int64_t count_rows(controlplane::Database& db, const std::string& sql) {
  int64_t n = -1;
  (void)db.run([&](controlplane::Connection& c) -> Result<void> {
    auto rows = c.query(sql);
    if (rows && !rows->rows.empty()) n = rows->rows[0].integer(0);
    return {};
  });
  return n;
}

}  // namespace copilot::testing
