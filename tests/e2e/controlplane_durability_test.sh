#!/usr/bin/env bash
# kill -9 during a write load, on SQLite and on PostgreSQL: after a restart every
# audit event and every commit the server acknowledged is still there, and the
# audit chain verifies.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/controlplane_lib.sh"
trap '[ -n "${SERVER_PID:-}" ] && kill -9 "$SERVER_PID" 2>/dev/null; stop_postgres; rm -rf "$SCRATCH"' EXIT

# writer N: audit events and reserve+commit pairs until killed; acknowledged ones are recorded.
writer() {
  local n=$1 i=0 id
  while :; do
    i=$((i + 1))
    code=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $KEY" -H 'Content-Type: application/json' \
      --data-binary "{\"action\":\"load.write\",\"idempotency_key\":\"w$n-$i\"}" "$BASE/v1/audit/events" || true)
    [ "$code" = 201 ] && echo "w$n-$i" >>"$SCRATCH/acked-events.$n"
    id=$(curl -s -H "Authorization: Bearer $KEY" -H 'Content-Type: application/json' \
      --data-binary '{"model":"m","estimated_tokens":10}' "$BASE/v1/llm/reservations" |
      sed -n 's/.*"id":"\(rsv_[0-9a-f]*\)".*/\1/p' || true)
    [ -n "$id" ] || continue
    code=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $KEY" -H 'Content-Type: application/json' \
      --data-binary '{"prompt_tokens":3,"completion_tokens":4}' "$BASE/v1/llm/reservations/$id/commit" || true)
    [ "$code" = 200 ] && echo "$id" >>"$SCRATCH/acked-commits.$n"
  done
}

check_backend() {  # check_backend NAME DB_URL
  local name=$1 db=$2
  rm -f "$SCRATCH"/acked-*
  "$COPILOT_SERVER" init --db "$db" >"$SCRATCH/init.out"
  KEY=$(grep -o 'cpk_[0-9a-f]*_[0-9a-f]*' "$SCRATCH/init.out")
  start_server "$SCRATCH/$name.log" --db "$db" --rate-limit 0
  local pids=()
  for n in 1 2 3; do
    writer "$n" &
    pids+=($!)
  done
  sleep 3
  kill -9 "$SERVER_PID"
  wait "$SERVER_PID" 2>/dev/null || true
  sleep 0.2
  kill "${pids[@]}" 2>/dev/null || true
  wait "${pids[@]}" 2>/dev/null || true
  local events commits
  events=$( (cat "$SCRATCH"/acked-events.* 2>/dev/null || true) | wc -l)
  commits=$( (cat "$SCRATCH"/acked-commits.* 2>/dev/null || true) | wc -l)
  [ "$events" -gt 0 ] && pass || fail "$name: no event was acknowledged before the kill"
  [ "$commits" -gt 0 ] && pass || fail "$name: no commit was acknowledged before the kill"

  start_server "$SCRATCH/$name.restart.log" --db "$db" --rate-limit 0
  local lost=0
  while read -r key; do
    api POST /v1/audit/events "$KEY" "{\"action\":\"load.write\",\"idempotency_key\":\"$key\"}"
    # 200: the server already has it (a 201 would mean it was lost and just re-created).
    [ "$STATUS" = 200 ] || { lost=$((lost + 1)); echo "$name: event $key lost ($STATUS)" >&2; }
  done < <(cat "$SCRATCH"/acked-events.*)
  expect_eq "$name: acknowledged events ($events) lost" 0 "$lost"
  lost=0
  while read -r id; do
    api POST "/v1/llm/reservations/$id/commit" "$KEY" '{"prompt_tokens":3,"completion_tokens":4}'
    [ "$STATUS" = 409 ] || { lost=$((lost + 1)); echo "$name: commit $id lost ($STATUS)" >&2; }
  done < <(cat "$SCRATCH"/acked-commits.*)
  expect_eq "$name: acknowledged commits ($commits) lost" 0 "$lost"
  api GET /v1/audit/verify "$KEY"
  expect_eq "$name: the chain verifies after the crash" True "$(json_field "$SCRATCH/body" 'd["valid"]')"
  kill -TERM "$SERVER_PID"
  wait "$SERVER_PID" || true
  SERVER_PID=""
  echo "$name: $events events and $commits commits acknowledged before kill -9, all present after restart" >&2
}

check_backend sqlite "sqlite:$SCRATCH/cp.db"
if start_postgres; then
  check_backend postgres "$PG_URL"
elif [ -n "${CI:-}" ]; then
  fail "PostgreSQL could not be started; CI requires the PostgreSQL durability test"
else
  echo "PostgreSQL not available: skipping its half" >&2
fi
finish
