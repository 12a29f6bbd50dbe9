"""The SMART goal builder: a list of goals and an editor that shows which letter is missing."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QDoubleValidator
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from smready.content import (
    goal_type_info,
    goal_types_for,
    load_goal_types,
    load_platforms,
    platform_name,
)
from smready.domain import Goal, GoalType, Organization, OrgKind, SmartGap, smart_gaps
from smready.glossary import Vocabulary, goal_type_name
from smready.i18n import _, current, ngettext
from smready.ui.app.controller import ProjectController
from smready.ui.styles import PAGE, SECTION
from smready.ui.widgets.common import Badge, OptionalDateEdit, show_field_starts
from smready.ui.widgets.dates import parse_number, show_date, show_number
from smready.ui.widgets.icons import icon
from smready.ui.widgets.labels import body_label, heading, muted, readable_width, scrolling

SMART_LETTERS = ("S", "M", "A", "R", "T")


def smart_words() -> dict[str, str]:
    return {"S": _("Specific"), "M": _("Measurable"), "A": _("Achievable"),
            "R": _("Relevant"), "T": _("Time-bound")}


def _format_number(value: float | None, *, grouped: bool = True) -> str:
    return "" if value is None else show_number(value, grouped=grouped)


def goal_title(goal: Goal, organization: Organization) -> str:
    """A one-line summary for the list, e.g. "Instagram · Followers: 400 → 700 by 30 Jun"."""
    parts = [goal_type_name(goal.goal_type.value, organization)]
    if goal.platform:
        parts.append(platform_name(goal.platform))
    if goal.metric:
        parts.append(goal.metric)
    line = " · ".join(parts)
    if goal.target is not None:
        line += ": " + (f"{_format_number(goal.baseline)} → " if goal.baseline is not None
                        else "") + _format_number(goal.target)
    if goal.deadline is not None:
        line += " " + _("by {date}").format(date=show_date(goal.deadline))
    return line


class _NumberEdit(QLineEdit):
    """A number that may be empty (None)."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        validator = QDoubleValidator(0.0, 1e12, 2, self)
        validator.setNotation(QDoubleValidator.Notation.StandardNotation)
        self.setValidator(validator)
        self.setAccessibleName(name)
        self.setMaximumWidth(160)

    def number(self) -> float | None:
        return parse_number(self.text())

    def set_number(self, value: float | None) -> None:
        self.setText(_format_number(value, grouped=False))


