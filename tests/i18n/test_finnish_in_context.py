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
