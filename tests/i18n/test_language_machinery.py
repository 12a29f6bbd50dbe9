"""The language machinery below the window, on a small fixture glossary and catalog:
grammatical forms in slots, Babel formats, Bengali digits, content in a language, English-only
lint. (The real catalogs and glossaries are checked in test_translations.py and by the
documents in tests/e2e/test_document_languages.py.)"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from smready.domain import Organization, OrgKind, Project, document_language
from smready.formatting import formats
from smready.glossary import Term, fill_slots, vocabulary
from smready.i18n import native_digits_in_text

FIXTURE_GLOSSARY = """\
language: fi
terms:
  customers:
    small_business: {base: asiakkaat, par: asiakkaita, gen: asiakkaiden}
    nonprofit: {base: palvelemamme ihmiset, par: palvelemiamme ihmisiä}
  offer:
    small_business: tuotteet ja palvelut
    nonprofit: {base: toiminta ja palvelut}
goal_names:
  conversions: {nonprofit: Lahjoitukset ja liittymiset}
"""
FIXTURE_PO = r'''msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\n"
"Language: fi\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\n"

msgid "A clear reason to be there"
msgstr "Selkeä syy olla siellä"

msgid "Social media policy"
msgstr "Sosiaalisen median ohje"

msgid ""
"Choose your networks and how many posts a month you plan, and you will see how many hours "
"that takes."
msgstr "Valitse kanavat ja montako julkaisua kuukaudessa suunnittelet."
'''


def _clear_language_caches() -> None:
    import smready.content as content
    import smready.glossary as glossary
    from smready.i18n import translation

    translation.cache_clear()
    glossary._glossary.cache_clear()
    glossary.load_glossary.cache_clear()
    for loader in (content._load_checklist, content._load_platforms, content._load_tiers,
                   content._load_goal_types, content._load_labels, content._platforms_by_id,
                   content._goals_by_id, content._load_tier_prices):
        loader.cache_clear()


@pytest.fixture
def fixture_locale(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A Finnish catalog and glossary of a few entries, in place of resources/locale."""
    folder = tmp_path / "locale"
    (folder / "fi" / "LC_MESSAGES").mkdir(parents=True)
    (folder / "fi" / "LC_MESSAGES" / "smready.po").write_text(FIXTURE_PO, encoding="utf-8")
    (folder / "fi" / "glossary.yaml").write_text(FIXTURE_GLOSSARY, encoding="utf-8")
    monkeypatch.setenv("SMREADY_LOCALE_DIR", str(folder))
    _clear_language_caches()
    yield folder
    monkeypatch.delenv("SMREADY_LOCALE_DIR")
    _clear_language_caches()


def org(kind: OrgKind = OrgKind.SMALL_BUSINESS, country: str = "FI") -> Organization:
    return Organization(name="Kahvila", kind=kind, country=country)


# --- slots with grammatical forms --------------------------------------------------------


def test_a_slot_takes_the_form_a_translation_asks_for(fixture_locale: Path) -> None:
    slots = vocabulary(org(), "fi").slots()
    text = "Vastaamme {customers:gen} kysymyksiin. {Customers:par} kuunnellaan. {offer} ja {org}."
    assert fill_slots(text, {**slots, "org": "Café Aurora"}) == (
        "Vastaamme asiakkaiden kysymyksiin. Asiakkaita kuunnellaan. "
        "tuotteet ja palvelut ja Café Aurora.")
    bank = vocabulary(org(OrgKind.NONPROFIT), "fi").slots()
    assert fill_slots("{customers:par}", bank) == "palvelemiamme ihmisiä"
    assert vocabulary(org(OrgKind.NONPROFIT), "fi").goal_name(
        "conversions", "Konversiot") == "Lahjoitukset ja liittymiset"


def test_an_unknown_form_falls_back_to_base_and_a_form_on_user_text_is_ignored(
        fixture_locale: Path) -> None:
    slots = vocabulary(org(OrgKind.NONPROFIT), "fi").slots()
    # The nonprofit's glossary has no genitive: a render gives the base word, never fails.
    assert fill_slots("{customers:gen}", slots) == "palvelemamme ihmiset"
    assert fill_slots("{org:gen} ohje", {"org": "Café Aurora"}) == "Café Aurora ohje"
    assert fill_slots("{n:>3}", {"n": 7}) == "  7"


def test_a_term_is_its_base_word_everywhere_a_string_is_used() -> None:
    term = Term({"base": "asiakkaat", "par": "asiakkaita"})
    assert term == "asiakkaat" and f"{term}" == "asiakkaat" and f"{term:par}" == "asiakkaita"
    assert f"{term.capitalized():par}" == "Asiakkaita"


