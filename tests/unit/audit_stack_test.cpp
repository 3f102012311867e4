#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "audit/stack.h"
#include "audit_fixture.h"

namespace copilot::audit {
namespace {

using Files = std::vector<std::pair<std::string, std::string>>;

// An in-memory repository plus what a detector needs around it.
using Repo = copilot::testing::AuditRepo;

const Manifest* find_manifest(const StackSection& s, const std::string& path) {
  for (const auto& m : s.manifests)
    if (m.path == path) return &m;
  return nullptr;
}

// Never null: a missing dependency fails the test and yields an empty one.
const Dependency* find_dep(const Manifest& m, const std::string& name, const std::string& scope = "") {
  for (const auto& d : m.dependencies)
    if (d.name == name && (scope.empty() || d.scope == scope)) return &d;
  ADD_FAILURE() << m.path << " has no dependency " << name;
  static const Dependency kMissing;
  return &kMissing;
}

bool has_dep(const Manifest& m, const std::string& name) {
  for (const auto& d : m.dependencies)
    if (d.name == name) return true;
  return false;
}

const Framework* find_framework(const StackSection& s, const std::string& name) {
  for (const auto& f : s.frameworks)
    if (f.name == name) return &f;
  return nullptr;
}

std::vector<std::string> framework_names(const StackSection& s) {
  std::vector<std::string> out;
  for (const auto& f : s.frameworks) out.push_back(f.name);
  return out;
}

// ---------------------------------------------------------------------------
// TOML

TEST(Toml, TablesArraysInlineTablesAndLines) {
  const char* text = R"(# comment
title = "demo"
[project]
name = 'pkg'
dependencies = [
  "fastapi>=0.110",  # web
  "uvicorn[standard]",
]
[tool.poetry.dependencies]
requests = { version = "^2.31", optional = true }
"quoted.key" = 1_000
[[package]]
name = "a"
version = "1.0"
[[package]]
name = "b"
version = "2.0"
[package.extra]
flag = true
[x]
multi = """
line one
line two"""
literal = '''C:\path'''
date = 1979-05-27T07:32:00Z
float = 3.5
nested.inner.value = -7
)";
  TomlDocument doc;
  TomlError err;
  ASSERT_TRUE(parse_toml(text, doc, err)) << err.message << " at " << err.line;
  const auto& r = doc.root;
  EXPECT_EQ(r["title"], "demo");
  EXPECT_EQ(r["project"]["dependencies"][1], "uvicorn[standard]");
  EXPECT_EQ(doc.line_of("/project/dependencies/0"), 6);
  EXPECT_EQ(doc.line_of("/project/dependencies/1"), 7);
  EXPECT_EQ(r["tool"]["poetry"]["dependencies"]["requests"]["version"], "^2.31");
  EXPECT_EQ(r["tool"]["poetry"]["dependencies"]["requests"]["optional"], true);
  EXPECT_EQ(doc.line_of("/tool/poetry/dependencies/requests"), 10);
  EXPECT_EQ(r["tool"]["poetry"]["dependencies"]["quoted.key"], 1000);
  ASSERT_EQ(r["package"].size(), 2u);
  EXPECT_EQ(r["package"][1]["name"], "b");
  EXPECT_EQ(r["package"][1]["extra"]["flag"], true);
  EXPECT_EQ(r["x"]["multi"], "line one\nline two");
  EXPECT_EQ(r["x"]["literal"], "C:\\path");
  EXPECT_EQ(r["x"]["date"], "1979-05-27T07:32:00Z");
  EXPECT_DOUBLE_EQ(r["x"]["float"].get<double>(), 3.5);
  EXPECT_EQ(r["x"]["nested"]["inner"]["value"], -7);
}

TEST(Toml, InlineTableDottedKeysAndEscapes) {
  TomlDocument doc;
  TomlError err;
  ASSERT_TRUE(parse_toml("lib = { module = \"g:a\", version.ref = \"v\" }\ns = \"tab\\there \\u00e9\"\n", doc, err));
  EXPECT_EQ(doc.root["lib"]["version"]["ref"], "v");
  EXPECT_EQ(doc.root["s"], "tab\there \xc3\xa9");
}

TEST(Toml, ErrorsCarryTheLine) {
  TomlDocument doc;
  TomlError err;
  EXPECT_FALSE(parse_toml("a = 1\n[t]\nname = \"unterminated\n", doc, err));
  EXPECT_EQ(err.line, 3);
  EXPECT_FALSE(parse_toml("a = 1\na = 2\n", doc, err));
  EXPECT_EQ(err.line, 2);
  EXPECT_NE(err.message.find("duplicate"), std::string::npos);
  EXPECT_FALSE(parse_toml("x = [1, 2\n", doc, err));
  EXPECT_FALSE(parse_toml("x = nope\n", doc, err));
  EXPECT_FALSE(parse_toml("[a\n", doc, err));
}

TEST(PypiName, Normalised) {
  EXPECT_EQ(normalize_pypi_name("Django_REST.framework"), "django-rest-framework");
  EXPECT_EQ(normalize_pypi_name("zope.interface"), "zope-interface");
}

// ---------------------------------------------------------------------------
// npm

TEST(Stack, PackageJsonWithPackageLock) {
  Repo repo({{"package.json", R"({
  "name": "shop",
  "dependencies": {
    "express": "^4.18.2",
    "@nestjs/core": "10.0.0"
  },
  "devDependencies": {
    "jest": "^29.7.0"
  },
  "peerDependencies": { "react": ">=18" }
})"},
             {"package-lock.json", R"({
  "lockfileVersion": 3,
  "packages": {
    "": {"name": "shop"},
    "node_modules/express": {"version": "4.18.2"},
    "node_modules/@nestjs/core": {"version": "10.0.0"},
    "node_modules/jest": {"version": "29.7.0", "dev": true}
  }
})"}});
  StackSection s = detect_stack(repo.input());
  ASSERT_EQ(s.manifests.size(), 1u);
  const Manifest& m = s.manifests[0];
  EXPECT_EQ(m.path, "package.json");
  EXPECT_EQ(m.ecosystem, "npm");
  EXPECT_EQ(m.package_manager, "npm");
  EXPECT_EQ(m.lock_file, "package-lock.json");
  ASSERT_EQ(m.dependencies.size(), 4u);
  const Dependency* express = find_dep(m, "express");
  ASSERT_TRUE(express);
  EXPECT_EQ(express->version_spec, "^4.18.2");
  EXPECT_EQ(express->locked_version, "4.18.2");
  EXPECT_EQ(express->scope, "runtime");
  EXPECT_FALSE(express->dev);
  EXPECT_EQ(express->line, 4);
  const Dependency* jest = find_dep(m, "jest");
  ASSERT_TRUE(jest);
  EXPECT_TRUE(jest->dev);
  EXPECT_EQ(jest->scope, "dev");
  EXPECT_EQ(jest->locked_version, "29.7.0");
  EXPECT_EQ(jest->line, 8);
  const Dependency* react = find_dep(m, "react");
  ASSERT_TRUE(react);
  EXPECT_EQ(react->scope, "peer");
  EXPECT_EQ(react->locked_version, "");
  EXPECT_EQ(framework_names(s), (std::vector<std::string>{"Express", "NestJS", "React"}));
  const Framework* fw = find_framework(s, "Express");
  ASSERT_EQ(fw->evidence.size(), 1u);
  EXPECT_EQ(fw->evidence[0].file, "package.json");
  EXPECT_EQ(fw->evidence[0].line, 4);
  EXPECT_EQ(fw->evidence[0].text, "\"express\": \"^4.18.2\",");
  EXPECT_EQ(fw->category, "backend");
  EXPECT_EQ(fw->files, 0);
  EXPECT_TRUE(repo.diagnostics().empty());
}

TEST(Stack, YarnLockV1AndBerry) {
  Repo repo({{"package.json", R"({"dependencies": {"react": "^18.2.0", "@babel/core": "^7.0.0"}})"},
             {"yarn.lock", R"(# yarn lockfile v1

"@babel/core@^7.0.0", "@babel/core@^7.12.3":
  version "7.23.2"
  resolved "https://registry.yarnpkg.com/..."

react@^18.2.0:
  version "18.2.0"
)"},
             {"web/package.json", R"({"dependencies": {"vue": "^3.3.0"}})"},
             {"web/yarn.lock", R"(__metadata:
  version: 6

"vue@npm:^3.3.0":
  version: 3.3.8
  resolution: "vue@npm:3.3.8"
)"}});
  StackSection s = detect_stack(repo.input());
  ASSERT_EQ(s.manifests.size(), 2u);
  const Manifest* root = find_manifest(s, "package.json");
  ASSERT_TRUE(root);
  EXPECT_EQ(root->package_manager, "yarn");
  EXPECT_EQ(root->lock_file, "yarn.lock");
  EXPECT_EQ(find_dep(*root, "react")->locked_version, "18.2.0");
  EXPECT_EQ(find_dep(*root, "@babel/core")->locked_version, "7.23.2");
  const Manifest* web = find_manifest(s, "web/package.json");
  ASSERT_TRUE(web);
  EXPECT_EQ(web->lock_file, "web/yarn.lock");
  EXPECT_EQ(find_dep(*web, "vue")->locked_version, "3.3.8");
}

TEST(Stack, PnpmLockWithImporters) {
  Repo repo({{"package.json", R"({"packageManager": "pnpm@9.1.0", "devDependencies": {"vitest": "^1.0.0"}})"},
             {"apps/web/package.json", R"({"dependencies": {"next": "14.1.0"}})"},
             {"pnpm-lock.yaml", R"(lockfileVersion: '9.0'
importers:
  .:
    devDependencies:
      vitest:
        specifier: ^1.0.0
        version: 1.2.0(@types/node@20.0.0)
  apps/web:
    dependencies:
      next:
        specifier: 14.1.0
        version: 14.1.0(react@18.2.0)
)"}});
  StackSection s = detect_stack(repo.input());
  const Manifest* root = find_manifest(s, "package.json");
  const Manifest* web = find_manifest(s, "apps/web/package.json");
  ASSERT_TRUE(root && web);
  EXPECT_EQ(root->package_manager, "pnpm");
  EXPECT_EQ(web->package_manager, "pnpm");
  EXPECT_EQ(web->lock_file, "pnpm-lock.yaml");
  EXPECT_EQ(find_dep(*root, "vitest")->locked_version, "1.2.0");
  EXPECT_EQ(find_dep(*web, "next")->locked_version, "14.1.0");
  EXPECT_TRUE(find_framework(s, "Next.js"));
}

TEST(Stack, VendoredAndFixtureManifestsAreIgnored) {
  Repo repo({{"node_modules/left-pad/package.json", R"({"dependencies": {"express": "1"}})"},
             {"tests/fixtures/broken/package.json", "{ not json"},
             {"src/testdata/go.mod", "module x\nrequire github.com/gin-gonic/gin v1.9.1\n"}});
  StackSection s = detect_stack(repo.input());
  EXPECT_TRUE(s.manifests.empty());
  EXPECT_TRUE(s.frameworks.empty());
  EXPECT_TRUE(repo.diagnostics().empty());
}

// ---------------------------------------------------------------------------
// Python

TEST(Stack, RequirementsFiles) {
  Repo repo({{"requirements.txt", R"(# runtime
-r base.txt
--index-url https://pypi.example/simple
Django==4.2.7  # pinned
psycopg[binary]>=3.1,<4 ; python_version >= "3.10"
celery \
    >=5.3
git+https://github.com/org/repo.git#egg=thing
./local/package
)"},
             {"requirements-dev.txt", "pytest==7.4.3\nruff\n"},
             {"docs/requirements.txt", "sphinx>=7\n"}});
  StackSection s = detect_stack(repo.input());
  const Manifest* m = find_manifest(s, "requirements.txt");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->ecosystem, "pypi");
  EXPECT_EQ(m->package_manager, "pip");
  EXPECT_EQ(m->lock_file, "");
  ASSERT_EQ(m->dependencies.size(), 3u);
  EXPECT_EQ(m->dependencies[0].name, "celery");
  EXPECT_EQ(m->dependencies[0].version_spec, ">=5.3");
  EXPECT_EQ(m->dependencies[0].line, 6);
  EXPECT_EQ(m->dependencies[1].name, "django");
  EXPECT_EQ(m->dependencies[1].version_spec, "==4.2.7");
  EXPECT_EQ(m->dependencies[1].line, 4);
  EXPECT_FALSE(m->dependencies[1].dev);
  EXPECT_EQ(m->dependencies[2].name, "psycopg");
  EXPECT_EQ(m->dependencies[2].version_spec, ">=3.1,<4");
  const Manifest* dev = find_manifest(s, "requirements-dev.txt");
  ASSERT_TRUE(dev);
  ASSERT_EQ(dev->dependencies.size(), 2u);
  EXPECT_TRUE(dev->dependencies[0].dev);
  EXPECT_EQ(dev->dependencies[0].scope, "dev");
  EXPECT_EQ(dev->dependencies[1].name, "ruff");
  EXPECT_EQ(dev->dependencies[1].version_spec, "");
  ASSERT_TRUE(find_manifest(s, "docs/requirements.txt"));
  const Framework* django = find_framework(s, "Django");
  ASSERT_TRUE(django);
  EXPECT_EQ(django->evidence[0].line, 4);
  EXPECT_EQ(django->evidence[0].text, "Django==4.2.7  # pinned");
}

TEST(Stack, PyprojectPep621AndPoetryWithLock) {
  Repo repo({{"pyproject.toml", R"([project]
name = "orders"
dependencies = [
  "fastapi>=0.110",
  "SQLAlchemy[asyncio]~=2.0",
]

[project.optional-dependencies]
test = ["pytest>=8"]
postgres = ["asyncpg"]

[dependency-groups]
lint = ["ruff==0.4.0"]

[tool.poetry.dependencies]
python = "^3.11"
httpx = { version = "^0.27", optional = true }

[tool.poetry.group.docs.dependencies]
mkdocs = "*"
)"},
             {"poetry.lock", R"([[package]]
name = "FastAPI"
version = "0.110.2"

[[package]]
name = "sqlalchemy"
version = "2.0.29"

[[package]]
name = "httpx"
version = "0.27.0"
)"}});
  StackSection s = detect_stack(repo.input());
  ASSERT_EQ(s.manifests.size(), 1u);
  const Manifest& m = s.manifests[0];
  EXPECT_EQ(m.package_manager, "poetry");
  EXPECT_EQ(m.lock_file, "poetry.lock");
  const Dependency* fastapi = find_dep(m, "fastapi");
  ASSERT_TRUE(fastapi);
  EXPECT_EQ(fastapi->version_spec, ">=0.110");
  EXPECT_EQ(fastapi->locked_version, "0.110.2");
  EXPECT_EQ(fastapi->line, 4);
  EXPECT_EQ(find_dep(m, "sqlalchemy")->locked_version, "2.0.29");
  EXPECT_EQ(find_dep(m, "sqlalchemy")->version_spec, "~=2.0");
  const Dependency* pytest = find_dep(m, "pytest");
  ASSERT_TRUE(pytest);
  EXPECT_TRUE(pytest->dev);
  EXPECT_EQ(pytest->scope, "optional");
  const Dependency* asyncpg = find_dep(m, "asyncpg");
  ASSERT_TRUE(asyncpg);
  EXPECT_FALSE(asyncpg->dev);
  EXPECT_EQ(asyncpg->scope, "optional");
  const Dependency* ruff = find_dep(m, "ruff");
  ASSERT_TRUE(ruff);
  EXPECT_TRUE(ruff->dev);
  EXPECT_EQ(ruff->scope, "lint");
  EXPECT_FALSE(has_dep(m, "python"));
  const Dependency* httpx = find_dep(m, "httpx");
  ASSERT_TRUE(httpx);
  EXPECT_EQ(httpx->scope, "optional");
  EXPECT_EQ(httpx->line, 17);
  EXPECT_EQ(httpx->locked_version, "0.27.0");
  const Dependency* mkdocs = find_dep(m, "mkdocs");
  ASSERT_TRUE(mkdocs);
  EXPECT_TRUE(mkdocs->dev);
  EXPECT_EQ(mkdocs->scope, "docs");
  EXPECT_EQ(mkdocs->version_spec, "");
  EXPECT_EQ(framework_names(s), std::vector<std::string>{"FastAPI"});
}

TEST(Stack, PipfileSetupPyAndSetupCfg) {
  Repo repo({{"Pipfile", "[packages]\nflask = \"==3.0.0\"\nrequests = \"*\"\n\n[dev-packages]\npytest = \"*\"\n"},
             {"Pipfile.lock", R"({"default": {"flask": {"version": "==3.0.0"}, "requests": {"version": "==2.31.0"}},
                                 "develop": {"pytest": {"version": "==8.0.0"}}})"},
             {"lib/setup.py", R"(from setuptools import setup
REQUIRES = [
    "click>=8",  # cli
    'attrs',
]
setup(
    name="lib",
    install_requires=REQUIRES,
    tests_require=["pytest-mock"],
)
)"},
             {"pkg/setup.cfg", R"([metadata]
name = pkg

[options]
install_requires =
    starlette>=0.37
    anyio

[options.extras_require]
dev =
    black
)"}});
  StackSection s = detect_stack(repo.input());
  const Manifest* pipfile = find_manifest(s, "Pipfile");
  ASSERT_TRUE(pipfile);
  EXPECT_EQ(pipfile->package_manager, "pipenv");
  EXPECT_EQ(pipfile->lock_file, "Pipfile.lock");
  EXPECT_EQ(find_dep(*pipfile, "requests")->locked_version, "2.31.0");
  EXPECT_EQ(find_dep(*pipfile, "requests")->version_spec, "");
  EXPECT_TRUE(find_dep(*pipfile, "pytest")->dev);
  EXPECT_EQ(find_dep(*pipfile, "flask")->line, 2);

  const Manifest* setup = find_manifest(s, "lib/setup.py");
  ASSERT_TRUE(setup);
  ASSERT_EQ(setup->dependencies.size(), 3u);
  EXPECT_EQ(find_dep(*setup, "click")->line, 3);
  EXPECT_EQ(find_dep(*setup, "attrs")->line, 4);
  EXPECT_EQ(find_dep(*setup, "pytest-mock")->scope, "test");

  const Manifest* cfg = find_manifest(s, "pkg/setup.cfg");
  ASSERT_TRUE(cfg);
  ASSERT_EQ(cfg->dependencies.size(), 3u);
  EXPECT_EQ(find_dep(*cfg, "starlette")->line, 6);
  EXPECT_TRUE(find_dep(*cfg, "black")->dev);
  EXPECT_EQ(framework_names(s), (std::vector<std::string>{"Flask", "Starlette"}));
}

TEST(Stack, PythonImportsAreEvidenceButCommentsAndDocstringsAreNot) {
  Repo repo({{"app/main.py", R"(# We considered django for this, but chose FastAPI.
"""Example:

    from django.conf import settings
"""
import os, flask
from fastapi import FastAPI
from .django import helpers
import djangorestframework_stub
)"}});
  StackSection s = detect_stack(repo.input());
  EXPECT_EQ(framework_names(s), (std::vector<std::string>{"FastAPI", "Flask"}));
  const Framework* fastapi = find_framework(s, "FastAPI");
  ASSERT_EQ(fastapi->evidence.size(), 1u);
  EXPECT_EQ(fastapi->evidence[0].file, "app/main.py");
  EXPECT_EQ(fastapi->evidence[0].line, 7);
  EXPECT_EQ(fastapi->files, 1);
}

// ---------------------------------------------------------------------------
// Go, Rust, JVM, Ruby, PHP, C++

TEST(Stack, GoModWithSumAndImports) {
  Repo repo(
      {{"go.mod", R"(module example.com/api

go 1.22

require github.com/gin-gonic/gin v1.9.1

require (
	github.com/jackc/pgx/v5 v5.5.0
	golang.org/x/text v0.14.0 // indirect
)
)"},
       {"go.sum",
        "github.com/gin-gonic/gin v1.9.1 h1:abc=\ngithub.com/gin-gonic/gin v1.9.1/go.mod h1:def=\n"
        "github.com/jackc/pgx/v5 v5.5.0 h1:x=\n"},
       {"cmd/api/main.go", "package main\n\nimport (\n\t\"net/http\"\n\techo \"github.com/labstack/echo/v4\"\n)\n"}});
  StackSection s = detect_stack(repo.input());
  ASSERT_EQ(s.manifests.size(), 1u);
  const Manifest& m = s.manifests[0];
  EXPECT_EQ(m.ecosystem, "go");
  EXPECT_EQ(m.lock_file, "go.sum");
  ASSERT_EQ(m.dependencies.size(), 3u);
  const Dependency* gin = find_dep(m, "github.com/gin-gonic/gin");
  EXPECT_EQ(gin->version_spec, "v1.9.1");
  EXPECT_EQ(gin->locked_version, "v1.9.1");
  EXPECT_EQ(gin->line, 5);
  const Dependency* text = find_dep(m, "golang.org/x/text");
  EXPECT_EQ(text->scope, "indirect");
  EXPECT_EQ(text->locked_version, "");
  EXPECT_EQ(framework_names(s), (std::vector<std::string>{"Echo", "Gin"}));
  EXPECT_EQ(find_framework(s, "Echo")->evidence[0].line, 5);
}

TEST(Stack, CargoWithLockAndRenames) {
  Repo repo({{"Cargo.toml", R"([package]
name = "svc"
license = "MIT OR Apache-2.0"

[dependencies]
axum = "0.7"
serde = { version = "1.0", features = ["derive"] }
tokio_crate = { package = "tokio", version = "1", optional = true }
local = { path = "../local" }

[dev-dependencies]
proptest = "1.4"

[target.'cfg(unix)'.dependencies]
nix = "0.27"
)"},
             {"Cargo.lock", R"(version = 3

[[package]]
name = "axum"
version = "0.7.4"

[[package]]
name = "tokio"
version = "0.2.25"

[[package]]
name = "tokio"
version = "1.36.0"
)"}});
  StackSection s = detect_stack(repo.input());
  ASSERT_EQ(s.manifests.size(), 1u);
  const Manifest& m = s.manifests[0];
  EXPECT_EQ(m.ecosystem, "cargo");
  EXPECT_EQ(m.lock_file, "Cargo.lock");
  EXPECT_EQ(find_dep(m, "axum")->locked_version, "0.7.4");
  EXPECT_EQ(find_dep(m, "axum")->line, 6);
  const Dependency* tokio = find_dep(m, "tokio");
  ASSERT_TRUE(tokio);
  EXPECT_EQ(tokio->scope, "optional");
  EXPECT_EQ(tokio->locked_version, "1.36.0");
  EXPECT_EQ(find_dep(m, "local")->version_spec, "path:../local");
  EXPECT_TRUE(find_dep(m, "proptest")->dev);
  EXPECT_EQ(find_dep(m, "nix")->line, 15);
  EXPECT_EQ(framework_names(s), std::vector<std::string>{"Axum"});
}

TEST(Stack, MavenPom) {
  Repo repo({{"pom.xml", R"(<?xml version="1.0"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <parent>
    <groupId>org.springframework.boot</groupId>
    <artifactId>spring-boot-starter-parent</artifactId>
    <version>3.2.1</version>
  </parent>
  <properties>
    <pg.version>42.7.1</pg.version>
  </properties>
  <!-- <dependency><artifactId>commented</artifactId></dependency> -->
  <dependencyManagement>
    <dependencies>
      <dependency>
        <groupId>com.example</groupId>
        <artifactId>managed-only</artifactId>
        <version>1</version>
      </dependency>
    </dependencies>
  </dependencyManagement>
  <dependencies>
    <dependency>
      <groupId>org.springframework.boot</groupId>
      <artifactId>spring-boot-starter-web</artifactId>
    </dependency>
    <dependency>
      <groupId>org.postgresql</groupId>
      <artifactId>postgresql</artifactId>
      <version>${pg.version}</version>
      <scope>runtime</scope>
    </dependency>
    <dependency>
      <groupId>org.junit.jupiter</groupId>
      <artifactId>junit-jupiter</artifactId>
      <version>5.10.1</version>
      <scope>test</scope>
    </dependency>
  </dependencies>
  <build><plugins><plugin><artifactId>maven-surefire-plugin</artifactId>
    <dependencies><dependency><groupId>x</groupId><artifactId>plugin-dep</artifactId></dependency></dependencies>
  </plugin></plugins></build>
</project>
)"}});
  StackSection s = detect_stack(repo.input());
  ASSERT_EQ(s.manifests.size(), 1u);
  const Manifest& m = s.manifests[0];
  EXPECT_EQ(m.ecosystem, "maven");
  EXPECT_EQ(m.package_manager, "maven");
  ASSERT_EQ(m.dependencies.size(), 3u);
  const Dependency* pg = find_dep(m, "org.postgresql:postgresql");
  ASSERT_TRUE(pg);
  EXPECT_EQ(pg->version_spec, "42.7.1");
  EXPECT_EQ(pg->scope, "runtime");
  EXPECT_EQ(pg->line, 26);
  const Dependency* junit = find_dep(m, "org.junit.jupiter:junit-jupiter");
  EXPECT_TRUE(junit->dev);
  EXPECT_EQ(find_dep(m, "org.springframework.boot:spring-boot-starter-web")->scope, "compile");
  EXPECT_EQ(framework_names(s), std::vector<std::string>{"Spring Boot"});
}

TEST(Stack, GradleGroovyKotlinAndVersionCatalog) {
  Repo repo({{"build.gradle", R"(plugins {
  id 'org.springframework.boot' version '3.2.0'
}
dependencies {
  implementation 'org.springframework.boot:spring-boot-starter-web'
  implementation platform("org.springframework.boot:spring-boot-dependencies:3.2.0")
  runtimeOnly group: 'com.h2database', name: 'h2', version: '2.2.224'
  testImplementation 'org.junit.jupiter:junit-jupiter:5.10.1'
  classpath 'com.example:build-tool:1.0'
}
)"},
             {"app/build.gradle.kts", R"(dependencies {
    implementation(libs.quarkus.core)
    implementation(libs.bundles.db)
    testImplementation("io.rest-assured:rest-assured:5.4.0")
}
)"},
             {"gradle/libs.versions.toml", R"([versions]
quarkus = "3.6.4"

[libraries]
quarkus-core = { module = "io.quarkus:quarkus-core", version.ref = "quarkus" }
pg = "org.postgresql:postgresql:42.7.1"
flyway = { group = "org.flywaydb", name = "flyway-core", version = "10.4.1" }

[bundles]
db = ["pg", "flyway"]
)"}});
  StackSection s = detect_stack(repo.input());
  const Manifest* root = find_manifest(s, "build.gradle");
  ASSERT_TRUE(root);
  EXPECT_EQ(root->ecosystem, "maven");
  EXPECT_EQ(root->package_manager, "gradle");
  ASSERT_EQ(root->dependencies.size(), 4u);
  EXPECT_EQ(find_dep(*root, "com.h2database:h2")->version_spec, "2.2.224");
  EXPECT_EQ(find_dep(*root, "com.h2database:h2")->scope, "runtimeOnly");
  EXPECT_EQ(find_dep(*root, "org.springframework.boot:spring-boot-dependencies")->version_spec, "3.2.0");
  EXPECT_TRUE(find_dep(*root, "org.junit.jupiter:junit-jupiter")->dev);
  EXPECT_EQ(find_dep(*root, "org.junit.jupiter:junit-jupiter")->line, 8);
  const Manifest* app = find_manifest(s, "app/build.gradle.kts");
  ASSERT_TRUE(app);
  ASSERT_EQ(app->dependencies.size(), 4u);
  EXPECT_EQ(find_dep(*app, "io.quarkus:quarkus-core")->version_spec, "3.6.4");
  EXPECT_EQ(find_dep(*app, "org.postgresql:postgresql")->line, 3);
  EXPECT_EQ(find_dep(*app, "org.flywaydb:flyway-core")->version_spec, "10.4.1");
  EXPECT_TRUE(find_dep(*app, "io.rest-assured:rest-assured")->dev);
  EXPECT_EQ(framework_names(s), (std::vector<std::string>{"Quarkus", "Spring Boot"}));
}

TEST(Stack, GemfileGroupsAndLock) {
  Repo repo({{"Gemfile", R"(source "https://rubygems.org"

gem "rails", "~> 7.1.2"
gem 'pg', '>= 1.1', '< 2.0'

group :development, :test do
  gem "rspec-rails"
  if ENV["CI"]
    gem "simplecov"
  end
end

gem "puma", group: :production
gem "debug", platforms: %i[ mri windows ], groups: [:development]
)"},
             {"Gemfile.lock", R"(GEM
  remote: https://rubygems.org/
  specs:
    actionpack (7.1.2)
      rack (>= 2.2.4)
    pg (1.5.4)
    rails (7.1.2)
      actionpack (= 7.1.2)
    rspec-rails (6.1.0)

PLATFORMS
  ruby
)"},
             {"app.rb", "require 'sinatra/base'\n"}});
  StackSection s = detect_stack(repo.input());
  ASSERT_EQ(s.manifests.size(), 1u);
  const Manifest& m = s.manifests[0];
  EXPECT_EQ(m.ecosystem, "rubygems");
  EXPECT_EQ(m.package_manager, "bundler");
  EXPECT_EQ(m.lock_file, "Gemfile.lock");
  ASSERT_EQ(m.dependencies.size(), 6u);
  EXPECT_EQ(find_dep(m, "rails")->locked_version, "7.1.2");
  EXPECT_EQ(find_dep(m, "rails")->version_spec, "~> 7.1.2");
  EXPECT_EQ(find_dep(m, "pg")->version_spec, ">= 1.1, < 2.0");
  EXPECT_EQ(find_dep(m, "pg")->locked_version, "1.5.4");
  EXPECT_TRUE(find_dep(m, "rspec-rails")->dev);
  EXPECT_EQ(find_dep(m, "rspec-rails")->scope, "development,test");
  EXPECT_TRUE(find_dep(m, "simplecov")->dev);
  EXPECT_FALSE(find_dep(m, "puma")->dev);
  EXPECT_EQ(find_dep(m, "puma")->scope, "production");
  EXPECT_TRUE(find_dep(m, "debug")->dev);
  EXPECT_EQ(framework_names(s), (std::vector<std::string>{"Rails", "Sinatra"}));
}

TEST(Stack, ComposerWithLock) {
  Repo repo({{"composer.json", R"({
  "require": {"php": "^8.2", "ext-json": "*", "laravel/framework": "^11.0"},
  "require-dev": {"phpunit/phpunit": "^11.0"}
})"},
             {"composer.lock",
              R"({"packages": [{"name": "laravel/framework", "version": "v11.0.3"}],
                  "packages-dev": [{"name": "phpunit/phpunit", "version": "11.0.1"}]})"}});
  StackSection s = detect_stack(repo.input());
  ASSERT_EQ(s.manifests.size(), 1u);
  const Manifest& m = s.manifests[0];
  ASSERT_EQ(m.dependencies.size(), 2u);
  EXPECT_EQ(find_dep(m, "laravel/framework")->locked_version, "v11.0.3");
  EXPECT_TRUE(find_dep(m, "phpunit/phpunit")->dev);
  EXPECT_EQ(framework_names(s), std::vector<std::string>{"Laravel"});
}

TEST(Stack, CMakeConanAndVcpkg) {
  Repo repo({{"CMakeLists.txt", R"(cmake_minimum_required(VERSION 3.20)
project(demo)
find_package(Threads REQUIRED)
find_package(fmt 10.1 CONFIG REQUIRED)
# find_package(Commented)
include(FetchContent)
FetchContent_Declare(
  googletest
  GIT_REPOSITORY https://github.com/google/googletest.git
  GIT_TAG v1.14.0
)
pkg_check_modules(RE2 REQUIRED IMPORTED_TARGET re2>=9)
)"},
             {"src/CMakeLists.txt", "add_library(core a.cpp)\n"},
             {"cmake/Dependencies.cmake", "find_package(nlohmann_json 3.11 CONFIG REQUIRED)\n"},
             {"cmake/FindFoo.cmake", "find_package(PkgConfig)\nfind_package(Bar)\n"},
             {"cmake/Warnings.cmake", "add_compile_options(-Wall)\n"},
             {"conanfile.txt", "[requires]\nzlib/1.3\nboost/1.83.0@user/stable\n\n[tool_requires]\ncmake/3.27.0\n"},
             {"vcpkg.json", R"({"name": "demo", "dependencies": ["curl", {"name": "openssl", "version>=": "3.0.0"},
               {"name": "protobuf", "host": true}], "overrides": [{"name": "curl", "version": "8.4.0"}]})"}});
  StackSection s = detect_stack(repo.input());
  ASSERT_EQ(s.manifests.size(), 4u);  // src/CMakeLists.txt, Warnings.cmake declare nothing; FindFoo is a find module
  ASSERT_TRUE(find_manifest(s, "cmake/Dependencies.cmake"));
  EXPECT_EQ(find_dep(*find_manifest(s, "cmake/Dependencies.cmake"), "nlohmann_json")->version_spec, "3.11");
  const Manifest* cmake = find_manifest(s, "CMakeLists.txt");
  ASSERT_TRUE(cmake);
  EXPECT_EQ(cmake->ecosystem, "cmake");
  ASSERT_EQ(cmake->dependencies.size(), 3u);
  EXPECT_EQ(find_dep(*cmake, "fmt")->version_spec, "10.1");
  EXPECT_EQ(find_dep(*cmake, "fmt")->line, 4);
  EXPECT_EQ(find_dep(*cmake, "googletest")->version_spec, "v1.14.0");
  EXPECT_TRUE(find_dep(*cmake, "googletest")->dev);
  EXPECT_EQ(find_dep(*cmake, "re2")->version_spec, ">=9");
  const Manifest* conan = find_manifest(s, "conanfile.txt");
  ASSERT_TRUE(conan);
  EXPECT_EQ(find_dep(*conan, "boost")->version_spec, "1.83.0");
  EXPECT_EQ(find_dep(*conan, "cmake")->scope, "build");
  const Manifest* vcpkg = find_manifest(s, "vcpkg.json");
  ASSERT_TRUE(vcpkg);
  EXPECT_EQ(find_dep(*vcpkg, "curl")->locked_version, "8.4.0");
  EXPECT_EQ(find_dep(*vcpkg, "openssl")->version_spec, ">=3.0.0");
  EXPECT_EQ(find_dep(*vcpkg, "protobuf")->scope, "build");
}

// ---------------------------------------------------------------------------
// Frameworks from code and config files

TEST(Stack, JavaScriptImportsAndConfigFiles) {
  Repo repo({{"src/server.ts", R"(// import express from 'express'  (old)
/* const koa = require('koa') */
import { Injectable } from '@nestjs/common';
const fastify = require("fastify")({ logger: true });
)"},
             {"web/App.vue", "<template><div/></template>\n"},
             {"site/next.config.js", "module.exports = {}\n"},
             {"ui/main.tsx", "import React from 'react';\nimport { createRoot } from 'react-dom/client';\n"},
             {"ui/other.ts", "import reactive from 'reactivity';\n"}});
  StackSection s = detect_stack(repo.input());
  EXPECT_EQ(framework_names(s), (std::vector<std::string>{"Fastify", "NestJS", "Next.js", "React", "Vue"}));
  const Framework* react = find_framework(s, "React");
  ASSERT_EQ(react->evidence.size(), 1u);
  EXPECT_EQ(react->evidence[0].line, 1);
  EXPECT_EQ(react->files, 1);
  EXPECT_EQ(find_framework(s, "Fastify")->evidence[0].line, 4);
  EXPECT_EQ(find_framework(s, "Vue")->evidence[0].file, "web/App.vue");
}

TEST(Stack, JvmRubyPhpRustImports) {
  Repo repo({{"src/main/java/App.java", "import org.springframework.boot.SpringApplication;\n"},
             {"src/lib.rs", "use axum::Router;\nuse std::io;\n"},
             {"app/Http/Kernel.php", "<?php\nuse Illuminate\\Foundation\\Http\\Kernel;\n"},
             {"config/application.rb", "require_relative 'boot'\nrequire 'rails/all'\n"}});
  StackSection s = detect_stack(repo.input());
  EXPECT_EQ(framework_names(s), (std::vector<std::string>{"Axum", "Laravel", "Rails", "Spring Boot"}));
  EXPECT_EQ(find_framework(s, "Laravel")->evidence[0].line, 2);
  EXPECT_EQ(find_framework(s, "Rails")->evidence[0].line, 2);
}

// ---------------------------------------------------------------------------
// Broken input

TEST(Stack, BrokenManifestsGiveDiagnosticsAndTheAuditContinues) {
  Repo repo({{"package.json", "{\n  \"dependencies\": {\n    \"express\": \"^4\",\n  }\n}\n"},
             {"pyproject.toml", "[project]\ndependencies = [\"fastapi\"\nname = 1\n"},
             {"pom.xml", "<project><dependencies><dependency></dependencies></project>"},
             {"Cargo.toml", "[dependencies]\nserde = \n"},
             {"composer.json", "[]"},
             {"pnpm-lock.yaml", "importers: [unclosed\n"},
             {"web/package.json", R"({"dependencies": {"vue": "3"}})"},
             {"web/pnpm-lock.yaml", "importers: {.: [\n"},
             {"go.mod", "module x\nrequire (\n  github.com/gin-gonic/gin v1.9.1\n"}});
  StackSection s = detect_stack(repo.input());
  EXPECT_EQ(s.manifests.size(), 7u);  // broken ones are still listed, with what could be read
  auto diags = repo.diagnostics();
  auto has_diag = [&](const std::string& file, int line) {
    for (const auto& d : diags)
      if (d.file == file && (line < 0 || d.line == line)) return true;
    return false;
  };
  EXPECT_TRUE(has_diag("package.json", 4));
  EXPECT_TRUE(has_diag("pyproject.toml", 3));
  EXPECT_TRUE(has_diag("pom.xml", 1));
  EXPECT_TRUE(has_diag("Cargo.toml", 2));
  EXPECT_TRUE(has_diag("composer.json", 1));
  EXPECT_TRUE(has_diag("web/pnpm-lock.yaml", -1));
  // What was readable is still used.
  EXPECT_EQ(find_manifest(s, "web/package.json")->dependencies.size(), 1u);
  EXPECT_EQ(find_manifest(s, "go.mod")->dependencies.size(), 1u);
  EXPECT_TRUE(find_framework(s, "Gin"));
}

TEST(Stack, EmptyAndBinaryInput) {
  Repo repo({{"package.json", ""}, {"requirements.txt", std::string("\0\x01\x02", 3)}, {"setup.py", "print(1)\n"}});
  StackSection s = detect_stack(repo.input());
  ASSERT_EQ(s.manifests.size(), 1u);
  EXPECT_EQ(s.manifests[0].path, "package.json");
  EXPECT_FALSE(repo.diagnostics().empty());
}

TEST(Stack, JsonShape) {
  Repo repo({{"requirements.txt", "flask==3.0.0\n"}});
  nlohmann::json j = detect_stack(repo.input());
  ASSERT_TRUE(j.contains("manifests"));
  ASSERT_TRUE(j.contains("frameworks"));
  const auto& m = j["manifests"][0];
  EXPECT_EQ(m["path"], "requirements.txt");
  EXPECT_TRUE(m["lock_file"].is_null());
  const auto& d = m["dependencies"][0];
  EXPECT_EQ(d["name"], "flask");
  EXPECT_EQ(d["version_spec"], "==3.0.0");
  EXPECT_TRUE(d["locked_version"].is_null());
  EXPECT_EQ(d["dev"], false);
  EXPECT_EQ(d["scope"], "runtime");
  EXPECT_EQ(d["line"], 1);
  const auto& f = j["frameworks"][0];
  EXPECT_EQ(f["name"], "Flask");
  EXPECT_EQ(f["category"], "backend");
  EXPECT_EQ(f["language"], "python");
  EXPECT_EQ(f["files"], 0);
  EXPECT_EQ(f["evidence"][0]["file"], "requirements.txt");
}

}  // namespace
}  // namespace copilot::audit
