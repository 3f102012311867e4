#include <gtest/gtest.h>

#include "audit/services.h"
#include "audit_fixture.h"

namespace copilot::audit {
namespace {

struct Result {
  ServicesSection section;
  std::vector<Diagnostic> diagnostics;
};

Result run(const std::vector<std::pair<std::string, std::string>>& files) {
  auto [section, diagnostics] = copilot::testing::detect_in_memory(detect_services, files);
  return {std::move(section), std::move(diagnostics)};
}

std::vector<std::string> ports_of(const ServicesSection& s) {
  std::vector<std::string> out;
  for (const auto& p : s.listen_ports)
    out.push_back(std::to_string(p.port) + " " + p.source + " " + p.evidence.file + ":" +
                  std::to_string(p.evidence.line));
  return out;
}

std::vector<std::string> health_of(const ServicesSection& s) {
  std::vector<std::string> out;
  for (const auto& h : s.health_endpoints)
    out.push_back(h.path + " " + h.evidence.file + ":" + std::to_string(h.evidence.line));
  return out;
}

TEST(Services, MultiStageDockerfile) {
  const std::string dockerfile =
      "# syntax=docker/dockerfile:1\n"                                                      // 1
      "ARG NODE_VERSION=20\n"                                                               // 2
      "FROM --platform=$BUILDPLATFORM node:${NODE_VERSION}-alpine AS build\n"               // 3
      "WORKDIR /app\n"                                                                      // 4
      "RUN npm ci \\\n"                                                                     // 5
      "  # a comment inside the continuation\n"                                             // 6
      "  && npm run build\n"                                                                // 7
      "FROM build AS runtime\n"                                                             // 8
      "EXPOSE 3000 9229/udp\n"                                                              // 9
      "USER node:node\n"                                                                    // 10
      "HEALTHCHECK --interval=30s CMD wget -qO- http://localhost:3000/healthz || exit 1\n"  // 11
      "CMD [\"node\", \"server.js\", \"--port\", \"3000\"]\n";                              // 12
  auto r = run({{"Dockerfile", dockerfile}});
  ASSERT_EQ(r.section.dockerfiles.size(), 1u);
  const auto& d = r.section.dockerfiles[0];
  EXPECT_EQ(d.file, "Dockerfile");
  ASSERT_EQ(d.stages.size(), 2u);
  EXPECT_EQ(d.stages[0].name, "build");
  EXPECT_EQ(d.stages[0].base_image, "node:${NODE_VERSION}-alpine");
  EXPECT_EQ(d.stages[0].line, 3);
  EXPECT_EQ(d.stages[1].name, "runtime");
  EXPECT_EQ(d.stages[1].base_image, "build");
  EXPECT_EQ(d.stages[1].line, 8);
  ASSERT_EQ(d.exposed_ports.size(), 2u);
  EXPECT_EQ(d.exposed_ports[0].port, "3000");
  EXPECT_EQ(d.exposed_ports[0].protocol, "tcp");
  EXPECT_EQ(d.exposed_ports[1].port, "9229");
  EXPECT_EQ(d.exposed_ports[1].protocol, "udp");
  EXPECT_EQ(d.user, "node:node");
  EXPECT_TRUE(d.non_root);
  EXPECT_TRUE(d.healthcheck);
  EXPECT_FALSE(d.healthcheck_disabled);
  EXPECT_EQ(d.cmd, "[\"node\", \"server.js\", \"--port\", \"3000\"]");
  EXPECT_FALSE(d.entrypoint.has_value());
  EXPECT_EQ(ports_of(r.section), std::vector<std::string>{"3000 command Dockerfile:12"});
  EXPECT_TRUE(r.diagnostics.empty());
}

TEST(Services, RootImageWithHealthcheckDisabled) {
  auto r = run({{"deploy/api.Dockerfile",
                 "FROM python:3.12-slim\n"
                 "USER 0\n"
                 "HEALTHCHECK NONE\n"
                 "ENTRYPOINT [\"gunicorn\", \"-b\", \"0.0.0.0:8000\", \"app:app\"]\n"},
                {"Containerfile", "FROM alpine:3.20\nRUN echo hi\n"}});
  ASSERT_EQ(r.section.dockerfiles.size(), 2u);
  const auto& plain = r.section.dockerfiles[0];
  EXPECT_EQ(plain.file, "Containerfile");
  EXPECT_FALSE(plain.user.has_value());
  EXPECT_FALSE(plain.non_root);
  EXPECT_FALSE(plain.healthcheck);
  const auto& api = r.section.dockerfiles[1];
  EXPECT_EQ(api.user, "0");
  EXPECT_FALSE(api.non_root);
  EXPECT_FALSE(api.healthcheck);
  EXPECT_TRUE(api.healthcheck_disabled);
  EXPECT_FALSE(api.cmd.has_value());
  EXPECT_EQ(ports_of(r.section), std::vector<std::string>{"8000 command deploy/api.Dockerfile:4"});
}

TEST(Services, FinalStageInheritsUserAndIgnoresHeredocs) {
  auto df = parse_dockerfile("Dockerfile",
                             "FROM debian:12 AS base\n"
                             "USER app\n"
                             "FROM golang:1.22 AS build\n"
                             "RUN <<EOF\n"
                             "FROM not-a-stage\n"
                             "USER root\n"
                             "EOF\n"
                             "FROM base\n"
                             "COPY --from=build /out /app\n");
  ASSERT_EQ(df.stages.size(), 3u);
  EXPECT_EQ(df.stages[2].name, "");
  EXPECT_EQ(df.stages[2].line, 8);
  EXPECT_EQ(df.user, "app");
  EXPECT_TRUE(df.non_root);

  // `<<` without a closing line is not a heredoc and hides nothing.
  auto shell = parse_dockerfile("Dockerfile", "FROM alpine\nRUN cat <<EOF >/dev/null || true\nUSER nobody\n");
  EXPECT_EQ(shell.user, "nobody");
}

TEST(Services, DockerfileWithoutFromIsADiagnostic) {
  auto r = run({{"Dockerfile", "# nothing here\nRUN true\n"}});
  ASSERT_EQ(r.section.dockerfiles.size(), 1u);
  EXPECT_TRUE(r.section.dockerfiles[0].stages.empty());
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(r.diagnostics[0].file, "Dockerfile");
}

TEST(Services, ComposeServices) {
  const std::string compose =
      "services:\n"                                    // 1
      "  web:\n"                                       // 2
      "    build: .\n"                                 // 3
      "    ports:\n"                                   // 4
      "      - \"8080:80\"\n"                          // 5
      "      - target: 443\n"                          // 6
      "        published: 8443\n"                      // 7
      "        protocol: tcp\n"                        // 8
      "    depends_on: [db, cache]\n"                  // 9
      "    environment:\n"                             // 10
      "      - SECRET_KEY=Vq8#kd03LmZp\n"              // 11
      "      - DEBUG\n"                                // 12
      "  db:\n"                                        // 13
      "    image: postgres:16\n"                       // 14
      "    environment:\n"                             // 15
      "      POSTGRES_PASSWORD: Tx5!pl09QrWn\n"        // 16
      "      POSTGRES_DB: app\n"                       // 17
      "    volumes:\n"                                 // 18
      "      - pgdata:/var/lib/postgresql/data\n"      // 19
      "      - type: bind\n"                           // 20
      "        source: ./init\n"                       // 21
      "        target: /docker-entrypoint-initdb.d\n"  // 22
      "    healthcheck:\n"                             // 23
      "      test: [\"CMD\", \"pg_isready\"]\n"        // 24
      "  cache:\n"                                     // 25
      "    image: redis:7\n"                           // 26
      "    build:\n"                                   // 27
      "      context: ./cache\n"                       // 28
      "    depends_on:\n"                              // 29
      "      db:\n"                                    // 30
      "        condition: service_healthy\n"           // 31
      "    healthcheck:\n"                             // 32
      "      disable: true\n"                          // 33
      "volumes:\n"
      "  pgdata:\n";
  auto r = run({{"docker-compose.yml", compose}});
  ASSERT_EQ(r.section.compose.size(), 1u);
  const auto& cf = r.section.compose[0];
  EXPECT_EQ(cf.file, "docker-compose.yml");
  ASSERT_EQ(cf.services.size(), 3u);
  const auto& cache = cf.services[0];
  EXPECT_EQ(cache.name, "cache");
  EXPECT_EQ(cache.image, "redis:7");
  EXPECT_EQ(cache.build, "./cache");
  EXPECT_EQ(cache.depends_on, std::vector<std::string>{"db"});
  EXPECT_FALSE(cache.healthcheck);
  EXPECT_EQ(cache.line, 25);
  const auto& db = cf.services[1];
  EXPECT_EQ(db.name, "db");
  EXPECT_FALSE(db.build.has_value());
  EXPECT_EQ(db.environment, (std::vector<std::string>{"POSTGRES_DB", "POSTGRES_PASSWORD"}));
  EXPECT_EQ(db.volumes,
            (std::vector<std::string>{"pgdata:/var/lib/postgresql/data", "./init:/docker-entrypoint-initdb.d"}));
  EXPECT_TRUE(db.healthcheck);
  const auto& web = cf.services[2];
  EXPECT_EQ(web.name, "web");
  EXPECT_FALSE(web.image.has_value());
  EXPECT_EQ(web.build, ".");
  EXPECT_EQ(web.ports, (std::vector<std::string>{"8080:80", "8443:443"}));
  EXPECT_EQ(web.depends_on, (std::vector<std::string>{"cache", "db"}));
  EXPECT_EQ(web.environment, (std::vector<std::string>{"DEBUG", "SECRET_KEY"}));
  EXPECT_EQ(web.line, 2);

  // Only variable names reach the report, never their values.
  const std::string json = nlohmann::json(r.section).dump();
  EXPECT_EQ(json.find("Vq8#kd03LmZp"), std::string::npos);
  EXPECT_EQ(json.find("Tx5!pl09QrWn"), std::string::npos);
}

TEST(Services, LegacyComposeListsServicesAtTheTop) {
  auto cf = parse_compose("docker-compose.yml",
                          "web:\n  image: nginx\n  links: [db]\ndb:\n  image: mysql:5\nx-notes:\n  a: 1\n", nullptr);
  ASSERT_TRUE(cf.has_value());
  ASSERT_EQ(cf->services.size(), 2u);
  EXPECT_EQ(cf->services[0].name, "db");
  EXPECT_EQ(cf->services[1].name, "web");
  EXPECT_FALSE(parse_compose("compose.yaml", "services: [\n", nullptr).has_value());
}

TEST(Services, BrokenYamlIsADiagnosticNotACrash) {
  auto r = run({{"compose.yaml", "services:\n  web:\n    image: nginx\n    ports: [\"80:80\"\n"},
                {"k8s/deploy.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: x\n   bad: indent\n"},
                {"chart/Chart.yaml", "name: [unterminated\n"},
                {"Dockerfile", "FROM nginx:1.27\n"}});
  EXPECT_TRUE(r.section.compose.empty());
  EXPECT_TRUE(r.section.kubernetes.empty());
  EXPECT_TRUE(r.section.helm_charts.empty());
  EXPECT_EQ(r.section.dockerfiles.size(), 1u);
  ASSERT_EQ(r.diagnostics.size(), 3u);
  std::vector<std::string> files;
  for (const auto& d : r.diagnostics) {
    files.push_back(d.file);
    EXPECT_GT(d.line, 0) << d.file;
    EXPECT_NE(d.message.find("invalid YAML"), std::string::npos) << d.message;
  }
  std::sort(files.begin(), files.end());
  EXPECT_EQ(files, (std::vector<std::string>{"chart/Chart.yaml", "compose.yaml", "k8s/deploy.yaml"}));
}

TEST(Services, KubernetesManifests) {
  const std::string manifests =
      "apiVersion: apps/v1\n"                               // 1
      "kind: Deployment\n"                                  // 2
      "metadata:\n"                                         // 3
      "  name: api\n"                                       // 4
      "  namespace: shop\n"                                 // 5
      "spec:\n"                                             // 6
      "  template:\n"                                       // 7
      "    spec:\n"                                         // 8
      "      initContainers:\n"                             // 9
      "        - name: migrate\n"                           // 10
      "          image: shop/migrate:1\n"                   // 11
      "      containers:\n"                                 // 12
      "        - name: api\n"                               // 13
      "          image: shop/api:1.4\n"                     // 14
      "          livenessProbe:\n"                          // 15
      "            httpGet: {path: /livez, port: 8080}\n"   // 16
      "          readinessProbe:\n"                         // 17
      "            httpGet: {path: /readyz, port: 8080}\n"  // 18
      "          resources:\n"                              // 19
      "            limits: {cpu: 500m, memory: 256Mi}\n"    // 20
      "        - name: sidecar\n"                           // 21
      "          image: envoy:1.30\n"                       // 22
      "---\n"                                               // 23
      "apiVersion: v1\n"                                    // 24
      "kind: Service\n"                                     // 25
      "metadata:\n"                                         // 26
      "  name: api\n"                                       // 27
      "---\n"                                               // 28
      "apiVersion: batch/v1\n"                              // 29
      "kind: CronJob\n"                                     // 30
      "metadata: {name: nightly}\n"                         // 31
      "spec:\n"                                             // 32
      "  jobTemplate:\n"                                    // 33
      "    spec:\n"                                         // 34
      "      template:\n"                                   // 35
      "        spec:\n"                                     // 36
      "          containers:\n"                             // 37
      "            - name: job\n"                           // 38
      "              image: shop/jobs:2\n";                 // 39
  auto r = run({{"k8s/api.yaml", manifests},
                {"charts/shop/templates/deploy.yaml",
                 "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ .Release.Name }}\n"},
                {"openapi.yaml", "openapi: 3.0.0\ninfo: {title: x}\n"}});
  ASSERT_EQ(r.section.kubernetes.size(), 3u);
  const auto& dep = r.section.kubernetes[0];
  EXPECT_EQ(dep.kind, "Deployment");
  EXPECT_EQ(dep.name, "api");
  EXPECT_EQ(dep.namespace_, "shop");
  EXPECT_EQ(dep.line, 1);
  ASSERT_EQ(dep.containers.size(), 2u);
  EXPECT_EQ(dep.containers[0].name, "api");
  EXPECT_EQ(dep.containers[0].image, "shop/api:1.4");
  EXPECT_TRUE(dep.containers[0].liveness_probe);
  EXPECT_TRUE(dep.containers[0].readiness_probe);
  EXPECT_TRUE(dep.containers[0].resource_limits);
  EXPECT_FALSE(dep.containers[1].liveness_probe);
  EXPECT_FALSE(dep.containers[1].resource_limits);
  const auto& svc = r.section.kubernetes[1];
  EXPECT_EQ(svc.kind, "Service");
  EXPECT_EQ(svc.line, 24);
  EXPECT_FALSE(svc.namespace_.has_value());
  EXPECT_TRUE(svc.containers.empty());
  const auto& cron = r.section.kubernetes[2];
  EXPECT_EQ(cron.kind, "CronJob");
  EXPECT_EQ(cron.name, "nightly");
  ASSERT_EQ(cron.containers.size(), 1u);
  EXPECT_EQ(cron.containers[0].image, "shop/jobs:2");
  EXPECT_TRUE(r.diagnostics.empty());  // the Helm template is not parsed as YAML
}

TEST(Services, HelmChartAndProcfile) {
  auto r = run({{"charts/shop/Chart.yaml", "apiVersion: v2\nname: shop\nversion: 0.3.1\nappVersion: \"1.4.0\"\n"},
                {"Procfile",
                 "# processes\n"
                 "web: gunicorn shop.wsgi --bind 0.0.0.0:$PORT --workers 3\n"
                 "worker: celery -A shop worker\n"
                 "\n"
                 "api: uvicorn shop.api:app --port 8001\n"}});
  ASSERT_EQ(r.section.helm_charts.size(), 1u);
  EXPECT_EQ(r.section.helm_charts[0].name, "shop");
  EXPECT_EQ(r.section.helm_charts[0].version, "0.3.1");
  EXPECT_EQ(r.section.helm_charts[0].app_version, "1.4.0");
  ASSERT_EQ(r.section.procfile.size(), 3u);
  EXPECT_EQ(r.section.procfile[0].process, "web");
  EXPECT_EQ(r.section.procfile[0].command, "gunicorn shop.wsgi --bind 0.0.0.0:$PORT --workers 3");
  EXPECT_EQ(r.section.procfile[0].line, 2);
  EXPECT_EQ(r.section.procfile[1].process, "worker");
  EXPECT_EQ(r.section.procfile[2].process, "api");
  EXPECT_EQ(r.section.procfile[2].line, 5);
  EXPECT_EQ(ports_of(r.section), std::vector<std::string>{"8001 command Procfile:5"});
}

TEST(Services, ListenPortsInCode) {
  auto r = run({
      {"server.js",
       "const express = require('express');\n"
       "const app = express();\n"
       "const port = process.env.PORT || 8080;\n"
       "app.listen(port, () => console.log('up'));\n"},
      {"admin/index.ts", "const adminPort = 3001;\nadmin.listen(adminPort);\n"},
      {"main.py",
       "import uvicorn\n"
       "if __name__ == '__main__':\n"
       "    uvicorn.run(\n"
       "        app,\n"
       "        host='0.0.0.0',\n"
       "        port=8000,\n"
       "    )\n"},
      {"legacy/app.py", "app.run(debug=True, port=5000)\ncache = redis.Redis(host='cache', port=6379)\n"},
      {"cmd/api/main.go", "func main() {\n\tlog.Fatal(http.ListenAndServe(\":8081\", mux))\n}\n"},
      {"settings.py",
       "DATABASES = {'default': {'PORT': '5432', 'HOST': 'db'}}\nPORT = int(os.environ.get('PORT', 9000))\n"},
      {"src/main/resources/application.properties", "spring.application.name=shop\nserver.port=9090\n"},
      {"src/main/resources/application.yml",
       "spring:\n  profiles: dev\nserver:\n  port: 9091\nmanagement:\n  port: 9999\n"},
      {"tests/test_server.js", "app.listen(4000);\n"},
      {"docs/example.py", "# app.run(port=7000)\n\"\"\"\n>>> uvicorn.run(app, port=7001)\n\"\"\"\n"},
      {"src/notes.go", "// http.ListenAndServe(\":7002\", nil)\nx := 1 // e.g. srv.Listen(\":7003\")\n"},
  });
  EXPECT_EQ(ports_of(r.section), (std::vector<std::string>{
                                     "3001 code admin/index.ts:1",
                                     "5000 code legacy/app.py:1",
                                     "8000 code main.py:6",
                                     "8080 env_default server.js:3",
                                     "8081 code cmd/api/main.go:2",
                                     "9000 env_default settings.py:2",
                                     "9090 config src/main/resources/application.properties:2",
                                     "9091 config src/main/resources/application.yml:4",
                                 }));
  ASSERT_FALSE(r.section.listen_ports.empty());
  EXPECT_EQ(r.section.listen_ports[0].evidence.text, "const adminPort = 3001;");
}

TEST(Services, HealthEndpoints) {
  auto r = run({
      {"src/app.ts",
       "import health from './routes/health';\n"
       "app.get('/healthz', (req, res) => res.send('ok'));\n"
       "app.get('/orders/:id/status', handler);\n"
       "const r = await fetch('/health');\n"},
      {"app.py", "@app.route(\"/api/status\")\ndef status():\n    return 'ok'\n"},
      {"main.go", "mux.HandleFunc(\"/readyz\", ready)\n"},
      {"shop/urls.py", "urlpatterns = [\n    path('livez/', views.livez),\n    path('orders/', views.orders),\n]\n"},
      {"pom.xml", "<dependency>\n  <artifactId>spring-boot-starter-actuator</artifactId>\n</dependency>\n"},
      {"tests/test_health.py", "client.get('/health')\n"},
      {"src/route.h", "std::string path;  ///< the route, e.g. app.get(\"/healthz\")\n"},
      {"probe.go", "req, _ := http.NewRequest(\"GET\", base+\"/healthz\", nil)\n"},
  });
  EXPECT_EQ(health_of(r.section), (std::vector<std::string>{
                                      "/api/status app.py:1",
                                      "/readyz main.go:1",
                                      "/actuator/health pom.xml:2",
                                      "livez/ shop/urls.py:2",
                                      "/healthz src/app.ts:2",
                                  }));
}

TEST(Services, JsonShape) {
  auto r = run({{"Dockerfile", "FROM nginx\nEXPOSE 80\n"}});
  nlohmann::json j = r.section;
  std::vector<std::string> keys;
  for (auto it = j.begin(); it != j.end(); ++it) keys.push_back(it.key());
  EXPECT_EQ(keys, (std::vector<std::string>{"compose", "dockerfiles", "health_endpoints", "helm_charts", "kubernetes",
                                            "listen_ports", "procfile"}));
  const auto& d = j["dockerfiles"][0];
  EXPECT_TRUE(d["user"].is_null());
  EXPECT_TRUE(d["cmd"].is_null());
  EXPECT_TRUE(d["stages"][0]["name"].is_null());
  EXPECT_EQ(d["exposed_ports"][0], (nlohmann::json{{"port", "80"}, {"protocol", "tcp"}, {"line", 2}}));
}

}  // namespace
}  // namespace copilot::audit
