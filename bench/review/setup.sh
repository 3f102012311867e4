#!/usr/bin/env bash
# Install the tools the review benchmarks compare against (idempotent).
#   bandit, hyperfine, python3-django (the tree under test), GNU time  -> apt-get
#   ast-grep                                                          -> npm, into bench/.tools (git-ignored)
# Run from the repository root.
set -euo pipefail
cd "$(git rev-parse --show-toplevel 2>/dev/null || pwd)"

need_apt=()
command -v bandit    >/dev/null 2>&1 || need_apt+=(bandit)
command -v hyperfine >/dev/null 2>&1 || need_apt+=(hyperfine)
[ -x /usr/bin/time ]                 || need_apt+=(time)
[ -d /usr/lib/python3/dist-packages/django ] || need_apt+=(python3-django)
if [ ${#need_apt[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}"
fi

SG=bench/.tools/node_modules/.bin/ast-grep
if [ ! -x "$SG" ]; then
  mkdir -p bench/.tools
  npm install --no-save --no-audit --no-fund --prefix bench/.tools @ast-grep/cli >/dev/null
fi

echo "bandit:    $(bandit --version 2>/dev/null | head -1)"
echo "hyperfine: $(hyperfine --version)"
echo "ast-grep:  $("$SG" --version)"
echo "django:    $(dpkg-query -W -f='${Version}' python3-django 2>/dev/null || echo '?')"
