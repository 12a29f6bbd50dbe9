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

# Where each name lives, in the order the modules depend on each other.
_MODULES: dict[str, str] = {
    "DOCUMENT_LANGUAGES": "project",
    "SCHEMA_VERSION": "project",
    "Action": "project",
    "Agencies": "policy",
    "AnswerValue": "readiness",
    "Checklist": "checklist",
    "CommentRules": "policy",
    "Consequence": "policy",
    "Contact": "organization",
    "Escalation": "policy",
    "Goal": "goals",
    "GoalType": "goals",
    "GoalTypeInfo": "checklist",
    "HRRules": "policy",
    "Language": "project",
    "Level": "checklist",
    "LevelCap": "checklist",
    "LevelResult": "results",
    "Measurement": "policy",
    "NonprofitRules": "policy",
    "OfficialAccount": "policy",
    "Option": "checklist",
    "OrgKind": "organization",
    "Organization": "organization",
    "PaidAds": "policy",
    "Person": "policy",
    "PersonGroup": "policy",
    "PlatformProfile": "checklist",
    "Point": "checklist",
    "PointResult": "results",
    "PolicyAnswers": "policy",
    "PolicyGap": "results",
    "Privacy": "policy",
    "PrivacyLaw": "organization",
    "Project": "project",
    "Question": "checklist",
    "QuestionKind": "checklist",
    "QuestionResult": "results",
    "ReadinessAnswers": "readiness",
    "ReadinessResult": "results",
    "Recommendation": "results",
    "ResourceCheck": "results",
    "Responsibility": "policy",
    "Review": "policy",
    "Safeguarding": "policy",
    "Scope": "policy",
    "ServiceTier": "checklist",
    "SizeBand": "organization",
    "SmartGap": "goals",
    "Spokesperson": "policy",
    "TaskKind": "policy",
    "TierMatch": "results",
    "TierPrices": "checklist",
    "Training": "policy",
    "WorkTimeRule": "policy",
    "document_language": "project",
    "privacy_law_for": "organization",
    "smart_gaps": "goals",
}

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
        module = _MODULES.get(name)
        if module is None:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
        globals()[name] = value  # once: later reads do not come here
        return value

    def __dir__() -> list[str]:
        return sorted({*globals(), *__all__})
