"""SMART checks: each missing letter is reported with what to do about it."""

from __future__ import annotations

import datetime as dt

import pytest

from smready.domain import Goal, GoalType, smart_gaps

TODAY = dt.date(2026, 11, 22)


def smart_goal(**changes: object) -> Goal:
    """The brief's worked example, made SMART: double LinkedIn followers within six months."""
    goal = Goal(goal_type=GoalType.BRAND_AWARENESS, platform="LinkedIn", metric="Followers",
                baseline=250, target=500, deadline=TODAY + dt.timedelta(days=182),
                relevance="More local firms know our catering service.")
    return goal.model_copy(update=changes)


def letters(goal: Goal) -> list[str]:
    return [gap.letter for gap in smart_gaps(goal, today=TODAY)]


def test_a_smart_goal_has_no_gaps() -> None:
    assert smart_gaps(smart_goal(), today=TODAY) == []


@pytest.mark.parametrize(
    ("changes", "letter", "words"),
    [
        ({"platform": ""}, "S", "network"),
        ({"metric": "  "}, "S", "figure"),
        ({"target": None}, "M", "number"),
        ({"baseline": None}, "A", "today's figure"),
        ({"baseline": 100, "target": 400}, "A", "three times"),
        ({"relevance": ""}, "R", "business objective"),
        ({"deadline": None}, "T", "date"),
        ({"deadline": TODAY - dt.timedelta(days=1)}, "T", "passed"),
    ],
)
def test_each_missing_letter(changes: dict[str, object], letter: str, words: str) -> None:
    gaps = smart_gaps(smart_goal(**changes), today=TODAY)
    assert [g.letter for g in gaps] == [letter]
    assert words in gaps[0].message


def test_borderline_goals() -> None:
    assert letters(smart_goal(baseline=100, target=300)) == []  # exactly three times is fine
    assert letters(smart_goal(baseline=0, target=50)) == []  # starting from zero is allowed
    assert letters(smart_goal(deadline=TODAY)) == []  # due today has not passed yet


def test_an_empty_goal_misses_every_letter_in_order() -> None:
    assert letters(Goal(goal_type=GoalType.LEADS)) == ["S", "M", "A", "R", "T"]


# --- nonprofit goals and wording per kind ---------------------------------------------------


def test_nonprofit_goal_types_beside_the_nine() -> None:
    from smready.content import goal_types_for, load_goal_types

    every = [g.id for g in load_goal_types()]
    assert every[:9] == ["brand_awareness", "brand_reputation", "website_traffic",
                         "community_engagement", "conversions", "leads", "customer_service",
                         "market_insight", "recruiting"]
    assert every[9:] == ["donations", "volunteers", "advocacy"]
    business = [g.id for g in goal_types_for("small_business")]
    nonprofit = [g.id for g in goal_types_for("nonprofit")]
    assert business == every[:9]
    assert nonprofit == every


def test_relevance_hint_is_worded_for_the_kind_of_organization() -> None:
    from smready.domain import OrgKind

    goal = smart_goal(relevance="")
    business = smart_gaps(goal, today=TODAY, kind=OrgKind.SMALL_BUSINESS)[0].message
    nonprofit = smart_gaps(goal, today=TODAY, kind=OrgKind.NONPROFIT)[0].message
    assert "business objective" in business
    assert "business" not in nonprofit and "bookings" not in nonprofit
    assert "volunteers" in nonprofit
    # A donations goal is a nonprofit's even when the kind is not given.
    donations = smart_goal(goal_type=GoalType.DONATIONS, relevance="")
    assert "business" not in smart_gaps(donations, today=TODAY)[0].message


def test_old_goal_types_still_load() -> None:
    from smready.domain import OrgKind, Project

    data = Project.new("Harbour Food Bank", OrgKind.NONPROFIT).model_dump(mode="json")
    data["goals"] = [{"goal_type": "conversions"}, {"goal_type": "recruiting"}]
    loaded = Project.model_validate(data)
    assert [g.goal_type for g in loaded.goals] == [GoalType.CONVERSIONS, GoalType.RECRUITING]

