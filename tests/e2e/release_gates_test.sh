#!/usr/bin/env bash
# copilot release judges the readiness gates copilot plan writes against the
# CI run's real artifacts (pytest's JUnit XML, copilot's SARIF and SBOM)
# before any traffic moves, honours waivers, and reports the change risk
# score that --auto-steps turns into steps.
source "$(dirname "$0")/lib.sh"

REPO="$SCRATCH/repo"
new_repo "$REPO"
cd "$REPO"
cat >.copilot.yaml <<'YAML'
release:
  environments:
    prod:
      target:
        kind: command
        shift: printf '{"stable":"%s","canary":"%s","canary_weight":%s}' "$COPILOT_RELEASE_SPLIT_STABLE" "$COPILOT_RELEASE_SPLIT_CANARY" "$COPILOT_RELEASE_CANARY_WEIGHT" > served.json
        observe: cat served.json
      pause: 0s
      analysis:
        - {name: smoke, kind: command, run: "true"}
YAML
cat >copilot-gates.yaml <<'YAML'
schema_version: "1.0"
gates:
  - id: tests-pass
    check: tests
    description: "The CI test jobs pass"
    commands: ["python3 -m pytest"]
  - id: no-critical-findings
    check: review
    description: "No critical review finding"
    fail_on: critical
  - id: sbom-present
    check: sbom
    description: "A CycloneDX SBOM was produced"
    path: sbom.cdx.json
waivers:
  - gate: sbom-present
    reason: "SBOM upload moved to the nightly job last quarter"
    expires: "2020-01-31"
YAML
printf 'def add(a, b):\n    return a + b\n' >calc.py
printf 'from calc import add\n\n\ndef test_add():\n    assert add(2, 3) == 5\n' >test_calc.py
printf 'served.json\n.copilot/\n*.xml\n*.sarif\nsbom.cdx.json\n__pycache__/\n' >.gitignore
commit_all "$REPO" "calculator"
printf 'def sub(a, b):\n    return a - b\n' >>calc.py
commit_all "$REPO" "subtraction" 1767312000
echo '{"stable":"v1","canary":"","canary_weight":0}' >served.json
JOURNAL=.copilot/releases/prod/journal.jsonl

# No artifacts at all: every gate fails, nothing moves, no release is recorded.
expect_exit "no artifacts" 1 "$COPILOT" release --env prod --version v2
expect_contains "refused before traffic" "$SCRATCH/last.err" "readiness gates failed"
expect_contains "tests gate says why" "$SCRATCH/last.err" "readiness tests-pass: FAIL"
expect_contains "expired waiver named" "$SCRATCH/last.err" "expired 2020-01-31"
expect_contains "still v1" served.json '"stable":"v1","canary":"","canary_weight":0'
[ ! -e "$JOURNAL" ] && pass || fail "a refused release was journaled"

# Real artifacts: pytest's JUnit, copilot's own SARIF and SBOM.
/usr/bin/python3 -m pytest -q --junitxml=junit.xml >/dev/null
"$COPILOT" review --all --format sarif -o copilot-review.sarif . >/dev/null 2>&1 || true
expect_exit "SBOM still missing" 1 "$COPILOT" release --env prod --version v2
expect_contains "only the SBOM fails" "$SCRATCH/last.err" "readiness sbom-present: FAIL"
expect_contains "tests pass" "$SCRATCH/last.err" "readiness tests-pass: pass"

# A command-line waiver lets it through, and is recorded with the release.
expect_exit "waived" 0 "$COPILOT" release --env prod --version v2 --events "$SCRATCH/ev.jsonl" \
  --waive "sbom-present=SBOM job is down, tracked in OPS-7"
expect_contains "waiver reported" "$SCRATCH/last.err" "readiness sbom-present: waived"
expect_contains "risk reported" "$SCRATCH/last.err" "change risk"
expect_contains "waiver in the journal" "$JOURNAL" "SBOM job is down, tracked in OPS-7"
expect_contains "readiness in the events" "$SCRATCH/ev.jsonl" '"readiness":{"gates":'
expect_contains "v2 serves" served.json '"stable":"v2","canary":"","canary_weight":0'

# With the SBOM, every gate passes; --auto-steps takes the risk's steps.
"$COPILOT" audit --sbom sbom.cdx.json -o /dev/null . 2>/dev/null
expect_exit "all gates pass" 0 "$COPILOT" release --env prod --version v3 --auto-steps --format json
expect_contains "auto steps applied" "$SCRATCH/last.err" "risk "
expect_contains "sbom passes" "$SCRATCH/last.err" "readiness sbom-present: pass"

# Bad input.
expect_exit "bad waiver" 2 "$COPILOT" release --env prod --version v4 --waive "no reason"
expect_contains "bad waiver message" "$SCRATCH/last.err" "is not GATE=REASON"
expect_exit "unknown gate waived" 2 "$COPILOT" release --env prod --version v4 --waive "coverage=why not"
expect_exit "missing gates file" 2 "$COPILOT" release --env prod --version v4 --gates nowhere.yaml
expect_contains "missing gates file message" "$SCRATCH/last.err" "--gates: nowhere.yaml: not found"
printf 'schema_version: "1.0"\ngates:\n  - id: x\n    check: smoke\n    description: d\nwaivers: []\n' >bad-gates.yaml
expect_exit "bad gates file" 2 "$COPILOT" release --env prod --version v4 --gates bad-gates.yaml
expect_contains "bad gates file names the line" "$SCRATCH/last.err" "bad-gates.yaml:4"
expect_exit "bad base" 2 "$COPILOT" release --env prod --version v4 --base no-such-rev

finish
