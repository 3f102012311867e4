// The plan engine: reading audit reports, rendering templates, writing and
// diffing blueprints.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "audit/audit.h"
#include "plan/plan.h"
#include "plan/templates.h"
#include "test_support.h"
#include "util/files.h"
#include "util/json_schema.h"

namespace copilot::plan {
namespace {

namespace fs = std::filesystem;
using copilot::testing::TempDir;
using nlohmann::json;

std::string empty_audit_text() {
  return audit::to_json(audit::AuditReport{}).dump(2);
}

// ---- audit input ----

TEST(PlanAuditInput, AcceptsWhatTheAuditWrites) {
  auto parsed = parse_audit(empty_audit_text(), "audit.json");
  ASSERT_TRUE(parsed.ok()) << parsed.error().message;
  EXPECT_EQ((*parsed)["schema_version"], "1.0");
}

TEST(PlanAuditInput, MalformedJsonNamesFileLineAndColumn) {
  auto parsed = parse_audit("{\n  \"schema_version\": \"1.0\",\n  \"project\": oops\n}", "in/audit.json");
  ASSERT_FALSE(parsed.ok());
  EXPECT_TRUE(parsed.error().usage);
  EXPECT_EQ(parsed.error().message.rfind("in/audit.json:3:14: not valid JSON", 0), 0u) << parsed.error().message;
}

TEST(PlanAuditInput, WrongSchemaVersionNamesTheField) {
  json doc = json::parse(empty_audit_text());
  doc["schema_version"] = "2.0";
  auto parsed = parse_audit(doc.dump(), "audit.json");
  ASSERT_FALSE(parsed.ok());
  EXPECT_NE(parsed.error().message.find("audit.json: field 'schema_version' is \"2.0\""), std::string::npos)
      << parsed.error().message;
  doc.erase("schema_version");
  auto missing = parse_audit(doc.dump(), "audit.json");
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.error().message.find("'schema_version' is missing"), std::string::npos);
}

TEST(PlanAuditInput, SchemaViolationsNameTheNestedField) {
  json doc = json::parse(empty_audit_text());
  doc["stack"]["manifests"] = json::array({{{"path", "package.json"},
                                            {"ecosystem", "cobol"},
                                            {"package_manager", "npm"},
                                            {"lock_file", nullptr},
                                            {"dependencies", json::array()}}});
  auto parsed = parse_audit(doc.dump(), "a.json");
  ASSERT_FALSE(parsed.ok());
  EXPECT_NE(parsed.error().message.find("a.json: field 'stack.manifests[0].ecosystem' expected one of"),
            std::string::npos)
      << parsed.error().message;

  doc = json::parse(empty_audit_text());
  doc["services"].erase("health_endpoints");
  parsed = parse_audit(doc.dump(), "a.json");
  ASSERT_FALSE(parsed.ok());
  EXPECT_NE(parsed.error().message.find("field 'services.health_endpoints' is missing"), std::string::npos);

  doc = json::parse(empty_audit_text());
  doc["readiness"]["score"] = "high";
  parsed = parse_audit(doc.dump(), "a.json");
  ASSERT_FALSE(parsed.ok());
  EXPECT_NE(parsed.error().message.find("field 'readiness.score' expected integer, got string"), std::string::npos);
}

TEST(JsonSchema, FollowsReferencesAcrossSchemas) {
  json other = {{"$defs", {{"port", {{"type", "integer"}, {"minimum", 1}}}}}};
  json schema = {{"type", "object"},
                 {"properties", {{"ports", {{"type", "array"}, {"items", {{"$ref", "other.json#/$defs/port"}}}}}}}};
  auto lookup = [&](const std::string& name) -> const json* { return name == "other.json" ? &other : nullptr; };
  EXPECT_FALSE(util::check_json_schema(json{{"ports", {80, 443}}}, schema, lookup));
  auto bad = util::check_json_schema(json{{"ports", {80, 0}}}, schema, lookup);
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->field, "ports[1]");
  EXPECT_EQ(bad->problem, "must be at least 1");
}

// ---- templates ----

std::string render(const std::string& text, const json& context, const json* item = nullptr,
                   const Partials* partials = nullptr) {
  auto out = render_template({text, "t.mustache"}, context, item, partials);
  EXPECT_TRUE(out.ok()) << (out.ok() ? "" : out.error().message);
  return out.ok() ? *out : "";
}

TEST(PlanTemplates, StandaloneTagLinesLeaveNoBlankLines) {
  std::string text = "a\n  {{#on}}\nb\n  {{/on}}\n  {{^on}}\nc\n  {{/on}}\n\nd\n";
  EXPECT_EQ(render(text, {{"on", true}}), "a\nb\n\nd\n");
  EXPECT_EQ(render(text, {{"on", false}}), "a\nc\n\nd\n");
}

