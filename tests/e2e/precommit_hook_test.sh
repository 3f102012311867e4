#!/usr/bin/env bash
# The copilot-review hook from .pre-commit-hooks.yaml, run by the real
# pre-commit on real commits: a high-severity finding blocks the commit and is
# shown; the fixed file commits; only what is staged is reviewed; `args`
# changes the gate.
source "$(dirname "$0")/lib.sh"
command -v pre-commit >/dev/null || { echo "pre-commit not installed (scripts/install-test-deps.sh)" >&2; exit 1; }

# The built binary first on PATH, as an installed copilot would be.
mkdir -p "$SCRATCH/bin"
ln -s "$COPILOT" "$SCRATCH/bin/copilot"
export PATH="$SCRATCH/bin:$PATH" PRE_COMMIT_HOME="$SCRATCH/pre-commit-home"
export COPILOT_RULES_DIR="$SOURCE_DIR/rules"

# A hook repository holding a copy of this repository's hook file, as
# pre-commit would clone it from a remote.
hooks="$SCRATCH/hooks"
new_repo "$hooks"
cp "$SOURCE_DIR/.pre-commit-hooks.yaml" "$hooks/"
commit_all "$hooks" "hooks"
rev=$(git -C "$hooks" rev-parse HEAD)

repo="$SCRATCH/project"
new_repo "$repo"
write_config() {  # write_config [HOOK ARGS AS A YAML FLOW LIST]
  {
    printf 'repos:\n  - repo: %s\n    rev: %s\n    hooks:\n      - id: copilot-review\n' "$hooks" "$rev"
    [ -z "${1:-}" ] || printf '        args: %s\n' "$1"
  } >"$repo/.pre-commit-config.yaml"
}
write_config
cat >"$repo/tool.py" <<'PY'
import subprocess


def list_dir(name):
    return subprocess.run(["ls", "-l", name], check=True)
PY
cd "$repo"
expect_exit "pre-commit install" 0 pre-commit install
git add -A
expect_exit "a clean first commit passes the hook" 0 git commit -q -m "tool"
expect_contains "hook ran on the clean commit" "$SCRATCH/last.err" "copilot review"
expect_contains "and passed" "$SCRATCH/last.err" "Passed"

# A command built from user input and run through the shell.
cat >>tool.py <<'PY'


def run_user_command():
    cmd = input("command: ")
    subprocess.run(cmd, shell=True)
PY
git add tool.py
head_before=$(git rev-parse HEAD)
expect_exit "a high-severity finding blocks the commit" 1 git commit -q -m "run commands"
{ cat "$SCRATCH/last.out" "$SCRATCH/last.err"; } >"$SCRATCH/blocked.log"
expect_contains "hook reported as failed" "$SCRATCH/blocked.log" "Failed"
expect_contains "finding shown with its rule" "$SCRATCH/blocked.log" "high [py-taint-command]"
expect_contains "finding shown with its location" "$SCRATCH/blocked.log" "tool.py:10"
expect_eq "no commit was made" "$head_before" "$(git rev-parse HEAD)"

# The project may lower the gate through the hook's args.
write_config "[--fail-on, critical]"
git add -A
expect_exit "args replace the default gate" 0 git commit -q -m "run commands (critical gate)"
expect_eq "commit made under the critical gate" "$head_before" "$(git rev-parse HEAD~1)"
git reset -q --soft "$head_before"
write_config
git add -A

# Fix the file: no shell, arguments as a list.
sed -i 's/    subprocess.run(cmd, shell=True)/    subprocess.run(cmd.split(), check=True)/' tool.py
git add tool.py
expect_exit "the fixed file commits" 0 git commit -q -m "run commands without a shell"
expect_eq "commit made" "$head_before" "$(git rev-parse HEAD~1)"

# Only what is staged is reviewed: a bad unstaged edit does not block a clean
# staged change (pre-commit stashes it), and is still there afterwards.
printf '\n\ndef calc():\n    return eval(input())\n' >>tool.py
printf 'VERSION = "1.0"\n' >version.py
git add version.py
expect_exit "unstaged finding does not block" 0 git commit -q -m "version"
expect_contains "unstaged edit kept" tool.py "eval(input())"
git add tool.py
expect_exit "the same edit blocks once staged" 1 git commit -q -m "calc"

finish
