#!/usr/bin/env bash
# copilot triage on logs of real go test and go build runs (offline): a failed
# assertion, a subtest, a panic, and a package that does not compile; then the
# same log triaged against a copy of the checkout, as if from another machine.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/triage_lib.sh"
need go
export GOFLAGS=-mod=mod GOPROXY=off GOCACHE="$SCRATCH/gocache" GOPATH="$SCRATCH/gopath" GOTOOLCHAIN=local

repo="$SCRATCH/goapp"
new_repo "$repo"
mkdir -p "$repo/calc" "$repo/broken"
printf 'module example.com/app\n\ngo 1.19\n' >"$repo/go.mod"
cat >"$repo/calc/calc.go" <<'GO'
package calc

func Add(a, b int) int { return a - b }

func At(xs []int, i int) int { return xs[i] }
GO
cat >"$repo/calc/calc_test.go" <<'GO'
package calc

import "testing"

func TestAdd(t *testing.T) {
	if got := Add(2, 3); got != 5 {
		t.Errorf("Add(2, 3) = %d, want 5", got)
	}
}

func TestSub(t *testing.T) {
	t.Run("inner", func(t *testing.T) { t.Fatal("inner broke") })
}

func TestAt(t *testing.T) {
	_ = At([]int{1, 2, 3}, 5)
}
GO
cat >"$repo/broken/broken.go" <<'GO'
package broken

func Value() int {
	return missing
}
GO
printf 'package broken\n\nimport "testing"\n\nfunc TestValue(t *testing.T) { Value() }\n' >"$repo/broken/broken_test.go"
commit_all "$repo" "go"

run_tool 2 "$SCRATCH/go.log" env -C "$repo" go test ./...
triage_json "$SCRATCH/go.json" -C "$repo" "$SCRATCH/go.log"
r=$SCRATCH/go.json
expect_report "compile error" "$r" has kind=compile_error tool=go file=broken/broken.go linked=true line=4 column=9 \
  "message=undefined: missing"
expect_report "a package that failed to build is explained by its error" "$r" lacks kind=build_failure
expect_report "failed assertion" "$r" has kind=test_failure tool=go test=TestAdd file=calc/calc_test.go linked=true \
  line=7 "message=Add(2, 3) = -1, want 5"
expect_report "subtest" "$r" has test=TestSub/inner line=12 "message=inner broke"
expect_report "parent of a failed subtest is not repeated" "$r" lacks test=TestSub
expect_report "panic" "$r" has kind=crash tool=go test=TestAt file=calc/calc.go linked=true line=5 \
  "message=panic: runtime error: index out of range [5] with length 3"
expect_report "four failures" "$r" eval 'r["summary"]["failures"] == 4 and r["logs"][0]["tools"] == ["go"]'

# Verbose mode logs messages before the verdict.
run_tool 1 "$SCRATCH/go-v.log" env -C "$repo" go test -v -run 'TestAdd|TestSub' ./calc
triage_json "$SCRATCH/go-v.json" -C "$repo" "$SCRATCH/go-v.log"
expect_report "verbose failure" "$SCRATCH/go-v.json" has test=TestAdd file=calc/calc_test.go line=7
expect_report "verbose subtest" "$SCRATCH/go-v.json" has test=TestSub/inner line=12
expect_report "verbose parent not repeated" "$SCRATCH/go-v.json" lacks test=TestSub

# go build from inside a package prints "./x.go" paths; the same error groups with go test's.
run_tool 2 "$SCRATCH/build.log" env -C "$repo/broken" go build -o /dev/null .
triage_json "$SCRATCH/both.json" -C "$repo" "$SCRATCH/go.log" "$SCRATCH/build.log"
expect_report "same compile error twice" "$SCRATCH/both.json" has kind=compile_error file=broken/broken.go count=2

# The panic's absolute frames came from "another machine": link by suffix.
git clone -q "$repo" "$SCRATCH/checkout"
triage_json "$SCRATCH/elsewhere.json" -C "$SCRATCH/checkout" "$SCRATCH/go.log"
expect_report "absolute path from elsewhere linked" "$SCRATCH/elsewhere.json" has kind=crash file=calc/calc.go \
  linked=true "path_in_log=$repo/calc/calc.go"
expect_exit "reports validate" 0 node "$SOURCE_DIR/tests/tools/validate_json_schema.js" \
  "$SOURCE_DIR/schemas/triage.schema.json" "$r" "$SCRATCH/go-v.json" "$SCRATCH/both.json"
finish
