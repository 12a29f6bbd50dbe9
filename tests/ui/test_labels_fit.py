"""No label cut off at 960 px wide, in Finnish, Bengali and the pseudo-language (every string
accented and ~40 % longer, as Finnish often is): the start page, every readiness point, the
goals page, every policy wizard step of a business and of a nonprofit, and Review."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication
from pytestqt.qtbot import QtBot

from smready.i18n import current
from smready.ui.app.main_window import GOALS, POLICY, READINESS, REVIEW, MainWindow
from smready.ui.pages.start import example_files
from tests.ui.conftest import show_example
from tests.ui.layout_checks import cut_off

WIDTH, HEIGHT = 960, 720




def settle() -> None:
    for _ in range(3):
        QCoreApplication.processEvents()


def problems_on(window: MainWindow, where: str) -> list[str]:
    settle()
    return [f"{where}: {problem}" for problem in cut_off(window)]


@pytest.mark.parametrize("language", ["fi", "bn", "en_XA"], indirect=True)
def test_nothing_is_cut_off_at_960_px(qtbot: QtBot, language: str) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(WIDTH, HEIGHT)
    window.show()
    qtbot.waitExposed(window)
    assert window.width() == WIDTH
    assert current().lang == language
    found = problems_on(window, "start page")
    examples = {path.stem: path for path, _name in example_files()}
    for stem in ("cafe-aurora", "harbour-food-bank"):
        show_example(window, examples[stem])
        window.show_page(READINESS)
        for step in range(window.readiness_page.step_count()):
            window.readiness_page.go_to(step)
            found += problems_on(window, f"{stem} readiness step {step + 1}")
        window.show_page(GOALS)
        found += problems_on(window, f"{stem} goals")
        window.show_page(POLICY)
        for page in window.policy_page.visible_pages():
            window.policy_page.go_to(page)
            found += problems_on(window, f"{stem} policy {page.page_id}")
        window.show_page(REVIEW)
        found += problems_on(window, f"{stem} review")
        window.controller.mark_saved(examples[stem])  # nothing to ask on close
    assert found == []
