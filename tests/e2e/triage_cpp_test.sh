#!/usr/bin/env bash
# copilot triage on logs of real C++ tools run here: a GoogleTest binary built
# with g++ and run through ctest (failures, an exception, a segfault), compile
# errors from g++ (plain and coloured) and clang, an error in a header two
# translation units include, and undefined references from both linkers.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/triage_lib.sh"
need g++ clang++ ctest node

repo="$SCRATCH/cpp"
new_repo "$repo"
mkdir -p "$repo/tests" "$repo/src" "$repo/build"
cat >"$repo/tests/calc_test.cpp" <<'CPP'
#include <gtest/gtest.h>

#include <stdexcept>

int add(int a, int b) { return a - b; }

TEST(Calc, Adds) { EXPECT_EQ(add(2, 3), 5); }
TEST(Calc, Throws) { throw std::runtime_error("boom"); }
TEST(Calc, Works) { EXPECT_EQ(add(1, 0), 1); }
TEST(Crash, Segfaults) {
  volatile int* p = nullptr;
  *p = 1;
}
CPP
cat >"$repo/src/bad.cpp" <<'CPP'
#include <string>

int twice(int x) { return 2 * x; }

int main() {
  std::string s = twice("a");
  return undeclared + 1;
}
CPP
cat >"$repo/src/util.h" <<'CPP'
#pragma once
inline int helper() { return missing_value; }
CPP
printf '#include "util.h"\nint a() { return helper(); }\n' >"$repo/src/a.cpp"
printf '#include "util.h"\nint b() { return helper(); }\n' >"$repo/src/b.cpp"
cat >"$repo/src/link.cpp" <<'CPP'
int missing_function(int);
int main() { return missing_function(1); }
CPP
commit_all "$repo" "cpp"

# GoogleTest through ctest: the test binary is built once; ctest runs it twice.
build="$repo/build"
run_tool 0 "$SCRATCH/build.log" g++ -std=c++17 -O0 "$repo/tests/calc_test.cpp" -o "$build/calc_test" \
  -lgtest -lgtest_main -pthread
cat >"$build/CTestTestfile.cmake" <<EOF
add_test(calc "$build/calc_test" "--gtest_filter=Calc.*")
add_test(crash "$build/calc_test" "--gtest_filter=Crash.*")
EOF
run_tool 8 "$SCRATCH/ctest.log" ctest --test-dir "$build" --output-on-failure
triage_json "$SCRATCH/ctest.json" -C "$repo" "$SCRATCH/ctest.log"
r=$SCRATCH/ctest.json
expect_report "assertion failure" "$r" has kind=test_failure tool=gtest test=Calc.Adds file=tests/calc_test.cpp \
  linked=true line=7 "message=Expected equality of these values:"
expect_report "exception in the test body" "$r" has tool=gtest test=Calc.Throws file= \
  "message~C++ exception with description \"boom\""
expect_report "segfaulting test" "$r" has kind=crash tool=gtest test=Crash.Segfaults
expect_report "ctest's failed test" "$r" has kind=test_failure tool=ctest test=calc "message=test failed"
expect_report "ctest's crashed test" "$r" has kind=crash tool=ctest test=crash "message~SegFault"
expect_report "passing test absent" "$r" lacks test=Calc.Works
expect_report "tools" "$r" eval 'r["logs"][0]["tools"] == ["ctest", "gtest"]'

# Compile errors: gcc with an absolute path, clang with a relative one.
run_tool 1 "$SCRATCH/gcc.log" g++ -c "$repo/src/bad.cpp" -o /dev/null
run_tool 1 "$SCRATCH/gcc-color.log" g++ -fdiagnostics-color=always -c "$repo/src/bad.cpp" -o /dev/null
grep -q $'\x1b\[' "$SCRATCH/gcc-color.log" || fail "g++ wrote no colour codes"
run_tool 1 "$SCRATCH/clang.log" env -C "$repo" clang++ -c src/bad.cpp -o /dev/null
triage_json "$SCRATCH/gcc.json" -C "$repo" "$SCRATCH/gcc.log"
triage_json "$SCRATCH/gcc-color.json" -C "$repo" "$SCRATCH/gcc-color.log"
triage_json "$SCRATCH/clang.json" -C "$repo" "$SCRATCH/clang.log"
expect_report "gcc error" "$SCRATCH/gcc.json" has kind=compile_error tool=gcc file=src/bad.cpp linked=true line=6 \
  column=25 "message~invalid conversion from"
expect_report "gcc note attached to its error" "$SCRATCH/gcc.json" has line=6 column=25 \
  "detail~note:   initializing argument 1 of"
expect_report "gcc second error" "$SCRATCH/gcc.json" has tool=gcc line=7 column=10 "message~was not declared in this scope"
expect_report "notes are not failures" "$SCRATCH/gcc.json" lacks "message~initializing argument"
expect_report "colours change nothing" "$SCRATCH/gcc-color.json" same-groups "$SCRATCH/gcc.json"
expect_report "clang error" "$SCRATCH/clang.json" has kind=compile_error tool=clang file=src/bad.cpp linked=true \
  line=6 "message~no matching function for call to 'twice'"
expect_report "clang notes in system headers attach too" "$SCRATCH/clang.json" has tool=clang line=6 \
  "detail~candidate constructor not viable"
expect_report "clang undeclared identifier" "$SCRATCH/clang.json" has tool=clang line=7 "message~undeclared identifier"

# A header's error, once per translation unit that includes it: one group of two.
run_tool 1 "$SCRATCH/header.log" env -C "$repo/src" g++ -fsyntax-only a.cpp b.cpp
triage_json "$SCRATCH/header.json" -C "$repo" "$SCRATCH/header.log"
expect_report "header error grouped" "$SCRATCH/header.json" has tool=gcc file=src/util.h line=2 count=2 \
  "message~missing_value"
expect_report "one group" "$SCRATCH/header.json" eval 'len(r["groups"]) == 1'

# Undefined references from GNU ld through g++ and clang++, in one triage.
run_tool 1 "$SCRATCH/ld-gcc.log" env -C "$repo" g++ src/link.cpp -o "$SCRATCH/a.out"
run_tool 1 "$SCRATCH/ld-clang.log" env -C "$repo" clang++ src/link.cpp -o "$SCRATCH/a.out"
triage_json "$SCRATCH/ld.json" -C "$repo" "$SCRATCH/ld-gcc.log" "$SCRATCH/ld-clang.log"
expect_report "link error from both linkers" "$SCRATCH/ld.json" has kind=link_error tool=ld file=src/link.cpp \
  linked=true count=2 "message=undefined reference to \`missing_function(int)'" "detail~in function \`main'"
expect_report "collect2 and clang's driver line only relay it" "$SCRATCH/ld.json" eval 'len(r["groups"]) == 1'

expect_exit "reports validate" 0 node "$SOURCE_DIR/tests/tools/validate_json_schema.js" \
  "$SOURCE_DIR/schemas/triage.schema.json" "$r" "$SCRATCH/gcc.json" "$SCRATCH/clang.json" "$SCRATCH/ld.json"
finish
