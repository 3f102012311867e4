#!/usr/bin/env bash
# Sets everything up on a fresh Debian 12 machine, builds copilot twice (normal,
# then AddressSanitizer + UndefinedBehaviorSanitizer) and runs the whole test
# suite against both builds. Exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/install-test-deps.sh

echo "== formatting"
scripts/check-format.sh

echo "== build"
scripts/build.sh
echo "== tests"
ctest --test-dir build --output-on-failure -j"$(nproc)"

echo "== build with sanitizers"
BUILD_DIR=build-asan BUILD_TYPE=Debug scripts/build.sh -DCOPILOT_SANITIZE=ON
echo "== tests with sanitizers"
ASAN_OPTIONS=detect_leaks=0:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --test-dir build-asan --output-on-failure -j"$(nproc)"
