// The Kubernetes release target through the real kubectl, against a stand-in
// API server on loopback (tests/tools/fake_kube_api.py) that serves discovery,
// GET and PATCH the way the API server does and records every request.
#include <gtest/gtest.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <thread>

#include "release/target_kubernetes.h"
#include "test_support.h"

extern char** environ;

namespace copilot::release {
namespace {

using copilot::testing::TempDir;
using nlohmann::json;

std::string slurp(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

json deployment(const std::string& name, const json& labels, int replicas, const std::string& version) {
  return {{"apiVersion", "apps/v1"},
          {"kind", "Deployment"},
          {"metadata", {{"name", name}, {"namespace", "prod"}}},
          {"spec",
           {{"replicas", replicas},
            {"selector", {{"matchLabels", labels}}},
            {"template",
             {{"metadata", {{"labels", labels}}},
              {"spec",
               {{"containers", json::array({{{"name", "log-shipper"}, {"image", "fluent/fluent-bit:3.0"}},
                                            {{"name", "app"}, {"image", "ghcr.io/acme/shop:" + version}}})}}}}}}}};
}

json service(const json& selector) {
  return {{"apiVersion", "v1"},
          {"kind", "Service"},
          {"metadata", {{"name", "shop"}, {"namespace", "prod"}}},
          {"spec", {{"selector", selector}, {"ports", json::array({{{"port", 80}, {"targetPort", 8080}}})}}}};
}

json rollout(const std::string& version) {
  json r = deployment("shop", {{"app", "shop"}}, 5, version);
  r["apiVersion"] = "argoproj.io/v1alpha1";
  r["kind"] = "Rollout";
  r["spec"]["strategy"] = {
      {"canary",
       {{"canaryService", "shop-canary"},
        {"stableService", "shop"},
        {"trafficRouting", {{"nginx", {{"stableIngress", "shop"}}}}},
        {"steps",
         json::array(
             {{{"setWeight", 20}}, {{"pause", json::object()}}, {{"setWeight", 50}}, {{"pause", json::object()}}})}}}};
  return r;
}

/// The stand-in API server and a kubeconfig pointing at it.
class FakeKubeApi {
 public:
  FakeKubeApi(const TempDir& dir, const std::vector<json>& objects) : dir_(dir.path()) {
    dir.write("objects.json", json(objects).dump(1));
    std::string script = std::string(COPILOT_SOURCE_DIR) + "/tests/tools/fake_kube_api.py";
    std::vector<std::string> args = {"/usr/bin/python3", script, path("objects.json"), path("requests.log"),
                                     path("port")};
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    if (posix_spawn(&pid_, argv[0], nullptr, nullptr, argv.data(), environ) != 0) pid_ = 0;
    for (int i = 0; i < 200 && !std::filesystem::exists(dir_ / "port"); ++i)
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    port_ = slurp(dir_ / "port");
    dir.write("kubeconfig",
              "apiVersion: v1\nkind: Config\nclusters:\n- name: fake\n  cluster:\n"
              "    server: http://127.0.0.1:" +
                  port_ +
                  "\n    insecure-skip-tls-verify: true\n"
                  "contexts:\n- name: ci\n  context: {cluster: fake, user: deployer}\n"
                  "users:\n- name: deployer\n  user: {token: ci-token}\ncurrent-context: ci\n");
  }
  ~FakeKubeApi() { stop(); }

  void stop() {
    if (pid_ <= 0) return;
    kill(pid_, SIGTERM);
    waitpid(pid_, nullptr, 0);
    pid_ = 0;
  }
  bool running() const { return !port_.empty(); }

  json object(const std::string& kind, const std::string& name) const {
    for (const auto& o : json::parse(slurp(dir_ / "objects.json")))
      if (o["kind"] == kind && o["metadata"]["name"] == name) return o;
    return nullptr;
  }

  std::vector<json> requests(const std::string& method = "") const {
    std::vector<json> out;
    std::istringstream in(slurp(dir_ / "requests.log"));
    for (std::string line; std::getline(in, line);) {
      json r = json::parse(line);
      if (method.empty() || r["method"] == method) out.push_back(r);
    }
    return out;
  }

  /// Changes that reached the store: PATCHes that were not dry runs and succeeded.
  std::vector<json> applied() const {
    std::vector<json> out;
    for (const auto& r : requests("PATCH"))
      if (r["status"] == 200 && r["query"].get<std::string>().find("dryRun=All") == std::string::npos) out.push_back(r);
    return out;
  }

  std::string path(const std::string& name) const { return (dir_ / name).string(); }

 private:
  std::filesystem::path dir_;
  pid_t pid_ = 0;
  std::string port_;
};

/// The kubectl under test: $KUBECTL (to try another release), else the one on PATH.
std::string kubectl() {
  const char* chosen = std::getenv("KUBECTL");
  return chosen && *chosen ? chosen : "kubectl";
}

class KubernetesTarget : public ::testing::Test {
 protected:
  void SetUp() override {
    if (std::system(("command -v " + kubectl() + " > /dev/null 2>&1").c_str()) != 0)
      GTEST_SKIP() << "kubectl is not installed";
  }

  /// kubectl 1.24 and later patch status subresources, as Argo Rollouts needs.
  static bool patches_status() {
    return std::system((kubectl() + " patch --help 2>/dev/null | grep -q -- --subresource").c_str()) == 0;
  }

  std::unique_ptr<Target> make(const FakeKubeApi& api, json settings) {
    settings["kind"] = "kubernetes";
    settings["kubectl"] = {kubectl(), "--cache-dir=" + api.path("kube-cache")};
    settings["kubeconfig"] = "kubeconfig";
    settings["namespace"] = "prod";
    settings["container"] = "app";
    settings["image"] = "ghcr.io/acme/shop:{{version}}";
    auto target =
        make_kubernetes_target({settings, "copilot.yaml:12", "release.environments.prod.target", dir_.path()});
    EXPECT_TRUE(target.ok()) << (target ? "" : target.error().message);
    return target ? std::move(*target) : nullptr;
  }

  static ReleaseContext context(const std::string& version, const std::string& strategy) {
    return {"prod", "r-1", version, "1.0.0", strategy, 1};
  }

  static int replicas(const json& deployment) { return deployment["spec"]["replicas"]; }
  static std::string image(const json& workload) {
    for (const auto& c : workload["spec"]["template"]["spec"]["containers"])
      if (c["name"] == "app") return c["image"];
    return "";
  }

  /// Every change was validated by the server first, with the same body.
  static void expect_validated_first(const FakeKubeApi& api) {
    auto patches = api.requests("PATCH");
    for (size_t i = 0; i < patches.size(); ++i) {
      if (patches[i]["query"].get<std::string>().find("dryRun=All") != std::string::npos) continue;
      bool validated = false;
      for (size_t j = 0; j < i; ++j)
        validated |= patches[j]["path"] == patches[i]["path"] && patches[j]["body"] == patches[i]["body"] &&
                     patches[j]["query"].get<std::string>().find("dryRun=All") != std::string::npos;
      EXPECT_TRUE(validated) << patches[i].dump();
    }
    for (const auto& r : api.requests()) EXPECT_FALSE(r.contains("violation")) << r.dump();
  }

  TempDir dir_;
};

TEST_F(KubernetesTarget, CanaryWeightFollowsReplicas) {
  FakeKubeApi api(dir_, {deployment("shop", {{"app", "shop"}, {"track", "stable"}}, 4, "1.0.0"),
                         deployment("shop-canary", {{"app", "shop"}, {"track", "canary"}}, 0, "1.0.0"),
                         service({{"app", "shop"}})});
  ASSERT_TRUE(api.running());
  auto target = make(api, {{"deployment", "shop"}, {"canary_deployment", "shop-canary"}, {"service", "shop"}});
  ASSERT_TRUE(target);
  ReleaseContext ctx = context("1.1.0", "canary");

  EXPECT_TRUE(target->check_version("1.1.0").ok());
  auto bad = target->check_version("1.1.0 beta");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.error().message.find("'1.1.0 beta' cannot be an image tag"), std::string::npos);

  ASSERT_TRUE(target->prepare(ctx).ok());
  json canary = api.object("Deployment", "shop-canary");
  EXPECT_EQ(image(canary), "ghcr.io/acme/shop:1.1.0");
  EXPECT_EQ(canary["spec"]["template"]["spec"]["containers"][0]["image"], "fluent/fluent-bit:3.0");  // untouched
  EXPECT_EQ(replicas(canary), 0);
  EXPECT_EQ(*target->observe(), (Split{"1.0.0", "", 0}));

  for (auto [weight, canary_pods, observed] : {std::tuple{25, 1, 25}, {50, 2, 50}, {10, 1, 25}}) {
    auto shifted = target->shift(ctx, {"1.0.0", "1.1.0", weight});
    ASSERT_TRUE(shifted.ok()) << shifted.error().message;
    EXPECT_EQ(replicas(api.object("Deployment", "shop-canary")), canary_pods) << weight;
    EXPECT_EQ(replicas(api.object("Deployment", "shop")), 4 - canary_pods) << weight;
    EXPECT_EQ(*target->observe(), (Split{"1.0.0", "1.1.0", observed})) << weight;
  }
  // Replaying a step lands where it did; preparing again changes nothing.
  ASSERT_TRUE(target->shift(ctx, {"1.0.0", "1.1.0", 10}).ok());
  EXPECT_EQ(replicas(api.object("Deployment", "shop-canary")), 1);
  size_t before = api.requests("PATCH").size();
  ASSERT_TRUE(target->prepare(ctx).ok());
  EXPECT_EQ(api.requests("PATCH").size(), before);

  ASSERT_TRUE(target->promote(ctx).ok());
  EXPECT_EQ(image(api.object("Deployment", "shop")), "ghcr.io/acme/shop:1.1.0");
  EXPECT_EQ(replicas(api.object("Deployment", "shop")), 4);
  EXPECT_EQ(replicas(api.object("Deployment", "shop-canary")), 0);
  EXPECT_EQ(*target->observe(), (Split{"1.1.0", "", 0}));

  std::set<std::string> types;
  for (const auto& r : api.applied()) types.insert(r["content_type"]);
  EXPECT_EQ(types, (std::set<std::string>{"application/merge-patch+json", "application/strategic-merge-patch+json"}));
  expect_validated_first(api);
}

TEST_F(KubernetesTarget, BlueGreenSwitchesTheServiceSelector) {
  json blue = {{"app", "shop"}, {"colour", "blue"}}, green = {{"app", "shop"}, {"colour", "green"}};
  FakeKubeApi api(
      dir_, {deployment("shop-blue", blue, 3, "1.0.0"), deployment("shop-green", green, 0, "0.9.0"), service(blue)});
  ASSERT_TRUE(api.running());
  auto target = make(api, {{"deployment", "shop-blue"}, {"canary_deployment", "shop-green"}, {"service", "shop"}});
  ASSERT_TRUE(target);
  ReleaseContext ctx = context("1.1.0", "blue-green");

  EXPECT_EQ(*target->observe(), (Split{"1.0.0", "", 0}));
  ASSERT_TRUE(target->prepare(ctx).ok());
  EXPECT_EQ(image(api.object("Deployment", "shop-green")), "ghcr.io/acme/shop:1.1.0");
  EXPECT_EQ(replicas(api.object("Deployment", "shop-green")), 3);
  EXPECT_EQ(api.object("Service", "shop")["spec"]["selector"], blue);
  EXPECT_EQ(*target->observe(), (Split{"1.0.0", "1.1.0", 0}));

  ASSERT_TRUE(target->shift(ctx, {"1.0.0", "1.1.0", 100}).ok());
  EXPECT_EQ(api.object("Service", "shop")["spec"]["selector"], green);
  EXPECT_EQ(api.object("Service", "shop")["spec"]["ports"][0]["port"], 80);
  EXPECT_EQ(*target->observe(), (Split{"1.1.0", "1.0.0", 0}));  // the old colour stays up for rollback

  ASSERT_TRUE(target->shift(ctx, {"1.0.0", "1.1.0", 0}).ok());  // roll back
  EXPECT_EQ(api.object("Service", "shop")["spec"]["selector"], blue);

  ASSERT_TRUE(target->promote(ctx).ok());
  EXPECT_EQ(api.object("Service", "shop")["spec"]["selector"], green);
  EXPECT_EQ(replicas(api.object("Deployment", "shop-blue")), 3);
  EXPECT_EQ(api.applied().back()["content_type"], "application/json-patch+json");
  expect_validated_first(api);

  auto missing = target->shift(ctx, {"1.0.0", "2.0.0", 100});
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().message, "no colour runs version 2.0.0: prepare the release first");
}

TEST_F(KubernetesTarget, ArgoRolloutSetsImagePromotesAndAborts) {
  FakeKubeApi api(dir_, {rollout("1.0.0")});
  ASSERT_TRUE(api.running());
  auto target = make(api, {{"rollout", "shop"}});
  ASSERT_TRUE(target);
  ReleaseContext ctx = context("1.1.0", "canary");
  if (!patches_status()) {
    ASSERT_TRUE(target->prepare(ctx).ok());
    auto refused = target->promote(ctx);
    ASSERT_FALSE(refused.ok());
    EXPECT_NE(refused.error().message.find("kubectl 1.24 or later is needed"), std::string::npos);
    GTEST_SKIP() << "this kubectl cannot patch status subresources";
  }
  EXPECT_EQ(*target->observe(), (Split{"1.0.0", "", 0}));

  ASSERT_TRUE(target->prepare(ctx).ok());
  json r = api.object("Rollout", "shop");
  EXPECT_EQ(image(r), "ghcr.io/acme/shop:1.1.0");
  EXPECT_EQ(r["metadata"]["annotations"]["copilot.dev/stable-version"], "1.0.0");
  EXPECT_EQ(*target->observe(), (Split{"1.0.0", "1.1.0", 20}));  // the Rollout's first step, then its pause

  ASSERT_TRUE(target->shift(ctx, {"1.0.0", "1.1.0", 20}).ok());  // there already
  ASSERT_TRUE(target->shift(ctx, {"1.0.0", "1.1.0", 50}).ok());
  EXPECT_EQ(*target->observe(), (Split{"1.0.0", "1.1.0", 50}));
  json resume = api.applied().back();
  EXPECT_EQ(resume["path"], "/apis/argoproj.io/v1alpha1/namespaces/prod/rollouts/shop/status");
  EXPECT_EQ(json::parse(resume["body"].get<std::string>()), json::parse(R"({"status":{"pauseConditions":null}})"));

  ASSERT_TRUE(target->promote(ctx).ok());
  EXPECT_EQ(json::parse(api.applied().back()["body"].get<std::string>()),
            json::parse(R"({"status":{"promoteFull":true}})"));
  EXPECT_EQ(*target->observe(), (Split{"1.1.0", "", 0}));

  ReleaseContext next = context("1.2.0", "canary");
  next.stable_version = "1.1.0";
  ASSERT_TRUE(target->prepare(next).ok());
  EXPECT_EQ(*target->observe(), (Split{"1.1.0", "1.2.0", 20}));
  ASSERT_TRUE(target->shift(next, {"1.1.0", "1.2.0", 0}).ok());
  EXPECT_EQ(api.object("Rollout", "shop")["status"]["abort"], true);
  EXPECT_EQ(*target->observe(), (Split{"1.1.0", "1.2.0", 0}));

  std::set<std::string> types;
  for (const auto& q : api.applied()) types.insert(q["content_type"]);
  EXPECT_EQ(types, (std::set<std::string>{"application/merge-patch+json", "application/json-patch+json"}));
  expect_validated_first(api);
}

TEST_F(KubernetesTarget, UnknownDeploymentIsAClearErrorAndChangesNothing) {
  FakeKubeApi api(dir_, {deployment("shop", {{"app", "shop"}}, 2, "1.0.0")});
  ASSERT_TRUE(api.running());
  auto target = make(api, {{"deployment", "shop"}, {"canary_deployment", "shop-canry"}});
  ASSERT_TRUE(target);
  auto prepared = target->prepare(context("1.1.0", "canary"));
  ASSERT_FALSE(prepared.ok());
  EXPECT_EQ(prepared.error().message,
            "reading deployment shop-canry: Error from server (NotFound): deployments.apps \"shop-canry\" not found");
  EXPECT_TRUE(api.applied().empty());
  EXPECT_FALSE(target->observe().ok());
}

TEST_F(KubernetesTarget, ARefusedChangeLeavesEverythingAsItWas) {
  json canary = deployment("shop-canary", {{"app", "shop"}}, 0, "1.1.0");
  canary["metadata"]["annotations"] = {{"fake-kube-api/deny", "change freeze until Monday"}};
  FakeKubeApi api(dir_, {deployment("shop", {{"app", "shop"}}, 4, "1.0.0"), canary});
  ASSERT_TRUE(api.running());
  auto target = make(api, {{"deployment", "shop"}, {"canary_deployment", "shop-canary"}});
  ASSERT_TRUE(target);
  auto shifted = target->shift(context("1.1.0", "canary"), {"1.0.0", "1.1.0", 50});
  ASSERT_FALSE(shifted.ok());
  EXPECT_NE(shifted.error().message.find("validating deployment shop-canary: Error from server (Forbidden)"),
            std::string::npos)
      << shifted.error().message;
  EXPECT_NE(shifted.error().message.find("change freeze until Monday"), std::string::npos);
  EXPECT_TRUE(api.applied().empty());
  EXPECT_EQ(replicas(api.object("Deployment", "shop")), 4);
}

TEST_F(KubernetesTarget, ApiDownIsAClearError) {
  FakeKubeApi api(dir_, {deployment("shop", {{"app", "shop"}}, 2, "1.0.0")});
  ASSERT_TRUE(api.running());
  auto target = make(api, {{"deployment", "shop"}, {"timeout", "10s"}});
  ASSERT_TRUE(target);
  api.stop();
  auto observed = target->observe();
  ASSERT_FALSE(observed.ok());
  EXPECT_NE(observed.error().message.find("reading deployment shop: The connection to the server 127.0.0.1:"),
            std::string::npos)
      << observed.error().message;
  EXPECT_FALSE(target->promote(context("1.1.0", "rolling")).ok());
  EXPECT_EQ(image(api.object("Deployment", "shop")), "ghcr.io/acme/shop:1.0.0");
}

TEST_F(KubernetesTarget, SettingsAreChecked) {
  auto error_of = [&](json settings) {
    settings["kind"] = "kubernetes";
    auto t = make_kubernetes_target({settings, "copilot.yaml:12", "release.environments.prod.target", dir_.path()});
    return t ? std::string("(no error)") : t.error().message;
  };
  json good = {{"deployment", "shop"}, {"container", "app"}, {"image", "ghcr.io/acme/shop:{{version}}"}};
  EXPECT_EQ(error_of(good), "(no error)");
  json typo = good;
  typo["replica"] = 3;
  EXPECT_NE(error_of(typo).find("replica"), std::string::npos);
  json fixed = good;
  fixed["image"] = "ghcr.io/acme/shop:latest";
  EXPECT_EQ(error_of(fixed),
            "copilot.yaml:12: key 'release.environments.prod.target.image': must contain {{version}}, e.g. "
            "\"ghcr.io/acme/app:{{version}}\"");
  json both = good;
  both["rollout"] = "shop";
  EXPECT_NE(error_of(both).find("an Argo Rollout replaces deployment"), std::string::npos);
  json half = good;
  half["replicas"] = 2.5;
  EXPECT_NE(error_of(half).find("'release.environments.prod.target.replicas': must be a whole number"),
            std::string::npos);
  json lonely = good;
  lonely["service"] = "shop";
  EXPECT_NE(error_of(lonely).find("needs two colours"), std::string::npos);
}

TEST_F(KubernetesTarget, CheckImageCommandCanRefuseAVersion) {
  json settings = {{"kind", "kubernetes"},
                   {"deployment", "shop"},
                   {"container", "app"},
                   {"image", "ghcr.io/acme/shop:{{version}}-slim"},
                   {"check_image",
                    "test \"$COPILOT_RELEASE_IMAGE\" = ghcr.io/acme/shop:1.1.0-slim || "
                    "{ echo \"manifest unknown: $COPILOT_RELEASE_IMAGE\" >&2; exit 1; }"}};
  auto target = make_kubernetes_target({settings, "copilot.yaml:12", "release.environments.prod.target", dir_.path()});
  ASSERT_TRUE(target.ok()) << target.error().message;
  EXPECT_TRUE((*target)->check_version("1.1.0").ok());
  auto refused = (*target)->check_version("1.2.0");
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().message,
            "image ghcr.io/acme/shop:1.2.0-slim for version 1.2.0 was refused by check_image: manifest unknown: "
            "ghcr.io/acme/shop:1.2.0-slim");
}

}  // namespace
}  // namespace copilot::release
