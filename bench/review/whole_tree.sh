#!/usr/bin/env bash
# Whole-tree review of the Python sources installed by Debian's python3-django:
# copilot (all agents, and security only) vs bandit -r vs ast-grep scan with
# the same number of Python rules. One hyperfine run, side by side.
# Targets: copilot >= 5x faster than bandit; no slower than ast-grep.
# Env: COPILOT (default build/copilot), RUNS (default 5), BENCH_WORK (scratch dir).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
require_tools bandit ast-grep django

TREE=$(django_py_tree)
OUT="$BENCH_WORK/whole_tree"
mkdir -p "$OUT"
SGCONFIG="$BENCH_DIR/sgconfig.yml"

ALL_AGENTS=security,style,logic,performance
cmd_copilot="$COPILOT review --all -C $TREE --agents $ALL_AGENTS --format json -o /dev/null"
cmd_copilot_sec="$COPILOT review --all -C $TREE --agents security --format json -o /dev/null"
cmd_bandit="bandit -r -q -f json -o /dev/null $TREE"
cmd_sg="$AST_GREP scan -c $SGCONFIG --json=compact $TREE"

# Rule counts: copilot's Python query rules (all agents / security only), the
# ast-grep rules written to match them, bandit's loaded tests.
"$COPILOT" rules list >"$OUT/rules.txt"
n_py=$(awk '$1 ~ /^py-/ && $4 != "taint"' "$OUT/rules.txt" | wc -l)
n_py_sec=$(awk '$1 ~ /^py-/ && $2 == "security" && $4 != "taint"' "$OUT/rules.txt" | wc -l)
n_taint=$(taint_rule_count)  # all taint rules belong to the security agent
n_sg=$(find "$BENCH_DIR/astgrep-rules" -name '*.yml' | wc -l)
n_bandit=$(bandit -h 2>/dev/null | sed -n '/tests were discovered/,$p' | grep -cE '^\s*B[0-9]{3}' || true)
if [ "$n_py" != "$n_sg" ]; then
  missing=$(comm -3 <(awk '$1 ~ /^py-/ && $4 != "taint" {print $1}' "$OUT/rules.txt" | sort) \
                    <(find "$BENCH_DIR/astgrep-rules" -name '*.yml' -exec basename {} .yml \; | sort) | tr -s ' \t\n' ' ')
  echo "warning: copilot has $n_py py-* rules but bench/review/astgrep-rules has $n_sg (differ: $missing)" >&2
fi

# Findings and peak RSS: one extra run of each, outside the timed runs.
facts="$OUT/facts.tsv"
: >"$facts"
measure_ok 0 /dev/null $COPILOT review --all -C "$TREE" --agents $ALL_AGENTS --format json -o "$OUT/copilot.json"
printf 'copilot (all agents)\t%s\t%s\t%s py query + %s taint rules\n' "$RSS_KIB" "$(count_findings "$OUT/copilot.json" copilot)" "$n_py" "$n_taint" >>"$facts"
measure_ok 0 /dev/null $COPILOT review --all -C "$TREE" --agents security --format json -o "$OUT/copilot-security.json"
printf 'copilot (security)\t%s\t%s\t%s py security query + %s taint rules\n' "$RSS_KIB" "$(count_findings "$OUT/copilot-security.json" copilot)" "$n_py_sec" "$n_taint" >>"$facts"
measure_ok "0 1" /dev/null bandit -r -q -f json -o "$OUT/bandit.json" "$TREE"
printf 'bandit -r\t%s\t%s\t%s tests\n' "$RSS_KIB" "$(count_findings "$OUT/bandit.json" bandit)" "$n_bandit" >>"$facts"
measure_ok 0 "$OUT/ast-grep.json" $cmd_sg
printf 'ast-grep scan\t%s\t%s\t%s rules\n' "$RSS_KIB" "$(count_findings "$OUT/ast-grep.json" ast-grep)" "$n_sg" >>"$facts"

hyperfine -N -i --warmup 1 --runs "$RUNS" --style none --export-json "$OUT/hyperfine.json" \
  -n 'copilot (all agents)' "$cmd_copilot" \
  -n 'copilot (security)' "$cmd_copilot_sec" \
  -n 'bandit -r' "$cmd_bandit" \
  -n 'ast-grep scan' "$cmd_sg" >"$OUT/hyperfine.txt"

files=$(find "$TREE" -name '*.py' | wc -l)
lines=$(find "$TREE" -name '*.py' -print0 | xargs -0 cat | wc -l)
echo "### Whole tree: $files Python files, $lines lines (python3-django $(dpkg-query -W -f='${Version}' python3-django 2>/dev/null || echo '?'))"
echo
python3 "$BENCH_DIR/table.py" "$OUT/hyperfine.json" "$facts" 'copilot (all agents)'
echo
python3 - "$OUT/hyperfine.json" <<'PY'
import json, statistics, sys
r = {x["command"]: statistics.median(x["times"]) for x in json.load(open(sys.argv[1]))["results"]}
cp, sec, b, sg = r["copilot (all agents)"], r["copilot (security)"], r["bandit -r"], r["ast-grep scan"]
def verdict(ok): return "met" if ok else "MISSED"
print(f"- Target ≥5× faster than bandit: all agents {b / cp:.2f}× ({verdict(b / cp >= 5)}), "
      f"security only {b / sec:.2f}× ({verdict(b / sec >= 5)}).")
print(f"- Target no slower than ast-grep: copilot/ast-grep = {cp / sg:.2f} ({verdict(cp <= sg)}).")
PY
echo
echo "$(machine_line); $RUNS runs after 1 warm-up."
