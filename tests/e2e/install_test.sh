#!/usr/bin/env bash
# `cmake --install` lays out a working copilot: the binary, the built-in rules
# it finds on its own, every manual page, and the bash and zsh completions the
# build generated from the binary.
source "$(dirname "$0")/lib.sh"

# The binary sits at the top of its build directory.
build_dir=${BUILD_DIR:-$(dirname "$COPILOT")}
[ -f "$build_dir/CMakeCache.txt" ] || { echo "no CMake build directory at $build_dir" >&2; exit 1; }
prefix="$SCRATCH/prefix"
expect_exit "cmake --install" 0 cmake --install "$build_dir" --prefix "$prefix"

expect_exit "installed binary runs" 0 "$prefix/bin/copilot" --version
for page in "$SOURCE_DIR"/man/*.1; do
  installed="$prefix/share/man/man1/$(basename "$page")"
  if cmp -s "$page" "$installed"; then pass; else fail "$(basename "$page") not installed to share/man/man1"; fi
done
expect_eq "no other pages installed" "$(ls "$SOURCE_DIR/man")" "$(ls "$prefix/share/man/man1")"

bash_completion="$prefix/share/bash-completion/completions/copilot"
zsh_completion="$prefix/share/zsh/site-functions/_copilot"
"$COPILOT" completion bash >"$SCRATCH/expected.bash"
"$COPILOT" completion zsh >"$SCRATCH/expected.zsh"
if cmp -s "$SCRATCH/expected.bash" "$bash_completion"; then pass; else fail "bash completion missing or stale at $bash_completion"; fi
if cmp -s "$SCRATCH/expected.zsh" "$zsh_completion"; then pass; else fail "zsh completion missing or stale at $zsh_completion"; fi
expect_eq "installed bash completion loads and completes" "review" \
  "$(bash --norc -c 'source "$1"; COMP_WORDS=(copilot rev); COMP_CWORD=1; _copilot; echo "${COMPREPLY[*]}"' _ "$bash_completion")"

# Without COPILOT_RULES_DIR the installed binary uses share/copilot/rules, not
# the source tree it was built from: a rule removed there is gone.
unset COPILOT_RULES_DIR
expect_exit "installed rules validate" 0 "$prefix/bin/copilot" rules validate --rules "$prefix/share/copilot/rules"
mkdir -p "$SCRATCH/plain" && printf 'import shelve\n\n\ndef load(path):\n    return shelve.open(path)\n' >"$SCRATCH/plain/x.py"
expect_exit "installed binary reviews" 0 "$prefix/bin/copilot" review --all -C "$SCRATCH/plain" --format json \
  -o "$SCRATCH/before.json"
expect_contains "with the installed rules" "$SCRATCH/before.json" '"rule_id": "py-shelve-open"'
rm "$prefix/share/copilot/rules/python/security/py-shelve-open.yaml"
expect_exit "review without that rule" 0 "$prefix/bin/copilot" review --all -C "$SCRATCH/plain" --format json \
  -o "$SCRATCH/after.json"
expect_not_contains "a rule removed from the installed copy is gone" "$SCRATCH/after.json" \
  '"rule_id": "py-shelve-open"'

finish
