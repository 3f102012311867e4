#!/usr/bin/env bash
# Validates the JSON review report against schemas/review.schema.json: the
# goldens of the json format (tests/golden/review/*.json.json; the other
# *.json goldens are GitLab reports with their own shape) plus any files given
# as arguments.
set -euo pipefail

SOURCE_DIR=${SOURCE_DIR:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}
NODE_MODULES=${NODE_MODULES:-$SOURCE_DIR/node_modules}
export NODE_MODULES

shopt -s nullglob
files=("$SOURCE_DIR"/tests/golden/review/*.json.json "$@")
if ((${#files[@]} == 0)); then
  echo "no review JSON files to validate" >&2
  exit 1
fi
node "$SOURCE_DIR/tests/tools/validate_json_schema.js" "$SOURCE_DIR/schemas/review.schema.json" "${files[@]}"
