"""The readiness checklist as a user fills it: widgets -> answers -> live score and level."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QAbstractButton, QApplication
from pytestqt.qtbot import QtBot

from smready.domain import OrgKind, Project
from smready.scoring import score
from smready.ui.app.controller import ProjectController
from smready.ui.pages.readiness import ReadinessPage
from tests.ui.conftest import type_text


def click(qtbot: QtBot, button: QAbstractButton) -> None:
    """Click on the indicator: Qt ignores clicks right of a radio button's label."""
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(6, button.height() // 2))


def make_page(qtbot: QtBot, project: Project | None = None) -> ReadinessPage:
    controller = ProjectController(project or Project.new("Café Test", OrgKind.SMALL_BUSINESS))
    page = ReadinessPage(controller)
    qtbot.addWidget(page)
    page.resize(1200, 800)
    page.show()
    return page


def fill_everything_best(qtbot: QtBot, page: ReadinessPage) -> None:
    """Click the best option of every question, point by point, as a user would."""
    page.go_to(0)
    for index, view in enumerate(page.point_views):
        assert page.current_step() == index
        for qid, editor in view.editors.items():
            question = editor.question
            kind = question.kind.value
            if kind == "choice":
                best = max(question.options, key=lambda o: o.score)
                click(qtbot, editor.buttons()[best.id])
            elif kind == "multi":
                for option in question.options[: question.ideal_max or 1]:
                    click(qtbot, editor.buttons()[option.id])
            elif kind in ("scale", "number"):
                spin = editor.spin_box()
                assert spin is not None
                spin.setValue(question.max if question.max is not None else question.full_at)
            else:
                line = editor.line_edit()
                assert line is not None
                type_text(qtbot, line, "Maria")
            assert qid in page.controller.project.readiness.answers
        qtbot.mouseClick(page.next_button, Qt.MouseButton.LeftButton)


def wait_score(qtbot: QtBot, page: ReadinessPage, expected: float) -> None:
    text = f"{round(expected)} / 100"
    qtbot.waitUntil(lambda: page.results.score_label.text() == text, timeout=3000)


def test_empty_checklist_starts_at_zero_and_not_yet(qtbot: QtBot) -> None:
    page = make_page(qtbot)
    assert page.results.score_label.text() == "0 / 100"
    assert page.results.level_label.text() == "Not yet"
    assert page.step_title.text() == "1 of 6 · A clear reason to be there"


def test_best_answers_score_100_and_ready(qtbot: QtBot) -> None:
    page = make_page(qtbot)
    fill_everything_best(qtbot, page)
    expected = score(page.controller.project)
    assert round(expected.overall) == 100
    wait_score(qtbot, page, 100)
    assert page.results.level_label.text() == "Ready" == expected.level.name
    assert page.completion() == (expected.total, expected.total)
    table = page.results.points_table
    assert [table.item(r, 1).text() for r in range(table.rowCount())] == ["100"] * 6


def test_answers_move_score_and_level_as_scoring_says(qtbot: QtBot) -> None:
    page = make_page(qtbot)
    fill_everything_best(qtbot, page)
    wait_score(qtbot, page, 100)
    # No written policy: the cap holds the level below "Ready" whatever the score.
    page.go_to(4)
    click(qtbot, page.editor("policy.written").buttons()["no"])
    result = score(page.controller.project)
    wait_score(qtbot, page, result.overall)
    assert result.level.id == "getting_there"
    assert page.results.level_label.text() == "Getting there"
    assert page.results.capped_label.isVisibleTo(page)
    assert "policy" in page.results.capped_label.text()
    # Little time available: the resource check reports the hours.
    page.editor("resources.hours_per_week").spin_box().setValue(1)  # type: ignore[union-attr]
    result = score(page.controller.project)
    wait_score(qtbot, page, result.overall)
    assert page.results.level_label.text() == result.level.name
    assert "you have" in page.results.hours_label.text()


def test_spin_box_not_answered_state_removes_the_answer(qtbot: QtBot) -> None:
    page = make_page(qtbot)
    spin = page.editor("resources.posts_per_month").spin_box()
    assert spin is not None
    assert spin.text() == "Not answered"
    spin.setValue(12)
    assert page.controller.project.readiness.answers["resources.posts_per_month"] == 12
    spin.setValue(spin.minimum())
    assert "resources.posts_per_month" not in page.controller.project.readiness.answers


def test_back_and_next_keep_answers_and_enter_moves_on(qtbot: QtBot) -> None:
    page = make_page(qtbot)
    click(qtbot, page.editor("reason.why").buttons()["partly"])
    qtbot.mouseClick(page.next_button, Qt.MouseButton.LeftButton)
    assert page.step_title.text().startswith("2 of 6")
    box = page.editor("sites.platforms").buttons()["instagram"]
    click(qtbot, box)
    # Enter in the middle column (here on a check box) means Next.
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert page.step_title.text().startswith("3 of 6")
    qtbot.mouseClick(page.back_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.back_button, Qt.MouseButton.LeftButton)
    assert page.current_step() == 0
    assert page.editor("reason.why").buttons()["partly"].isChecked()
    assert page.editor("sites.platforms").buttons()["instagram"].isChecked()
    assert page.controller.project.readiness.answers["sites.platforms"] == ["instagram"]


def test_notes_and_why_it_matters(qtbot: QtBot) -> None:
    page = make_page(qtbot)
    view = page.point_views[0]
    assert not view.why.is_expanded()
    qtbot.mouseClick(view.why.button, Qt.MouseButton.LeftButton)
    assert view.why.is_expanded()
    assert "reason" in view.why.text()
    type_text(qtbot, view.notes, "Ask Ana about Tuesdays")
    assert page.controller.project.readiness.notes["reason"] == "Ask Ana about Tuesdays"


def test_project_replaced_reloads_widgets(qtbot: QtBot) -> None:
    page = make_page(qtbot)
    other = Project.new("Other", OrgKind.NONPROFIT)
    other.readiness.answers = {"reason.why": "no", "resources.point_person": "Sam"}
    page.controller.replace(other, None)
    assert page.editor("reason.why").buttons()["no"].isChecked()
    line = page.editor("resources.point_person").line_edit()
    assert line is not None and line.text() == "Sam"
    wait_score(qtbot, page, score(other).overall)


def test_recommendation_becomes_action_and_is_ticked_off(qtbot: QtBot) -> None:
    page = make_page(qtbot)
    click(qtbot, page.editor("reason.why").buttons()["no"])
    rows = page.results.recommendation_rows()
    assert rows, "a weak answer gives advice"
    first = rows[0]
    advice = first.recommendation.text
    qtbot.mouseClick(first.button, Qt.MouseButton.LeftButton)
    actions = page.controller.project.actions
    assert [a.title for a in actions] == [advice]
    assert actions[0].question == first.recommendation.question
    # The advice now shows it is in the plan.
    in_plan = [r for r in page.results.recommendation_rows()
               if r.recommendation.question == actions[0].question]
    assert in_plan and not in_plan[0].button.isEnabled()

    qtbot.mouseClick(page.results.plan_button, Qt.MouseButton.LeftButton)
    assert page.step_title.text() == "Your action plan"
    row = page.action_plan.row_for(actions[0].id)
    type_text(qtbot, row.owner_edit, "Maria")
    row.due_edit.check_box.setChecked(True)
    click(qtbot, row.done_box)
    action = page.controller.project.actions[0]
    assert action.owner == "Maria"
    assert action.due is not None
    assert action.done
    assert page.action_plan.summary_label.text() == "1 of 1 done"
    assert page.controller.dirty


def test_every_control_has_an_accessible_name(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QAbstractButton, QAbstractSpinBox, QLineEdit, QPlainTextEdit

    page = make_page(qtbot)
    for widget_type in (QAbstractButton, QAbstractSpinBox, QLineEdit, QPlainTextEdit):
        for widget in page.findChildren(widget_type):
            if isinstance(widget.parent(), (QAbstractSpinBox, QLineEdit)):
                continue  # Qt's own parts: a spin box's line edit, a line edit's clear button
            if widget.objectName().startswith("qt_"):
                continue
            assert widget.accessibleName() or (
                isinstance(widget, QAbstractButton) and widget.text()), widget


def test_a_point_shown_later_shows_answers_given_before(qtbot: QtBot) -> None:
    """The page builds a point's questions when it is first shown: what changed in the
    project before then (another page, an undo) is what it shows, and undo still reaches it."""
    page = make_page(qtbot)
    page.controller.edit("Answer", "readiness.answers", lambda p: setattr(
        p.readiness, "answers", {"policy.written": "yes", "policy.training": 3}))
    page.controller.edit("Notes", "readiness.notes", lambda p: setattr(
        p.readiness, "notes", {"policy": "Ask the board"}))
    page.go_to(4)
    view = page.point_view(4)
    assert view.isVisible()
    assert page.editor("policy.written").buttons()["yes"].isChecked()
    spin = page.editor("policy.training").spin_box()
    assert spin is not None and spin.value() == 3
    assert view.notes.toPlainText() == "Ask the board"
    assert page.progress_label.text() == "2 of 5 questions answered"
    page.controller.undo_stack.undo()
    page.controller.undo_stack.undo()
    assert not page.editor("policy.written").buttons()["yes"].isChecked()
    assert view.notes.toPlainText() == ""


def test_a_point_shown_later_keeps_its_place_in_the_tab_order(qtbot: QtBot) -> None:
    """Tab goes from a point's notes on to the results, and Shift+Tab back, whether the
    point was built with the page (the first) or when first shown (out of order here)."""
    page = make_page(qtbot)
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    after_notes = []
    for step in (0, 3, 1):
        page.go_to(step)
        notes = page.point_view(step).notes
        notes.setFocus(Qt.FocusReason.OtherFocusReason)
        qtbot.keyClick(notes, Qt.Key.Key_Tab)
        focus = QApplication.focusWidget()
        assert focus is not None and page.results.isAncestorOf(focus)
        after_notes.append(focus)
        qtbot.keyClick(focus, Qt.Key.Key_Backtab)
        assert QApplication.focusWidget() is notes
    assert after_notes[1] is after_notes[0] and after_notes[2] is after_notes[0]
