"""The content of the readiness checklist, as loaded from ``resources/checklist.yaml``.

These are content models (what the app asks), not answers. They are validated at load so
that a typo in the question bank fails loudly with the file and key.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Literal

from pydantic import Field, model_validator

from smready.domain.base import Identifier, StrictModel


class QuestionKind(StrEnum):
    CHOICE = "choice"  # one of several options, each with a score (yes / partly / no ...)
    SCALE = "scale"  # integer from min to max, score rises linearly
    NUMBER = "number"  # a number (hours, posts, months); scored against zero_at / full_at
    MULTI = "multi"  # several options (platforms); scored by how many are picked
    TEXT = "text"  # a short free answer (the point person's name); full marks when given


class Option(StrictModel):
    id: Identifier
    label: str = Field(min_length=1, max_length=200)
    score: float = Field(ge=0, le=1)
    advice: str | None = Field(default=None, max_length=600)
    """Advice shown when this option is picked and it is weak (overrides the question's)."""


class Question(StrictModel):
    id: Identifier
    text: str = Field(min_length=5, max_length=300)
    help: str = Field(min_length=10, max_length=800)
    kind: QuestionKind
    weight: float = Field(gt=0, le=10)
    options: list[Option] = Field(default_factory=list, max_length=30)
    min: float | None = None
    max: float | None = None
    unit: str = Field(default="", max_length=40)
    zero_at: float | None = None
    full_at: float | None = None
    ideal_min: int | None = None
    ideal_max: int | None = None
    advice: str = Field(min_length=10, max_length=600)
    """What to do next when the answer is weak (score below WEAK_BELOW)."""
    prefill: Literal["platforms", "point_person", "posts_per_month", "hours_per_week"] | None = None
    satisfied_by_policy: bool = False
    """A completed policy in the project answers this question with full marks."""
    settled_by: list[Identifier] = Field(default_factory=list, max_length=6)
    """Facts of the project (``smready.scoring.SETTLED_FACTS``) that, all together, already
    settle this question's advice: it is then not shown as something to do."""

    @model_validator(mode="after")
    def _check_kind(self) -> Question:
        if self.kind in (QuestionKind.CHOICE, QuestionKind.MULTI) and len(self.options) < 2:
            raise ValueError(f"question {self.id}: a {self.kind} question needs 2+ options")
        if self.kind is QuestionKind.SCALE and (self.min is None or self.max is None):
            raise ValueError(f"question {self.id}: a scale needs min and max")
        if self.kind is QuestionKind.NUMBER and (self.zero_at is None or self.full_at is None):
            raise ValueError(f"question {self.id}: a number needs zero_at and full_at")
        if self.kind is QuestionKind.MULTI and (self.ideal_min is None or self.ideal_max is None):
            raise ValueError(f"question {self.id}: a multi-select needs ideal_min and ideal_max")
        ids = [o.id for o in self.options]
        if len(ids) != len(set(ids)):
            raise ValueError(f"question {self.id}: duplicate option ids")
        return self


class Point(StrictModel):
    id: Identifier
    number: int = Field(ge=1, le=6)
    title: str = Field(min_length=3, max_length=120)
    summary: str = Field(min_length=10, max_length=300)
    why: str = Field(min_length=20, max_length=1200)
    """Why it matters, shown as help in the app and in the readiness report."""
    weight: float = Field(gt=0, le=10)
    questions: list[Question] = Field(min_length=3, max_length=5)


class Level(StrictModel):
    id: Identifier
    name: str = Field(min_length=3, max_length=60)
    meaning: str = Field(min_length=10, max_length=300)
    min_score: float = Field(ge=0, le=100)


class LevelCap(StrictModel):
    """A rule from the brief: e.g. with no policy the level cannot be the top one."""

    question: Identifier
    below: float = Field(gt=0, le=1)
    """The cap applies when the question's score is below this (unanswered counts as 0)."""
    max_level: Identifier
    reason: str = Field(min_length=10, max_length=300)


class Checklist(StrictModel):
    points: list[Point] = Field(min_length=6, max_length=6)
    levels: list[Level] = Field(min_length=4, max_length=4)
    """Ordered from lowest to highest."""
    caps: list[LevelCap] = Field(default_factory=list)
    weak_below: float = Field(default=0.67, gt=0, le=1)

    @model_validator(mode="after")
    def _check_refs(self) -> Checklist:
        qids = [q.id for p in self.points for q in p.questions]
        if len(qids) != len(set(qids)):
            raise ValueError("duplicate question ids in the checklist")
        level_ids = {lv.id for lv in self.levels}
        for cap in self.caps:
            if cap.question not in qids:
                raise ValueError(f"cap refers to unknown question {cap.question}")
            if cap.max_level not in level_ids:
                raise ValueError(f"cap refers to unknown level {cap.max_level}")
        if [lv.min_score for lv in self.levels] != sorted(lv.min_score for lv in self.levels):
            raise ValueError("levels must be ordered by min_score")
        if self.levels[0].min_score != 0:
            raise ValueError("the lowest level must start at 0")
        return self

    def question(self, qid: str) -> Question:
        for point in self.points:
            for q in point.questions:
                if q.id == qid:
                    return q
        raise KeyError(qid)

    def point_of(self, qid: str) -> Point:
        for point in self.points:
            if any(q.id == qid for q in point.questions):
                return point
        raise KeyError(qid)

    def prefill_question(self, key: str) -> Question | None:
        for point in self.points:
            for q in point.questions:
                if q.prefill == key:
                    return q
        return None


class GoalTypeInfo(StrictModel):
    id: Identifier
    name: str = Field(min_length=3, max_length=80)
    description: str = Field(min_length=10, max_length=400)
    metrics: list[str] = Field(min_length=2, max_length=10)
    example: str = Field(min_length=10, max_length=300)
    kinds: list[Literal["small_business", "nonprofit"]] = Field(default_factory=list)
    """Kinds of organization the type is offered to (empty: every kind)."""


class PlatformProfile(StrictModel):
    id: Identifier
    name: str = Field(min_length=2, max_length=60)
    audience: str = Field(min_length=10, max_length=300)
    typical_use: str = Field(min_length=10, max_length=300)
    minutes_per_post: int = Field(gt=0, le=600)
    monitoring_hours_per_month: float = Field(ge=0, le=200)


class ServiceTier(StrictModel):
    id: Identifier
    name: str = Field(min_length=3, max_length=60)
    platforms_max: int = Field(gt=0, le=50)
    posts_min: int = Field(ge=0)
    posts_max: int | None = None
    """None = open-ended (35+ posts)."""
    cost_min: int = Field(ge=0)
    cost_max: int | None = None
    includes: list[str] = Field(min_length=1, max_length=12)


class TierPrices(StrictModel):
    """The currency the tier costs are given in, and how they are converted for elsewhere."""

    currency: str = Field(pattern=r"^[A-Z]{3}$")
    as_of: dt.date
    """When the conversion rates were taken (the report names its month)."""
    rates: dict[str, float] = Field(default_factory=dict, max_length=60)
    """Units of each currency for one unit of ``currency`` (approximate market rates)."""

    @model_validator(mode="after")
    def _check_rates(self) -> TierPrices:
        for code, rate in self.rates.items():
            if len(code) != 3 or not code.isupper() or not code.isalpha():
                raise ValueError(f"rates: {code!r} is not a currency code like EUR")
            if not (rate > 0 and rate < 1e6):
                raise ValueError(f"rates.{code}: must be a positive number")
        return self
