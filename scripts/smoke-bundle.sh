#!/usr/bin/env bash
# Smoke test of the built bundle (`make bundle`), as a user would run it: a clean environment
# (`env -i`, no venv on PATH, HOME in a temp folder), the examples shipped in the bundle.
#
#   scripts/smoke-bundle.sh [BUNDLE_DIR]        (default dist/smready)
#
# Checks: `smready-cli validate`, `score --json` and `export` of every example to PDF, DOCX
# and HTML (the organization's name read back from each, the PDF with pdftotext); that
# WeasyPrint used the bundle's own Pango; a bad file gets one line on stderr and exit 1;
# and the app, started under Xvfb with an example, shows its window titled with the
# organization's name.
set -euo pipefail

BUNDLE=$(cd "${1:-dist/smready}" 2>/dev/null && pwd) || {
  echo "smoke-bundle: no bundle at ${1:-dist/smready} (run make bundle)" >&2; exit 1; }
for exe in smready smready-cli; do
  [ -x "$BUNDLE/$exe" ] || { echo "smoke-bundle: $BUNDLE/$exe missing" >&2; exit 1; }
done
for tool in pdftotext python3 xvfb-run xwininfo; do
  command -v "$tool" >/dev/null || {
    echo "smoke-bundle: $tool is needed (bash scripts/system-deps.sh bundle)" >&2; exit 1; }
done

