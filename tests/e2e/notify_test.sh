#!/usr/bin/env bash
# shellcheck disable=SC2016  # configuration written here holds ${NAME} for copilot to expand
# review --notify slack --jira and audit --notify slack --confluence against
# stand-ins for Slack, Jira and Confluence (tests/tools/notify_standin.py) that
# check every request's shape; then each way a service can fail: exit 3, the
# vendor's message quoted, no secret printed, and the local report kept.
source "$(dirname "$0")/lib.sh"

python3 "$SOURCE_DIR/tests/tools/notify_standin.py" --port-file "$SCRATCH/port" &
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
expect_no_problems() { expect_eq "$1: every request had the documented shape" "[]" "$(state 's["problems"]')"; }

repo="$SCRATCH/shop"
new_repo "$repo"
mkdir -p "$repo/app"
cat >"$repo/app/db.py" <<'PY'
import subprocess


def find_user(cursor, name):
    cursor.execute("SELECT * FROM users WHERE name = '" + name + "'")
    return cursor.fetchone()


def run(cmd):
    subprocess.run(cmd, shell=True)
PY
printf 'def show(x):\n    print(x)\n' >"$repo/app/debug.py"
cat >"$repo/.copilot.yaml" <<'YAML'
jira:
  base_url: ${JIRA_SITE}
  project: SEC
  labels: [appsec]
confluence:
  base_url: ${CONFLUENCE_SITE}
  space: ENG
YAML
commit_all "$repo" "shop"
cd "$repo"

export JIRA_SITE="$base" CONFLUENCE_SITE="$base/wiki"
export JIRA_USER=ada@example.com JIRA_API_TOKEN=tok3n CONFLUENCE_TOKEN=conf-pat
export COPILOT_SLACK_WEBHOOK="$base/services/T0001/B0001/SeCrEtPaTh"
export GITHUB_SERVER_URL=https://github.com GITHUB_REPOSITORY=acme/shop GITHUB_RUN_ID=77

# Review: one Slack message, one Jira issue per high finding.
expect_exit "review notifies" 0 "$COPILOT" -v review --all --notify slack --jira --format json -o "$SCRATCH/r.json"
high=$(python3 -c 'import json,sys; print(sum(f["severity"] in ("high","critical") for f in json.load(open(sys.argv[1]))["findings"]))' "$SCRATCH/r.json")
[ "$high" -ge 2 ] || fail "the fixture should have at least two high findings, has $high"
expect_eq "one Slack message" 1 "$(state 'len(s["slack"])')"
expect_eq "Slack header" "copilot review: $(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["findings"]))' "$SCRATCH/r.json") findings" \
  "$(state 's["slack"][0]["blocks"][0]["text"]["text"]')"
expect_eq "Slack links the CI run" True "$(state '"<https://github.com/acme/shop/actions/runs/77|CI run>" in s["slack"][0]["blocks"][-1]["elements"][0]["text"]')"
expect_eq "an issue per high finding" "$high" "$(state 'len(s["issues"])')"
expect_eq "issues carry the configured label" True "$(state 'all("appsec" in i["fields"]["labels"] for i in s["issues"])')"
expect_eq "REST v3 by default" "{3}" "$(state '{i["version"] for i in s["issues"]}')"
expect_contains "created keys logged" "$SCRATCH/last.err" "jira: $high findings at or above high: created $high [SEC-1"
expect_no_problems "first review"

# The same findings again: comments on the open issues, no duplicates.
expect_exit "second review" 0 "$COPILOT" -v review --all --jira --format json -o "$SCRATCH/r2.json"
expect_eq "no duplicate issue" "$high" "$(state 'len(s["issues"])')"
expect_eq "one comment per issue" "[1]" "$(state 'sorted({len(i["comments"]) for i in s["issues"]})')"
expect_contains "updated logged" "$SCRATCH/last.err" "created 0 [], updated $high"

# A failed gate still notifies, and still exits 1.
expect_exit "gate fails after notifying" 1 "$COPILOT" review --all --notify slack --fail-on high -o /dev/null
expect_eq "gate verdict in Slack" True "$(state '"Gate failed" in s["slack"][-1]["blocks"][1]["text"]["text"]')"

# REST v2 with a Data Center token: text descriptions, offset search, bearer auth.
printf 'jira:\n  base_url: ${JIRA_SITE}\n  project: OPS\n  api_version: 2\n  min_severity: high\n' >"$SCRATCH/v2.yaml"
expect_exit "review on REST v2" 0 env -u JIRA_USER -u JIRA_API_TOKEN JIRA_TOKEN=jira-pat \
  "$COPILOT" --config "$SCRATCH/v2.yaml" review --all --jira -o /dev/null
expect_eq "v2 issues in OPS" "$high" "$(state 'len([i for i in s["issues"] if i["version"] == 2 and i["fields"]["project"]["key"] == "OPS"])')"
expect_no_problems "REST v2"

