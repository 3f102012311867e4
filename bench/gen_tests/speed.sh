#!/usr/bin/env bash
# Generation speed: a synthetic package of 10,000 functions (200 modules of 50
# typed functions with docstring examples and raise guards, plus a class per
# module), then `copilot gen-tests` without --verify, timed. Target: < 5 s.
#   bench/gen_tests/speed.sh [FUNCTIONS]
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
COPILOT=${COPILOT:-$ROOT/build/copilot}
FUNCTIONS=${1:-10000}
WORK=${WORK:-$(mktemp -d)}
tree="$WORK/synthetic"
rm -rf "$tree"
mkdir -p "$tree/pkg"
python3 - "$tree/pkg" "$FUNCTIONS" <<'PY'
import os, sys
out, total = sys.argv[1], int(sys.argv[2])
per_module = 50
open(os.path.join(out, "__init__.py"), "w").write('"""Synthetic package."""\n')
for m in range((total + per_module - 1) // per_module):
    lines = ['"""Module %d."""' % m, "from typing import List, Optional", "", "LIMIT = 100", ""]
    for f in range(min(per_module, total - m * per_module)):
        lines += [
            "",
            "def f%d_%d(count: int, names: List[str], label: Optional[str] = None, scale: float = 1.0) -> int:" % (m, f),
            '    """Counts things.',
            "",
            "    >>> f%d_%d(2, ['a'])" % (m, f),
            "    3",
            '    """',
            "    if count < 0:",
            '        raise ValueError("negative")',
            "    if len(names) > LIMIT:",
            '        raise OverflowError("too many")',
            "    return count + len(names)",
        ]
    lines += [
        "",
        "",
        "class Counter%d:" % m,
        "    def __init__(self, start: int = 0):",
        "        self.value = start",
        "",
        "    def bump(self, by: int = 1) -> int:",
        "        if by == 0:",
        '            raise ValueError("zero")',
        "        self.value += by",
        "        return self.value",
    ]
    open(os.path.join(out, "mod%03d.py" % m), "w").write("\n".join(lines) + "\n")
PY
# Wall-clock and CPU (user + system) time of the gen-tests process: on a
# shared machine the wall clock also measures everyone else's load.
python3 - "$COPILOT" "$tree" "$WORK/speed.json" "$FUNCTIONS" <<'PY'
import json, os, resource, subprocess, sys, time
copilot, tree, out, functions = sys.argv[1:5]
start = time.monotonic()
subprocess.run([copilot, "-q", "gen-tests", "-C", tree, "-f", "json", "-o", out], check=True)
wall = time.monotonic() - start
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
r = json.load(open(out))
print("functions: %s, units: %d, test files: %d, tests: %d, wall: %.2f s, cpu: %.2f s, load average: %.1f" % (
    functions, r["summary"]["units"], sum(1 for f in r["files"] if f["test_file"]), r["summary"]["tests_generated"],
    wall, usage.ru_utime + usage.ru_stime, os.getloadavg()[0]))
PY
