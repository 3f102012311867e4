#!/usr/bin/env bash
# copilot gen-tests on a small Python package (tests/fixtures/gentests): the
# generated files are compared with goldens and run with the real pytest;
# --verify, --characterize, --coverage, merging, --force, --changed-since,
# --matrix and bad input are checked on a real git repository.
source "$(dirname "$0")/lib.sh"
PYTHON=/usr/bin/python3
"$PYTHON" -m pytest --version >/dev/null 2>&1 || { echo "pytest missing (scripts/install-test-deps.sh)" >&2; exit 1; }
command -v python3-coverage >/dev/null || { echo "python3-coverage missing (scripts/install-test-deps.sh)" >&2; exit 1; }

repo="$SCRATCH/shop"
cp -r "$SOURCE_DIR/tests/fixtures/gentests" "$repo"
new_repo "$repo"
commit_all "$repo" "shop"
out="$repo/tests/generated"
pytest_in() {  # pytest_in DIR ARGS...: the real pytest, run as a user would from the repository
  local dir=$1
  shift
  (cd "$dir" && PYTHONDONTWRITEBYTECODE=1 "$PYTHON" -m pytest -q -p no:cacheprovider "$@")
}

# Generation alone: one file per testable module, bad modules skipped with their reasons.
expect_exit "gen-tests" 0 "$COPILOT" gen-tests -C "$repo"
cp "$SCRATCH/last.out" "$SCRATCH/summary.txt"
compare_golden "gen-tests/summary.txt" "$SCRATCH/summary.txt"
for module in pricing cart textutil files; do
  compare_golden "gen-tests/test_shop_$module.py.txt" "$out/test_shop_$module.py"
