#!/usr/bin/env bash
# Runs every review benchmark and prints their Markdown tables.
# Usage (from the repository root): bench/review/setup.sh && bench/review/run_all.sh
# Env: COPILOT (default build/copilot), RUNS (default 5), BENCH_WORK (scratch dir).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
echo "## Review benchmarks"
echo
"$here/whole_tree.sh"
echo
"$here/change_1000.sh"
