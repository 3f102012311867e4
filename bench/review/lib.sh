# Shared by the review benchmark scripts; source it, don't run it.
# Puts the shell in the repository root and resolves the tools to absolute paths.
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$BENCH_DIR/../.." && pwd)"
cd "$REPO_ROOT"

COPILOT=${COPILOT:-build/copilot}
case "$COPILOT" in /*) ;; *) COPILOT="$REPO_ROOT/$COPILOT" ;; esac
AST_GREP=${AST_GREP:-bench/.tools/node_modules/.bin/ast-grep}
case "$AST_GREP" in /*) ;; *) AST_GREP="$REPO_ROOT/$AST_GREP" ;; esac
RUNS=${RUNS:-5}
DJANGO_SRC=${DJANGO_SRC:-/usr/lib/python3/dist-packages/django}
# Scratch space: trees to review, hyperfine JSON, tool outputs.
BENCH_WORK=${BENCH_WORK:-${TMPDIR:-/tmp}/copilot-review-bench}
mkdir -p "$BENCH_WORK"

die() { echo "error: $*" >&2; exit 1; }

# Other people rebuild build/copilot and edit rules/ while benchmarks run, so
# by default time a snapshot of both, taken once per script (SNAPSHOT=0: don't).
snapshot_copilot() {
  [ "${SNAPSHOT:-1}" = 1 ] || return 0
  [ -z "${COPILOT_RULES_DIR:-}" ] || return 0
  local snap="$BENCH_WORK/snapshot"
  rm -rf "$snap"
  mkdir -p "$snap/bin"
  cp -p "$COPILOT" "$snap/bin/copilot"
  cp -r "$REPO_ROOT/rules" "$snap/rules"
  COPILOT="$snap/bin/copilot"
  export COPILOT_RULES_DIR="$snap/rules"
  "$COPILOT" rules list >/dev/null || die "the built-in rules in $REPO_ROOT/rules do not load; retry later"
}

require_tools() {
  [ -x "$COPILOT" ] || die "$COPILOT not found (build it: ninja -C build copilot)"
  snapshot_copilot
  command -v hyperfine >/dev/null || die "hyperfine missing: run bench/review/setup.sh"
  [ -x /usr/bin/time ] || die "/usr/bin/time missing: run bench/review/setup.sh"
  local t
  for t in "$@"; do
    case "$t" in
      bandit) command -v bandit >/dev/null || die "bandit missing: run bench/review/setup.sh" ;;
      ast-grep) [ -x "$AST_GREP" ] || die "$AST_GREP missing: run bench/review/setup.sh" ;;
      django) [ -d "$DJANGO_SRC" ] || die "$DJANGO_SRC missing: run bench/review/setup.sh" ;;
      git) command -v git >/dev/null || die "git missing" ;;
    esac
  done
}

# The Python sources of the Django install, copied so that every tool sees
# exactly the same files (no .po/.mo/.html/.js, no __pycache__).
django_py_tree() {
  local dest="$BENCH_WORK/django-py/django"
  if [ ! -f "$BENCH_WORK/django-py/.complete" ]; then
    rm -rf "$BENCH_WORK/django-py"
    mkdir -p "$dest"
    (cd "$DJANGO_SRC" && find . -name '*.py' -not -path '*/__pycache__/*' -print0) |
      while IFS= read -r -d '' f; do
        mkdir -p "$dest/$(dirname "$f")"
        cp "$DJANGO_SRC/$f" "$dest/$f"
      done
    touch "$BENCH_WORK/django-py/.complete"
  fi
  echo "$dest"
}

# One run of a command under GNU time: stdout to $1, stderr to $BENCH_WORK/stderr.txt.
# Sets RSS_KIB (peak resident set size) and RC (exit status).
measure() {
  local out="$1"; shift
  RC=0
  /usr/bin/time -v -o "$BENCH_WORK/time.txt" "$@" >"$out" 2>"$BENCH_WORK/stderr.txt" || RC=$?
  RSS_KIB=$(awk -F': *' '/Maximum resident set size/ {print $2}' "$BENCH_WORK/time.txt")
}

# measure, then fail unless the exit status is one of the allowed ones ($1, e.g. "0" or "0 1"),
# so that a crashing tool never shows up as a fast one (hyperfine runs with -i).
measure_ok() {
  local allowed="$1"; shift
  measure "$@"
  case " $allowed " in *" $RC "*) ;; *)
    cat "$BENCH_WORK/stderr.txt" >&2
    die "exit status $RC from: ${*:2}" ;;
  esac
}

count_findings() {  # FILE KIND: copilot | bandit | ast-grep
  python3 - "$1" "$2" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
print({"copilot": lambda: len(d["findings"]), "bandit": lambda: len(d["results"]),
       "ast-grep": lambda: len(d)}[sys.argv[2]]())
PY
}

# Python taint rules (listed as "taint" by `copilot rules list`) of the rules being timed, optionally for one agent.
taint_rule_count() {
  local dir="${COPILOT_RULES_DIR:-$REPO_ROOT/rules}"
  grep -rl '^mode: taint' "$dir/python" 2>/dev/null | wc -l
}

machine_line() {
  local cpu
  cpu=$(awk -F': *' '/^model name/ {print $2; exit}' /proc/cpuinfo)
  local rev dirty=""
  rev=$(git -C "$REPO_ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')
  [ -z "$(git -C "$REPO_ROOT" status --porcelain -- core cli rules 2>/dev/null)" ] || dirty=" + uncommitted changes in core/cli/rules"
  echo "Machine: $(nproc) CPUs (${cpu:-unknown CPU}), $(uname -sr), load average $(cut -d' ' -f1-3 /proc/loadavg); $(date -u '+%Y-%m-%d %H:%M UTC'); $("$COPILOT" --version 2>/dev/null | head -1) built $(date -u -r "$COPILOT" '+%H:%M UTC') at $rev$dirty"
}
