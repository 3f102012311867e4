#!/usr/bin/env bash
# copilot gen-tests --llm --verify against a model stand-in on loopback
# (tests/tools/llm_standin.py): units that only got a skeleton get a test
# written by the model; --verify keeps the one that passes and adds coverage,
# and takes out the one that fails and the one that covers nothing new;
# without a usable model the skeletons stay and the run still succeeds.
source "$(dirname "$0")/lib.sh"
PYTHON=/usr/bin/python3
"$PYTHON" -m pytest --version >/dev/null 2>&1 || { echo "pytest missing (scripts/install-test-deps.sh)" >&2; exit 1; }
command -v python3-coverage >/dev/null || { echo "python3-coverage missing (scripts/install-test-deps.sh)" >&2; exit 1; }

python3 "$SOURCE_DIR/tests/tools/llm_standin.py" --port-file "$SCRATCH/port" &
standin=$!
trap 'kill $standin 2>/dev/null; rm -rf "$SCRATCH"' EXIT
for _ in $(seq 100); do [ -s "$SCRATCH/port" ] && break; sleep 0.1; done
[ -s "$SCRATCH/port" ] || { echo "stand-in did not start" >&2; exit 1; }
base="http://127.0.0.1:$(cat "$SCRATCH/port")"
state() {
  python3 -c 'import json,sys,urllib.request
s = json.load(urllib.request.urlopen(sys.argv[1] + "/__state"))
print(eval(sys.argv[2]))' "$base" "$1"
}
json() { python3 -c 'import json,sys; r = json.load(open(sys.argv[1])); print(eval(sys.argv[2]))' "$1" "$2"; }
cases_of() {  # cases_of FILE: "unit:kind:status" for every case
  json "$1" '" ".join(":".join((u["unit"], c["kind"], c["status"])) for f in r["files"] for u in f["units"] for c in u["cases"])'
}

repo="$SCRATCH/lib"
new_repo "$repo"
mkdir -p "$repo/strings"
touch "$repo/strings/__init__.py"
cat >"$repo/strings/shout.py" <<'PY'
def shout(text):
    return text.upper() + "!"


def broken_join(parts):
    return "-".join(parts)


def idle_echo(value):
    return value
PY
commit_all "$repo" "strings"
out="$repo/tests/generated"

# Without --llm: skeletons, and nothing sent.
expect_exit "gen-tests" 0 "$COPILOT" gen-tests -C "$repo" -f json -o "$SCRATCH/plain.json"
expect_eq "skeletons without a model" "shout:skeleton:skipped broken_join:skeleton:skipped idle_echo:skeleton:skipped" \
  "$(cases_of "$SCRATCH/plain.json" | tr ' ' '\n' | grep -v '^:' | tr '\n' ' ' | sed 's/ $//')"
expect_eq "nothing sent" 0 "$(state 'len(s["requests"])')"

cat >"$repo/.copilot.yaml" <<YAML
llm:
  providers:
    local:
      kind: openai
      base_url: $base/v1
      model: qwen2.5-coder:7b
  tiers:
    bulk: [local]
  cache:
    dir: $SCRATCH/cache
YAML
expect_exit "gen-tests --llm --verify" 0 "$COPILOT" gen-tests -C "$repo" --force --llm --verify -f json -o "$SCRATCH/llm.json"
expect_eq "every request had the documented shape" "[]" "$(state 's["problems"]')"
expect_eq "one request for the module" 1 "$(state 'len(s["requests"])')"
expect_eq "kept: the test that passes and adds coverage" "shout:llm:passed broken_join:llm:removed idle_echo:llm:removed" \
  "$(cases_of "$SCRATCH/llm.json" | tr ' ' '\n' | grep -v '^:' | tr '\n' ' ' | sed 's/ $//')"
expect_contains "the model's test is in the file" "$out/test_strings_shout.py" "def test_llm_shout():"
expect_contains "it calls the module through its alias" "$out/test_strings_shout.py" 'assert shout.shout("ab") is not None'
expect_contains "the failing one left a tombstone" "$out/test_strings_shout.py" "copilot-gen: removed broken_join:llm (failed under --verify"
expect_contains "so did the one that covers nothing new" "$out/test_strings_shout.py" \
  "copilot-gen: removed idle_echo:llm (added no coverage under --verify)"
expect_eq "llm counts in the JSON" "1 0" "$(json "$SCRATCH/llm.json" '" ".join(str(r["llm"][k]) for k in ("requests", "cache_hits"))')"
expect_exit "gen-tests JSON matches its schema" 0 node "$SOURCE_DIR/tests/tools/validate_json_schema.js" \
  "$SOURCE_DIR/schemas/gen-tests.schema.json" "$SCRATCH/llm.json"
expect_exit "the kept tests pass under pytest" 0 \
  bash -c "cd '$repo' && PYTHONDONTWRITEBYTECODE=1 $PYTHON -m pytest -q -p no:cacheprovider tests/generated"

# An unreachable model: the skeletons stay, a note says why, exit 0.
sed -i "s#base_url: .*#base_url: http://127.0.0.1:1/v1#" "$repo/.copilot.yaml"
rm -rf "$SCRATCH/cache"
expect_exit "unreachable model" 0 "$COPILOT" gen-tests -C "$repo" --force --llm -f json -o "$SCRATCH/down.json"
expect_eq "skeletons again" "shout:skeleton:skipped broken_join:skeleton:skipped idle_echo:skeleton:skipped" \
  "$(cases_of "$SCRATCH/down.json" | tr ' ' '\n' | grep -v '^:' | tr '\n' ' ' | sed 's/ $//')"
expect_eq "the failure is a note" True \
  "$(json "$SCRATCH/down.json" 'any("127.0.0.1:1" in n for n in r["notes"])')"

finish
