#!/usr/bin/env bash
# Two copilot-server processes on one PostgreSQL database: 200 clients reserve
# at once, half through each process, against one budget. Exactly as many
# reservations as fit are granted, never one more, and both processes see the
# same audit chain.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/controlplane_lib.sh"
PIDS=()
trap 'for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null; done; stop_postgres; rm -rf "$SCRATCH"' EXIT

if ! start_postgres; then
  fail "PostgreSQL could not be started ($PG_BIN); the shared-database test needs it"
  finish
fi
"$COPILOT_SERVER" init --db "$PG_URL" >"$SCRATCH/init.out"
KEY=$(grep -o 'cpk_[0-9a-f]*_[0-9a-f]*' "$SCRATCH/init.out")
start_server "$SCRATCH/a.log" --db "$PG_URL" --rate-limit 0
PIDS+=("$SERVER_PID")
BASE_A=$BASE
start_server "$SCRATCH/b.log" --db "$PG_URL" --rate-limit 0
PIDS+=("$SERVER_PID")
BASE_B=$BASE

BASE=$BASE_A api PUT /v1/quotas "$KEY" '{"period":"month","token_limit":1000}'
expect_eq "set the budget through one process" 200 "$STATUS"

reserve() {  # reserve N: one client, alternating between the two servers
  local base=$BASE_A
  [ $(($1 % 2)) -eq 0 ] && base=$BASE_B
  curl -s -o /dev/null -w '%{http_code}\n' -H "Authorization: Bearer $KEY" -H 'Content-Type: application/json' \
    --data-binary '{"model":"m","estimated_tokens":7}' "$base/v1/llm/reservations"
}
export -f reserve
export BASE_A BASE_B KEY
seq 1 200 | xargs -P 100 -I{} bash -c 'reserve {}' >"$SCRATCH/codes"
expect_eq "granted: floor(1000 / 7)" 142 "$(grep -c '^201$' "$SCRATCH/codes")"
expect_eq "refused with 429" 58 "$(grep -c '^429$' "$SCRATCH/codes")"
expect_eq "nothing else" 200 "$(wc -l <"$SCRATCH/codes")"

BASE=$BASE_B api POST /v1/llm/reservations "$KEY" '{"model":"m","estimated_tokens":6}'
expect_eq "the 6 tokens left still fit" 201 "$STATUS"
expect_eq "and then none are left" 0 "$(json_field "$SCRATCH/body" 'd["remaining_tokens"]')"

BASE=$BASE_A api POST /v1/audit/events "$KEY" '{"action":"a.one","idempotency_key":"x-1"}'
BASE=$BASE_B api POST /v1/audit/events "$KEY" '{"action":"a.one","idempotency_key":"x-1"}'
expect_eq "an event sent to both processes is recorded once" 200 "$STATUS"
BASE=$BASE_B api GET /v1/audit/verify "$KEY"
expect_eq "one chain" True "$(json_field "$SCRATCH/body" 'd["valid"]')"
finish
