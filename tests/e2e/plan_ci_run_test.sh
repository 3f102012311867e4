#!/usr/bin/env bash
# The CI workflow copilot plan writes for examples/fastapi-orders runs the
# project's real tests: its "Test" step's shell commands, taken from the
# generated YAML, pass when run here.
#
# Only the Test step runs. Its siblings need what this machine cannot reach:
# "Install dependencies" installs from PyPI and "Lint" runs ruff from there.
# The example's libraries come from Debian instead (scripts/install-test-deps.sh),
# and `python` is Debian's python3, as actions/setup-python provides `python`.
source "$(dirname "$0")/lib.sh"

repo="$SCRATCH/fastapi-orders"
cp -r "$SOURCE_DIR/examples/fastapi-orders" "$repo"
expect_exit "plan the CI" 0 "$COPILOT" plan --target github-actions --out "$SCRATCH/plan" "$repo"
workflow="$SCRATCH/plan/.github/workflows/ci.yml"

# Every test job's working directory and Test commands, as a script per job.
/usr/bin/python3 - "$workflow" "$SCRATCH/steps" <<'PY'
import os, sys, yaml
workflow, out = sys.argv[1], sys.argv[2]
os.makedirs(out)
jobs = yaml.safe_load(open(workflow))["jobs"]
for job_id, job in jobs.items():
    for step in job.get("steps", []):
        if step.get("name") == "Test":
            workdir = job.get("defaults", {}).get("run", {}).get("working-directory", ".")
            with open(os.path.join(out, job_id), "w") as f:
                f.write(f"cd {workdir}\n{step['run']}")
PY
expect_eq "one test job" "test-fastapi-orders" "$(ls "$SCRATCH/steps")"
expect_contains "the command is the project's own" "$SCRATCH/steps/test-fastapi-orders" "pytest"

shims="$SCRATCH/shims"
mkdir -p "$shims"
ln -s /usr/bin/python3 "$shims/python"
expect_exit "the Test step passes" 0 env -C "$repo" PATH="$shims:/usr/bin:/bin" \
  bash -eo pipefail "$SCRATCH/steps/test-fastapi-orders"
expect_contains "all the example's tests ran" "$SCRATCH/last.out" "8 passed"

# And it fails when a test does: the step is not a no-op.
sed -i 's/assert response.status_code == 200/assert response.status_code == 418/' "$repo/tests/test_health.py"
expect_exit "a failing test fails the step" 1 env -C "$repo" PATH="$shims:/usr/bin:/bin" \
  bash -eo pipefail "$SCRATCH/steps/test-fastapi-orders"

finish