# Audit: the report becomes a Confluence page, updated in place next time.
expect_exit "audit publishes" 0 "$COPILOT" -v audit --notify slack --confluence --format json -o "$SCRATCH/a.json"
expect_eq "one page" 1 "$(state 'len(s["pages"])')"
expect_eq "default title" "copilot audit: acme/shop" "$(state 's["pages"][0]["title"]')"
expect_eq "readiness table on the page" True "$(state '"<h2>Readiness: " in s["pages"][0]["storage"]')"
expect_eq "audit summary in Slack" "copilot audit: shop" "$(state 's["slack"][-1]["blocks"][0]["text"]["text"]')"
expect_exit "audit publishes again" 0 "$COPILOT" -v audit --confluence -o /dev/null
expect_eq "same page, version 2" "1 2" "$(state '"%d %d" % (len(s["pages"]), s["pages"][0]["version"])')"
expect_contains "updated page logged" "$SCRATCH/last.err" "confluence: updated page 1000 (version 2)"
expect_no_problems "audit"

# Failures: exit 3, the vendor's words, nothing secret, the report kept.
rm -f "$SCRATCH/kept.json"
expect_exit "Slack refuses" 3 env COPILOT_SLACK_WEBHOOK="$base/services/T1/B1/bad" \
  "$COPILOT" review --all --notify slack --jira --format json -o "$SCRATCH/kept.json"
expect_contains "Slack's word quoted" "$SCRATCH/last.err" "Slack rejected the message: HTTP 400: invalid_payload"
expect_exit "report kept after a Slack failure" 0 python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$SCRATCH/kept.json"
expect_eq "Jira still ran after Slack failed (comments)" "[2]" "$(state 'sorted({len(i["comments"]) for i in s["issues"] if i["fields"]["project"]["key"] == "SEC"})')"

expect_exit "rate limit that does not clear" 3 env COPILOT_SLACK_WEBHOOK="$base/services/T1/B1/limited" \
  "$COPILOT" audit --notify slack -o "$SCRATCH/audit.txt"
expect_contains "rate limit named" "$SCRATCH/last.err" "still rate limited"
expect_not_contains "webhook path never printed" "$SCRATCH/last.err" "T1/B1/limited"
if [ -s "$SCRATCH/audit.txt" ]; then pass; else fail "audit report lost after a rate limit"; fi

expect_exit "no webhook anywhere" 3 env -u COPILOT_SLACK_WEBHOOK "$COPILOT" review --all --notify slack
expect_contains "says where a webhook goes" "$SCRATCH/last.err" "set COPILOT_SLACK_WEBHOOK, or notify.slack.webhook_url"
expect_contains "stdout report kept" "$SCRATCH/last.out" "py-sql-injection"

expect_exit "no Jira credentials" 3 env -u JIRA_USER -u JIRA_API_TOKEN "$COPILOT" review --all --jira
expect_contains "names the variables" "$SCRATCH/last.err" "set JIRA_USER and JIRA_API_TOKEN (Cloud) or JIRA_TOKEN"
expect_contains "stdout report kept without credentials" "$SCRATCH/last.out" "py-sql-injection"

expect_exit "wrong Jira token" 3 env JIRA_API_TOKEN=not-the-t0ken "$COPILOT" review --all --jira -o /dev/null
expect_contains "401 quoted" "$SCRATCH/last.err" "HTTP 401: You are not authenticated."
expect_not_contains "token never printed" "$SCRATCH/last.err" "not-the-t0ken"

printf 'jira:\n  base_url: ${JIRA_SITE}\n  project: NEW\n  issue_type: Nope\n' >"$SCRATCH/bad-type.yaml"
expect_exit "Jira refuses the issue type" 3 "$COPILOT" --config "$SCRATCH/bad-type.yaml" review --all --jira -o /dev/null
expect_contains "Jira's field error quoted" "$SCRATCH/last.err" "issuetype: Specify a valid issue type"

printf 'confluence:\n  base_url: ${CONFLUENCE_SITE}\n  space: NOPE\n' >"$SCRATCH/no-space.yaml"
expect_exit "Confluence space missing" 3 "$COPILOT" --config "$SCRATCH/no-space.yaml" audit --confluence -o "$SCRATCH/a2.txt"
expect_contains "Confluence's message quoted" "$SCRATCH/last.err" "HTTP 404: No space with key : NOPE"
if [ -s "$SCRATCH/a2.txt" ]; then pass; else fail "audit report lost after a Confluence failure"; fi

expect_exit "Confluence unset" 3 env -u CONFLUENCE_SITE "$COPILOT" audit --confluence -o /dev/null
expect_contains "unset variable named" "$SCRATCH/last.err" "confluence.base_url refers to \${CONFLUENCE_SITE}"

printf 'jira:\n  api_version: 4\n' >"$SCRATCH/bad.yaml"
expect_exit "bad tracker config is a usage error" 2 "$COPILOT" --config "$SCRATCH/bad.yaml" review --all --jira
expect_contains "key named" "$SCRATCH/last.err" "key 'jira.api_version'"
expect_exit "unknown --notify target" 2 "$COPILOT" review --all --notify teams
expect_no_problems "failures"

finish
