#!/usr/bin/env bash
# Runs `copilot audit` and cloc side by side on real trees and compares
#   - per-language files, code, comment and blank lines (cloc is the reference),
#   - wall time (hyperfine, median of $RUNS runs),
#   - peak resident memory (/usr/bin/time -v).
#
# Usage: COPILOT=build/copilot bench/audit_vs_cloc.sh
# Trees come from bench/setup_trees.sh, which is run when they are missing.
# Results (JSON) are written to $OUT.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
COPILOT=${COPILOT:-build/copilot}
TREES=${TREES:-$here/.trees}
DJANGO_TREE=${DJANGO_TREE:-/usr/lib/python3/dist-packages/django}
NPM_TREE=${NPM_TREE:-$TREES/npm/node_modules}
RUNS=${RUNS:-5}
OUT=${OUT:-$TREES/results}

# --- prerequisites -----------------------------------------------------------
missing=0
need() {
  if ! command -v "$1" >/dev/null 2>&1; then
    echo "missing: $1 ($2)" >&2
    missing=1
  fi
}
need cloc "apt-get install -y cloc"
need hyperfine "apt-get install -y hyperfine"
need python3 "apt-get install -y python3"
[ -x /usr/bin/time ] || { echo "missing: /usr/bin/time (apt-get install -y time)" >&2; missing=1; }
if [ ! -x "$COPILOT" ]; then
  echo "missing: copilot binary at $COPILOT (build it, or set COPILOT=/path/to/copilot)" >&2
  missing=1
fi
[ "$missing" -eq 0 ] || exit 1
COPILOT=$(cd "$(dirname "$COPILOT")" && pwd)/$(basename "$COPILOT")

if [ ! -d "$DJANGO_TREE" ] || [ ! -d "$NPM_TREE" ]; then
  echo "== trees missing; running bench/setup_trees.sh"
  TREES=$TREES DJANGO_TREE=$DJANGO_TREE "$here/setup_trees.sh" || {
    echo "could not fetch the trees; run bench/setup_trees.sh (needs apt for python3-django and npm)" >&2
    exit 1
  }
fi
mkdir -p "$OUT"

# --- what copilot leaves out, mirrored for cloc --------------------------------
# Keep in step with core/workspace/classify.cpp: vendored directories, lock files,
# generated and minified names. cloc cannot mirror the content checks (generated
# markers, very long lines), so those show up as differences.
EXCLUDE_DIRS="node_modules,vendor,third_party,third-party,bower_components,.venv,venv,site-packages,Pods,external,.yarn,jspm_packages"
NOT_MATCH='(\.min\.js|\.min\.css|\.bundle\.js|_pb2\.py|_pb2_grpc\.py|\.pb\.go|\.pb\.cc|\.pb\.h|\.g\.dart|\.designer\.cs|\.generated\.ts|_generated\.go)$|^(package-lock\.json|yarn\.lock|pnpm-lock\.yaml|poetry\.lock|Pipfile\.lock|Cargo\.lock|go\.sum|Gemfile\.lock|composer\.lock|npm-shrinkwrap\.json|bun\.lockb|uv\.lock|pdm\.lock|gradle\.lockfile|flake\.lock|mix\.lock)$'
# --skip-uniqueness: copilot counts duplicate files too; --max-file-size: its 5 MiB limit.
CLOC_ARGS=(--json --quiet --skip-uniqueness --max-file-size=5 "--exclude-dir=$EXCLUDE_DIRS" "--not-match-f=$NOT_MATCH")

quote() { printf '%q ' "$@"; }

