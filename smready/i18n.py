"""Translation layer: every user-visible string goes through ``_``.

English is the source language. The catalogs are gettext files under ``resources/locale``:
``smready.pot`` (extracted by ``make i18n`` from the Python code, the jinja2 templates and the
user-visible fields of ``resources/*.yaml``) and ``<lang>/LC_MESSAGES/smready.po`` per
language. The ``.mo`` files are compiled at build time (``make setup``, the wheel build hook)
and are not committed; a source checkout without them (or with a ``.mo`` older than its
``.po``) compiles the ``.po`` in memory, so a catalog is never stale.

Two ways in:

* ``translation(lang)`` returns a :class:`Translation` object and touches no global state.
  Rendering takes one as a parameter: documents have their own language (a consultant can
  print a Bengali policy from an English UI) and are rendered in worker processes.
* ``_`` / ``ngettext`` translate into the UI language chosen with ``set_language`` (English
  until then), for the window and the command line.

``en_XA`` is a pseudo-language for finding cut-off labels: every string comes back accented
and about 40 % longer, in brackets (``⟦Śåvé …⟧``), with its placeholders and markup intact.
It is made from the source strings themselves, so it covers everything the ``.pot`` holds.
"""

from __future__ import annotations

import gettext
import io
import os
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from smready.paths import resources_dir

DOMAIN = "smready"
SOURCE_LANGUAGE = "en"
PSEUDO_LANGUAGE = "en_XA"
#: Languages with a catalog, plus English (the source) and the pseudo-language.
LANGUAGES = ("en", "fi", "bn")
LANGUAGE_NAMES = {"en": "English", "fi": "suomi", "bn": "বাংলা", PSEUDO_LANGUAGE: "Pseudo"}


class UnknownLanguage(ValueError):
    """A language code smready has no catalog for."""


#: A folder laid out like ``resources/locale`` (``<lang>/LC_MESSAGES/smready.po`` and
#: ``<lang>/glossary.yaml``) to use instead: translators preview their catalogs with it.
LOCALE_DIR_ENV = "SMREADY_LOCALE_DIR"


def locale_dir() -> Path:
    """``resources/locale``, or the folder ``$SMREADY_LOCALE_DIR`` names."""
    override = os.environ.get(LOCALE_DIR_ENV, "").strip()
    return Path(override) if override else resources_dir() / "locale"


def normalize_language(code: str) -> str:
    """``"fi_FI.UTF-8"`` → ``"fi"``, ``"bn-BD"`` → ``"bn"``, ``"en-XA"`` → ``"en_XA"``;
    raises :class:`UnknownLanguage` for anything else."""
    raw = code.strip().split(".", 1)[0].split("@", 1)[0].replace("-", "_")
    if raw.lower() == PSEUDO_LANGUAGE.lower():
        return PSEUDO_LANGUAGE
    base = raw.split("_", 1)[0].lower()
    if base in LANGUAGES:
        return base
    known = ", ".join((*LANGUAGES, PSEUDO_LANGUAGE))
    raise UnknownLanguage(f"unknown language {code.strip()[:40]!r}; smready has: {known}")


def best_language(candidates: list[str] | tuple[str, ...]) -> str:
    """The first of ``candidates`` (e.g. the system's UI languages) smready has, else English."""
    for code in candidates:
        try:
            return normalize_language(code)
        except UnknownLanguage:
            continue
    return SOURCE_LANGUAGE


@dataclass(frozen=True)
class Translation:
    """One language's messages. Immutable and shareable between threads."""

    lang: str
    catalog: gettext.NullTranslations = field(repr=False, compare=False)

    def gettext(self, message: str) -> str:
        return self.catalog.gettext(message)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return self.catalog.ngettext(singular, plural, n)

    def pgettext(self, context: str, message: str) -> str:
        return self.catalog.pgettext(context, message)

    __call__ = gettext


