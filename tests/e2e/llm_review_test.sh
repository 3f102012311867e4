#!/usr/bin/env bash
# copilot review --llm against a model stand-in on loopback
# (tests/tools/llm_standin.py, which checks every request's shape): the llm
# agent's finding joins the rules', nothing secret leaves the machine, the
# second run is answered from the cache, and each way the model can be
# unavailable (no key, unreachable, malformed answers, a spent budget, the
# control plane's 429) leaves a note and the rule-based review with exit 0.
source "$(dirname "$0")/lib.sh"

python3 "$SOURCE_DIR/tests/tools/llm_standin.py" --port-file "$SCRATCH/port" &
standin=$!
trap 'kill $standin 2>/dev/null; rm -rf "$SCRATCH"' EXIT
for _ in $(seq 100); do [ -s "$SCRATCH/port" ] && break; sleep 0.1; done
[ -s "$SCRATCH/port" ] || { echo "stand-in did not start" >&2; exit 1; }
base="http://127.0.0.1:$(cat "$SCRATCH/port")"

state() {  # state PYTHON-EXPRESSION over s (the stand-in's state) → printed
  python3 -c 'import json,sys,urllib.request
s = json.load(urllib.request.urlopen(sys.argv[1] + "/__state"))
print(eval(sys.argv[2]))' "$base" "$1"
}
mode() {  # mode normal|quota|malformed|slow: how the stand-in answers from now on
  python3 -c 'import sys,urllib.request
urllib.request.urlopen(urllib.request.Request(sys.argv[1] + "/__mode", data=sys.argv[2].encode(), method="POST"))' "$base" "$1"
}
json() {  # json FILE PYTHON-EXPRESSION over r → printed
  python3 -c 'import json,sys; r = json.load(open(sys.argv[1])); print(eval(sys.argv[2]))' "$1" "$2"
}

repo="$SCRATCH/shop"
new_repo "$repo"
mkdir -p "$repo/app"
cat >"$repo/app/calc.py" <<'PY'
import os


def total(items):
    return sum(items)
PY
commit_all "$repo" "base"
git -C "$repo" checkout -q -b feature
token="ghp_$(printf 'Zx81Qw72Er63Ty54Ui45Op36As27Df18Gh09')"
cat >"$repo/app/calc.py" <<PY
import os

GITHUB_TOKEN = "$token"
OWNER = "grace.hopper@navy.example.org"


def total(items):
    return sum(items)


def evaluate(expression):
    return eval(expression)
PY
commit_all "$repo" "evaluate"

write_config() {  # write_config BASE_URL [extra provider lines]
  local extra=${2:-}
  cat >"$repo/.copilot.yaml" <<YAML
llm:
  providers:
    local:
      kind: openai
      base_url: $1/v1
      model: llama3.1:8b
$extra
  tiers:
    quality: [local]
  cache:
    dir: $SCRATCH/cache
YAML
}
review() { "$COPILOT" review -C "$repo" --base main -f json "$@"; }

# Without --llm nothing is sent and the report has no llm section.
write_config "$base"
expect_exit "review without --llm" 0 review -o "$SCRATCH/plain.json"
expect_eq "nothing sent without --llm" 0 "$(state 'len(s["requests"])')"
expect_eq "no llm section without --llm" False "$(json "$SCRATCH/plain.json" '"llm" in r')"

expect_exit "review --llm" 0 review --llm -o "$SCRATCH/llm.json"
expect_eq "every request had the documented shape" "[]" "$(state 's["problems"]')"
expect_eq "one chunk, one request" 1 "$(state 'len(s["requests"])')"
expect_eq "the model's finding is in the report" "llm-logic:12:high:0.7" \
  "$(json "$SCRATCH/llm.json" '[":".join(str(x) for x in (f["rule_id"], f["location"]["start_line"], f["severity"], f["confidence"])) for f in r["findings"] if f["rule_id"].startswith("llm-")][0]')"
expect_eq "the rules' findings are still there" True \
  "$(json "$SCRATCH/llm.json" 'any(f["rule_id"] == "secret-hardcoded-credential" for f in r["findings"])')"
expect_eq "llm counts in the JSON" "1 0 2" \
  "$(json "$SCRATCH/llm.json" '" ".join(str(r["llm"][k]) for k in ("requests", "cache_hits", "redacted"))')"
expect_eq "no secret or address reached the model" "False False" \
  "$(state "'%s %s' % ('$token' in str(s['requests']), 'grace.hopper' in str(s['requests']))")"
expect_eq "placeholders went instead" True "$(state "'<<SECRET_1>>' in s['requests'][0]['body']")"
expect_exit "the --llm report matches schemas/review.schema.json" 0 \
  bash "$SOURCE_DIR/tests/e2e/review_schema_test.sh" "$SCRATCH/llm.json"

