#!/usr/bin/env bash
# copilot release and rollback against real nginx and Prometheus on loopback:
# a healthy version is promoted step by step (the split checked through nginx
# at every step), bad versions are rolled back by the Prometheus and HTTP
# gates, and rollback restores an earlier release; bad input changes nothing.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/release_lib.sh"

start_service v1 healthy
start_service v2 healthy
start_service v3 errors
start_service v4 slow
start_nginx v1
start_prometheus "$PORT_v1" "$PORT_v2" "$PORT_v3" "$PORT_v4"
python3 "$TOOLS/release_traffic.py" load "http://127.0.0.1:$NGINX_PORT/" 600 40 &
PIDS+=($!)

REPO="$SCRATCH/repo"
new_repo "$REPO"
SPLITS="$SCRATCH/splits.log"
ERROR_RATIO='(sum(rate(app_requests_total{version="{{version}}",code=~"5.."}[5s])) or vector(0)) / sum(rate(app_requests_total{version="{{version}}"}[5s]))'
target() {  # target PROM_ADDRESS
  cat <<YAML
      target:
        kind: nginx
        upstream: app
        include_file: $SCRATCH/nginx/upstream.conf
        nginx: [$NGINX, -p, $SCRATCH/nginx, -c, $SCRATCH/nginx/nginx.conf]
        pid_file: $SCRATCH/nginx/nginx.pid
        backends: {v1: "127.0.0.1:$PORT_v1", v2: "127.0.0.1:$PORT_v2", v3: "127.0.0.1:$PORT_v3", v4: "127.0.0.1:$PORT_v4"}
YAML
}
{
  echo "release:"
  echo "  environments:"
  echo "    staging:"
  target
  cat <<YAML
      strategy: canary
      steps: [20, 50, 100]
      pause: 2s
      analysis:
        - name: error-ratio
          kind: prometheus
          address: http://127.0.0.1:$PROM_PORT
          query: '$ERROR_RATIO'
          max: 0.05
          interval: 1s
          inconclusive_limit: 8
        - name: probe
          kind: http
          url: http://{{address}}/
          requests: 20
          success_ratio: 0.95
          p95_ms: 300
        - name: split
          kind: command
          run: [python3, $TOOLS/release_traffic.py, check, "http://127.0.0.1:$NGINX_PORT/", "200", "{{version}}", "{{weight}}", $SPLITS]
    broken-prometheus:
YAML
  target
  cat <<YAML
      analysis:
        - {name: down, kind: prometheus, address: "http://127.0.0.1:1", query: up, max: 1}
    bad-query:
YAML
  target
  cat <<YAML
      analysis:
        - {name: typo, kind: prometheus, address: "http://127.0.0.1:$PROM_PORT", query: "sum(rate(app_requests_total[5s]", max: 1}
    bad-nginx:
      target:
        kind: nginx
        upstream: app
        include_file: $SCRATCH/nginx/upstream.conf
        nginx: [$NGINX, -p, $SCRATCH/nginx, -c, $SCRATCH/nginx/nginx.conf]
        pid_file: $SCRATCH/nginx/nginx.pid
        backends: {v1: "127.0.0.1:$PORT_v1", v2: "127.0.0.1:$PORT_v2", v5: "127.0.0.1:not-a-port"}
YAML
} >"$REPO/.copilot.yaml"
commit_all "$REPO" "service"
cd "$REPO"

# 1. A healthy version goes to 100%, every step confirmed through nginx.
expect_exit "release v2" 0 "$COPILOT" release --env staging --version v2 --events "$SCRATCH/v2.events"
expect_contains "release v2 result" "$SCRATCH/last.out" "staging-1 succeeded; serving 100% v2"
expect_eq "splits checked at each step" "20 50 100" "$(awk '{print $2}' "$SPLITS" | tr '\n' ' ' | sed 's/ $//')"
while read -r version weight seen; do within "split at $weight%" "$weight" "$seen"; done <"$SPLITS"
within "v2 after promotion" 100 "$(served_split v2)"
expect_eq "v2 events" "3" "$(grep -c '"event":"step_passed"' "$SCRATCH/v2.events")"

# 2. A version answering 500 to half its requests: the Prometheus gate fails
#    at the first step and all traffic is back on v2 within 5 seconds.
: >"$SPLITS"
expect_exit "release v3" 1 "$COPILOT" release --env staging --version v3 --events "$SCRATCH/v3.events"
expect_contains "v3 reason" "$SCRATCH/last.out" "error-ratio failed"
expect_contains "v3 rolled back" "$SCRATCH/last.out" "serving 100% v2"
within "v2 after v3's rollback" 100 "$(served_split v2)"
rollback_ms=$(python3 - "$SCRATCH/v3.events" <<'PY'
import json, sys
from datetime import datetime
ev = [json.loads(l) for l in open(sys.argv[1])]
t = lambda name: datetime.fromisoformat(next(e["time"] for e in ev if e["event"] == name).replace("Z", "+00:00"))
print(int((t("release_failed") - t("gate_failed")).total_seconds() * 1000))
PY
)
echo "failed gate to stable: ${rollback_ms} ms"
if [ "$rollback_ms" -lt 5000 ]; then pass; else fail "rollback took ${rollback_ms} ms"; fi

