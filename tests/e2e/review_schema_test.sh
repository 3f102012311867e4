#!/usr/bin/env bash
# Validates the JSON review report against schemas/review.schema.json: the
# goldens of the json format (tests/golden/review/*.json.json; the other
# *.json goldens are GitLab reports with their own shape) plus any files given
# as arguments. The combined golden (batch.json.json) is checked against
# schemas/batch.schema.json, which holds review reports.
set -euo pipefail

SOURCE_DIR=${SOURCE_DIR:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}
NODE_MODULES=${NODE_MODULES:-$SOURCE_DIR/node_modules}
export NODE_MODULES
schemas="$SOURCE_DIR/schemas"
validate="$SOURCE_DIR/tests/tools/validate_json_schema.js"

shopt -s nullglob
files=("$@")
for f in "$SOURCE_DIR"/tests/golden/review/*.json.json; do
  [[ $(basename "$f") == batch.* ]] || files+=("$f")
done
if ((${#files[@]} == 0)); then
  echo "no review JSON files to validate" >&2
  exit 1
fi
node "$validate" "$schemas/review.schema.json" "${files[@]}"
node "$validate" "$schemas/batch.schema.json" --ref "$schemas/review.schema.json" --ref "$schemas/audit.schema.json" \
  $(for s in "$schemas"/audit-*.schema.json; do echo --ref "$s"; done) "$SOURCE_DIR/tests/golden/review/batch.json.json"
