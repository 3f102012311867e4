#!/usr/bin/env bash
# copilot review --post github against a stand-in GitHub on loopback
# (tests/tools/fake_github.py, which refuses what GitHub refuses): the first
# run posts one review, the summary and a check run; a re-run posts nothing
# new; a new commit adds only its finding and edits the summary in place; bad
# input is exit 3 with the local report still written; a 300-file pull
# request posts in at most three review requests.
source "$(dirname "$0")/lib.sh"

TOKEN=ghs_e2e_secret_token_value
fake_pid=""
stop_fake() { if [ -n "$fake_pid" ]; then kill "$fake_pid" 2>/dev/null || true; wait "$fake_pid" 2>/dev/null || true; fi; }
trap 'stop_fake; rm -rf "$SCRATCH"' EXIT

# start_fake DIR HEAD DIFF_FILE: a fresh stand-in whose files live in DIR.
start_fake() {
  stop_fake
  mkdir -p "$1"
  FAKE=$1
  write_fake_config "$2" "$3"
  : >"$FAKE/log"
  python3 "$SOURCE_DIR/tests/tools/fake_github.py" "$FAKE/config.json" "$FAKE/state.json" "$FAKE/log" "$FAKE/port" &
  fake_pid=$!
  for _ in $(seq 100); do [ -s "$FAKE/port" ] && break; sleep 0.05; done
  [ -s "$FAKE/port" ] || { fail "the stand-in GitHub did not start"; finish; exit 1; }
  API_URL="http://127.0.0.1:$(cat "$FAKE/port")"
}
write_fake_config() {  # HEAD DIFF_FILE
  printf '{"token":"%s","owner":"acme","repo":"widgets","pull_number":7,"head_sha":"%s","diff":"%s","page_size":5}\n' \
    "$TOKEN" "$1" "$2" >"$FAKE/config.json"
}
write_event() {  # FILE NUMBER BASE HEAD
  printf '{"action":"synchronize","number":%s,"pull_request":{"number":%s,"base":{"sha":"%s","ref":"main"},"head":{"sha":"%s","ref":"feature"}}}\n' \
    "$2" "$2" "$3" "$4" >"$1"
}
expect_true() {  # expect_true WHAT test-args...
  local what=$1
  shift
  if [ "$@" ]; then pass; else fail "$what"; fi
}
# requests METHOD PATH_REGEX: how many requests the stand-in logged.
requests() {
  python3 -c 'import json, re, sys
n = sum(1 for l in open(sys.argv[1]) if (r := json.loads(l))["method"] == sys.argv[2] and re.fullmatch(sys.argv[3], r["path"]))
print(n)' "$FAKE/log" "$1" "$2"
}
# state EXPR: a Python expression over the stand-in's stored state `s`.
state() { python3 -c 'import json, sys; s = json.load(open(sys.argv[1])); print(eval(sys.argv[2]))' "$FAKE/state.json" "$1"; }
post() {  # post EVENT_FILE copilot-args...: copilot review --post github with the Actions environment
  local event=$1
  shift
  env GITHUB_TOKEN="$TOKEN" GITHUB_REPOSITORY=acme/widgets GITHUB_API_URL="$API_URL" GITHUB_EVENT_PATH="$event" \
    "$COPILOT" review --post github "$@"
}

REVIEWS='/repos/acme/widgets/pulls/7/reviews'
SUMMARY_POST='/repos/acme/widgets/issues/7/comments'
SUMMARY_PATCH='/repos/acme/widgets/issues/comments/[0-9]+'

repo="$SCRATCH/repo"
new_repo "$repo"
mkdir -p "$repo/app"
cat >"$repo/app/db.py" <<'PY'
import os


def legacy(cmd):
    os.system(cmd)


def helper():
    return 1


def other():
    return 2
PY
commit_all "$repo" "base"
base=$(git -C "$repo" rev-parse HEAD)
git -C "$repo" checkout -q -b feature
cat >>"$repo/app/db.py" <<'PY'


