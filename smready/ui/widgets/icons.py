"""Hand-written SVG icons from ``resources/icons``, drawn in the palette's text colour.

The SVG files use ``currentColor``; the icon engine substitutes the colour of the current
application palette each time it paints, so icons follow a light/dark switch without reloading.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QByteArray, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QGuiApplication, QIcon, QIconEngine, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer

from smready.paths import resource


@cache
def _svg_source(name: str) -> str:
    return resource("icons", f"{name}.svg").read_text(encoding="utf-8")


def _color_for(mode: QIcon.Mode) -> str:
    palette = QGuiApplication.palette()
    if mode is QIcon.Mode.Disabled:
        return palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText).name()
    if mode is QIcon.Mode.Selected:
        return palette.color(QPalette.ColorRole.HighlightedText).name()
    return palette.color(QPalette.ColorRole.WindowText).name()


class _SvgIconEngine(QIconEngine):
    def __init__(self, name: str) -> None:
        super().__init__()
        self._name = name

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        svg = _svg_source(self._name).replace("currentColor", _color_for(mode))
        renderer = QSvgRenderer(QByteArray(svg.encode("utf-8")))
        renderer.render(painter, QRectF(rect))

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        pixmap = QPixmap(size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.paint(painter, QRect(0, 0, size.width(), size.height()), mode, state)
        painter.end()
        return pixmap

    def clone(self) -> QIconEngine:
        return _SvgIconEngine(self._name)


def icon(name: str) -> QIcon:
    """The icon ``resources/icons/<name>.svg``; an empty icon if the file is missing."""
    try:
        _svg_source(name)
    except OSError:
        return QIcon()
    return QIcon(_SvgIconEngine(name))
