#!/usr/bin/env bash
# copilot gen-tests on a small C++ library (tests/fixtures/gentests-cpp): a
# GoogleTest file compared with its golden, verified with g++ and GoogleTest,
# then built with the CMake lines it carries and run by ctest.
source "$(dirname "$0")/lib.sh"

repo="$SCRATCH/shop-cpp"
cp -r "$SOURCE_DIR/tests/fixtures/gentests-cpp" "$repo"
new_repo "$repo"
commit_all "$repo" "shop"
out="$repo/tests/generated"
test_file="$out/include_shop_pricing_test.cpp"

expect_exit "gen-tests" 0 "$COPILOT" gen-tests -C "$repo"
cp "$SCRATCH/last.out" "$SCRATCH/summary.txt"
compare_golden "gen-tests-cpp/summary.txt" "$SCRATCH/summary.txt"
compare_golden "gen-tests-cpp/include_shop_pricing_test.cpp.txt" "$test_file"
expect_contains "syntax error skipped" "$SCRATCH/summary.txt" "include/shop/broken.h: skipped (syntax error at line"
expect_contains "templates skipped with a reason" "$SCRATCH/summary.txt" "skipped shop::twice: a template"
expect_contains "overloads skipped with a reason" "$SCRATCH/summary.txt" "skipped shop::format_cents: overloaded"
expect_contains "a guard from the source file" "$test_file" 'EXPECT_THROW(shop::add_vat(1, "copilot-not-allowed"), shop::PricingError);'
expect_contains "a method on a default-constructed object" "$test_file" "shop::Cart subject;"
expect_not_contains "private methods are not tested" "$test_file" "reset"

expect_exit "gen-tests --verify --characterize --coverage" 0 "$COPILOT" gen-tests -C "$repo" --verify --characterize \
  --coverage -f json -o "$SCRATCH/verify.json"
expect_exit "verify JSON matches its schema" 0 node "$SOURCE_DIR/tests/tools/validate_json_schema.js" \
  "$SOURCE_DIR/schemas/gen-tests.schema.json" "$SCRATCH/verify.json"
expect_contains "everything collected and passed" "$SCRATCH/verify.json" '"passed": 9'
expect_contains "recorded results" "$test_file" '{"cents:zero", 0, 0},'
expect_contains "recorded throws" "$test_file" "EXPECT_ANY_THROW(shop::add_vat(row.cents));"
expect_contains "nothing removed" "$SCRATCH/verify.json" '"removed": 0'
node -e '
const r = require(process.argv[1]);
const c = r.files.find((f) => f.source === "include/shop/pricing.h").coverage;
console.log(c.before > 0, c.after > c.before, c.statements > 10);
' "$SCRATCH/verify.json" >"$SCRATCH/coverage.txt"
expect_eq "gcov coverage with the project's own test, then with the generated ones" "true true true" "$(cat "$SCRATCH/coverage.txt")"

# The CMake lines in the file's header build it; ctest runs it.
{
  echo "cmake_minimum_required(VERSION 3.16)"
  echo "project(shop CXX)"
  echo "set(CMAKE_CXX_STANDARD 17)"
  echo "enable_testing()"
  sed -n 's|^//   \(.*\)|\1|p' "$test_file" | sed 's|  # where --out put it||'
} >"$repo/CMakeLists.txt"
expect_exit "cmake configures" 0 cmake -S "$repo" -B "$SCRATCH/build" -G Ninja
expect_exit "the test builds" 0 cmake --build "$SCRATCH/build"
expect_exit "ctest passes" 0 ctest --test-dir "$SCRATCH/build" --output-on-failure
expect_contains "ctest ran the generated tests" "$SCRATCH/last.out" "include_shop_pricing.shop_add_vat_throws_1"

finish
