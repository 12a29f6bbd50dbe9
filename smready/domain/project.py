"""The whole project: what a ``.smready`` file holds."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Literal

from pydantic import Field

from smready.domain.base import Identifier, Name, ShortText, StrictModel, bounded_list
from smready.domain.goals import Goal
from smready.domain.organization import Organization, OrgKind
from smready.domain.policy import PolicyAnswers
from smready.domain.readiness import ReadinessAnswers

SCHEMA_VERSION: Literal[1] = 1
Language = Literal["en", "fi", "bn"]
"""Document language: the language the project's policy, report and acknowledgement sheet
are written in (independent of the app's UI language)."""
DOCUMENT_LANGUAGES: tuple[Language, ...] = ("en", "fi", "bn")


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


class Action(StrictModel):
    """A recommendation the user decided to act on."""

    id: str = Field(default_factory=lambda: uuid.uuid4().hex, pattern=r"^[a-f0-9]{32}$")
    question: Identifier | None = None
    """The checklist question whose recommendation this came from, if any."""
    title: ShortText = Field(min_length=1)
    owner: Name = ""
    due: dt.date | None = None
    done: bool = False


class Project(StrictModel):
    schema_version: Literal[1] = SCHEMA_VERSION
    created: dt.datetime = Field(default_factory=_now)
    modified: dt.datetime = Field(default_factory=_now)
    language: Language = "en"
    organization: Organization
    readiness: ReadinessAnswers = Field(default_factory=ReadinessAnswers)
    goals: list[Goal] = bounded_list(50)
    policy: PolicyAnswers = Field(default_factory=PolicyAnswers)
    actions: list[Action] = bounded_list(200)

    @classmethod
    def new(cls, name: str, kind: OrgKind) -> Project:
        """A fresh project with the defaults a new organization of this kind needs."""
        from smready.domain.policy import Scope

        scope = Scope(staff=True, volunteers=kind is OrgKind.NONPROFIT,
                      board=kind is OrgKind.NONPROFIT)
        return cls(
            organization=Organization(name=name, kind=kind),
            policy=PolicyAnswers(scope=scope),
        )

    def touch(self) -> None:
        self.modified = _now()


def document_language(project: Project, override: str | None = None) -> Language:
    """The language ``project``'s documents are written in: ``override`` (one export's
    ``--language``) when given, else the project's own ``language``. The one place every
    renderer, the CLI and the render worker ask."""
    from smready.i18n import UnknownLanguage, normalize_language

    code = normalize_language(override) if override is not None else project.language
    if code not in DOCUMENT_LANGUAGES:
        raise UnknownLanguage(f"unknown document language {code!r}; smready writes documents "
                              f"in: {', '.join(DOCUMENT_LANGUAGES)}")
    return code