# 3. A slow version: the HTTP probe's p95 fails it.
expect_exit "release v4" 1 "$COPILOT" release --env staging --version v4 --steps 50,100
expect_contains "v4 reason" "$SCRATCH/last.out" "probe failed"
within "v2 after v4's rollback" 100 "$(served_split v2)"

# 4. copilot rollback restores the version before the last successful release.
start=$(date +%s%N)
expect_exit "rollback" 0 "$COPILOT" rollback --env staging
echo "rollback: $((($(date +%s%N) - start) / 1000000)) ms"
expect_contains "rollback result" "$SCRATCH/last.out" "serving 100% v1"
within "v1 after rollback" 100 "$(served_split v1)"
expect_exit "status" 0 "$COPILOT" release status --env staging --format json
cp "$SCRATCH/last.out" "$SCRATCH/status.json"
expect_eq "status consistent" "True" "$(json_field "$SCRATCH/status.json" 'd["consistent"]')"
expect_eq "status serving" "v1" "$(json_field "$SCRATCH/status.json" 'd["served"]["stable"]')"
expect_eq "status release" "rollback" "$(json_field "$SCRATCH/status.json" 'd["release"]["kind"]')"

# 5. Blue-green: the idle version is probed directly, then takes all traffic.
expect_exit "blue-green v2" 0 "$COPILOT" release --env staging --version v2 --strategy blue-green --pause 1s
within "v2 after blue-green" 100 "$(served_split v2)"

# 6. Bad input: a clear error, exit 2, and nginx's upstream file untouched.
servers() { grep -E '^\s*server ' "$SCRATCH/nginx/upstream.conf"; }
before=$(servers)
unchanged() { expect_eq "$1: upstream servers unchanged" "$before" "$(servers)"; }
expect_exit "unknown environment" 2 "$COPILOT" release --env prod --version v3
expect_contains "unknown environment message" "$SCRATCH/last.err" "unknown environment 'prod'"
expect_contains "known environments listed" "$SCRATCH/last.err" "staging"
expect_exit "unknown version" 2 "$COPILOT" release --env staging --version v9
expect_contains "unknown version message" "$SCRATCH/last.err" "version 'v9' has no backend"
unchanged "unknown version"
expect_exit "Prometheus down" 2 "$COPILOT" release --env broken-prometheus --version v3
expect_contains "Prometheus down message" "$SCRATCH/last.err" "Prometheus at http://127.0.0.1:1 is unreachable"
unchanged "Prometheus down"
expect_exit "malformed query" 2 "$COPILOT" release --env bad-query --version v3
expect_contains "malformed query message" "$SCRATCH/last.err" "malformed query"
unchanged "malformed query"
expect_exit "bad steps" 2 "$COPILOT" release --env staging --version v3 --steps 50,20
expect_contains "bad steps message" "$SCRATCH/last.err" "steps must rise"
expect_exit "bad pause" 2 "$COPILOT" release --env staging --version v3 --pause soon
within "still v2 after bad input" 100 "$(served_split v2)"
# nginx -t rejects the new upstream: the old file is put back and nginx keeps serving.
expect_exit "nginx -t failure" 1 "$COPILOT" release --env bad-nginx --version v5 --steps 100
expect_contains "nginx -t failure message" "$SCRATCH/last.out" "the previous upstream file was put back"
expect_contains "nginx -t failure names the problem" "$SCRATCH/last.out" "invalid port in upstream"
unchanged "nginx -t failure"
within "still v2 after nginx -t failure" 100 "$(served_split v2)"

# 7. Configuration errors name the file, line and key.
cat >"$SCRATCH/bad.yaml" <<YAML
release:
  environments:
    x:
      target:
        kind: nginx
        upstream: app
        include_file: /nonexistent/upstream.conf
        backends: {v1: "127.0.0.1:1"}
        weights: wrong
YAML
expect_exit "unknown target key" 2 "$COPILOT" --config "$SCRATCH/bad.yaml" release --env x --version v1
expect_contains "unknown key message" "$SCRATCH/last.err" "bad.yaml:5: key 'release.environments.x.target.weights': unknown setting"

echo "release_nginx: $passes passed, $failures failed"
[ "$failures" -eq 0 ]
