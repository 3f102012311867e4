#!/usr/bin/env bash
# Sets everything up on a fresh Debian 12 machine, builds copilot and runs it on
# the bundled examples.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh
for app in examples/*/; do
  echo "== copilot audit ${app}"
  ./build/copilot audit --no-git "$app" || true
done
