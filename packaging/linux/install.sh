#!/bin/sh
# Installs smready for the current user (no root needed) from this unpacked folder:
#   ./install.sh              copy the app to ~/.local/lib/smready, put `smready` and
#                             `smready-cli` in ~/.local/bin, add it to the applications menu,
#                             and open .smready files with it when double-clicked
#   ./install.sh --uninstall  remove all of that again (your projects are not touched)
set -eu

HERE=$(cd "$(dirname "$0")" && pwd)
DATA_HOME=${XDG_DATA_HOME:-$HOME/.local/share}
BIN_DIR=$HOME/.local/bin
APP_DIR=$HOME/.local/lib/smready
SIZES="16 24 32 48 64 128 256 512"

refresh() {
    # Each is optional: without them the files are in place and a later login picks them up.
    if command -v update-mime-database >/dev/null 2>&1; then
        update-mime-database "$DATA_HOME/mime" >/dev/null 2>&1 || true
    fi
    if command -v update-desktop-database >/dev/null 2>&1; then
        update-desktop-database "$DATA_HOME/applications" >/dev/null 2>&1 || true
    fi
    if command -v gtk-update-icon-cache >/dev/null 2>&1 && [ -f "$DATA_HOME/icons/hicolor/index.theme" ]; then
        gtk-update-icon-cache -q -t "$DATA_HOME/icons/hicolor" >/dev/null 2>&1 || true
    fi
}

uninstall() {
    rm -f "$BIN_DIR/smready" "$BIN_DIR/smready-cli"
    rm -f "$DATA_HOME/applications/smready.desktop" "$DATA_HOME/mime/packages/smready.xml"
    for size in $SIZES; do
        rm -f "$DATA_HOME/icons/hicolor/${size}x${size}/apps/smready.png"
    done
    rm -f "$DATA_HOME/icons/hicolor/scalable/apps/smready.svg"
    rm -rf "$APP_DIR"
    refresh
    echo "smready removed. Your .smready projects were not touched."
}

if [ "${1:-}" = "--uninstall" ]; then
    uninstall
    exit 0
fi
if [ $# -gt 0 ]; then
    echo "usage: $0 [--uninstall]" >&2
    exit 2
fi
if [ ! -x "$HERE/smready" ] || [ ! -x "$HERE/smready-cli" ] || [ ! -d "$HERE/share" ]; then
    echo "install.sh: run it from the unpacked smready folder (smready, smready-cli, share/ missing in $HERE)" >&2
    exit 1
fi

# The app itself (a fresh copy: an older version's files must not linger).
if [ "$HERE" != "$APP_DIR" ]; then
    rm -rf "$APP_DIR.new"
    mkdir -p "$(dirname "$APP_DIR")"
    cp -R "$HERE" "$APP_DIR.new"
    rm -rf "$APP_DIR"
    mv "$APP_DIR.new" "$APP_DIR"
fi

mkdir -p "$BIN_DIR"
ln -sf "$APP_DIR/smready" "$BIN_DIR/smready"
ln -sf "$APP_DIR/smready-cli" "$BIN_DIR/smready-cli"

# Menu entry: Exec with the full path, so it works even where ~/.local/bin is not on PATH.
# Quoted (with the Desktop Entry escapes) only when the path needs it: xdg-open's own
# fallback launcher cannot read a quoted Exec.
case "$APP_DIR" in
    *[!A-Za-z0-9_./+@%:,=-]*)
        EXEC="\"$(printf '%s' "$APP_DIR/smready" | sed 's/[\\"`$]/\\\\&/g')\"" ;;
    *) EXEC="$APP_DIR/smready" ;;
esac
mkdir -p "$DATA_HOME/applications"
while IFS= read -r line; do
    case $line in
        "Exec=smready "*) printf 'Exec=%s %s\n' "$EXEC" "${line#Exec=smready }" ;;
        *) printf '%s\n' "$line" ;;
    esac
done < "$APP_DIR/share/applications/smready.desktop" > "$DATA_HOME/applications/smready.desktop"

mkdir -p "$DATA_HOME/mime/packages"
cp "$APP_DIR/share/mime/packages/smready.xml" "$DATA_HOME/mime/packages/smready.xml"

for size in $SIZES; do
    mkdir -p "$DATA_HOME/icons/hicolor/${size}x${size}/apps"
    cp "$APP_DIR/share/icons/hicolor/${size}x${size}/apps/smready.png" \
        "$DATA_HOME/icons/hicolor/${size}x${size}/apps/smready.png"
done
mkdir -p "$DATA_HOME/icons/hicolor/scalable/apps"
cp "$APP_DIR/share/icons/hicolor/scalable/apps/smready.svg" "$DATA_HOME/icons/hicolor/scalable/apps/"

refresh
# Double-clicking a .smready file opens smready (where the desktop has xdg-mime).
if command -v xdg-mime >/dev/null 2>&1; then
    xdg-mime default smready.desktop application/x-smready >/dev/null 2>&1 || true
fi

echo "smready installed in $APP_DIR."
echo "Start it from your applications menu, double-click a .smready file, or run: smready"
case ":$PATH:" in
    *":$BIN_DIR:"*) ;;
    *) echo "(To run smready / smready-cli from a terminal, add $BIN_DIR to your PATH.)" ;;
esac
