"""The action plan: recommendations the user decided to act on, ticked off when done."""

from __future__ import annotations

import datetime as dt
from functools import partial

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from smready.domain import Action
from smready.i18n import _
from smready.ui.app.controller import ProjectController
from smready.ui.widgets.common import OptionalDateEdit
from smready.ui.widgets.dates import show_number
from smready.ui.widgets.icons import icon
from smready.ui.widgets.labels import body_label, muted


class ActionRow(QWidget):
    """One action: done box, what, who, by when, remove."""

    edited = Signal()
    remove_requested = Signal(str)

    def __init__(self, action: Action, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.action = action
        self.setObjectName(f"action:{action.id}")
        self.done_box = QCheckBox(self)
        self.done_box.setChecked(action.done)
        self.done_box.setAccessibleName(_("Done: {title}").format(title=action.title))
        self.done_box.setToolTip(_("Tick when done"))
        self.title_edit = QLineEdit(action.title, self)
        self.title_edit.setMaxLength(500)
        self.title_edit.setAccessibleName(_("Action"))
        self.title_edit.setCursorPosition(0)
        self.owner_edit = QLineEdit(action.owner, self)
        self.owner_edit.setMaxLength(200)
        self.owner_edit.setPlaceholderText(_("Who"))
        self.owner_edit.setAccessibleName(_("Who does it"))
        self.due_edit = OptionalDateEdit(_("Due date"), self)
        self.due_edit.set_date(action.due)
        self.remove_button = QToolButton(self)
        self.remove_button.setIcon(icon("remove"))
        self.remove_button.setToolTip(_("Remove this action"))
        self.remove_button.setAccessibleName(_("Remove action: {title}").format(
            title=action.title))

        layout = QGridLayout(self)
        layout.setContentsMargins(0, 6, 0, 6)
        layout.setHorizontalSpacing(8)
        layout.addWidget(self.done_box, 0, 0)
        layout.addWidget(self.title_edit, 0, 1, 1, 3)
        layout.addWidget(self.remove_button, 0, 4)
        layout.addWidget(self.owner_edit, 1, 1)
        layout.addWidget(self.due_edit, 1, 2, 1, 2)
        layout.setColumnStretch(1, 1)
        self._show_done(action.done)

        self.done_box.toggled.connect(self._on_done_toggled)
        self.title_edit.textEdited.connect(self._on_title_edited)
        self.owner_edit.textEdited.connect(self._on_owner_edited)
        self.due_edit.date_changed.connect(self._on_due_changed)
        self.remove_button.clicked.connect(self._on_remove_clicked)

    def _show_done(self, done: bool) -> None:
        font = self.title_edit.font()
        font.setStrikeOut(done)
        self.title_edit.setFont(font)

    def _on_done_toggled(self, checked: bool) -> None:
        self.action.done = checked
        self._show_done(checked)
        self.edited.emit()

    def _on_title_edited(self, text: str) -> None:
        if text.strip():
            self.action.title = text
            self.done_box.setAccessibleName(_("Done: {title}").format(title=text))
            self.edited.emit()

    def _on_owner_edited(self, text: str) -> None:
        self.action.owner = text
        self.edited.emit()

    def _on_due_changed(self, due: dt.date | None) -> None:
        self.action.due = due
        self.edited.emit()

    def _on_remove_clicked(self) -> None:
        self.remove_requested.emit(self.action.id)


class ActionPlanWidget(QWidget):
    """Lists ``project.actions``; Add creates a blank action, rows edit in place."""

    def __init__(self, controller: ProjectController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.setObjectName("action_plan")
        self.rows: list[ActionRow] = []
        intro = body_label(_(
            "Turn advice into things to do: say who does each one and by when, and tick it "
            "off when it is done."), self)
        self.empty_label = muted(body_label(_(
            "No actions yet — press “Add to action plan” under any advice on the right, "
            "or add your own."), self))
        self.summary_label = QLabel(self)
        self.summary_label.setObjectName("action_summary")
        self.rows_layout = QVBoxLayout()
        self.rows_layout.setSpacing(0)
        self.add_button = QPushButton(icon("add"), _("Add an action"), self)
        self.add_button.setAccessibleName(_("Add an action"))
        self.add_button.clicked.connect(self._on_add_clicked)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        layout.addWidget(intro)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.empty_label)
        layout.addLayout(self.rows_layout)
        layout.addLayout(buttons)
        layout.addStretch(1)

        controller.project_replaced.connect(self._on_controller_project_replaced)
        controller.project_restored.connect(self._on_controller_project_replaced)
        self._rebuild()

    def add_action(self, title: str, question: str | None = None) -> Action:
        """Append an action (from a recommendation when ``question`` is given)."""
        action = Action(title=title[:500], question=question)
        self.controller.edit(_("Add action “{title}”").format(title=action.title), "actions",
                             lambda p: setattr(p, "actions", [*p.actions, action]))
        self._rebuild()
        if self.rows:
            self.rows[-1].owner_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        return action

    def row_for(self, action_id: str) -> ActionRow:
        for row in self.rows:
            if row.action.id == action_id:
                return row
        raise KeyError(action_id)

    def _rebuild(self) -> None:
        for row in self.rows:
            self.rows_layout.removeWidget(row)
            row.hide()
            row.deleteLater()
        self.rows = []
        for action in self.controller.project.actions:
            row = ActionRow(action, self)
            row.edited.connect(partial(self._on_row_edited, action.id))
            row.remove_requested.connect(self._on_row_remove_requested)
            self.rows_layout.addWidget(row)
            self.rows.append(row)
        self.empty_label.setVisible(not self.rows)
        self._update_summary()

    def _update_summary(self) -> None:
        actions = self.controller.project.actions
        done = sum(1 for a in actions if a.done)
        self.summary_label.setText(
            _("{done} of {total} done").format(done=show_number(done),
                                               total=show_number(len(actions)))
            if actions else "")
        self.summary_label.setVisible(bool(actions))

    def _on_add_clicked(self) -> None:
        self.add_action(_("New action"))
        if self.rows:
            self.rows[-1].title_edit.setFocus(Qt.FocusReason.OtherFocusReason)
            self.rows[-1].title_edit.selectAll()

    def _on_row_edited(self, action_id: str) -> None:
        self._update_summary()
        # The row changed its action in place; the session records the difference.
        self.controller.edit(_("Edit action"), "actions", lambda _project: None,
                             merge_key=f"action.{action_id}")

    def _on_row_remove_requested(self, action_id: str) -> None:
        title = next((a.title for a in self.controller.project.actions if a.id == action_id), "")
        self.controller.edit(
            _("Remove action “{title}”").format(title=title), "actions",
            lambda p: setattr(p, "actions", [a for a in p.actions if a.id != action_id]))
        self._rebuild()

    def _on_controller_project_replaced(self) -> None:
        self._rebuild()
