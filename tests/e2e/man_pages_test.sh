#!/usr/bin/env bash
# Every subcommand that `copilot --help` lists has a page man/copilot-<sub>.1
# that mentions every long option its --help lists (nested subcommands such as
# `rules list` included), and every page renders with groff without warnings.
source "$(dirname "$0")/lib.sh"
command -v groff >/dev/null || { echo "groff not installed (scripts/install-test-deps.sh)" >&2; exit 1; }

subcommands_of() {  # subcommands_of HELP_FILE: names under "Subcommands:"
  awk '/^Subcommands:/ {on = 1; next} on && /^$/ {on = 0} on && $1 != "" {print $1}' "$1"
}
long_options_of() {  # long_options_of HELP_FILE: every --option listed
  grep -oE '^ +(-[A-Za-z],)?--[a-z][a-z0-9-]*' "$1" | sed 's/.*,//; s/^ *//' | sort -u
}

# check_page PAGE WORDS...: the options of `copilot WORDS --help` (and of its
# own subcommands) are all in PAGE, spelled as groff source spells them.
check_page() {
  local page=$1 help
  shift
  help="$SCRATCH/help.$(echo "$*" | tr ' ' _)"
  "$COPILOT" "$@" --help >"$help"
  for option in $(long_options_of "$help"); do
    expect_contains "$page documents $option (from copilot $* --help)" "$page" "${option//-/\\-}"
  done
  for nested in $(subcommands_of "$help"); do
    expect_contains "$page documents the $nested subcommand" "$page" "$nested"
    check_page "$page" "$@" "$nested"
  done
}

"$COPILOT" --help >"$SCRATCH/help.top"
subs=$(subcommands_of "$SCRATCH/help.top")
[ -n "$subs" ] || fail "no subcommands found in copilot --help"
for sub in $subs; do
  page="$SOURCE_DIR/man/copilot-$sub.1"
  if [ ! -f "$page" ]; then
    fail "copilot $sub has no manual page man/copilot-$sub.1"
    continue
  fi
  pass
  check_page "$page" "$sub"
  expect_contains "copilot.1 points to copilot-$sub(1)" "$SOURCE_DIR/man/copilot.1" "copilot\\-${sub//-/\\-} (1)"
  for section in NAME SYNOPSIS DESCRIPTION OPTIONS "EXIT STATUS" EXAMPLES "SEE ALSO"; do
    expect_contains "copilot-$sub.1 has $section" "$page" ".SH $section"
  done
done
# The overview documents the global options.
for option in $(long_options_of "$SCRATCH/help.top"); do
  expect_contains "copilot.1 documents global $option" "$SOURCE_DIR/man/copilot.1" "${option//-/\\-}"
done

# Every page renders cleanly: groff's warnings (-ww) go to stderr.
for page in "$SOURCE_DIR"/man/*.1; do
  name=$(basename "$page")
  # -P-cbou: plain text, no overstriking, so the output can be searched.
  if groff -ww -mandoc -Tutf8 -P-cbou "$page" >"$SCRATCH/$name.txt" 2>"$SCRATCH/$name.err" && [ ! -s "$SCRATCH/$name.err" ]; then
    pass
  else
    fail "$name: groff warnings"
    sed 's/^/  | /' "$SCRATCH/$name.err" >&2
  fi
  expect_contains "$name renders a NAME section" "$SCRATCH/$name.txt" "NAME"
done

finish
