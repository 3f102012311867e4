#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "audit/runtimes.h"
#include "audit_fixture.h"

namespace copilot::audit {
namespace {

using copilot::testing::detect_in_memory;

std::vector<std::string> summary(const std::vector<Runtime>& runtimes) {
  std::vector<std::string> out;
  for (const auto& r : runtimes)
    out.push_back(r.language + " " + r.version + " " + r.source + " " + r.evidence.file + ":" +
                  std::to_string(r.evidence.line));
  return out;
}

TEST(AuditRuntimes, NormalisesVersionsPerLanguage) {
  EXPECT_EQ(normalise_runtime_version("python", ">=3.11,<4"), "3.11");
  EXPECT_EQ(normalise_runtime_version("python", "3.12.8-slim-bookworm"), "3.12");
  EXPECT_EQ(normalise_runtime_version("node", "v20.11.0"), "20");
  EXPECT_EQ(normalise_runtime_version("node", ">=18"), "18");
  EXPECT_EQ(normalise_runtime_version("go", "1.22.3"), "1.22");
  EXPECT_EQ(normalise_runtime_version("java", "1.8"), "8");
  EXPECT_EQ(normalise_runtime_version("java", "21-jre"), "21");
  EXPECT_EQ(normalise_runtime_version("node", "lts/iron"), "");
}

TEST(AuditRuntimes, ReadsVersionFilesManifestsAndImages) {
  auto [runtimes, diags] = detect_in_memory(
      detect_runtimes,
      {
          {".python-version", "# pinned\n3.12.3\n"},
          {"pyproject.toml", "[project]\nname = \"x\"\nrequires-python = \">=3.11\"\n"},
          {"Dockerfile", "FROM python:3.12.8-slim AS build\nFROM gcr.io/distroless/python3\n"},
          {"web/.nvmrc", "v20.11.0\n"},
          {"web/package.json", "{\n  \"name\": \"web\",\n  \"engines\": {\n    \"node\": \">=20\"\n  }\n}\n"},
          {"svc/go.mod", "module example.com/svc\n\ngo 1.22\n\ntoolchain go1.22.5\n"},
          {"api/pom.xml",
           "<project>\n  <properties>\n    <java.version>21</java.version>\n  </properties>\n</project>\n"},
          {"api/Dockerfile", "FROM maven:3.9-eclipse-temurin-21 AS build\nFROM eclipse-temurin:21-jre\n"},
          {"tool/build.gradle.kts", "java {\n  toolchain { languageVersion.set(JavaLanguageVersion.of(17)) }\n}\n"},
      });
  EXPECT_TRUE(diags.empty());
  EXPECT_EQ(summary(runtimes), (std::vector<std::string>{
                                   "go 1.22 manifest svc/go.mod:3",
                                   "go 1.22 manifest svc/go.mod:5",
                                   "java 21 container api/Dockerfile:1",
                                   "java 21 container api/Dockerfile:2",
                                   "java 21 manifest api/pom.xml:3",
                                   "java 17 manifest tool/build.gradle.kts:2",
                                   "node 20 version_file web/.nvmrc:1",
                                   "node 20 manifest web/package.json:4",
                                   "python 3.12 version_file .python-version:2",
                                   "python 3.12 container Dockerfile:1",
                                   "python 3.11 manifest pyproject.toml:3",
                               }));
}

TEST(AuditRuntimes, IgnoresUnversionedAndVariableReferences) {
  auto [runtimes, diags] =
      detect_in_memory(detect_runtimes, {
                                            {".nvmrc", "lts/iron\n"},
                                            {"Dockerfile", "ARG PY=3.12\nFROM python:${PY}-slim\nFROM node\n"},
                                            {"package.json", "{\"engines\": {\"npm\": \">=10\"}}"},
                                        });
  EXPECT_TRUE(runtimes.empty()) << summary(runtimes).front();
}

}  // namespace
}  // namespace copilot::audit
