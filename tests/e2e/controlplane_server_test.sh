#!/usr/bin/env bash
# copilot-server as users run it: init prints the admin key once, serve answers
# with Problem bodies and JSON access logs (no secrets), bad flags are usage
# errors, SIGTERM stops it cleanly, and the manual page documents every option.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/controlplane_lib.sh"
trap '[ -n "${SERVER_PID:-}" ] && kill "$SERVER_PID" 2>/dev/null; rm -rf "$SCRATCH"' EXIT

DB="sqlite:$SCRATCH/cp.db"
expect_exit "init" 0 "$COPILOT_SERVER" init --db "$DB" --tenant acme --admin-email ada@acme.test
cp "$SCRATCH/last.out" "$SCRATCH/init.out"
KEY=$(grep -o 'cpk_[0-9a-f]*_[0-9a-f]*' "$SCRATCH/init.out" || true)
expect_eq "init prints one key" 1 "$(grep -c cpk_ "$SCRATCH/init.out")"
expect_exit "a second init is a usage error" 2 "$COPILOT_SERVER" init --db "$DB"
expect_contains "second init says why" "$SCRATCH/last.err" "already initialized"
expect_exit "an unknown database scheme" 2 "$COPILOT_SERVER" --db mysql://x --listen 127.0.0.1:0
expect_exit "no database" 2 "$COPILOT_SERVER" --listen 127.0.0.1:0
expect_exit "a malformed --listen" 2 "$COPILOT_SERVER" --db "$DB" --listen nowhere
expect_exit "an unreachable PostgreSQL" 3 "$COPILOT_SERVER" --db postgresql://u:secretpw@127.0.0.1:1/x --listen 127.0.0.1:0
expect_not_contains "the password is not printed" "$SCRATCH/last.err" "secretpw"

start_server "$SCRATCH/server.log" --db "$DB"
api GET /healthz
expect_eq "healthz" 200 "$STATUS"
api GET /readyz
expect_eq "readyz" 200 "$STATUS"
api GET /v1/tenant
expect_eq "no key" 401 "$STATUS"
expect_contains "401 is a Problem" "$SCRATCH/body" '"type":"https://copilot.dev/problems/unauthorized"'
api GET /v1/tenant "$KEY"
expect_eq "with the key" 200 "$STATUS"
expect_eq "tenant name" acme "$(json_field "$SCRATCH/body" 'd["tenant"]["name"]')"
api POST /v1/runs "$KEY" '{"project":"shop","kind":"review","idempotency_key":"run-1"}'
expect_eq "register a run" 201 "$STATUS"
api POST /v1/audit/events "$KEY" '{"action":"review.finished","idempotency_key":"ev-1","details":{"findings":2}}'
expect_eq "append an event" 201 "$STATUS"
api POST /v1/audit/events "$KEY" '{"action":"review.finished","idempotency_key":"ev-1","details":{"findings":2}}'
expect_eq "resend the event" 200 "$STATUS"
api GET /v1/audit/verify "$KEY"
expect_eq "the chain verifies" True "$(json_field "$SCRATCH/body" 'd["valid"]')"
api POST /v1/runs "$KEY" '{"project":'
expect_eq "malformed JSON" 400 "$STATUS"
curl -s -o /dev/null -H 'X-Request-Id: trace-77' "$BASE/healthz"
api POST /v1/llm/reservations "$KEY" '{"model":"m","estimated_tokens":5}'
curl -s "$BASE/metrics" >"$SCRATCH/metrics"
expect_contains "metrics count reservations" "$SCRATCH/metrics" 'copilot_llm_reservations_total{outcome="created"} 1'
if command -v promtool >/dev/null; then
  expect_exit "promtool accepts /metrics" 0 promtool check metrics <"$SCRATCH/metrics"
else
  fail "promtool not installed (scripts/install-test-deps.sh)"
fi

kill -TERM "$SERVER_PID"
set +e
wait "$SERVER_PID"
code=$?
set -e
SERVER_PID=""
expect_eq "SIGTERM exits 0" 0 "$code"
expect_contains "shutdown is logged" "$SCRATCH/server.log" '"message":"stopped"'
expect_contains "access log has the request id" "$SCRATCH/server.log" '"request_id":"trace-77"'
expect_contains "access log has the route" "$SCRATCH/server.log" '"path":"/v1/audit/events","status":201'
expect_not_contains "the key is never logged" "$SCRATCH/server.log" "${KEY#cpk_}"
expect_not_contains "nor its secret half" "$SCRATCH/server.log" "${KEY##*_}"
if python3 -c 'import json,sys; [json.loads(l) for l in open(sys.argv[1])]' "$SCRATCH/server.log"; then pass; else
  fail "every log line is JSON"
fi

# The manual page documents every long option and renders cleanly.
page="$SOURCE_DIR/man/copilot-server.1"
"$COPILOT_SERVER" --help >"$SCRATCH/help"
"$COPILOT_SERVER" init --help >>"$SCRATCH/help"
for option in $(grep -oE '^ +(-[A-Za-z],)?--[a-z][a-z0-9-]*' "$SCRATCH/help" | sed 's/.*,//; s/^ *//' | sort -u); do
  expect_contains "man page documents $option" "$page" "${option//-/\\-}"
done
if command -v groff >/dev/null; then
  warnings=$(groff -man -Tutf8 -ww "$page" 2>&1 >/dev/null || true)
  expect_eq "groff warnings" "" "$warnings"
fi
finish
