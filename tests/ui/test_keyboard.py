"""The whole flow with the keyboard alone: name, checklist answer, pages, save and export."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QRadioButton, QWidget
from pytestqt.qtbot import QtBot

from smready.storage import load_project
from smready.ui.app.main_window import GOALS, REVIEW, MainWindow
from tests.ui.conftest import make_window, type_text
from tests.ui.test_review_export import RENDER_TIMEOUT, pdf_text, save_dialog_returns

Key = Qt.Key
Ctrl = Qt.KeyboardModifier.ControlModifier


def focused(window: MainWindow) -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None and widget.window() is window, "the keyboard focus got lost"
    return widget


def press(window: MainWindow, key: Key,
          modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    QTest.keyClick(focused(window), key, modifier)


def tab_to(window: MainWindow, wanted: type[QWidget], limit: int = 40) -> QWidget:
    for _ in range(limit):
        widget = focused(window)
        if isinstance(widget, wanted) and widget.isVisible():
            return widget
        press(window, Key.Key_Tab)
    raise AssertionError(f"no {wanted.__name__} within {limit} presses of Tab")


def test_keyboard_only_from_start_page_to_exported_pdf(
        qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    window = make_window(qtbot)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)

    # The name field has the focus on the start page; Enter starts a small business.
    assert focused(window) is window.start_page.name_edit
    type_text(qtbot, window.start_page.name_edit, "Bakery Lumi")
    press(window, Key.Key_Return)
    assert window.controller.project.organization.name == "Bakery Lumi"
    assert window.current_page() is window.readiness_page

    # Tab to the first answer and choose it with the space bar.
    radio = tab_to(window, QRadioButton)
    assert isinstance(radio, QRadioButton)
    press(window, Key.Key_Space)
    assert radio.isChecked()
    assert len(window.controller.project.readiness.answers) == 1
    assert window.readiness_page.results.answered_label.text().startswith("1 of")

    # Ctrl+2 and Ctrl+4 move between the parts.
    press(window, Key.Key_2, Ctrl)
    assert window.current_page() is window.goals_page
    assert window.nav.currentRow() == GOALS
    press(window, Key.Key_4, Ctrl)
    assert window.current_page() is window.review_page
    assert window.nav.currentRow() == REVIEW

    # Ctrl+S saves (the file dialog answers), Alt+P exports the policy as PDF.
    project_file = tmp_path / "lumi.smready"
    save_dialog_returns(monkeypatch, project_file)
    press(window, Key.Key_S, Ctrl)
    assert load_project(project_file).organization.name == "Bakery Lumi"
    assert not window.controller.dirty

    pdf = tmp_path / "lumi-policy.pdf"
    save_dialog_returns(monkeypatch, pdf)
    with qtbot.waitSignal(window.review_page.export_finished, timeout=RENDER_TIMEOUT):
        press(window, Key.Key_P, Qt.KeyboardModifier.AltModifier)
    assert "Bakery Lumi" in pdf_text(pdf)
