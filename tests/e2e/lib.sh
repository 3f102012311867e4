# Helpers for end-to-end tests: scratch repositories, expectations, goldens.
set -euo pipefail
: "${COPILOT:?set COPILOT to the built binary}"
: "${SOURCE_DIR:?set SOURCE_DIR to the source tree}"
NODE_MODULES=${NODE_MODULES:-$SOURCE_DIR/node_modules}
export NO_COLOR=1 CI=true
SCRATCH=$(mktemp -d)
trap 'rm -rf "$SCRATCH"' EXIT
failures=0
passes=0

fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
pass() { passes=$((passes + 1)); }

expect_eq() {  # expect_eq WHAT EXPECTED ACTUAL
  if [ "$2" == "$3" ]; then pass; else fail "$1: expected '$2', got '$3'"; fi
}
expect_contains() {  # expect_contains WHAT FILE TEXT
  if grep -qF -- "$3" "$2"; then pass; else fail "$1: '$3' not in $2"; sed 's/^/  | /' "$2" | head -40 >&2; fi
}
expect_not_contains() {
  if ! grep -qF -- "$3" "$2"; then pass; else fail "$1: '$3' unexpectedly in $2"; fi
}
expect_exit() {  # expect_exit WHAT CODE command...
  local what=$1 code=$2
  shift 2
  set +e
  "$@" >"$SCRATCH/last.out" 2>"$SCRATCH/last.err"
  local got=$?
  set -e
  if [ "$got" == "$code" ]; then pass; else
    fail "$what: exit $got, expected $code"
    sed 's/^/  | /' "$SCRATCH/last.err" | head -20 >&2
  fi
}

new_repo() {  # new_repo DIR: git repository with a fixed identity
  mkdir -p "$1"
  git -C "$1" init -q -b main
  git -C "$1" config user.name "Ada Lovelace"
  git -C "$1" config user.email ada@example.com
  git -C "$1" config commit.gpgsign false
}
commit_all() {  # commit_all DIR MESSAGE [UNIX_TIME]
  local when="@${3:-1767225600} +0000"
  git -C "$1" add -A
  GIT_AUTHOR_DATE="$when" GIT_COMMITTER_DATE="$when" git -C "$1" commit -q -m "$2"
}

# compare_golden NAME ACTUAL: diff against tests/golden/NAME; UPDATE_GOLDEN=1 rewrites it.
compare_golden() {
  local golden="$SOURCE_DIR/tests/golden/$1"
  if [ "${UPDATE_GOLDEN:-}" == 1 ]; then
    mkdir -p "$(dirname "$golden")"
    cp "$2" "$golden"
  fi
  if diff -u "$golden" "$2" >"$SCRATCH/golden.diff" 2>&1; then pass; else
    fail "golden $1 differs (UPDATE_GOLDEN=1 to accept)"
    head -60 "$SCRATCH/golden.diff" >&2
  fi
}

finish() {
  echo "$passes passed, $failures failed"
  [ "$failures" -eq 0 ]
}