def test_the_pseudo_and_english_slots_keep_the_english_words_and_spelling() -> None:
    us = vocabulary(org(OrgKind.NONPROFIT, "US"), "en")
    assert us.term("offer") == "programs and services"
    assert us.spell("organisation") == "organization"
    assert vocabulary(org(OrgKind.NONPROFIT, "US"), "fi").spell("organisation") == (
        "organisation")  # American respelling is for English documents only


def test_policy_fills_forms_from_the_glossary_of_its_language(fixture_locale: Path) -> None:
    """A clause translated with {customers:par} comes out in that form in the policy."""
    from smready.i18n import translation
    from smready.rendering.policy import _Builder

    project = Project.new("Kahvila", OrgKind.SMALL_BUSINESS)
    t = translation("fi")
    builder = _Builder(project=project, policy=project.policy,
                       vocab=vocabulary(project.organization, "fi"), t=t,
                       fmt=formats("fi", "FI"))
    builder.compute()
    assert builder.fill("Welcome. {customers:par} we serve.") == "Welcome. Asiakkaita we serve."


# --- Babel formats ---------------------------------------------------------------------


@pytest.mark.parametrize(("lang", "country", "date", "number", "money", "percent"), [
    ("en", "GB", "5 March 2026", "12,345.5", "£2,000–3,000", "42%"),
    ("en", "US", "5 March 2026", "12,345.5", "$2,000–3,000", "42%"),
    ("fi", "FI", "5. maaliskuuta 2026", "12\u00a0345,5", "2\u00a0000–3\u00a0000\u00a0€",
     "42\u00a0%"),
    ("bn", "BD", "৫ মার্চ, ২০২৬", "১২,৩৪৫.৫", "২,০০০–৩,০০০৳", "৪২%"),
])
def test_dates_numbers_money_and_percent_by_language(
        lang: str, country: str, date: str, number: str, money: str, percent: str) -> None:
    from smready.money import currency_for

    fmt = formats(lang, country)
    assert fmt.date(dt.date(2026, 3, 5)) == date
    assert fmt.number(12345.5) == number
    assert fmt.money_range(2000, 3000, currency_for(country)) == money
    assert fmt.percent(0.42) == percent


def test_bengali_uses_lakh_grouping_and_bengali_digits() -> None:
    assert formats("bn").integer(1234567) == "১২,৩৪,৫৬৭"


@pytest.mark.parametrize(("text", "expected"), [
    ("100-এর মধ্যে {score}", "১০০-এর মধ্যে {score}"),
    ("মাসে 15 থেকে 20টি পোস্ট", "মাসে ১৫ থেকে ২০টি পোস্ট"),
    ("{min:g} থেকে 4.5", "{min:g} থেকে ৪.৫"),
    # Codes and law names keep their digits, and so do placeholders and markup.
    ("16 CFR 255 ও Data Protection Act 2018", "16 CFR 255 ও Data Protection Act 2018"),
    ("501(c)(3) দাতব্য, A4, UTF-8, 2 MB", "501(c)(3) দাতব্য, A4, UTF-8, 2 MB"),
    ("<b>5</b> {0} %(n)s", "<b>৫</b> {0} %(n)s"),
])
def test_translated_bengali_text_gets_bengali_digits(text: str, expected: str) -> None:
    assert native_digits_in_text(text, "bn") == expected
    assert native_digits_in_text(text, "fi") == text


# --- content in a language -------------------------------------------------------------


def test_content_is_loaded_in_the_language_asked_and_cached_per_language(
        fixture_locale: Path) -> None:
    from smready.content import load_checklist

    fi = load_checklist(lang="fi")
    en = load_checklist(lang="en")
    assert fi.points[0].title == "Selkeä syy olla siellä"
    assert en.points[0].title == "A clear reason to be there"
    assert load_checklist(lang="fi") is fi  # cached
    # Ids and numbers are the program's, never translated.
    assert [p.id for p in fi.points] == [p.id for p in en.points]
    assert [p.weight for p in fi.points] == [p.weight for p in en.points]


def test_scoring_texts_follow_the_language_passed_not_the_ui(fixture_locale: Path) -> None:
    from smready.i18n import current
    from smready.scoring import score

    project = Project.new("Kahvila", OrgKind.SMALL_BUSINESS)
    assert current().lang == "en"
    result = score(project, lang="fi")
    assert result.points[0].title == "Selkeä syy olla siellä"
    assert result.resources.message == "Valitse kanavat ja montako julkaisua kuukaudessa " \
                                       "suunnittelet."
    assert score(project).points[0].title == "A clear reason to be there"


