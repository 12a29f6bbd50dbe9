"""Vocabulary by kind of organization and spelling by country (``resources/glossary.yaml``).

A café has customers, sells products and services and has staff; a food bank serves people,
runs programmes, has staff and volunteers and takes donations. Our own texts are written in
British spelling; for an organization in the United States they are respelt in American
spelling (organization, recognized, labor, program). What the user typed is never respelt.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from smready.domain import Organization, OrgKind
from smready.paths import resource
from smready.yamlfile import safe_load

__all__ = ["GlossaryError", "Vocabulary", "american_spelling", "vocabulary"]


class GlossaryError(Exception):
    """resources/glossary.yaml is missing a key or has a wrong type."""


@dataclass(frozen=True)
class _Glossary:
    terms: dict[str, dict[str, str]]
    goal_names: dict[str, dict[str, str]]
    american_countries: frozenset[str]
    spelling: dict[str, str]
    pattern: re.Pattern[str]


@cache
def _glossary() -> _Glossary:
    path = resource("glossary.yaml")
    data: Any = safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise GlossaryError(f"{path}: top level: expected a mapping")
    terms: dict[str, dict[str, str]] = {}
    for key, forms in (data.get("terms") or {}).items():
        if not isinstance(forms, dict) or set(forms) != {k.value for k in OrgKind}:
            raise GlossaryError(f"{path}: terms.{key}: needs exactly small_business and "
                                "nonprofit")
        terms[str(key)] = {str(k): str(v) for k, v in forms.items()}
    spelling = {str(k).lower(): str(v).lower() for k, v in (data.get("spelling") or {}).items()}
    if not spelling:
        raise GlossaryError(f"{path}: spelling: missing")
    words = sorted(spelling, key=len, reverse=True)
    # A plural or third-person "s" follows the word: colours -> colors.
    pattern = re.compile(r"\b(" + "|".join(re.escape(w) for w in words) + r")(s?)\b",
                         re.IGNORECASE)
    countries = frozenset(str(c).upper() for c in data.get("american_countries") or ())
    goal_names: dict[str, dict[str, str]] = {}
    for key, forms in (data.get("goal_names") or {}).items():
        if not isinstance(forms, dict):
            raise GlossaryError(f"{path}: goal_names.{key}: expected a mapping")
        goal_names[str(key)] = {str(k): str(v) for k, v in forms.items()}
    return _Glossary(terms, goal_names, countries, spelling, pattern)


def _match_case(original: str, replacement: str) -> str:
    if original.isupper() and len(original) > 1:
        return replacement.upper()
    if original[:1].isupper():
        return replacement[:1].upper() + replacement[1:]
    return replacement


def american_spelling(text: str) -> str:
    """Respell British forms in our own text ("organisation" -> "organization")."""
    glossary = _glossary()
    return glossary.pattern.sub(
        lambda m: _match_case(m.group(1), glossary.spelling[m.group(1).lower()]) + m.group(2),
        text)


@dataclass(frozen=True)
class Vocabulary:
    kind: OrgKind
    american: bool

    def term(self, key: str) -> str:
        """The word for ``key`` in this kind of organization, in its spelling."""
        try:
            word = _glossary().terms[key][self.kind.value]
        except KeyError:
            raise GlossaryError(f"glossary.yaml: terms.{key}: unknown term") from None
        return self.spell(word)

    def spell(self, text: str) -> str:
        """Our own text in the organization's spelling."""
        return american_spelling(text) if self.american else text

    def goal_name(self, goal_type: str, default: str) -> str:
        """The name of a goal type for this kind ("Donations and sign-ups" for a nonprofit)."""
        return self.spell(_glossary().goal_names.get(goal_type, {}).get(self.kind.value,
                                                                         default))

    def slots(self) -> dict[str, str]:
        """Every term as a format slot, plus a capitalised variant ({Customers})."""
        out: dict[str, str] = {}
        for key in _glossary().terms:
            word = self.term(key)
            out[key] = word
            out[key[:1].upper() + key[1:]] = word[:1].upper() + word[1:]
        return out


def vocabulary(organization: Organization) -> Vocabulary:
    return Vocabulary(kind=organization.kind,
                      american=organization.country.upper() in _glossary().american_countries)


def goal_type_name(goal_type: str, organization: Organization) -> str:
    """The name of a goal type as this organization reads it, everywhere it is shown (the
    goals page, the policy, the report): "Donations and sign-ups" for a nonprofit instead of
    "Conversions and sales"."""
    from smready.content import load_goal_types

    default = next((t.name for t in load_goal_types() if t.id == goal_type), goal_type)
    return vocabulary(organization).goal_name(goal_type, default)