done
expect_contains "syntax error skipped with its line" "$SCRATCH/summary.txt" "shop/broken.py: skipped (syntax error at line 1)"
expect_contains "import-time side effects skipped" "$SCRATCH/summary.txt" "shop/startup.py: skipped (module has import-time side effects"
expect_eq "no test file for the broken module" "no" "$([ -e "$out/test_shop_broken.py" ] && echo yes || echo no)"
expect_contains "*args-only function gets a skeleton" "$out/test_shop_textutil.py" 'takes only *args/**kwargs'
expect_contains "effectful function is not called" "$out/test_shop_files.py" 'its code uses open()'
for f in "$out"/*.py; do
  expect_exit "$(basename "$f") compiles" 0 "$PYTHON" -m py_compile "$f"
done

# Unverified, a boundary row fails for real (remove() on an empty cart raises KeyError),
# and the module with a missing dependency does not collect.
expect_exit "unverified tests run and one fails" 1 pytest_in "$repo" tests/generated --continue-on-collection-errors
expect_contains "the failure is the KeyError" "$SCRATCH/last.out" "KeyError"

# --verify takes the failing tests out and keeps what passes.
expect_exit "gen-tests --verify" 0 "$COPILOT" gen-tests -C "$repo" --verify -f json -o "$SCRATCH/verify.json"
expect_exit "verify JSON matches its schema" 0 node "$SOURCE_DIR/tests/tools/validate_json_schema.js" \
  "$SOURCE_DIR/schemas/gen-tests.schema.json" "$SCRATCH/verify.json"
verify_field() { "$PYTHON" -c "import json,sys; print(json.load(open(sys.argv[1]))['verify'][sys.argv[2]])" "$SCRATCH/verify.json" "$1"; }
expect_eq "every file but one collected" "$(($(verify_field files_run) - 1))" "$(verify_field files_collected)"
expect_contains "a module that does not import is reported" "$SCRATCH/verify.json" \
  "did not collect: ModuleNotFoundError: No module named 'copilot_fixture_missing_package'"
expect_eq "... and its test file taken back" "no" "$([ -e "$out/test_shop_optional_dep.py" ] && echo yes || echo no)"
expect_eq "failing tests (table rows) removed" "10" "$(verify_field removed)"
compare_golden "gen-tests/test_shop_cart.verified.py.txt" "$out/test_shop_cart.py"
expect_contains "removal leaves a tombstone" "$out/test_shop_cart.py" "# copilot-gen: removed Cart.remove:boundary (failed under --verify: KeyError"
expect_exit "verified tests pass under pytest" 0 pytest_in "$repo" tests/generated
expect_contains "pytest summary" "$SCRATCH/last.out" "$(verify_field passed) passed, $(verify_field skipped) skipped"

# Merging: the user's own test in a generated file stays, a deleted generated
# test comes back, a removed one does not.
cat >>"$out/test_shop_pricing.py" <<'EOF'


def test_my_own_case():
    assert pricing.add_vat(0) == 0
EOF
"$PYTHON" - "$out/test_shop_pricing.py" <<'EOF'
import re, sys
path = sys.argv[1]
text = open(path).read()
text = re.sub(r"# copilot-gen: begin cheapest:boundary\n.*?# copilot-gen: end cheapest:boundary\n", "", text, flags=re.S)
open(path, "w").write(text)
EOF
expect_exit "gen-tests merges" 0 "$COPILOT" gen-tests -C "$repo"
expect_contains "merge adds the missing test" "$SCRATCH/last.out" "shop/pricing.py -> tests/generated/test_shop_pricing.py: merged, 1 test added"
expect_contains "the user's test is kept" "$out/test_shop_pricing.py" "def test_my_own_case():"
expect_eq "the deleted test is back once" "1" "$(grep -c 'begin cheapest:boundary' "$out/test_shop_pricing.py")"
expect_eq "the removed test stays removed" "0" "$(grep -c 'begin Cart.remove:boundary' "$out/test_shop_cart.py")"
expect_contains "other files unchanged" "$SCRATCH/last.out" "shop/cart.py -> tests/generated/test_shop_cart.py: unchanged, 0 tests added"

# A test file that copilot did not write is never replaced, even with --force.
printf 'def test_mine():\n    assert True\n' >"$out/test_shop_files.py"
expect_exit "gen-tests --force" 0 "$COPILOT" gen-tests -C "$repo" --force
expect_contains "user file reported" "$SCRATCH/last.out" "shop/files.py: skipped (a test file that copilot gen-tests did not write is there"
expect_eq "user file untouched" "$(printf 'def test_mine():\n    assert True')" "$(cat "$out/test_shop_files.py")"
expect_contains "--force replaces generated files" "$SCRATCH/last.out" "test_shop_cart.py: replaced"
expect_eq "--force brings removed tests back" "1" "$(grep -c 'begin Cart.remove:boundary' "$out/test_shop_cart.py")"
expect_not_contains "--force drops the user's additions to generated files" "$out/test_shop_pricing.py" "test_my_own_case"

# --characterize records what pure functions return; --coverage measures the gain.
rm -rf "$out"
expect_exit "gen-tests --characterize --verify --coverage" 0 "$COPILOT" gen-tests -C "$repo" --characterize --verify --coverage \
  -f json -o "$SCRATCH/full.json" --matrix "$SCRATCH/matrix"
expect_exit "full JSON matches its schema" 0 node "$SOURCE_DIR/tests/tools/validate_json_schema.js" \
  "$SOURCE_DIR/schemas/gen-tests.schema.json" "$SCRATCH/full.json"
expect_contains "untyped function characterized" "$out/test_shop_textutil.py" 'pytest.param((), {"name": "hello world"}, '"'"'HW'"'"', id="name:many"),'
expect_contains "recorded exception" "$out/test_shop_cart.py" "begin Cart.gross:characterized-raises"
expect_not_contains "random is not characterized" "$out/test_shop_textutil.py" "begin pick:characterized"
expect_contains "why pick was left out" "$out/test_shop_textutil.py" "uses random.choice"
"$PYTHON" - "$SCRATCH/full.json" >"$SCRATCH/coverage.txt" <<'EOF'
import json, sys
r = json.load(open(sys.argv[1]))
files = {f["source"]: f.get("coverage") for f in r["files"]}
print("pricing", files["shop/pricing.py"]["before"] > 0, files["shop/pricing.py"]["after"] == 100.0)
print("cart", files["shop/cart.py"]["before"] == 0, files["shop/cart.py"]["after"] > 80)
print("total", r["coverage"]["after"] > r["coverage"]["before"] + 50, r["coverage"]["statements"] > 50)
EOF
expect_eq "coverage before (own tests) and after" "$(printf 'pricing True True\ncart True True\ntotal True True')" "$(cat "$SCRATCH/coverage.txt")"
expect_exit "characterized tests pass under pytest" 0 pytest_in "$repo" tests/generated
expect_contains "matrix markdown" "$SCRATCH/matrix.md" "| shop/textutil.py | initials | initials:characterized | characterized | passed |"
expect_contains "matrix json" "$SCRATCH/matrix.json" '"schema_version": "1.0"'

# --changed-since: only the units whose lines changed.
commit_all "$repo" "generated tests"
sed -i 's/return f"{cents \/\/ 100}/return f"{cents \/\/ 100:d}/' "$repo/shop/pricing.py"
expect_exit "gen-tests --changed-since" 0 "$COPILOT" gen-tests -C "$repo" --changed-since HEAD --out changed -f json -o "$SCRATCH/changed.json"
expect_eq "only the changed module" "test_shop_pricing.py" "$(ls "$repo/changed")"
expect_contains "the changed function is tested" "$repo/changed/test_shop_pricing.py" "begin format_cents:doctest"
expect_not_contains "unchanged functions are not" "$repo/changed/test_shop_pricing.py" "add_vat"

# Usage errors.
expect_exit "unknown revision" 2 "$COPILOT" gen-tests -C "$repo" --changed-since no-such-rev
expect_contains "names the revision" "$SCRATCH/last.err" "unknown revision 'no-such-rev'"
expect_exit "missing path" 2 "$COPILOT" gen-tests -C "$repo" shop/nothing.py
expect_exit "unknown framework" 2 "$COPILOT" gen-tests -C "$repo" --framework nose
plain="$SCRATCH/plain"
cp -r "$SOURCE_DIR/tests/fixtures/gentests" "$plain"
expect_exit "--changed-since outside git" 2 "$COPILOT" gen-tests -C "$plain" --changed-since HEAD
expect_exit "explicit path only" 0 "$COPILOT" gen-tests -C "$plain" shop/cart.py
expect_eq "one file for one path" "test_shop_cart.py" "$(ls "$plain/tests/generated")"

finish
