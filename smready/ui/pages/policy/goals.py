"""Step: a read-only reminder of the goals set on the Goals page."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QLabel, QPushButton

from smready.content import platform_name
from smready.domain import Goal, Organization, Project
from smready.glossary import goal_type_name
from smready.i18n import _
from smready.ui.pages.policy.base import PolicyPage
from smready.ui.widgets.dates import show_date, show_number


def describe_goal(goal: Goal, organization: Organization) -> str:
    parts = [goal_type_name(goal.goal_type.value, organization)]
    if goal.platform:
        parts.append(platform_name(goal.platform))
    if goal.metric:
        measure = goal.metric
        if goal.target is not None:
            measure = _("{metric} to {target}").format(metric=goal.metric,
                                                       target=show_number(goal.target))
        parts.append(measure)
    if goal.deadline is not None:
        parts.append(_("by {date}").format(date=show_date(goal.deadline)))
    return " · ".join(parts)


class GoalsSummaryPage(PolicyPage):
    page_id = "goals"
    sections = ("goals",)

    goals_requested = Signal()
    """The user wants to edit the goals on the Goals page."""

    @classmethod
    def title(cls) -> str:
        return _("Your goals for social media")

    @classmethod
    def why(cls) -> str:
        return _("The policy repeats the goals you set, so everyone knows why the accounts "
                 "exist. You edit them on the Goals page.")

    def build(self) -> None:
        self.goals_label = QLabel(self)
        self.goals_label.setObjectName("goalsSummary")
        self.goals_label.setWordWrap(True)
        self.goals_label.setTextFormat(Qt.TextFormat.PlainText)
        self.goals_label.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.goals_label.setAccessibleName(_("Your goals"))
        self.form.addRow(self.goals_label)
        self.edit_button = QPushButton(_("Edit goals on the Goals page"), self)
        self.edit_button.setAccessibleName(_("Edit goals on the Goals page"))
        self.form.addRow(self.edit_button)
        self.edit_button.clicked.connect(self._on_edit_button_clicked)
        # The open item "goals" (Review's link) lands on the way to set them.
        self._fields["goals"] = self.edit_button

    def load_widgets(self, project: Project) -> None:
        if project.goals:
            lines = [f"•  {describe_goal(goal, project.organization)}" for goal in project.goals]
            self.goals_label.setText("\n".join(lines))
        else:
            self.goals_label.setText(_(
                "No goals yet. The policy will say that goals are still to be agreed — "
                "setting one or two on the Goals page makes it stronger."))
        self.goals_label.setAccessibleDescription(self.goals_label.text())

    def showEvent(self, event: QShowEvent) -> None:
        self.load()  # the Goals page may have changed them since
        super().showEvent(event)

    def _on_edit_button_clicked(self) -> None:
        self.goals_requested.emit()
