#!/usr/bin/env bash
# copilot gen-tests on a small JavaScript/TypeScript project
# (tests/fixtures/gentests-js): Jest files compared with goldens, verified with
# the real Jest (pinned in package.json), then run by Jest as a user would.
source "$(dirname "$0")/lib.sh"
export COPILOT_NODE_MODULES="$NODE_MODULES"
[ -f "$NODE_MODULES/jest/bin/jest.js" ] || { echo "jest missing from $NODE_MODULES (npm ci)" >&2; exit 1; }

repo="$SCRATCH/shop-js"
cp -r "$SOURCE_DIR/tests/fixtures/gentests-js" "$repo"
new_repo "$repo"
commit_all "$repo" "shop"
out="$repo/tests/generated"
# What a project of the user's would hold: Jest configured to read TypeScript.
cat >"$repo/jest.config.js" <<'EOF'
const nm = process.env.NODE_MODULES;
const presets = [[`${nm}/@babel/preset-env`, { targets: { node: "current" } }], `${nm}/@babel/preset-typescript`];
module.exports = { transform: { "\\.[cm]?[jt]sx?$": [`${nm}/babel-jest`, { presets }] } };
EOF
jest_in() {  # jest_in DIR ARGS...: the real Jest with the project's configuration
  (cd "$1" && shift && node "$NODE_MODULES/jest/bin/jest.js" --ci --no-watchman "$@")
}

expect_exit "gen-tests" 0 "$COPILOT" gen-tests -C "$repo"
cp "$SCRATCH/last.out" "$SCRATCH/summary.txt"
compare_golden "gen-tests-js/summary.txt" "$SCRATCH/summary.txt"
compare_golden "gen-tests-js/src_pricing.test.js.txt" "$out/src_pricing.test.js"
compare_golden "gen-tests-js/src_text.test.js.txt" "$out/src_text.test.js"
expect_contains "syntax error skipped with its line" "$SCRATCH/summary.txt" "src/broken.ts: skipped (syntax error at line 1)"
expect_contains "a server started on import is skipped" "$SCRATCH/summary.txt" "src/server.js: skipped (module has import-time side effects"
expect_contains "file access is not called" "$SCRATCH/summary.txt" "skipped readConfig: not called with made-up inputs: its code uses fs"
expect_contains "jest.config.js is no source" "$SCRATCH/summary.txt" "4 files,"

# Unverified, the remove() rows fail for real: an empty cart has nothing to remove.
expect_exit "unverified tests fail" 1 jest_in "$repo" tests/generated
expect_contains "the failure" "$SCRATCH/last.err" "no hello world"

expect_exit "gen-tests --verify --coverage" 0 "$COPILOT" gen-tests -C "$repo" --verify --coverage -f json -o "$SCRATCH/verify.json"
expect_exit "verify JSON matches its schema" 0 node "$SOURCE_DIR/tests/tools/validate_json_schema.js" \
  "$SOURCE_DIR/schemas/gen-tests.schema.json" "$SCRATCH/verify.json"
field() { node -e 'const r = require(process.argv[1]); console.log(r.verify[process.argv[2]])' "$SCRATCH/verify.json" "$1"; }
expect_eq "every file collected" "$(field files_run)" "$(field files_collected)"
node -e '
const r = require(process.argv[1]);
const pricing = r.files.find((f) => f.source === "src/pricing.ts").coverage;
console.log(pricing.before > 0 && pricing.before < 50, pricing.after > 80, r.coverage.after > r.coverage.before);
' "$SCRATCH/verify.json" >"$SCRATCH/coverage.txt"
expect_eq "coverage with the project's own test, then with the generated ones" "true true true" "$(cat "$SCRATCH/coverage.txt")"
expect_eq "failing rows removed" "9" "$(field removed)"
expect_contains "a tombstone for the removed test" "$out/src_pricing.test.js" "// copilot-gen: removed Cart.remove:boundary (failed under --verify: Error: no hello world)"
expect_contains "a failing row goes, its table stays" "$out/src_pricing.test.js" '["base", ["a"]],'
expect_not_contains "the failing row is gone" "$out/src_pricing.test.js" '["quantity:zero", ["a", 0]]'
expect_exit "verified tests pass under Jest" 0 jest_in "$repo" tests/generated
expect_contains "Jest summary" "$SCRATCH/last.err" "Tests:       4 skipped, $(field passed) passed"

# Merging keeps the user's own test and adds only what is missing.
printf '\ntest("mine", () => {\n  expect(mod.cheapest([3, 1])).toBe(1);\n});\n' >>"$out/src_pricing.test.js"
expect_exit "gen-tests merges" 0 "$COPILOT" gen-tests -C "$repo"
expect_contains "nothing to add" "$SCRATCH/last.out" "src/pricing.ts -> tests/generated/src_pricing.test.js: unchanged, 0 tests added"
expect_exit "user test still runs" 0 jest_in "$repo" tests/generated -t mine
expect_contains "user test ran" "$SCRATCH/last.err" "1 passed"

expect_exit "--framework jest" 0 "$COPILOT" gen-tests -C "$repo" --framework jest --out only-js
# --characterize records what pure functions return or throw, inside Jest.
expect_exit "gen-tests --characterize --verify" 0 "$COPILOT" gen-tests -C "$repo" --characterize --verify --out char
expect_contains "untyped function characterized" "$repo/char/src_text.test.js" '["name:many", ["hello world"], "HW"],'
expect_contains "guessed input recorded" "$repo/char/src_text.test.js" '["probe:string", ["abc"], "abc"],'
expect_contains "the module's own error recorded" "$repo/char/src_pricing.test.js" '["rate:empty", [1, ""], mod.PricingError],'
expect_not_contains "file access is not characterized" "$repo/char/src_text.test.js" "readConfig:characterized"
expect_eq "the harness is gone" "" "$(find "$repo" -maxdepth 1 -name '.copilot-characterize-*')"
expect_exit "characterized tests pass under Jest" 0 jest_in "$repo" char

finish
