#!/usr/bin/env bash
# How long `copilot plan` takes once the audit exists, on a repository of
# 10,000 files: a FastAPI service (the bundled example) grown with generated
# modules and tests, plus a Node.js front end with its own manifest.
#
#   1. generate the tree (git repository, one commit),
#   2. run `copilot audit --format json` once,
#   3. time `copilot plan --from audit.json` (hyperfine, or a loop of $RUNS runs).
#
# Usage: COPILOT=build/copilot bench/plan_speed.sh
# The target is under a second for step 3.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
COPILOT=${COPILOT:-build/copilot}
FILES=${FILES:-10000}
RUNS=${RUNS:-10}
WORK=${WORK:-$(mktemp -d)}
[ -x "$COPILOT" ] || { echo "missing: copilot binary at $COPILOT (set COPILOT=...)" >&2; exit 1; }
COPILOT=$(cd "$(dirname "$COPILOT")" && pwd)/$(basename "$COPILOT")

mkdir -p "$WORK"
repo="$WORK/repo"
rm -rf "$repo"
cp -r "$here/../examples/fastapi-orders" "$repo"
mkdir -p "$repo/web/src"
printf '{"name":"web","private":true,"dependencies":{"react":"18.3.1"}}\n' >"$repo/web/package.json"
existing=$(find "$repo" -type f | wc -l)
for ((i = 0; i < FILES - existing; i++)); do
  pkg="$repo/app/generated/p$((i / 100))"
  if ((i % 100 == 0)); then
    mkdir -p "$pkg"
    : >"$pkg/__init__.py"
    continue
  fi
  case $((i % 4)) in
    0) printf 'def test_m%d():\n    assert %d + 1 == %d\n' "$i" "$i" "$((i + 1))" >"$repo/app/generated/test_m$i.py" ;;
    1) printf 'export const c%d = () => %d;\n' "$i" "$i" >"$repo/web/src/c$i.js" ;;
    *) printf 'import os\n\n\ndef f%d(x: int) -> int:\n    return x * %d + len(os.sep)\n' "$i" "$i" >"$pkg/m$i.py" ;;
  esac
done
git -C "$repo" init -q -b main
git -C "$repo" add -A
git -C "$repo" -c user.name=bench -c user.email=bench@example.com commit -q -m tree
echo "== $(git -C "$repo" ls-files | wc -l) files in $repo"

echo "== copilot audit (once)"
/usr/bin/time -f "audit: %e s" "$COPILOT" -q audit --format json -o "$WORK/audit.json" "$repo"
echo "audit report: $(wc -c <"$WORK/audit.json") bytes"

plan=("$COPILOT" -q plan --from "$WORK/audit.json" --force --out "$WORK/plan" --format json -o "$WORK/summary.json" "$repo")
"${plan[@]}"
echo "== copilot plan --from audit.json: $(find "$WORK/plan" -type f | wc -l) files planned"
if command -v hyperfine >/dev/null 2>&1; then
  hyperfine --warmup 2 --runs "$RUNS" --export-json "$WORK/plan_speed.json" "${plan[*]}"
else
  start=$(date +%s.%N)
  for ((r = 0; r < RUNS; r++)); do "${plan[@]}"; done
  end=$(date +%s.%N)
  echo "mean: $(echo "($end - $start) / $RUNS" | bc -l | cut -c1-6) s over $RUNS runs"
fi
echo "work directory: $WORK"
