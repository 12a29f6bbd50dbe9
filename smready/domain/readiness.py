"""The user's answers to the readiness checklist."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, StringConstraints

from smready.domain.base import Identifier, LongText, Name, StrictModel

ChoiceId = Annotated[str, StringConstraints(pattern=r"^[a-z0-9_.-]{1,64}$")]
AnswerValue = int | float | list[ChoiceId] | Name
"""A choice id (choice), a number (scale, number), option ids (multi) or a name (text)."""


class ReadinessAnswers(StrictModel):
    answers: dict[Identifier, AnswerValue] = Field(default_factory=dict, max_length=200)
    """Keyed by question id; a missing key means "not answered yet"."""
    notes: dict[Identifier, LongText] = Field(default_factory=dict, max_length=20)
    """Free notes, keyed by point id."""
