// Triage plumbing: line cleanup, message normalization, grouping, linking log
// paths to repository files, bad input, and run_triage over real files.
#include "triage/triage.h"

#include <gtest/gtest.h>

#include <chrono>
#include <sstream>

#include "test_support.h"

namespace copilot::triage {
namespace {

TEST(TriageClean, StripsAnsiAndGithubTimestamps) {
  EXPECT_EQ(clean_line("2026-01-01T00:00:00.0000000Z \x1b[31mFAIL\x1b[0m x"), "FAIL x");
  EXPECT_EQ(clean_line("\x1b[01m\x1b[Kbad.cpp:6:25:\x1b[m\x1b[K \x1b[01;31m\x1b[Kerror: \x1b[m\x1b[Kboom"),
            "bad.cpp:6:25: error: boom");
  EXPECT_EQ(clean_line("2026-01-01T00:00:00.0000000Z ##[error]Process completed with exit code 1."),
            "Process completed with exit code 1.");
  // Indentation after the timestamp is the tool's own and stays.
  EXPECT_EQ(clean_line("2026-01-01T00:00:00.1234567Z     calc_test.go:7: nope"), "    calc_test.go:7: nope");
}

TEST(TriageClean, StripsJenkinsTimestampsAndConsoleNotes) {
  EXPECT_EQ(clean_line("[2026-01-01T10:00:00.123Z] [ERROR] x"), "[ERROR] x");
  EXPECT_EQ(clean_line("[2026-01-01 10:00:00] FAIL y"), "FAIL y");
  EXPECT_EQ(clean_line("12:34:56.789 --- FAIL: TestA (0.00s)"), "--- FAIL: TestA (0.00s)");
  EXPECT_EQ(clean_line("[10:00:01] z"), "z");
  EXPECT_EQ(clean_line("\x1b[8mha:////4JcAbc+def=\x1b[0m[Pipeline] sh"), "[Pipeline] sh");
}

TEST(TriageClean, CarriageReturnsAndOtherEscapes) {
  EXPECT_EQ(clean_line("line\r"), "line");
  EXPECT_EQ(clean_line("10%\r50%\r100% done"), "100% done");
  EXPECT_EQ(clean_line("section_start:1700000000:build\r\x1b[0KBuilding"), "Building");
  EXPECT_EQ(clean_line("\x1b]8;;file:///x.py\x07x.py\x1b]8;;\x07:3"), "x.py:3");
  EXPECT_EQ(clean_line("\x1b(Bplain"), "plain");
  EXPECT_EQ(clean_line("dangling\x1b"), "dangling");
  EXPECT_EQ(clean_line("2026-13-99 not a timestamp"), "2026-13-99 not a timestamp");
  EXPECT_EQ(clean_line(""), "");
}

TEST(TriageNormalize, RunSpecificPartsAreReplaced) {
  EXPECT_EQ(normalize_message("index out of range [5] with length 3"), "index out of range [<n>] with length <n>");
  EXPECT_EQ(normalize_message("object at 0x7fe8de62f710 took 0.25s"), "object at 0x<hex> took <n>s");
  EXPECT_EQ(normalize_message("FileNotFoundError: /tmp/pytest-of-ci/pytest-12/test_a0/data.txt"),
            "FileNotFoundError: <tmp>");
  EXPECT_EQ(normalize_message("commit 3f2a9c1d0e is missing"), "commit <hex> is missing");
  EXPECT_EQ(normalize_message("id 123e4567-e89b-12d3-a456-426614174000 gone"), "id <uuid> gone");
  EXPECT_EQ(normalize_message("  spaced \t out  "), "spaced out");
  // Names with digits are part of the message, not run noise.
  EXPECT_EQ(normalize_message("TS2322: x1 is not int64_t"), "TS2322: x1 is not int64_t");
  EXPECT_EQ(normalize_message("the decade was defaced"), "the decade was defaced");
}

Failure failure(std::string tool, std::string test, std::string file, int line, std::string message, int log_line) {
  Failure f;
  f.tool = std::move(tool);
  f.test = std::move(test);
  f.file = std::move(file);
  f.line = line;
  f.message = std::move(message);
  f.log_line = log_line;
  return f;
}

TEST(TriageGroup, SameFailureAcrossLogsGroupsMostFrequentFirst) {
  LogScan run1, run2;
  run1.summary.name = "run1.log";
  run2.summary.name = "run2.log";
  run1.failures = {failure("go", "TestOnce", "a_test.go", 3, "boom", 5),
                   failure("pytest", "t.py::test_x", "t.py", 4, "assert 1 == 2", 9)};
  run2.failures = {failure("pytest", "t.py::test_x", "t.py", 7, "assert 5 == 2", 2)};
  PathLinker linker("/repo", {"t.py", "pkg/a_test.go"});
  auto groups = group_failures({run1, run2}, linker);
  ASSERT_EQ(groups.size(), 2u);
  EXPECT_EQ(groups[0].failure.test, "t.py::test_x");
  EXPECT_EQ(groups[0].count, 2u);
  ASSERT_EQ(groups[0].occurrences.size(), 2u);
  EXPECT_EQ(groups[0].occurrences[1].log, "run2.log");
  EXPECT_EQ(groups[0].occurrences[1].log_line, 2);
  EXPECT_EQ(groups[0].occurrences[1].line, 7);
  EXPECT_EQ(groups[1].file, "pkg/a_test.go");
  EXPECT_TRUE(groups[1].linked);
  EXPECT_EQ(groups[0].fingerprint.size(), 16u);
}

TEST(TriageGroup, DifferentMessagesOrPlacesStayApart) {
  LogScan log;
  log.failures = {failure("gcc", "", "x.c", 3, "'y' undeclared", 1), failure("gcc", "", "x.c", 9, "'y' undeclared", 5),
                  failure("gcc", "", "x.c", 3, "'y' undeclared", 8), failure("gcc", "", "x.c", 3, "other", 9)};
  auto groups = group_failures({log}, PathLinker("/r", {"x.c"}));
  ASSERT_EQ(groups.size(), 3u);
  EXPECT_EQ(groups[0].count, 2u);
  EXPECT_EQ(groups[0].failure.line, 3);
}

TEST(TriageGroup, OccurrencesAreCappedButCounted) {
  LogScan log;
  for (int i = 0; i < 250; ++i) log.failures.push_back(failure("ld", "", "", 0, "undefined reference to `f'", i + 1));
  auto groups = group_failures({log}, PathLinker("/r", {}));
  ASSERT_EQ(groups.size(), 1u);
  EXPECT_EQ(groups[0].count, 250u);
  EXPECT_EQ(groups[0].occurrences.size(), kMaxOccurrences);
}

TEST(TriageLink, RunnerPathsResolveByLongestSuffix) {
  PathLinker linker("/work/repo",
                    {"src/x.py", "lib/x.py", "app/src/main/java/demo/CalcTest.java", "calc/calc_test.go", "setup.py"});
  EXPECT_EQ(linker.link("/home/runner/work/app/app/src/x.py").file, "src/x.py");
  EXPECT_EQ(linker.link("/var/lib/jenkins/workspace/job/src/x.py").file, "src/x.py");
  EXPECT_EQ(linker.link("C:\\a\\b\\src\\x.py").file, "src/x.py");
  EXPECT_EQ(linker.link("/work/repo/lib/x.py").file, "lib/x.py");
  EXPECT_EQ(linker.link("./src/../lib/x.py").file, "lib/x.py");
  EXPECT_EQ(linker.link("file:///home/runner/work/app/app/setup.py").file, "setup.py");
  // Relative to a subdirectory: the log path is a suffix of the repository path.
  EXPECT_EQ(linker.link("demo/CalcTest.java").file, "app/src/main/java/demo/CalcTest.java");
  EXPECT_EQ(linker.link("calc_test.go").file, "calc/calc_test.go");
}

TEST(TriageLink, SaysWhyAPathIsNotLinked) {
  PathLinker linker("/work/repo", {"src/x.py", "lib/x.py", "src/util.h"});
  auto ambiguous = linker.link("x.py");
  EXPECT_EQ(ambiguous.file, "");
  EXPECT_NE(ambiguous.note.find("ambiguous: 2 files"), std::string::npos) << ambiguous.note;
  auto elsewhere = linker.link("/home/runner/work/app/app/other/util.h");
  EXPECT_EQ(elsewhere.file, "") << "the directories above the name differ";
  EXPECT_EQ(elsewhere.note, "not a file of the repository");
  auto library = linker.link("/usr/lib/python3.11/importlib/__init__.py");
  EXPECT_EQ(library.file, "");
  EXPECT_NE(library.note.find("installed package or system file"), std::string::npos);
  EXPECT_EQ(linker.link("").note, "");
}

TEST(TriageBadInput, EmptyBinaryAndHugeLinesYieldNothingAndNeverCrash) {
  EXPECT_TRUE(scan_text("").failures.empty());
  EXPECT_EQ(scan_text("").summary.lines, 0);
  std::string junk;
  for (int i = 0; i < 200000; ++i) junk += static_cast<char>((i * 7919) % 256);
  auto scan = scan_text(junk);
  EXPECT_TRUE(scan.failures.empty());
  EXPECT_TRUE(scan.summary.tools.empty());
  // One 5 MB line (cut to 64 KiB for parsing), then a real failure.
  std::string log(5 << 20, 'a');
  log += "\nx.c:1:1: error: real\n";
  auto big = scan_text(log);
  EXPECT_EQ(big.summary.lines, 2);
  ASSERT_EQ(big.failures.size(), 1u);
  EXPECT_EQ(big.failures[0].log_line, 2);
  // A failure header on a very long line keeps a bounded excerpt.
  auto long_message = scan_text("x.c:1:1: error: " + std::string(100000, 'm') + "\n");
  ASSERT_EQ(long_message.failures.size(), 1u);
  EXPECT_LT(long_message.failures[0].detail.size(), 1000u);
  // Invalid UTF-8 survives into the JSON report as replacement characters.
  TriageReport report;
  LogScan bad = scan_text("x.c:1:1: error: caf\xC3\x28 \xFF\n");
  report.groups = group_failures({bad}, PathLinker("/r", {}));
  EXPECT_NO_THROW(to_json(report).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

TEST(TriageBadInput, StreamsWithoutATrailingNewlineAndCrLf) {
  std::istringstream in("x.c:1:1: error: a\r\nx.c:2:1: error: b");
  auto scan = scan_log(in, "crlf.log");
  ASSERT_TRUE(scan.ok());
  ASSERT_EQ(scan->failures.size(), 2u);
  EXPECT_EQ(scan->failures[0].message, "a");
  EXPECT_EQ(scan->failures[1].message, "b");
  EXPECT_EQ(scan->summary.name, "crlf.log");
}

TEST(TriageBadInput, ManyMegabytesOfLogScanQuickly) {
  std::string block =
      "[INFO] Compiling 10 source files\n    at some.frame(File.java:12)\n  console.log output line\n"
      "Some ordinary build output that no parser cares about, repeated many times over\n";
  std::string log;
  while (log.size() < (16u << 20)) log += block;
  log += "src/a.ts(1,1): error TS1005: ';' expected.\n";
  auto start = std::chrono::steady_clock::now();
  auto scan = scan_text(log);
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  ASSERT_EQ(scan.failures.size(), 1u);
#if defined(NDEBUG) && !defined(__SANITIZE_ADDRESS__)
  // 16 MB in well under the budget of a few seconds per 100 MB (generous for a shared machine).
  EXPECT_LT(seconds, 4.0);
#else
  (void)seconds;  // unoptimized and sanitizer builds measure nothing useful
#endif
}

TEST(TriageRun, LinksToTheRepositoryAndNamesUnreadableLogs) {
  testing::TempDir repo;
  testing::git_init(repo.path());
  repo.write("src/calc.py", "def add(a, b):\n    return a - b\n");
  repo.write("tests/test_calc.py", "def test_add():\n    assert False\n");
  testing::git_commit_all(repo.path(), "init");
  repo.write("ci.log",
             "=========================== short test summary info ============================\n"
             "FAILED tests/test_calc.py::test_add - assert False\n"
             "/home/runner/work/app/app/src/calc.py:2:5: error: nope\n");
  TriageRequest request;
  request.root = repo.path();
  request.logs = {(repo.path() / "ci.log").string()};
  auto report = run_triage(request);
  ASSERT_TRUE(report.ok()) << report.error().message;
  ASSERT_EQ(report->groups.size(), 2u);
  EXPECT_EQ(report->failures, 2u);
  for (const auto& g : report->groups) EXPECT_TRUE(g.linked) << g.file << ": " << g.link_note;
  EXPECT_TRUE(report->recognized());
  auto json = to_json(*report);
  EXPECT_EQ(json["schema_version"], "1.0");
  EXPECT_EQ(json["summary"]["by_kind"]["compile_error"], 1);

  request.logs = {(repo.path() / "missing.log").string()};
  auto missing = run_triage(request);
  ASSERT_FALSE(missing.ok());
  EXPECT_TRUE(missing.error().usage);
  EXPECT_NE(missing.error().message.find("missing.log"), std::string::npos);

  request.logs = {"-"};
  std::istringstream stdin_log("nothing to see\n");
  request.standard_input = &stdin_log;
  auto quiet = run_triage(request);
  ASSERT_TRUE(quiet.ok());
  EXPECT_FALSE(quiet->recognized());
  EXPECT_TRUE(quiet->groups.empty());
  EXPECT_EQ(quiet->logs[0].name, "-");
}

}  // namespace
}  // namespace copilot::triage
