#!/usr/bin/env bash
# Fetches the source trees bench/audit_vs_cloc.sh measures:
#   - Django, as Debian's python3-django installs it (Python, JS, CSS, HTML, .po);
#   - a JavaScript/TypeScript tree from npm: rxjs, three and effect, pinned.
# Safe to re-run: anything already present is left alone.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
TREES=${TREES:-$here/.trees}
DJANGO_TREE=${DJANGO_TREE:-/usr/lib/python3/dist-packages/django}
NPM_PACKAGES=${NPM_PACKAGES:-"rxjs@7.8.2 three@0.170.0 effect@3.12.0"}

as_root() {
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  elif command -v sudo >/dev/null; then
    sudo "$@"
  else
    echo "need root for: $*" >&2
    return 1
  fi
}

if [ ! -d "$DJANGO_TREE" ]; then
  echo "== installing python3-django (Debian package)"
  as_root apt-get install -y python3-django || { as_root apt-get update && as_root apt-get install -y python3-django; }
fi
[ -d "$DJANGO_TREE" ] || { echo "Django tree not found at $DJANGO_TREE" >&2; exit 1; }
echo "django: $DJANGO_TREE ($(dpkg-query -W -f='${Version}' python3-django 2>/dev/null || echo 'version unknown'))"

npm_dir="$TREES/npm"
if [ ! -f "$npm_dir/.complete" ]; then
  command -v npm >/dev/null || { echo "npm is missing: apt-get install -y npm" >&2; exit 1; }
  echo "== npm install $NPM_PACKAGES into $npm_dir"
  mkdir -p "$npm_dir"
  # shellcheck disable=SC2086  # the package list is meant to split
  npm install --ignore-scripts --no-audit --no-fund --save-exact --prefix "$npm_dir" $NPM_PACKAGES
  touch "$npm_dir/.complete"
fi
echo "npm:    $npm_dir/node_modules ($NPM_PACKAGES)"
