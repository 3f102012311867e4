#!/usr/bin/env bash
# copilot review on git repositories built here: scopes, diff filters,
# suppressions, baselines, gates, every output format, and bad input.
source "$(dirname "$0")/lib.sh"

repo="$SCRATCH/repo"
new_repo "$repo"
mkdir -p "$repo/app" "$repo/web"
cat >"$repo/app/db.py" <<'PY'
import os


def legacy(cmd):
    os.system(cmd)
PY
cat >"$repo/web/page.js" <<'JS'
export function show(el, text) {
  el.textContent = text;
}
JS
commit_all "$repo" "base"
git -C "$repo" checkout -q -b feature
cat >>"$repo/app/db.py" <<'PY'


def find_user(cursor, name):
    cursor.execute(f"SELECT * FROM users WHERE name = '{name}'")
    return cursor.fetchone()


def run(cmd):
    import subprocess
    subprocess.run(cmd, shell=True)
PY
cat >>"$repo/web/page.js" <<'JS'

export function render(el, html) {
  el.innerHTML = html;
}
JS
commit_all "$repo" "feature" 1767312000

cd "$repo"
# Default scope: the merge base with main to HEAD, only added lines.
expect_exit "review exits 0 without a gate" 0 "$COPILOT" review --format json -o "$SCRATCH/r.json"
expect_contains "SQL injection on an added line" "$SCRATCH/r.json" '"rule_id": "py-sql-injection'
expect_contains "shell=True on an added line" "$SCRATCH/r.json" '"rule_id": "py-subprocess-shell-true"'
expect_contains "innerHTML on an added line" "$SCRATCH/r.json" '"rule_id": "js-dom-html-injection"'
expect_not_contains "old os.system line is not in the diff" "$SCRATCH/r.json" '"rule_id": "py-os-system-injection"'
expect_contains "scope names the base" "$SCRATCH/r.json" '"scope": "main...HEAD"'
expect_exit "file filter reports the whole changed file" 0 "$COPILOT" review --filter file --format json -o "$SCRATCH/f.json"
expect_contains "file filter includes old line" "$SCRATCH/f.json" '"rule_id": "py-os-system-injection"'

# Gates.
expect_exit "--fail-on high fails" 1 "$COPILOT" review --fail-on high -o /dev/null
expect_exit "--fail-on critical passes" 0 "$COPILOT" review --fail-on critical -o /dev/null
expect_exit "--min-confidence above every finding passes" 0 "$COPILOT" review --fail-on high --min-confidence 1.0 -o /dev/null
expect_exit "COPILOT_FAIL_ON from the environment" 1 env COPILOT_FAIL_ON=high "$COPILOT" review -o /dev/null

# Every format from the registry renders; goldens pin them (paths normalised).
# Goldens use fixture rules so that editing a built-in rule's text does not churn them.
printf '    print(cursor)\n' >>app/db.py
commit_all "$repo" "print" 1767355200
formats=$("$COPILOT" review --help | sed -n 's/.*Output: //p' | tr -d ',')
[ -n "$formats" ] || fail "no formats listed in review --help"
for fmt in $formats; do
  expect_exit "format $fmt" 0 "$COPILOT" review --no-builtin-rules --rules "$SOURCE_DIR/tests/fixtures/rules" \
    --agents security,style --format "$fmt" -o "$SCRATCH/out.$fmt"
  sed -e "s#$repo#/REPO#g" -e 's/"version": "[0-9.]*"/"version": "X"/; s/copilot [0-9][0-9.]*/copilot X/' \
    "$SCRATCH/out.$fmt" >"$SCRATCH/norm.$fmt"
  compare_golden "review-e2e/feature.$fmt" "$SCRATCH/norm.$fmt"
done
if [ -f "$SCRATCH/out.sarif" ]; then
  expect_exit "SARIF from a real run validates" 0 bash "$SOURCE_DIR/tests/e2e/sarif_validate_test.sh" "$SCRATCH/out.sarif"
fi

# Inline suppression on the line above.
sed -i 's/^    subprocess.run(cmd, shell=True)/    # copilot-ignore[py-subprocess-shell-true]: commands come from our own config\n    subprocess.run(cmd, shell=True)/' app/db.py
commit_all "$repo" "suppress" 1767398400
expect_exit "review after suppression" 0 "$COPILOT" review --format json -o "$SCRATCH/s.json"
expect_not_contains "suppressed finding gone" "$SCRATCH/s.json" '"rule_id": "py-subprocess-shell-true"'
expect_contains "suppression counted" "$SCRATCH/s.json" '"suppressed_inline": 1'

