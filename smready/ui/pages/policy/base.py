"""What every page of the policy wizard shares: a title, a short "why", a form whose
rows can show a gap message right under their field, and a way to write answers at once.

Every edit goes to the project session at once (never on Next), as an undoable change,
so Back, page switches and saving never lose an answer. ``bind(widget, "hr.work_time")``
loads a widget from the policy and writes it back on every change.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar, TypeVar

from pydantic import ValidationError
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from smready.domain import PolicyGap, Project
from smready.i18n import _
from smready.session import POLICY_STEPS, Step
from smready.ui.app.controller import ProjectController
from smready.ui.styles import ERROR_COLOR, STEP_TITLE_SCALE
from smready.ui.widgets.common import fit_combo, show_field_starts
from smready.ui.widgets.dates import show_number
from smready.ui.widgets.wrapping import WrappingCheckBox


def required(text: str) -> str:
    """A form label for a required field: the asterisk is the app-wide marker, kept on the
    line of the label's last word when the label wraps (a lone "*" on a line of its own)."""
    marked = _("{label} *").format(label=text)
    return marked[:-2] + "\N{NO-BREAK SPACE}*" if marked.endswith(" *") else marked


class FieldMessage(QLabel):
    """The message shown right under a field that still has a gap."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("fieldMessage")
        self.setWordWrap(True)
        self.setStyleSheet(f"color: {ERROR_COLOR};")
        self.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        # The line is kept even when empty, so a message appearing as you type never
        # pushes the next field down under the mouse.
        self.setMinimumHeight(self.fontMetrics().lineSpacing())

    def show_message(self, text: str) -> None:
        # Called for every field on every edit: touch the widget only when it changes.
        if text == self.text():
            return
        self.setText(text)
        self.setAccessibleName(text)


W = TypeVar("W", bound=QWidget)

PROJECT_PARTS = ("organization", "policy", "goals", "readiness", "actions", "language")


def project_path(path: str) -> str:
    """``"hr.work_time"`` → ``"policy.hr.work_time"``; paths naming another part of the
    project (``"organization.name"``) stay as they are."""
    return path if path.split(".", 1)[0] in PROJECT_PARTS else f"policy.{path}"


def value_at(project: Project, path: str) -> Any:
    value: Any = project
    for name in project_path(path).split("."):
        value = getattr(value, name)
    return value


@dataclass(frozen=True)
class Binding:
    widget: QWidget
    path: str
    key: str
    label: str


def edit_label(field: str) -> str:
    """The Edit menu's name for a change of one field: Undo Change “During work time”."""
    return _("Change “{field}”").format(field=field)


