"""Every catalog is in step with the template, and every translation in it keeps the
placeholders, printf conversions, markup, entities and & shortcut of its source string
(after TagStudio's tests/i18n/test_translations.py).

The fi and bn catalogs are still empty while the content is being rewritten; these tests
check whatever is translated, and the checker itself is tested on broken entries below.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po

from smready.i18n import PROTECTED, pseudo
from tests.conftest import REPO
from tests.i18n.checks import problems

LOCALE = REPO / "resources" / "locale"
LANGS = ("fi", "bn")


def read(path: Path, locale: str | None = None) -> Catalog:
    with path.open("rb") as handle:
        return read_po(handle, locale=locale)


def pairs(catalog: Catalog) -> list[tuple[str, str, str]]:
    """(message id, source form, translated form) for every translated, non-fuzzy form."""
    out = []
    for message in catalog:
        if not message.id or message.fuzzy:
            continue
        if isinstance(message.id, (list, tuple)):
            singular, plural = message.id[0], message.id[1]
            for index, form in enumerate(message.string or ()):
                if form:
                    out.append((singular, singular if index == 0 else plural, form))
        elif message.string:
            out.append((message.id, message.id, message.string))
    return out


@pytest.mark.parametrize("lang", LANGS)
def test_catalog_has_every_message_of_the_template(lang: str) -> None:
    template = {m.id for m in read(LOCALE / "smready.pot") if m.id}
    catalog = read(LOCALE / lang / "LC_MESSAGES" / "smready.po", lang)
    have = {m.id for m in catalog if m.id}
    assert catalog.locale is not None and str(catalog.locale) == lang
    assert template - have == set(), f"run `make i18n`: {lang} lacks some messages"
    assert catalog.num_plurals == 2


@pytest.mark.parametrize("lang", LANGS)
def test_translations_keep_placeholders_and_markup(lang: str) -> None:
    catalog = read(LOCALE / lang / "LC_MESSAGES" / "smready.po", lang)
    bad = {msgid: problems(source, form) for msgid, source, form in pairs(catalog)
           if problems(source, form)}
    assert bad == {}


def test_template_holds_python_yaml_and_plural_messages() -> None:
    ids = {m.id if isinstance(m.id, str) else m.id[0] for m in read(LOCALE / "smready.pot")}
    assert "Page {page} of {pages}" in ids                       # Python, rendering
    assert "A clear reason to be there" in ids                   # checklist.yaml point title
    assert "Point person for all social media" in ids            # labels.yaml
    assert any(isinstance(m.id, tuple) for m in read(LOCALE / "smready.pot"))  # ngettext
    assert "getting_there" not in ids and "choice" not in ids     # ids stay out


def test_pseudo_language_keeps_every_template_message_intact_and_grows_it() -> None:
    for message in read(LOCALE / "smready.pot"):
        for source in (message.id if isinstance(message.id, tuple) else (message.id,)):
            if not source:
                continue
            fake = pseudo(source)
            assert problems(source, fake) == [], source
            # About 40 % longer, not counting what a placeholder will become.
            visible = len(PROTECTED.sub("", source))
            if visible >= 20:
                assert 1.3 <= len(PROTECTED.sub("", fake)) / visible <= 1.5, (source, fake)


@pytest.mark.parametrize(("source", "translated"), [
    ("Page {page} of {pages}", "Sivu {page}/{sivut}"),           # renamed field
    ("{n} answers", "vastauksia"),                                # dropped field
    ("Saved %s", "Tallennettu"),                                  # dropped printf
    ("<b>Note</b> this", "<i>Huom</i> tämä"),                     # other markup
    ("&Save", "Tallenna"),                                        # lost shortcut
    ("Costs {low}–{high}", "Hinta {low–{high}"),                  # broken format string
    ("Fish &amp; chips", "Kala ja perunat"),                      # lost entity
    ("We answer {customers}.", "Vastaamme {team:all}."),          # another word's form
])
def test_the_checker_catches_broken_translations(source: str, translated: str) -> None:
    assert problems(source, translated)


@pytest.mark.parametrize(("source", "translated"), [
    ("Page {page} of {pages}", "পৃষ্ঠা {pages}-এর {page}"),         # order may change
    ("&Save", "&Tallenna"),
    ("<b>Note</b> this", "<b>Huom</b> tämä"),
    ("Saved %(name)s", "%(name)s tallennettu"),
    ("We answer {customers} quickly.", "Vastaamme {customers:all} nopeasti."),  # a word's form
])
def test_the_checker_accepts_good_translations(source: str, translated: str) -> None:
    assert problems(source, translated) == []