def find_user(cursor, name):
    cursor.execute(f"SELECT * FROM users WHERE name = '{name}'")
    return cursor.fetchone()


def run(cmd):
    import subprocess
    subprocess.run(cmd, shell=True)
PY
commit_all "$repo" "feature" 1767312000
head=$(git -C "$repo" rev-parse HEAD)
git -C "$repo" diff -U3 "$base...$head" >"$SCRATCH/pr.diff"
write_event "$SCRATCH/event.json" 7 "$base" "$head"

# The stand-in refuses what GitHub refuses, or passing runs would prove little:
# a comment outside the diff, a missing API version, 51 annotations at once.
start_fake "$SCRATCH/fake-check" "$head" "$SCRATCH/pr.diff"
statuses=$(python3 - "$API_URL" "$TOKEN" "$head" <<'PY'
import json, sys, urllib.error, urllib.request
api, token, head = sys.argv[1:4]
def status(method, path, body, version="2022-11-28"):
    headers = {"Authorization": "Bearer " + token, "Accept": "application/vnd.github+json",
               "X-GitHub-Api-Version": version, "Content-Type": "application/json", "User-Agent": "e2e"}
    request = urllib.request.Request(api + path, json.dumps(body).encode(), headers, method=method)
    try:
        return urllib.request.urlopen(request).status
    except urllib.error.HTTPError as e:
        return e.code
comment = {"path": "app/db.py", "line": 1, "side": "RIGHT", "body": "x"}
annotation = {"path": "a", "start_line": 1, "end_line": 1, "annotation_level": "notice", "message": "m"}
print(status("POST", "/repos/acme/widgets/pulls/7/reviews",
             {"commit_id": head, "event": "COMMENT", "body": "b", "comments": [comment]}),
      status("POST", "/repos/acme/widgets/issues/7/comments", {"body": "b"}, version="2020-01-01"),
      status("POST", "/repos/acme/widgets/check-runs", {"name": "n", "head_sha": head, "status": "completed",
             "conclusion": "success", "output": {"title": "t", "summary": "s", "annotations": [annotation] * 51}}))
PY
)
expect_eq "the stand-in refuses bad requests" "422 400 422" "$statuses"
start_fake "$SCRATCH/fake" "$head" "$SCRATCH/pr.diff"
cd "$repo" || exit 1

# First run: --filter file keeps the old os.system finding, which is outside the diff.
expect_exit "first run posts (the gate fails)" 1 post "$SCRATCH/event.json" --filter file --fail-on high \
  --format sarif -o "$SCRATCH/first.sarif"
expect_eq "no refused request" "[]" "$(state 's["violations"]')"
expect_eq "one review" 1 "$(requests POST "$REVIEWS")"
inline=$(state 'len(s["review_comments"])')
expect_true "at least 2 inline comments, got $inline" "$inline" -ge 2
expect_eq "every inline comment carries a fingerprint" "$inline" \
  "$(state 'sum("<!-- copilot:fingerprint=" in c["body"] for c in s["review_comments"])')"
sql_line=$(grep -n "cursor.execute" app/db.py | cut -d: -f1)
expect_eq "SQL injection commented on its line" True \
  "$(state 'any(c["line"] == '"$sql_line"' and "py-sql-injection" in c["body"] for c in s["review_comments"])')"
expect_eq "the finding outside the diff is not inline" False \
  "$(state 'any("py-os-system" in c["body"] for c in s["review_comments"])')"
