"""Labels and the scroll area every page uses: light enough for the start page, which
paints before the rest of the UI is imported."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QSizePolicy, QWidget

from smready.ui.styles import TITLE, heading_font

READABLE_CHARS = 72
"""About 70 characters a line: the width of the middle column."""


def readable_width(widget: QWidget, chars: int = READABLE_CHARS) -> int:
    metrics = widget.fontMetrics()
    # Measured on running text: averageCharWidth() is far too narrow for some fonts.
    sample = "the quick brown fox jumps over a lazy dog, then rests. "
    return int(metrics.horizontalAdvance(sample) / len(sample) * chars)


def heading(text: str, size_delta: float = TITLE, parent: QWidget | None = None) -> QLabel:
    """A bold label a few points larger than the body text."""
    label = QLabel(text, parent)
    label.setTextFormat(Qt.TextFormat.PlainText)  # never markup: it may quote a name typed
    label.setFont(heading_font(label.font(), size_delta))
    label.setWordWrap(True)
    label.setAccessibleName(text)
    return label


def body_label(text: str = "", parent: QWidget | None = None, *,
               selectable: bool = True) -> QLabel:
    """A word-wrapped paragraph; selectable (advice people copy) unless told otherwise."""
    label = QLabel(text, parent)
    label.setTextFormat(Qt.TextFormat.PlainText)  # never markup: it may quote a name typed
    label.setWordWrap(True)
    if selectable:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
    return label


def plain_tooltip(text: str) -> str:
    """``text`` as a tooltip that shows it as typed: Qt renders a tooltip that looks like
    markup (a file named ``<b>x.smready``) as rich text, images from this computer included."""
    if not GuiQt.mightBeRichText(text):
        return text
    return GuiQt.convertFromPlainText(text, Qt.WhiteSpaceMode.WhiteSpacePre)


def muted(label: QLabel) -> QLabel:
    """Greyed secondary text that still reads in both palettes."""
    palette = label.palette()
    palette.setColor(QPalette.ColorRole.WindowText,
                     palette.color(QPalette.ColorRole.PlaceholderText))
    label.setPalette(palette)
    return label


def scrolling(widget: QWidget) -> QScrollArea:
    """``widget`` in a frameless vertical scroll area."""
    area = QScrollArea()
    area.setWidget(widget)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    return area


def separator() -> QFrame:
    line = QFrame()
    line.setFrameShape(QFrame.Shape.HLine)
    line.setFrameShadow(QFrame.Shadow.Sunken)
    return line
