#!/usr/bin/env bash
# Runs every review benchmark and prints their Markdown tables.
# Usage (from the repository root): bench/review/setup.sh && bench/review/run_all.sh
# Env: COPILOT (default build/copilot), RUNS (default 5), BENCH_WORK (scratch dir),
#      SNAPSHOT=0 to time build/copilot and rules/ in place instead of a copy.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
require_tools bandit ast-grep django git
# One snapshot of the binary and the rules for both benchmarks.
export COPILOT
[ -z "${COPILOT_RULES_DIR:-}" ] || export COPILOT_RULES_DIR
export SNAPSHOT=0
echo "## Review benchmarks"
echo
"$BENCH_DIR/whole_tree.sh"
echo
"$BENCH_DIR/change_1000.sh"