class GoalEditor(QWidget):
    """Edits one goal in place; emits ``goal_edited`` after each change."""

    goal_edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._goal: Goal | None = None
        self._loading = False
        self.goal_types = load_goal_types()
        self.org_kind: OrgKind | None = None

        self.type_combo = QComboBox(self)
        self.type_combo.setAccessibleName(_("Goal type"))
        for info in self.goal_types:
            self.type_combo.addItem(info.name, info.id)
        self.type_description = muted(body_label("", self))
        self.type_example = muted(body_label("", self))

        self.platform_combo = QComboBox(self)
        self.platform_combo.setEditable(True)
        self.platform_combo.setAccessibleName(_("Network"))
        self.platform_combo.addItem("", "")
        for profile in load_platforms():
            self.platform_combo.addItem(profile.name, profile.id)
        platform_edit = self.platform_combo.lineEdit()
        assert platform_edit is not None  # editable combo
        platform_edit.setPlaceholderText(_("e.g. Instagram"))
        platform_edit.setMaxLength(200)

        self.metric_combo = QComboBox(self)
        self.metric_combo.setEditable(True)
        self.metric_combo.setAccessibleName(_("Figure to watch"))
        metric_edit = self.metric_combo.lineEdit()
        assert metric_edit is not None  # editable combo
        metric_edit.setPlaceholderText(_("e.g. Followers"))
        metric_edit.setMaxLength(200)

        self.baseline_edit = _NumberEdit(_("Today's figure (baseline)"), self)
        self.baseline_edit.setPlaceholderText(_("e.g. 400"))
        self.target_edit = _NumberEdit(_("Target"), self)
        self.target_edit.setPlaceholderText(_("e.g. 700"))
        self.deadline_edit = OptionalDateEdit(_("Deadline"), self)
        self.relevance_edit = QLineEdit(self)
        self.relevance_edit.setMaxLength(500)
        self.relevance_edit.setAccessibleName(_("Why it matters to the business"))
        self.relevance_edit.setPlaceholderText(_("e.g. fill the quiet Tuesday afternoons"))

        form = QFormLayout()
        # Labels go above their fields when the two do not fit side by side.
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setVerticalSpacing(12)
        form.addRow(_("&Goal type"), self.type_combo)
        form.addRow("", self.type_description)
        form.addRow(_("&Network"), self.platform_combo)
        form.addRow(_("&Figure to watch"), self.metric_combo)
        form.addRow(_("&Today's figure"), self.baseline_edit)
        form.addRow(_("T&arget"), self.target_edit)
        form.addRow(_("&Deadline"), self.deadline_edit)
        form.addRow(_("&Why it matters"), self.relevance_edit)
        form.addRow("", self.type_example)

        self.badges: dict[str, Badge] = {}
        badge_row = QHBoxLayout()
        badge_row.setSpacing(8)
        for letter in SMART_LETTERS:
            badge = Badge(letter, self)
            badge.setObjectName(f"smart_badge:{letter}")
            self.badges[letter] = badge
            badge_row.addWidget(badge)
        badge_row.addSpacing(8)
        self.smart_summary = body_label("", self, selectable=False)
        self.smart_summary.setObjectName("smart_summary")
        badge_row.addWidget(self.smart_summary, 1)
        self.gap_label = body_label("", self)
        self.gap_label.setObjectName("smart_gaps")
        self.gap_label.setTextFormat(Qt.TextFormat.PlainText)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        layout.addLayout(form)
        layout.addSpacing(6)
        layout.addWidget(heading(_("Is it SMART?"), SECTION, self))
        layout.addLayout(badge_row)
        layout.addWidget(self.gap_label)
        layout.addStretch(1)

        self.type_combo.currentIndexChanged.connect(self._on_type_index_changed)
        self.platform_combo.currentTextChanged.connect(self._on_platform_text_changed)
        self.metric_combo.currentTextChanged.connect(self._on_metric_text_changed)
        self.baseline_edit.textEdited.connect(self._on_baseline_edited)
        self.target_edit.textEdited.connect(self._on_target_edited)
        self.deadline_edit.date_changed.connect(self._on_deadline_changed)
        self.relevance_edit.textEdited.connect(self._on_relevance_edited)

    # -- public -----------------------------------------------------------------------------
    def goal(self) -> Goal | None:
        return self._goal

    def set_org_kind(self, kind: OrgKind) -> None:
        """Offer the goal types of this kind of organization (donations, volunteers and
        advocacy for a nonprofit) and word the SMART hints for it."""
        if kind is self.org_kind:
            return
        self.org_kind = kind
        self.goal_types = goal_types_for(kind.value)
        self.type_combo.blockSignals(True)
        self.type_combo.clear()
        names = Vocabulary(kind=kind, american=False, lang=current().lang)
        for info in self.goal_types:
            self.type_combo.addItem(names.goal_name(info.id, info.name), info.id)
        self.type_combo.blockSignals(False)

    def set_goal(self, goal: Goal | None) -> None:
        self._goal = goal
        self.setEnabled(goal is not None)
        if goal is None:
            return
        if self.type_combo.findData(goal.goal_type.value) < 0:
            # A goal of a type not offered to this kind (a file edited by hand) still shows.
            self.type_combo.addItem(goal_type_info(goal.goal_type).name, goal.goal_type.value)
        self._loading = True
        try:
            self.type_combo.setCurrentIndex(max(0, self.type_combo.findData(goal.goal_type.value)))
            self._fill_metrics(goal.goal_type)
            self._show_type(goal.goal_type)
            index = self.platform_combo.findData(goal.platform) if goal.platform else 0
            if index >= 0:
                self.platform_combo.setCurrentIndex(index)
            else:
                self.platform_combo.setEditText(goal.platform)
            self.metric_combo.setEditText(goal.metric)
            self.baseline_edit.set_number(goal.baseline)
            self.target_edit.set_number(goal.target)
            self.deadline_edit.set_date(goal.deadline)
            self.relevance_edit.setText(goal.relevance)
            show_field_starts(self)
        finally:
            self._loading = False
        self.show_gaps()

    def show_gaps(self) -> list[SmartGap]:
        gaps = smart_gaps(self._goal, kind=self.org_kind) if self._goal is not None else []
        missing = {gap.letter for gap in gaps}
        words = smart_words()
        for letter, badge in self.badges.items():
            badge.set_ok(letter not in missing)
            badge.setToolTip(f"{letter} — {words[letter]}")
        if gaps:
            in_place = 5 - len(missing)
            self.smart_summary.setText(ngettext(
                "{n} of {total} in place", "{n} of {total} in place", in_place).format(
                    n=show_number(in_place), total=show_number(len(SMART_LETTERS))))
            self.gap_label.setText("\n".join(f"{gap.letter}: {gap.message}" for gap in gaps))
        else:
            self.smart_summary.setText(_("All five in place — a SMART goal."))
            self.gap_label.setText("")
        self.gap_label.setVisible(bool(gaps))
        return gaps

    # -- slots ------------------------------------------------------------------------------
    def _changed(self) -> None:
        if not self._loading:
            self.show_gaps()
            self.goal_edited.emit()

    def _on_type_index_changed(self, _index: int) -> None:
        if self._goal is None or self._loading:
            return
        goal_type = GoalType(self.type_combo.currentData())
        self._goal.goal_type = goal_type
        self._loading = True
        try:
            metric = self.metric_combo.currentText()
            self._fill_metrics(goal_type)
            self.metric_combo.setEditText(metric)
            self._show_type(goal_type)
        finally:
            self._loading = False
        self._changed()

    def _on_platform_text_changed(self, text: str) -> None:
        if self._goal is None or self._loading:
            return
        index = self.platform_combo.findText(text.strip(), Qt.MatchFlag.MatchFixedString)
        value = self.platform_combo.itemData(index) if index > 0 else text.strip()
        self._goal.platform = str(value or "")
        self._changed()

    def _on_metric_text_changed(self, text: str) -> None:
        if self._goal is None or self._loading:
            return
        self._goal.metric = text.strip()
        self._changed()

    def _on_baseline_edited(self, _text: str) -> None:
        if self._goal is not None:
            self._goal.baseline = self.baseline_edit.number()
            self._changed()

    def _on_target_edited(self, _text: str) -> None:
        if self._goal is not None:
            self._goal.target = self.target_edit.number()
            self._changed()

    def _on_deadline_changed(self, deadline: dt.date | None) -> None:
        if self._goal is not None and not self._loading:
            self._goal.deadline = deadline
            self._changed()

    def _on_relevance_edited(self, text: str) -> None:
        if self._goal is not None:
            self._goal.relevance = text
            self._changed()

    # -- helpers ----------------------------------------------------------------------------
    def _fill_metrics(self, goal_type: GoalType) -> None:
        self.metric_combo.clear()
        self.metric_combo.addItems(goal_type_info(goal_type).metrics)

    def _show_type(self, goal_type: GoalType) -> None:
        info = goal_type_info(goal_type)
        self.type_description.setText(info.description)
        self.type_example.setText(_("Example: {example}").format(example=info.example))


