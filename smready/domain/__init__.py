"""Domain models. No Qt, no file I/O, no jinja: everything else speaks in these types.

The names below are imported from their modules on first use (PEP 562): importing one module
of the package does not build every model, so the app can build them a module at a time
while it starts (``smready.ui.app.main_window``), each step short.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
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
        Agencies,
        CommentRules,
        Consequence,
        Escalation,
        HRRules,
        Measurement,
        NonprofitRules,
        OfficialAccount,
        PaidAds,
        Person,
        PersonGroup,
        PolicyAnswers,
        Privacy,
        Responsibility,
        Review,
        Safeguarding,
        Scope,
        Spokesperson,
        TaskKind,
        Training,
        WorkTimeRule,
    )
    from smready.domain.project import (
        DOCUMENT_LANGUAGES,
        SCHEMA_VERSION,
        Action,
        Language,
        Project,
        document_language,
    )
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

#: The modules that define the names below, in the order they depend on each other.
SUBMODULES = ("base", "organization", "checklist", "goals", "readiness", "policy", "results",
              "project")

__all__ = [
    "DOCUMENT_LANGUAGES",
    "SCHEMA_VERSION",
    "Action",
    "Agencies",
    "AnswerValue",
    "Checklist",
    "CommentRules",
    "Consequence",
    "Contact",
    "Escalation",
    "Goal",
    "GoalType",
    "GoalTypeInfo",
    "HRRules",
    "Language",
    "Level",
    "LevelCap",
    "LevelResult",
    "Measurement",
    "NonprofitRules",
    "OfficialAccount",
    "Option",
    "OrgKind",
    "Organization",
    "PaidAds",
    "Person",
    "PersonGroup",
    "PlatformProfile",
    "Point",
    "PointResult",
    "PolicyAnswers",
    "PolicyGap",
    "Privacy",
    "PrivacyLaw",
    "Project",
    "Question",
    "QuestionKind",
    "QuestionResult",
    "ReadinessAnswers",
    "ReadinessResult",
    "Recommendation",
    "ResourceCheck",
    "Responsibility",
    "Review",
    "Safeguarding",
    "Scope",
    "ServiceTier",
    "SizeBand",
    "SmartGap",
    "Spokesperson",
    "TaskKind",
    "TierMatch",
    "TierPrices",
    "Training",
    "WorkTimeRule",
    "document_language",
    "privacy_law_for",
    "smart_gaps",
]


if not TYPE_CHECKING:  # mypy sees the imports above, and flags a name that is not there
    def __getattr__(name: str) -> Any:
        if name in __all__:
            for submodule in SUBMODULES:
                module = importlib.import_module(f"{__name__}.{submodule}")
                if hasattr(module, name):
                    value = getattr(module, name)
                    globals()[name] = value  # once: later reads do not come here
                    return value
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

    def __dir__() -> list[str]:
        return sorted({*globals(), *__all__})
