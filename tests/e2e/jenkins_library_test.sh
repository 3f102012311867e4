#!/usr/bin/env bash
# The Jenkins shared library (plugins/jenkins/) and the example Jenkinsfile
# parse with Groovy, and its steps, run with real `sh` against real git
# clones and the real copilot, write SARIF and JUnit, fetch the pull request's
# target branch, and fail the build exactly when the gate trips.
source "$(dirname "$0")/lib.sh"
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/java-17-openjdk-amd64}
command -v groovy >/dev/null || { echo "groovy not installed (scripts/install-test-deps.sh)" >&2; exit 1; }

mkdir -p "$SCRATCH/bin"
ln -s "$COPILOT" "$SCRATCH/bin/copilot"
export PATH="$SCRATCH/bin:$PATH" COPILOT_RULES_DIR="$SOURCE_DIR/rules"

# origin: main is clean; feature runs a shell command read from the user;
# docs changes nothing risky.
seed="$SCRATCH/seed"
new_repo "$seed"
printf 'import subprocess\n\n\ndef list_dir(name):\n    return subprocess.run(["ls", name], check=True)\n' >"$seed/tool.py"
commit_all "$seed" "tool"
git -C "$seed" checkout -q -b feature
printf '\n\ndef run_user_command():\n    cmd = input("command: ")\n    subprocess.run(cmd, shell=True)\n' >>"$seed/tool.py"
commit_all "$seed" "run commands" 1767312000
git -C "$seed" checkout -q -b docs main
printf '# tool\n' >"$seed/README.md"
commit_all "$seed" "docs" 1767312000
git clone -q --bare "$seed" "$SCRATCH/origin.git"

# workspace NAME BRANCH: a pull request checkout as Jenkins makes it: the
# branch only, with neither main nor origin/main, so the step must fetch them.
workspace() {
  git clone -q --single-branch --branch "$2" "$SCRATCH/origin.git" "$SCRATCH/ws/$1"
  git -C "$SCRATCH/ws/$1" config user.email ci@example.com
  git -C "$SCRATCH/ws/$1" config user.name CI
}
for name in gate soft extra usage badparam; do workspace "$name" feature; done
workspace clean docs
workspace audit docs
workspace nofetch feature

# release_workspace NAME GATE: a command target whose split lives in served.json.
release_workspace() {
  mkdir -p "$SCRATCH/ws/$1"
  echo '{"stable":"v1","canary":"","canary_weight":0}' >"$SCRATCH/ws/$1/served.json"
  cat >"$SCRATCH/ws/$1/.copilot.yaml" <<YAML
release:
  environments:
    production:
      target:
        kind: command
        shift: printf '{"stable":"%s","canary":"%s","canary_weight":%s}' "\$COPILOT_RELEASE_SPLIT_STABLE" "\$COPILOT_RELEASE_SPLIT_CANARY" "\$COPILOT_RELEASE_CANARY_WEIGHT" > served.json
        observe: cat served.json
      pause: 0s
      analysis:
        - {name: smoke, kind: command, run: "$2"}
YAML
}
release_workspace release-ok "exit 0"
release_workspace release-gate "echo 5xx too high; exit 1"
release_workspace release-pause "exit 3"

pr='{"CHANGE_TARGET": "main", "CHANGE_ID": "7"}'
cat >"$SCRATCH/scenarios.json" <<JSON
[
  {"name": "gate", "step": "copilotReview", "dir": "$SCRATCH/ws/gate", "env": $pr, "params": {}},
  {"name": "soft", "step": "copilotReview", "dir": "$SCRATCH/ws/soft", "env": $pr,
   "params": {"failBuild": false, "minConfidence": 0.5}},
  {"name": "extra", "step": "copilotReview", "dir": "$SCRATCH/ws/extra", "env": $pr,
   "params": {"failOn": "critical", "format": "markdown", "output": "copilot.md",
              "sarif": "reports/it's here.sarif", "junit": null, "args": ["--agents", "security"]}},
  {"name": "clean", "step": "copilotReview", "dir": "$SCRATCH/ws/clean", "env": $pr, "params": {}},
  {"name": "nofetch", "step": "copilotReview", "dir": "$SCRATCH/ws/nofetch", "env": $pr,
   "params": {"fetchTarget": false}},
  {"name": "usage", "step": "copilotReview", "dir": "$SCRATCH/ws/usage", "env": $pr,
   "params": {"args": "--filter sometimes"}},
  {"name": "badparam", "step": "copilotReview", "dir": "$SCRATCH/ws/badparam", "env": {},
   "params": {"fail_on": "high"}},
  {"name": "audit", "step": "copilotAudit", "dir": "$SCRATCH/ws/audit", "env": {},
   "params": {"sbom": "bom.cdx.json"}},
  {"name": "release-ok", "step": "copilotRelease", "dir": "$SCRATCH/ws/release-ok", "env": {},
   "params": {"environment": "production", "version": "v2", "steps": [50, 100]}},
  {"name": "release-gate", "step": "copilotRelease", "dir": "$SCRATCH/ws/release-gate", "env": {},
   "params": {"environment": "production", "version": "v2"}},
  {"name": "release-pause", "step": "copilotRelease", "dir": "$SCRATCH/ws/release-pause", "env": {},
   "params": {"environment": "production", "version": "v2", "onPause": "abort", "failBuild": false}},
  {"name": "release-noversion", "step": "copilotRelease", "dir": "$SCRATCH/ws/release-ok", "env": {},
   "params": {"environment": "production"}}
]
JSON

# One JVM for everything: Groovy starts slowly.
out="$SCRATCH/out"
expect_exit "groovy runs the library" 0 groovy "$SOURCE_DIR/tests/tools/jenkins_steps.groovy" \
  "$SOURCE_DIR/plugins/jenkins" "$SCRATCH/scenarios.json" "$out" "$SOURCE_DIR/examples/jenkins/Jenkinsfile"
