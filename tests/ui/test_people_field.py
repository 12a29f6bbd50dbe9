"""The people the policy names (backups, helpers, ambassadors) have a table in the wizard:
what is typed there prints with its role, and every change can be undone."""

from __future__ import annotations

import html
import re

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from smready.domain import PersonGroup
from smready.rendering.html import render_html
from smready.ui.app.controller import ProjectController
from smready.ui.pages.policy import PolicyWizard
from tests.ui.conftest import example, show_widget
from tests.ui.test_policy_wizard import type_cell


def policy_text(controller: ProjectController) -> str:
    """The policy's words as they print (tags dropped, spaces folded)."""
    markup = render_html(controller.project, "policy")
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", markup)).split())


def open_people(qtbot: QtBot) -> tuple[PolicyWizard, ProjectController]:
    project = example("harbour-food-bank")
    project.policy.people = []
    controller = ProjectController(project)
    wizard = PolicyWizard(controller)
    show_widget(qtbot, wizard, 1100, 800)
    wizard.go_to("responsibilities")
    return wizard, controller


def test_a_person_typed_in_the_wizard_is_printed_with_their_role(qtbot: QtBot) -> None:
    wizard, controller = open_people(qtbot)
    table = wizard.page("responsibilities").people_table  # type: ignore[attr-defined]
    assert "Nobody else yet" in table.empty_label.text()
    # Tom Reyes is named in the food bank's task table; the policy cannot say who he is.
    printed = "Tom Reyes (volunteer, Saturday distribution photographer)"
    assert "Tom Reyes" in policy_text(controller) and printed not in policy_text(controller)

    qtbot.mouseClick(table.add_button, Qt.MouseButton.LeftButton)
    type_cell(qtbot, table, 0, 0, "Tom Reyes")
    type_cell(qtbot, table, 0, 1, "Saturday distribution photographer")
    table.set_cell(0, "group", PersonGroup.VOLUNTEER.value)

    people = controller.project.policy.people
    assert [(p.name, p.role, p.group) for p in people] == [
        ("Tom Reyes", "Saturday distribution photographer", PersonGroup.VOLUNTEER)]
    assert printed in policy_text(controller)


def test_removing_a_person_can_be_undone(qtbot: QtBot) -> None:
    wizard, controller = open_people(qtbot)
    table = wizard.page("responsibilities").people_table  # type: ignore[attr-defined]
    qtbot.mouseClick(table.add_button, Qt.MouseButton.LeftButton)
    type_cell(qtbot, table, 0, 0, "Dev Anand")
    assert [p.name for p in controller.project.policy.people] == ["Dev Anand"]

    table.table.selectRow(0)
    qtbot.keyClick(table.table, Qt.Key.Key_Delete)
    assert controller.project.policy.people == []
    assert controller.undo_stack.undoText() == "Remove person"

    controller.undo_stack.undo()
    assert [p.name for p in controller.project.policy.people] == ["Dev Anand"]
    assert table.rows()[0]["name"] == "Dev Anand"


def test_a_row_without_a_name_says_it_is_left_out(qtbot: QtBot) -> None:
    wizard, controller = open_people(qtbot)
    page = wizard.page("responsibilities")
    table = page.people_table  # type: ignore[attr-defined]
    qtbot.mouseClick(table.add_button, Qt.MouseButton.LeftButton)
    type_cell(qtbot, table, 0, 1, "Photographer")
    assert controller.project.policy.people == []
    assert "Row 1: add a name" in page.local_gaps()["people"]
