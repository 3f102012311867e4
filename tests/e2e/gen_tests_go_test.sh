#!/usr/bin/env bash
# copilot gen-tests on a small Go module (tests/fixtures/gentests-go): `go test`
# files compared with goldens, gofmt-clean, verified and characterized with the
# real `go test` offline (GOPROXY=off), then run by `go test` as a user would.
source "$(dirname "$0")/lib.sh"
command -v go >/dev/null || { echo "go missing (apt-get install golang-go)" >&2; exit 1; }
export GOPROXY=off GOFLAGS=-mod=mod GOCACHE="$SCRATCH/go-cache"

repo="$SCRATCH/shop-go"
cp -r "$SOURCE_DIR/tests/fixtures/gentests-go" "$repo"
new_repo "$repo"
commit_all "$repo" "shop"
out="$repo/tests/generated"
go_test_in() {  # go_test_in DIR ARGS...: the real go test, from the module root
  (cd "$1" && shift && go test -count=1 "$@")
}

expect_exit "gen-tests" 0 "$COPILOT" gen-tests -C "$repo"
cp "$SCRATCH/last.out" "$SCRATCH/summary.txt"
compare_golden "gen-tests-go/summary.txt" "$SCRATCH/summary.txt"
compare_golden "gen-tests-go/shop_pricing_test.go.txt" "$out/shop_pricing_test.go"
expect_contains "syntax error skipped with its line" "$SCRATCH/summary.txt" "broken/broken.go: skipped (syntax error at line"
expect_contains "package main skipped" "$SCRATCH/summary.txt" "cmd/shop/main.go: skipped (package main cannot be imported"
expect_contains "generics skipped with a reason" "$SCRATCH/summary.txt" "skipped Map: generic: type arguments cannot be derived"
expect_contains "file access is not called" "$SCRATCH/summary.txt" "skipped ReadRates: not called with made-up inputs: its code uses os.ReadFile"
expect_eq "gofmt-clean" "" "$(gofmt -l "$out")"

# Unverified, the unreachable error branch of Abs fails for real.
expect_exit "unverified tests fail" 1 go_test_in "$repo" ./tests/generated/
expect_contains "the failure" "$SCRATCH/last.out" "Test_shop_pricing_Abs_errors_1"

expect_exit "gen-tests --verify --characterize --coverage" 0 "$COPILOT" gen-tests -C "$repo" --verify --characterize \
  --coverage -f json -o "$SCRATCH/verify.json"
node -e '
const r = require(process.argv[1]);
const c = r.files.find((f) => f.source === "shop/pricing.go").coverage;
console.log(c.before > 0 && c.before < 10, c.after > 40, c.statements > 30);
' "$SCRATCH/verify.json" >"$SCRATCH/coverage.txt"
expect_eq "coverage with the package's own test, then with the generated ones" "true true true" "$(cat "$SCRATCH/coverage.txt")"
expect_exit "verify JSON matches its schema" 0 node "$SOURCE_DIR/tests/tools/validate_json_schema.js" \
  "$SOURCE_DIR/schemas/gen-tests.schema.json" "$SCRATCH/verify.json"
expect_contains "the failing test is removed" "$out/shop_pricing_test.go" \
  "// copilot-gen: removed Abs:errors:1 (failed under --verify: shop_pricing_test.go"
expect_contains "recorded results" "$out/shop_pricing_test.go" '{"text:many", "hello world", "hello-world"},'
expect_contains "recorded error" "$out/shop_pricing_test.go" '{"rate:empty", 1, "", 0, true},'
expect_contains "recorded panic" "$out/shop_pricing_test.go" "begin Cheapest:characterized-raises"
expect_eq "still gofmt-clean" "" "$(gofmt -l "$out")"
expect_eq "no harness left behind" "" "$(find "$repo" -maxdepth 1 -name 'copilot_characterize_*')"
expect_exit "verified tests pass under go test" 0 go_test_in "$repo" -v ./tests/generated/
expect_contains "a table row ran" "$SCRATCH/last.out" "--- PASS: Test_shop_pricing_Slug_characterized/text:many"

# Merging keeps the user's test.
printf '\nfunc TestMine(t *testing.T) {\n\tif shop.Slug("A B") != "a-b" {\n\t\tt.Fatal("slug")\n\t}\n}\n' >>"$out/shop_pricing_test.go"
expect_exit "gen-tests merges" 0 "$COPILOT" gen-tests -C "$repo" --characterize
expect_contains "nothing to add" "$SCRATCH/last.out" "shop/pricing.go -> tests/generated/shop_pricing_test.go: unchanged, 0 tests added"
expect_exit "user test still runs" 0 go_test_in "$repo" -run TestMine -v ./tests/generated/
expect_contains "user test ran" "$SCRATCH/last.out" "--- PASS: TestMine"

# Without go.mod there is no import path.
rm "$repo/go.mod"
expect_exit "no go.mod" 0 "$COPILOT" gen-tests -C "$repo" --framework go --out nomod
expect_contains "no go.mod reported" "$SCRATCH/last.out" "no go.mod at the root"

finish
