"""SMART goals for social media, and the checks that say which SMART letter is missing."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from pydantic import Field

from smready.domain.base import Name, ShortText, StrictModel
from smready.domain.organization import OrgKind
from smready.i18n import _


class GoalType(StrEnum):
    BRAND_AWARENESS = "brand_awareness"
    BRAND_REPUTATION = "brand_reputation"
    WEBSITE_TRAFFIC = "website_traffic"
    COMMUNITY_ENGAGEMENT = "community_engagement"
    CONVERSIONS = "conversions"
    LEADS = "leads"
    CUSTOMER_SERVICE = "customer_service"
    MARKET_INSIGHT = "market_insight"
    RECRUITING = "recruiting"
    # Nonprofit goals, beside the nine of the goal-setting article.
    DONATIONS = "donations"
    VOLUNTEERS = "volunteers"
    ADVOCACY = "advocacy"


class Goal(StrictModel):
    goal_type: GoalType
    platform: Name = ""
    metric: Name = ""
    baseline: float | None = Field(default=None, ge=0, le=1e12)
    target: float | None = Field(default=None, ge=0, le=1e12)
    deadline: dt.date | None = None
    relevance: ShortText = ""
    """Which objective of the organization the goal serves (the R of SMART)."""


class SmartGap(StrictModel):
    letter: str = Field(pattern=r"^[SMART]$")
    message: str


NONPROFIT_GOALS = frozenset({GoalType.DONATIONS, GoalType.VOLUNTEERS, GoalType.ADVOCACY})

# A target more than this many times the baseline is flagged as probably not achievable.
ACHIEVABLE_MAX_RATIO = 3.0


def smart_gaps(goal: Goal, today: dt.date | None = None,
               kind: OrgKind | None = None) -> list[SmartGap]:
    """Which SMART letters the goal misses, each with what to do about it.

    ``kind`` words the hints for the organization: a nonprofit serves aims such as more
    volunteers or donations, not a "business objective". Without it, the goal type decides
    (donations, volunteers and advocacy are nonprofit goals).
    """
    if kind is None and goal.goal_type in NONPROFIT_GOALS:
        kind = OrgKind.NONPROFIT
    today = today or dt.date.today()
    gaps: list[SmartGap] = []
    if not goal.platform.strip() or not goal.metric.strip():
        gaps.append(SmartGap(letter="S", message=_(
            "Name the network and the figure you will watch, e.g. Instagram followers.")))
    if goal.target is None:
        gaps.append(SmartGap(letter="M", message=_(
            "Give a number to reach, so you can tell whether you got there.")))
    if goal.baseline is None:
        gaps.append(SmartGap(letter="A", message=_(
            "Write down today's figure; without it you cannot judge if the target is realistic.")))
    elif goal.target is not None and goal.baseline > 0 and (
        goal.target / goal.baseline > ACHIEVABLE_MAX_RATIO
    ):
        gaps.append(SmartGap(letter="A", message=_(
            "The target is more than three times today's figure; check your past growth "
            "and consider a smaller step.")))
    if not goal.relevance.strip():
        if kind is OrgKind.NONPROFIT:
            message = _("Say which aim of your organization this goal serves, such as more "
                        "volunteers for the weekend or more monthly donors.")
        else:
            message = _("Say which business objective this goal serves, such as more bookings.")
        gaps.append(SmartGap(letter="R", message=message))
    if goal.deadline is None:
        gaps.append(SmartGap(letter="T", message=_("Set a date by which to reach the target.")))
    elif goal.deadline < today:
        gaps.append(SmartGap(letter="T", message=_(
            "The deadline has passed; set a new date.")))
    return gaps
