# Helpers for the control plane's end-to-end tests: a server process, curl
# calls that record status and body, and a throwaway PostgreSQL cluster.
: "${COPILOT_SERVER:?set COPILOT_SERVER to the built copilot-server}"
command -v curl >/dev/null || { echo "curl not installed (scripts/install-test-deps.sh)" >&2; exit 1; }
PG_BIN=/usr/lib/postgresql/15/bin

# start_server LOG ARGS...: starts copilot-server on a free port; sets SERVER_PID and BASE.
start_server() {
  local log=$1
  shift
  "$COPILOT_SERVER" --listen 127.0.0.1:0 "$@" 2>"$log" &
  SERVER_PID=$!
  local port=""
  for _ in $(seq 1 200); do
    port=$(sed -n 's/.*"message":"listening","address":"127.0.0.1:\([0-9]*\)".*/\1/p' "$log" | head -1)
    [ -n "$port" ] && break
    kill -0 "$SERVER_PID" 2>/dev/null || break
    sleep 0.05
  done
  [ -n "$port" ] || { echo "copilot-server did not start:" >&2; cat "$log" >&2; return 1; }
  BASE="http://127.0.0.1:$port"
}

# api METHOD PATH KEY [BODY]: sets STATUS and writes the body to $SCRATCH/body.
api() {
  local args=(-s -o "$SCRATCH/body" -w '%{http_code}' -X "$1" "$BASE$2")
  [ -n "${3:-}" ] && args+=(-H "Authorization: Bearer $3")
  [ -n "${4:-}" ] && args+=(-H 'Content-Type: application/json' --data-binary "$4")
  STATUS=$(curl "${args[@]}" || true)
}

json_field() {  # json_field FILE EXPRESSION (python3 expression over `d`)
  python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print($2)" "$1"
}

as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then su postgres -s /bin/sh -c "$1"; else sh -c "$1"; fi
}

# start_postgres: a cluster in $SCRATCH on a free port; sets PG_URL. Returns 1
# when PostgreSQL is not installed (callers fail under CI, skip otherwise).
start_postgres() {
  [ -x "$PG_BIN/initdb" ] || return 1
  PG_DIR="$SCRATCH/pg"
  mkdir -p "$PG_DIR"
  [ "$(id -u)" -eq 0 ] && chown postgres "$PG_DIR" "$SCRATCH"
  as_postgres "$PG_BIN/initdb -D $PG_DIR/data -A trust -U postgres --no-sync >/dev/null" || return 1
  local port
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  as_postgres "$PG_BIN/pg_ctl -D $PG_DIR/data -l $PG_DIR/log -o '-k $PG_DIR -p $port -c listen_addresses=127.0.0.1' -w start >/dev/null" || return 1
  PG_URL="postgresql://postgres@127.0.0.1:$port/postgres"
  PG_PORT=$port
}

stop_postgres() {
  [ -n "${PG_DIR:-}" ] && as_postgres "$PG_BIN/pg_ctl -D $PG_DIR/data -m fast stop >/dev/null" || true
}