def _compile_po(po_path: Path) -> bytes:
    """A ``.po`` file as ``.mo`` bytes (Babel; only needed when no fresh ``.mo`` exists)."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with po_path.open("rb") as handle:
        catalog = read_po(handle, domain=DOMAIN)
    out = io.BytesIO()
    write_mo(out, catalog, use_fuzzy=False)
    return out.getvalue()


def _catalog_for(lang: str, localedir: Path) -> gettext.NullTranslations:
    folder = localedir / lang / "LC_MESSAGES"
    mo, po = folder / f"{DOMAIN}.mo", folder / f"{DOMAIN}.po"
    catalog: gettext.NullTranslations
    if mo.is_file() and (not po.is_file() or mo.stat().st_mtime >= po.stat().st_mtime):
        with mo.open("rb") as handle:
            catalog = gettext.GNUTranslations(handle)
    elif po.is_file():
        catalog = gettext.GNUTranslations(io.BytesIO(_compile_po(po)))
    else:
        raise UnknownLanguage(f"no catalog for {lang!r} in {folder}")
    return NativeDigits(catalog, lang) if lang in DIGITS else catalog


# --- numbers in the language's own digits ----------------------------------------------------

#: Languages written with their own digits (Bengali: ০–৯; CLDR's default numbering system
#: for ``bn`` is ``beng``). ``smready.formatting`` writes the numbers it formats in them.
DIGITS = {"bn": str.maketrans("0123456789", "০১২৩৪৫৬৭৮৯")}
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
#: A Latin letter right next to a number, or one space, hyphen or bracket away: "A4",
#: "UTF-8", "16 CFR 255", "Act 2018", "501(c)(3)", "2 MB" keep their digits (codes and names
#: stay as written).
_LATIN_BEFORE = re.compile(r"[A-Za-z][ \-()]{0,2}$")
_LATIN_AFTER = re.compile(r"^[ \-()]{0,2}[A-Za-z]")


def _native_numbers(text: str, table: dict[int, int]) -> str:
    def convert(match: re.Match[str]) -> str:
        before, after = text[max(0, match.start() - 3):match.start()], text[match.end():]
        if _LATIN_BEFORE.search(before) or _LATIN_AFTER.match(after):
            return match.group()
        return match.group().translate(table)

    return _NUMBER.sub(convert, text)


def native_digits(text: str, lang: str) -> str:
    """``text`` with every ASCII digit in ``lang``'s own digits (Bengali), else as is: for
    numbers we formatted ourselves."""
    table = DIGITS.get(lang)
    return text.translate(table) if table else text


def native_digits_in_text(text: str, lang: str) -> str:
    """A translated text with its numbers in ``lang``'s digits; placeholders, markup,
    codes and names next to Latin letters are left as they are."""
    table = DIGITS.get(lang)
    if table is None or not any(ch.isdigit() for ch in text):
        return text
    parts: list[str] = []
    last = 0
    for match in PROTECTED.finditer(text):
        parts.append(_native_numbers(text[last:match.start()], table))
        parts.append(match.group())
        last = match.end()
    parts.append(_native_numbers(text[last:], table))
    return "".join(parts)


class NativeDigits(gettext.NullTranslations):
    """A catalog whose translations write their numbers in the language's own digits (the
    translators keep the source's ASCII digits, as they were asked to)."""

    def __init__(self, inner: gettext.NullTranslations, lang: str) -> None:
        super().__init__()
        self.inner, self.lang = inner, lang

    def _native(self, found: str, *sources: str) -> str:
        return found if found in sources else native_digits_in_text(found, self.lang)

    def gettext(self, message: str) -> str:
        return self._native(self.inner.gettext(message), message)

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        return self._native(self.inner.ngettext(msgid1, msgid2, n), msgid1, msgid2)

    def pgettext(self, context: str, message: str) -> str:
        return self._native(self.inner.pgettext(context, message), message)

    def npgettext(self, context: str, msgid1: str, msgid2: str, n: int) -> str:
        return self._native(self.inner.npgettext(context, msgid1, msgid2, n), msgid1, msgid2)


@cache
def translation(lang: str, localedir: Path | None = None) -> Translation:
    """The messages of ``lang`` (any spelling :func:`normalize_language` accepts), from
    ``resources/locale`` unless ``localedir`` is given. Cached: catalogs are read once."""
    code = normalize_language(lang)
    if code == SOURCE_LANGUAGE:
        return Translation(code, gettext.NullTranslations())
    if code == PSEUDO_LANGUAGE:
        return Translation(code, PseudoTranslations())
    return Translation(code, _catalog_for(code, localedir or locale_dir()))


# --- the pseudo-language -------------------------------------------------------------------

_ACCENTED = str.maketrans(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
    "åƀçđéƒĝĥîĵķļɱñöþǫŕšţûṽŵẋýžÅƁÇĐÉƑĜĤÎĴĶĻṀÑÖÞǪŔŠŢÛṼŴẊÝŽ",
)
#: What a translation must keep exactly: format fields, printf conversions, markup and
#: entities, and Qt mnemonics ("&Save" keeps its S so the shortcut stays Alt+S).
PROTECTED = re.compile(
    r"\{[^{}]*\}"                                      # {name}, {0}, {n:,}
    r"|%(?:\([^)]+\))?[-#0 +]*\d*(?:\.\d+)?[sdifrxXeEgGc%]"  # %s, %(name)s, %d
    r"|<[^<>]+>"                                      # <b>, </a>, <br/>
    r"|&[a-zA-Z]+;|&#\d+;"                            # &amp; &#160;
    r"|&&|&(?=\w)\w"                                  # Qt: && and the mnemonic letter
)
EXPANSION = 0.4


def pseudo(message: str) -> str:
    """``message`` accented and padded to ~140 % of its length, placeholders untouched."""
    if not message:
        return message
    parts: list[str] = []
    last = 0
    for match in PROTECTED.finditer(message):
        parts.append(message[last:match.start()].translate(_ACCENTED))
        parts.append(match.group())
        last = match.end()
    parts.append(message[last:].translate(_ACCENTED))
    visible = len(PROTECTED.sub("", message))
    # The brackets count towards the growth; the rest is filler after a space, in "words"
    # of up to eight dots, so it wraps like text (one long run would be wider than a line).
    filler = max(0, round(visible * EXPANSION) - 2)
    padding = (" " + "".join(" " if i % 9 == 8 else "·" for i in range(filler - 1))
               if filler > 1 else "")
    return "⟦" + "".join(parts) + padding + "⟧"


class PseudoTranslations(gettext.NullTranslations):
    """Every message pseudo-translated on the fly (so nothing is ever missing from it)."""

    def gettext(self, message: str) -> str:
        return pseudo(message)

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        return pseudo(msgid1 if n == 1 else msgid2)

    def pgettext(self, context: str, message: str) -> str:
        return pseudo(message)

    def npgettext(self, context: str, msgid1: str, msgid2: str, n: int) -> str:
        return self.ngettext(msgid1, msgid2, n)


# --- the UI language (global, for the window and the command line) -------------------------

_current: Translation = translation(SOURCE_LANGUAGE)


def set_language(lang: str) -> Translation:
    """Make ``lang`` the UI language; returns its :class:`Translation`. Raises
    :class:`UnknownLanguage` (a one-line message) for a language smready does not have."""
    global _current
    _current = translation(lang)
    return _current


def current() -> Translation:
    return _current


def _(message: str) -> str:
    return _current.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return _current.ngettext(singular, plural, n)
