#!/usr/bin/env bash
# A change of about 1,000 changed lines over 50 files: copilot review --base main.
# Builds a throw-away git repo from 50 python3-django source files, commits them
# on main, then on a branch appends a 20-line function to each file and commits.
# Target: the review takes under 1 second (median) on a 2-core machine.
# Env: COPILOT (default build/copilot), RUNS (default 5), BENCH_WORK (scratch dir).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
require_tools django git

TREE=$(django_py_tree)
OUT="$BENCH_WORK/change_1000"
REPO="$OUT/repo"
rm -rf "$OUT"
mkdir -p "$REPO"

# 50 files spread over the package: the 100..800-line modules in path order,
# every k-th one.
mapfile -t candidates < <(cd "$TREE/.." && find django -name '*.py' -print0 | xargs -0 wc -l |
  awk '$2 != "total" && $1 >= 100 && $1 <= 800 {print $2}' | LC_ALL=C sort)
step=$(( ${#candidates[@]} / 50 ))
[ "$step" -ge 1 ] || die "not enough Django files"
files=()
for ((i = 0; i < 50; i++)); do files+=("${candidates[$((i * step))]}"); done

git_q() { git -C "$REPO" -c user.name=bench -c user.email=bench@example.invalid -c commit.gpgsign=false "$@" >/dev/null; }
git_q init -q -b main
for f in "${files[@]}"; do
  mkdir -p "$REPO/$(dirname "$f")"
  cp "$TREE/../$f" "$REPO/$f"
done
git_q add -A
git_q commit -q -m "Import 50 Django modules"
git_q checkout -q -b change

# Five 20-line additions in rotation (two blank lines + 18 lines of code), a
# mix of ordinary code and code some rules flag (SQL built with %, print,
# bare except, a mutable default, a query in a loop).
add_code() {
  local n="$1"
  printf '\n\n'
  case $(( n % 5 )) in
  0) cat <<PY ;;
def bench_summarise_rows_$n(rows, limit=None):
    """Return (count, total) over the numeric values of rows, up to limit."""
    count = 0
    total = 0
    for row in rows:
        if limit is not None and count >= limit:
            break
        value = row.get("value")
        if value is None:
            continue
        try:
            total += float(value)
        except (TypeError, ValueError):
            continue
        count += 1
    if count == 0:
        return 0, 0.0
    return count, total
PY
  1) cat <<PY ;;
def bench_lookup_user_$n(connection, username):
    """Fetch a user row by name (deliberately built with % formatting)."""
    cursor = connection.cursor()
    query = "SELECT id, email FROM auth_user WHERE username = '%s'" % username
    cursor.execute(query)
    row = cursor.fetchone()
    if row is None:
        cursor.close()
        return None
    user_id, email = row
    result = {
        "id": user_id,
        "email": email,
        "name": username,
    }
    print("looked up", username)
    cursor.close()
    return result
PY
  2) cat <<PY ;;
class BenchCache$n:
    """A tiny bounded mapping used by the benchmark change."""

    def __init__(self, size=128, items=[]):
        self.size = size
        self.items = dict(items)

    def get(self, key, default=None):
        return self.items.get(key, default)

    def put(self, key, value):
        if len(self.items) >= self.size:
            oldest = next(iter(self.items))
            del self.items[oldest]
        self.items[key] = value

    def __len__(self):
        return len(self.items)
PY
  3) cat <<PY ;;
def bench_load_settings_$n(path):
    """Read KEY=VALUE lines from path into a dict, ignoring comments."""
    settings = {}
    try:
        with open(path, encoding="utf-8") as handle:
            for line in handle:
                line = line.strip()
                if not line or line.startswith("#"):
                    continue
                key, _, value = line.partition("=")
                settings[key.strip()] = value.strip()
    except:
        pass
    if settings.get("DEBUG") == None:
        settings["DEBUG"] = "0"
    if settings.get("SECRET_KEY") is None:
        settings["SECRET_KEY"] = ""
    return settings
PY
  4) cat <<PY ;;
def bench_order_totals_$n(order_ids):
    """Sum the line totals of each order (one query per order)."""
    from django.apps import apps

    Order = apps.get_model("shop", "Order")
    totals = {}
    for order_id in order_ids:
        order = Order.objects.get(pk=order_id)
        total = 0
        for line in order.lines.all():
            total += line.quantity * line.unit_price
        totals[order_id] = total
    names = ""
    for order_id in totals:
        names += str(order_id) + ","
    if not names:
        return totals, ""
    return totals, names.rstrip(",")
PY
  esac
}
n=0
for f in "${files[@]}"; do
  add_code "$n" >>"$REPO/$f"
  n=$((n + 1))
done
git_q commit -q -a -m "Add helpers to 50 modules"
stat=$(git -C "$REPO" diff --shortstat main...change)

cmd_all="$COPILOT review -C $REPO --base main --format json -o /dev/null"
cmd_sec="$COPILOT review -C $REPO --base main --agents security --format json -o /dev/null"
cmd_empty="$COPILOT review -C $REPO --base change --format json -o /dev/null"

facts="$OUT/facts.tsv"
: >"$facts"
"$COPILOT" rules list >"$OUT/rules.txt"
n_py=$(awk '$1 ~ /^py-/ && $4 != "taint"' "$OUT/rules.txt" | wc -l)
n_py_sec=$(awk '$1 ~ /^py-/ && $2 == "security" && $4 != "taint"' "$OUT/rules.txt" | wc -l)
n_taint=$(taint_rule_count)  # all taint rules belong to the security agent
for spec in "copilot --base main (all agents)|$cmd_all|$n_py py query + $n_taint taint rules" \
            "copilot --base main (security)|$cmd_sec|$n_py_sec py security query + $n_taint taint rules" \
            "copilot, empty change (fixed cost)|$cmd_empty|$n_py py query + $n_taint taint rules"; do
  IFS='|' read -r name cmd rules <<<"$spec"
  measure_ok 0 /dev/null ${cmd% -o /dev/null} -o "$OUT/out.json"
  printf '%s\t%s\t%s\t%s\n' "$name" "$RSS_KIB" "$(count_findings "$OUT/out.json" copilot)" "$rules" >>"$facts"
done

hyperfine -N -i --warmup 1 --runs "$RUNS" --style none --export-json "$OUT/hyperfine.json" \
  -n 'copilot --base main (all agents)' "$cmd_all" \
  -n 'copilot --base main (security)' "$cmd_sec" \
  -n 'copilot, empty change (fixed cost)' "$cmd_empty" >"$OUT/hyperfine.txt"

echo "### Change of 50 files:$stat"
echo
python3 "$BENCH_DIR/table.py" "$OUT/hyperfine.json" "$facts" 'copilot --base main (all agents)'
echo
python3 - "$OUT/hyperfine.json" <<'PY'
import json, statistics, sys
r = {x["command"]: statistics.median(x["times"]) for x in json.load(open(sys.argv[1]))["results"]}
t = r["copilot --base main (all agents)"]
print(f"- Target < 1 s: median {t:.3f} s ({'met' if t < 1 else 'MISSED'}); "
      f"of which fixed cost (empty change) {r['copilot, empty change (fixed cost)']:.3f} s.")
PY
echo
echo "$(machine_line); $RUNS runs after 1 warm-up."
