#!/usr/bin/env bash
# kill -9 of copilot release at every step of a canary, while it moves traffic
# and while it analyses: `release status` must report the split nginx really
# serves, and `resume` or `abort` must always end with all traffic on one
# version and the journal, the target and the traffic in agreement.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/release_lib.sh"

start_service v1 healthy
start_service v2 healthy
start_nginx v1

# nginx behind a wrapper that is slow to start, so a kill can land between the
# journal's intent and the reload.
cat >"$SCRATCH/slow-nginx" <<SH
#!/bin/sh
sleep 0.4
exec $NGINX "\$@"
SH
chmod +x "$SCRATCH/slow-nginx"

REPO="$SCRATCH/repo"
new_repo "$REPO"
cat >"$REPO/.copilot.yaml" <<YAML
release:
  environments:
    prod:
      target:
        kind: nginx
        upstream: app
        include_file: $SCRATCH/nginx/upstream.conf
        nginx: [$SCRATCH/slow-nginx, -p, $SCRATCH/nginx, -c, $SCRATCH/nginx/nginx.conf]
        pid_file: $SCRATCH/nginx/nginx.pid
        backends: {v1: "127.0.0.1:$PORT_v1", v2: "127.0.0.1:$PORT_v2"}
      steps: [25, 50, 75, 100]
      pause: 0.6s
      analysis:
        - {name: smoke, kind: command, run: "sleep 0.3"}
YAML
commit_all "$REPO" "service"
cd "$REPO"
JOURNAL="$REPO/.copilot/releases/prod/journal.jsonl"

# wait_for WHAT: until the condition holds (20 s); conditions read the journal.
last_entry() { [ -f "$JOURNAL" ] && tail -n 1 "$JOURNAL" | grep -q "\"type\":\"$1\"" && tail -n 1 "$JOURNAL" | grep -q "\"key\":\"prod/[^\"]*/$2\""; }
intent_for() { last_entry intent "$1"; }
analysing() { last_entry done "step-$1/shift"; }
wait_for() {
  for _ in $(seq 1000); do
    "$@" && return 0
    sleep 0.02
  done
  return 1
}

serving_now() { "$COPILOT" release status --env prod --format json >"$SCRATCH/status.json"; }

scenario=0
for step in 1 2 3 4; do
  for point in shift analysis; do
    scenario=$((scenario + 1))
    serving_now
    from=$(json_field "$SCRATCH/status.json" 'd["served"]["stable"]')
    to=$([ "$from" == v1 ] && echo v2 || echo v1)
    "$COPILOT" release --env prod --version "$to" >"$SCRATCH/run.out" 2>&1 &
    pid=$!
    if [ "$point" == shift ]; then
      wait_for intent_for "step-$step/shift" || fail "scenario $scenario: never reached step $step's shift"
    else
      wait_for analysing "$step" || fail "scenario $scenario: never reached step $step's analysis"
    fi
    kill -9 "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    sleep 0.3  # let a reload that was already signalled take effect

    # status tells the split nginx really serves.
    serving_now
    reported=$(json_field "$SCRATCH/status.json" 'd["served"]["canary_weight"] if d["served"]["canary"] == "'"$to"'" else (100 if d["served"]["stable"] == "'"$to"'" else 0)')
    within "scenario $scenario ($point at step $step): status vs traffic" "$reported" "$(served_split "$to")"
    expect_eq "scenario $scenario: release still active" "True" "$(json_field "$SCRATCH/status.json" 'd["active"]')"
    expect_eq "scenario $scenario: holder reported dead" "False" \
      "$(json_field "$SCRATCH/status.json" 'd["lock"]["holder_running"]')"

    # resume on odd scenarios, abort on even ones; both must settle it.
    if ((scenario % 2)); then
      expect_exit "scenario $scenario: resume" 0 "$COPILOT" release resume --env prod
      final=$to
    else
      expect_exit "scenario $scenario: abort" 0 "$COPILOT" release abort --env prod --reason "crash test"
      final=$from
    fi
    serving_now
    expect_eq "scenario $scenario: consistent" "True" "$(json_field "$SCRATCH/status.json" 'd["consistent"]')"
    expect_eq "scenario $scenario: ended" "False" "$(json_field "$SCRATCH/status.json" 'd["active"]')"
    expect_eq "scenario $scenario: one version served" "$final 0" \
      "$(json_field "$SCRATCH/status.json" 'd["served"]["stable"] + " " + str(d["served"]["canary_weight"])')"
    within "scenario $scenario: traffic on $final" 100 "$(served_split "$final")"
    [ -f "$REPO/.copilot/releases/prod/lock" ] && fail "scenario $scenario: lock left behind"
  done
done

# A lock held by a live process is refused, naming the holder.
sleep 30 &
holder=$!
PIDS+=($holder)
printf '{"host":"%s","pid":%d,"release":"prod-99","since":"now","command":"copilot release"}\n' \
  "$(hostname)" "$holder" >"$REPO/.copilot/releases/prod/lock"
expect_exit "locked" 2 "$COPILOT" release --env prod --version v2
expect_contains "lock holder named" "$SCRATCH/last.err" "prod-99 (pid $holder"
expect_exit "break lock" 0 "$COPILOT" release --env prod --version "$( [ "$final" == v1 ] && echo v2 || echo v1)" --break-lock --pause 0s

echo "release_crash: $passes passed, $failures failed"
[ "$failures" -eq 0 ]
