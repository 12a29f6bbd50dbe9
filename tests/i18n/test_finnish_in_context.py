"""The Finnish documents read as Finnish once assembled: no English left by the code that
joins the pieces (raw answer values, headings written outside the catalog, English number
and month formats, an English dash between a level and its meaning)."""

from __future__ import annotations

import html
import re
import subprocess
from pathlib import Path

import pytest

from smready.domain import Project
from smready.i18n import translation
from smready.rendering.html import render_html
from smready.storage import load_project
from tests.conftest import EXAMPLES


def _text(project: Project, doc: str) -> str:
    """The document's words as a reader gets them (tags dropped, spaces collapsed)."""
    page = render_html(project, doc, t=translation("fi"))  # type: ignore[arg-type]
    page = re.sub(r"<(style|script)\b.*?</\1>", " ", page, flags=re.S)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).replace("\u00ad", "").split())


@pytest.fixture(scope="module")
def cafe() -> Project:
    return load_project(EXAMPLES / "cafe-aurora.smready")  # Finland, reports every month


@pytest.fixture(scope="module")
def food_bank() -> Project:
    return load_project(EXAMPLES / "harbour-food-bank.smready")  # US, every quarter


def test_the_reporting_interval_is_a_finnish_word(cafe: Project, food_bank: Project) -> None:
    assert "Joka kuukausi luvuista kootaan yhteenveto" in _text(cafe, "policy")
    policy = _text(food_bank, "policy")
    assert "Joka vuosineljännes luvuista kootaan yhteenveto" in policy
    assert "Quarter" not in policy and "quarter" not in policy


def test_policy_leads_and_table_captions_are_translated(cafe: Project) -> None:
    policy = _text(cafe, "policy")
    for finnish in ("Mitä mittaamme.", "Kriisiyhteyshenkilöt tässä järjestyksessä:",
                    "Muut tässä ohjeessa mainitut henkilöt:"):
        assert finnish in policy
    for english in ("What we measure", "Crisis contacts, in this order",
                    "Other people named in this policy"):
        assert english not in policy


def test_the_exchange_rate_and_its_month_are_written_the_finnish_way(cafe: Project) -> None:
    report = _text(cafe, "report")
    assert "1 USD = 0,86 EUR (marraskuu 2025)" in report
    assert "November" not in report and "0.86" not in report


def test_the_level_and_its_meaning_are_joined_by_finnish_punctuation(cafe: Project) -> None:
    report = _text(cafe, "report")
    assert "Taso: Hyvällä matkalla. Suurin osa pohjatyöstä on tehty" in report
    assert "—" not in report.split("Taso:", 1)[1][:60]
    assert "Instagram: Afternoon sales" in report  # the goal table's network and figure


def test_the_printed_finnish_policy_reads_back_from_the_pdf(cafe: Project,
                                                           tmp_path: Path) -> None:
    from smready.rendering.pdf import pdf_bytes

    pdf = tmp_path / "ohje.pdf"
    pdf.write_bytes(pdf_bytes(cafe, "policy", t=translation("fi")))
    text = " ".join(subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], check=True,
                                   capture_output=True, text=True).stdout.split())
    assert "Joka kuukausi luvuista kootaan yhteenveto" in text
    assert "Kriisiyhteyshenkilöt tässä järjestyksessä:" in text
    assert "Month." not in text


def test_a_failed_export_names_the_document_in_finnish(
        cafe: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import smready.rendering.docx as docx_module
    from smready.i18n import current, set_language
    from smready.rendering import RenderError, export_document

    def boom(*_args: object, **_kwargs: object) -> bytes:
        raise OSError("levy täynnä")

    monkeypatch.setattr(docx_module, "docx_bytes", boom)
    before = current().lang
    set_language("fi")
    try:
        with pytest.raises(RenderError) as info:
            export_document(cafe, "policy", "docx", tmp_path / "ohje.docx")
    finally:
        set_language(before)
    assert str(info.value).startswith(
        "DOCX-tiedoston tekeminen epäonnistui (sosiaalisen median ohje): OSError")
    assert "policy" not in str(info.value)


def test_the_cli_says_why_a_file_cannot_be_read_in_finnish(tmp_path: Path) -> None:
    from tests.e2e.test_cli import assert_bad_input, cli

    missing = tmp_path / "puuttuu.smready"
    result = cli("--lang", "fi", "validate", missing)
    assert_bad_input(result, f"Tiedostoa {missing} ei voi lukea: "
                             "tiedostoa tai kansiota ei ole olemassa.")
    assert "no such file" not in result.stderr


def _extracted(source: str) -> set[str]:
    """The messages Babel extracts from one source file (what the catalog can translate)."""
    from babel.messages.extract import extract_from_file

    from smready.catalogs import KEYWORDS, REPO

    return {m if isinstance(m, str) else m[0]
            for _line, m, _comments, _context in extract_from_file(
                "python", str(REPO / source), keywords=KEYWORDS)}


def test_words_the_code_translates_at_run_time_are_in_the_catalog() -> None:
    """A string passed to ``_()`` as a variable is only translated if it was marked where it
    is defined; otherwise a Finnish reader gets it in English."""
    from smready.rendering import export, policy
    from smready.storage import errors

    assert {*errors._ERRNO_REASONS.values(), *errors._ERRNO_ADVICE.values(),
            "Choose another folder."} <= _extracted("smready/storage/errors.py")
    assert set(export.DOC_NAMES.values()) <= _extracted("smready/rendering/export.py")
    assert {*policy._REPORT_EVERY.values(), "What we measure.",
            "Crisis contacts, in this order:", "Other people named in this policy:"
            } <= _extracted("smready/rendering/policy.py")


def test_the_cli_usage_error_and_help_are_finnish() -> None:
    from tests.e2e.test_cli import cli

    result = cli("--lang", "fi", "score")
    assert result.returncode == 2
    assert result.stderr.splitlines()[0].startswith("käyttö: smready-cli score")
    assert "smready-cli score: virhe: seuraavat argumentit puuttuvat: FILE" in result.stderr
    assert "näytä tämä käyttöohje ja lopeta" in cli("--lang", "fi", "--help").stdout
    english = cli("score")  # English stays English
    assert "error: the following arguments are required: FILE" in english.stderr


def test_dates_in_the_reports_narrow_columns_stay_on_one_line(cafe: Project,
                                                              tmp_path: Path) -> None:
    """The goals and action tables print "30.9.2027"; the long form ("30. syyskuuta 2027")
    broke over three lines in the deadline column."""
    from smready.rendering.pdf import pdf_bytes

    pdf = tmp_path / "raportti.pdf"
    pdf.write_bytes(pdf_bytes(cafe, "report", t=translation("fi")))
    lines = subprocess.run(["pdftotext", "-layout", "-enc", "UTF-8", str(pdf), "-"],
                           check=True, capture_output=True, text=True).stdout.splitlines()
    goal_row = next(line for line in lines if "Konversiot ja myynti" in line)
    assert "30.9.2027" in goal_row
    assert not any(line.strip() == "syyskuuta" for line in lines)
