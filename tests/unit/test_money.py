"""Time and money: the country's currency, the tier of the plan's own size, one rounding of
hours, and advice that never cuts a network a goal depends on."""

from __future__ import annotations

import datetime as dt

import pytest

from smready.content import load_tier_prices
from smready.domain import Goal, GoalType, OrgKind, Project
from smready.money import convert, currency_for, significant
from smready.scoring import resource_check


def plan(country: str = "", platforms: tuple[str, ...] = ("instagram", "facebook",
                                                           "google_business"),
         posts: float = 12, hours_week: float = 3, goals: tuple[str, ...] = ()) -> Project:
    project = Project.new("Café Aurora", OrgKind.SMALL_BUSINESS)
    project.organization.country = country
    project.readiness.answers.update({
        "sites.platforms": list(platforms), "resources.posts_per_month": posts,
        "resources.hours_per_week": hours_week})
    project.goals = [Goal(goal_type=GoalType.LEADS, platform=name, metric="Enquiries",
                          baseline=2, target=6, deadline=dt.date(2027, 6, 30),
                          relevance="Catering fills the mornings.") for name in goals]
    return project


@pytest.mark.parametrize(("country", "expected"), [
    ("FI", "860–1\u00a0300\u00a0€ a month"),
    ("GB", "£760–1,100 a month"),
    ("US", "$1,000–1,500 a month"),
    ("IE", "€860–1,300 a month"),
    # No stated rate for yen: US prices, in dollars, never a made-up amount.
    ("JP", "$1,000–1,500 a month"),
])
def test_agency_cost_in_the_countrys_currency(country: str, expected: str) -> None:
    tier = resource_check(plan(country)).tier
    assert tier is not None and tier.cost_text == expected
    assert tier.converted is (country in ("FI", "GB", "IE"))


def test_conversion_is_stated_data_and_rounded() -> None:
    prices = load_tier_prices()
    assert prices.currency == "USD" and prices.as_of
    assert convert(1500, prices, "EUR").amount == significant(1500 * prices.rates["EUR"])
    assert significant(1290) == 1300 and significant(860) == 860 and significant(3010) == 3000
    assert currency_for("FI") == "EUR" and currency_for("GB") == "GBP"
    assert currency_for("") == "USD" and currency_for("X1") == "USD"


def test_tier_matches_the_plans_posts_not_its_network_count() -> None:
    """The café plans 12 posts on three networks: compare with the lightest service
    (15–20 posts) and say the plan is smaller, not quote the 25–30 post tier."""
    check = resource_check(plan("FI"))
    assert check.tier is not None and check.tier.id == "light" and check.tier.smaller_plan
    assert "your plan of 12 posts a month is smaller than that" in check.message
    assert "covers fewer networks than the 3 you plan" in check.message
    bigger = resource_check(plan("FI", posts=28, hours_week=4))
    assert bigger.tier is not None and bigger.tier.id == "mid" and not bigger.tier.smaller_plan
    assert "The closest agency service is Mid (25–30 posts a month" in bigger.message


def test_hours_are_rounded_once() -> None:
    """2 hours a week is 8.67 hours a month: 9 in the figures and 9 in the sentence."""
    check = resource_check(plan(platforms=("facebook", "instagram"), posts=8, hours_week=2))
    assert check.hours_available_per_month == 9
    assert check.hours_needed_per_month == 13
    assert "needs about 13 hours a month; you have 9." in check.message
    # The verdict is taken on the same whole hours that are printed.
    for per_week in (0.5, 1, 2.9, 3, 3.1):
        c = resource_check(plan(hours_week=per_week))
        assert c.enough is ((c.hours_available_per_month or 0) >= c.hours_needed_per_month)


def test_never_cuts_a_network_a_goal_depends_on() -> None:
    free = resource_check(plan())
    assert "Drop Facebook, which none of your goals depends on" in free.message
    catering = resource_check(plan(goals=("Facebook",)))
    assert "Drop Facebook" not in catering.message
    assert "Drop Instagram, which none of your goals depends on" in catering.message
    every = resource_check(plan(goals=("Instagram", "Facebook", "Google Business Profile")))
    assert "Drop" not in every.message
    assert "Cut to about 6 posts a month" in every.message
