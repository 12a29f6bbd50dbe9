"""Small widgets shared by several pages."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import (
    QByteArray,
    QDate,
    QEasingCurve,
    QRectF,
    QSize,
    Qt,
    QVariantAnimation,
    Signal,
)
from PySide6.QtGui import QFont, QPainter, QPaintEvent
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from smready.i18n import _
from smready.ui.styles import SUCCESS_COLOR
from smready.ui.widgets.dates import date_format, show_number
from smready.ui.widgets.labels import body_label


def show_field_starts(root: QWidget) -> None:
    """After loading saved answers: show each one-line field from its first character.

    ``setText`` leaves the cursor at the end, so a long answer showed only its tail
    ("…shift pays off.") until the user clicked into it.
    """
    for edit in root.findChildren(QLineEdit):
        if not edit.hasFocus():
            edit.setCursorPosition(0)


class CollapsibleHelp(QWidget):
    """A "Why it matters" toggle: the help text is one click (or Space) away."""

    expanded_changed = Signal(bool)

    def __init__(self, title: str, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._button = QToolButton(self)
        self._button.setText(title)
        self._button.setCheckable(True)
        self._button.setAutoRaise(True)
        self._button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self._button.setArrowType(Qt.ArrowType.RightArrow)
        self._button.setAccessibleName(title)
        self._button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._label = body_label(text, self)
        self._label.setAccessibleName(title)
        self._label.setContentsMargins(22, 0, 0, 4)
        self._label.setVisible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self._button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self._label)
        self._button.toggled.connect(self._on_button_toggled)

    @property
    def button(self) -> QToolButton:
        return self._button

    def text(self) -> str:
        return self._label.text()

    def is_expanded(self) -> bool:
        return self._button.isChecked()

    def set_expanded(self, expanded: bool) -> None:
        self._button.setChecked(expanded)

    def _on_button_toggled(self, checked: bool) -> None:
        self._button.setArrowType(
            Qt.ArrowType.DownArrow if checked else Qt.ArrowType.RightArrow)
        self._label.setVisible(checked)
        self.expanded_changed.emit(checked)


class SvgView(QWidget):
    """Shows an SVG document, kept in proportion; ``set_svg`` redraws in place."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._renderer = QSvgRenderer(self)
        self._svg = ""
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.setMinimumSize(200, 200)

    def svg(self) -> str:
        return self._svg

    def set_svg(self, svg: str) -> None:
        if svg == self._svg:
            return
        self._svg = svg
        self._renderer.load(QByteArray(svg.encode("utf-8")))
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(320, 320)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        size = self._renderer.defaultSize()
        if not self._renderer.isValid() or size.width() <= 0:
            return width
        return int(width * size.height() / size.width())

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self._renderer.isValid():
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        size = self._renderer.defaultSize()
        target = QRectF(self.rect())
        if size.width() > 0 and size.height() > 0:
            scale = min(target.width() / size.width(), target.height() / size.height())
            w, h = size.width() * scale, size.height() * scale
            target = QRectF((target.width() - w) / 2, (target.height() - h) / 2, w, h)
        self._renderer.render(painter, target)
        painter.end()


class AnimatedNumber(QLabel):
    """A number label that glides to its new value instead of jumping. ``template`` has a
    ``{score}`` field (and may have others, given as ``fields``), filled with the number
    written the locale's way."""

    def __init__(self, template: str, parent: QWidget | None = None, **fields: str) -> None:
        super().__init__(parent)
        self._template = template
        self._fields = fields
        self._value = 0.0
        self._animation = QVariantAnimation(self)
        self._animation.setDuration(350)
        self._animation.setEasingCurve(QEasingCurve.Type.OutCubic)
        self._animation.valueChanged.connect(self._on_animation_value_changed)
        self._show(0.0)

    def value(self) -> float:
        return self._value

    def set_value(self, value: float, *, animate: bool = True) -> None:
        start = float(self._animation.currentValue() or self._value)
        self._value = value
        self.setAccessibleName(self._text(value))
        self._animation.stop()
        if not animate or round(start) == round(value):
            self._show(value)
            return
        self._animation.setStartValue(start)
        self._animation.setEndValue(float(value))
        self._animation.start()

    def _show(self, value: float) -> None:
        self.setText(self._text(value))

    def _text(self, value: float) -> str:
        return self._template.format(score=show_number(round(value)), **self._fields)

    def _on_animation_value_changed(self, value: object) -> None:
        if isinstance(value, (int, float)):
            self._show(float(value))


class Badge(QLabel):
    """A round letter badge: green when done, grey when missing."""

    def __init__(self, letter: str, parent: QWidget | None = None) -> None:
        super().__init__(letter, parent)
        self._letter = letter
        self._ok = False
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setFixedSize(30, 30)
        font = QFont(self.font())
        font.setBold(True)
        self.setFont(font)
        self.set_ok(False)

    def is_ok(self) -> bool:
        return self._ok

    def set_ok(self, ok: bool) -> None:
        self._ok = ok
        if ok:
            style = f"background: {SUCCESS_COLOR}; color: white;"
            state = _("done")
        else:
            style = "background: palette(mid); color: palette(window);"
            state = _("missing")
        self.setStyleSheet(f"QLabel {{ {style} border-radius: 15px; }}")
        self.setAccessibleName(f"{self._letter}: {state}")
        self.setToolTip(f"{self._letter}: {state}")


class OptionalDateEdit(QWidget):
    """A date that may be left empty: a "Set a date" box enables the date field."""

    date_changed = Signal(object)
    """The new ``datetime.date`` or None."""

    def __init__(self, label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._check = QCheckBox(_("Set a date"), self)
        self._check.setAccessibleName(_("{what}: set a date").format(what=label))
        self._edit = QDateEdit(self)
        self._edit.setCalendarPopup(True)
        self._edit.setDisplayFormat(date_format())
        self._edit.setDate(QDate.currentDate().addMonths(3))
        self._edit.setEnabled(False)
        self._edit.setAccessibleName(label)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._check)
        layout.addWidget(self._edit)
        layout.addStretch(1)
        self._check.toggled.connect(self._on_check_toggled)
        self._edit.dateChanged.connect(self._on_edit_date_changed)

    @property
    def check_box(self) -> QCheckBox:
        return self._check

    @property
    def date_edit(self) -> QDateEdit:
        return self._edit

    def date(self) -> dt.date | None:
        if not self._check.isChecked():
            return None
        qdate = self._edit.date()
        return dt.date(qdate.year(), qdate.month(), qdate.day())

    def set_date(self, value: dt.date | None) -> None:
        """Show ``value`` without emitting ``date_changed``."""
        self.blockSignals(True)
        try:
            self._check.setChecked(value is not None)
            if value is not None:
                self._edit.setDate(QDate(value.year, value.month, value.day))
        finally:
            self.blockSignals(False)

    def _on_check_toggled(self, checked: bool) -> None:
        self._edit.setEnabled(checked)
        self.date_changed.emit(self.date())

    def _on_edit_date_changed(self, _date: QDate) -> None:
        if self._check.isChecked():
            self.date_changed.emit(self.date())


COMBO_MIN_CHARS = 20


def fit_combo(box: QComboBox) -> QComboBox:
    """Let a combo box with long choices (a sentence, and 40 % more in Finnish) be narrower
    than its longest choice, so the form around it fits its column; the box still grows
    with the form and the open list shows every choice whole."""
    box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    box.setMinimumContentsLength(COMBO_MIN_CHARS)
    view = box.view()
    view.setMinimumWidth(view.sizeHintForColumn(0) + 2 * view.frameWidth())
    return box
