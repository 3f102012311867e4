// Every triage output format against its golden file (the list comes from the
// format table), plus what a golden diff would not explain on its own.
// UPDATE_GOLDEN=1 rewrites the goldens from the current writers.
#include "report/triage_formats.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

namespace copilot::report {
namespace {

namespace fs = std::filesystem;
using triage::Failure;
using triage::FailureGroup;
using triage::FailureKind;
using triage::TriageReport;

const fs::path kGoldenDir = fs::path(COPILOT_SOURCE_DIR) / "tests" / "golden" / "triage";

FailureGroup group(FailureKind kind, std::string tool, std::string test, std::string file, bool linked, int line,
                   std::string message, std::string detail, size_t count) {
  FailureGroup g;
  g.failure.kind = kind;
  g.failure.tool = std::move(tool);
  g.failure.test = std::move(test);
  g.failure.file = linked ? "/home/runner/work/app/app/" + file : file;
  g.failure.line = line;
  g.failure.message = std::move(message);
  g.failure.detail = std::move(detail);
  g.failure.log_line = 10;
  g.file = std::move(file);
  g.linked = linked;
  if (!linked && !g.file.empty()) g.link_note = "not a file of the repository";
  g.fingerprint = "0123456789abcdef";
  g.count = count;
  for (size_t i = 0; i < count; ++i) g.occurrences.push_back({"ci.log", static_cast<int>(10 + 100 * i), line, 0});
  return g;
}

TriageReport sample() {
  TriageReport r;
  r.root = "/home/ci/repo";
  r.logs = {{"ci.log", 1234, {"gcc", "pytest"}, 4}};
  r.groups.push_back(group(FailureKind::test_failure, "pytest", "tests/test_calc.py::test_add", "tests/test_calc.py",
                           true, 13, "assert -1 == 5", ">       assert add(2, 3) == 5\nE       assert -1 == 5", 2));
  r.groups.push_back(group(FailureKind::compile_error, "gcc", "", "src/x.c", true, 3, "'y' undeclared | <b>*bold*</b>",
                           "src/x.c:3:5: error: 'y' undeclared\n```\n    3 |   y = 1;", 1));
  r.groups.back().failure.column = 5;
  r.groups.push_back(
      group(FailureKind::link_error, "ld", "", "/opt/vendor/lib.c", false, 0, "undefined reference to `f'", "", 1));
  r.failures = 4;
  return r;
}

TriageReport empty() {
  TriageReport r;
  r.root = "/home/ci/repo";
  r.logs = {{"-", 3, {}, 0}};
  return r;
}

std::string read_text(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void check_golden(const std::string& name, const std::string& actual) {
  fs::path path = kGoldenDir / name;
  const char* update = std::getenv("UPDATE_GOLDEN");
  if (update && std::string(update) == "1") {
    fs::create_directories(kGoldenDir);
    std::ofstream(path, std::ios::binary) << actual;
    return;
  }
  ASSERT_TRUE(fs::exists(path)) << path << " is missing; run with UPDATE_GOLDEN=1 to create it";
  EXPECT_EQ(read_text(path), actual) << "golden " << path << " differs; run with UPDATE_GOLDEN=1 after checking";
}

TEST(TriageFormats, EveryFormatMatchesItsGoldens) {
  for (const auto& format : triage_formats()) {
    SCOPED_TRACE(format.name);
    check_golden(std::string("sample.") + format.name, format.render(sample(), {}));
    check_golden(std::string("empty.") + format.name, format.render(empty(), {}));
  }
}

TEST(TriageFormats, NoGoldenWithoutAFormat) {
  std::set<std::string> expected;
  for (const auto& f : triage_formats())
    for (std::string which : {"sample.", "empty."}) expected.insert(which + f.name);
  for (const auto& entry : fs::directory_iterator(kGoldenDir))
    EXPECT_TRUE(expected.count(entry.path().filename().string())) << "stale golden " << entry.path();
}

TEST(TriageFormats, Lookup) {
  ASSERT_NE(find_triage_format("markdown"), nullptr);
  EXPECT_EQ(find_triage_format("sarif"), nullptr);
  EXPECT_EQ(triage_format_names(), "text, json, markdown");
}

TEST(TriageFormats, LinkedPathsAreClickableFromTheCurrentDirectory) {
  TriageWriterOptions options;
  options.path_prefix = "../repo/";
  std::string text = write_triage_text(sample(), options);
  EXPECT_NE(text.find("1. ../repo/tests/test_calc.py:13: test_failure [pytest] x2"), std::string::npos) << text;
  EXPECT_NE(text.find("2. ../repo/src/x.c:3:5: compile_error [gcc]"), std::string::npos) << text;
  // A path that is not the repository's keeps its own form.
  EXPECT_NE(text.find("3. /opt/vendor/lib.c: link_error [ld]"), std::string::npos) << text;
  EXPECT_NE(text.find("not linked to the repository: not a file of the repository"), std::string::npos);
}

TEST(TriageFormats, MarkdownKeepsMessagesLiteralAndFencesHoldBackticks) {
  std::string md = write_triage_markdown(sample(), {});
  EXPECT_NE(md.find("'y' undeclared \\| \\<b\\>\\*bold\\*\\</b\\>"), std::string::npos) << md;
  EXPECT_NE(md.find("````text\nsrc/x.c:3:5"), std::string::npos) << "a fence longer than the ``` inside";
}

TEST(TriageFormats, TextNeverCarriesInvalidUtf8) {
  TriageReport r = sample();
  r.groups[0].failure.message = "caf\xC3\x28";
  std::string text = write_triage_text(r, {});
  EXPECT_NE(text.find("caf\xEF\xBF\xBD("), std::string::npos);
}

}  // namespace
}  // namespace copilot::report
