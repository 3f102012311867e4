#include "audit/data.h"

#include <re2/re2.h>

#include <algorithm>
#include <map>
#include <set>

#include "audit/secrets.h"
#include "audit/stack.h"
#include "util/strings.h"

namespace copilot::audit {

void to_json(nlohmann::json& j, const Database& d) {
  j = {{"engine", d.engine}, {"sources", d.sources}, {"evidence", d.evidence}};
}

void to_json(nlohmann::json& j, const MigrationSet& m) {
  j = {{"tool", m.tool}, {"directory", m.directory}, {"count", m.count}};
}

void to_json(nlohmann::json& j, const DataSection& s) {
  j = {{"databases", s.databases}, {"migrations", s.migrations}};
}

namespace {

std::string_view dir_of(std::string_view path) {
  size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? std::string_view{} : path.substr(0, slash);
}

std::string_view base_of(std::string_view path) {
  size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

std::string join_path(std::string_view dir, std::string_view name) {
  return dir.empty() ? std::string(name) : std::string(dir) + "/" + std::string(name);
}

// ---------------------------------------------------------------------------
// Engines

struct DriverRule {
  std::string_view ecosystem, name;
  bool prefix;  // also matches "name/..." and "name:..." continuations
  std::string_view engine;
};

constexpr DriverRule kDrivers[] = {
    // Python
    {"pypi", "psycopg2", false, "postgresql"},
    {"pypi", "psycopg2-binary", false, "postgresql"},
    {"pypi", "psycopg", false, "postgresql"},
    {"pypi", "psycopg-binary", false, "postgresql"},
    {"pypi", "asyncpg", false, "postgresql"},
    {"pypi", "pg8000", false, "postgresql"},
    {"pypi", "mysqlclient", false, "mysql"},
    {"pypi", "pymysql", false, "mysql"},
    {"pypi", "aiomysql", false, "mysql"},
    {"pypi", "asyncmy", false, "mysql"},
    {"pypi", "mysql-connector-python", false, "mysql"},
    {"pypi", "mariadb", false, "mariadb"},
    {"pypi", "pymongo", false, "mongodb"},
    {"pypi", "motor", false, "mongodb"},
    {"pypi", "mongoengine", false, "mongodb"},
    {"pypi", "beanie", false, "mongodb"},
    {"pypi", "redis", false, "redis"},
    {"pypi", "aioredis", false, "redis"},
    {"pypi", "elasticsearch", false, "elasticsearch"},
    {"pypi", "opensearch-py", false, "opensearch"},
    {"pypi", "aiosqlite", false, "sqlite"},
    {"pypi", "cassandra-driver", false, "cassandra"},
    {"pypi", "oracledb", false, "oracle"},
    {"pypi", "cx-oracle", false, "oracle"},
    {"pypi", "clickhouse-driver", false, "clickhouse"},
    {"pypi", "neo4j", false, "neo4j"},
    // JavaScript
    {"npm", "pg", false, "postgresql"},
    {"npm", "postgres", false, "postgresql"},
    {"npm", "pg-promise", false, "postgresql"},
    {"npm", "mysql", false, "mysql"},
    {"npm", "mysql2", false, "mysql"},
    {"npm", "mariadb", false, "mariadb"},
    {"npm", "mongoose", false, "mongodb"},
    {"npm", "mongodb", false, "mongodb"},
    {"npm", "redis", false, "redis"},
    {"npm", "ioredis", false, "redis"},
    {"npm", "sqlite3", false, "sqlite"},
    {"npm", "better-sqlite3", false, "sqlite"},
    {"npm", "@elastic/elasticsearch", false, "elasticsearch"},
    {"npm", "@opensearch-project/opensearch", false, "opensearch"},
    {"npm", "mssql", false, "sqlserver"},
    {"npm", "tedious", false, "sqlserver"},
    {"npm", "oracledb", false, "oracle"},
    {"npm", "cassandra-driver", false, "cassandra"},
    {"npm", "neo4j-driver", false, "neo4j"},
    // Go
    {"go", "github.com/lib/pq", false, "postgresql"},
    {"go", "github.com/jackc/pgx", true, "postgresql"},
    {"go", "gorm.io/driver/postgres", false, "postgresql"},
    {"go", "github.com/go-sql-driver/mysql", false, "mysql"},
    {"go", "gorm.io/driver/mysql", false, "mysql"},
    {"go", "github.com/mattn/go-sqlite3", false, "sqlite"},
    {"go", "gorm.io/driver/sqlite", false, "sqlite"},
    {"go", "modernc.org/sqlite", false, "sqlite"},
    {"go", "github.com/glebarez/sqlite", false, "sqlite"},
    {"go", "go.mongodb.org/mongo-driver", true, "mongodb"},
    {"go", "github.com/redis/go-redis", true, "redis"},
    {"go", "github.com/go-redis/redis", true, "redis"},
    {"go", "github.com/gomodule/redigo", false, "redis"},
    {"go", "github.com/elastic/go-elasticsearch", true, "elasticsearch"},
    {"go", "gorm.io/driver/sqlserver", false, "sqlserver"},
    {"go", "github.com/microsoft/go-mssqldb", false, "sqlserver"},
    {"go", "github.com/denisenkom/go-mssqldb", false, "sqlserver"},
    {"go", "github.com/gocql/gocql", false, "cassandra"},
    // JVM
    {"maven", "org.postgresql:postgresql", false, "postgresql"},
    {"maven", "org.postgresql:r2dbc-postgresql", false, "postgresql"},
    {"maven", "mysql:mysql-connector-java", false, "mysql"},
    {"maven", "com.mysql:mysql-connector-j", false, "mysql"},
    {"maven", "org.mariadb.jdbc:mariadb-java-client", false, "mariadb"},
    {"maven", "com.h2database:h2", false, "h2"},
    {"maven", "org.xerial:sqlite-jdbc", false, "sqlite"},
    {"maven", "org.mongodb:", true, "mongodb"},
    {"maven", "org.springframework.boot:spring-boot-starter-data-mongodb", false, "mongodb"},
    {"maven", "org.springframework.boot:spring-boot-starter-data-mongodb-reactive", false, "mongodb"},
    {"maven", "org.springframework.boot:spring-boot-starter-data-redis", false, "redis"},
    {"maven", "org.springframework.boot:spring-boot-starter-data-redis-reactive", false, "redis"},
    {"maven", "org.springframework.boot:spring-boot-starter-data-elasticsearch", false, "elasticsearch"},
    {"maven", "redis.clients:jedis", false, "redis"},
    {"maven", "io.lettuce:lettuce-core", false, "redis"},
    {"maven", "com.microsoft.sqlserver:mssql-jdbc", false, "sqlserver"},
    {"maven", "com.oracle.database.jdbc:", true, "oracle"},
    {"maven", "co.elastic.clients:", true, "elasticsearch"},
    // Ruby, Rust, PHP
    {"rubygems", "pg", false, "postgresql"},
    {"rubygems", "mysql2", false, "mysql"},
    {"rubygems", "sqlite3", false, "sqlite"},
    {"rubygems", "mongoid", false, "mongodb"},
    {"rubygems", "mongo", false, "mongodb"},
    {"rubygems", "redis", false, "redis"},
    {"rubygems", "elasticsearch", false, "elasticsearch"},
    {"cargo", "tokio-postgres", false, "postgresql"},
    {"cargo", "postgres", false, "postgresql"},
    {"cargo", "deadpool-postgres", false, "postgresql"},
    {"cargo", "mysql", false, "mysql"},
    {"cargo", "mysql_async", false, "mysql"},
    {"cargo", "rusqlite", false, "sqlite"},
    {"cargo", "mongodb", false, "mongodb"},
    {"cargo", "redis", false, "redis"},
    {"cargo", "elasticsearch", false, "elasticsearch"},
    {"composer", "predis/predis", false, "redis"},
    {"composer", "mongodb/mongodb", false, "mongodb"},
};

bool driver_matches(const DriverRule& r, std::string_view name) {
  if (name == r.name) return true;
  if (!r.prefix || !util::starts_with(name, r.name)) return false;
  char last = r.name.back();
  return last == ':' || last == '/' || name[r.name.size()] == '/';
}

// A URL scheme or JDBC sub-protocol → engine.
std::string_view engine_of_scheme(std::string_view scheme) {
  std::string s = util::to_lower(scheme.substr(0, scheme.find('+')));
  if (s == "postgres" || s == "postgresql" || s == "pgsql") return "postgresql";
  if (s == "mysql") return "mysql";
  if (s == "mariadb") return "mariadb";
  if (s == "mongodb") return "mongodb";
  if (s == "redis" || s == "rediss") return "redis";
  if (s == "sqlite" || s == "sqlite3") return "sqlite";
  if (s == "mssql" || s == "sqlserver") return "sqlserver";
  if (s == "oracle") return "oracle";
  if (s == "h2") return "h2";
  if (s == "clickhouse") return "clickhouse";
  if (s == "cassandra") return "cassandra";
  if (s == "neo4j" || s == "bolt") return "neo4j";
  if (s == "cockroachdb") return "cockroachdb";
  return "";
}

// Container image → engine, by its last path component ("bitnami/postgresql:16" → postgresql).
std::string_view engine_of_image(std::string_view image) {
  std::string ref = util::to_lower(image);
  size_t at = ref.find('@');
  if (at != std::string::npos) ref = ref.substr(0, at);
  size_t slash = ref.rfind('/');
  size_t colon = ref.find(':', slash == std::string::npos ? 0 : slash);
  std::string path = ref.substr(0, colon);
  std::string name = path.substr(path.rfind('/') == std::string::npos ? 0 : path.rfind('/') + 1);
  if (util::contains(path, "mssql")) return "sqlserver";
  static const std::map<std::string_view, std::string_view> kImages = {
      {"postgres", "postgresql"},
      {"postgresql", "postgresql"},
      {"postgis", "postgresql"},
      {"timescaledb", "postgresql"},
      {"timescaledb-ha", "postgresql"},
      {"pgvector", "postgresql"},
      {"mysql", "mysql"},
      {"mysql-server", "mysql"},
      {"percona-server", "mysql"},
      {"mariadb", "mariadb"},
      {"mongo", "mongodb"},
      {"mongodb", "mongodb"},
      {"mongodb-community-server", "mongodb"},
      {"redis", "redis"},
      {"redis-stack", "redis"},
      {"redis-stack-server", "redis"},
      {"valkey", "redis"},
      {"keydb", "redis"},
      {"elasticsearch", "elasticsearch"},
      {"opensearch", "opensearch"},
      {"cassandra", "cassandra"},
      {"scylla", "cassandra"},
      {"memcached", "memcached"},
      {"clickhouse-server", "clickhouse"},
      {"neo4j", "neo4j"},
      {"couchdb", "couchdb"},
      {"influxdb", "influxdb"},
      {"cockroach", "cockroachdb"},
      {"dynamodb-local", "dynamodb"},
      {"oracle-xe", "oracle"},
      {"oracle-free", "oracle"},
  };
  auto it = kImages.find(name);
  return it == kImages.end() ? std::string_view{} : it->second;
}

// Python modules whose import names an engine (sqlite3 ships with Python, so no manifest names it).
std::string_view engine_of_python_module(std::string_view module) {
  static const std::map<std::string_view, std::string_view> kModules = {{"sqlite3", "sqlite"},
                                                                        {"aiosqlite", "sqlite"},
                                                                        {"psycopg2", "postgresql"},
                                                                        {"psycopg", "postgresql"},
                                                                        {"asyncpg", "postgresql"},
                                                                        {"pymongo", "mongodb"},
                                                                        {"motor", "mongodb"},
                                                                        {"MySQLdb", "mysql"},
                                                                        {"pymysql", "mysql"},
                                                                        {"redis", "redis"},
                                                                        {"elasticsearch", "elasticsearch"}};
  auto it = kModules.find(module.substr(0, module.find('.')));
  return it == kModules.end() ? std::string_view{} : it->second;
}

bool is_documentation(std::string_view path) {
  std::string lower = util::to_lower(base_of(path));
  for (std::string_view ext : {".md", ".rst", ".txt", ".adoc", ".html", ".htm", ".ipynb"})
    if (util::ends_with(lower, ext)) return true;
  return false;
}

// CI pipelines point tests at throwaway stores (DATABASE_URL: sqlite://); their service images still count.
bool is_ci_config(std::string_view path) {
  std::string_view name = base_of(path);
  for (std::string_view dir : {".github/", ".circleci/", ".gitlab/"})
    if (util::starts_with(path, dir) || util::contains(path, "/" + std::string(dir))) return true;
  return name == ".gitlab-ci.yml" || name == "Jenkinsfile" || name == ".travis.yml" || name == "azure-pipelines.yml" ||
         name == "bitbucket-pipelines.yml";
}

// Whether the line holding `offset` is a comment: a URL in a comment is not a connection.
bool in_comment_line(std::string_view text, size_t offset) {
  size_t begin = text.rfind('\n', offset);
  begin = begin == std::string_view::npos ? 0 : begin + 1;
  std::string_view line = util::trim(text.substr(begin, offset - begin));
  for (std::string_view marker : {"//", "#", "*", "/*", "--", ";"})
    if (util::starts_with(line, marker)) return true;
  return false;
}

bool is_yaml(std::string_view name) {
  return util::ends_with(name, ".yml") || util::ends_with(name, ".yaml");
}

struct EngineEvidence {
  std::vector<Evidence> dependency, code, container;
};

void scan_code(const workspace::FileEntry& f, std::map<std::string, EngineEvidence>& found) {
  const std::string& text = f.content;
  std::set<std::string_view> seen;  // one code evidence per engine per file
  auto note = [&](std::string_view engine, size_t offset) {
    if (!engine.empty() && seen.insert(engine).second)
      found[std::string(engine)].code.push_back(evidence_at(f.path, text, offset));
  };
  if (util::contains(text, "://") || util::contains(text, "jdbc:")) {
    static const RE2 kUrl(
        R"re((?i)\b(postgres(?:ql)?|pgsql|mysql|mariadb|mongodb|rediss?|sqlite3?|mssql|sqlserver|oracle|clickhouse|cassandra|neo4j|bolt|cockroachdb)(?:\+[\w-]+)?://)re");
    static const RE2 kJdbc(R"re((?i)\bjdbc:(\w+):)re");
    for (const RE2* re : {&kUrl, &kJdbc}) {
      re2::StringPiece in(text.data(), text.size());
      std::string scheme;
      while (RE2::FindAndConsume(&in, *re, &scheme)) {
        size_t offset = static_cast<size_t>(in.data() - text.data());
        offset = offset == 0 ? 0 : offset - 1;
        if (!in_comment_line(text, offset)) note(engine_of_scheme(scheme), offset);
      }
    }
  }
  if (size_t at = text.find("django.db.backends."); at != std::string::npos) {
    std::string_view rest = std::string_view(text).substr(at + 19);
    std::string_view backend = rest.substr(0, rest.find_first_of("'\" \n,)"));
    if (backend == "postgresql_psycopg2" || backend == "postgis") backend = "postgresql";
    if (backend == "sqlite3" || backend == "spatialite") backend = "sqlite";
    note(engine_of_scheme(backend), at);
  }
  if (f.language && f.language->id == "python") {
    size_t start = 0;
    while (start < text.size()) {
      size_t end = text.find('\n', start);
      if (end == std::string::npos) end = text.size();
      std::string_view line = util::trim(std::string_view(text).substr(start, end - start));
      std::string_view module;
      if (util::starts_with(line, "import ")) module = line.substr(7);
      if (util::starts_with(line, "from ")) module = line.substr(5);
      module = module.substr(0, module.find_first_of(" ,;"));
      if (!module.empty()) note(engine_of_python_module(module), static_cast<size_t>(line.data() - text.data()));
      start = end + 1;
    }
  }
}

void scan_images(const workspace::FileEntry& f, std::map<std::string, EngineEvidence>& found) {
  std::string_view name = base_of(f.path);
  bool dockerfile = util::starts_with(name, "Dockerfile") || util::ends_with(name, ".dockerfile") ||
                    util::starts_with(name, "Containerfile");
  if (!dockerfile && !(is_yaml(name) && util::contains(f.content, "image:"))) return;
  static const RE2 kImage(R"re((?m)^\s*-?\s*image:\s*["']?([^\s"'#]+))re");
  static const RE2 kFrom(R"re((?mi)^\s*FROM\s+(?:--platform=\S+\s+)?([^\s]+))re");
  const RE2& re = dockerfile ? kFrom : kImage;
  const std::string& text = f.content;
  re2::StringPiece in(text.data(), text.size());
  std::string image;
  while (RE2::FindAndConsume(&in, re, &image)) {
    std::string_view engine = engine_of_image(image);
    if (engine.empty()) continue;
    size_t offset = static_cast<size_t>(in.data() - text.data());
    found[std::string(engine)].container.push_back(evidence_at(f.path, text, offset == 0 ? 0 : offset - 1));
  }
}

constexpr size_t kMaxEvidence = 10;

std::vector<Database> detect_databases(const AuditInput& input) {
  std::map<std::string, EngineEvidence> found;
  for (const auto& m : parse_manifests(input, false, false)) {
    const std::string* text = input.content(m.path);
    for (const auto& d : m.dependencies)
      for (const auto& r : kDrivers)
        if (r.ecosystem == m.ecosystem && driver_matches(r, d.name)) {
          found[std::string(r.engine)].dependency.push_back(text ? evidence_line(m.path, *text, d.line)
                                                                 : Evidence{m.path, d.line, d.name});
          break;
        }
  }
  for (const auto& f : input.files()) {
    if (!f.analysed() || workspace::is_prose_or_asset(f.language)) continue;
    scan_images(f, found);
    // Test settings often point at throwaway databases (sqlite in memory): not the service's store.
    if (is_documentation(f.path) || is_test_path(f.path) || is_ci_config(f.path)) continue;
    scan_code(f, found);
  }
  std::vector<Database> out;
  for (auto& [engine, ev] : found) {
    Database db{engine, {}, {}};
    for (auto [label, list] : {std::pair{"dependency", &ev.dependency}, std::pair{"code", &ev.code},
                               std::pair{"container", &ev.container}}) {
      if (list->empty()) continue;
      db.sources.emplace_back(label);
      std::sort(list->begin(), list->end());
      for (auto& e : *list)
        if (db.evidence.size() < kMaxEvidence) db.evidence.push_back(std::move(e));
    }
    std::sort(db.sources.begin(), db.sources.end());
    out.push_back(std::move(db));
  }
  return out;
}

// ---------------------------------------------------------------------------
// Migrations

bool all_digits(std::string_view s) {
  return !s.empty() &&
         std::all_of(s.begin(), s.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
}

size_t count_of(std::string_view s, std::string_view needle) {
  size_t n = 0;
  for (size_t at = s.find(needle); at != std::string_view::npos; at = s.find(needle, at + needle.size())) ++n;
  return n;
}

bool is_changelog_file(std::string_view name) {
  for (std::string_view ext : {".xml", ".yaml", ".yml", ".json", ".sql"})
    if (util::ends_with(name, ext)) return true;
  return false;
}

// alembic.ini → the directory holding its revisions.
std::string alembic_versions_dir(const AuditInput& input, const workspace::FileEntry& ini) {
  std::string location;
  for (auto line : util::split_lines(ini.content)) {
    std::string_view t = util::trim(line);
    if (!util::starts_with(t, "script_location")) continue;
    size_t eq = t.find('=');
    if (eq == std::string_view::npos) continue;
    location = std::string(util::trim(t.substr(eq + 1)));
    break;
  }
  if (location.empty()) {
    input.diagnostics.add(ini.path, 0, "alembic.ini has no script_location");
    return "";
  }
  for (std::string_view here : {"%(here)s/", "./"})
    if (util::starts_with(location, here)) location = location.substr(here.size());
  if (location.find(':') != std::string::npos) return "";  // a package resource ("pkg:migrations")
  return join_path(join_path(dir_of(ini.path), location), "versions");
}

std::vector<MigrationSet> detect_migrations(const AuditInput& input) {
  std::map<std::pair<std::string, std::string>, int> counts;  // (directory, tool) → count
  std::set<std::string> alembic_dirs;
  for (const auto& f : input.files()) {
    if (!f.loaded || f.kind != workspace::FileKind::source) continue;
    if (base_of(f.path) == "alembic.ini") {
      std::string dir = alembic_versions_dir(input, f);
      if (!dir.empty()) alembic_dirs.insert(dir);
    }
    // An Alembic environment without alembic.ini at hand (configured in code or pyproject).
    if (base_of(f.path) == "script.py.mako" && input.workspace.find(join_path(dir_of(f.path), "env.py")))
      alembic_dirs.insert(join_path(dir_of(f.path), "versions"));
  }
  for (const auto& d : alembic_dirs) counts[{d, "alembic"}] = 0;

  static const RE2 kFlyway(R"re(^(V\d+(?:[._]\d+)*|R)__.+\.sql$)re");
  static const RE2 kGolangMigrate(R"re(^\d+_.+\.up\.sql$)re");
  for (const auto& f : input.files()) {
    if (!f.loaded || f.kind != workspace::FileKind::source) continue;
    std::string_view path = f.path, name = base_of(path), dir = dir_of(path), parent = base_of(dir);
    std::string dir_s(dir);
    const std::string& text = f.content;
    if (alembic_dirs.count(dir_s)) {
      if (util::ends_with(name, ".py") && name != "__init__.py") counts[{dir_s, "alembic"}] += 1;
      continue;
    }
    if (parent == "migrations" && util::ends_with(name, ".py") && name.size() > 5 && all_digits(name.substr(0, 4)) &&
        name[4] == '_') {
      counts[{dir_s, "django"}] += 1;
    } else if (RE2::FullMatch(re2::StringPiece(name.data(), name.size()), kFlyway)) {
      counts[{dir_s, "flyway"}] += 1;
    } else if (RE2::FullMatch(re2::StringPiece(name.data(), name.size()), kGolangMigrate)) {
      counts[{dir_s, "golang-migrate"}] += 1;
    } else if (name == "migration.sql" && base_of(dir_of(dir)) == "migrations") {
      counts[{std::string(dir_of(dir)), "prisma"}] += 1;
    } else if (name == "up.sql" && base_of(dir_of(dir)) == "migrations") {
      counts[{std::string(dir_of(dir)), "diesel"}] += 1;
    } else if (util::ends_with(dir, "db/migrate") && util::ends_with(name, ".rb") &&
               std::isdigit(static_cast<unsigned char>(name[0]))) {
      counts[{dir_s, "rails"}] += 1;
    } else if (util::ends_with(name, ".sql") && util::contains(text, "-- +goose Up")) {
      counts[{dir_s, "goose"}] += 1;
    } else if (is_changelog_file(name) &&
               (util::contains(text, "databaseChangeLog") || util::starts_with(text, "--liquibase formatted sql"))) {
      size_t sets = count_of(text, "<changeSet") + count_of(text, "changeSet:") + count_of(text, "\"changeSet\"") +
                    count_of(text, "--changeset");
      counts[{dir_s, "liquibase"}] += static_cast<int>(sets);
    } else if (f.language && (f.language->grammar == "typescript" || f.language->grammar == "javascript")) {
      if (util::contains(text, "implements MigrationInterface")) {
        counts[{dir_s, "typeorm"}] += 1;
      } else if (parent == "migrations" || parent == "migrate") {
        bool has_up = util::contains(text, "exports.up") || util::contains(text, "function up") ||
                      util::contains(text, "const up") || util::contains(text, "up:") ||
                      util::contains(text, "async up");
        if (!has_up) continue;
        counts[{dir_s, util::contains(text, "queryInterface") ? "sequelize" : "knex"}] += 1;
      }
    }
  }
  std::vector<MigrationSet> out;
  for (const auto& [key, count] : counts) out.push_back({key.second, key.first, count});
  return out;  // std::map order: by directory, then tool
}

}  // namespace

DataSection detect_data(const AuditInput& input) {
  DataSection out;
  try {
    out.databases = detect_databases(input);
    out.migrations = detect_migrations(input);
  } catch (const std::exception& e) {
    input.diagnostics.add("", 0, std::string("data detection stopped early: ") + e.what());
  }
  return out;
}

}  // namespace copilot::audit
