#!/usr/bin/env bash
# gen-tests on real Python packages from Debian: copies each package's sources
# into a scratch tree (so the installed copy is never touched), runs
# `copilot gen-tests --verify --coverage` on it, and prints per package the
# share of generated files that collect, the share of kept tests that pass,
# and the line coverage gained. Extra arguments go to gen-tests (for example
# --characterize).
#   bench/gen_tests/python_packages.sh [--characterize]
# Needs: python3-pytest python3-coverage and the packages below (installed
# with apt-get if missing).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
COPILOT=${COPILOT:-$ROOT/build/copilot}
WORK=${WORK:-$(mktemp -d)}
DIST=/usr/lib/python3/dist-packages
# Debian package: the import packages it installs.
PACKAGES=(
  "python3-more-itertools:more_itertools"
  "python3-slugify:slugify"
  "python3-humanize:humanize"
  "python3-attr:attr attrs"
  "python3-markupsafe:markupsafe"
)

missing=()
for entry in python3-pytest python3-coverage "${PACKAGES[@]%%:*}"; do
  dpkg-query -W -f='${Status}' "$entry" 2>/dev/null | grep -q "install ok installed" || missing+=("$entry")
done
if ((${#missing[@]})); then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

printf '%-22s %6s %9s %9s %7s %7s %9s %11s %9s\n' package files collect% collected passed removed kept-pass% first-pass% coverage
for entry in "${PACKAGES[@]}"; do
  deb=${entry%%:*}
  tree="$WORK/$deb"
  rm -rf "$tree"
  mkdir -p "$tree"
  for module in ${entry#*:}; do cp -r "$DIST/$module" "$tree/"; done
  find "$tree" -name __pycache__ -prune -exec rm -rf {} +
  "$COPILOT" -q gen-tests -C "$tree" --verify --coverage "$@" -f json -o "$tree/gen-tests.json" || {
    echo "$deb: gen-tests failed" >&2
    continue
  }
  /usr/bin/python3 - "$deb" "$tree/gen-tests.json" <<'PY'
import json, sys
name, path = sys.argv[1], sys.argv[2]
r = json.load(open(path))
v, c = r["verify"], r.get("coverage", {"before": 0, "after": 0})
kept = v["collected"] - v["removed"] - v["skipped"]
print("%-22s %6d %8.1f%% %9d %7d %7d %9.1f%% %10.1f%% %4.1f->%.1f%%" % (
    name, v["files_run"], 100.0 * v["files_collected"] / max(v["files_run"], 1), v["collected"], v["passed"],
    v["removed"], 100.0 * v["passed"] / max(kept, 1),
    100.0 * (v["collected"] - v["removed"] - v["skipped"]) / max(v["collected"] - v["skipped"], 1),
    c["before"], c["after"]))
PY
done
echo "trees and JSON summaries: $WORK"
