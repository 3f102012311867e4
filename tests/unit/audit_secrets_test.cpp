#include <gtest/gtest.h>

#include "audit/secrets.h"
#include "audit_fixture.h"

namespace copilot::audit {
namespace {

// Secrets are assembled at run time so this file holds no literal token.
std::string chars(size_t n, unsigned seed = 7) {
  static constexpr char kAlphabet[] = "aB3dE5gH7jK9mN2pQ4sT6vW8yZ0cF1hL";
  std::string out;
  for (size_t i = 0; i < n; ++i) {
    seed = seed * 1103515245u + 12345u;
    out.push_back(kAlphabet[(seed >> 16) % 32]);
  }
  return out;
}
std::string cat(std::initializer_list<std::string> parts) {
  std::string out;
  for (const auto& p : parts) out += p;
  return out;
}

struct Scan {
  SecretsSection section;
  std::vector<Diagnostic> diagnostics;
};
Scan run(const std::vector<std::pair<std::string, std::string>>& files, std::vector<std::string> allow = {}) {
  AuditOptions options;
  options.secret_allowlist = std::move(allow);
  auto [section, diagnostics] = copilot::testing::detect_in_memory(detect_secrets, files, std::move(options));
  return {std::move(section), std::move(diagnostics)};
}

TEST(Secrets, DetectsStructuredTokens) {
  const std::string aws = cat({"AK", "IA", "QWERTYUIOPASDFGH"});
  const std::string ghp = cat({"gh", "p_", chars(36, 1)});
  const std::string glpat = cat({"gl", "pat-", chars(20, 2)});
  const std::string slack = cat({"xo", "xb-", "1234567890-", chars(24, 3)});
  const std::string hook = cat({"https://hooks.", "slack.com/services/T0123ABCD/B0456EFGH/", chars(24, 4)});
  const std::string stripe = cat({"sk", "_live_", chars(24, 5)});
  const std::string google = cat({"AI", "za", chars(35, 6)});
  const std::string jwt = cat({"eyJhbGciOiJIUzI1NiJ9", ".", "eyJzdWIiOiIxMjM0NTY3ODkwIn0", ".", chars(43, 8)});
  const std::string content = cat({"aws_key = \"", aws,    "\"\n",    // 1
                                   "GH = '",       ghp,    "'\n",     // 2
                                   "gitlab: ",     glpat,  "\n",      // 3
                                   "slack = \"",   slack,  "\"\n",    // 4
                                   "url = \"",     hook,   "\"\n",    // 5
                                   "stripe = \"",  stripe, "\"\n",    // 6
                                   "const g = \"", google, "\";\n",   // 7
                                   "auth = \"",    jwt,    "\"\n"});  // 8
  auto matches = scan_secrets("src/settings.py", content);
  ASSERT_EQ(matches.size(), 8u);
  std::vector<std::pair<std::string, int>> got;
  for (const auto& m : matches) got.emplace_back(m.rule, m.line);
  std::vector<std::pair<std::string, int>> want = {
      {"aws_access_key_id", 1}, {"github_token", 2}, {"gitlab_token", 3},   {"slack_token", 4},
      {"slack_webhook", 5},     {"stripe_key", 6},   {"google_api_key", 7}, {"jwt", 8}};
  EXPECT_EQ(got, want);
  EXPECT_EQ(matches[0].column, 12);
  EXPECT_EQ(matches[0].redacted, "AKIA****");
  EXPECT_EQ(matches[1].column, 7);
  for (const auto& m : matches) {
    EXPECT_GE(m.confidence, 0.8) << m.rule;
    EXPECT_EQ(m.fingerprint.size(), 16u);
  }
}

TEST(Secrets, AwsSecretAccessKeyAssignment) {
  const std::string key = chars(40, 11);
  auto matches = scan_secrets("deploy/config.py", "AWS_SECRET_ACCESS_KEY = \"" + key + "\"\n");
  ASSERT_EQ(matches.size(), 1u);
  EXPECT_EQ(matches[0].rule, "aws_secret_access_key");
  EXPECT_EQ(matches[0].column, 26);
}

TEST(Secrets, PrivateKeyBlockNeedsABody) {
  std::string body;
  for (int i = 0; i < 4; ++i) body += chars(64, 20 + i) + "\n";
  const std::string begin = cat({"-----BEGIN RSA ", "PRIVATE KEY-----"});
  const std::string end = cat({"-----END RSA ", "PRIVATE KEY-----"});
  auto matches = scan_secrets("certs/server.pem", "\n" + begin + "\n" + body + end + "\n");
  ASSERT_EQ(matches.size(), 1u);
  EXPECT_EQ(matches[0].rule, "private_key");
  EXPECT_EQ(matches[0].line, 2);
  EXPECT_EQ(matches[0].column, 1);
  EXPECT_EQ(matches[0].redacted, body.substr(0, 4) + "****");

  // Code that only checks for the header, and docs that elide the body.
  EXPECT_TRUE(scan_secrets("pem.py", "if line.startswith(\"" + begin + "\"):\n    return True\n").empty());
  EXPECT_TRUE(scan_secrets("README.md", begin + "\nMIIEvQ...\n" + end + "\n").empty());
}

TEST(Secrets, GenericAssignments) {
  const std::string pw = "Xk9#mQ2vL7pz";
  const std::string api = chars(32, 30);
  auto matches = scan_secrets("app/db.py", cat({"DB_PASSWORD = \"", pw, "\"\n", "config = {\"api_key\": '", api, "'}\n",
                                                "client.token = `", chars(24, 31), "`\n"}));
  ASSERT_EQ(matches.size(), 3u);
  EXPECT_EQ(matches[0].rule, "generic_secret");
  EXPECT_EQ(matches[0].line, 1);
  EXPECT_EQ(matches[0].column, 16);
  EXPECT_EQ(matches[0].redacted, "Xk9****");  // a quarter of 12 characters
  EXPECT_EQ(matches[1].line, 2);
  EXPECT_EQ(matches[2].line, 3);
  EXPECT_LT(matches[0].confidence, 0.8);
  EXPECT_GT(matches[1].confidence, matches[0].confidence);  // long and random
}

TEST(Secrets, UnquotedValuesOnlyInConfigFiles) {
  const std::string line = "DB_PASSWORD=Xk9mQ2vL7pz4\n";
  EXPECT_EQ(scan_secrets(".env", line).size(), 1u);
  EXPECT_EQ(
      scan_secrets("src/main/resources/application.properties", "spring.datasource.password=Xk9mQ2vL7pz4\n").size(),
      1u);
  EXPECT_TRUE(scan_secrets("run.sh", line).empty());
}

TEST(Secrets, PasswordInUrl) {
  const std::string url = cat({"postgres://app:", "Tq8vZ3xWp1", "@db.internal:5432/app"});
  auto matches = scan_secrets("settings.py", "DATABASE_URL = '" + url + "'\n");
  ASSERT_EQ(matches.size(), 1u);
  EXPECT_EQ(matches[0].rule, "url_credentials");
  EXPECT_EQ(matches[0].redacted, "Tq****");
  // The classic local default, and a templated password.
  EXPECT_TRUE(scan_secrets("compose.yaml", "url: postgres://postgres:postgres@db/app\n").empty());
  EXPECT_TRUE(scan_secrets("a.py", "u = 'redis://user:${REDIS_PASSWORD}@cache'\n").empty());
}

TEST(Secrets, PlaceholdersAndLookupsAreNotSecrets) {
  const std::string content =
      "password = \"changeme\"\n"
      "API_KEY = \"${API_KEY}\"\n"
      "token = \"<your-token-here>\"\n"
      "secret = os.environ.get(\"SECRET\", \"\")\n"
      "password = \"example-password-1\"\n"
      "aws_key = \"AKIAIOSFODNN7EXAMPLE\"\n"
      "api_key = \"xxxxxxxxxxxxxxxx\"\n"
      "token = \"dummy_token_123\"\n"
      "password_field = \"Pw9_input_x1\"\n"
      "TOKEN_BACKEND = \"app.auth.TokenBackend\"\n"
      "SECRET_KEY_SETTING = \"DJANGO_SECRET\"\n"
      "passwd = \"aaaaaaaaaaaa\"\n"
      "auth = \"eyJub3Rqc29uIjp9.eyJzdWIiOiIxIn0.abcdefghijklmnopqrstu\"\n"
      "slack = \"xoxb-your-bot-token\"\n"
      "# password: hunter2 is a common example\n"
      "NUMBER_TOKEN = r'[0-9@#.,E+]x9'\n"
      "elif token == \"#bygroup1x\":\n"
      ">>> token = 'variable|default:\"Default v4lue\"'\n";
  auto matches = scan_secrets("app/settings.py", content);
  for (const auto& m : matches) ADD_FAILURE() << m.rule << " at line " << m.line;
}

TEST(Secrets, RedactionNeverLeaksTheSecret) {
  const std::string ghp = cat({"gh", "p_", chars(36, 40)});
  const std::string pw = "Zr4!vN8qLm2x";
  auto s = run({{"src/app.js", cat({"const t = '", ghp, "';\nconst password = \"", pw, "\";\n"})}});
  ASSERT_EQ(s.section.findings.size(), 2u);
  const std::string json = nlohmann::json(s.section).dump();
  EXPECT_EQ(json.find(ghp), std::string::npos);
  EXPECT_EQ(json.find(pw), std::string::npos);
  EXPECT_EQ(json.find(ghp.substr(0, 8)), std::string::npos);
  EXPECT_EQ(s.section.findings[0].match.redacted, "ghp_****");
  EXPECT_EQ(s.section.findings[1].match.redacted, "Zr4****");

  const std::string shown = redact_secrets("src/app.js", "const t = '" + ghp + "';");
  EXPECT_EQ(shown, "const t = 'ghp_****';");
}

TEST(Secrets, JsonShape) {
  const std::string stripe = cat({"rk", "_live_", chars(24, 50)});
  auto s = run({{"billing.rb", "KEY = '" + stripe + "'\n"}});
  nlohmann::json j = s.section;
  ASSERT_EQ(j["findings"].size(), 1u);
  const auto& f = j["findings"][0];
  EXPECT_EQ(f["file"], "billing.rb");
  EXPECT_EQ(f["rule"], "stripe_key");
  EXPECT_EQ(f["description"], "Stripe live secret key");
  EXPECT_EQ(f["line"], 1);
  EXPECT_EQ(f["column"], 8);
  EXPECT_EQ(f["redacted"], "rk_l****");
  EXPECT_EQ(f["confidence"], 0.95);
  EXPECT_EQ(j["suppressed"], 0);
  EXPECT_EQ(f.size(), 8u);
}

TEST(Secrets, FingerprintSurvivesLineMovesButNotOtherFiles) {
  const std::string ghp = cat({"gh", "p_", chars(36, 60)});
  const std::string line = "TOKEN = '" + ghp + "'\n";
  auto a = scan_secrets("ci/deploy.py", line);
  auto b = scan_secrets("ci/deploy.py", "import os\n\n# deploy helper\n" + line);
  auto c = scan_secrets("ci/other.py", line);
  ASSERT_EQ(a.size(), 1u);
  ASSERT_EQ(b.size(), 1u);
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(b[0].line, 4);
  EXPECT_EQ(a[0].fingerprint, b[0].fingerprint);
  EXPECT_NE(a[0].fingerprint, c[0].fingerprint);
  EXPECT_EQ(a[0].fingerprint.find(ghp), std::string::npos);
}

TEST(Secrets, AllowlistSuppresses) {
  const std::string ghp = cat({"gh", "p_", chars(36, 70)});
  const std::string content = "TOKEN = '" + ghp + "'\n";
  auto fp = scan_secrets("a.py", content).at(0).fingerprint;
  auto s = run({{"a.py", content}, {"b.py", content}}, {fp});
  EXPECT_EQ(s.section.suppressed, 1);
  ASSERT_EQ(s.section.findings.size(), 1u);
  EXPECT_EQ(s.section.findings[0].file, "b.py");
}

TEST(Secrets, TestFixturesGetLowerConfidence) {
  const std::string ghp = cat({"gh", "p_", chars(36, 80)});
  const std::string content = "TOKEN = '" + ghp + "'\n";
  auto prod = scan_secrets("src/client.py", content);
  auto fixture = scan_secrets("tests/fixtures/client.py", content);
  ASSERT_EQ(prod.size(), 1u);
  ASSERT_EQ(fixture.size(), 1u);
  EXPECT_DOUBLE_EQ(prod[0].confidence, 0.95);
  EXPECT_DOUBLE_EQ(fixture[0].confidence, 0.475);
  EXPECT_TRUE(is_test_path("pkg/server_test.go"));
  EXPECT_TRUE(is_test_path("web/src/App.spec.tsx"));
  EXPECT_TRUE(is_test_path("tests/test_views.py"));
  EXPECT_TRUE(is_test_path("rules/python/sql-injection.positive.py"));
  EXPECT_FALSE(is_test_path("src/contest/latest.py"));
}

TEST(Secrets, SkipsLockAndBinaryFiles) {
  const std::string ghp = cat({"gh", "p_", chars(36, 90)});
  EXPECT_TRUE(scan_secrets("package-lock.json", "\"x\": \"" + ghp + "\"\n").empty());
  EXPECT_TRUE(scan_secrets("assets/logo.png", ghp).empty());
  auto s = run({{"yarn.lock", "token \"" + ghp + "\"\n"}});
  EXPECT_TRUE(s.section.findings.empty());
}

TEST(Secrets, OneFindingPerSecret) {
  // A structured token assigned to a secret-looking name is reported once, by the specific rule.
  const std::string ghp = cat({"gh", "p_", chars(36, 100)});
  auto matches = scan_secrets("a.py", "github_token = \"" + ghp + "\"\n");
  ASSERT_EQ(matches.size(), 1u);
  EXPECT_EQ(matches[0].rule, "github_token");
}

TEST(Secrets, EvidenceTextIsSafeToShow) {
  const std::string ghp = cat({"gh", "p_", chars(36, 110)});
  EXPECT_EQ(evidence_text("a.py", "   token = '" + ghp + "'  "), "token = 'ghp_****'");
  // Cut at 200 bytes, but never inside a UTF-8 character.
  std::string line = std::string(199, 'a') + "\xc3\xa9" + std::string(10, 'b');
  EXPECT_EQ(evidence_text("a.py", line), std::string(199, 'a'));
}

}  // namespace
}  // namespace copilot::audit
