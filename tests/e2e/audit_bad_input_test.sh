#!/usr/bin/env bash
# Bad input never crashes the audit: each problem is a warning naming the file.
source "$(dirname "$0")/lib.sh"

dir="$SCRATCH/messy"
mkdir -p "$dir/src" "$dir/loop"
printf 'def ok():\n    return 1\n' >"$dir/src/good.py"
printf '{"name": "broken", "dependencies": {"express": ' >"$dir/package.json"
printf 'services:\n  api:\n    image: [unclosed\n' >"$dir/docker-compose.yml"
printf '[tool.poetry\nname = "x"\n' >"$dir/pyproject.toml"
printf 'x = "\xff\xfe bad bytes"\n' >"$dir/src/latin1.py"
head -c 4096 /dev/urandom >"$dir/blob.dat"
printf '\0\0\0binary' >"$dir/src/fake.py"
head -c $((6 * 1024 * 1024)) /dev/zero | tr '\0' 'a' >"$dir/src/huge.js"
ln -s .. "$dir/loop/parent"
ln -s missing-target "$dir/dangling.py"
printf 'secret\n' >"$dir/src/unreadable.py"
chmod 000 "$dir/src/unreadable.py"

expect_exit "plain directory audit completes" 0 "$COPILOT" audit --format json -o "$SCRATCH/messy.json" "$dir"
expect_contains "not a repository noted" "$SCRATCH/last.err" "not a git repository"
expect_contains "broken package.json named" "$SCRATCH/last.err" "package.json"
expect_contains "broken compose named" "$SCRATCH/last.err" "docker-compose.yml"
expect_contains "broken pyproject named" "$SCRATCH/last.err" "pyproject.toml"
expect_contains "invalid UTF-8 named" "$SCRATCH/last.err" "src/latin1.py"
expect_contains "huge file skipped" "$SCRATCH/last.err" "src/huge.js: skipped: larger than 5 MiB"
expect_contains "symlink loop not followed" "$SCRATCH/last.err" "loop/parent"
expect_contains "dangling symlink named" "$SCRATCH/last.err" "dangling.py"
if [ "$(id -u)" != 0 ]; then expect_contains "unreadable file named" "$SCRATCH/last.err" "src/unreadable.py"; fi
expect_contains "good file still counted" "$SCRATCH/messy.json" '"name": "Python"'

# Logs for CI: one JSON object per line, messages escaped.
expect_exit "json logs" 0 "$COPILOT" --log-format json audit -o /dev/null "$dir"
cp "$SCRATCH/last.err" "$SCRATCH/log.jsonl"
expect_contains "json log names the file" "$SCRATCH/log.jsonl" 'package.json:1: invalid JSON'
expect_exit "every log line is JSON" 0 /usr/bin/python3 -c 'import json,sys; [json.loads(l) for l in open(sys.argv[1])]' "$SCRATCH/log.jsonl"

# A corrupt .git: warned about, and the directory is walked instead.
repo="$SCRATCH/corrupt"
new_repo "$repo"
printf 'print(1)\n' >"$repo/a.py"
commit_all "$repo" "one"
printf 'garbage' >"$repo/.git/HEAD"
rm -f "$repo/.git/index"
expect_exit "corrupt .git still audits" 0 "$COPILOT" audit --format json -o "$SCRATCH/corrupt.json" "$repo"
expect_contains "corrupt .git named" "$SCRATCH/last.err" ".git"
expect_contains "files still counted" "$SCRATCH/corrupt.json" '"name": "Python"'

chmod 644 "$dir/src/unreadable.py"
finish