expect_eq "one summary comment" 1 "$(state 'len(s["issue_comments"])')"
state 's["issue_comments"][0]["body"]' >"$SCRATCH/summary1.md"
expect_contains "summary marker" "$SCRATCH/summary1.md" "<!-- copilot:review-summary -->"
expect_contains "summary gate" "$SCRATCH/summary1.md" "Gate: **failed**: findings at or above \`high\`."
expect_contains "summary lists the finding outside the diff" "$SCRATCH/summary1.md" "\`app/db.py:5\`"
expect_contains "summary counts inline comments" "$SCRATCH/summary1.md" "$inline findings are commented"
expect_eq "one check run" 1 "$(requests POST /repos/acme/widgets/check-runs)"
expect_eq "check run fails with the gate" failure "$(state 's["check_runs"][0]["conclusion"]')"
expect_eq "check run is on the PR head" "$head" "$(state 's["check_runs"][0]["head_sha"]')"
expect_true "the SARIF report is written" -s "$SCRATCH/first.sarif"
expect_not_contains "token never printed" "$SCRATCH/last.err" "$TOKEN"

# Second run on the same head: no new inline comment, the summary is already right.
expect_exit "second run" 1 post "$SCRATCH/event.json" --filter file --fail-on high -o /dev/null
expect_eq "no second review" 1 "$(requests POST "$REVIEWS")"
expect_eq "inline comments unchanged" "$inline" "$(state 'len(s["review_comments"])')"
expect_eq "no second summary" 1 "$(requests POST "$SUMMARY_POST")"
expect_eq "unchanged summary not rewritten" 0 "$(requests PATCH "$SUMMARY_PATCH")"
expect_eq "still no refused request" "[]" "$(state 's["violations"]')"

# A new commit on the pull request: only its finding is posted, the summary is edited in place.
printf '\n\ndef evaluate(x):\n    return eval(x)\n' >>app/db.py
commit_all "$repo" "more" 1767398400
head2=$(git rev-parse HEAD)
git diff -U3 "$base...$head2" >"$SCRATCH/pr.diff"
write_event "$SCRATCH/event.json" 7 "$base" "$head2"
write_fake_config "$head2" "$SCRATCH/pr.diff"
expect_exit "run on the new head" 1 post "$SCRATCH/event.json" --filter file --fail-on high -o /dev/null
expect_eq "one more review" 2 "$(requests POST "$REVIEWS")"
expect_eq "it holds only the new finding" "[1]" "$(state '[r["comments"] for r in s["reviews"][1:]]')"
expect_eq "new finding on its line" True \
  "$(state 'any(c["commit_id"] == "'"$head2"'" and "py-eval" in c["body"] for c in s["review_comments"])')"
expect_eq "summary edited in place" 1 "$(requests PATCH "$SUMMARY_PATCH")"
expect_eq "still one summary comment" 1 "$(state 'len(s["issue_comments"])')"
state 's["issue_comments"][0]["body"]' >"$SCRATCH/summary2.md"
expect_contains "summary shows the new head" "$SCRATCH/summary2.md" "${head2:0:12}"
expect_eq "no refused request after the new head" "[]" "$(state 's["violations"]')"

# Bad input: exit 3, a message naming the problem, and the local report still written.
rm -f "$SCRATCH/notoken.sarif"
expect_exit "missing token" 3 env -u GITHUB_TOKEN GITHUB_REPOSITORY=acme/widgets GITHUB_EVENT_PATH="$SCRATCH/event.json" \
  "$COPILOT" review --post github --format sarif -o "$SCRATCH/notoken.sarif"
expect_contains "names the variable" "$SCRATCH/last.err" "GITHUB_TOKEN is not set"
expect_true "SARIF written when the token is missing" -s "$SCRATCH/notoken.sarif"
expect_contains "SARIF is complete" "$SCRATCH/notoken.sarif" '"py-eval-injection"'
printf '{"pull_request": {"number": 7,' >"$SCRATCH/broken.json"
expect_exit "malformed event" 3 post "$SCRATCH/broken.json" -o "$SCRATCH/broken.txt"
expect_contains "names the event file" "$SCRATCH/last.err" "broken.json: not valid JSON"
expect_true "report written for a malformed event" -s "$SCRATCH/broken.txt"
expect_exit "no event file" 3 post "$SCRATCH/missing.json" -o /dev/null
expect_contains "names the missing event file" "$SCRATCH/last.err" "missing.json"
write_event "$SCRATCH/gone.json" 999 "$base" "$head2"
expect_exit "pull request that does not exist" 3 post "$SCRATCH/gone.json" -o /dev/null
expect_contains "says GitHub's 404" "$SCRATCH/last.err" "GitHub answered 404"
expect_contains "names the pull request" "$SCRATCH/last.err" "pull request #999 does not exist in acme/widgets"
expect_exit "rejected token" 3 env GITHUB_TOKEN=ghp_not_the_right_one GITHUB_REPOSITORY=acme/widgets \
  GITHUB_API_URL="$API_URL" GITHUB_EVENT_PATH="$SCRATCH/event.json" "$COPILOT" review --post github -o /dev/null
