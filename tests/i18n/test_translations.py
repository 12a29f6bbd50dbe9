"""Every catalog is in step with the template, and every translation in it keeps the
placeholders, printf conversions, markup, entities and & shortcut of its source string
(after TagStudio's tests/i18n/test_translations.py).

Every message must have a Finnish and a Bengali translation, and every word slot a
translation inflects (``{customers:par}``) must have that form in the language's glossary for
both kinds of organization. Set ``SMREADY_LOCALE_DIR`` to check catalogs outside the checkout
(``scripts/preview_translations.py /work/tr /tmp/loc`` merges translators' partial files).
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po

from smready.i18n import PROTECTED, locale_dir, pseudo
from tests.conftest import REPO
from tests.i18n.checks import INFLECTED, problems

TEMPLATE = REPO / "resources" / "locale" / "smready.pot"
#: The catalogs under test: resources/locale, or $SMREADY_LOCALE_DIR.
LOCALE = locale_dir()
LANGS = ("fi", "bn")
KINDS = ("small_business", "nonprofit")


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
    template = {m.id for m in read(TEMPLATE) if m.id}
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
    ids = {m.id if isinstance(m.id, str) else m.id[0] for m in read(TEMPLATE)}
    assert "Page {page} of {pages}" in ids                       # Python, rendering
    assert "A clear reason to be there" in ids                   # checklist.yaml point title
    assert "Point person for all social media" in ids            # labels.yaml
    assert any(isinstance(m.id, tuple) for m in read(TEMPLATE))  # ngettext
    assert "getting_there" not in ids and "choice" not in ids     # ids stay out


def test_pseudo_language_keeps_every_template_message_intact_and_grows_it() -> None:
    for message in read(TEMPLATE):
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


@pytest.mark.parametrize("lang", LANGS)
def test_every_message_is_translated(lang: str) -> None:
    """No English left in the catalog: every message (every plural form) has a translation."""
    template = {m.id for m in read(TEMPLATE) if m.id}
    catalog = read(LOCALE / lang / "LC_MESSAGES" / "smready.po", lang)
    done = set()
    for message in catalog:
        if not message.id or message.fuzzy:
            continue
        forms = message.string if isinstance(message.string, (list, tuple)) else (
            message.string,)
        if forms and all(forms):
            done.add(message.id)
    missing = sorted((m if isinstance(m, str) else m[0]) for m in template - done)
    assert missing == [], f"{len(missing)} untranslated in {lang}, e.g. {missing[:5]}"


def glossary(lang: str) -> dict[str, object]:
    path = LOCALE / lang / "glossary.yaml"
    assert path.is_file(), f"{path} is missing"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def _forms(entry: object) -> set[str]:
    if isinstance(entry, str):
        return {"base"}
    assert isinstance(entry, dict) and entry.get("base"), entry
    return {str(name) for name in entry}


@pytest.mark.parametrize("lang", LANGS)
def test_glossary_has_every_slot_and_goal_name_of_the_english_one(lang: str) -> None:
    english = yaml.safe_load((REPO / "resources" / "glossary.yaml").read_text(encoding="utf-8"))
    data = glossary(lang)
    terms = data.get("terms")
    assert isinstance(terms, dict)
    assert set(english["terms"]) - set(terms) == set()
    for key in english["terms"]:
        assert set(terms[key]) == set(KINDS), f"terms.{key}"
        for kind in KINDS:
            assert "base" in _forms(terms[key][kind]), f"terms.{key}.{kind}"
    goal_names = data.get("goal_names")
    assert isinstance(goal_names, dict)
    for key, names in english["goal_names"].items():
        assert set(names) <= set(goal_names.get(key) or {}), f"goal_names.{key}"


@pytest.mark.parametrize("lang", LANGS)
def test_every_inflected_slot_has_its_form_in_the_glossary_for_both_kinds(lang: str) -> None:
    """``{customers:par}`` in a translation needs ``par`` for a café and for a food bank, else
    one of them silently gets the base form; a form on a name the user types
    (``{org:gen}``) cannot be made at all."""
    terms = glossary(lang).get("terms")
    assert isinstance(terms, dict)
    catalog = read(LOCALE / lang / "LC_MESSAGES" / "smready.po", lang)
    bad: dict[str, list[str]] = {}
    for _msgid, source, form in pairs(catalog):
        for match in INFLECTED.finditer(form):
            if match.group(0) in source:  # a format of the source ({min:g}), not a form
                continue
            slot, name = match.group(0)[1:-1].split(":", 1)
            key = slot[:1].lower() + slot[1:]
            if key not in terms:
                bad.setdefault(match.group(0), []).append("not a glossary word")
                continue
            for kind in KINDS:
                if name not in _forms(terms[key][kind]):
                    bad.setdefault(match.group(0), []).append(f"no {name!r} for {kind}")
    assert bad == {}