cp "$SCRATCH/last.out" "$SCRATCH/parse.txt"
for file in "$SOURCE_DIR"/plugins/jenkins/vars/*.groovy "$SOURCE_DIR/examples/jenkins/Jenkinsfile"; do
  expect_contains "$(basename "$file") parses" "$SCRATCH/parse.txt" "parse: ok $file"
done
for step in "$SOURCE_DIR"/plugins/jenkins/vars/*.groovy; do
  [ -f "${step%.groovy}.txt" ] && pass || fail "$(basename "$step") has no help file ${step%.groovy}.txt"
done

# A high finding on a pull request: reports written, then the build fails.
expect_contains "gate: error() fails the build" "$out/gate.error" "findings at or above 'high'"
expect_eq "gate: error, not a return value" "" "$(cat "$out/gate.status")"
expect_contains "gate: target branch fetched" "$out/gate.commands" "'git' 'fetch' '--no-tags' '--quiet' 'origin' '+refs/heads/main:refs/remotes/origin/main'"
expect_contains "gate: compared with the target" "$out/gate.commands" "'--base' 'origin/main'"
expect_contains "gate: SARIF written" "$SCRATCH/ws/gate/copilot.sarif" '"ruleId": "py-taint-command"'
expect_contains "gate: SARIF is 2.1.0" "$SCRATCH/ws/gate/copilot.sarif" '"version": "2.1.0"'
expect_contains "gate: JUnit written" "$SCRATCH/ws/gate/copilot-junit.xml" 'name="py-taint-command:10"'
expect_contains "gate: only the first run gates" "$out/gate.commands" "'--format' 'junit' '-o' 'copilot-junit.xml' '--fail-on' 'none'"

# failBuild: false returns 1 and logs instead of failing.
expect_eq "soft: returns the gate status" "1" "$(cat "$out/soft.status")"
expect_eq "soft: no error" "" "$(cat "$out/soft.error")"
expect_contains "soft: says why" "$out/soft.log" "findings at or above 'high'"
expect_contains "soft: min confidence passed" "$out/soft.commands" "'--min-confidence' '0.5'"

# Other gate, extra report, odd file names, no JUnit, extra arguments.
expect_eq "extra: passes under critical" "0" "$(cat "$out/extra.status")"
expect_eq "extra: no error" "" "$(cat "$out/extra.error")"
expect_contains "extra: SARIF at a quoted path" "$SCRATCH/ws/extra/reports/it's here.sarif" '"ruleId": "py-taint-command"'
expect_contains "extra: markdown report" "$SCRATCH/ws/extra/copilot.md" "py-taint-command"
[ ! -e "$SCRATCH/ws/extra/copilot-junit.xml" ] && pass || fail "extra: junit: null still wrote JUnit"
expect_contains "extra: args passed" "$out/extra.commands" "'--agents' 'security'"

# A clean change passes and still leaves (empty) reports to record.
expect_eq "clean: returns 0" "0" "$(cat "$out/clean.status")"
expect_eq "clean: no error" "" "$(cat "$out/clean.error")"
expect_contains "clean: empty SARIF" "$SCRATCH/ws/clean/copilot.sarif" '"results": []'
expect_contains "clean: JUnit" "$SCRATCH/ws/clean/copilot-junit.xml" 'failures="0"'

# Without the fetch the target is unknown: copilot's usage error fails the build.
expect_contains "nofetch: exit status 2 fails the build" "$out/nofetch.error" "exit status 2"
expect_not_contains "nofetch: no fetch" "$out/nofetch.commands" "'git' 'fetch'"
expect_contains "usage: bad argument fails the build" "$out/usage.error" "exit status 2"
expect_contains "usage: copilot's message in the log" "$out/usage.log" "unknown --filter 'sometimes'"
expect_contains "badparam: unknown parameter named" "$out/badparam.error" "unknown parameter(s) fail_on"
expect_eq "badparam: nothing run" "" "$(cat "$out/badparam.commands")"

expect_eq "audit: returns 0" "0" "$(cat "$out/audit.status")"
expect_contains "audit: JSON report" "$SCRATCH/ws/audit/copilot-audit.json" '"schema_version"'
expect_contains "audit: SBOM" "$SCRATCH/ws/audit/bom.cdx.json" '"bomFormat": "CycloneDX"'

# copilotRelease: promoted, rolled back on a failed gate, aborted when paused.
expect_eq "release-ok: returns 0" "0" "$(cat "$out/release-ok.status")"
expect_contains "release-ok: steps passed" "$out/release-ok.commands" "'--steps' '50,100'"
expect_contains "release-ok: v2 serves" "$SCRATCH/ws/release-ok/served.json" '"stable":"v2","canary":"","canary_weight":0'
expect_contains "release-ok: events kept" "$SCRATCH/ws/release-ok/copilot-release-events.jsonl" '"event":"release_succeeded"'
expect_contains "release-gate: build fails" "$out/release-gate.error" "a gate failed for v2 in production"
expect_contains "release-gate: back on v1" "$SCRATCH/ws/release-gate/served.json" '"stable":"v1","canary":"v2","canary_weight":0'
expect_eq "release-pause: returns 4" "4" "$(cat "$out/release-pause.status")"
expect_contains "release-pause: aborted" "$out/release-pause.commands" "'release' 'abort' '--env' 'production'"
expect_contains "release-pause: events say aborted" "$SCRATCH/ws/release-pause/copilot-release-events.jsonl" '"event":"release_aborted"'
expect_contains "release-noversion: refused" "$out/release-noversion.error" "environment and version are required"

finish