expect_contains "says Bad credentials" "$SCRATCH/last.err" "Bad credentials"
expect_not_contains "the wrong token is not printed" "$SCRATCH/last.err" "ghp_not_the_right_one"
expect_exit "unknown sink" 2 "$COPILOT" review --post gitlab -o /dev/null

# The measured figure: a 300-file pull request with two findings a file.
big="$SCRATCH/big"
new_repo "$big"
for i in $(seq 1 300); do printf 'import os\nimport subprocess\n' >"$big/m$i.py"; done
commit_all "$big" "base"
big_base=$(git -C "$big" rev-parse HEAD)
git -C "$big" checkout -q -b feature
for i in $(seq 1 300); do
  printf '\n\ndef run%s(cmd):\n    subprocess.run(cmd, shell=True)\n    os.system(cmd)\n' "$i" >>"$big/m$i.py"
done
commit_all "$big" "feature" 1767312000
big_head=$(git -C "$big" rev-parse HEAD)
git -C "$big" diff -U3 "$big_base...$big_head" >"$SCRATCH/big.diff"
write_event "$SCRATCH/big.json" 7 "$big_base" "$big_head"
start_fake "$SCRATCH/fake-big" "$big_head" "$SCRATCH/big.diff"
cd "$big" || exit 1
expect_exit "300-file pull request" 0 post "$SCRATCH/big.json" --format json -o "$SCRATCH/big.out.json"
findings=$(python3 -c 'import json, sys; print(len(json.load(open(sys.argv[1]))["findings"]))' "$SCRATCH/big.out.json")
reviews=$(requests POST "$REVIEWS")
summaries=$(($(requests POST "$SUMMARY_POST") + $(requests PATCH "$SUMMARY_PATCH")))
comments=$(state 'len(s["review_comments"])')
expect_true "at least 600 findings, got $findings" "$findings" -ge 600
expect_true "1-3 review requests, got $reviews" "$reviews" -ge 1 -a "$reviews" -le 3
expect_eq "one summary request" 1 "$summaries"
expect_eq "no refused request on the big pull request" "[]" "$(state 's["violations"]')"
expect_eq "every finding is inline or in the summary" "$findings" \
  "$(($(state 'len(s["review_comments"])') + $(state 'int(__import__("re").search(r"Not commented inline \((\d+)\)", s["issue_comments"][0]["body"]).group(1))')))"
before=$(wc -l <"$FAKE/log")
expect_exit "300-file re-run" 0 post "$SCRATCH/big.json" -o /dev/null
rerun_writes=$(python3 -c 'import json, sys
lines = open(sys.argv[1]).readlines()[int(sys.argv[2]):]
print(sum(1 for l in lines if json.loads(l)["method"] in ("POST", "PATCH") and "/check-runs" not in json.loads(l)["path"]))' \
  "$FAKE/log" "$before")
expect_eq "re-run posts nothing new" 0 "$rerun_writes"
echo "measured: 300-file pull request, $findings findings: $reviews review requests carrying $comments inline comments," \
  "$summaries summary request; re-run: $rerun_writes review or summary requests" \
  "($(($(wc -l <"$FAKE/log") - before)) requests in all, check run included)"

finish