WORK=$(mktemp -d)
GUI_PID=""
cleanup() {
  if [ -n "$GUI_PID" ]; then kill "$GUI_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT
mkdir -p "$WORK/home" "$WORK/My Projects" "$WORK/out"
# The examples the bundle ships, copied to a folder with a space in its name.
cp "$BUNDLE"/_internal/examples/*.smready "$WORK/My Projects/"

clean() { env -i HOME="$WORK/home" PATH=/usr/bin:/bin LANG=C.UTF-8 "$@"; }
fail() { echo "smoke-bundle: FAIL: $*" >&2; exit 1; }
step() { echo "smoke-bundle: $*"; }

org_name() {
  python3 -c 'import json, sys; print(json.load(open(sys.argv[1], encoding="utf-8"))["organization"]["name"])' "$1"
}
# The policy's title in the project's document language (the examples are in en, fi and bn).
policy_title() {
  python3 -c 'import json, sys; print({"fi": "Sosiaalisen median ohje", "bn": "সোশ্যাল মিডিয়া নীতিমালা"}.get(json.load(open(sys.argv[1], encoding="utf-8")).get("language", "en"), "social media policy"))' "$1"
}
examples=("$WORK/My Projects"/*.smready)
[ ${#examples[@]} -ge 2 ] || fail "the bundle ships fewer than two examples"
[ -f "$WORK/My Projects/cafe-aurora.smready" ] || fail "the bundle does not ship cafe-aurora"

for project in "${examples[@]}"; do
  stem=$(basename "$project" .smready)
  org=$(org_name "$project")
  [ -n "$org" ] || fail "$stem names no organization"
  title=$(policy_title "$project")

  out=$(clean "$BUNDLE/smready-cli" validate "$project") || fail "validate $stem: exit $?"
  [ "$out" = "$project: OK" ] || fail "validate $stem printed: $out"
  step "validate $stem: OK"

  clean "$BUNDLE/smready-cli" score "$project" --json > "$WORK/out/$stem.json" \
    || fail "score $stem: exit $?"
  python3 - "$WORK/out/$stem.json" <<'PY' || fail "score --json $stem: not a score"
import json, sys
data = json.load(open(sys.argv[1], encoding="utf-8"))
results = data if isinstance(data, list) else [data]
overall = results[0]["overall"]
assert 0 <= overall <= 100, overall
print(f"smoke-bundle: score --json: overall {overall}")
PY

  for fmt in pdf docx html; do
    target="$WORK/out/$stem policy.$fmt"
    if [ "$fmt" = pdf ]; then
      # LD_DEBUG lists every library the loader starts: Pango must be the bundle's own.
      clean LD_DEBUG=libs "$BUNDLE/smready-cli" export "$project" --doc policy --format pdf \
        -o "$target" 2> "$WORK/out/ld.log" >/dev/null || fail "export $stem pdf: exit $?"
      grep -q "calling init: $BUNDLE/_internal/libpango-1.0.so" "$WORK/out/ld.log" \
        || fail "export $stem pdf did not use the bundle's libpango"
      text=$(pdftotext "$target" -)
    else
      clean "$BUNDLE/smready-cli" export "$project" --doc policy --format "$fmt" -o "$target" \
        >/dev/null 2> "$WORK/out/err.txt" || fail "export $stem $fmt: exit $?"
      [ ! -s "$WORK/out/err.txt" ] || fail "export $stem $fmt wrote to stderr: $(cat "$WORK/out/err.txt")"
      if [ "$fmt" = docx ]; then
        text=$(python3 -c 'import sys, zipfile; print(zipfile.ZipFile(sys.argv[1]).read("word/document.xml").decode())' "$target")
      else
        text=$(cat "$target")
      fi
    fi
    grep -qF "$org" <<<"$text" || fail "$stem policy.$fmt does not name $org"
    grep -qiF "$title" <<<"$text" || fail "$stem policy.$fmt has no title ($title)"
    step "export $stem policy.$fmt ($(wc -c < "$target") bytes): names $org"
  done
  clean "$BUNDLE/smready-cli" export "$project" --doc report --format pdf \
    -o "$WORK/out/$stem report.pdf" >/dev/null 2> "$WORK/out/err.txt" \
    || fail "export $stem report: exit $?"
  [ ! -s "$WORK/out/err.txt" ] || fail "export $stem report wrote to stderr: $(cat "$WORK/out/err.txt")"
  grep -qF "$org" <<<"$(pdftotext "$WORK/out/$stem report.pdf" -)" \
    || fail "$stem report.pdf does not name $org"
  step "export $stem report.pdf: names $org"
done

# A damaged file: exit 1, one line on stderr naming the file, no traceback.
printf '{"schema_version": 1, "organization": ' > "$WORK/My Projects/broken.smready"
if clean "$BUNDLE/smready-cli" validate "$WORK/My Projects/broken.smready" \
    > /dev/null 2> "$WORK/out/err.txt"; then
  fail "validate accepted a broken file"
fi
[ "$(wc -l < "$WORK/out/err.txt")" -eq 1 ] && grep -q "broken.smready" "$WORK/out/err.txt" \
  && ! grep -q Traceback "$WORK/out/err.txt" || fail "broken file: $(cat "$WORK/out/err.txt")"
step "broken file refused: $(cat "$WORK/out/err.txt")"

# install.sh: a per-user install into the temp HOME (menu entry, MIME type, icons, bin links).
if [ -x "$BUNDLE/install.sh" ]; then
  clean sh "$BUNDLE/install.sh" > /dev/null || fail "install.sh: exit $?"
  LOCAL="$WORK/home/.local"
  for f in bin/smready bin/smready-cli share/applications/smready.desktop \
      share/mime/packages/smready.xml share/icons/hicolor/16x16/apps/smready.png \
      share/icons/hicolor/512x512/apps/smready.png share/icons/hicolor/scalable/apps/smready.svg; do
    [ -e "$LOCAL/$f" ] || fail "install.sh did not install ~/.local/$f"
  done
  grep -qx "Exec=$LOCAL/lib/smready/smready %f" "$LOCAL/share/applications/smready.desktop" \
    || fail "install.sh: wrong Exec line in smready.desktop"
  grep -qx "MimeType=application/x-smready;" "$LOCAL/share/applications/smready.desktop" \
    || fail "install.sh: smready.desktop does not open application/x-smready"
  out=$(clean "$LOCAL/bin/smready-cli" validate "$WORK/My Projects/cafe-aurora.smready") \
    || fail "installed smready-cli: exit $?"
  step "install.sh: installed in ~/.local; the installed smready-cli runs ($out)"
  clean sh "$LOCAL/lib/smready/install.sh" --uninstall > /dev/null || fail "install.sh --uninstall"
  [ ! -e "$LOCAL/bin/smready" ] && [ ! -e "$LOCAL/lib/smready" ] \
    && [ ! -e "$LOCAL/share/applications/smready.desktop" ] || fail "--uninstall left files"
  step "install.sh --uninstall: removed"
fi

# The app under Xvfb with an example: its main window, titled with the organization's name.
export BUNDLE WORK
xvfb-run -a -s "-screen 0 1280x800x24" bash -c '
  set -u
  env -i HOME="$WORK/home" PATH=/usr/bin:/bin LANG=C.UTF-8 DISPLAY="$DISPLAY" \
    XAUTHORITY="${XAUTHORITY:-}" "$BUNDLE/smready" "$WORK/My Projects/cafe-aurora.smready" \
    > "$WORK/out/gui.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 120); do
    if xwininfo -root -tree 2>/dev/null | grep -q "\"Café Aurora — smready\""; then
      # The app starts its render workers right after the first paint: they must run as
      # workers, not as more app windows (one window of class smready, still this title).
      sleep "${SMOKE_HOLD:-6}"
      windows=$(xwininfo -root -tree | grep "(\"smready\" \"smready\")" | grep -vc " 1x1+" || true)
      title_ok=$(xwininfo -root -tree | grep -c "\"Café Aurora — smready\"" || true)
      kill "$pid"; wait "$pid" 2>/dev/null
      if [ "$windows" -ne 1 ] || [ "$title_ok" -lt 1 ]; then
        echo "expected one app window titled Café Aurora — smready, found $windows app windows:"
        xwininfo -root -tree | grep "smready"
        exit 1
      fi
      exit 0
    fi
    kill -0 "$pid" 2>/dev/null || { echo "app exited early"; cat "$WORK/out/gui.log"; exit 1; }
    sleep 0.5
  done
  echo "no window after 60 s"; xwininfo -root -tree | grep -i smready; kill "$pid"; exit 1
' || fail "the app did not show its window: see above"
grep -q Traceback "$WORK/out/gui.log" && fail "the app printed a traceback: $(cat "$WORK/out/gui.log")"
step "app window shown: \"Café Aurora — smready\""
echo "smoke-bundle: all checks passed ($BUNDLE)"
