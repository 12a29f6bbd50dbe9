"""What a person would call a cut-off label, measured on live widgets."""

from __future__ import annotations

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QAbstractButton, QCheckBox, QLabel, QRadioButton, QWidget


def _outside(widget: QWidget, root: QWidget) -> QWidget | None:
    """The first ancestor (up to ``root``) that ``widget`` sticks out of to the left or right.
    Vertically a page may be taller than its scroll area (it scrolls); sideways it may not:
    the scroll areas have no horizontal scroll bar, so what sticks out is cut off."""
    parent = widget.parentWidget()
    while parent is not None:
        left = widget.mapTo(parent, QPoint(0, 0)).x()
        if left < -1 or left + widget.width() > parent.width() + 1:
            return parent
        if parent is root:
            return None
        parent = parent.parentWidget()
    return None


def _text(widget: QWidget) -> str:
    if isinstance(widget, (QLabel, QAbstractButton)):
        return widget.text()
    return ""


def cut_off(root: QWidget) -> list[str]:
    """Every visible label, check box, radio button and push button under ``root`` that
    shows less than its text: narrower than its size hint, lower than its wrapped text needs
    (``heightForWidth``), or sticking out of the area that shows it."""
    found: list[str] = []
    for widget in root.findChildren(QWidget):
        if not widget.isVisible() or not isinstance(widget, (QLabel, QAbstractButton)):
            continue
        text = _text(widget)
        if not text.strip():
            continue
        name = f"{type(widget).__name__} {text[:60]!r}"
        size = widget.size()
        if widget.hasHeightForWidth() and (
                isinstance(widget, (QCheckBox, QRadioButton)) or
                (isinstance(widget, QLabel) and widget.wordWrap())):
            need = widget.heightForWidth(size.width())
            if size.height() < need - 1:
                found.append(f"{name}: {size.height()} px high, its text needs {need}")
        elif isinstance(widget, QLabel):
            hint = widget.minimumSizeHint()
            if size.width() < hint.width() - 1 or size.height() < hint.height() - 1:
                found.append(f"{name}: {size.toTuple()}, needs {hint.toTuple()}")
        elif isinstance(widget, QAbstractButton):
            hint = widget.sizeHint()
            if size.width() < hint.width() - 1:
                found.append(f"{name}: {size.width()} px wide, needs {hint.width()}")
        ancestor = _outside(widget, root)
        if ancestor is not None:
            found.append(f"{name}: sticks out of {type(ancestor).__name__} "
                         f"{ancestor.objectName()!r} ({ancestor.width()} px wide)")
    return found
