#!/usr/bin/env bash
# copilot triage on logs of the real TypeScript compiler (plain and --pretty)
# and Jest (assertion failures, a thrown error, a suite that fails to load),
# both run offline from node_modules on one project made here.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/triage_lib.sh"
need node
tsc="$NODE_MODULES/typescript/bin/tsc"
jest="$NODE_MODULES/jest/bin/jest.js"
for tool in "$tsc" "$jest"; do
  [ -f "$tool" ] || { fail "$tool is missing (npm ci installs typescript and jest)"; finish; exit 1; }
done

repo="$SCRATCH/web"
new_repo "$repo"
mkdir -p "$repo/src" "$repo/test"
cat >"$repo/tsconfig.json" <<'JSON'
{"compilerOptions": {"strict": true, "noEmit": true, "target": "es2020"}, "include": ["src/**/*.ts"]}
JSON
cat >"$repo/src/total.ts" <<'TS'
export function total(xs: number[]): number {
  const label: number = "sum";
  return xs.reduce((a, b) => a + b, missing);
}
TS
cat >"$repo/src/sum.js" <<'JS'
function sum(a, b) {
  return a - b;
}
function parse(text) {
  return JSON.parse(text).value;
}
module.exports = { sum, parse };
JS
cat >"$repo/test/sum.test.js" <<'JS'
const { sum, parse } = require('../src/sum');

describe('sum', () => {
  test('adds numbers', () => {
    expect(sum(2, 3)).toBe(5);
  });
  test('parses', () => {
    expect(parse('{bad')).toBe(1);
  });
  test('ok', () => {
    expect(sum(1, 0)).toBe(1);
  });
});
JS
printf "const x = require('./does-not-exist');\ntest('never runs', () => {});\n" >"$repo/test/broken.test.js"
printf '{"private": true}\n' >"$repo/package.json"
commit_all "$repo" "web"

run_tool 2 "$SCRATCH/tsc.log" env -C "$repo" node "$tsc" -p .
run_tool 2 "$SCRATCH/tsc-pretty.log" env -C "$repo" node "$tsc" -p . --pretty true
if ! grep -q $'\x1b\[' "$SCRATCH/tsc-pretty.log" || grep -q '(2,9): error' "$SCRATCH/tsc-pretty.log"; then
  fail "tsc --pretty did not use its coloured pretty form"
fi
triage_json "$SCRATCH/tsc.json" -C "$repo" "$SCRATCH/tsc.log"
triage_json "$SCRATCH/tsc-pretty.json" -C "$repo" "$SCRATCH/tsc-pretty.log"
expect_report "type error" "$SCRATCH/tsc.json" has kind=compile_error tool=tsc file=src/total.ts linked=true line=2 \
  column=9 "message=TS2322: Type 'string' is not assignable to type 'number'."
expect_report "unknown name" "$SCRATCH/tsc.json" has tool=tsc line=3 column=37 "message=TS2304: Cannot find name 'missing'."
expect_report "two errors" "$SCRATCH/tsc.json" eval 'r["summary"]["failures"] == 2'
expect_report "pretty form gives the same groups" "$SCRATCH/tsc-pretty.json" same-groups "$SCRATCH/tsc.json"
expect_report "pretty form keeps the code frame" "$SCRATCH/tsc-pretty.json" has line=2 'detail~const label: number = "sum";'

run_tool 1 "$SCRATCH/jest.log" env -C "$repo" node "$jest" --ci --rootDir . --cacheDirectory "$SCRATCH/jest-cache"
triage_json "$SCRATCH/jest.json" -C "$repo" "$SCRATCH/jest.log"
r=$SCRATCH/jest.json
expect_report "assertion failure" "$r" has kind=test_failure tool=jest "test=test/sum.test.js › sum › adds numbers" \
  file=test/sum.test.js linked=true line=5 column=23 "message=expect(received).toBe(expected) // Object.is equality"
expect_report "thrown error at the throwing frame" "$r" has tool=jest "test=test/sum.test.js › sum › parses" \
  file=src/sum.js line=5 "message~SyntaxError"
expect_report "suite that fails to load" "$r" has kind=test_error tool=jest test= file=test/broken.test.js line=1 \
  "message~Cannot find module './does-not-exist'"
expect_report "three failures" "$r" eval 'r["summary"]["failures"] == 3 and r["logs"][0]["tools"] == ["jest"]'

triage_json "$SCRATCH/both.json" -C "$repo" "$SCRATCH/tsc.log" "$SCRATCH/jest.log"
expect_report "one report over both tools" "$SCRATCH/both.json" eval 'r["summary"]["groups"] == 5'
expect_exit "reports validate" 0 node "$SOURCE_DIR/tests/tools/validate_json_schema.js" \
  "$SOURCE_DIR/schemas/triage.schema.json" "$SCRATCH/tsc.json" "$SCRATCH/tsc-pretty.json" "$r" "$SCRATCH/both.json"
finish
