# shellcheck shell=bash
# Helpers for the triage end-to-end tests (sourced after lib.sh).
EXPECT_PY=(/usr/bin/python3 "$SOURCE_DIR/tests/tools/triage_expect.py")

# need TOOL...: a missing tool fails the test (CI installs them all; see scripts/install-test-deps.sh).
need() {
  local t
  for t in "$@"; do
    if ! command -v "$t" >/dev/null 2>&1; then
      fail "$t is not installed (run scripts/install-test-deps.sh)"
      finish
      exit 1
    fi
  done
}

# expect_report WHAT REPORT CHECK ARGS...: see tests/tools/triage_expect.py.
expect_report() {
  local what=$1
  shift
  if "${EXPECT_PY[@]}" "$@" >"$SCRATCH/expect.out" 2>&1; then pass; else
    fail "$what"
    sed 's/^/  | /' "$SCRATCH/expect.out" | head -40 >&2
  fi
}

# run_tool EXPECTED_EXIT LOG command...: runs a real tool, keeping its output as a log.
run_tool() {
  local code=$1 log=$2
  shift 2
  set +e
  "$@" >"$log" 2>&1
  local got=$?
  set -e
  if [ "$got" == "$code" ]; then pass; else
    fail "$* exited $got, expected $code"
    sed 's/^/  | /' "$log" | head -30 >&2
  fi
}

# triage_json REPORT LOG... [-- FLAGS...]: copilot triage --format json, which must find failures (exit 1).
triage_json() {
  local report=$1
  shift
  expect_exit "triage of $*" 1 "$COPILOT" triage --format json -o "$report" "$@"
}
