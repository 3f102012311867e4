#!/usr/bin/env bash
# Release timings against real nginx on loopback:
#  - failed gate → all traffic on the stable version (from the release's own
#    events, confirmed through nginx afterwards);
#  - `copilot rollback` of a completed release (wall time of the command).
# Usage: RUNS=7 bench/release/run.sh [path/to/copilot]
set -euo pipefail
SOURCE_DIR=$(cd "$(dirname "$0")/../.." && pwd)
COPILOT=${1:-$SOURCE_DIR/build/copilot}
RUNS=${RUNS:-7}
export COPILOT SOURCE_DIR
source "$SOURCE_DIR/tests/e2e/lib.sh"
source "$SOURCE_DIR/tests/e2e/release_lib.sh"

start_service v1 healthy
start_service v2 healthy
start_service v3 errors
start_nginx v1
REPO="$SCRATCH/repo"
new_repo "$REPO"
cat >"$REPO/.copilot.yaml" <<YAML
release:
  environments:
    bench:
      target:
        kind: nginx
        upstream: app
        include_file: $SCRATCH/nginx/upstream.conf
        nginx: [$NGINX, -p, $SCRATCH/nginx, -c, $SCRATCH/nginx/nginx.conf]
        pid_file: $SCRATCH/nginx/nginx.pid
        backends: {v1: "127.0.0.1:$PORT_v1", v2: "127.0.0.1:$PORT_v2", v3: "127.0.0.1:$PORT_v3"}
      steps: [50, 100]
      pause: 0s
      analysis:
        - {name: probe, kind: http, url: "http://{{address}}/", requests: 20, success_ratio: 0.99}
YAML
commit_all "$REPO" bench
cd "$REPO"

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
gate_ms=() rollback_ms=()
"$COPILOT" -q release --env bench --version v2 >/dev/null  # v2 is stable from here on
for i in $(seq "$RUNS"); do
  rm -f "$SCRATCH/ev.jsonl"
  "$COPILOT" -q release --env bench --version v3 --events "$SCRATCH/ev.jsonl" >/dev/null || true
  gate_ms+=("$(python3 - "$SCRATCH/ev.jsonl" <<'PY'
import json, sys
from datetime import datetime
ev = [json.loads(l) for l in open(sys.argv[1])]
t = lambda n: datetime.fromisoformat(next(e["time"] for e in ev if e["event"] == n).replace("Z", "+00:00"))
print(round((t("release_failed") - t("gate_failed")).total_seconds() * 1000, 1))
PY
)")
  [ "$(served_split v2)" == "100.0" ] || { echo "traffic not back on v2" >&2; exit 1; }
  # A completed release of v1, then roll it back to v2.
  "$COPILOT" -q release --env bench --version v1 >/dev/null
  start=$(date +%s%N)
  "$COPILOT" -q rollback --env bench >/dev/null
  rollback_ms+=("$((($(date +%s%N) - start) / 1000000))")
  [ "$(served_split v2)" == "100.0" ] || { echo "rollback did not restore v2" >&2; exit 1; }
done
echo "runs: $RUNS"
echo "failed gate -> stable (ms): ${gate_ms[*]}; median $(printf '%s\n' "${gate_ms[@]}" | median)"
echo "copilot rollback (ms):      ${rollback_ms[*]}; median $(printf '%s\n' "${rollback_ms[@]}" | median)"
