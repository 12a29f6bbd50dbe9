"""Domain models. No Qt, no file I/O, no jinja: everything else speaks in these types."""

from smready.domain.checklist import (
    Checklist,
    GoalTypeInfo,
    Level,
    LevelCap,
    Option,
    PlatformProfile,
    Point,
    Question,
    QuestionKind,
    ServiceTier,
    TierPrices,
)
from smready.domain.goals import Goal, GoalType, SmartGap, smart_gaps
from smready.domain.organization import (
    Contact,
    Organization,
    OrgKind,
    PrivacyLaw,
    SizeBand,
    privacy_law_for,
)
from smready.domain.policy import (
    Consequence,
    Escalation,
    HRRules,
    Measurement,
    NonprofitRules,
    OfficialAccount,
    PolicyAnswers,
    Privacy,
    Responsibility,
    Review,
    Scope,
    Spokesperson,
    TaskKind,
    Training,
    WorkTimeRule,
)
from smready.domain.project import SCHEMA_VERSION, Action, Project
from smready.domain.readiness import AnswerValue, ReadinessAnswers
from smready.domain.results import (
    LevelResult,
    PointResult,
    PolicyGap,
    QuestionResult,
    ReadinessResult,
    Recommendation,
    ResourceCheck,
    TierMatch,
)

__all__ = [
    "SCHEMA_VERSION", "Action", "AnswerValue", "Checklist", "Consequence", "Contact",
    "Escalation", "Goal", "GoalType", "GoalTypeInfo", "HRRules", "Level", "LevelCap",
    "LevelResult", "Measurement", "NonprofitRules", "OfficialAccount", "Option", "OrgKind",
    "Organization", "PlatformProfile", "Point", "PointResult", "PolicyAnswers", "PolicyGap",
    "Privacy", "PrivacyLaw", "Project", "Question", "QuestionKind", "QuestionResult",
    "ReadinessAnswers", "ReadinessResult", "Recommendation", "ResourceCheck", "Responsibility",
    "Review", "Scope", "ServiceTier", "SizeBand", "SmartGap", "Spokesperson", "TaskKind",
    "TierMatch", "TierPrices", "Training", "WorkTimeRule", "privacy_law_for", "smart_gaps",
]
