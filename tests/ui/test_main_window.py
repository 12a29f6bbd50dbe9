"""The main window as a user meets it: start page, navigation, marks, title, menus."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QBoxLayout, QMessageBox
from pytestqt.qtbot import QtBot

import smready
from smready.domain import OrgKind
from smready.ui.app.main_window import (
    GOALS,
    NAV_WIDTH,
    POLICY,
    READINESS,
    REVIEW,
    MainWindow,
    completion_mark,
)
from tests.ui.conftest import EXAMPLES, MessageLog, make_window, shown_title, start_business


def window_with_unsaved_goal(qtbot: QtBot) -> MainWindow:
    """A new small-business project with one unsaved change (a goal added)."""
    window = make_window(qtbot)
    start_business(qtbot, window)
    window.show_page(GOALS)
    window.goals_page.add_goal()
    return window


def test_start_page_then_new_business_project(qtbot: QtBot) -> None:
    window = make_window(qtbot)
    assert window.central.currentWidget() is window.start_page
    assert shown_title(window) == "smready"
    assert len(window.start_page.example_buttons) == len(list(EXAMPLES.glob("*.smready")))
    start_business(qtbot, window)
    project = window.controller.project
    assert project.organization.name == "Café Aurora"
    assert project.organization.kind is OrgKind.SMALL_BUSINESS
    assert window.central.currentWidget() is window.workspace
    assert window.current_page() is window.readiness_page
    assert shown_title(window) == "Café Aurora — smready"
    assert window.status_label.text() == "Not saved yet"
    assert window.mark(READINESS) == f"0/{window.readiness_page.completion()[1]}"


def test_nonprofit_with_enter_in_name_field_and_default_name(qtbot: QtBot) -> None:
    window = make_window(qtbot)
    qtbot.mouseClick(window.start_page.nonprofit_button, Qt.MouseButton.LeftButton)
    assert window.controller.project.organization.kind is OrgKind.NONPROFIT
    assert window.controller.project.organization.name == "My organization"
    assert window.org_label.text() == "My organization"
    assert window.kind_label.text() == "Nonprofit"


def test_answers_mark_dirty_title_status_and_marks(qtbot: QtBot) -> None:
    window = make_window(qtbot)
    start_business(qtbot, window)
    button = window.readiness_page.editor("reason.why").buttons()["yes"]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(6, button.height() // 2))
    assert shown_title(window) == "Café Aurora* — smready"
    assert window.status_label.text().startswith("Unsaved changes")
    total = window.readiness_page.completion()[1]
    assert window.mark(READINESS) == f"1/{total}"
    assert window.mark(GOALS) == ""
    done, steps = window.policy_page.completion()
    assert window.mark(POLICY) == completion_mark(done, steps)


def test_example_opens_as_untitled_copy_with_ticks(qtbot: QtBot) -> None:
    window = make_window(qtbot)
    qtbot.mouseClick(window.start_page.example_buttons[0], Qt.MouseButton.LeftButton)
    assert window.controller.path is None
    assert not window.controller.dirty
    assert window.mark(READINESS) == "✓"
    assert shown_title(window).endswith("— smready")


def test_navigation_by_list_and_shortcuts(qtbot: QtBot) -> None:
    window = make_window(qtbot)
    start_business(qtbot, window)
    window.nav.setCurrentRow(GOALS)
    assert window.current_page() is window.goals_page
    window.page_actions[POLICY].trigger()
    assert window.current_page() is window.policy_page
    assert window.page_actions[REVIEW].shortcut() == QKeySequence("Ctrl+4")
    window.page_actions[REVIEW].trigger()
    assert window.current_page() is window.review_page
    window.home_button.click()
    assert window.central.currentWidget() is window.start_page


def test_readiness_last_step_moves_on_to_goals(qtbot: QtBot) -> None:
    window = make_window(qtbot)
    start_business(qtbot, window)
    page = window.readiness_page
    for _step in range(page.step_count()):
        qtbot.mouseClick(page.next_button, Qt.MouseButton.LeftButton)
    assert window.current_page() is window.goals_page
    assert window.nav.currentRow() == GOALS


def test_standard_shortcuts_and_about(qtbot: QtBot, monkeypatch: object) -> None:
    window = make_window(qtbot)
    keys = QKeySequence.StandardKey
    assert window.save_action.shortcut() == QKeySequence(keys.Save)
    assert window.open_action.shortcut() == QKeySequence(keys.Open)
    assert window.new_action.shortcut() == QKeySequence(keys.New)
    assert window.print_action.shortcut() == QKeySequence(keys.Print)
    assert not window.quit_action.shortcut().isEmpty()
    shown: list[str] = []
    import pytest

    assert isinstance(monkeypatch, pytest.MonkeyPatch)
    monkeypatch.setattr(QMessageBox, "about",
                        staticmethod(lambda _parent, _title, text: shown.append(text)))
    window.about_action.trigger()
    assert smready.__version__ in shown[0]


def test_print_goes_to_review_page_print(qtbot: QtBot, monkeypatch: object) -> None:
    import pytest

    assert isinstance(monkeypatch, pytest.MonkeyPatch)
    window = make_window(qtbot)
    start_business(qtbot, window)
    printed: list[bool] = []
    monkeypatch.setattr(window.review_page, "print_project", lambda: printed.append(True))
    window.print_action.trigger()
    assert printed == [True]
    assert window.current_page() is window.review_page


def test_goal_mark_follows_smart_goals(qtbot: QtBot) -> None:
    window = make_window(qtbot)
    start_business(qtbot, window)
    window.show_page(GOALS)
    qtbot.mouseClick(window.goals_page.add_button, Qt.MouseButton.LeftButton)
    assert window.mark(GOALS) == "0/1"


def test_new_with_unsaved_changes_can_be_cancelled(qtbot: QtBot, messages: MessageLog) -> None:
    window = window_with_unsaved_goal(qtbot)
    messages.answer(QMessageBox.StandardButton.Cancel)
    window.new_action.trigger()
    assert "Save the changes to “Café Aurora”?" in messages.texts[0]
    assert window.current_page() is window.goals_page
    assert window.central.currentWidget() is window.workspace
    assert len(window.controller.project.goals) == 1
    # Don't save: back to the start page for a fresh project.
    messages.answer(QMessageBox.StandardButton.Discard)
    window.new_action.trigger()
    assert window.central.currentWidget() is window.start_page
    qtbot.mouseClick(window.start_page.nonprofit_button, Qt.MouseButton.LeftButton)
    assert window.controller.project.goals == []
    assert not window.controller.dirty


def test_close_with_unsaved_changes_cancel_keeps_window(qtbot: QtBot,
                                                        messages: MessageLog) -> None:
    window = window_with_unsaved_goal(qtbot)
    messages.answer(QMessageBox.StandardButton.Cancel)
    assert not window.close()
    assert window.isVisible()
    assert len(messages.boxes) == 1 and messages.boxes[0][0] == "Unsaved changes"
    messages.answer(QMessageBox.StandardButton.Discard)
    assert window.close()
    assert not window.isVisible()


def test_geometry_is_remembered(qtbot: QtBot) -> None:
    window = make_window(qtbot)
    # The offscreen screen is 800 px wide, so restoring clamps the width: check the height.
    window.resize(1100, 700)
    assert window.close()
    again = make_window(qtbot)
    assert again.size().height() == 700


def test_dont_save_counts_only_for_the_answers_it_was_said_to(qtbot: QtBot,
                                                            messages: MessageLog) -> None:
    window = window_with_unsaved_goal(qtbot)
    messages.answer(QMessageBox.StandardButton.Discard)
    window.new_action.trigger()
    assert window.central.currentWidget() is window.start_page
    # Back to the project (Ctrl+2) and another change: New must ask again.
    window.page_actions[GOALS].trigger()
    window.goals_page.add_goal()
    messages.answer(QMessageBox.StandardButton.Cancel)
    window.new_action.trigger()
    assert len(messages.boxes) == 2
    assert window.central.currentWidget() is window.workspace
    assert len(window.controller.project.goals) == 2


@pytest.mark.parametrize("name", ["cafe-aurora", "harbour-food-bank"])
def test_every_page_fits_a_laptop_at_200_percent(qtbot: QtBot, name: str) -> None:
    # 1920 px at 200 % scale leaves 960 logical pixels for the whole window.
    window = make_window(qtbot)
    qtbot.mouseClick(next(b for b in window.start_page.example_buttons
                          if b.objectName() == f"example:{name}"), Qt.MouseButton.LeftButton)
    assert window.minimumSizeHint().width() <= 960
    window.resize(960, 640)
    assert window.width() == 960
    for row in (READINESS, GOALS, POLICY, REVIEW):
        window.show_page(row)
        qtbot.wait(10)
        assert window.current_page().width() <= 960 - NAV_WIDTH
    readiness = window.readiness_page
    window.show_page(READINESS)
    for step in range(6):
        readiness.go_to(step)
        qtbot.wait(10)
        # Nothing cut off on the right: the answers fit the visible part of their column.
        assert readiness.scroll_area.widget().width() <= readiness.scroll_area.viewport().width()
    chart = readiness.results.chart
    assert chart.width() >= 250 and chart.height() == chart.width()


def test_review_toolbar_wraps_in_a_narrow_window(qtbot: QtBot) -> None:
    window = make_window(qtbot)
    start_business(qtbot, window)
    window.show_page(REVIEW)
    review = window.review_page
    window.resize(1400, 800)
    qtbot.waitUntil(lambda: review.toolbar.direction() is QBoxLayout.Direction.LeftToRight)
    window.resize(960, 640)
    qtbot.waitUntil(lambda: review.toolbar.direction() is QBoxLayout.Direction.TopToBottom)
    buttons = [*review.export_buttons.values(), review.print_button]
    assert all(b.geometry().right() <= review.width() for b in buttons)