# Baseline: record today's findings, then only new ones are reported, even
# after unrelated lines move the old ones.
expect_exit "write baseline" 0 "$COPILOT" review --all --write-baseline "$SCRATCH/baseline.json" -o /dev/null
expect_exit "baseline silences all" 0 "$COPILOT" review --all --baseline "$SCRATCH/baseline.json" --format json -o "$SCRATCH/b.json"
expect_contains "nothing new" "$SCRATCH/b.json" '"findings": []'
{ printf '"""Database helpers."""\n\n\n'; cat app/db.py; printf '\n\ndef again(x):\n    eval(x)\n'; } >"$SCRATCH/db.py"
cp "$SCRATCH/db.py" app/db.py
expect_exit "baseline after lines moved" 0 "$COPILOT" review --all --baseline "$SCRATCH/baseline.json" --format json -o "$SCRATCH/b2.json"
expect_contains "new eval reported" "$SCRATCH/b2.json" '"rule_id": "py-eval-injection"'
expect_not_contains "moved SQL finding stays silenced" "$SCRATCH/b2.json" '"rule_id": "py-sql-injection'
grep -E "rule_id|start_line|fingerprint" "$SCRATCH/b2.json" >&2; grep -E "rule_id|fingerprint" "$SCRATCH/baseline.json" >&2

# Pre-commit scopes.
git checkout -q -- app/db.py
printf 'import pickle\n\ndef load(blob):\n    return pickle.loads(blob)\n' >app/cache.py
git add app/cache.py
expect_exit "--staged sees the staged file" 0 "$COPILOT" review --staged --format json -o "$SCRATCH/st.json"
expect_contains "staged pickle" "$SCRATCH/st.json" '"rule_id": "py-pickle-load"'
printf '\ndef again(x):\n    eval(x)\n' >>app/cache.py
expect_exit "--worktree sees unstaged edits" 0 "$COPILOT" review --worktree --format json -o "$SCRATCH/wt.json"
expect_contains "worktree eval" "$SCRATCH/wt.json" '"rule_id": "py-eval-injection"'
git reset -q --hard

# Explicit paths narrow the scope; agents select rules.
expect_exit "paths narrow" 0 "$COPILOT" review --filter file web --format json -o "$SCRATCH/p.json"
expect_not_contains "python file left out" "$SCRATCH/p.json" 'app/db.py'
expect_exit "agents select" 0 "$COPILOT" review --all --agents style --format json -o "$SCRATCH/a.json"
expect_not_contains "no security with --agents style" "$SCRATCH/a.json" '"agent": "security"'
printf 'web/**\n' >.copilotignore
expect_exit ".copilotignore" 0 "$COPILOT" review --all --format json -o "$SCRATCH/i.json"
expect_not_contains "ignored path gone" "$SCRATCH/i.json" 'web/page.js'
rm .copilotignore

# Configuration: disable a rule, change a severity; a bad key is exit 2.
printf 'review:\n  disable: [py-sql-injection-execute, py-sql-injection-string-built]\n  severity: {js-dom-html-injection: critical}\n' >.copilot.yaml
expect_exit "config applied" 0 "$COPILOT" review --format json -o "$SCRATCH/c.json"
expect_not_contains "disabled rule gone" "$SCRATCH/c.json" 'py-sql-injection-execute'
expect_exit "severity override gates" 1 "$COPILOT" review --fail-on critical -o /dev/null
printf 'review:\n  fail_on: sometimes\n' >.copilot.yaml
expect_exit "bad config value" 2 "$COPILOT" review
expect_contains "bad value named" "$SCRATCH/last.err" ".copilot.yaml:2: key 'review.fail_on'"
rm .copilot.yaml

# Bad input: syntax errors, binary and huge files never crash the review.
printf 'def broken(:\n    eval(x)\n\ndef fine(y):\n    eval(y)\n' >app/broken.py
head -c 4096 /dev/urandom >app/blob.bin
head -c $((6 * 1024 * 1024)) /dev/zero | tr '\0' 'x' >app/huge.py
expect_exit "bad files reviewed" 0 "$COPILOT" -v review --all --format json -o "$SCRATCH/bad.json"
expect_contains "syntax error noted" "$SCRATCH/last.err" "app/broken.py: syntax errors"
expect_contains "sound part still reviewed" "$SCRATCH/bad.json" '"file": "app/broken.py"'
expect_contains "huge file skipped" "$SCRATCH/last.err" "app/huge.py: skipped"
rm app/broken.py app/blob.bin app/huge.py

# Errors: unknown revisions, a shallow clone without the merge base, no repository.
expect_exit "unknown base" 2 "$COPILOT" review --base no-such-branch
expect_contains "says how to fetch" "$SCRATCH/last.err" "git fetch"
git clone -q --depth 1 --branch feature "file://$repo" "$SCRATCH/shallow"
git -C "$SCRATCH/shallow" fetch -q --depth 1 origin main:main
expect_exit "shallow clone without merge base" 2 "$COPILOT" review -C "$SCRATCH/shallow" --base main
expect_contains "shallow advice" "$SCRATCH/last.err" "--deepen"
mkdir -p "$SCRATCH/plain" && printf 'eval(input())\n' >"$SCRATCH/plain/x.py"
expect_exit "diff mode outside git" 2 "$COPILOT" review -C "$SCRATCH/plain"
expect_exit "--all outside git works" 0 "$COPILOT" review --all -C "$SCRATCH/plain" --format json -o "$SCRATCH/plain.json"
expect_contains "plain dir finding" "$SCRATCH/plain.json" '"file": "x.py"'
expect_exit "two scopes is a usage error" 2 "$COPILOT" review --all --staged

finish
