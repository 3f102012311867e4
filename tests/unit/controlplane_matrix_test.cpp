// The permission matrix: every endpoint × every role × own and foreign tenant.
// What each role may do is read from the table in docs/CONTROLPLANE.md, so the
// documentation, the code's table and the server's behaviour must all agree.
#include <yaml-cpp/yaml.h>

#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "controlplane_fixture.h"
#include "rbac/rbac.h"

namespace copilot::controlplane {
namespace {

using copilot::testing::HttpAnswer;
using copilot::testing::TempDir;
using copilot::testing::TestServer;
using nlohmann::json;

/// permission name → roles that have it, as docs/CONTROLPLANE.md documents.
std::map<std::string, std::set<std::string>> documented_matrix() {
  std::ifstream in(std::string(COPILOT_SOURCE_DIR) + "/docs/CONTROLPLANE.md");
  std::stringstream text;
  text << in.rdbuf();
  std::map<std::string, std::set<std::string>> out;
  static const std::regex row(R"(^\| `([a-z]+:[a-z]+)` \| (yes|no) \| (yes|no) \| (yes|no) \| (yes|no) \|)");
  const char* roles[] = {"admin", "maintainer", "reviewer", "viewer"};
  std::string line;
  while (std::getline(text, line)) {
    std::smatch m;
    if (!std::regex_search(line, m, row)) continue;
    auto& allowed = out[m[1]];
    for (int i = 0; i < 4; ++i) {
      if (m[i + 2] == "yes") allowed.insert(roles[i]);
    }
  }
  return out;
}

TEST(ControlplaneMatrix, TheDocumentedTableIsTheCodesTable) {
  auto documented = documented_matrix();
  ASSERT_EQ(documented.size(), permission_table().size())
      << "docs/CONTROLPLANE.md lists a different set of permissions";
  for (const auto& info : permission_table()) {
    ASSERT_TRUE(documented.count(std::string(info.name))) << info.name << " is not documented";
    std::set<std::string> in_code;
    for (Role r : info.roles) in_code.insert(std::string(role_name(r)));
    EXPECT_EQ(documented[std::string(info.name)], in_code) << info.name;
  }
}

TEST(ControlplaneMatrix, TheOpenApiFileDescribesEveryRouteWithItsPermission) {
  YAML::Node api = YAML::LoadFile(std::string(COPILOT_SOURCE_DIR) + "/schemas/controlplane.openapi.yaml");
  std::set<std::string> described;
  for (const auto& path : api["paths"]) {
    const std::string name = path.first.as<std::string>();
    if (name.rfind("/v1/", 0) != 0) continue;
    for (const auto& op : path.second) {
      std::string method = op.first.as<std::string>();
      for (auto& ch : method) ch = static_cast<char>(std::toupper(ch));
      described.insert(method + " " + name);
    }
  }
  std::set<std::string> served;
  for (const Route& route : api_routes()) {
    const std::string key = route.method + " " + route.path;
    served.insert(key);
    std::string method = route.method;
    for (auto& ch : method) ch = static_cast<char>(std::tolower(ch));
    YAML::Node op = api["paths"][route.path][method];
    ASSERT_TRUE(op) << key << " is not in schemas/controlplane.openapi.yaml";
    EXPECT_EQ(op["x-permission"].as<std::string>(""), std::string(permission_name(route.permission))) << key;
  }
  EXPECT_EQ(described, served) << "the OpenAPI file and the server's route table differ";
}

/// Two tenants, a user and key per role in each, and one of every resource.
class MatrixTest : public ::testing::TestWithParam<std::string> {
 protected:
  struct TenantFixture {
    std::map<std::string, std::string> keys;  ///< role → API key
    std::map<std::string, std::string> ids;   ///< path prefix → a resource id of this tenant
  };

  void SetUp() override {
    CONTROLPLANE_DATABASE_URL(GetParam(), dir_, url_);
    server_ = std::make_unique<TestServer>(url_);
    own_ = populate(server_->admin_key, "acme");
    auto other = server_->call("POST", "/v1/tenants", server_->admin_key,
                               json{{"name", "globex"}, {"admin_email", "hank@globex.test"}});
    ASSERT_EQ(other.status, 201) << other.text;
    foreign_ = populate(other.body["api_key"], "globex");
  }

