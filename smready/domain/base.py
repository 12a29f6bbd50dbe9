"""Shared building blocks: a strict base model and bounded text types.

Every string and list has a length limit so that a hostile project file cannot balloon
memory; control characters (NUL and friends) are removed because no printed document can
show them and XML-based formats reject them.
"""

from __future__ import annotations

import re
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints

_CONTROL_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")

MAX_LIST = 500


def strip_control_chars(value: str) -> str:
    return _CONTROL_CHARS.sub("", value)


def _clean(value: Any) -> Any:
    # Cleans before the length checks, so a name of only control characters is refused
    # instead of being saved as an empty string that the next load rejects.
    return strip_control_chars(value) if isinstance(value, str) else value


Identifier = Annotated[str, StringConstraints(pattern=r"^[a-z0-9_.-]{1,64}$")]
"""Ids of content entries (points, questions, options, platforms)."""

Name = Annotated[str, StringConstraints(max_length=200), BeforeValidator(_clean)]
"""A person's or organization's name, a role, a handle, a short label."""

ShortText = Annotated[str, StringConstraints(max_length=500), BeforeValidator(_clean)]
"""A phrase: a response time, a contact line, a purpose."""

LongText = Annotated[str, StringConstraints(max_length=20_000), BeforeValidator(_clean)]
"""Free paragraphs: notes, custom rules."""


def bounded_list(max_length: int = MAX_LIST) -> Any:
    """``Field`` for a list with a length limit (use as ``x: list[T] = bounded_list()``)."""
    return Field(default_factory=list, max_length=max_length)


class StrictModel(BaseModel):
    """Base for every domain model: unknown keys are errors, assignments are validated,
    numbers are finite."""

    model_config = ConfigDict(
        extra="forbid",
        validate_assignment=True,
        validate_default=True,
        str_strip_whitespace=False,
        # 1e400 reads as inf: no score, chart or JSON file can hold it.
        allow_inf_nan=False,
    )
