#include <gtest/gtest.h>

#include "audit/env_config.h"
#include "audit_fixture.h"

namespace copilot::audit {
namespace {

struct Result {
  ConfigSection section;
  std::vector<Diagnostic> diagnostics;
};

Result run(const std::vector<std::pair<std::string, std::string>>& files) {
  auto [section, diagnostics] = copilot::testing::detect_in_memory(detect_config, files);
  return {std::move(section), std::move(diagnostics)};
}

const EnvVariable* find(const ConfigSection& s, const std::string& name) {
  for (const auto& v : s.variables)
    if (v.name == name) return &v;
  return nullptr;
}

std::vector<std::string> names(const ConfigSection& s) {
  std::vector<std::string> out;
  for (const auto& v : s.variables) out.push_back(v.name);
  return out;
}

TEST(EnvConfig, ReadsAcrossLanguages) {
  auto r = run({
      {"app/settings.py",
       "import os\n"
       "DATABASE_URL = os.environ[\"DATABASE_URL\"]\n"
       "REDIS_URL = os.environ.get('REDIS_URL', 'redis://localhost:6379')\n"
       "DEBUG = os.getenv(\"DEBUG\")\n"
       "os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'app.settings')\n"
       "os.environ['WRITTEN_ONLY'] = '1'\n"
       "TIMEOUT = os.environ.get('TIMEOUT') or 30\n"
       "OPTIONAL = os.getenv('OPTIONAL', None)\n"},
      {"app/wsgi.py", "def handler(environ, start):\n    path = environ.get('PATH_INFO')\n"},
      {"app/keys.py", "from os import environ\nSECRET_KEY = environ['SECRET_KEY']\n"},
      {"web/server.js",
       "const key = process.env.API_KEY;\n"
       "const stripe = process.env[\"STRIPE_KEY\"];\n"
       "const port = process.env.PORT || 3000;\n"
       "const { LOG_LEVEL = 'info', SENTRY_DSN } = process.env;\n"},
      {"cmd/main.go", "v := os.Getenv(\"GO_VAR\")\nif x, ok := os.LookupEnv(\"LOOKUP_VAR\"); ok {}\n"},
      {"src/Main.java", "String v = System.getenv(\"JAVA_VAR\");\n"},
      {"src/main.cpp", "const char* home = std::getenv(\"HOME\");\n"},
      {"lib/config.rb", "a = ENV['RUBY_VAR']\nb = ENV.fetch('RUBY_FETCH', 'x')\nc = ENV.fetch(\"RUBY_BLOCK\") { 1 }\n"},
      {"src/main.rs", "let v = std::env::var(\"RUST_VAR\").unwrap_or(\"x\".into());\n"},
      {"tests/test_settings.py", "os.environ.get('TEST_ONLY_VAR')\n"},
  });
  EXPECT_EQ(names(r.section),
            (std::vector<std::string>{"API_KEY",    "DATABASE_URL", "DEBUG",      "DJANGO_SETTINGS_MODULE",
                                      "GO_VAR",     "HOME",         "JAVA_VAR",   "LOG_LEVEL",
                                      "LOOKUP_VAR", "OPTIONAL",     "PORT",       "REDIS_URL",
                                      "RUBY_BLOCK", "RUBY_FETCH",   "RUBY_VAR",   "RUST_VAR",
                                      "SECRET_KEY", "SENTRY_DSN",   "STRIPE_KEY", "TIMEOUT"}));
  std::vector<std::string> with_default;
  for (const auto& v : r.section.variables)
    if (v.has_default) with_default.push_back(v.name);
  EXPECT_EQ(with_default, (std::vector<std::string>{"DJANGO_SETTINGS_MODULE", "LOG_LEVEL", "PORT", "REDIS_URL",
                                                    "RUBY_BLOCK", "RUBY_FETCH", "RUST_VAR", "TIMEOUT"}));
  const auto* db = find(r.section, "DATABASE_URL");
  ASSERT_NE(db, nullptr);
  ASSERT_EQ(db->locations.size(), 1u);
  EXPECT_EQ(db->locations[0].file, "app/settings.py");
  EXPECT_EQ(db->locations[0].line, 2);
  EXPECT_EQ(db->locations[0].text, "DATABASE_URL = os.environ[\"DATABASE_URL\"]");
  EXPECT_TRUE(find(r.section, "HOME")->system);
  EXPECT_FALSE(find(r.section, "API_KEY")->system);
  // Nothing documents anything here; system variables are not asked for.
  EXPECT_EQ(r.section.undocumented.size(), r.section.variables.size() - 1);
  EXPECT_TRUE(r.section.documented_files.empty());
  EXPECT_TRUE(r.diagnostics.empty());
}

TEST(EnvConfig, DocumentationSources) {
  auto r = run({
      {"src/app.ts",
       "export const cfg = {\n"
       "  db: process.env.DATABASE_URL,\n"
       "  redis: process.env.REDIS_URL,\n"
       "  key: process.env.API_KEY,\n"
       "  level: process.env.LOG_LEVEL,\n"
       "  dsn: process.env.SENTRY_DSN,\n"
       "  flag: process.env.FEATURE_FLAG,\n"
       "};\n"},
      {"src/other.ts", "if (process.env.DATABASE_URL) connect(process.env.DATABASE_URL);\n"},
      {".env.example",
       "# Database\nDATABASE_URL=postgres://localhost/app\n# REDIS_URL=redis://localhost\nUNUSED_KEY=1\n"},
      {"README.md", "Set `API_KEY` before starting.\n"},
      {"docs/configuration.md", "LOG_LEVEL controls verbosity.\n"},
      {"docker-compose.yml", "services:\n  app:\n    environment:\n      SENTRY_DSN: https://example\n"},
      {".env", "FEATURE_FLAG=on-secret-value\n"},
  });
  ASSERT_EQ(r.section.variables.size(), 6u);
  const auto* db = find(r.section, "DATABASE_URL");
  ASSERT_NE(db, nullptr);
  EXPECT_TRUE(db->documented);
  ASSERT_EQ(db->locations.size(), 2u);  // one per line, not per mention
  EXPECT_EQ(db->locations[0].file, "src/app.ts");
  EXPECT_EQ(db->locations[1].file, "src/other.ts");
  EXPECT_TRUE(find(r.section, "REDIS_URL")->documented);  // commented-out example key
  EXPECT_TRUE(find(r.section, "API_KEY")->documented);
  EXPECT_TRUE(find(r.section, "LOG_LEVEL")->documented);
  EXPECT_TRUE(find(r.section, "SENTRY_DSN")->documented);
  EXPECT_FALSE(find(r.section, "FEATURE_FLAG")->documented);  // a real .env documents nothing
  EXPECT_EQ(r.section.undocumented, std::vector<std::string>{"FEATURE_FLAG"});
  EXPECT_EQ(r.section.documented_files,
            (std::vector<std::string>{".env.example", "README.md", "docker-compose.yml", "docs/configuration.md"}));
  EXPECT_EQ(r.section.example_only, std::vector<std::string>{"UNUSED_KEY"});

  const std::string json = nlohmann::json(r.section).dump();
  EXPECT_EQ(json.find("on-secret-value"), std::string::npos);
  EXPECT_EQ(json.find("postgres://localhost/app"), std::string::npos);
}

TEST(EnvConfig, BrokenComposeDoesNotStopTheSection) {
  auto r = run(
      {{"main.go", "u := os.Getenv(\"DB_URL\")\n"}, {"compose.yaml", "services:\n  app:\n    environment: [DB_URL\n"}});
  ASSERT_EQ(r.section.variables.size(), 1u);
  EXPECT_FALSE(r.section.variables[0].documented);
  EXPECT_TRUE(r.diagnostics.empty());  // the services section reports broken compose files
}

TEST(EnvConfig, EnvExampleNames) {
  EXPECT_TRUE(is_env_example(".env.example"));
  EXPECT_TRUE(is_env_example("backend/.env.sample"));
  EXPECT_TRUE(is_env_example(".env.template"));
  EXPECT_TRUE(is_env_example(".env.dist"));
  EXPECT_TRUE(is_env_example("example.env"));
  EXPECT_TRUE(is_env_example(".env.local.example"));
  EXPECT_FALSE(is_env_example(".env"));
  EXPECT_FALSE(is_env_example(".env.production"));
  EXPECT_FALSE(is_env_example("prod.env"));
}

TEST(EnvConfig, JsonShape) {
  auto r = run({{"a.py", "import os\nx = os.getenv('A_VAR', 'd')\n"}});
  nlohmann::json j = r.section;
  EXPECT_EQ(j, nlohmann::json::parse(R"json({
    "variables": [{"name": "A_VAR", "documented": false, "has_default": true, "system": false,
                   "locations": [{"file": "a.py", "line": 2, "text": "x = os.getenv('A_VAR', 'd')"}]}],
    "documented_files": [], "undocumented": ["A_VAR"], "example_only": []})json"));
}

}  // namespace
}  // namespace copilot::audit
