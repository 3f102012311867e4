#!/usr/bin/env bash
# copilot triage on logs real tools write here: pytest (plain, coloured, behind
# GitHub Actions and Jenkins timestamps) and a Python crash from "another
# machine's" checkout; every output format, exit codes, stdin, -o, bad input.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/triage_lib.sh"
need /usr/bin/python3 node
/usr/bin/python3 -c 'import pytest' 2>/dev/null || fail "pytest is not installed for /usr/bin/python3 (python3-pytest)"
export PYTHONDONTWRITEBYTECODE=1

repo="$SCRATCH/app"
new_repo "$repo"
mkdir -p "$repo/src" "$repo/tests" "$repo/tools"
cat >"$repo/src/calc.py" <<'PY'
def add(a, b):
    return a - b


def divide(a, b):
    return a / b
PY
cat >"$repo/tests/test_calc.py" <<'PY'
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "src"))
import pytest  # noqa: E402
from calc import add, divide  # noqa: E402


@pytest.fixture
def database():
    raise RuntimeError("database unavailable")


def test_add():
    assert add(2, 3) == 5


def test_divide():
    assert divide(1, 0) == 0


def test_uses_database(database):
    assert database


class TestThing:
    def test_method(self):
        assert [1, 2] == [1, 3]


def test_ok():
    assert add(1, 0) == 1
PY
printf 'import nonexistent_module\n' >"$repo/tests/test_broken.py"
cat >"$repo/tools/build.py" <<'PY'
import json


def main():
    return json.loads("not json")


main()
PY
commit_all "$repo" "app"

pytest_run() {  # pytest_run LOG [FLAGS...]
  local log=$1
  shift
  run_tool 1 "$log" env -C "$repo" /usr/bin/python3 -m pytest -p no:cacheprovider --continue-on-collection-errors "$@"
}
pytest_run "$SCRATCH/pytest.log"
triage_json "$SCRATCH/pytest.json" -C "$repo" "$SCRATCH/pytest.log"
r=$SCRATCH/pytest.json
expect_report "test failure with its E line" "$r" has kind=test_failure tool=pytest test=tests/test_calc.py::test_add \
  file=tests/test_calc.py linked=true line=15 "message=assert -1 == 5"
expect_report "raise location in the project's module" "$r" has test=tests/test_calc.py::test_divide file=src/calc.py \
  line=6 "message=ZeroDivisionError: division by zero"
expect_report "fixture error is a test error" "$r" has kind=test_error test=tests/test_calc.py::test_uses_database \
  "message=RuntimeError: database unavailable"
expect_report "class method test" "$r" has test=tests/test_calc.py::TestThing::test_method line=28
expect_report "collection error" "$r" has kind=test_error test= file=tests/test_broken.py line=1 \
  "message~No module named 'nonexistent_module'"
expect_report "each failure once (blocks and summary merged)" "$r" eval 'r["summary"]["failures"] == 5'
expect_report "passing test absent" "$r" lacks "test~test_ok"
expect_report "pytest recognized" "$r" eval 'r["logs"][0]["tools"] == ["pytest"]'
expect_exit "JSON report validates against the schema" 0 node "$SOURCE_DIR/tests/tools/validate_json_schema.js" \
  "$SOURCE_DIR/schemas/triage.schema.json" "$r"

# The same run, coloured and behind CI timestamp prefixes, gives the same groups.
pytest_run "$SCRATCH/color.log" --color=yes
grep -q $'\x1b\[' "$SCRATCH/color.log" || fail "pytest --color=yes wrote no colour codes"
sed 's/^/2026-01-01T00:00:00.0000000Z /' "$SCRATCH/color.log" >"$SCRATCH/github.log"
sed 's/^/[2026-01-01T10:00:00.123Z] /' "$SCRATCH/pytest.log" >"$SCRATCH/jenkins.log"
triage_json "$SCRATCH/github.json" -C "$repo" "$SCRATCH/github.log"
triage_json "$SCRATCH/jenkins.json" -C "$repo" "$SCRATCH/jenkins.log"
expect_report "GitHub Actions log with colours" "$SCRATCH/github.json" same-groups "$r"
expect_report "Jenkins timestamps" "$SCRATCH/jenkins.json" same-groups "$r"

# Two runs' logs: the same failures group, with both occurrences.
triage_json "$SCRATCH/two.json" -C "$repo" "$SCRATCH/pytest.log" "$SCRATCH/github.log"
expect_report "repeated failures group across logs" "$SCRATCH/two.json" eval \
  'len(r["groups"]) == 5 and all(g["count"] == 2 for g in r["groups"]) and r["summary"]["failures"] == 10'
expect_report "occurrences name their log" "$SCRATCH/two.json" eval \
  'all({o["log"] for o in g["occurrences"]} == {"'"$SCRATCH/pytest.log"'", "'"$SCRATCH/github.log"'"} for g in r["groups"])'

# A crash on another machine: absolute runner paths link back to this checkout.
run_tool 1 "$SCRATCH/crash-local.log" /usr/bin/python3 "$repo/tools/build.py"
sed "s#$repo#/home/runner/work/app/app#g" "$SCRATCH/crash-local.log" >"$SCRATCH/crash.log"
grep -q '/home/runner/work/app/app/tools/build.py' "$SCRATCH/crash.log" || fail "traceback has no absolute path"
triage_json "$SCRATCH/crash.json" -C "$repo" "$SCRATCH/crash.log"
expect_report "runner path linked by suffix" "$SCRATCH/crash.json" has kind=crash tool=python file=tools/build.py \
  linked=true line=5 "path_in_log=/home/runner/work/app/app/tools/build.py" "message~JSONDecodeError"
