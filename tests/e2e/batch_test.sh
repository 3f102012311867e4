#!/usr/bin/env bash
# Batch runs: review and audit over several git repositories listed in a repos
# file (one with findings, one clean, one missing), with one combined report
# per format, the worst exit code, and the same report whatever --jobs is.
source "$(dirname "$0")/lib.sh"

work="$SCRATCH/work"
mkdir -p "$work/lists" "$work/out"

dirty="$work/repos/dirty"
new_repo "$dirty"
mkdir -p "$dirty/app"
cat >"$dirty/app/db.py" <<'PY'
import subprocess


def find_user(cursor, name):
    cursor.execute(f"SELECT * FROM users WHERE name = '{name}'")
    return cursor.fetchone()


def run(cmd):
    subprocess.run(cmd, shell=True)
PY
commit_all "$dirty" "dirty"

clean="$work/repos/clean"
new_repo "$clean"
cat >"$clean/util.py" <<'PY'
def add(a, b):
    return a + b
PY
commit_all "$clean" "clean"

# Relative entries resolve against the file's directory; comments and blank
# lines are skipped, so the missing repository is on line 6.
cat >"$work/lists/repos.txt" <<'TXT'
# repositories of the team
../repos/dirty

../repos/clean   # nothing to see here
  # an indented comment
../repos/missing
TXT

# node one-liners over a JSON report: json FILE EXPRESSION (with `r` the report).
json() { node -e "const r = JSON.parse(require('fs').readFileSync(process.argv[1], 'utf8')); console.log($2)" "$1"; }

cd "$work"

# Review: the combined JSON, in the order of the file, valid against its schema.
expect_exit "a missing repository fails the run" 3 "$COPILOT" review --all --repos lists/repos.txt --format json -o out/review.json
expect_contains "missing repository named with its line on stderr" "$SCRATCH/last.err" \
  "lists/repos.txt:6: ../repos/missing: no such directory"
expect_contains "progress per repository on stderr" "$SCRATCH/last.err" "review [3/3]"
expect_eq "repositories in the order listed" "../repos/dirty ../repos/clean ../repos/missing" \
  "$(json out/review.json "r.repositories.map((x) => x.path).join(' ')")"
expect_eq "statuses" "ok ok error" "$(json out/review.json "r.repositories.map((x) => x.status).join(' ')")"
expect_eq "where each was listed" "lists/repos.txt:2 lists/repos.txt:4 lists/repos.txt:6" \
  "$(json out/review.json "r.repositories.map((x) => x.listed_at).join(' ')")"
expect_eq "findings in the dirty repository" "true" "$(json out/review.json "r.repositories[0].report.findings.length > 0")"
expect_eq "no findings in the clean one" "0" "$(json out/review.json "r.repositories[1].report.findings.length")"
expect_eq "the missing one has an error, no report" "no such directory undefined" \
  "$(json out/review.json "r.repositories[2].error + ' ' + r.repositories[2].report")"
expect_eq "summary" '{"error":1,"gate_failed":0,"ok":2,"repositories":3}' "$(json out/review.json "JSON.stringify(r.summary)")"
expect_eq "paths stay relative to each repository" "app/db.py" \
  "$(json out/review.json "r.repositories[0].report.findings[0].location.file")"

schema_refs=(--ref "$SOURCE_DIR/schemas/review.schema.json" --ref "$SOURCE_DIR/schemas/audit.schema.json")
for s in "$SOURCE_DIR"/schemas/audit-*.schema.json; do schema_refs+=(--ref "$s"); done
validate_batch() { node "$SOURCE_DIR/tests/tools/validate_json_schema.js" "$SOURCE_DIR/schemas/batch.schema.json" "${schema_refs[@]}" "$@"; }
expect_exit "combined review JSON matches schemas/batch.schema.json" 0 validate_batch out/review.json
# The schema is not a formality: a report without a status fails it.
node -e "const fs = require('fs'); const r = JSON.parse(fs.readFileSync('out/review.json', 'utf8'));
delete r.repositories[0].status; fs.writeFileSync('out/broken.json', JSON.stringify(r));"
expect_exit "schema rejects a repository without status" 1 validate_batch out/broken.json

