// Each parser family on small logs in the shapes the tools print.
#include <gtest/gtest.h>

#include "triage/triage.h"

namespace copilot::triage {
namespace {

std::vector<Failure> parse(std::string_view log) {
  return scan_text(log).failures;
}

std::vector<std::string> tools_of(std::string_view log) {
  return scan_text(log).summary.tools;
}

const Failure* find_test(const std::vector<Failure>& failures, std::string_view test) {
  for (const auto& f : failures)
    if (f.test == test) return &f;
  return nullptr;
}

TEST(TriagePytest, MergesSectionBlocksWithTheShortSummary) {
  auto failures = parse(R"(============================= test session starts ==============================
collected 3 items

tests/test_calc.py F.E                                                    [100%]

==================================== ERRORS ====================================
_____________________ ERROR at setup of test_uses_fixture ______________________

    @pytest.fixture
    def broken():
>       raise RuntimeError("database unavailable")
E       RuntimeError: database unavailable

tests/test_calc.py:9: RuntimeError
=================================== FAILURES ===================================
___________________________________ test_add ___________________________________

    def test_add():
>       assert add(2, 3) == 5
E       assert -1 == 5
E        +  where -1 = add(2, 3)

tests/test_calc.py:13: AssertionError
____________________________ TestThing.test_method _____________________________

>       assert [1, 2] == [1, 3]
E       assert [1, 2] == [1, 3]

tests/test_calc.py:31: AssertionError
=========================== short test summary info ============================
FAILED tests/test_calc.py::test_add - assert -1 == 5
FAILED tests/test_calc.py::TestThing::test_method - assert [1, 2] == [1, 3]
ERROR tests/test_calc.py::test_uses_fixture - RuntimeError: database unavailable
==================== 2 failed, 1 passed, 1 error in 0.07s =====================
)");
  ASSERT_EQ(failures.size(), 3u);
  const Failure* add = find_test(failures, "tests/test_calc.py::test_add");
  ASSERT_NE(add, nullptr);
  EXPECT_EQ(add->kind, FailureKind::test_failure);
  EXPECT_EQ(add->tool, "pytest");
  EXPECT_EQ(add->file, "tests/test_calc.py");
  EXPECT_EQ(add->line, 13);
  EXPECT_EQ(add->message, "assert -1 == 5");
  EXPECT_NE(add->detail.find(">       assert add(2, 3) == 5"), std::string::npos);
  EXPECT_EQ(add->log_line, 16);
  const Failure* method = find_test(failures, "tests/test_calc.py::TestThing::test_method");
  ASSERT_NE(method, nullptr);
  EXPECT_EQ(method->line, 31);
  const Failure* setup = find_test(failures, "tests/test_calc.py::test_uses_fixture");
  ASSERT_NE(setup, nullptr);
  EXPECT_EQ(setup->kind, FailureKind::test_error);
  EXPECT_EQ(setup->message, "RuntimeError: database unavailable");
  EXPECT_EQ(setup->line, 9);
}

TEST(TriagePytest, CollectionErrorsPointAtTheProjectFrameNotTheLibrary) {
  auto failures = parse(R"(==================================== ERRORS ====================================
____________________ ERROR collecting tests/test_broken.py _____________________
ImportError while importing test module '/tmp/x/tests/test_broken.py'.
Traceback:
/usr/lib/python3.11/importlib/__init__.py:126: in import_module
    return _bootstrap._gcd_import(name[level:], package, level)
tests/test_broken.py:1: in <module>
    import nonexistent_module
E   ModuleNotFoundError: No module named 'nonexistent_module'
=========================== short test summary info ============================
ERROR tests/test_broken.py
!!!!!!!!!!!!!!!!!!!! Interrupted: 1 error during collection !!!!!!!!!!!!!!!!!!!!
=============================== 1 error in 0.10s ===============================
)");
  ASSERT_EQ(failures.size(), 1u);
  EXPECT_EQ(failures[0].kind, FailureKind::test_error);
  EXPECT_EQ(failures[0].test, "");
  EXPECT_EQ(failures[0].file, "tests/test_broken.py");
  EXPECT_EQ(failures[0].line, 1);
  EXPECT_EQ(failures[0].message, "ModuleNotFoundError: No module named 'nonexistent_module'");
}

TEST(TriagePytest, TheSummaryAloneStillReportsEachFailure) {
  auto failures = parse(R"(=========================== short test summary info ============================
FAILED a/b.py::test_x - AssertionError: boom
FAILED a/b.py::test_y[1-2]
========================= 2 failed in 0.01s =========================
)");
  ASSERT_EQ(failures.size(), 2u);
  EXPECT_EQ(failures[0].test, "a/b.py::test_x");
  EXPECT_EQ(failures[0].file, "a/b.py");
  EXPECT_EQ(failures[0].message, "AssertionError: boom");
  EXPECT_EQ(failures[1].test, "a/b.py::test_y[1-2]");
  EXPECT_EQ(failures[1].message, "failed");
}

TEST(TriagePython, TracebackOutsidePytestIsACrashAtTheLastProjectFrame) {
  auto failures = parse(R"(Traceback (most recent call last):
  File "/home/runner/work/app/app/tools/build.py", line 12, in <module>
    main()
  File "/usr/lib/python3.11/json/__init__.py", line 346, in loads
    return _default_decoder.decode(s)
json.decoder.JSONDecodeError: Expecting value: line 1 column 1 (char 0)
Error: Process completed with exit code 1.
)");
  ASSERT_EQ(failures.size(), 1u);
  EXPECT_EQ(failures[0].kind, FailureKind::crash);
  EXPECT_EQ(failures[0].tool, "python");
  EXPECT_EQ(failures[0].file, "/home/runner/work/app/app/tools/build.py");
  EXPECT_EQ(failures[0].line, 12);
  EXPECT_EQ(failures[0].message, "json.decoder.JSONDecodeError: Expecting value: line 1 column 1 (char 0)");
}

TEST(TriagePython, ChainedTracebacksReportTheLastOne) {
  auto failures = parse(R"(Traceback (most recent call last):
  File "a.py", line 2, in <module>
KeyError: 'x'

During handling of the above exception, another exception occurred:

Traceback (most recent call last):
  File "a.py", line 4, in <module>
ValueError: bad
)");
  ASSERT_EQ(failures.size(), 1u);
  EXPECT_EQ(failures[0].message, "ValueError: bad");
  EXPECT_EQ(failures[0].line, 4);
}

TEST(TriageGoogleTest, FailureBlocksUnderCtest) {
  std::string log = R"(Test project /tmp/tt/cpp
    Start 1: calc
1/2 Test #1: calc .............................***Failed    0.01 sec
Running main() from ./googletest/src/gtest_main.cc
[==========] Running 3 tests from 1 test suite.
[ RUN      ] Calc.Adds
calc_test.cpp:6: Failure
Expected equality of these values:
  add(2, 3)
    Which is: -1
  5
[  FAILED  ] Calc.Adds (0 ms)
[ RUN      ] Calc.Throws
unknown file: Failure
C++ exception with description "boom" thrown in the test body.
[  FAILED  ] Calc.Throws (0 ms)
[ RUN      ] Calc.Works
[       OK ] Calc.Works (0 ms)
[==========] 3 tests from 1 test suite ran. (0 ms total)
[  PASSED  ] 1 test.
[  FAILED  ] 2 tests, listed below:
[  FAILED  ] Calc.Adds
[  FAILED  ] Calc.Throws

 2 FAILED TESTS

    Start 2: crash
2/2 Test #2: crash ............................***Exception: SegFault  0.00 sec
[==========] Running 1 test from 1 test suite.
[ RUN      ] Crash.Segfaults


0% tests passed, 2 tests failed out of 2

The following tests FAILED:
	  1 - calc (Failed)
	  2 - crash (SEGFAULT)
Errors while running CTest
)";
  auto failures = parse(log);
  EXPECT_EQ(tools_of(log), (std::vector<std::string>{"ctest", "gtest"}));
  ASSERT_EQ(failures.size(), 5u);
  const Failure* adds = find_test(failures, "Calc.Adds");
  ASSERT_NE(adds, nullptr);
  EXPECT_EQ(adds->tool, "gtest");
  EXPECT_EQ(adds->file, "calc_test.cpp");
  EXPECT_EQ(adds->line, 6);
  EXPECT_EQ(adds->message, "Expected equality of these values:");
  EXPECT_NE(adds->detail.find("Which is: -1"), std::string::npos);
  const Failure* throws = find_test(failures, "Calc.Throws");
  ASSERT_NE(throws, nullptr);
  EXPECT_EQ(throws->file, "");
  EXPECT_EQ(throws->message, "C++ exception with description \"boom\" thrown in the test body.");
  const Failure* segv = find_test(failures, "Crash.Segfaults");
  ASSERT_NE(segv, nullptr);
  EXPECT_EQ(segv->kind, FailureKind::crash);
  const Failure* calc = find_test(failures, "calc");
  ASSERT_NE(calc, nullptr);
  EXPECT_EQ(calc->tool, "ctest");
  EXPECT_EQ(calc->kind, FailureKind::test_failure);
  EXPECT_NE(calc->detail.find("[  FAILED  ] Calc.Adds (0 ms)"), std::string::npos);
  const Failure* crash = find_test(failures, "crash");
  ASSERT_NE(crash, nullptr);
  EXPECT_EQ(crash->kind, FailureKind::crash);
  EXPECT_EQ(crash->message, "test crashed (Exception: SegFault)");
}

TEST(TriageGoogleTest, VerboseCtestPrefixesAreUnderstood) {
  auto failures = parse(R"(1: Test command: /b/calc_test
1: [==========] Running 1 test from 1 test suite.
1: [ RUN      ] Calc.Adds
1: /src/calc_test.cpp:6: Failure
1: Value of: ok
1: [  FAILED  ] Calc.Adds (0 ms)
1/1 Test #1: calc .............................***Failed    0.01 sec
)");
  const Failure* adds = find_test(failures, "Calc.Adds");
  ASSERT_NE(adds, nullptr);
  EXPECT_EQ(adds->file, "/src/calc_test.cpp");
  EXPECT_EQ(adds->message, "Value of: ok");
}

TEST(TriageJest, BlocksWithFramesAndSuiteFailures) {
  auto failures = parse(R"(FAIL test/sum.test.js
  ● sum › adds numbers

    expect(received).toBe(expected) // Object.is equality

    Expected: 5
    Received: -1

    > 5 |     expect(sum(2, 3)).toBe(5);
        |                       ^

      at Object.toBe (test/sum.test.js:5:23)

  ● sum › parses

    SyntaxError: Expected property name or '}' in JSON at position 1
        at JSON.parse (<anonymous>)

      at parse (src/sum.js:5:15)
      at Object.parse (test/sum.test.js:8:12)

FAIL test/broken.test.js
  ● Test suite failed to run

    Cannot find module './does-not-exist' from 'test/broken.test.js'

      at Resolver._throwModNotFoundError (../node_modules/jest-resolve/build/resolver.js:427:11)
      at Object.<anonymous> (test/broken.test.js:1:38)

Test Suites: 2 failed, 2 total
Tests:       2 failed, 1 passed, 3 total
)");
  ASSERT_EQ(failures.size(), 3u);
  EXPECT_EQ(failures[0].tool, "jest");
  EXPECT_EQ(failures[0].test, "test/sum.test.js \xE2\x80\xBA sum \xE2\x80\xBA adds numbers");
  EXPECT_EQ(failures[0].message, "expect(received).toBe(expected) // Object.is equality");
  EXPECT_EQ(failures[0].file, "test/sum.test.js");
  EXPECT_EQ(failures[0].line, 5);
  EXPECT_EQ(failures[0].column, 23);
  EXPECT_EQ(failures[1].file, "src/sum.js");  // the throwing frame, not the JSON builtin
  EXPECT_EQ(failures[1].line, 5);
  EXPECT_EQ(failures[2].kind, FailureKind::test_error);
  EXPECT_EQ(failures[2].file, "test/broken.test.js");
  EXPECT_EQ(failures[2].line, 1);
  EXPECT_EQ(failures[2].message, "Cannot find module './does-not-exist' from 'test/broken.test.js'");
}

TEST(TriageVitest, FailedTestsAndSuites) {
  // As vitest 3.2 prints them (rules shortened).
  std::string log =
      "\n RUN  v3.2.4 /tmp/vt/proj\n\n"
      " \xE2\x9D\xAF test/sum.test.js (3 tests | 1 failed) 19ms\n"
      "   \xC3\x97 sum > adds numbers 18ms\n"
      "\xE2\x8E\xAF\xE2\x8E\xAF Failed Suites 1 \xE2\x8E\xAF\xE2\x8E\xAF\n\n"
      " FAIL  test/broken.test.js [ test/broken.test.js ]\n"
      "Error: Cannot find module './does-not-exist.js' imported from '/tmp/vt/proj/test/broken.test.js'\n"
      " \xE2\x9D\xAF test/broken.test.js:1:1\n"
      "\xE2\x8E\xAF\xE2\x8E\xAF[1/2]\xE2\x8E\xAF\n\n"
      "\xE2\x8E\xAF\xE2\x8E\xAF Failed Tests 1 \xE2\x8E\xAF\xE2\x8E\xAF\n\n"
      " FAIL  test/sum.test.js > sum > parses\n"
      "SyntaxError: Expected property name or '}' in JSON at position 1\n"
      " \xE2\x9D\xAF parse src/sum.js:5:15\n"
      "      5|   return JSON.parse(text).value;\n"
      " \xE2\x9D\xAF test/sum.test.js:9:17\n\n"
      "\xE2\x8E\xAF\xE2\x8E\xAF[2/2]\xE2\x8E\xAF\n\n"
      " Test Files  2 failed (2)\n";
  auto failures = parse(log);
  EXPECT_EQ(tools_of(log), std::vector<std::string>{"vitest"});
  ASSERT_EQ(failures.size(), 2u);
  EXPECT_EQ(failures[0].kind, FailureKind::test_error);
  EXPECT_EQ(failures[0].test, "");
  EXPECT_EQ(failures[0].file, "test/broken.test.js");
  EXPECT_EQ(failures[1].tool, "vitest");
  EXPECT_EQ(failures[1].test, "test/sum.test.js > sum > parses");
  EXPECT_EQ(failures[1].message, "SyntaxError: Expected property name or '}' in JSON at position 1");
  EXPECT_EQ(failures[1].file, "src/sum.js");
  EXPECT_EQ(failures[1].line, 5);
  EXPECT_EQ(failures[1].column, 15);
}

TEST(TriageGo, TestsSubtestsPanicsAndBuildFailures) {
  auto failures = parse(R"(# example.com/app/broken [example.com/app/broken.test]
broken/broken.go:4:9: undefined: missing
FAIL	example.com/app/broken [build failed]
--- FAIL: TestAdd (0.00s)
    calc_test.go:7: Add(2, 3) = -1, want 5
--- FAIL: TestSub (0.00s)
    --- FAIL: TestSub/inner (0.00s)
        calc_test.go:12: inner broke
--- FAIL: TestAt (0.00s)
panic: runtime error: index out of range [5] with length 3 [recovered]
	panic: runtime error: index out of range [5] with length 3

goroutine 19 [running]:
testing.tRunner.func1.2({0x518a00, 0xc0000d0048})
	/usr/lib/go-1.19/src/testing/testing.go:1396 +0x24e
panic({0x518a00, 0xc0000d0048})
	/usr/lib/go-1.19/src/runtime/panic.go:884 +0x212
example.com/app/calc.At(...)
	/tmp/tt/go/calc/calc.go:5
example.com/app/calc.TestAt(0xc000096680?)
	/tmp/tt/go/calc/calc_test.go:12 +0x1d
FAIL	example.com/app/calc	0.003s
FAIL
)");
  ASSERT_EQ(failures.size(), 4u);
  EXPECT_EQ(failures[0].kind, FailureKind::compile_error);
  EXPECT_EQ(failures[0].file, "broken/broken.go");
  EXPECT_EQ(failures[0].line, 4);
  EXPECT_EQ(failures[0].column, 9);
  EXPECT_EQ(failures[0].message, "undefined: missing");
  const Failure* add = find_test(failures, "TestAdd");
  ASSERT_NE(add, nullptr);
  EXPECT_EQ(add->file, "calc_test.go");
  EXPECT_EQ(add->line, 7);
  EXPECT_EQ(add->message, "Add(2, 3) = -1, want 5");
  EXPECT_EQ(find_test(failures, "TestSub"), nullptr) << "the parent only failed through its subtest";
  ASSERT_NE(find_test(failures, "TestSub/inner"), nullptr);
  const Failure* at = find_test(failures, "TestAt");
  ASSERT_NE(at, nullptr);
  EXPECT_EQ(at->kind, FailureKind::crash);
  EXPECT_EQ(at->message, "panic: runtime error: index out of range [5] with length 3");
  EXPECT_EQ(at->file, "/tmp/tt/go/calc/calc.go");
  EXPECT_EQ(at->line, 5);
}

TEST(TriageGo, VerboseModeAttachesMessagesLoggedBeforeTheVerdict) {
  auto failures = parse(R"(=== RUN   TestAdd
    calc_test.go:7: Add(2, 3) = -1, want 5
--- FAIL: TestAdd (0.00s)
=== RUN   TestOK
--- PASS: TestOK (0.00s)
FAIL
exit status 1
FAIL	example.com/app/calc	0.002s
)");
  ASSERT_EQ(failures.size(), 1u);
  EXPECT_EQ(failures[0].test, "TestAdd");
  EXPECT_EQ(failures[0].line, 7);
  EXPECT_EQ(failures[0].message, "Add(2, 3) = -1, want 5");
}

TEST(TriageMaven, SurefireReportsAndTheirSummaryAreOneFailureEach) {
  auto failures = parse(R"([INFO] Scanning for projects...
[INFO] --- maven-surefire-plugin:2.22.3:test (default-test) @ demo ---
[INFO] Running demo.CalcTest
[ERROR] Tests run: 2, Failures: 1, Errors: 1, Skipped: 0, Time elapsed: 0.15 s <<< FAILURE! - in demo.CalcTest
[ERROR] addsTwoNumbers(demo.CalcTest)  Time elapsed: 0 s  <<< FAILURE!
java.lang.AssertionError: expected:<5> but was:<-1>
	at org.junit.Assert.fail(Assert.java:89)
	at demo.CalcTest.addsTwoNumbers(CalcTest.java:5)

[ERROR] crashes(demo.CalcTest)  Time elapsed: 0 s  <<< ERROR!
java.lang.IllegalStateException: boom
	at demo.CalcTest.crashes(CalcTest.java:6)

[INFO] Results:
[ERROR] Failures: 
[ERROR]   CalcTest.addsTwoNumbers:5 expected:<5> but was:<-1>
[ERROR] Errors: 
[ERROR]   CalcTest.crashes:6 IllegalState boom
[ERROR]   OtherTest.onlyInSummary:9 NullPointer
[ERROR] Tests run: 2, Failures: 1, Errors: 1, Skipped: 0
[INFO] BUILD FAILURE
[ERROR] Failed to execute goal org.apache.maven.plugins:maven-surefire-plugin:2.22.3:test (default-test) on project demo: There are test failures.
)");
  ASSERT_EQ(failures.size(), 3u);
  EXPECT_EQ(failures[0].test, "demo.CalcTest.addsTwoNumbers");
  EXPECT_EQ(failures[0].kind, FailureKind::test_failure);
  EXPECT_EQ(failures[0].file, "demo/CalcTest.java");
  EXPECT_EQ(failures[0].line, 5);
  EXPECT_EQ(failures[0].message, "java.lang.AssertionError: expected:<5> but was:<-1>");
  EXPECT_EQ(failures[1].test, "demo.CalcTest.crashes");
  EXPECT_EQ(failures[1].kind, FailureKind::test_error);
  EXPECT_EQ(failures[2].test, "OtherTest.onlyInSummary");
  EXPECT_EQ(failures[2].line, 9);
}

TEST(TriageMaven, CompilerErrorsOnceAndGoalFailuresOnlyWhenUnexplained) {
  auto failures = parse(R"([INFO] --- maven-compiler-plugin:3.10.1:compile (default-compile) @ lib ---
[ERROR] COMPILATION ERROR : 
[ERROR] /w/lib/src/main/java/demo/Calc.java:[2,70] cannot find symbol
  symbol:   variable c
  location: class demo.Calc
[INFO] 1 error
[ERROR] Failed to execute goal org.apache.maven.plugins:maven-compiler-plugin:3.10.1:compile (default-compile) on project lib: Compilation failure
[ERROR] /w/lib/src/main/java/demo/Calc.java:[2,70] cannot find symbol
[ERROR]   symbol:   variable c
[ERROR]   location: class demo.Calc
[ERROR] Failed to execute goal org.apache.maven.plugins:maven-enforcer-plugin:3.0.0:enforce (ban) on project app: Some Enforcer rules have failed. -> [Help 1]
)");
  ASSERT_EQ(failures.size(), 2u);
  EXPECT_EQ(failures[0].tool, "javac");
  EXPECT_EQ(failures[0].kind, FailureKind::compile_error);
  EXPECT_EQ(failures[0].file, "/w/lib/src/main/java/demo/Calc.java");
  EXPECT_EQ(failures[0].line, 2);
  EXPECT_EQ(failures[0].column, 70);
  EXPECT_EQ(failures[0].message, "cannot find symbol");
  EXPECT_NE(failures[0].detail.find("symbol:   variable c"), std::string::npos);
  EXPECT_EQ(failures[1].kind, FailureKind::build_failure);
  EXPECT_EQ(failures[1].message,
            "org.apache.maven.plugins:maven-enforcer-plugin:3.0.0:enforce failed on project app: Some Enforcer rules "
            "have failed.");
}

TEST(TriageMaven, OlderSurefireWithoutLevelPrefixes) {
  auto failures = parse(R"(Running demo.CalcTest
Tests run: 1, Failures: 1, Errors: 0, Skipped: 0, Time elapsed: 0.01 sec <<< FAILURE! - in demo.CalcTest
addsTwoNumbers(demo.CalcTest)  Time elapsed: 0.005 sec  <<< FAILURE!
java.lang.AssertionError: expected:<5> but was:<-1>
	at demo.CalcTest.addsTwoNumbers(CalcTest.java:5)

Results :

Failed tests:   addsTwoNumbers(demo.CalcTest): expected:<5> but was:<-1>
  other(demo.CalcTest): nope

)");
  ASSERT_EQ(failures.size(), 2u);
  EXPECT_EQ(failures[0].test, "demo.CalcTest.addsTwoNumbers");
  EXPECT_EQ(failures[1].test, "demo.CalcTest.other");
  EXPECT_EQ(failures[1].message, "nope");
}

TEST(TriageGradle, TestsKotlinErrorsAndTheFallbackExplanation) {
  // Gradle's documented console output (short exception format).
  auto failures = parse(R"(> Task :compileKotlin FAILED
e: file:///home/runner/work/app/app/src/main/kotlin/App.kt:3:5 Unresolved reference 'c'.
> Task :test FAILED

demo.CalcTest > addsTwoNumbers() FAILED
    org.opentest4j.AssertionFailedError at CalcTest.java:10

demo.CalcTest > crashes() FAILED
    java.lang.IllegalStateException: boom
        at app//demo.CalcTest.crashes(CalcTest.java:14)

2 tests completed, 2 failed

FAILURE: Build failed with an exception.

* What went wrong:
Execution failed for task ':test'.
> There were failing tests. See the report at: file:///w/build/reports/tests/test/index.html

* Try:
> Run with --stacktrace option to get the stack trace.

BUILD FAILED in 3s
)");
  ASSERT_EQ(failures.size(), 3u) << "the failed task is explained by the failures above it";
  EXPECT_EQ(failures[0].tool, "kotlinc");
  EXPECT_EQ(failures[0].file, "/home/runner/work/app/app/src/main/kotlin/App.kt");
  EXPECT_EQ(failures[0].line, 3);
  EXPECT_EQ(failures[1].tool, "gradle");
  EXPECT_EQ(failures[1].test, "demo.CalcTest > addsTwoNumbers()");
  EXPECT_EQ(failures[1].kind, FailureKind::test_failure);
  EXPECT_EQ(failures[1].file, "demo/CalcTest.java");
  EXPECT_EQ(failures[1].line, 10);
  EXPECT_EQ(failures[2].kind, FailureKind::test_error);
  EXPECT_EQ(failures[2].message, "java.lang.IllegalStateException: boom");
  EXPECT_EQ(failures[2].line, 14);

  auto alone = parse(R"(* What went wrong:
Could not resolve all files for configuration ':compileClasspath'.
> Could not find com.example:lib:1.0.

* Try:
)");
  ASSERT_EQ(alone.size(), 1u);
  EXPECT_EQ(alone[0].kind, FailureKind::build_failure);
  EXPECT_EQ(alone[0].message, "Could not resolve all files for configuration ':compileClasspath'.");
}

TEST(TriageCompiler, GccErrorsWithNotesAndExcerpts) {
  auto failures = parse(R"(bad.cpp: In function 'int main()':
bad.cpp:6:25: error: invalid conversion from 'const char*' to 'int' [-fpermissive]
    6 |   std::string s = twice("a");
      |                         ^~~
bad.cpp:3:15: note:   initializing argument 1 of 'int twice(int)'
    3 | int twice(int x) { return 2 * x; }
      |           ~~~~^
bad.cpp:5:3: warning: unused variable 'y' [-Wunused-variable]
    5 |   int y;
      |       ^
bad.cpp:7:10: error: 'undeclared' was not declared in this scope
    7 |   return undeclared + 1;
      |          ^~~~~~~~~~
)");
  ASSERT_EQ(failures.size(), 2u);
  EXPECT_EQ(failures[0].tool, "gcc");
  EXPECT_EQ(failures[0].kind, FailureKind::compile_error);
  EXPECT_EQ(failures[0].file, "bad.cpp");
  EXPECT_EQ(failures[0].line, 6);
  EXPECT_EQ(failures[0].column, 25);
  EXPECT_EQ(failures[0].message, "invalid conversion from 'const char*' to 'int' [-fpermissive]");
  EXPECT_NE(failures[0].detail.find("note:   initializing argument 1"), std::string::npos);
  EXPECT_EQ(failures[0].detail.find("unused variable"), std::string::npos);
  EXPECT_EQ(failures[1].line, 7);
}

TEST(TriageCompiler, ClangExcerptsStartAtColumnZero) {
  auto failures = parse(R"(bad.cpp:6:19: error: no matching function for call to 'twice'
  std::string s = twice("a");
                  ^~~~~
bad.cpp:3:5: note: candidate function not viable: no known conversion from 'const char[2]' to 'int' for 1st argument
int twice(int x) { return 2 * x; }
    ^
1 error generated.
)");
  ASSERT_EQ(failures.size(), 1u);
  EXPECT_EQ(failures[0].tool, "clang");
  EXPECT_NE(failures[0].detail.find("int twice(int x)"), std::string::npos);
  EXPECT_EQ(failures[0].detail.find("generated"), std::string::npos);
}

TEST(TriageCompiler, JavacWithoutColumn) {
  auto failures = parse(R"(/w/src/main/java/A.java:3: error: cannot find symbol
        return a - c;
                   ^
  symbol:   variable c
  location: class A
1 error
)");
  ASSERT_EQ(failures.size(), 1u);
  EXPECT_EQ(failures[0].tool, "javac");
  EXPECT_EQ(failures[0].line, 3);
  EXPECT_EQ(failures[0].column, 0);
  EXPECT_NE(failures[0].detail.find("location: class A"), std::string::npos);
}

TEST(TriageCompiler, LinkerErrorsAndTheirConsequence) {
  auto failures = parse(R"(/usr/bin/ld: /tmp/ccd0cRJ9.o: in function `main':
link.cpp:(.text+0xa): undefined reference to `missing_function(int)'
collect2: error: ld returned 1 exit status
)");
  ASSERT_EQ(failures.size(), 1u) << "collect2's line only relays the linker error";
  EXPECT_EQ(failures[0].kind, FailureKind::link_error);
  EXPECT_EQ(failures[0].tool, "ld");
  EXPECT_EQ(failures[0].file, "link.cpp");
  EXPECT_EQ(failures[0].line, 0);
  EXPECT_EQ(failures[0].message, "undefined reference to `missing_function(int)'");
  EXPECT_NE(failures[0].detail.find("in function `main'"), std::string::npos);

  auto alone = parse("clang: error: linker command failed with exit code 1 (use -v to see invocation)\n");
  ASSERT_EQ(alone.size(), 1u);
  EXPECT_EQ(alone[0].kind, FailureKind::link_error);

  auto library = parse("/usr/bin/ld: cannot find -lfoo: No such file or directory\n");
  ASSERT_EQ(library.size(), 1u);
  EXPECT_EQ(library[0].message, "cannot find -lfoo");
}

TEST(TriageTsc, PlainAndPrettyForms) {
  auto plain = parse(R"(src/app.ts(2,9): error TS2322: Type 'string' is not assignable to type 'number'.
src/app.ts(3,37): error TS2304: Cannot find name 'missing'.
)");
  ASSERT_EQ(plain.size(), 2u);
  EXPECT_EQ(plain[0].tool, "tsc");
  EXPECT_EQ(plain[0].file, "src/app.ts");
  EXPECT_EQ(plain[0].line, 2);
  EXPECT_EQ(plain[0].column, 9);
  EXPECT_EQ(plain[0].message, "TS2322: Type 'string' is not assignable to type 'number'.");

  auto pretty = parse(R"(src/app.ts:2:9 - error TS2322: Type 'string' is not assignable to type 'number'.

2   const label: number = "sum";
          ~~~~~

error TS5023: Unknown compiler option 'strictest'.

Found 2 errors in the same file, starting at: src/app.ts:2
)");
  ASSERT_EQ(pretty.size(), 2u);
  EXPECT_EQ(pretty[0].line, 2);
  EXPECT_NE(pretty[0].detail.find("const label"), std::string::npos);
  EXPECT_EQ(pretty[1].file, "");
  EXPECT_EQ(pretty[1].message, "TS5023: Unknown compiler option 'strictest'.");
}

TEST(TriageBuildTools, CmakeErrorsAndRelayedMakeFailures) {
  auto failures = parse(R"(CMake Error at CMakeLists.txt:3 (find_package):
  By not providing "FindFoo.cmake" in CMAKE_MODULE_PATH this project has
  asked CMake to find a package configuration file provided by "Foo".

-- Configuring incomplete, errors occurred!
make: *** [Makefile:2: all] Error 1
)");
  ASSERT_EQ(failures.size(), 1u);
  EXPECT_EQ(failures[0].tool, "cmake");
  EXPECT_EQ(failures[0].file, "CMakeLists.txt");
  EXPECT_EQ(failures[0].line, 3);
  EXPECT_EQ(failures[0].message, "By not providing \"FindFoo.cmake\" in CMAKE_MODULE_PATH this project has");

  auto relayed = parse("FAILED: obj/x.o\nninja: build stopped: subcommand failed.\n");
  ASSERT_EQ(relayed.size(), 1u);
  EXPECT_EQ(relayed[0].kind, FailureKind::build_failure);
  EXPECT_EQ(relayed[0].message, "failed: obj/x.o");
}

TEST(TriageScan, InterleavedFamiliesInOneJobLog) {
  std::string log = std::string("2026-01-01T00:00:00.0000000Z ##[group]Run make\n") +
                    "2026-01-01T00:00:01.0000000Z src/x.c:3:5: error: 'y' undeclared (first use in this function)\n" +
                    "2026-01-01T00:00:01.0000000Z     3 |   y = 1;\n" +
                    "2026-01-01T00:00:02.0000000Z --- FAIL: TestA (0.00s)\n" +
                    "2026-01-01T00:00:02.0000000Z     a_test.go:3: nope\n" +
                    "2026-01-01T00:00:02.0000000Z FAIL\texample.com/a\t0.001s\n" +
                    "2026-01-01T00:00:03.0000000Z FAILED tests/t.py::test_z - assert 0\n" +
                    "2026-01-01T00:00:03.0000000Z ##[error]Process completed with exit code 1.\n";
  auto scan = scan_text(log);
  EXPECT_EQ(scan.summary.tools, (std::vector<std::string>{"gcc", "go"}));
  ASSERT_EQ(scan.failures.size(), 2u) << "a summary line outside pytest's summary section is not pytest's";
  EXPECT_EQ(scan.failures[0].file, "src/x.c");
  EXPECT_EQ(scan.failures[1].test, "TestA");
}

}  // namespace
}  // namespace copilot::triage
