"""What scoring returns: plain data that the UI, the CLI and the report all show."""

from __future__ import annotations

from pydantic import Field

from smready.domain.base import Identifier, StrictModel


class QuestionResult(StrictModel):
    question: Identifier
    answered: bool
    score: float = Field(ge=0, le=1)
    from_policy: bool = False
    """True when the answer came from the policy completed in this project."""


class PointResult(StrictModel):
    id: Identifier
    number: int
    title: str
    why: str
    score: float = Field(ge=0, le=100)
    weight: float
    answered: int
    total: int
    questions: list[QuestionResult]
    note: str = ""
    """E.g. "Counts the policy you completed in this project"."""


class Recommendation(StrictModel):
    question: Identifier
    point: Identifier
    point_title: str
    text: str
    impact: float
    """Weight of the point x the question's share x the shortfall; higher first."""
    settled_note: str = ""
    """Why this advice is not a to-do: what the policy or the goals already settle."""


class LevelResult(StrictModel):
    id: Identifier
    name: str
    meaning: str
    capped_by: list[str] = Field(default_factory=list)
    """Reasons the level was held below what the score alone would give."""


class TierMatch(StrictModel):
    id: Identifier
    name: str
    cost_min: int
    cost_max: int | None
    cost_text: str
    """E.g. "$2,000–3,000 a month", "€1,700–2,600 a month" or "$3,500+ a month"."""
    posts_min: int = 0
    posts_max: int | None = None
    platforms_max: int = 0
    smaller_plan: bool = False
    """The plan has fewer posts than the lightest service: it is compared, not matched."""
    currency: str = "USD"
    converted: bool = False
    """The costs were converted from the source's currency at a stated approximate rate."""


class ResourceCheck(StrictModel):
    platforms: list[str]
    posts_per_month: float
    hours_needed_per_month: float
    hours_available_per_month: float | None
    """None when the user has not said how many hours they have."""
    enough: bool | None
    tier: TierMatch | None
    message: str


class ReadinessResult(StrictModel):
    overall: float = Field(ge=0, le=100)
    level: LevelResult
    points: list[PointResult]
    recommendations: list[Recommendation]
    """Advice still to act on, most important first."""
    settled: list[Recommendation] = Field(default_factory=list)
    """Weak answers whose advice the policy or the goals already settle (with the reason)."""
    resources: ResourceCheck
    policy_counted: bool
    """The project's completed policy was counted toward point 5."""
    answered: int
    total: int


class PolicyGap(StrictModel):
    """A required policy answer that is missing, for the wizard and the completeness check."""

    section: Identifier
    field: str
    message: str
