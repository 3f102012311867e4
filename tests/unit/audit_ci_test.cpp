#include <gtest/gtest.h>

#include "audit/ci.h"
#include "audit_fixture.h"

namespace copilot::audit {
namespace {

struct Result {
  CiSection section;
  std::vector<Diagnostic> diagnostics;
};

Result run(const std::vector<std::pair<std::string, std::string>>& files) {
  auto [section, diagnostics] = copilot::testing::detect_in_memory(detect_ci, files);
  return {std::move(section), std::move(diagnostics)};
}

std::vector<int> lines(const CiPipeline& p, CiCapability c) {
  std::vector<int> out;
  for (const auto& e : p.evidence[static_cast<size_t>(c)]) out.push_back(e.line);
  return out;
}

std::vector<std::string> caps(std::string_view command) {
  std::vector<std::string> out;
  for (auto c : classify_ci_command(command)) out.emplace_back(to_string(c));
  return out;
}

using V = std::vector<std::string>;
using L = std::vector<int>;

TEST(Ci, ClassifiesCommands) {
  EXPECT_EQ(caps("pytest -q tests/"), V{"test"});
  EXPECT_EQ(caps("python -m pytest"), V{"test"});
  EXPECT_EQ(caps("npm run test:unit -- --ci"), V{"test"});
  EXPECT_EQ(caps("go vet ./... && go test -race ./..."), (V{"test", "lint"}));
  EXPECT_EQ(caps("./mvnw -B verify"), (V{"test", "build"}));
  EXPECT_EQ(caps("cmake --build build && ctest --test-dir build"), (V{"test", "build"}));
  EXPECT_EQ(caps("make"), V{"build"});
  EXPECT_EQ(caps("make test"), V{"test"});
  EXPECT_EQ(caps("black --check ."), V{"lint"});
  EXPECT_EQ(caps("npx prettier --check src"), V{"lint"});
  EXPECT_EQ(caps("docker build -t app . && docker push app"), (V{"build", "deploy"}));
  EXPECT_EQ(caps("terraform apply -auto-approve"), V{"deploy"});
  EXPECT_EQ(caps("copilot release --tag v1"), V{"deploy"});
  EXPECT_EQ(caps("copilot review --fail-on high"), V{"security"});
  EXPECT_EQ(caps("npm audit --audit-level=high"), V{"security"});
  EXPECT_EQ(caps("trivy image app:latest"), V{"security"});
  EXPECT_EQ(caps("CI=true npm test"), V{"test"});
  // Not steps of their own.
  EXPECT_TRUE(caps("# pytest runs in the next step").empty());
  EXPECT_TRUE(caps("pip install pytest ruff bandit").empty());
  EXPECT_TRUE(caps("npm ci").empty());
  EXPECT_TRUE(caps("prettier --write .").empty());
  EXPECT_TRUE(caps("black .").empty());
  EXPECT_TRUE(caps("echo done # then jest").empty());
}

TEST(Ci, GithubActions) {
  const std::string wf =
      "name: ci\n"                                       // 1
      "on: [push, pull_request]\n"                       // 2
      "jobs:\n"                                          // 3
      "  lint:\n"                                        // 4
      "    runs-on: ubuntu-latest\n"                     // 5
      "    steps:\n"                                     // 6
      "      - uses: actions/checkout@v4\n"              // 7
      "      - run: pip install ruff pytest\n"           // 8
      "      - run: ruff check .\n"                      // 9
      "  test:\n"                                        // 10
      "    runs-on: ubuntu-latest\n"                     // 11
      "    steps:\n"                                     // 12
      "      - name: Unit tests\n"                       // 13
      "        run: |\n"                                 // 14
      "          # pytest runs below\n"                  // 15
      "          python -m pytest -q\n"                  // 16
      "          npm test\n"                             // 17
      "  build:\n"                                       // 18
      "    runs-on: ubuntu-latest\n"                     // 19
      "    steps:\n"                                     // 20
      "      - uses: docker/build-push-action@v5\n"      // 21
      "        with:\n"                                  // 22
      "          push: true\n"                           // 23
      "      - uses: github/codeql-action/analyze@v3\n"  // 24
      "  deploy:\n"                                      // 25
      "    needs: [build]\n"                             // 26
      "    environment: production\n"                    // 27
      "    runs-on: ubuntu-latest\n"                     // 28
      "    steps:\n"                                     // 29
      "      - run: kubectl apply -f k8s/\n"             // 30
      "      - run: copilot review --fail-on high\n";    // 31
  auto r = run({{".github/workflows/ci.yml", wf}});
  ASSERT_EQ(r.section.pipelines.size(), 1u);
  const auto& p = r.section.pipelines[0];
  EXPECT_EQ(p.system, "github_actions");
  EXPECT_EQ(p.file, ".github/workflows/ci.yml");
  EXPECT_EQ(p.jobs, (V{"lint", "test", "build", "deploy"}));
  EXPECT_EQ(lines(p, CiCapability::lint), L{9});
  EXPECT_EQ(lines(p, CiCapability::test), (L{16, 17}));
  EXPECT_EQ(lines(p, CiCapability::build), L{21});
  EXPECT_EQ(lines(p, CiCapability::deploy), (L{21, 25, 30}));
  EXPECT_EQ(lines(p, CiCapability::security), (L{24, 31}));
  EXPECT_EQ(p.evidence[0][0].text, "python -m pytest -q");
  EXPECT_TRUE(r.diagnostics.empty());
}

TEST(Ci, GitlabCi) {
  const std::string yml =
      "include:\n"                                       // 1
      "  - template: Security/SAST.gitlab-ci.yml\n"      // 2
      "stages: [build, test, deploy]\n"                  // 3
      "variables:\n"                                     // 4
      "  DOCKER_DRIVER: overlay2\n"                      // 5
      ".node:\n"                                         // 6
      "  image: node:20\n"                               // 7
      "  before_script:\n"                               // 8
      "    - npm ci\n"                                   // 9
      "build:\n"                                         // 10
      "  stage: build\n"                                 // 11
      "  script:\n"                                      // 12
      "    - npm run build\n"                            // 13
      "unit:\n"                                          // 14
      "  extends: .node\n"                               // 15
      "  script:\n"                                      // 16
      "    - npx eslint .\n"                             // 17
      "    - - npx jest --ci\n"                          // 18
      "production:\n"                                    // 19
      "  stage: deploy\n"                                // 20
      "  environment: production\n"                      // 21
      "  script: helm upgrade --install app ./chart\n";  // 22
  auto r = run({{".gitlab-ci.yml", yml}});
  ASSERT_EQ(r.section.pipelines.size(), 1u);
  const auto& p = r.section.pipelines[0];
  EXPECT_EQ(p.system, "gitlab_ci");
  EXPECT_EQ(p.jobs, (V{"build", "unit", "production"}));
  EXPECT_EQ(lines(p, CiCapability::build), L{13});
  EXPECT_EQ(lines(p, CiCapability::lint), L{17});
  EXPECT_EQ(lines(p, CiCapability::test), L{18});
  EXPECT_EQ(lines(p, CiCapability::deploy), (L{19, 22}));
  EXPECT_EQ(lines(p, CiCapability::security), L{2});
}

TEST(Ci, Jenkinsfile) {
  const std::string jf =
      "pipeline {\n"                                                              // 1
      "  agent any\n"                                                             // 2
      "  stages {\n"                                                              // 3
      "    stage('Build') {\n"                                                    // 4
      "      steps { sh 'go build ./...' }\n"                                     // 5
      "    }\n"                                                                   // 6
      "    stage(\"Test\") {\n"                                                   // 7
      "      steps {\n"                                                           // 8
      "        // sh 'go test ./...' used to run here\n"                          // 9
      "        sh '''\n"                                                          // 10
      "          go vet ./...\n"                                                  // 11
      "          go test ./...\n"                                                 // 12
      "        '''\n"                                                             // 13
      "      }\n"                                                                 // 14
      "    }\n"                                                                   // 15
      "    stage('Deploy') {\n"                                                   // 16
      "      steps { sh \"docker push ${IMAGE}\" }\n"                             // 17
      "    }\n"                                                                   // 18
      "    stage('Scan') {\n"                                                     // 19
      "      steps { sh(label: 'trivy', script: 'trivy fs --exit-code 1 .') }\n"  // 20
      "    }\n"                                                                   // 21
      "  }\n"                                                                     // 22
      "}\n";                                                                      // 23
  auto r = run({{"Jenkinsfile", jf}});
  ASSERT_EQ(r.section.pipelines.size(), 1u);
  const auto& p = r.section.pipelines[0];
  EXPECT_EQ(p.system, "jenkins");
  EXPECT_EQ(p.jobs, (V{"Build", "Test", "Deploy", "Scan"}));
  EXPECT_EQ(lines(p, CiCapability::build), L{5});
  EXPECT_EQ(lines(p, CiCapability::lint), L{11});
  EXPECT_EQ(lines(p, CiCapability::test), L{12});
  EXPECT_EQ(lines(p, CiCapability::deploy), L{17});
  EXPECT_EQ(lines(p, CiCapability::security), L{20});
}

TEST(Ci, CircleAzureBitbucketTravis) {
  auto r = run({
      {".circleci/config.yml",
       "version: 2.1\n"                           // 1
       "orbs:\n"                                  // 2
       "  node: circleci/node@5\n"                // 3
       "jobs:\n"                                  // 4
       "  check:\n"                               // 5
       "    docker: [{image: cimg/node:20.0}]\n"  // 6
       "    steps:\n"                             // 7
       "      - checkout\n"                       // 8
       "      - run: npm run lint\n"              // 9
       "      - run:\n"                           // 10
       "          name: audit\n"                  // 11
       "          command: npm audit\n"           // 12
       "workflows:\n"                             // 13
       "  main:\n"                                // 14
       "    jobs:\n"                              // 15
       "      - check\n"                          // 16
       "      - node/test\n"},                    // 17
      {"azure-pipelines.yml",
       "stages:\n"                                       // 1
       "  - stage: ci\n"                                 // 2
       "    jobs:\n"                                     // 3
       "      - job: build\n"                            // 4
       "        steps:\n"                                // 5
       "          - script: dotnet test\n"               // 6
       "          - task: Docker@2\n"                    // 7
       "            inputs:\n"                           // 8
       "              command: build\n"                  // 9
       "  - stage: cd\n"                                 // 10
       "    jobs:\n"                                     // 11
       "      - deployment: web\n"                       // 12
       "        environment: prod\n"                     // 13
       "        strategy:\n"                             // 14
       "          runOnce:\n"                            // 15
       "            deploy:\n"                           // 16
       "              steps:\n"                          // 17
       "                - bash: ./scripts/smoke.sh\n"},  // 18
      {"bitbucket-pipelines.yml",
       "pipelines:\n"                                            // 1
       "  default:\n"                                            // 2
       "    - step:\n"                                           // 3
       "        name: Test\n"                                    // 4
       "        script:\n"                                       // 5
       "          - cargo test\n"                                // 6
       "  branches:\n"                                           // 7
       "    main:\n"                                             // 8
       "      - step:\n"                                         // 9
       "          name: Ship\n"                                  // 10
       "          deployment: production\n"                      // 11
       "          script:\n"                                     // 12
       "            - pipe: atlassian/aws-ecs-deploy:1.6.0\n"},  // 13
      {".travis.yml",
       "language: ruby\n"           // 1
       "script:\n"                  // 2
       "  - bundle exec rspec\n"    // 3
       "  - bundle exec rubocop\n"  // 4
       "deploy:\n"                  // 5
       "  provider: heroku\n"},     // 6
  });
  ASSERT_EQ(r.section.pipelines.size(), 4u);
  const auto& circle = r.section.pipelines[0];
  EXPECT_EQ(circle.system, "circleci");
  EXPECT_EQ(circle.jobs, (V{"check", "node/test"}));
  EXPECT_EQ(lines(circle, CiCapability::lint), L{9});
  EXPECT_EQ(lines(circle, CiCapability::security), L{12});
  EXPECT_EQ(lines(circle, CiCapability::test), L{17});
  const auto& travis = r.section.pipelines[1];
  EXPECT_EQ(travis.system, "travis");
  EXPECT_EQ(lines(travis, CiCapability::test), L{3});
  EXPECT_EQ(lines(travis, CiCapability::lint), L{4});
  EXPECT_EQ(lines(travis, CiCapability::deploy), L{5});
  const auto& azure = r.section.pipelines[2];
  EXPECT_EQ(azure.system, "azure_pipelines");
  EXPECT_EQ(azure.jobs, (V{"build", "web"}));
  EXPECT_EQ(lines(azure, CiCapability::test), L{6});
  EXPECT_EQ(lines(azure, CiCapability::build), L{7});
  EXPECT_EQ(lines(azure, CiCapability::deploy), L{12});
  const auto& bb = r.section.pipelines[3];
  EXPECT_EQ(bb.system, "bitbucket_pipelines");
  EXPECT_EQ(bb.jobs, (V{"Test", "Ship"}));
  EXPECT_EQ(lines(bb, CiCapability::test), L{6});
  EXPECT_EQ(lines(bb, CiCapability::deploy), (L{11, 13}));
}

TEST(Ci, BrokenYamlKeepsThePipelineAndWarns) {
  auto r = run({{".github/workflows/release.yaml", "jobs:\n  build:\n    steps:\n      - run: make\n     - bad\n"},
                {".github/workflows/nested/not-a-workflow.yml", "jobs: {}\n"},
                {"docs/ci.md", "We run pytest in CI.\n"}});
  ASSERT_EQ(r.section.pipelines.size(), 1u);
  const auto& p = r.section.pipelines[0];
  EXPECT_EQ(p.file, ".github/workflows/release.yaml");
  EXPECT_TRUE(p.jobs.empty());
  for (auto c : kCiCapabilities) EXPECT_FALSE(p.runs(c));
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(r.diagnostics[0].file, ".github/workflows/release.yaml");
  EXPECT_EQ(r.diagnostics[0].line, 5);
}

TEST(Ci, ReusableWorkflowsByName) {
  auto r = run({{".github/workflows/main.yml",
                 "jobs:\n"
                 "  ship:\n"
                 "    uses: acme/workflows/.github/workflows/reusable-release.yml@v2\n"
                 "  checks:\n"
                 "    uses: ./.github/workflows/lint.yml\n"}});
  ASSERT_EQ(r.section.pipelines.size(), 1u);
  const auto& p = r.section.pipelines[0];
  EXPECT_EQ(p.jobs, (V{"ship", "checks"}));
  EXPECT_EQ(lines(p, CiCapability::deploy), L{3});
  EXPECT_EQ(lines(p, CiCapability::lint), L{5});
}

TEST(Ci, AliasBombIsBounded) {
  // Each level repeats the previous one ten times: 10^8 scripts if walked naively.
  std::string yml = ".l0: &l0 [\"pytest\"]\n";
  for (int i = 1; i <= 8; ++i) {
    yml += ".l" + std::to_string(i) + ": &l" + std::to_string(i) + " [";
    for (int k = 0; k < 10; ++k) yml += std::string(k ? ", " : "") + "*l" + std::to_string(i - 1);
    yml += "]\n";
  }
  yml += "job:\n  script: *l8\n";
  auto r = run({{".gitlab-ci.yml", yml}});
  ASSERT_EQ(r.section.pipelines.size(), 1u);
  EXPECT_EQ(r.section.pipelines[0].jobs, V{"job"});
}

TEST(Ci, JsonShape) {
  auto r = run({{".github/workflows/t.yml", "jobs:\n  t:\n    steps:\n      - run: go test ./...\n"}});
  nlohmann::json j = r.section;
  EXPECT_EQ(j, nlohmann::json::parse(R"json({"pipelines": [{
    "system": "github_actions", "file": ".github/workflows/t.yml", "jobs": ["t"],
    "runs": {"test": true, "lint": false, "build": false, "deploy": false, "security": false},
    "evidence": {"test": [{"file": ".github/workflows/t.yml", "line": 4, "text": "- run: go test ./..."}],
                 "lint": [], "build": [], "deploy": [], "security": []}}]})json"));
}

}  // namespace
}  // namespace copilot::audit
