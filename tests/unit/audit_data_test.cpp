#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "audit/data.h"
#include "audit_fixture.h"

namespace copilot::audit {
namespace {

using Repo = copilot::testing::AuditRepo;

const Database* find_db(const DataSection& s, const std::string& engine) {
  for (const auto& d : s.databases)
    if (d.engine == engine) return &d;
  return nullptr;
}

std::vector<std::string> engines(const DataSection& s) {
  std::vector<std::string> out;
  for (const auto& d : s.databases) out.push_back(d.engine);
  return out;
}

using Sets = std::vector<std::tuple<std::string, std::string, int>>;  // tool, directory, count

Sets migration_sets(const DataSection& s) {
  Sets out;
  for (const auto& m : s.migrations) out.emplace_back(m.tool, m.directory, m.count);
  return out;
}

TEST(Databases, FromDriversUrlsAndImages) {
  Repo repo({{"requirements.txt", "fastapi\npsycopg[binary]==3.1.18\nredis>=5\n"},
             {"app/config.py", "DATABASE_URL = \"postgresql+psycopg://app:app@db:5432/orders\"\n"},
             {"app/cache.py", "import os\nimport redis\n"},
             {"app/local.py", "import sqlite3\n"},
             {"docker-compose.yml", R"(services:
  db:
    image: postgres:16-alpine
  cache:
    image: "bitnami/redis:7.2"
  search:
    image: docker.elastic.co/elasticsearch/elasticsearch:8.12.0
  api:
    image: ghcr.io/acme/api:latest
)"}});
  DataSection s = detect_data(repo.input());
  EXPECT_EQ(engines(s), (std::vector<std::string>{"elasticsearch", "postgresql", "redis", "sqlite"}));
  const Database* pg = find_db(s, "postgresql");
  ASSERT_TRUE(pg);
  EXPECT_EQ(pg->sources, (std::vector<std::string>{"code", "container", "dependency"}));
  ASSERT_EQ(pg->evidence.size(), 3u);
  EXPECT_EQ(pg->evidence[0].file, "requirements.txt");  // dependencies first
  EXPECT_EQ(pg->evidence[0].line, 2);
  EXPECT_EQ(pg->evidence[1].file, "app/config.py");
  EXPECT_EQ(pg->evidence[1].line, 1);
  EXPECT_EQ(pg->evidence[2].file, "docker-compose.yml");
  EXPECT_EQ(pg->evidence[2].line, 3);
  EXPECT_EQ(pg->evidence[2].text, "image: postgres:16-alpine");
  const Database* redis = find_db(s, "redis");
  ASSERT_TRUE(redis);
  EXPECT_EQ(redis->sources, (std::vector<std::string>{"code", "container", "dependency"}));
  EXPECT_EQ(find_db(s, "sqlite")->sources, std::vector<std::string>{"code"});
  EXPECT_EQ(find_db(s, "elasticsearch")->evidence[0].line, 7);
}

TEST(Databases, JdbcDjangoAndOtherEcosystems) {
  Repo repo(
      {{"src/main/resources/application.properties",
        "spring.datasource.url=jdbc:mysql://localhost:3306/shop\nspring.redis.host=localhost\n"},
       {"site/settings.py", "DATABASES = {'default': {'ENGINE': 'django.db.backends.postgresql'}}\n"},
       {"go.mod", "module x\nrequire (\n\tgo.mongodb.org/mongo-driver v1.13.1\n\tgorm.io/driver/sqlite v1.5.4\n)\n"},
       {"package.json", R"({"dependencies": {"mongoose": "^8.0.0", "mysql2": "^3.6.0"}})"},
       {"Gemfile", "gem 'pg'\n"},
       {"Dockerfile", "FROM mariadb:11 AS seed\n"}});
  DataSection s = detect_data(repo.input());
  EXPECT_EQ(engines(s), (std::vector<std::string>{"mariadb", "mongodb", "mysql", "postgresql", "sqlite"}));
  EXPECT_EQ(find_db(s, "mysql")->evidence.size(), 2u);
  EXPECT_EQ(find_db(s, "mongodb")->evidence[0].file, "go.mod");
  EXPECT_EQ(find_db(s, "mongodb")->evidence[0].line, 3);
  EXPECT_EQ(find_db(s, "postgresql")->sources, (std::vector<std::string>{"code", "dependency"}));
  EXPECT_EQ(find_db(s, "mariadb")->sources, std::vector<std::string>{"container"});
}

TEST(Databases, DocumentationTestsAndLookalikesAreNotEvidence) {
  Repo repo({{"README.md", "Point DATABASE_URL at postgres://localhost/db\n"},
             {"tests/conftest.py", "engine = create_engine('sqlite:///:memory:')\n"},
             {"app/notes.py", "# we might use mongodb later\nREDIS_DOCS = 'https://redis.io/docs'\nx = 'myredis://'\n"},
             {"k8s/deploy.yaml", "containers:\n  - name: api\n    image: acme/postgres-exporter:1.0\n"},
             {".github/workflows/ci.yml", "env:\n  DATABASE_URL: \"sqlite://\"\n"},
             {"svc/.github/workflows/ci.yml", "env:\n  DATABASE_URL: \"sqlite://\"\n"},
             {"src/db.cpp", "// e.g. postgres://user@host/db\nint x;\n"},
             {"src/Changelog.java", "String s = \"databaseChangeLog\";\n"}});
  DataSection s = detect_data(repo.input());
  EXPECT_TRUE(s.databases.empty()) << nlohmann::json(s).dump();
  EXPECT_TRUE(s.migrations.empty()) << nlohmann::json(s).dump();
}

TEST(Migrations, PythonTools) {
  Repo repo({{"alembic.ini", "[alembic]\nscript_location = %(here)s/migrations\n"},
             {"migrations/env.py", "from alembic import context\n"},
             {"migrations/script.py.mako", "${up_revision}\n"},
             {"migrations/versions/20240311_0001_create_orders.py", "revision = '0001'\n"},
             {"migrations/versions/20240402_0002_add_shipping.py", "revision = '0002'\n"},
             {"migrations/versions/__init__.py", ""},
             {"shop/migrations/__init__.py", ""},
             {"shop/migrations/0001_initial.py", "from django.db import migrations\n"},
             {"shop/migrations/0002_auto.py", "from django.db import migrations\n"},
             {"blog/migrations/0001_initial.py", "from django.db import migrations\n"},
             {"tools/migrations/helper.py", "x = 1\n"},
             {"other/db/script.py.mako", ""},
             {"other/db/env.py", ""},
             {"other/db/versions/abc_rev.py", ""}});
  DataSection s = detect_data(repo.input());
  EXPECT_EQ(migration_sets(s), (Sets{{"django", "blog/migrations", 1},
                                     {"alembic", "migrations/versions", 2},
                                     {"alembic", "other/db/versions", 1},
                                     {"django", "shop/migrations", 2}}));
}

TEST(Migrations, SqlAndJvmTools) {
  Repo repo({{"src/main/resources/db/migration/V1__init.sql", "create table a();\n"},
             {"src/main/resources/db/migration/V1_1__add_b.sql", "create table b();\n"},
             {"src/main/resources/db/migration/R__views.sql", "create view v as select 1;\n"},
             {"src/main/resources/db/migration/notes.sql", "-- not a migration\n"},
             {"db/changelog/db.changelog-master.xml", R"(<databaseChangeLog>
  <changeSet id="1" author="a"><createTable tableName="t"/></changeSet>
  <changeSet id="2" author="a"><addColumn tableName="t"/></changeSet>
</databaseChangeLog>
)"},
             {"db/changelog/more.yaml", "databaseChangeLog:\n  - changeSet:\n      id: 3\n"},
             {"prisma/schema.prisma", "datasource db { provider = \"postgresql\" }\n"},
             {"prisma/migrations/20240101000000_init/migration.sql", "CREATE TABLE x();\n"},
             {"prisma/migrations/20240201000000_more/migration.sql", "ALTER TABLE x;\n"},
             {"prisma/migrations/migration_lock.toml", "provider = \"postgresql\"\n"},
             {"db/migrate/20240101120000_create_users.rb", "class CreateUsers < ActiveRecord::Migration[7.1]\nend\n"},
             {"db/migrate/20240102120000_add_email.rb", "class AddEmail < ActiveRecord::Migration[7.1]\nend\n"},
             {"sql/000001_init.up.sql", "CREATE TABLE a();\n"},
             {"sql/000001_init.down.sql", "DROP TABLE a;\n"},
             {"sql/000002_more.up.sql", "ALTER TABLE a;\n"}});
  DataSection s = detect_data(repo.input());
  EXPECT_EQ(migration_sets(s), (Sets{{"liquibase", "db/changelog", 3},
                                     {"rails", "db/migrate", 2},
                                     {"prisma", "prisma/migrations", 2},
                                     {"golang-migrate", "sql", 2},
                                     {"flyway", "src/main/resources/db/migration", 3}}));
}

TEST(Migrations, JavaScriptTools) {
  Repo repo({{"knexfile.js", "module.exports = {};\n"},
             {"migrations/20240105090000_create_items.js",
              "exports.up = function (knex) {};\nexports.down = function (knex) {};\n"},
             {"migrations/20240220143000_add_location.js", "exports.up = async (knex) => {};\n"},
             {"migrations/README.md", "how to migrate\n"},
             {"db/migrations/20240101-create-user.js",
              "module.exports = {\n  async up(queryInterface, Sequelize) {},\n  async down() {}\n};\n"},
             {"src/migrations/1700000000000-Init.ts",
              "import { MigrationInterface, QueryRunner } from 'typeorm';\n"
              "export class Init1700000000000 implements MigrationInterface {\n}\n"},
             {"src/migrations/index.ts", "export const all = [];\n"}});
  DataSection s = detect_data(repo.input());
  EXPECT_EQ(migration_sets(s),
            (Sets{{"sequelize", "db/migrations", 1}, {"knex", "migrations", 2}, {"typeorm", "src/migrations", 1}}));
}

TEST(Migrations, BrokenAlembicIniIsADiagnostic) {
  Repo repo({{"alembic.ini", "[alembic]\n# script_location missing\n"}, {"versions/a.py", ""}});
  DataSection s = detect_data(repo.input());
  EXPECT_TRUE(s.migrations.empty());
  auto diags = repo.diagnostics();
  ASSERT_EQ(diags.size(), 1u);
  EXPECT_EQ(diags[0].file, "alembic.ini");
}

TEST(Data, BrokenManifestsAreLeftToTheStackSection) {
  Repo repo(
      {{"package.json", "{ \"dependencies\": "}, {"docker-compose.yml", "services:\n  db:\n    image: mysql:8\n"}});
  DataSection s = detect_data(repo.input());
  EXPECT_EQ(engines(s), std::vector<std::string>{"mysql"});
  EXPECT_TRUE(repo.diagnostics().empty());
}

TEST(Data, JsonShape) {
  Repo repo({{"package.json", R"({"dependencies": {"pg": "^8.11.0"}})"},
             {"migrations/001_init.up.sql", "create table t();\n"}});
  nlohmann::json j = detect_data(repo.input());
  ASSERT_EQ(j["databases"].size(), 1u);
  EXPECT_EQ(j["databases"][0]["engine"], "postgresql");
  EXPECT_EQ(j["databases"][0]["sources"], nlohmann::json({"dependency"}));
  EXPECT_EQ(j["databases"][0]["evidence"][0]["file"], "package.json");
  EXPECT_EQ(j["migrations"][0],
            (nlohmann::json{{"tool", "golang-migrate"}, {"directory", "migrations"}, {"count", 1}}));
}

}  // namespace
}  // namespace copilot::audit
