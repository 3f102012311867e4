#!/usr/bin/env bash
# What the LLM layer costs per request apart from the provider's own time,
# and what a cache lookup costs: the layer runs against a transport that
# answers at once (tests/unit/llm_bench_test.cpp). Targets: under 1 ms per
# request, under 100 us per cache hit. Usage: bench/llm/overhead.sh [BUILD_DIR]
set -euo pipefail
cd "$(dirname "$0")/../.."
BUILD_DIR=${1:-build}
ninja -C "$BUILD_DIR" llm_bench_test >/dev/null
binary=$(find "$BUILD_DIR" -name llm_bench_test -type f -perm -u+x | head -1)
"$binary" --gtest_also_run_disabled_tests --gtest_filter='LlmBench.*' | grep -E '^(layer|cache)|OK|FAILED'