class PolicyPage(QWidget):
    """One step of the wizard."""

    page_id: ClassVar[str] = ""
    sections: ClassVar[tuple[str, ...]] = ()
    """Ids of ``PolicyGap.section`` that this page answers."""

    answer_changed = Signal()
    """Something only the widgets know changed (a local gap); answers written to the
    project are announced by ``controller.project_changed`` instead."""

    def __init__(self, controller: ProjectController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self._loading = False
        self._messages: dict[str, FieldMessage] = {}
        self._fields: dict[str, QWidget] = {}
        self._local_gaps: dict[str, str] = {}
        self._bindings: list[Binding] = []
        self._check_hints: dict[str, QLabel] = {}

        self.heading = QLabel(self.title(), self)
        self.heading.setObjectName("pageHeading")
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * STEP_TITLE_SCALE)
        font.setBold(True)
        self.heading.setFont(font)
        self.heading.setWordWrap(True)
        self.intro = QLabel(self.why(), self)
        self.intro.setObjectName("pageIntro")
        self.intro.setWordWrap(True)
        self.intro.setTextFormat(Qt.TextFormat.PlainText)
        self.page_message = FieldMessage(self)
        self.page_message.setMinimumHeight(0)  # above the form: nothing below it to jump
        self.page_message.setVisible(False)

        self.outer = QVBoxLayout(self)
        self.outer.setContentsMargins(0, 0, 0, 0)
        self.outer.setSpacing(10)
        self.outer.addWidget(self.heading)
        self.outer.addWidget(self.intro)
        self.outer.addWidget(self.page_message)
        self.form = QFormLayout()
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setVerticalSpacing(10)
        self.form.setHorizontalSpacing(16)
        self.outer.addLayout(self.form)
        self.build()
        self.outer.addStretch(1)
        self.load()

    # -- for subclasses -------------------------------------------------------------------

    @classmethod
    def title(cls) -> str:
        """The page heading; every page gives its own, this is only a readable fallback."""
        return cls.page_id.replace("_", " ").capitalize()

    @classmethod
    def why(cls) -> str:
        return ""

    @classmethod
    def is_shown(cls, project: Project) -> bool:
        return True

    def build(self) -> None:
        """Create the widgets (called once)."""

    def load_widgets(self, project: Project) -> None:
        """Set the widgets from the project (signals are blocked by ``load``)."""

    @classmethod
    def step(cls) -> Step:
        """This page's entry in the session's step table (ids and sections live there)."""
        return next(s for s in POLICY_STEPS if s.id == cls.page_id)

    # -- helpers ---------------------------------------------------------------------------

    def bind(self, widget: W, path: str, label: str = "") -> W:
        """Load ``widget`` from the policy field at ``path`` now and on every reload, and
        write each change back as an undoable edit. Returns the widget."""
        key = next((k for k, w in self._fields.items() if w is widget), path.rsplit(".", 1)[-1])
        binding = Binding(widget, project_path(path), key,
                          edit_label(label or widget.accessibleName() or key))
        self._bindings.append(binding)
        if isinstance(widget, QLineEdit):
            widget.textEdited.connect(lambda text: self._write_binding(binding, text.strip()))
        elif isinstance(widget, QPlainTextEdit):
            widget.textChanged.connect(
                lambda: self._write_binding(binding, widget.toPlainText()))
        elif isinstance(widget, QCheckBox):
            widget.toggled.connect(lambda on: self._write_binding(binding, on, merge=False))
        elif isinstance(widget, QComboBox):
            widget.currentIndexChanged.connect(
                lambda _i: self._write_binding(binding, widget.currentData(), merge=False))
        elif isinstance(widget, QSpinBox):
            widget.valueChanged.connect(lambda v: self._write_binding(binding, v))
        else:
            raise TypeError(f"bind() does not know {type(widget).__name__}")
        return widget

    def _load_binding(self, binding: Binding, project: Project) -> None:
        value = value_at(project, binding.path)
        widget = binding.widget
        if isinstance(widget, QLineEdit):
            widget.setText(str(value))
        elif isinstance(widget, QPlainTextEdit):
            widget.setPlainText(str(value))
        elif isinstance(widget, QCheckBox):
            widget.setChecked(bool(value))
        elif isinstance(widget, QComboBox):
            widget.setCurrentIndex(max(0, widget.findData(value)))
        elif isinstance(widget, QSpinBox):
            widget.setValue(int(value))

    def _write_binding(self, binding: Binding, value: object, *, merge: bool = True) -> None:
        if self._loading:
            return
        try:
            self.controller.set(binding.path, value, binding.label, merge=merge)
        except ValidationError as exc:
            self._refused(binding.key, exc)
            return
        self.clear_local_gap(binding.key)

    @property
    def project(self) -> Project:
        return self.controller.project

    def add_field(
        self,
        key: str,
        label: str,
        widget: W,
        *,
        is_required: bool = False,
        hint: str = "",
        full_width: bool = False,
    ) -> W:
        """Add a form row: label (with asterisk when required), field, hint, gap message."""
        text = required(label) if is_required else label
        widget.setAccessibleName(label)
        if hint:
            widget.setAccessibleDescription(hint)
            widget.setToolTip(hint)
        message = FieldMessage(self)
        message.setAccessibleDescription(label)
        container = QWidget(self)
        column = QVBoxLayout(container)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(4)
        column.addWidget(widget)
        if hint:
            hint_label = QLabel(hint, container)
            hint_label.setObjectName("fieldHint")
            hint_label.setWordWrap(True)
            hint_label.setEnabled(False)
            column.addWidget(hint_label)
        column.addWidget(message)
        label_widget = QLabel(text, self)
        label_widget.setBuddy(widget)
        label_widget.setWordWrap(True)
        if full_width:
            column.insertWidget(0, label_widget)
            self.form.addRow(container)
        else:
            self.form.addRow(label_widget, container)
        self._messages[key] = message
        self._fields[key] = widget
        return widget

    def add_check(self, key: str, text: str, hint: str = "") -> QCheckBox:
        box = WrappingCheckBox(text, self)
        box.setAccessibleName(text)
        if hint:
            box.setToolTip(hint)
            box.setAccessibleDescription(hint)
        self.form.addRow(box)
        if hint:
            hint_label = QLabel(hint, self)
            hint_label.setWordWrap(True)
            hint_label.setEnabled(False)
            hint_label.setContentsMargins(24, 0, 0, 0)
            self.form.addRow(hint_label)
            self._check_hints[key] = hint_label
        self._fields[key] = box
        return box

    def set_check_shown(self, key: str, shown: bool) -> None:
        """Show or hide a check box from ``add_check`` together with its hint."""
        self._fields[key].setVisible(shown)
        hint = self._check_hints.get(key)
        if hint is not None:
            hint.setVisible(shown)

    def line_edit(self, placeholder: str = "", max_length: int = 200) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setPlaceholderText(placeholder)
        edit.setMaxLength(max_length)
        edit.setClearButtonEnabled(True)
        return edit

    def text_edit(self, placeholder: str = "", lines: int = 4) -> QPlainTextEdit:
        edit = QPlainTextEdit(self)
        edit.setPlaceholderText(placeholder)
        edit.setTabChangesFocus(True)
        metrics = edit.fontMetrics()
        edit.setMinimumHeight(metrics.lineSpacing() * lines + 16)
        edit.setMaximumHeight(metrics.lineSpacing() * (lines + 4) + 16)
        edit.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        return edit

    def combo(self, choices: Sequence[tuple[Any, str]]) -> QComboBox:
        box = QComboBox(self)
        for value, label in choices:
            box.addItem(label, value)
        fit_combo(box)
        return box

    def spin(self, minimum: int, maximum: int, suffix: str = "") -> QSpinBox:
        box = QSpinBox(self)
        box.setRange(minimum, maximum)
        box.setSuffix(suffix)
        box.setMaximumWidth(box.fontMetrics().horizontalAdvance("00" + suffix) + 60)
        return box

    def write(self, change: Callable[[Project], object], key: str = "", label: str = "",
              *, merge: bool = False) -> bool:
        """Run one change of the project as an undoable edit named ``label`` (by default
        after the field ``key``); refused values show a message instead of raising."""
        if self._loading:
            return False
        field = self._fields.get(key)
        name = label or edit_label(field.accessibleName() if field is not None and
                                   field.accessibleName() else self.title())
        try:
            self.controller.edit(name, f"policy.{self.page_id}", change,
                                 merge_key=f"{self.page_id}.{key}" if merge else "")
        except ValidationError as exc:
            self._refused(key, exc)
            return False
        self.clear_local_gap(key)
        return True

    def _refused(self, key: str, exc: ValidationError) -> None:
        error = exc.errors()[0]
        self.set_local_gap(key, _("This answer was not kept: {reason}").format(
            reason=error.get("msg", "")))

    def set_local_gap(self, key: str, message: str) -> None:
        """A problem the widgets know about but the model cannot hold (e.g. an empty name)."""
        if self._local_gaps.get(key) == message:
            return
        self._local_gaps[key] = message
        self._show(key, message)
        self.answer_changed.emit()

    def clear_local_gap(self, key: str) -> None:
        if self._local_gaps.pop(key, None) is not None:
            self._show(key, "")
            self.answer_changed.emit()

    def local_gaps(self) -> dict[str, str]:
        return dict(self._local_gaps)

    def _show(self, key: str, text: str) -> None:
        target = self._messages.get(key)
        if target is not None:
            target.show_message(text)

    # -- used by the wizard ---------------------------------------------------------------

    def load(self) -> None:
        self._loading = True
        try:
            self._local_gaps.clear()
            for message in self._messages.values():
                message.show_message("")
            self.page_message.show_message("")
            self.page_message.setVisible(False)
            self.load_widgets(self.project)
            for binding in self._bindings:
                self._load_binding(binding, self.project)
            show_field_starts(self)
        finally:
            self._loading = False

    def check_field(self, key: str, problem: str) -> None:
        """Show what looks wrong with an answer as it is typed (kept in the model: the
        user may be halfway through); the step stays open until it is fixed."""
        if problem:
            self.set_local_gap(key, problem)
        else:
            self.clear_local_gap(key)

    def check_rows(self, key: str, rows: Sequence[dict[str, Any]], column: str,
                   check: Callable[[str], str]) -> None:
        """``check_field`` for one column of a table: the first row that looks wrong."""
        for number, row in enumerate(rows, start=1):
            problem = check(str(row.get(column, "")))
            if problem:
                self.set_local_gap(key, _("Row {n}: {problem}").format(n=show_number(number),
                                                                      problem=problem))
                return

    def field_keys(self) -> list[str]:
        return list(self._messages)

    def owns(self, gap: PolicyGap) -> bool:
        return gap.section in self.sections or gap.section == self.page_id

    def show_gaps(self, gaps: Sequence[PolicyGap]) -> None:
        """Show each gap under its field; gaps with no matching field go to the page top."""
        shown: dict[str, list[str]] = {}
        loose: list[str] = []
        for gap in gaps:
            key = self.key_for(gap)
            if key is None or key not in self._messages:  # e.g. a check box: no message row
                loose.append(gap.message)
            else:
                shown.setdefault(key, []).append(gap.message)
        for key, message in self._messages.items():
            texts = shown.get(key, [])
            if key in self._local_gaps:
                texts = [self._local_gaps[key]]
            message.show_message("\n".join(texts))
        self.page_message.show_message("\n".join(loose))
        self.page_message.setVisible(bool(loose))

    def key_for(self, gap: PolicyGap) -> str | None:
        for candidate in (gap.field, gap.field.rsplit(".", 1)[-1], gap.section):
            if candidate in self._messages or candidate in self._fields:
                return candidate
        return None

    def focus_gap(self, gaps: Sequence[PolicyGap]) -> None:
        for gap in gaps:
            key = self.key_for(gap)
            if key is not None and key in self._fields:
                self._fields[key].setFocus(Qt.FocusReason.OtherFocusReason)
                return
        for key in self._local_gaps:
            if key in self._fields:
                self._fields[key].setFocus(Qt.FocusReason.OtherFocusReason)
                return

    def first_field(self) -> QWidget | None:
        return next(iter(self._fields.values()), None)

