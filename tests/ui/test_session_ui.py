"""The session in the window: undo/redo from the Edit menu, Review items that open the
wizard at the field, the step list, and tables that cannot be emptied by tabbing."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from smready.ui.app.main_window import POLICY, READINESS, REVIEW, MainWindow
from smready.ui.pages.policy.spokespeople import SpokespeoplePage
from tests.ui.conftest import example, make_window, shown_title, start_business


def window_with(qtbot: QtBot, name: str = "cafe-aurora") -> MainWindow:
    window = make_window(qtbot)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.mouseClick(window.start_page.example_buttons[0], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.is_workspace_ready)
    return window


def spokespeople(window: MainWindow) -> SpokespeoplePage:
    window.show_page(POLICY)
    window.policy_page.go_to("spokespeople")
    page = window.policy_page.page("spokespeople")
    assert isinstance(page, SpokespeoplePage)
    return page


def test_removing_a_spokesperson_with_delete_is_undone_from_the_edit_menu(
        qtbot: QtBot) -> None:
    window = window_with(qtbot)
    before = window.controller.project.policy.model_dump()
    page = spokespeople(window)
    count = page.table.row_count()
    assert count >= 1
    first = page.table.rows()[0]["name"]
    table = page.table.table
    table.setFocus()
    table.setCurrentCell(0, 0)
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    assert page.table.row_count() == count - 1
    assert first not in [s.name for s in window.controller.project.policy.spokespeople]
    assert window.undo_action.isEnabled()
    assert window.undo_action.text() == "&Undo Remove spokesperson"

    window.undo_action.trigger()
    assert window.controller.project.policy.model_dump() == before
    assert page.table.row_count() == count
    assert page.table.rows()[0]["name"] == first
    assert window.redo_action.text() == "&Redo Remove spokesperson"
    assert not window.controller.dirty

    window.redo_action.trigger()
    assert page.table.row_count() == count - 1
    assert window.controller.dirty


def test_ctrl_z_outside_a_text_field_undoes_a_readiness_answer(qtbot: QtBot) -> None:
    window = make_window(qtbot)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    start_business(qtbot, window)
    button = window.readiness_page.editor("reason.why").buttons()["yes"]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(6, button.height() // 2))
    assert window.controller.project.readiness.answers.get("reason.why") == "yes"
    assert window.undo_action.text().startswith("&Undo Answer “")
    qtbot.keyClick(button, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert "reason.why" not in window.controller.project.readiness.answers
    assert not button.isChecked()
    assert window.mark(READINESS).startswith("0/")
    assert shown_title(window) == "Café Aurora — smready"


def test_tabbing_out_of_a_table_never_lands_on_remove(qtbot: QtBot) -> None:
    window = window_with(qtbot)
    page = spokespeople(window)
    count = page.table.row_count()
    page.table.table.setFocus()
    page.table.table.setCurrentCell(0, 0)
    seen: list[QWidget | None] = []
    for _ in range(8):
        focus = QApplication.focusWidget()
        assert focus is not None
        qtbot.keyClick(focus, Qt.Key.Key_Tab)
        seen.append(QApplication.focusWidget())
    assert page.table.remove_button not in seen
    assert page.table.row_count() == count


def test_clicking_a_review_item_opens_the_step_with_the_field_focused(qtbot: QtBot) -> None:
    window = window_with(qtbot)
    project = example("cafe-aurora")
    project.policy.review.approver = ""  # also leaves the report with nobody to go to
    project.policy.measurement.report_to = ""
    window.controller.replace(project, None)
    window.show_page(REVIEW)
    gaps = window.review_page.gaps_list
    qtbot.waitUntil(lambda: gaps.count() == 2)
    item = gaps.item(1)
    assert item.text() == "Decide who approves this policy."
    qtbot.mouseClick(gaps.viewport(), Qt.MouseButton.LeftButton,
                     pos=gaps.visualItemRect(item).center())
    assert window.current_page() is window.policy_page
    assert window.policy_page.current_page_id() == "review"
    signoff = window.policy_page.page("review")
    assert QApplication.focusWidget() is signoff._fields["approver"]

    window.show_page(REVIEW)
    first = gaps.item(0)
    assert first.text() == "Decide who receives the social media report."
    qtbot.mouseClick(gaps.viewport(), Qt.MouseButton.LeftButton,
                     pos=gaps.visualItemRect(first).center())
    assert window.policy_page.current_page_id() == "measurement"
    page = window.policy_page.page("measurement")
    assert QApplication.focusWidget() is page._fields["report_to"]


def test_a_new_project_starts_with_no_step_complete(qtbot: QtBot) -> None:
    window = make_window(qtbot)
    start_business(qtbot, window)
    wizard = window.policy_page
    total = len(wizard.visible_pages())
    assert window.mark(POLICY) == f"0/{total}"
    assert wizard.completion_label.text() == f"0 of {total} steps complete"
    steps = [wizard.step_list.item(r).text() for r in range(wizard.step_list.count())]
    assert len(steps) == total
    assert all("not started" in text for text in steps)
    assert any("open item" in text for text in steps)

    window.show_page(POLICY)
    wizard.go_to("hr")  # been through "Your organization", which has nothing open: done
    assert wizard.step_list.item(0).text().startswith("✓")
    assert window.mark(POLICY) == f"1/{total}"
    page = wizard.page("hr")
    page.devices_check.click()  # an answer on a step with nothing open: done
    hr_row = [p.page_id for p in wizard.visible_pages()].index("hr")
    assert wizard.step_list.item(hr_row).text().startswith("✓")
    assert window.mark(POLICY) == f"2/{total}"
    assert window.undo_action.text() == "&Undo Change “Personal social media on work " \
                                        "devices is allowed”"