mkdir -p "$SCRATCH/elsewhere"
triage_json "$SCRATCH/unlinked.json" -C "$SCRATCH/elsewhere" "$SCRATCH/crash.log"
expect_report "unlinked file says so" "$SCRATCH/unlinked.json" has linked=false \
  "file=/home/runner/work/app/app/tools/build.py" "link_note=not a file of the repository"
expect_report "unlinked count" "$SCRATCH/unlinked.json" eval 'r["summary"]["unlinked_files"] == 1'

# Text: most frequent first, clickable paths relative to the current directory.
cd "$SCRATCH"
expect_exit "text report" 1 "$COPILOT" triage -C app pytest.log github.log
cp "$SCRATCH/last.out" "$SCRATCH/text.out"
expect_contains "text headline" "$SCRATCH/text.out" "copilot triage: 10 failures in 5 groups from 2 logs (pytest)"
expect_contains "clickable path under -C" "$SCRATCH/text.out" "app/tests/test_calc.py:15: test_failure [pytest] x2"
expect_contains "seen at" "$SCRATCH/text.out" "seen at pytest.log:"
cd "$repo"
expect_exit "text from the repository itself" 1 "$COPILOT" triage "$SCRATCH/pytest.log"
expect_contains "repository-relative path" "$SCRATCH/last.out" "tests/test_calc.py:15: test_failure [pytest]"

# Markdown for a step summary; -o writes atomically; stdin.
expect_exit "markdown to a file" 1 "$COPILOT" triage -f markdown -o "$SCRATCH/summary.md" "$SCRATCH/pytest.log"
expect_contains "markdown heading" "$SCRATCH/summary.md" "## copilot triage"
# shellcheck disable=SC2016 # Markdown backticks, not a command substitution
expect_contains "markdown row" "$SCRATCH/summary.md" '| 1 | test_failure | pytest | `tests/test_calc.py:15` |'
expect_eq "-o leaves stdout empty" "" "$(cat "$SCRATCH/last.out")"
expect_exit "log on stdin" 1 "$COPILOT" triage -f json -o "$SCRATCH/stdin.json" <"$SCRATCH/pytest.log"
expect_report "stdin report names it" "$SCRATCH/stdin.json" eval 'r["logs"][0]["name"] == "-" and len(r["groups"]) == 5'
expect_exit "'-' is stdin too" 1 "$COPILOT" triage -f json -o "$SCRATCH/dash.json" - <"$SCRATCH/pytest.log"

# No failures, unknown formats, bad input.
printf 'everything is fine\n' >"$SCRATCH/plain.log"
expect_exit "unrecognized log is not an error" 0 "$COPILOT" triage "$SCRATCH/plain.log"
expect_contains "says so on stderr" "$SCRATCH/last.err" "no known build or test output recognized"
expect_contains "report says no failures" "$SCRATCH/last.out" "no failures found in 1 log"
run_tool 0 "$SCRATCH/pass.log" env -C "$repo" /usr/bin/python3 -m pytest -p no:cacheprovider tests/test_calc.py -k test_ok
expect_exit "passing pytest run exits 0" 0 "$COPILOT" triage -f json -o "$SCRATCH/pass.json" "$SCRATCH/pass.log"
expect_report "passing run recognized, no groups" "$SCRATCH/pass.json" eval \
  'r["summary"]["recognized"] and r["groups"] == [] and r["logs"][0]["tools"] == ["pytest"]'
expect_exit "empty stdin" 0 "$COPILOT" triage </dev/null
head -c 300000 /dev/urandom >"$SCRATCH/junk.log"
expect_exit "binary junk" 0 "$COPILOT" triage -f json -o "$SCRATCH/junk.json" "$SCRATCH/junk.log"
expect_exit "junk report is valid JSON for the schema" 0 node "$SOURCE_DIR/tests/tools/validate_json_schema.js" \
  "$SOURCE_DIR/schemas/triage.schema.json" "$SCRATCH/junk.json" "$SCRATCH/pass.json" "$SCRATCH/two.json"
expect_exit "missing log is a usage error" 2 "$COPILOT" triage "$SCRATCH/pytest.log" "$SCRATCH/nope.log"
expect_contains "names the missing log" "$SCRATCH/last.err" "nope.log"
expect_exit "directory as log" 2 "$COPILOT" triage "$SCRATCH"
expect_exit "unknown format" 2 "$COPILOT" triage -f sarif "$SCRATCH/pytest.log"
expect_exit "missing root" 2 "$COPILOT" triage -C "$SCRATCH/none" "$SCRATCH/pytest.log"
expect_exit "unwritable output is a runtime error" 3 "$COPILOT" triage -o "$SCRATCH/pytest.log/r.txt" "$SCRATCH/pytest.log"
expect_exit "--llm is not offered" 2 "$COPILOT" triage --llm "$SCRATCH/pytest.log"

# The schema also accepts the goldens the unit tests pin.
expect_exit "JSON goldens validate" 0 node "$SOURCE_DIR/tests/tools/validate_json_schema.js" \
  "$SOURCE_DIR/schemas/triage.schema.json" "$SOURCE_DIR/tests/golden/triage/sample.json" \
  "$SOURCE_DIR/tests/golden/triage/empty.json"
finish
