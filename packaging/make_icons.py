"""Renders the application icon (packaging/smready.svg) with Qt, at build time.

    python packaging/make_icons.py OUTDIR

writes ``OUTDIR/hicolor/<N>x<N>/apps/smready.png`` for N in 16..512 and
``OUTDIR/hicolor/scalable/apps/smready.svg`` (the freedesktop icon theme layout, for
install.sh), ``OUTDIR/smready.ico`` (Windows) and ``OUTDIR/smready.icns`` (macOS).
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
SVG = Path(__file__).resolve().parent / "smready.svg"


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print("usage: make_icons.py OUTDIR", file=sys.stderr)
        return 2
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QImageWriter, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication([argv[0]])
    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        print(f"make_icons: cannot read {SVG}", file=sys.stderr)
        return 1

    def render(size: int) -> QImage:
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        return image

    out = Path(argv[1])
    for size in SIZES:
        folder = out / "hicolor" / f"{size}x{size}" / "apps"
        folder.mkdir(parents=True, exist_ok=True)
        if not render(size).save(str(folder / "smready.png"), "PNG"):
            print(f"make_icons: cannot write {folder / 'smready.png'}", file=sys.stderr)
            return 1
    scalable = out / "hicolor" / "scalable" / "apps"
    scalable.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(SVG, scalable / "smready.svg")
    formats = {bytes(f.data()).decode() for f in QImageWriter.supportedImageFormats()}
    for name, fmt, size in (("smready.ico", "ico", 256), ("smready.icns", "icns", 512)):
        if fmt in formats:
            render(size).save(str(out / name), fmt.upper())
    del app
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
