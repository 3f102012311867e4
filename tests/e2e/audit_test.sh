#!/usr/bin/env bash
# copilot audit on real git repositories built from the bundled examples.
source "$(dirname "$0")/lib.sh"

for app in fastapi-orders express-inventory; do
  repo="$SCRATCH/$app"
  cp -r "$SOURCE_DIR/examples/$app" "$repo"
  new_repo "$repo"
  commit_all "$repo" "initial import" 1767225600
  echo "# $app" >>"$repo/README.md"
  commit_all "$repo" "docs" 1767312000
  expect_exit "$app audit json" 0 "$COPILOT" audit --since 36500 --format json -o "$SCRATCH/$app.json" --sbom "$SCRATCH/$app.cdx.json" "$repo"
  # Golden comparison: the project name is the scratch directory's, which is stable.
  compare_golden "audit/$app.json" "$SCRATCH/$app.json"
  expect_exit "$app audit JSON matches its schema" 0 node "$SOURCE_DIR/tests/tools/validate_json_schema.js" \
    "$SOURCE_DIR/schemas/audit.schema.json" "$SCRATCH/$app.json" $(for s in "$SOURCE_DIR"/schemas/audit-*.schema.json; do echo --ref "$s"; done)
  expect_exit "$app SBOM is valid CycloneDX 1.5" 0 node "$SOURCE_DIR/tests/tools/validate_cyclonedx.js" "$SCRATCH/$app.cdx.json"
  expect_exit "$app audit text" 0 "$COPILOT" audit --since 36500 "$repo"
  expect_contains "$app text has readiness" "$SCRATCH/last.out" "Readiness:"
  expect_not_contains "$app text has no ANSI colors when piped" "$SCRATCH/last.out" $'\033['
done

# What the examples are known to contain.
expect_contains "fastapi: Alembic migrations" "$SCRATCH/fastapi-orders.json" '"tool": "alembic"'
expect_contains "fastapi: FastAPI detected" "$SCRATCH/fastapi-orders.json" '"name": "FastAPI"'
expect_contains "fastapi: postgres" "$SCRATCH/fastapi-orders.json" '"engine": "postgresql"'
expect_contains "fastapi: undocumented env var" "$SCRATCH/fastapi-orders.json" '"ORDERS_PAGE_SIZE"'
expect_not_contains "fastapi: secret never printed whole" "$SCRATCH/fastapi-orders.json" 'ghp_8'
expect_contains "express: Jest" "$SCRATCH/express-inventory.json" '"name": "Jest"'
expect_contains "express: Express" "$SCRATCH/express-inventory.json" '"name": "Express"'
expect_contains "express: no HEALTHCHECK fails readiness" "$SCRATCH/express-inventory.json" 'has no HEALTHCHECK'

# Output goes to a file atomically and stdout stays empty.
expect_exit "audit -o" 0 "$COPILOT" audit --format json -o "$SCRATCH/o.json" "$SCRATCH/fastapi-orders"
expect_eq "stdout empty with -o" "" "$(cat "$SCRATCH/last.out")"

# Configuration errors name the file, line and key, with exit code 2.
printf 'audit:\n  since_days: 30\n  colour: red\n' >"$SCRATCH/fastapi-orders/.copilot.yaml"
expect_exit "unknown config key" 2 "$COPILOT" audit "$SCRATCH/fastapi-orders"
expect_contains "config error names file, line and key" "$SCRATCH/last.err" ".copilot.yaml:3: key 'audit.colour': unknown key"
printf 'jobs: many\n' >"$SCRATCH/fastapi-orders/.copilot.yaml"
expect_exit "wrong config type" 2 "$COPILOT" audit "$SCRATCH/fastapi-orders"
expect_contains "type error names key" "$SCRATCH/last.err" "key 'jobs': expected a integer"
rm "$SCRATCH/fastapi-orders/.copilot.yaml"
expect_exit "unknown format is a usage error" 2 "$COPILOT" audit --format yaml "$SCRATCH/fastapi-orders"
expect_exit "missing path is a runtime error" 3 "$COPILOT" audit "$SCRATCH/does-not-exist"

finish
