"""Vocabulary by kind of organization, language and country.

A café has customers, sells products and services and has staff; a food bank serves people,
runs programmes, has staff and volunteers and takes donations. The English words are in
``resources/glossary.yaml``; each translated language has its own
``resources/locale/<lang>/glossary.yaml`` (written by its translators, schema in
``/work/tr/TRANSLATE.md``): the same ``terms``, each with the grammatical forms that
language's clauses use, and the ``goal_names`` a nonprofit reads.

A clause writes ``{customers}`` for the ``base`` form or ``{customers:par}`` for a named form
(the Finnish partitive); ``{Customers}`` starts a sentence. A form the glossary lacks falls
back to ``base`` when a document is made (the tests make sure none is missing), and a form
name after a slot the user typed (``{org:gen}``) is ignored: a render never fails on it.

Our English texts are written in British spelling; for an organization in the United States
they are respelt in American spelling (organization, recognized, labor, program). Only
English documents are respelt, and what the user typed never is.
"""

from __future__ import annotations

import re
import string
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from smready.domain import Organization, OrgKind
from smready.paths import resource
from smready.yamlfile import safe_load

__all__ = ["GlossaryError", "SlotFormatter", "Term", "Vocabulary", "american_spelling",
           "fill_slots", "glossary_path", "goal_type_name", "vocabulary"]

BASE = "base"
KINDS = tuple(k.value for k in OrgKind)


class GlossaryError(Exception):
    """A glossary file is missing a key or has a wrong type."""


class Term(str):
    """A slot word: its ``base`` form as a string, and its other grammatical forms by name.

    ``format(term, "par")`` gives the form ``par`` (``base`` when the glossary has none), so
    ``"{customers:par}".format(customers=term)`` works with plain ``str.format``.
    """

    forms: Mapping[str, str]

    def __new__(cls, forms: Mapping[str, str]) -> Term:
        term = super().__new__(cls, forms[BASE])
        term.forms = dict(forms)
        return term

    def form(self, name: str) -> str:
        return self.forms.get(name or BASE) or self.forms[BASE]

    def __format__(self, spec: str) -> str:
        return self.form(spec)

    def capitalized(self) -> Term:
        return Term({name: word[:1].upper() + word[1:] for name, word in self.forms.items()})

    def mapped(self, change: Any) -> Term:
        return Term({name: change(word) for name, word in self.forms.items()})


class SlotFormatter(string.Formatter):
    """``str.format`` for our clauses: a form name after a slot picks that form of a
    :class:`Term`; after anything else (a name the user typed) it is ignored."""

    def format_field(self, value: Any, format_spec: str) -> str:
        if isinstance(value, Term):
            return value.form(format_spec)
        if format_spec.isidentifier():
            return str(value)
        return str(format(value, format_spec))


_FORMATTER = SlotFormatter()


def fill_slots(template: str, slots: Mapping[str, Any]) -> str:
    """``template`` with its ``{slot}`` / ``{slot:form}`` fields filled from ``slots``
    (raises KeyError for an unknown slot, ValueError for a malformed template)."""
    return _FORMATTER.vformat(template, (), slots)


@dataclass(frozen=True)
class _Glossary:
    terms: dict[str, dict[str, Term]]
    goal_names: dict[str, dict[str, str]]


@dataclass(frozen=True)
class _Spelling:
    american_countries: frozenset[str]
    spelling: dict[str, str]
    pattern: re.Pattern[str]


def glossary_path(lang: str) -> Path:
    """The glossary of ``lang``: ``resources/glossary.yaml`` for English, else
    ``resources/locale/<lang>/glossary.yaml``."""
    if lang == "en":
        return resource("glossary.yaml")
    from smready.i18n import locale_dir

    return locale_dir() / lang / "glossary.yaml"


def _read(path: Path) -> dict[str, Any]:
    try:
        data: Any = safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise GlossaryError(f"{path}: cannot be read: {exc}") from exc
    if not isinstance(data, dict):
        raise GlossaryError(f"{path}: top level: expected a mapping")
    return data


def _term(value: Any, where: str) -> Term:
    if isinstance(value, str) and value.strip():
        return Term({BASE: value.strip()})
    if isinstance(value, dict) and isinstance(value.get(BASE), str) and value[BASE].strip():
        forms = {}
        for name, word in value.items():
            if not isinstance(word, str) or not word.strip() or not str(name).isidentifier():
                raise GlossaryError(f"{where}.{name}: expected a form name and a word")
            forms[str(name)] = word.strip()
        return Term(forms)
    raise GlossaryError(f"{where}: expected a word, or forms with at least {BASE!r}")