TEST(PlanTemplates, NothingIsEscapedAndEmptyValuesAreFalse) {
  EXPECT_EQ(render("run: {{cmd}}\n", {{"cmd", "a && b < \"c\""}}), "run: a && b < \"c\"\n");
  EXPECT_EQ(render("{{#path}}x{{/path}}{{^path}}y{{/path}}\n", {{"path", ""}}), "y\n");
  EXPECT_EQ(render("{{#path}}x{{/path}}\n", {{"path", nullptr}}), "\n");
}

TEST(PlanTemplates, ItemKeysShadowTheContext) {
  json context = {{"name", "project"}, {"registry", "ghcr.io/acme"}};
  json item = {{"name", "api"}};
  EXPECT_EQ(render("{{name}} {{registry}}\n", context, &item), "api ghcr.io/acme\n");
}

TEST(PlanTemplates, DelimitersCanChangeForFilesThatUseBraces) {
  std::string text = "{{=<% %>=}}# <%name%>\ngroup: ${{ github.ref }}\n<%#on%>\nyes\n<%/on%>\n";
  EXPECT_EQ(render(text, {{"name", "ci"}, {"on", true}}), "# ci\ngroup: ${{ github.ref }}\nyes\n");
}

TEST(PlanTemplates, PartialsAreIncludedWithoutTheirFinalNewline) {
  Partials partials = {{"pod", {"  spec:\n{{#on}}\n    x: {{v}}\n{{/on}}\n", "pod.mustache"}}};
  EXPECT_EQ(render("kind: A\n{{> pod}}\nend\n", {{"on", true}, {"v", 1}}, nullptr, &partials),
            "kind: A\n  spec:\n    x: 1\nend\n");
}

TEST(PlanTemplates, SyntaxErrorsNameTheFileAndLine) {
  auto unclosed = render_template({"line one\nline two\n  {{#services}}\n  x\n", "templates/k8s/a.mustache"}, json{});
  ASSERT_FALSE(unclosed.ok());
  EXPECT_TRUE(unclosed.error().usage);
  EXPECT_EQ(unclosed.error().message, "templates/k8s/a.mustache:3: template error: Unclosed section \"services\"");

  auto tag = render_template({"a\nb {{name\n", "x.mustache"}, json{});
  ASSERT_FALSE(tag.ok());
  EXPECT_EQ(tag.error().message, "x.mustache:2: template error: Unclosed tag");

  Partials partials = {{"pod", {"ok\n{{/nope}}\n", "over/pod.mustache"}}};
  auto in_partial = render_template({"{{> pod}}\n", "a.mustache"}, json{}, nullptr, &partials);
  ASSERT_FALSE(in_partial.ok());
  EXPECT_EQ(in_partial.error().message, "over/pod.mustache:2: template error: Unopened section \"nope\"");
}

TEST(PlanTemplates, OverridesReplaceBuiltInFilesOneByOne) {
  TempDir dir;
  dir.write("docker/dockerignore.mustache", "custom {{name}}\n");
  TemplateSet set(dir.path());
  auto overridden = set.get("docker/dockerignore.mustache");
  ASSERT_TRUE(overridden.ok());
  EXPECT_EQ(overridden->text, "custom {{name}}\n");
  EXPECT_EQ(overridden->origin, (dir.path() / "docker/dockerignore.mustache").string());
  auto builtin = set.get("docker/target.yaml");
  ASSERT_TRUE(builtin.ok());
  EXPECT_EQ(builtin->origin, "templates/docker/target.yaml");
  auto missing = set.get("docker/none.mustache");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().message, "templates/docker/none.mustache: no such template");
}

TEST(PlanTemplates, EveryBuiltInTemplateParses) {
  for (const auto& [name, text] : embedded_templates()) {
    if (name.size() < 9 || name.substr(name.size() - 9) != ".mustache") continue;
    auto out = render_template({text, name}, json{});
    EXPECT_TRUE(out.ok()) << out.error().message;
  }
}

// ---- output ----

Blueprint blueprint_of(std::vector<PlanFile> files) {
  Blueprint b;
  b.project = "demo";
  b.files = std::move(files);
  return b;
}

std::string read(const fs::path& p) {
  auto text = util::read_file(p);
  return text ? *text : "<missing>";
}

// Nothing but `expected` under `dir` (no staging directories left behind).
std::vector<std::string> listing(const fs::path& dir) {
  std::vector<std::string> out;
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(dir, ec); it != fs::recursive_directory_iterator(); ++it)
    out.push_back(fs::relative(it->path(), dir).string() + (it->is_directory() ? "/" : ""));
  std::sort(out.begin(), out.end());
  return out;
}