def test_the_loader_translates_exactly_the_strings_the_catalog_extracts() -> None:
    """One set of rules: every YAML string looked up when content is loaded in a language is
    in the .pot, and every YAML string of the .pot is looked up."""
    from babel.messages.pofile import read_po

    from smready.content.translated import translate_tree
    from tests.conftest import REPO

    with (REPO / "resources" / "locale" / "smready.pot").open("rb") as handle:
        pot = read_po(handle)
    extracted = {m.id for m in pot if m.id and any(
        str(loc[0]).startswith("resources/") for loc in m.locations)}
    looked_up: set[str] = set()

    def record(message: str) -> str:
        looked_up.add(message)
        return message

    for path in sorted((REPO / "resources").glob("*.yaml")):
        if path.name == "glossary.yaml":
            continue
        translate_tree(yaml.safe_load(path.read_text(encoding="utf-8")), record)
    assert looked_up - extracted == set()
    assert extracted - looked_up == set()


# --- document language, lint ---------------------------------------------------------------


def test_documents_default_to_the_project_language_not_the_ui(fixture_locale: Path) -> None:
    from smready.i18n import current, translation
    from smready.rendering.documents import build_document

    project = Project.new("Kahvila", OrgKind.SMALL_BUSINESS)
    project.language = "fi"
    assert current().lang == "en" and document_language(project) == "fi"
    assert build_document(project, "policy").title == "Sosiaalisen median ohje"
    assert build_document(project, "policy", translation("en")).title == "Social media policy"


def test_lint_runs_only_for_english_documents() -> None:
    from smready.lint import lint_applies, lint_project

    project = Project.new("Kahvila", OrgKind.SMALL_BUSINESS)
    project.policy.hr.extra_rules = "Staff must not discuss their wages on Facebook."
    assert lint_applies(project) and [f.rule for f in lint_project(project)] == ["pay_ban"]
    project.language = "fi"
    assert not lint_applies(project) and lint_project(project) == []


def test_a_vocabulary_without_a_language_follows_the_ui(fixture_locale: Path) -> None:
    """The window's goal-type combo box builds ``Vocabulary(kind, american)``: a Finnish UI
    shows the Finnish nonprofit goal names."""
    from smready.glossary import Vocabulary
    from smready.i18n import set_language

    names = Vocabulary(kind=OrgKind.NONPROFIT, american=False)
    assert names.goal_name("conversions", "x") == "Donations and sign-ups"
    set_language("fi")
    try:
        assert names.goal_name("conversions", "x") == "Lahjoitukset ja liittymiset"
    finally:
        set_language("en")


def test_catalogs_update_gives_a_returning_string_its_translation_back() -> None:
    from babel.messages.catalog import Catalog

    from smready.catalogs import _revive

    template = Catalog(locale=None)
    template.add("Your plan needs about {need} hours a month.")
    catalog = Catalog(locale="fi")
    catalog.obsolete["Your plan needs about {need} hours a month."] = catalog.add(
        "Your plan needs about {need} hours a month.", "Tarvitset noin {need} tuntia.")
    del catalog["Your plan needs about {need} hours a month."]
    _revive(catalog, template)
    catalog.update(template, no_fuzzy_matching=True)
    assert catalog.get("Your plan needs about {need} hours a month.").string == (
        "Tarvitset noin {need} tuntia.")
    assert not catalog.obsolete


@pytest.mark.parametrize(("lang", "tag"), [("fi", 'w:val="fi-FI"'), ("bn", 'w:bidi="bn-BD"')])
def test_a_docx_tells_word_its_language(lang: str, tag: str) -> None:
    """Word spell-checks by the language tag: a Finnish policy tagged English would be
    underlined from end to end."""
    import io
    import zipfile

    from smready.i18n import translation
    from smready.rendering.docx import docx_bytes

    project = Project.new("Kahvila", OrgKind.SMALL_BUSINESS)
    data = docx_bytes(project, "acknowledgement", t=translation(lang))
    styles = zipfile.ZipFile(io.BytesIO(data)).read("word/styles.xml").decode("utf-8")
    normal = styles[styles.index('w:styleId="Normal"'):]
    normal = normal[:normal.index("</w:style>")]
    assert f"<w:lang {tag}/>" in normal
    if lang == "bn":
        assert 'w:cs="Noto Sans Bengali"' in normal
