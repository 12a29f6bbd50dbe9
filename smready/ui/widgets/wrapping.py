"""Check boxes and radio buttons whose text wraps like a paragraph.

Qt's own never wrap: a long option ("Staff are expected to post after hours …") makes the
whole form as wide as the sentence, and in a translation about 40 % longer than English the
form runs off the right edge of its scroll area. These draw the style's own indicator and
wrap the text beside it, report a height for their width, and behave as the Qt classes do
in every other way (``text()``, ``toggled``, mnemonics, the focus frame, accessibility).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QRadioButton,
    QSizePolicy,
    QStyle,
    QStyleOptionButton,
    QStyleOptionFocusRect,
    QStylePainter,
    QWidget,
)

_FLAGS = int(Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
_MIN_TEXT_WIDTH_CHARS = 16
"""A wrapped option never gets narrower than this many average characters."""


if TYPE_CHECKING:
    _Base = QAbstractButton
else:
    _Base = object  # a mixin: the Qt class comes second in the bases


class _Wrapping(_Base):
    """What both wrapping buttons share; ``_indicator`` names the style's indicator."""

    _indicator = QStyle.PrimitiveElement.PE_IndicatorCheckBox
    _indicator_rect = QStyle.SubElement.SE_CheckBoxIndicator
    _indicator_width = QStyle.PixelMetric.PM_IndicatorWidth
    _indicator_height = QStyle.PixelMetric.PM_IndicatorHeight
    _spacing = QStyle.PixelMetric.PM_CheckBoxLabelSpacing

    def _flags(self) -> int:
        """Wrapped, with the shortcut letter underlined where the style says so."""
        underline = self.style().styleHint(QStyle.StyleHint.SH_UnderlineShortcut, None, self)
        return _FLAGS | int(Qt.TextFlag.TextShowMnemonic if underline
                            else Qt.TextFlag.TextHideMnemonic)

    def _setup(self) -> None:
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def _option(self) -> QStyleOptionButton:
        option = QStyleOptionButton()
        option.initFrom(self)
        if self.isDown():
            option.state |= QStyle.StateFlag.State_Sunken
        if self.isChecked():
            option.state |= QStyle.StateFlag.State_On
        else:
            option.state |= QStyle.StateFlag.State_Off
        return option

    def _indent(self) -> int:
        style = self.style()
        return (style.pixelMetric(self._indicator_width, None, self)
                + style.pixelMetric(self._spacing, None, self))

    def _text_height(self, width: int) -> int:
        if not self.text():
            return 0
        return self.fontMetrics().boundingRect(
            QRect(0, 0, max(1, width), 100_000), self._flags(), self.text()).height()

    def _indicator_size(self) -> QSize:
        style = self.style()
        return QSize(style.pixelMetric(self._indicator_width, None, self),
                     style.pixelMetric(self._indicator_height, None, self))

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        # Layouts ask this many times for the same few widths while a page is built (~1,700
        # calls for the readiness page); the answer depends only on these.
        # The font and the style are in it too: changeEvent() empties it when they change.
        key = (width, self.text())
        cache: dict[tuple[int, str], int] = self.__dict__.setdefault("_height_for_width", {})
        height = cache.get(key)
        if height is None:
            if len(cache) > 64:
                cache.clear()
            text = self._text_height(width - self._indent())
            height = cache[key] = max(self._indicator_size().height(), text) + 2
        return height

    def sizeHint(self) -> QSize:
        metrics = self.fontMetrics()
        one_line = metrics.boundingRect(QRect(0, 0, 100_000, 1000), self._flags(), self.text())
        width = self._indent() + one_line.width() + 2
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:
        metrics = self.fontMetrics()
        longest_word = max((metrics.horizontalAdvance(word.replace("&", ""))
                            for word in self.text().split()), default=0)
        width = self._indent() + max(longest_word,
                                     metrics.averageCharWidth() * _MIN_TEXT_WIDTH_CHARS) + 2
        width = min(width, self.sizeHint().width())
        return QSize(width, self.heightForWidth(width))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self.__dict__.pop("_height_for_width", None)
        super().changeEvent(event)

    def hitButton(self, pos: QPoint) -> bool:
        return self.rect().contains(pos)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QStylePainter(self)
        option = self._option()
        indicator = QRect(QPoint(0, 0), self._indicator_size())
        text_rect = self.rect().adjusted(self._indent(), 0, 0, 0)
        line = self.fontMetrics().height()
        # The indicator sits on the first line of text, as Qt's own does.
        indicator.moveTop(max(0, (line - indicator.height()) // 2) + 1)
        option.rect = indicator
        painter.drawPrimitive(self._indicator, option)
        painter.setPen(self.palette().color(self.foregroundRole()))
        painter.drawText(text_rect.adjusted(0, 1, 0, 0), self._flags(), self.text())
        if self.hasFocus():
            focus = QStyleOptionFocusRect()
            focus.initFrom(self)
            focus.rect = self.fontMetrics().boundingRect(
                text_rect.adjusted(0, 1, 0, 0), self._flags(), self.text()).adjusted(-2, 0, 2, 1)
            painter.drawPrimitive(QStyle.PrimitiveElement.PE_FrameFocusRect, focus)


class WrappingCheckBox(_Wrapping, QCheckBox):
    """A ``QCheckBox`` whose text wraps to the width it is given."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        QCheckBox.__init__(self, text, parent)
        self._setup()


class WrappingRadioButton(_Wrapping, QRadioButton):
    """A ``QRadioButton`` whose text wraps to the width it is given."""

    _indicator = QStyle.PrimitiveElement.PE_IndicatorRadioButton
    _indicator_rect = QStyle.SubElement.SE_RadioButtonIndicator
    _indicator_width = QStyle.PixelMetric.PM_ExclusiveIndicatorWidth
    _indicator_height = QStyle.PixelMetric.PM_ExclusiveIndicatorHeight
    _spacing = QStyle.PixelMetric.PM_RadioButtonLabelSpacing

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        QRadioButton.__init__(self, text, parent)
        self._setup()
