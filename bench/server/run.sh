#!/usr/bin/env bash
# A first figure for copilot-server under load, with wrk (Debian) on loopback:
# authenticated GETs and LLM reserve+commit pairs, on SQLite and on PostgreSQL
# (a throwaway cluster in a scratch directory). Prints requests/s, p99 latency
# and the server's peak RSS. The machine is shared: keep runs short.
#   bench/server/run.sh [SECONDS] [CONNECTIONS]
# Targets: >= 5,000 reserve+commit pairs/s and >= 20,000 GETs/s on SQLite,
# p99 < 20 ms, RSS < 100 MB.
set -euo pipefail
cd "$(dirname "$0")/../.."
SECONDS_PER_RUN=${1:-5}
CONNECTIONS=${2:-16}
SERVER=${COPILOT_SERVER:-build/copilot-server}
PG_BIN=/usr/lib/postgresql/15/bin
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)" >&2; exit 2; }
SCRATCH=$(mktemp -d)
SERVER_PID=""
cleanup() {
  [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null
  [ -d "$SCRATCH/pg/data" ] && as_postgres "$PG_BIN/pg_ctl -D $SCRATCH/pg/data -m fast stop >/dev/null" || true
  rm -rf "$SCRATCH"
}
trap cleanup EXIT
as_postgres() { if [ "$(id -u)" -eq 0 ]; then su postgres -s /bin/sh -c "$1"; else sh -c "$1"; fi; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

bench_backend() {  # bench_backend NAME DB_URL
  local name=$1 db=$2 port
  export COPILOT_KEY
  COPILOT_KEY=$("$SERVER" init --db "$db" | grep -o 'cpk_[0-9a-f]*_[0-9a-f]*')
  port=$(free_port)
  "$SERVER" --listen "127.0.0.1:$port" --db "$db" --rate-limit 0 2>/dev/null &
  SERVER_PID=$!
  for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.05; done
  curl -sf -X PUT -H "Authorization: Bearer $COPILOT_KEY" -H 'Content-Type: application/json' \
    -d '{"period":"month","token_limit":1000000000000}' "http://127.0.0.1:$port/v1/quotas" >/dev/null
  echo "== $name: authenticated GET /v1/tenant (${SECONDS_PER_RUN}s, $CONNECTIONS connections)"
  wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_PER_RUN}s" --latency -s bench/server/get.lua "http://127.0.0.1:$port" |
    grep -E 'Requests/sec|^ +99%|Non-2xx'
  echo "== $name: reserve + commit pairs"
  wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_PER_RUN}s" --latency -s bench/server/reserve_commit.lua "http://127.0.0.1:$port" |
    grep -E 'Requests/sec|^ +99%|pairs:'
  echo "== $name: peak RSS $(awk '/VmHWM/ {printf "%.1f MB", $2 / 1024}' "/proc/$SERVER_PID/status")"
  kill "$SERVER_PID"
  wait "$SERVER_PID" || true
  SERVER_PID=""
}

bench_backend sqlite "sqlite:$SCRATCH/bench.db"
if [ -x "$PG_BIN/initdb" ]; then
  mkdir -p "$SCRATCH/pg"
  [ "$(id -u)" -eq 0 ] && chown postgres "$SCRATCH" "$SCRATCH/pg"
  as_postgres "$PG_BIN/initdb -D $SCRATCH/pg/data -A trust -U postgres --no-sync >/dev/null"
  pg_port=$(free_port)
  as_postgres "$PG_BIN/pg_ctl -D $SCRATCH/pg/data -l $SCRATCH/pg/log -o '-k $SCRATCH/pg -p $pg_port -c listen_addresses=127.0.0.1' -w start >/dev/null"
  bench_backend postgres "postgresql://postgres@127.0.0.1:$pg_port/postgres"
fi