TEST(PlanOutput, WritesANewDirectoryWhole) {
  TempDir dir;
  auto b = blueprint_of({{"a.txt", "t", "A\n"}, {"k8s/api/d.yaml", "t", "D\n"}});
  auto w = write_blueprint(b, dir.path() / "out", false);
  ASSERT_TRUE(w.ok()) << w.error().message;
  EXPECT_EQ(w->written, (std::vector<std::string>{"a.txt", "k8s/api/d.yaml"}));
  EXPECT_EQ(listing(dir.path()),
            (std::vector<std::string>{"out/", "out/a.txt", "out/k8s/", "out/k8s/api/", "out/k8s/api/d.yaml"}));
  auto again = write_blueprint(b, dir.path() / "out", false);
  ASSERT_TRUE(again.ok());
  EXPECT_TRUE(again->written.empty());
  EXPECT_EQ(again->unchanged.size(), 2u);
}

TEST(PlanOutput, NeverReplacesOtherContentWithoutForce) {
  TempDir dir;
  dir.write("out/a.txt", "mine\n");
  auto b = blueprint_of({{"a.txt", "t", "A\n"}, {"b.txt", "t", "B\n"}});
  auto refused = write_blueprint(b, dir.path() / "out", false);
  ASSERT_FALSE(refused.ok());
  EXPECT_TRUE(refused.error().usage);
  EXPECT_NE(refused.error().message.find("use --force"), std::string::npos);
  EXPECT_EQ(read(dir.path() / "out/a.txt"), "mine\n");
  EXPECT_FALSE(fs::exists(dir.path() / "out/b.txt"));

  auto forced = write_blueprint(b, dir.path() / "out", true);
  ASSERT_TRUE(forced.ok()) << forced.error().message;
  EXPECT_EQ(read(dir.path() / "out/a.txt"), "A\n");
  EXPECT_EQ(read(dir.path() / "out/b.txt"), "B\n");
  EXPECT_EQ(listing(dir.path()), (std::vector<std::string>{"out/", "out/a.txt", "out/b.txt"}));
}

TEST(PlanOutput, AnUnwritableTargetLeavesNothingBehind) {
  TempDir dir;
  dir.write("file", "not a directory\n");
  auto b = blueprint_of({{"a.txt", "t", "A\n"}});
  auto w = write_blueprint(b, dir.path() / "file" / "out", false);
  ASSERT_FALSE(w.ok());
  EXPECT_FALSE(w.error().usage);
  EXPECT_NE(w.error().message.find("cannot write the plan to"), std::string::npos) << w.error().message;
  EXPECT_EQ(listing(dir.path()), (std::vector<std::string>{"file"}));
}

TEST(PlanOutput, AFailedMoveIsRolledBack) {
  TempDir dir;
  dir.write("out/a.txt", "old\n");
  dir.write("out/b/keep.txt", "x\n");
  // c/ is a file where the plan needs a directory: the move fails after a.txt was replaced.
  dir.write("out/c", "in the way\n");
  auto b = blueprint_of({{"a.txt", "t", "new\n"}, {"b/new.txt", "t", "N\n"}, {"c/d.txt", "t", "D\n"}});
  auto w = write_blueprint(b, dir.path() / "out", true);
  ASSERT_FALSE(w.ok());
  EXPECT_EQ(read(dir.path() / "out/a.txt"), "old\n");
  EXPECT_EQ(listing(dir.path()), (std::vector<std::string>{"out/", "out/a.txt", "out/b/", "out/b/keep.txt", "out/c"}));
}

TEST(PlanOutput, DiffShowsChangesAndNewFiles) {
  TempDir repo;
  repo.write("Dockerfile", "FROM python:3.11\nUSER root\n");
  repo.write("same.txt", "same\n");
  auto b = blueprint_of({{"Dockerfile", "docker", "FROM python:3.12\nUSER root\n"},
                         {"new.yml", "gates", "a: 1\n"},
                         {"same.txt", "x", "same\n"}});
  auto diff = diff_blueprint(b, repo.path());
  ASSERT_TRUE(diff.ok());
  EXPECT_NE(diff->find("--- a/Dockerfile\n+++ b/Dockerfile\n"), std::string::npos) << *diff;
  EXPECT_NE(diff->find("-FROM python:3.11\n+FROM python:3.12\n USER root\n"), std::string::npos) << *diff;
  EXPECT_NE(diff->find("--- /dev/null\n+++ b/new.yml\n@@ -0,0 +1 @@\n+a: 1\n"), std::string::npos) << *diff;
  EXPECT_EQ(diff->find("same.txt"), std::string::npos);
  EXPECT_EQ(listing(repo.path()), (std::vector<std::string>{"Dockerfile", "same.txt"}));
}

}  // namespace
}  // namespace copilot::plan
