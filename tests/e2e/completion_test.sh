#!/usr/bin/env bash
# `copilot completion bash|zsh`: the scripts really complete, in bash and zsh,
# the subcommands, options and option values the binary defines.
source "$(dirname "$0")/lib.sh"
command -v zsh >/dev/null || { echo "zsh not installed (scripts/install-test-deps.sh)" >&2; exit 1; }

expect_exit "bash script" 0 "$COPILOT" completion bash -o "$SCRATCH/copilot.bash"
expect_exit "zsh script" 0 "$COPILOT" completion zsh -o "$SCRATCH/_copilot"
expect_exit "unknown shell is a usage error" 2 "$COPILOT" completion fish
expect_exit "no shell is a usage error" 2 "$COPILOT" completion
"$COPILOT" completion bash >"$SCRATCH/stdout.bash"
expect_eq "stdout and -o give the same script" "" "$(diff "$SCRATCH/copilot.bash" "$SCRATCH/stdout.bash")"

# bash: call the completion function as readline would, one line per candidate.
# It runs in its own bash, without this script's `set -e`, as in a shell.
complete_bash() {  # complete_bash WORDS... (the last word is the one being completed)
  COMP_LINE="$*" bash --norc -c '
    source "$1"; shift
    COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1))
    _copilot copilot "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
    printf "%s\n" "${COMPREPLY[@]}"' _ "$SCRATCH/copilot.bash" "$@" >"$SCRATCH/reply" 2>"$SCRATCH/reply.err"
  cat "$SCRATCH/reply"
}
expect_eq "copilot rev -> review" "review" "$(complete_bash copilot rev)"
expect_eq "copilot review --fa -> --fail-on" "--fail-on" "$(complete_bash copilot review --fa)"
expect_eq "nothing on stderr" "" "$(cat "$SCRATCH/reply.err")"
expect_eq "every subcommand" "$(sed -n '/^Subcommands:/,/^$/p' <("$COPILOT" --help) | awk 'NF {print $1}' | tail -n +2 | sort)" \
  "$(complete_bash copilot '' | sort)"
expect_eq "nested subcommands" "list" "$(complete_bash copilot rules li)"
expect_eq "options of a nested subcommand" "--rules" "$(complete_bash copilot rules test --r)"
expect_eq "choices of an option" "json text" "$(complete_bash copilot --log-format '' | sort | tr '\n' ' ' | sed 's/ $//')"
expect_eq "choices after --option=" "json" "$(complete_bash copilot --log-format = j)"
expect_eq "choices of a positional" "zsh" "$(complete_bash copilot completion z)"
expect_eq "global options before the subcommand" "--log-format" "$(complete_bash copilot --log-f)"
expect_eq "an option's value is not taken for a subcommand" "review" \
  "$(complete_bash copilot --config audit rev)"
mkdir -p "$SCRATCH/work/reports" && touch "$SCRATCH/work/reports/base.json"
cd "$SCRATCH/work"
expect_eq "file names for an option that takes a file" "reports/base.json" \
  "$(complete_bash copilot review --baseline reports/b)"
expect_eq "file names for positional paths" "reports" "$(complete_bash copilot review rep)"
expect_eq "no file names where the command takes none" "" "$(complete_bash copilot rules rep)"

# Every option that `copilot review --help` lists is offered.
for option in $("$COPILOT" review --help | grep -oE '^ +(-[A-Za-z],)?--[a-z][a-z0-9-]*' | sed 's/.*,//; s/^ *//'); do
  if complete_bash copilot review -- | grep -qxF -- "$option"; then pass; else fail "review option $option not offered"; fi
done

# zsh: the script parses, and its function offers the same candidates. The
# completion system's builtins are replaced by recorders, since they only run
# inside a completion widget.
expect_exit "zsh -n parses the script" 0 zsh -n "$SCRATCH/_copilot"
expect_contains "zsh script is a compdef file" "$SCRATCH/_copilot" "#compdef copilot"
complete_zsh() {  # complete_zsh WORDS...
  zsh -f -c '
    script=$1; shift
    compadd() { [[ $1 == -- ]] && shift; print -l -- "$@" }
    _describe() { local -a items; items=("${(@P)${@[-1]}}"); print -l -- "${items[@]%%:*}" }
    _files() { print -- "<files>" }
    compset() { return 0 }
    # Sourcing runs the file as autoload does: define _copilot, then call it.
    words=("$@"); CURRENT=$#
    source "$script"' _ "$SCRATCH/_copilot" "$@" 2>&1
}
expect_eq "zsh: copilot rev -> review" "review" "$(complete_zsh copilot rev | grep '^rev')"
expect_eq "zsh: copilot review --fa -> --fail-on" "--fail-on" "$(complete_zsh copilot review --fa | grep '^--fa')"
expect_eq "zsh: nested subcommands" "list" "$(complete_zsh copilot rules li | grep '^li')"
expect_eq "zsh: choices" "json text" "$(complete_zsh copilot --log-format '' | sort | tr '\n' ' ' | sed 's/ $//')"
expect_eq "zsh: choices after --option=" "json text" \
  "$(complete_zsh copilot --log-format=j | sort | tr '\n' ' ' | sed 's/ $//')"
expect_eq "zsh: files for an option's value" "<files>" "$(complete_zsh copilot review --baseline '')"
expect_contains "zsh: subcommands carry their summary" "$SCRATCH/_copilot" "'review:Review a change"

# zsh for real: an interactive zsh in a pseudo-terminal loads _copilot from
# fpath through compinit; each line is typed with a Tab, then run. copilot is
# a function there that prints the words it got, i.e. the completed line.
mkdir -p "$SCRATCH/fpath" && cp "$SCRATCH/_copilot" "$SCRATCH/fpath/"
cat >"$SCRATCH/drive.zsh" <<'ZSH'
zmodload zsh/zpty
zpty -b z zsh -f -i
zpty -w z "PS1='%% '; fpath=($1 \$fpath); autoload -U compinit; compinit -u -D; copilot() { print -r -- \"ARGS:[\$*]\" }"
shift
for line in "$@"; do
  zpty -w -n z "$line"$'\t'
  sleep 0.5
  zpty -w -n z $'\r'
  sleep 0.5
done
zpty -w z 'exit'
sleep 1
out=""
while zpty -r -t z chunk; do out+=$chunk; done
print -r -- "$out"
zpty -d z
ZSH
timeout 60 zsh -f "$SCRATCH/drive.zsh" "$SCRATCH/fpath" 'copilot rev' 'copilot review --fa' 'copilot --log-format j' \
  'copilot rules li' 2>&1 | tr -d '\r' | grep -ao 'ARGS:\[[^]]*\]' >"$SCRATCH/zsh-lines" || true
expect_contains "zsh compsys: copilot rev<Tab>" "$SCRATCH/zsh-lines" "ARGS:[review]"
expect_contains "zsh compsys: copilot review --fa<Tab>" "$SCRATCH/zsh-lines" "ARGS:[review --fail-on]"
expect_contains "zsh compsys: choices" "$SCRATCH/zsh-lines" "ARGS:[--log-format json]"
expect_contains "zsh compsys: nested subcommands" "$SCRATCH/zsh-lines" "ARGS:[rules list]"

finish