@cache
def load_glossary(path: Path) -> _Glossary:
    """One glossary file, checked: every term has both kinds; forms are named words."""
    data = _read(path)
    terms: dict[str, dict[str, Term]] = {}
    for key, by_kind in (data.get("terms") or {}).items():
        if not isinstance(by_kind, dict) or set(by_kind) != set(KINDS):
            raise GlossaryError(f"{path}: terms.{key}: needs exactly small_business and "
                                "nonprofit")
        terms[str(key)] = {str(kind): _term(value, f"{path}: terms.{key}.{kind}")
                           for kind, value in by_kind.items()}
    goal_names: dict[str, dict[str, str]] = {}
    for key, names in (data.get("goal_names") or {}).items():
        if not isinstance(names, dict):
            raise GlossaryError(f"{path}: goal_names.{key}: expected a mapping")
        goal_names[str(key)] = {str(k): str(v) for k, v in names.items()}
    return _Glossary(terms, goal_names)


@cache
def _glossary(lang: str) -> _Glossary:
    """The glossary of ``lang``; a language whose glossary has not landed yet borrows the
    English words (tests/i18n checks that every language has every term)."""
    path = glossary_path(lang)
    if lang != "en" and not path.is_file():
        return _glossary("en")
    return load_glossary(path)


@cache
def _spelling() -> _Spelling:
    path = resource("glossary.yaml")
    data = _read(path)
    spelling = {str(k).lower(): str(v).lower() for k, v in (data.get("spelling") or {}).items()}
    if not spelling:
        raise GlossaryError(f"{path}: spelling: missing")
    words = sorted(spelling, key=len, reverse=True)
    # A plural or third-person "s" follows the word: colours -> colors.
    pattern = re.compile(r"\b(" + "|".join(re.escape(w) for w in words) + r")(s?)\b",
                         re.IGNORECASE)
    countries = frozenset(str(c).upper() for c in data.get("american_countries") or ())
    return _Spelling(countries, spelling, pattern)


def _match_case(original: str, replacement: str) -> str:
    if original.isupper() and len(original) > 1:
        return replacement.upper()
    if original[:1].isupper():
        return replacement[:1].upper() + replacement[1:]
    return replacement


def american_spelling(text: str) -> str:
    """Respell British forms in our own English text ("organisation" -> "organization")."""
    spelling = _spelling()
    return spelling.pattern.sub(
        lambda m: _match_case(m.group(1), spelling.spelling[m.group(1).lower()]) + m.group(2),
        text)


@dataclass(frozen=True)
class Vocabulary:
    kind: OrgKind
    american: bool
    lang: str = ""
    """The language of the words; "" is the UI language (the window's combo boxes)."""

    @property
    def language(self) -> str:
        return self.lang or _ui_language()

    def _word(self, key: str) -> Term:
        terms = _glossary(self.language).terms
        if key not in terms and self.language != "en":
            terms = _glossary("en").terms
        try:
            return terms[key][self.kind.value]
        except KeyError:
            raise GlossaryError(f"{glossary_path(self.language).name}: terms.{key}: unknown term"
                                ) from None

    def term(self, key: str, form: str = BASE) -> str:
        """The word for ``key`` in this kind of organization, in its spelling."""
        return self.spell(self._word(key).form(form))

    def spell(self, text: str) -> str:
        """Our own text in the organization's spelling (English documents only)."""
        return american_spelling(text) if self.american and self.language == "en" else text

    def goal_name(self, goal_type: str, default: str) -> str:
        """The name of a goal type for this kind ("Donations and sign-ups" for a nonprofit);
        ``default`` is the goal type's own name, already in this language."""
        names = _glossary(self.language).goal_names.get(goal_type, {})
        return self.spell(names.get(self.kind.value, default))

    def slots(self) -> dict[str, Term]:
        """Every term as a format slot with its forms, plus a capitalised variant
        ({Customers})."""
        out: dict[str, Term] = {}
        keys = dict.fromkeys([*_glossary("en").terms, *_glossary(self.language).terms])
        for key in keys:
            word = self._word(key).mapped(self.spell)
            out[key] = word
            out[key[:1].upper() + key[1:]] = word.capitalized()
        return out


def _ui_language() -> str:
    from smready.i18n import current

    return current().lang


def vocabulary(organization: Organization, lang: str | None = None) -> Vocabulary:
    """The words of ``organization``'s kind in ``lang`` (the UI language when not given;
    documents pass their own language)."""
    return Vocabulary(kind=organization.kind,
                      american=organization.country.upper() in _spelling().american_countries,
                      lang=lang or _ui_language())


def goal_type_name(goal_type: str, organization: Organization, lang: str | None = None) -> str:
    """The name of a goal type as this organization reads it, everywhere it is shown (the
    goals page, the policy, the report): "Donations and sign-ups" for a nonprofit instead of
    "Conversions and sales"."""
    from smready.content import load_goal_types

    vocab = vocabulary(organization, lang)
    default = next((t.name for t in load_goal_types(lang=vocab.lang) if t.id == goal_type),
                   goal_type)
    return vocab.goal_name(goal_type, default)
