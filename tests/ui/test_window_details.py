"""Window details: fits the screen, menus, paper by country, dark chart card, messages."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from smready.session import paper_for_country
from smready.ui.app.controller import ProjectController
from smready.ui.app.main_window import REVIEW
from smready.ui.pages.review import ReviewPage
from smready.ui.styles import dark_palette
from smready.ui.widgets.results_panel import ResultsPanel
from tests.ui.conftest import MessageLog, example, make_window, show_widget, start_business


def test_the_first_window_fits_the_available_screen(qtbot: QtBot) -> None:
    window = make_window(qtbot)
    qtbot.waitExposed(window)
    screen = window.screen()
    assert screen is not None
    area = screen.availableGeometry()
    assert window.height() <= area.height() and window.width() <= max(
        area.width(), window.minimumSizeHint().width())
    # A 1920×1080 laptop at 200 %: 960×540 logical pixels, a task bar at the top.
    laptop = QRect(0, 30, 960, 510)
    window.resize(1280, 800)
    window.move(500, 400)
    window.fit_to_screen(laptop)
    assert laptop.contains(window.frameGeometry())


def test_review_and_export_shows_its_ampersand_in_the_go_menu(qtbot: QtBot) -> None:
    window = make_window(qtbot)
    action = window.page_actions[REVIEW]
    assert action.text() == "Review && export"
    assert action.iconText() == "Review & export"


def test_no_window_modified_warnings(qtbot: QtBot, qtlog: pytest.LogCaptureFixture) -> None:
    window = make_window(qtbot)
    start_business(qtbot, window)
    window.controller.set("organization.name", "Bakery [*] Lumi", "Rename")
    assert window.isWindowModified()
    assert not [r for r in qtlog.records if "[*]" in r.message]
    assert window.windowTitle() == "Bakery [*][*] Lumi[*] — smready"


@pytest.mark.parametrize(("country", "paper"), [
    ("US", "letter"), ("CA", "letter"), ("MX", "letter"), ("PH", "letter"), ("CL", "letter"),
    ("FI", "a4"), ("GB", "a4"), ("BD", "a4"), ("", "a4"),
])
def test_paper_follows_the_country(country: str, paper: str) -> None:
    assert paper_for_country(country) == paper


def test_review_paper_defaults_from_the_country_until_the_user_picks(qtbot: QtBot) -> None:
    project = example("cafe-aurora")
    project.organization.country = "US"
    controller = ProjectController(project)
    page = ReviewPage(controller)
    show_widget(qtbot, page, 1000, 700)
    assert page.current_paper() == "letter"
    controller.set("organization.country", "FI", "Country")
    assert page.current_paper() == "a4"
    page.paper_combo.setCurrentIndex(page.paper_combo.findData("letter"))
    page.paper_combo.activated.emit(page.paper_combo.currentIndex())  # the user's choice
    controller.set("organization.country", "DE", "Country")
    assert page.current_paper() == "letter"


def test_the_radar_card_follows_the_dark_palette(qtbot: QtBot) -> None:
    panel = ResultsPanel(ProjectController(example("cafe-aurora")))
    show_widget(qtbot, panel, 400, 900)
    assert "background: #ffffff" in panel.chart_frame.styleSheet()
    panel.setPalette(dark_palette())
    QApplication.processEvents()
    sheet = panel.chart_frame.styleSheet()
    assert "#ffffff" not in sheet and "background: #2e3034" in sheet
    assert 'fill="#e8eaed"' in panel.chart.svg() and 'fill="#222"' not in panel.chart.svg()


def test_a_broken_file_with_nothing_open_does_not_mention_an_open_project(
        qtbot: QtBot, tmp_path: Path, messages: MessageLog) -> None:
    broken = tmp_path / "broken.smready"
    broken.write_text("{not json", "utf-8")
    window = make_window(qtbot)
    assert not window.open_file(broken)
    assert messages.boxes and "unchanged" not in messages.boxes[0][2]
    start_business(qtbot, window)
    assert not window.open_file(broken)
    assert "The project you had open is unchanged." in messages.boxes[-1][2]