compare() {  # compare <cloc.json> <copilot.json>
  python3 - "$1" "$2" <<'PY'
import json, sys

cloc = json.load(open(sys.argv[1]))
audit = json.load(open(sys.argv[2]))
mine = {l["name"]: l for l in audit["languages"]}
ref = {k: {"files": v["nFiles"], "code": v["code"], "comment": v["comment"], "blank": v["blank"]}
       for k, v in cloc.items() if k not in ("header", "SUM")}

def pct(a, b):
    if a == b:
        return "0.00"
    return f"{100.0 * (a - b) / b:+.2f}" if b else "new"

fields = ("files", "code", "comment", "blank")
print(f"{'language':<22}" + "".join(f"{f + ' copilot/cloc':>26} {'%':>7}" for f in fields))
worst = 0.0
names = sorted(set(ref) | set(mine), key=lambda n: -(ref.get(n) or mine.get(n))["code"])
for name in names:
    a, b = mine.get(name, {}), ref.get(name, {})
    row = f"{name:<22}"
    flag = ""
    for f in fields:
        x, y = a.get(f, 0), b.get(f, 0)
        p = pct(x, y)
        row += f"{f'{x}/{y}':>26} {p:>7}"
        if f != "files" and y and abs(x - y) / y > 0.01:
            flag = "  <-- over 1%"
        if f != "files" and y:
            worst = max(worst, abs(x - y) / y)
    print(row + flag)
tot = lambda d, f: sum(v.get(f, 0) for v in d.values())
print(f"{'SUM':<22}" + "".join(f"{f'{tot(mine, f)}/{tot(ref, f)}':>26} {pct(tot(mine, f), tot(ref, f)):>7}"
                                for f in fields))
print(f"largest per-language line difference: {100 * worst:.2f}%")
PY
}

median() {  # median <hyperfine.json> <command name>
  python3 -c 'import json,sys; r={x["command"]: x for x in json.load(open(sys.argv[1]))["results"]}; print(r[sys.argv[2]]["median"])' "$1" "$2"
}

peak_rss_kib() {  # peak_rss_kib <dir> <command...>: max RSS of the command, run in <dir>
  local dir=$1
  shift
  (cd "$dir" && /usr/bin/time -v "$@" 2>&1 >/dev/null) | awk -F': ' '/Maximum resident set size/ {print $2}'
}

run_tree() {  # run_tree <label> <dir>
  local label=$1 dir
  dir=$(cd "$2" && pwd)
  local cloc_json=$OUT/$label.cloc.json copilot_json=$OUT/$label.copilot.json
  echo
  echo "=============================================================================="
  echo "== $label: $dir"
  echo "== cloc:    (cd $dir && cloc $(quote "${CLOC_ARGS[@]}").)"
  echo "== copilot: $COPILOT audit --format json --no-git $dir"
  (cd "$dir" && cloc "${CLOC_ARGS[@]}" .) >"$cloc_json"
  "$COPILOT" audit --format json --no-git "$dir" >"$copilot_json"
  echo
  compare "$cloc_json" "$copilot_json"

  echo
  local hf_json=$OUT/$label.hyperfine.json
  hyperfine --warmup 1 --runs "$RUNS" --export-json "$hf_json" \
    -n cloc "cd $(quote "$dir") && cloc $(quote "${CLOC_ARGS[@]}") . >/dev/null" \
    -n copilot "$(quote "$COPILOT") audit --format json --no-git $(quote "$dir") >/dev/null"
  local t_cloc t_copilot
  t_cloc=$(median "$hf_json" cloc)
  t_copilot=$(median "$hf_json" copilot)
  python3 -c 'import sys; c, p = map(float, sys.argv[1:]); print(f"median: cloc {c:.3f} s, copilot {p:.3f} s -> copilot is {c / p:.1f}x faster")' \
    "$t_cloc" "$t_copilot"

  local rss_cloc rss_copilot
  rss_cloc=$(peak_rss_kib "$dir" cloc "${CLOC_ARGS[@]}" .)
  rss_copilot=$(peak_rss_kib "$dir" "$COPILOT" audit --format json --no-git "$dir")
  echo "peak RSS: cloc $((rss_cloc / 1024)) MiB, copilot $((rss_copilot / 1024)) MiB"
}

run_tree django "$DJANGO_TREE"
run_tree npm "$NPM_TREE"
echo
echo "results in $OUT"
