# Real components for release tests: versions of a small HTTP service, nginx
# in front of them and (optionally) Prometheus scraping them, all on loopback.
TOOLS="$SOURCE_DIR/tests/tools"
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
PIDS=()
stop_all() {
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  kill "$(cat "$SCRATCH/nginx/nginx.pid" 2>/dev/null)" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$SCRATCH"
}
trap stop_all EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

wait_http() {  # wait_http URL: until it answers (10 s)
  for _ in $(seq 100); do
    curl -fsS -o /dev/null "$1" 2>/dev/null && return 0
    sleep 0.1
  done
  echo "not answering: $1" >&2
  return 1
}

start_service() {  # start_service VERSION MODE: sets PORT_<VERSION>
  local port
  port=$(free_port)
  python3 "$TOOLS/release_service.py" --port "$port" --version "$1" --mode "$2" &
  PIDS+=($!)
  wait_http "http://127.0.0.1:$port/metrics"
  printf -v "PORT_$1" '%s' "$port"
}

start_nginx() {  # start_nginx STABLE_VERSION: nginx on NGINX_PORT with STABLE_VERSION behind it
  local dir="$SCRATCH/nginx" port_var="PORT_$1"
  NGINX_PORT=$(free_port)
  mkdir -p "$dir/tmp"
  cat >"$dir/nginx.conf" <<CONF
worker_processes 1;
daemon off;
pid $dir/nginx.pid;
error_log $dir/error.log warn;
events { worker_connections 512; }
http {
  access_log off;
  client_body_temp_path $dir/tmp/body;
  proxy_temp_path $dir/tmp/proxy;
  fastcgi_temp_path $dir/tmp/fastcgi;
  uwsgi_temp_path $dir/tmp/uwsgi;
  scgi_temp_path $dir/tmp/scgi;
  include $dir/upstream.conf;
  server {
    listen 127.0.0.1:$NGINX_PORT;
    location / { proxy_pass http://app; proxy_next_upstream off; }
  }
}
CONF
  printf 'upstream app {\n    server 127.0.0.1:%s weight=100;\n}\n' "${!port_var}" >"$dir/upstream.conf"
  "$NGINX" -p "$dir" -c "$dir/nginx.conf" -t -q
  "$NGINX" -p "$dir" -c "$dir/nginx.conf" &
  PIDS+=($!)
  wait_http "http://127.0.0.1:$NGINX_PORT/"
}

start_prometheus() {  # start_prometheus PORT...: scrapes the services every second
  local dir="$SCRATCH/prometheus" targets=""
  PROM_PORT=$(free_port)
  mkdir -p "$dir"
  for p in "$@"; do targets+="'127.0.0.1:$p', "; done
  cat >"$dir/prometheus.yml" <<CONF
global:
  scrape_interval: 1s
  evaluation_interval: 1s
scrape_configs:
  - job_name: app
    static_configs:
      - targets: [${targets%, }]
CONF
  promtool check config "$dir/prometheus.yml" >/dev/null
  prometheus --config.file="$dir/prometheus.yml" --storage.tsdb.path="$dir/data" \
    --web.listen-address="127.0.0.1:$PROM_PORT" --log.level=error 2>"$dir/log" &
  PIDS+=($!)
  wait_http "http://127.0.0.1:$PROM_PORT/-/ready"
}

# served_split VERSION: percent of 200 requests through nginx answered by VERSION.
served_split() { python3 "$TOOLS/release_traffic.py" split "http://127.0.0.1:$NGINX_PORT/" 200 "$1"; }

# within NAME EXPECTED ACTUAL: |EXPECTED - ACTUAL| <= 5 percentage points.
within() {
  if python3 -c "import sys; sys.exit(0 if abs(float('$2') - float('$3')) <= 5 else 1)"; then pass; else
    fail "$1: expected $2% ± 5, observed $3%"
  fi
}

json_field() {  # json_field FILE PYTHON_EXPRESSION_ON_d
  python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print($2)" "$1"
}
