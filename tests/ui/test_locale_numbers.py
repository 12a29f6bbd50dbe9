"""Numbers in the window are written the UI language's way, the same way Qt's own number
and date fields write them: Bengali digits in Bengali, "1 300" in Finnish."""

from __future__ import annotations

import re

import pytest
from pytestqt.qtbot import QtBot

from smready.ui.app.main_window import GOALS, POLICY, READINESS
from smready.ui.widgets.dates import parse_number, show_number
from tests.ui.conftest import make_window, show_example

ASCII_DIGIT = re.compile(r"[0-9]")


@pytest.mark.parametrize("language", ["bn"], indirect=True)
def test_bengali_window_counts_in_bengali_digits(qtbot: QtBot, language: str) -> None:
    window = make_window(qtbot)
    show_example(window, "cafe-aurora")
    window.show_page(READINESS)
    panel = window.readiness_page.results
    shown = [panel.score_label.text(), panel.answered_label.text(),
             window.readiness_page.step_title.text(),
             window.readiness_page.progress_label.text()]
    window.show_page(POLICY)
    shown += [window.policy_page.step_label.text(), window.policy_page.completion_label.text()]
    assert "৭৫" in panel.score_label.text()
    assert [text for text in shown if ASCII_DIGIT.search(text)] == []


@pytest.mark.parametrize("language", ["fi"], indirect=True)
def test_finnish_goal_figures_have_finnish_separators(qtbot: QtBot, language: str) -> None:
    window = make_window(qtbot)
    show_example(window, "cafe-aurora")
    window.show_page(GOALS)
    titles = [window.goals_page.goal_list.item(i).text()
              for i in range(window.goals_page.goal_list.count())]
    assert any("900 → 1\N{NO-BREAK SPACE}300" in t for t in titles), titles
    assert any("4,3 → 4,6" in t for t in titles), titles
    # The editor shows the figure plainly and reads back what a Finn types.
    editor = window.goals_page.editor
    assert editor.target_edit.text() == "1300"
    assert parse_number("4,5") == 4.5
    assert show_number(1234.5) == "1\N{NO-BREAK SPACE}234,5"
