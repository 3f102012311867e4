#!/usr/bin/env bash
# Validates SARIF with Microsoft's SARIF Multitool: every golden under
# tests/golden/review/*.sarif plus any files given as arguments. Fails on any
# error-level validation result. Each file is also checked against the SARIF
# JSON schema with ajv, because the Multitool silently skips a file it cannot
# deserialize (an unknown enum value, say) and then reports nothing at all.
set -euo pipefail

SOURCE_DIR=${SOURCE_DIR:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}
NODE_MODULES=${NODE_MODULES:-$SOURCE_DIR/node_modules}
export NODE_MODULES
package="$NODE_MODULES/@microsoft/sarif-multitool-linux"
tool="$package/Sarif.Multitool"
schema="$package/sarif-2.1.0.json"

if [[ ! -f $tool ]]; then
  echo "SARIF Multitool not found at $tool (npm install in $SOURCE_DIR)" >&2
  exit 1
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# npm does not always keep the executable bit on the bundled binary.
if [[ ! -x $tool ]] && ! chmod +x "$tool" 2>/dev/null; then
  cp "$tool" "$tmp/Sarif.Multitool" && chmod +x "$tmp/Sarif.Multitool"
  tool="$tmp/Sarif.Multitool"
fi
# The Multitool is a .NET app: keep it off ICU and telemetry so it runs the same everywhere.
export DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

shopt -s nullglob
files=("$SOURCE_DIR"/tests/golden/review/*.sarif "$@")
if ((${#files[@]} == 0)); then
  echo "no SARIF files to validate" >&2
  exit 1
fi

# Prints each error-level result of a Multitool validation log, then the counts.
count_js='
const log = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
let errors = 0, warnings = 0;
for (const run of log.runs || []) {
  const rules = (run.tool && run.tool.driver && run.tool.driver.rules) || [];
  for (const r of run.results || []) {
    const rule = rules[r.ruleIndex] || rules.find((x) => x.id === r.ruleId) || {};
    const level = r.level || (rule.defaultConfiguration && rule.defaultConfiguration.level) || "warning";
    if (level === "error") {
      errors++;
      const loc = (((r.locations || [])[0] || {}).physicalLocation || {}).region || {};
      const m = r.message || {};
      const template = m.text || ((rule.messageStrings || {})[m.id] || {}).text || m.id || "";
      const text = template.replace(/\{(\d+)\}/g, (_, n) => (m.arguments || [])[n] ?? "");
      console.log(`  error ${r.ruleId} (line ${loc.startLine || "?"}): ${text}`);
    } else if (level === "warning") {
      warnings++;
    }
  }
}
console.log(`COUNTS ${errors} ${warnings}`);
'

total_errors=0
failed=0
i=0
for f in "${files[@]}"; do
  i=$((i + 1))
  out="$tmp/$i.validation.sarif"
  if ! "$tool" validate "$f" -o "$out" --log ForceOverwrite >"$tmp/$i.log" 2>&1 || [[ ! -s $out ]]; then
    echo "FAIL $f: the Multitool did not run"
    sed 's/^/  /' "$tmp/$i.log"
    failed=$((failed + 1))
    continue
  fi
  report=$(node -e "$count_js" "$out")
  read -r _ errors warnings <<<"$(grep '^COUNTS ' <<<"$report")"
  schema_ok=1
  node "$SOURCE_DIR/tests/tools/validate_json_schema.js" "$schema" "$f" >"$tmp/$i.schema" 2>&1 || schema_ok=0
  if ((errors > 0 || schema_ok == 0)); then
    echo "FAIL $f: $errors error(s), $warnings warning(s)"
    grep -v '^COUNTS ' <<<"$report" || true
    ((schema_ok)) || grep -v '^ok ' "$tmp/$i.schema" | sed 's/^/  schema: /'
    failed=$((failed + 1))
  else
    echo "ok   $f: 0 errors, $warnings warning(s)"
  fi
  total_errors=$((total_errors + errors))
done

echo "SARIF validation: ${#files[@]} file(s), $failed failed, $total_errors error-level result(s)"
((failed == 0))
