"""One date format across the app, from the locale: the goals list, the wizard's goal
summary, the sign-off date and the goal deadline editor all show dates the same way."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QLocale
from pytestqt.qtbot import QtBot

from smready.domain import Goal, GoalType
from smready.ui.widgets.dates import date_format, show_date, show_time
from tests.ui.conftest import example, make_window

DAY = dt.date(2027, 5, 31)


@pytest.fixture
def finnish() -> Iterator[QLocale]:
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.Finnish, QLocale.Country.Finland))
    try:
        yield QLocale()
    finally:
        QLocale.setDefault(before)


def test_dates_follow_the_locale_with_a_four_digit_year() -> None:
    us = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
    fi = QLocale(QLocale.Language.Finnish, QLocale.Country.Finland)
    assert show_date(DAY, us) == "5/31/2027"
    assert show_date(DAY, fi) == "31.5.2027"
    assert "yyyy" in date_format(us) and "yyyy" in date_format(fi)
    yesterday = dt.datetime.now().astimezone() - dt.timedelta(days=1)
    assert show_time(yesterday, fi).startswith(show_date(yesterday.date(), fi) + " ")
    assert len(show_time(dt.datetime.now().astimezone(), fi)) <= 5  # today: the time only


def test_every_page_shows_dates_the_same_way(qtbot: QtBot, finnish: QLocale) -> None:
    window = make_window(qtbot)
    project = example("cafe-aurora")
    project.goals = [Goal(goal_type=GoalType.BRAND_AWARENESS, platform="instagram",
                          metric="Followers", baseline=400, target=700, deadline=DAY)]
    window.controller.replace(project, None)
    expected = "31.5.2027"
    goals_page = window.goals_page
    shown = [goals_page.goal_list.item(i).text() for i in range(goals_page.goal_list.count())]
    assert any(expected in text for text in shown), shown
    signoff = window.policy_page.page("review")
    assert signoff.date_edit.displayFormat() == date_format(finnish)
    assert goals_page.editor.deadline_edit.date_edit.displayFormat() == date_format(finnish)