  TenantFixture populate(const std::string& admin, const std::string& name) {
    TenantFixture t;
    t.keys["admin"] = admin;
    for (const char* role : {"maintainer", "reviewer", "viewer"}) {
      auto user =
          server_->call("POST", "/v1/users", admin, json{{"email", std::string(role) + "@x.test"}, {"role", role}});
      auto key = server_->call("POST", "/v1/keys", admin, json{{"name", role}, {"user_id", user.body["id"]}});
      EXPECT_EQ(key.status, 201) << key.text;
      t.keys[role] = key.body.value("api_key", "");
    }
    t.ids = copilot::testing::create_sample_resources(*server_, admin, name);
    return t;
  }

  static std::string concrete_path(const Route& route, const TenantFixture& tenant) {
    return copilot::testing::concrete_path(route.path, tenant.ids);
  }

  std::string sample_body(const Route& route, const TenantFixture& tenant) {
    if (route.method == "GET" || route.method == "DELETE") return "";
    auto body = copilot::testing::sample_request_body(route.method + " " + route.path, std::to_string(++counter_),
                                                      tenant.ids.at("/v1/runs/"));
    if (!body) {
      ADD_FAILURE() << "no sample body for " << route.method << " " << route.path
                    << ": add one to sample_request_body in controlplane_fixture.h";
      return "{}";
    }
    return body->dump();
  }

  TempDir dir_;
  std::string url_;
  std::unique_ptr<TestServer> server_;
  TenantFixture own_, foreign_;
  int counter_ = 0;
};

TEST_P(MatrixTest, EachRoleGetsExactlyItsDocumentedPermissions) {
  auto documented = documented_matrix();
  for (const Route& route : api_routes()) {
    const auto& allowed = documented[std::string(permission_name(route.permission))];
    for (const char* role : {"admin", "maintainer", "reviewer", "viewer"}) {
      // Both tenants: tenants:manage additionally needs the operator tenant.
      for (bool operator_tenant : {true, false}) {
        const TenantFixture& t = operator_tenant ? own_ : foreign_;
        bool expect_allowed =
            allowed.count(role) && (route.permission != Permission::tenants_manage || operator_tenant);
        auto a = server_->call(route.method, concrete_path(route, t), t.keys.at(role), sample_body(route, t));
        std::string what = route.method + " " + route.path + " as " + role + (operator_tenant ? "" : " (2nd tenant)");
        if (expect_allowed) {
          EXPECT_TRUE(a.status != 0 && a.status != 401 && a.status != 403 && a.status != 500)
              << what << ": " << a.status << " " << a.text;
        } else {
          EXPECT_EQ(a.status, 403) << what << ": " << a.text;
          EXPECT_EQ(a.body.value("type", ""), "https://copilot.dev/problems/forbidden") << what;
        }
      }
    }
  }
}

TEST_P(MatrixTest, NoRequestReadsOrChangesAnotherTenantsData) {
  const std::string admin = foreign_.keys.at("admin");
  auto snapshot = [&] {
    std::string all;
    for (const char* table : {"users", "api_keys", "projects", "runs", "artifacts", "quotas", "reservations",
                              "audit_events", "audit_heads", "quota_windows", "llm_usage"}) {
      all += std::to_string(copilot::testing::count_rows(server_->db(), std::string("SELECT COUNT(*) FROM ") + table));
      all += ",";
    }
    return all;
  };
  for (const Route& route : api_routes()) {
    if (route.path.find('{') == std::string::npos) continue;
    const std::string before = snapshot();
    // The foreign admin addresses the first tenant's resources by id.
    auto a = server_->call(route.method, concrete_path(route, own_), admin, sample_body(route, foreign_));
    EXPECT_EQ(a.status, 404) << route.method << " " << route.path << ": " << a.text;
    EXPECT_EQ(snapshot(), before) << route.method << " " << route.path << " changed something";
  }
  // Lists show only the caller's own tenant.
  for (const Route& route : api_routes()) {
    if (route.method != "GET" || route.path.find('{') != std::string::npos || route.path == "/v1/tenants") continue;
    auto a = server_->call("GET", route.path, admin);
    for (const auto& [prefix, id] : own_.ids) {
      EXPECT_EQ(a.text.find(id), std::string::npos) << route.path << " shows the other tenant's " << prefix << id;
    }
  }
  // Verify still holds for both tenants.
  EXPECT_EQ(server_->call("GET", "/v1/audit/verify", own_.keys.at("admin")).body["valid"], true);
  EXPECT_EQ(server_->call("GET", "/v1/audit/verify", admin).body["valid"], true);
}

INSTANTIATE_TEST_SUITE_P(Backends, MatrixTest, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace copilot::controlplane
