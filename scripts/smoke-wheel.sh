#!/usr/bin/env bash
# Smoke test of the wheel, as `pip install smready` would give it: builds dist/*.whl, installs
# it into a new venv in a temp folder, and from there, in a clean environment (`env -i`, HOME
# in a temp folder, run from outside the checkout) checks that `smready-cli` validates, scores
# and exports both bundled examples (PDF read back with pdftotext, DOCX and HTML searched for
# the organization's name) and that the `smready` app starts (offscreen) and opens one to its
# first paint and built workspace.
#
#   scripts/smoke-wheel.sh [WHEEL]      (default: build one with pip wheel into a temp folder)
set -euo pipefail
REPO=$(cd "$(dirname "$0")/.." && pwd)
PYTHON=${PYTHON:-python3}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
fail() { echo "smoke-wheel: FAIL: $*" >&2; exit 1; }
step() { echo "smoke-wheel: $*"; }

if [ $# -ge 1 ]; then
  WHEEL=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
else
  "$REPO/.venv/bin/python" -m pip wheel -q --no-deps --no-build-isolation -w "$WORK/wheel" "$REPO" \
    || fail "could not build the wheel"
  WHEEL=$(ls "$WORK"/wheel/smready-*.whl)
fi
step "wheel: $(basename "$WHEEL")"

"$PYTHON" -m venv "$WORK/venv"
"$WORK/venv/bin/python" -m pip install -q "$WHEEL" 2>&1 | grep -v "^WARNING: Location" || true
[ -x "$WORK/venv/bin/smready-cli" ] && [ -x "$WORK/venv/bin/smready" ] \
  || fail "the wheel did not install smready and smready-cli"

mkdir -p "$WORK/home" "$WORK/run"
clean() { (cd "$WORK/run" && env -i HOME="$WORK/home" PATH=/usr/bin:/bin LANG=C.UTF-8 "$@"); }
VPY="$WORK/venv/bin/python"

# The data must come from the installed package, not from this checkout.
data=$(clean "$VPY" -c 'from smready import paths; print(paths.resources_dir()); print(paths.examples_dir())')
case "$data" in
  "$WORK/venv/"*) ;;
  *) fail "the installed package found its data outside the venv: $data" ;;
esac
step "data found in the installed package: $(echo "$data" | head -1)"
EXAMPLES=$(echo "$data" | tail -1)

for stem in cafe-aurora harbour-food-bank; do
  project="$EXAMPLES/$stem.smready"
  org=$("$PYTHON" -c 'import json, sys; print(json.load(open(sys.argv[1], encoding="utf-8"))["organization"]["name"])' "$project")
  out=$(clean "$WORK/venv/bin/smready-cli" validate "$project") || fail "validate $stem: exit $?"
  [ "$out" = "$project: OK" ] || fail "validate $stem printed: $out"
  overall=$(clean "$WORK/venv/bin/smready-cli" score "$project" --json \
    | "$PYTHON" -c 'import json, sys; print(json.load(sys.stdin)["overall"])') \
    || fail "score --json $stem"
  step "$stem: validate OK, score --json overall $overall"
  for fmt in pdf docx html; do
    target="$WORK/run/$stem.$fmt"
    clean "$WORK/venv/bin/smready-cli" export "$project" --doc policy --format "$fmt" \
      -o "$target" > /dev/null 2> "$WORK/err.txt" || fail "export $stem $fmt: $(cat "$WORK/err.txt")"
    case $fmt in
      pdf) text=$(pdftotext "$target" -) ;;
      docx) text=$("$PYTHON" -c 'import sys, zipfile; print(zipfile.ZipFile(sys.argv[1]).read("word/document.xml").decode())' "$target") ;;
      html) text=$(cat "$target") ;;
    esac
    grep -qF "$org" <<<"$text" || fail "$stem.$fmt does not name $org"
    step "$stem policy.$fmt names $org"
  done
done

# The app: the installed entry point's code, offscreen, opening an example; the first-paint
# probe of benchmarks/bench_startup.py reports PAINTED, then READY once the workspace is built.
probe=$(cd "$REPO/benchmarks" && "$PYTHON" -c 'import bench_startup; print(bench_startup.FIRST_PAINT)')
app_out=$(clean QT_QPA_PLATFORM=offscreen timeout 120 "$VPY" -c "$probe
from smready.app import main
sys.exit(main(['smready', '$EXAMPLES/cafe-aurora.smready']))" 2>&1) || fail "the app: $app_out"
grep -q PAINTED <<<"$app_out" && grep -q READY <<<"$app_out" || fail "the app did not paint: $app_out"
step "the app painted its window and built its workspace"
echo "smoke-wheel: all checks passed"