# Gates: the worst over repositories. Each repository's own .copilot.yaml
# applies to its review.
printf '../repos/dirty\n../repos/clean\n' >lists/present.txt
expect_exit "no gate, no failure" 0 "$COPILOT" review --all --repos lists/present.txt -o /dev/null
expect_exit "--fail-on high fails on the dirty repository" 1 "$COPILOT" review --all --repos lists/present.txt --fail-on high --format json -o out/gate.json
expect_eq "gate statuses" "gate_failed ok" "$(json out/gate.json "r.repositories.map((x) => x.status).join(' ')")"
printf 'review:\n  fail_on: high\n' >"$dirty/.copilot.yaml"
expect_exit "the repository's own fail_on gates it" 1 "$COPILOT" review --all --repos lists/present.txt -o /dev/null
rm "$dirty/.copilot.yaml"
printf '../repos/clean\n' >lists/clean.txt
expect_exit "clean only passes the gate" 0 "$COPILOT" review --all --repos lists/clean.txt --fail-on high -o /dev/null
expect_exit "a failed repository outranks a failed gate" 3 "$COPILOT" review --all --repos lists/repos.txt --fail-on high -o /dev/null
# A repository whose own configuration is broken fails alone.
printf 'review:\n  fail_on: sometimes\n' >"$clean/.copilot.yaml"
expect_exit "a broken .copilot.yaml fails its repository" 3 "$COPILOT" review --all --repos lists/present.txt --format json -o out/badcfg.json
expect_eq "and only that one" "ok error" "$(json out/badcfg.json "r.repositories.map((x) => x.status).join(' ')")"
expect_contains "its error names the key" out/badcfg.json "key 'review.fail_on'"
rm "$clean/.copilot.yaml"

# --jobs 1 and --jobs 2 (one repository at a time, or two side by side) give
# the same report, byte for byte, in every format.
formats=$("$COPILOT" review --help | sed -n 's/.*Output: //p' | tr -d ',')
[ -n "$formats" ] || fail "no formats listed in review --help"
for fmt in $formats; do
  expect_exit "$fmt with --jobs 1" 3 "$COPILOT" --jobs 1 review --all --repos lists/repos.txt --format "$fmt" -o "out/j1.$fmt"
  expect_exit "$fmt with --jobs 2" 3 "$COPILOT" --jobs 2 review --all --repos lists/repos.txt --format "$fmt" -o "out/j2.$fmt"
  if cmp -s "out/j1.$fmt" "out/j2.$fmt"; then pass; else
    fail "$fmt differs between --jobs 1 and --jobs 2"
    diff -u "out/j1.$fmt" "out/j2.$fmt" | head -30 >&2
  fi
done
expect_contains "--jobs 2 reviews two at a time" "$SCRATCH/last.err" "review: 3 repositories, 2 at a time"

# SARIF: one run per repository, each with its own %SRCROOT%, valid for the Multitool.
expect_exit "combined SARIF validates" 0 bash "$SOURCE_DIR/tests/e2e/sarif_validate_test.sh" out/j1.sarif
expect_eq "a run per repository" "3" "$(json out/j1.sarif "r.runs.length")"
expect_eq "each run's SRCROOT is its repository" "$dirty/ $clean/ $work/repos/missing/" \
  "$(json out/j1.sarif "r.runs.map((x) => decodeURI(x.originalUriBaseIds['%SRCROOT%'].uri.replace('file://', ''))).join(' ')")"
expect_eq "result URIs relative to it" "app/db.py %SRCROOT%" \
  "$(json out/j1.sarif "r.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri + ' ' + r.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uriBaseId")"
expect_eq "the missing repository's run did not succeed" "false" \
  "$(json out/j1.sarif "r.runs[2].invocations[0].executionSuccessful")"
expect_eq "automation ids tell the runs apart" "3" \
  "$(json out/j1.sarif "new Set(r.runs.map((x) => x.automationDetails.id)).size")"

# Text and Markdown: a section per repository, then the totals.
expect_contains "text section" out/j1.text "== ../repos/dirty: ok =="
expect_contains "text error section" out/j1.text "lists/repos.txt:6: error: no such directory"
expect_contains "text counts" out/j1.text "copilot review: 3 repositories: 2 ok, 0 gate failed, 1 error"
total=$(json out/review.json "r.repositories[0].report.findings.length")
expect_eq "text totals row" "total $(json out/review.json "r.repositories[0].report.files_reviewed + r.repositories[1].report.files_reviewed") $total" \
  "$(grep -E '^  total ' out/j1.text | awk '{print $1, $2, $3}')"
