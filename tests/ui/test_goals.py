"""The SMART goal builder: missing letters are shown until the goal is complete."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from smready.domain import GoalType, OrgKind, Project, smart_gaps
from smready.ui.app.controller import ProjectController
from smready.ui.pages.goals import GoalsPage
from tests.ui.conftest import example, show_widget, type_text


def make_page(qtbot: QtBot) -> GoalsPage:
    page = GoalsPage(ProjectController(Project.new("Café Test", OrgKind.SMALL_BUSINESS)))
    qtbot.addWidget(page)
    page.resize(1000, 760)
    page.show()
    return page


def missing(page: GoalsPage) -> set[str]:
    return {letter for letter, badge in page.editor.badges.items() if not badge.is_ok()}


def test_empty_state_then_new_goal_shows_all_letters_missing(qtbot: QtBot) -> None:
    page = make_page(qtbot)
    assert page.editor_stack.currentIndex() == 0
    assert "No goals yet" in page.empty_label.text()
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    assert len(page.controller.project.goals) == 1
    assert page.editor_stack.currentIndex() == 1
    assert missing(page) == {"S", "M", "A", "R", "T"}
    assert "Set a date" in page.editor.gap_label.text()
    assert page.completion() == (0, 1)


def test_filling_the_goal_clears_every_gap(qtbot: QtBot) -> None:
    page = make_page(qtbot)
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    editor = page.editor
    editor.type_combo.setCurrentIndex(editor.type_combo.findData("website_traffic"))
    # The metric combo suggests the type's figures.
    assert editor.metric_combo.count() >= 2
    assert "Visits" in editor.metric_combo.itemText(0)

    editor.platform_combo.setCurrentIndex(editor.platform_combo.findText("Instagram"))
    assert missing(page) == {"S", "M", "A", "R", "T"}  # the metric is still empty
    type_text(qtbot, editor.metric_combo.lineEdit(), "Website visits")
    assert "S" not in missing(page)
    type_text(qtbot, editor.target_edit, "700")
    assert "M" not in missing(page)
    type_text(qtbot, editor.baseline_edit, "100")
    # 700 from 100 is more than three times: not achievable yet.
    assert "A" in missing(page)
    assert "three times" in editor.gap_label.text()
    editor.baseline_edit.clear()
    type_text(qtbot, editor.baseline_edit, "400")
    assert "A" not in missing(page)
    type_text(qtbot, editor.relevance_edit, "Fill the quiet Tuesdays")
    editor.deadline_edit.check_box.setChecked(True)
    editor.deadline_edit.date_edit.setDate(editor.deadline_edit.date_edit.date().addDays(30))

    goal = page.controller.project.goals[0]
    assert goal.goal_type is GoalType.WEBSITE_TRAFFIC
    assert goal.platform == "instagram"
    assert goal.metric == "Website visits"
    assert (goal.baseline, goal.target) == (400, 700)
    assert goal.deadline is not None and goal.deadline > dt.date.today()
    assert smart_gaps(goal) == []
    assert missing(page) == set()
    assert "All five" in editor.smart_summary.text()
    assert not editor.gap_label.isVisibleTo(page)
    assert page.completion() == (1, 1)
    assert "Instagram" in page.goal_list.item(0).text()
    assert page.controller.dirty


def test_remove_goal_and_reload(qtbot: QtBot) -> None:
    page = make_page(qtbot)
    page.add_goal()
    page.add_goal()
    assert page.goal_list.count() == 2
    qtbot.mouseClick(page.remove_button, Qt.MouseButton.LeftButton)
    assert len(page.controller.project.goals) == 1
    project = Project.new("Other", OrgKind.NONPROFIT)
    page.controller.replace(project, None)
    assert page.goal_list.count() == 0
    assert page.editor_stack.currentIndex() == 0


def test_saved_answers_show_from_their_first_word(qtbot: QtBot) -> None:
    # A long saved answer used to show only its tail ("…shift pays off.") until clicked.
    page = GoalsPage(ProjectController(example("cafe-aurora")))
    show_widget(qtbot, page, 1000, 760)
    editor = page.editor
    goal = page.controller.project.goals[0]
    assert len(goal.relevance) > 40 and len(goal.metric) > 40
    assert editor.relevance_edit.text() == goal.relevance
    assert editor.relevance_edit.cursorPosition() == 0
    line = editor.metric_combo.lineEdit()
    assert line is not None and line.cursorPosition() == 0


def test_goal_types_and_hints_follow_the_kind_of_organization(qtbot: QtBot) -> None:
    cafe = make_page(qtbot)
    qtbot.mouseClick(cafe.add_button, Qt.MouseButton.LeftButton)
    assert cafe.editor.type_combo.findData("donations") < 0
    assert "business objective" in cafe.editor.gap_label.text()

    page = GoalsPage(ProjectController(Project.new("Harbour Food Bank", OrgKind.NONPROFIT)))
    qtbot.addWidget(page)
    page.show()
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    combo = page.editor.type_combo
    assert [combo.itemData(i) for i in range(combo.count())][-3:] == [
        "donations", "volunteers", "advocacy"]
    combo.setCurrentIndex(combo.findData("donations"))
    assert page.controller.project.goals[0].goal_type is GoalType.DONATIONS
    hint = page.editor.gap_label.text()
    assert "business" not in hint and "bookings" not in hint and "donors" in hint
