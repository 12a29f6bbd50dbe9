#!/usr/bin/env bash
# Installs the Debian packages smready needs (Qt's xcb libraries, WeasyPrint's Pango,
# fonts including a Bengali one, Xvfb and poppler for the tests). As root it installs what
# is missing with apt-get; otherwise it names what is missing and the command to run.
set -euo pipefail

PKGS=(
  # Qt (PySide6) on X11 and offscreen
  libgl1 libegl1 libglib2.0-0 libdbus-1-3 libfontconfig1 libxkbcommon0 libxkbcommon-x11-0
  libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0
  libxcb-shape0 libxcb-xinerama0 libxcb-randr0 libxcb-xfixes0
  # WeasyPrint
  libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0
  # Fonts the documents name: Latin/Cyrillic/Greek/Hebrew/Arabic, Bengali, emoji
  fonts-dejavu-core fonts-lohit-beng-bengali fonts-noto-color-emoji
  # Tests and screenshots: a virtual screen and a PDF reader
  xvfb xauth poppler-utils
)
# `make bundle` and scripts/smoke-bundle.sh (`system-deps.sh bundle`): PyInstaller reads
# binaries with objdump; the smoke test finds the app's window with xwininfo.
if [ "${1:-}" = "bundle" ]; then
  PKGS+=(binutils x11-utils)
fi

missing=()
for pkg in "${PKGS[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$pkg")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
  echo "Installing system packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  echo "smready needs these Debian packages, which are not installed:" >&2
  echo "  ${missing[*]}" >&2
  echo "Install them with:" >&2
  echo "  sudo apt-get install ${missing[*]}" >&2
  exit 1
fi
