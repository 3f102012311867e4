#!/usr/bin/env bash
# Sets everything up on a fresh Debian 12 machine, builds copilot and runs it on
# the bundled examples: the audit, a whole-tree review and a delivery plan of each.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh
plans=$(mktemp -d)
for app in examples/*/; do
  # examples/github and examples/jenkins hold CI configuration, not services.
  case $app in examples/github/ | examples/jenkins/) continue ;; esac
  echo "== copilot audit ${app}"
  ./build/copilot audit --no-git "$app"
  echo
  echo "== copilot review --all ${app}"
  # Exit code 1 means the gate found high-severity findings, which the examples plant on purpose.
  ./build/copilot review --all -C "$app" --fail-on high || [ $? -eq 1 ]
  echo
  echo "== copilot plan ${app}"
  ./build/copilot plan --no-git --out "$plans/$(basename "$app")" "$app"
  echo
done
echo "Plans written under $plans"