expect_contains "markdown section" out/j1.markdown '### `../repos/dirty`'
expect_contains "markdown totals" out/j1.markdown "| **Total** |"
if grep -qx '## copilot review' out/j1.markdown; then fail "markdown keeps a repository's own title"; else pass; fi

# Formats for a checkout name files from the current directory.
expect_contains "GitHub annotation path" out/j1.github "file=repos/dirty/app/db.py"
expect_contains "GitHub error for the missing repository" out/j1.github \
  "::error title=copilot review::lists/repos.txt:6: ../repos/missing: no such directory"
expect_contains "Checkstyle path" out/j1.checkstyle '<file name="repos/dirty/app/db.py">'
expect_contains "Checkstyle error for the missing repository" out/j1.checkstyle '<file name="repos/missing">'
expect_eq "GitLab path" "repos/dirty/app/db.py" "$(json out/j1.gitlab "r[0].location.path")"
expect_eq "GitLab fingerprints unique" "true" "$(json out/j1.gitlab "new Set(r.map((x) => x.fingerprint)).size === r.length")"
expect_eq "JUnit: a suite per repository, one in error" "3 1" "$(/usr/bin/python3 -c '
import sys, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
print(len(root.findall("testsuite")), root.get("errors"))' out/j1.junit)"

# The list may come from stdin; its entries resolve against the current directory.
expect_exit "--repos - reads stdin" 0 bash -c "printf 'repos/clean\n' | \"\$0\" review --all --repos - --format json -o out/stdin.json" "$COPILOT"
expect_eq "stdin entry" "repos/clean stdin:1" "$(json out/stdin.json "r.repositories[0].path + ' ' + r.repositories[0].listed_at")"

# Audit: several positional paths, or --repos, give the combined report.
expect_exit "audit of two paths" 0 "$COPILOT" audit repos/dirty repos/clean --format json -o out/audit.json
expect_eq "audit command and order" "audit repos/dirty repos/clean" \
  "$(json out/audit.json "r.command + ' ' + r.repositories.map((x) => x.path).join(' ')")"
expect_exit "combined audit JSON matches the schema" 0 validate_batch out/audit.json
expect_exit "audit --repos with a missing repository" 3 "$COPILOT" audit --repos lists/repos.txt -o out/audit.text
expect_contains "audit text section" out/audit.text "== ../repos/clean: ok =="
expect_contains "audit text totals" out/audit.text "copilot audit: 3 repositories: 2 ok, 0 gate failed, 1 error"
expect_exit "audit --jobs 1" 3 "$COPILOT" --jobs 1 audit --repos lists/repos.txt --format json -o out/audit1.json
expect_exit "audit --jobs 2" 3 "$COPILOT" --jobs 2 audit --repos lists/repos.txt --format json -o out/audit2.json
if cmp -s out/audit1.json out/audit2.json; then pass; else fail "audit JSON differs between --jobs 1 and 2"; fi
expect_exit "one path keeps the usual report" 0 "$COPILOT" audit repos/clean --format json -o out/single.json
expect_eq "usual audit report" "undefined clean" "$(json out/single.json "r.repositories + ' ' + r.project")"

# Usage errors come before anything runs.
expect_exit "a repos file that does not exist" 2 "$COPILOT" review --all --repos lists/nope.txt
expect_contains "names the file" "$SCRATCH/last.err" "lists/nope.txt"
printf '# nothing\n\n' >lists/empty.txt
expect_exit "a repos file listing nothing" 2 "$COPILOT" review --all --repos lists/empty.txt
expect_contains "says it lists nothing" "$SCRATCH/last.err" "lists/empty.txt lists no repositories"
expect_exit "-C with --repos" 2 "$COPILOT" review --all -C repos/clean --repos lists/present.txt
expect_exit "--write-baseline in a batch" 2 "$COPILOT" review --all --repos lists/present.txt --write-baseline out/b.json
expect_exit "--sbom in a batch" 2 "$COPILOT" audit --sbom out/bom.json repos/dirty repos/clean
expect_exit "a bad --fail-on before any review" 2 "$COPILOT" review --all --repos lists/present.txt --fail-on sometimes
expect_not_contains "nothing ran" "$SCRATCH/last.err" "[1/2]"

finish
