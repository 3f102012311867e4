#!/usr/bin/env bash
# Installs everything copilot needs to build, test and benchmark on Debian 12.
# Idempotent: packages already present are skipped by apt, npm ci is reproducible.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(
  build-essential cmake ninja-build ccache pkg-config git clang-format
  libcli11-dev libgit2-dev libcurl4-openssl-dev nlohmann-json3-dev libyaml-cpp-dev
  libspdlog-dev libfmt-dev libgtest-dev libgmock-dev libre2-dev libtbb-dev libxxhash-dev
  libsqlite3-dev libpq-dev libcpp-httplib-dev libkainjow-mustache-dev libpugixml-dev libjwt-dev libssl-dev
  python3 cloc
)

missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# The machine image carries Node.js and npm; Debian's npm is only a fallback.
command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)
if ((${#missing[@]})); then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# Tree-sitter runtime and grammars, pinned in package-lock.json.
if [ ! -f node_modules/.package-lock.json ] || ! cmp -s package-lock.json node_modules/.lock-stamp; then
  npm ci --no-audit --no-fund --loglevel=error
  cp package-lock.json node_modules/.lock-stamp
fi