# The same change again: answered from the cache, nothing sent.
expect_exit "review --llm again" 0 review --llm -o "$SCRATCH/again.json"
expect_eq "second run is a cache hit" "1 1" "$(json "$SCRATCH/again.json" '" ".join(str(r["llm"][k]) for k in ("requests", "cache_hits"))')"
expect_eq "nothing new sent" 1 "$(state 'len(s["requests"])')"
"$COPILOT" review -C "$repo" --base main --llm >"$SCRATCH/text.out" 2>/dev/null || true
expect_contains "text summary names the cache hit" "$SCRATCH/text.out" "llm: 1 request(s), 1 from cache"

# A provider whose key is not set is left out, with a warning; the others answer.
rm -rf "$SCRATCH/cache"
write_config "$base" "    hosted:
      kind: anthropic
      model: claude-3-5-haiku-latest
      api_key_env: COPILOT_TEST_UNSET_KEY"
expect_exit "missing key" 0 review --llm -o "$SCRATCH/nokey.json"
expect_contains "missing key is named" "$SCRATCH/last.err" \
  "llm.providers.hosted: environment variable COPILOT_TEST_UNSET_KEY is not set; provider left out"

# Unreachable endpoint: rule-based review, a note, exit 0.
rm -rf "$SCRATCH/cache"
write_config "http://127.0.0.1:1"
expect_exit "unreachable endpoint" 0 review --llm -o "$SCRATCH/down.json"
expect_eq "unreachable is a note" True \
  "$(json "$SCRATCH/down.json" 'any("local: POST http://127.0.0.1:1/v1/chat/completions" in n["message"] for n in r["notes"])')"
expect_eq "rules still ran" True \
  "$(json "$SCRATCH/down.json" 'any(f["rule_id"] == "secret-hardcoded-credential" for f in r["findings"])')"
expect_eq "no llm finding" 0 "$(json "$SCRATCH/down.json" 'sum(f["rule_id"].startswith("llm-") for f in r["findings"])')"

# Answers that are not JSON.
write_config "$base"
mode malformed
expect_exit "malformed answers" 0 review --llm -o "$SCRATCH/malformed.json"
expect_eq "malformed answer is a note" True \
  "$(json "$SCRATCH/malformed.json" 'any("not a chat completion answer" in n["message"] for n in r["notes"])')"
mode normal

# A local budget too small for one request.
rm -rf "$SCRATCH/cache"
expect_exit "local budget" 0 review --llm --llm-budget-tokens 10 -o "$SCRATCH/budget.json"
expect_eq "budget refusal is a note" True \
  "$(json "$SCRATCH/budget.json" 'any("LLM budget of 10 tokens is spent" in n["message"] and "rule-based results only" in n["message"] for n in r["notes"])')"
expect_eq "budget stop in the counts" True "$(json "$SCRATCH/budget.json" 'r["llm"]["stopped_by_budget"]')"

# The control plane reserves before each direct call and commits after.
before=$(state 'len(s["requests"])')
COPILOT_SERVER="$base" COPILOT_TOKEN="cpk_test_secret" expect_exit "reserved call" 0 review --llm -o "$SCRATCH/reserved.json"
expect_eq "reserve, chat, commit" "/v1/llm/reservations /v1/chat/completions /v1/llm/reservations/res_1/commit" \
  "$(state "' '.join(r['path'] for r in s['requests'][$before:])")"

# ... and a refused reservation (429) degrades to rule-based results.
rm -rf "$SCRATCH/cache"
mode quota
before=$(state 'len(s["requests"])')
COPILOT_SERVER="$base" COPILOT_TOKEN="cpk_test_secret" expect_exit "quota refused" 0 review --llm -o "$SCRATCH/quota.json"
expect_eq "only the reservation was sent" "/v1/llm/reservations" \
  "$(state "' '.join(r['path'] for r in s['requests'][$before:])")"
expect_eq "quota refusal is a note" True \
  "$(json "$SCRATCH/quota.json" 'any("project shop has used its monthly tokens" in n["message"] for n in r["notes"])')"
mode normal

# --all sends whole files, in blocks that fit the request budget.
write_config "$base"
rm -rf "$SCRATCH/cache"
expect_exit "review --all --llm" 0 "$COPILOT" review -C "$repo" --all -f json --llm -o "$SCRATCH/all.json"
expect_eq "the whole-file review finds it too" 1 \
  "$(json "$SCRATCH/all.json" 'sum(f["rule_id"] == "llm-logic" and f["location"]["start_line"] == 12 for f in r["findings"])')"

# With no provider configured, the control plane answers.
rm -f "$repo/.copilot.yaml"
before=$(state 'len(s["requests"])')
COPILOT_SERVER="$base" COPILOT_TOKEN="cpk_test_secret" expect_exit "control plane chat" 0 \
  "$COPILOT" review -C "$repo" --base main -f json --llm -o "$SCRATCH/server.json"
expect_eq "chat through the control plane" "/v1/llm/chat" "$(state "' '.join(r['path'] for r in s['requests'][$before:])")"
expect_eq "its finding is in the report" 1 "$(json "$SCRATCH/server.json" 'sum(f["rule_id"] == "llm-logic" for f in r["findings"])')"
expect_eq "still no shape problems" "[]" "$(state 's["problems"]')"
expect_eq "the default cache in the repository is ignored by git" "" "$(git -C "$repo" status --porcelain)"

finish