class GoalsPage(QWidget):
    """Goals on the left, the selected goal's editor on the right."""

    completion_changed = Signal()

    def __init__(self, controller: ProjectController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller

        title = heading(_("Your goals"), PAGE, self)
        intro = body_label(_(
            "A good goal is SMART: specific, measurable, achievable, relevant and time-bound. "
            "One or two goals are enough to start."), self)

        self.goal_list = QListWidget(self)
        self.goal_list.setObjectName("goal_list")
        self.goal_list.setAccessibleName(_("Goals"))
        self.goal_list.setWordWrap(True)
        self.goal_list.setSpacing(4)  # multi-line entries need air between them
        self.goal_list.setMinimumWidth(240)
        self.goal_list.setMaximumWidth(320)
        self.add_button = QPushButton(icon("add"), _("Add a goal"), self)
        self.add_button.setAccessibleName(_("Add a goal"))
        self.remove_button = QPushButton(icon("remove"), _("Remove"), self)
        self.remove_button.setAccessibleName(_("Remove the selected goal"))
        list_buttons = QHBoxLayout()
        list_buttons.addWidget(self.add_button)
        list_buttons.addWidget(self.remove_button)
        list_buttons.addStretch(1)
        left = QVBoxLayout()
        left.addWidget(self.goal_list, 1)
        left.addLayout(list_buttons)

        self.editor = GoalEditor(self)
        self.editor.setMaximumWidth(readable_width(self))
        self.empty_label = muted(body_label(_(
            "No goals yet — add one, for example “more bookings from Instagram by June”."),
            self))
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.editor_stack = QStackedWidget(self)
        self.editor_stack.addWidget(self.empty_label)
        self.editor_stack.addWidget(scrolling(self.editor))

        body = QHBoxLayout()
        body.setSpacing(24)
        body.addLayout(left)
        body.addWidget(self.editor_stack, 1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 20, 28, 20)
        layout.setSpacing(12)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addLayout(body, 1)

        self.add_button.clicked.connect(self._on_add_clicked)
        self.remove_button.clicked.connect(self._on_remove_clicked)
        self.goal_list.currentRowChanged.connect(self._on_goal_list_row_changed)
        self.editor.goal_edited.connect(self._on_editor_goal_edited)
        controller.project_replaced.connect(self._on_controller_project_replaced)
        controller.project_restored.connect(self._on_controller_project_restored)
        self._rebuild_list()

    def completion(self) -> tuple[int, int]:
        """SMART goals and all goals."""
        return self.controller.derived.goals_smart

    def add_goal(self) -> Goal:
        goal = Goal(goal_type=GoalType.BRAND_AWARENESS)
        self.controller.edit(_("Add goal"), "goals",
                             lambda project: setattr(project, "goals", [*project.goals, goal]))
        goals = self.controller.project.goals
        self._rebuild_list(select=len(goals) - 1)
        self.completion_changed.emit()
        return goals[-1]

    def _rebuild_list(self, select: int = 0) -> None:
        self.editor.set_org_kind(self.controller.project.organization.kind)
        self.goal_list.blockSignals(True)
        self.goal_list.clear()
        for goal in self.controller.project.goals:
            item = QListWidgetItem(goal_title(goal, self.controller.project.organization))
            item.setIcon(icon("check") if not smart_gaps(goal) else icon("goals"))
            self.goal_list.addItem(item)
        self.goal_list.blockSignals(False)
        has_goals = self.goal_list.count() > 0
        self.remove_button.setEnabled(has_goals)
        self.editor_stack.setCurrentIndex(1 if has_goals else 0)
        if has_goals:
            row = min(select, self.goal_list.count() - 1)
            self.goal_list.setCurrentRow(row)
            self.editor.set_goal(self.controller.project.goals[row])
        else:
            self.editor.set_goal(None)

    def _on_add_clicked(self) -> None:
        self.add_goal()
        self.editor.type_combo.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_remove_clicked(self) -> None:
        row = self.goal_list.currentRow()
        project = self.controller.project
        if not 0 <= row < len(project.goals):
            return
        self.controller.edit(
            _("Remove goal “{title}”").format(
                title=goal_title(project.goals[row], project.organization)), "goals",
            lambda p: setattr(p, "goals", [g for i, g in enumerate(p.goals) if i != row]))
        self._rebuild_list(select=max(0, row - 1))
        self.completion_changed.emit()

    def _on_goal_list_row_changed(self, row: int) -> None:
        goals = self.controller.project.goals
        if 0 <= row < len(goals):
            self.editor.set_goal(goals[row])

    def _on_editor_goal_edited(self) -> None:
        row = self.goal_list.currentRow()
        goal = self.editor.goal()
        item = self.goal_list.item(row)
        if goal is not None and item is not None:
            item.setText(goal_title(goal, self.controller.project.organization))
            item.setIcon(icon("check") if not smart_gaps(goal) else icon("goals"))
        # The editor changed its goal in place; the session records the difference.
        self.controller.edit(_("Edit goal"), "goals", lambda _project: None,
                             merge_key=f"goal.{row}")
        self.completion_changed.emit()

    def _on_controller_project_replaced(self) -> None:
        self._rebuild_list()

    def _on_controller_project_restored(self) -> None:
        self._rebuild_list(select=max(0, self.goal_list.currentRow()))
        self.completion_changed.emit()
        self.completion_changed.emit()
