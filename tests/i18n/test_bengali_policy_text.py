"""The Bengali policy as a reader sees it: no English pieces joined in by the code (a full
stop after a goal name or a list, a lead-in, a report interval stored as an id)."""

from __future__ import annotations

import html
import re
import subprocess
from pathlib import Path

import pytest

from smready.i18n import translation
from smready.rendering import render_html
from smready.storage import load_project
from tests.conftest import EXAMPLES


def policy_text(example: str) -> str:
    page = render_html(load_project(EXAMPLES / example), "policy", t=translation("bn"))
    body = re.sub(r"<(script|style)\b.*?</\1>", " ", page, flags=re.S)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", body)).split())


@pytest.fixture(scope="module")
def cafe() -> str:  # a small business that reports every "month"
    return policy_text("cafe-aurora.smready")


@pytest.fixture(scope="module")
def food_bank() -> str:  # a nonprofit that reports every "quarter"
    return policy_text("harbour-food-bank.smready")


def test_goal_names_and_task_notes_end_with_the_bengali_full_stop(cafe: str) -> None:
    assert "কনভার্সন ও বিক্রি। Afternoon sales" in cafe
    assert "কনভার্সন ও বিক্রি." not in cafe
    assert "কনটেন্ট পোস্ট ও শিডিউল করা। Scheduled on Monday mornings" in cafe


def test_the_list_of_who_the_policy_covers_ends_with_the_bengali_full_stop(
        cafe: str, food_bank: str) -> None:
    assert "ফ্রিল্যান্সার ও এজেন্সি।" in cafe
    assert "পরিচালনা পর্ষদের সদস্য।" in food_bank
    assert "এজেন্সি." not in cafe and "সদস্য." not in food_bank


def test_the_lead_ins_of_the_people_crisis_and_measurement_parts_are_bengali(
        food_bank: str) -> None:
    for english in ("Other people named in this policy", "Crisis contacts, in this order",
                    "What we measure"):
        assert english not in food_bank
    assert "এই নীতিমালায় উল্লিখিত অন্য ব্যক্তিরা:" in food_bank
    assert "সংকটকালীন যোগাযোগের ব্যক্তিরা, এই ক্রমে:" in food_bank
    assert "আমরা যা পরিমাপ করি।" in food_bank


def test_the_report_interval_is_written_in_bengali(cafe: str, food_bank: str) -> None:
    assert "প্রতি মাস অন্তর" in cafe
    assert "প্রতি তিন মাস অন্তর" in food_bank
    assert "প্রতি month" not in cafe and "প্রতি quarter" not in food_bank


def test_a_report_interval_the_user_typed_is_printed_as_typed() -> None:
    project = load_project(EXAMPLES / "cafe-aurora.smready")
    project.policy.measurement.report_every = "পক্ষকাল"
    page = render_html(project, "policy", t=translation("bn"))
    assert "প্রতি পক্ষকাল অন্তর" in page


def test_numbered_lists_count_in_bengali_digits(tmp_path: Path) -> None:
    from smready.rendering import pdf_bytes

    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(pdf_bytes(load_project(EXAMPLES / "harbour-food-bank.smready"), "report",
                              t=translation("bn")))
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True,
                          capture_output=True, text=True).stdout
    # "What to do next": each recommendation starts with its point's title and a colon.
    assert re.search(r"১\.\s*সেখানে থাকার একটি স্পষ্ট কারণ:", text)
    assert not re.search(r"1\.\s*সেখানে থাকার", text)


def test_numbered_lists_count_in_bengali_digits_in_word_too() -> None:
    import io

    import docx

    from smready.rendering.docx import docx_bytes

    project = load_project(EXAMPLES / "harbour-food-bank.smready")
    word = docx.Document(io.BytesIO(docx_bytes(project, "report", t=translation("bn"))))
    texts = [p.text for p in word.paragraphs if p.style is not None
             and p.style.name == "Normal"]
    # Word's own list numbers are ASCII digits only: the number is part of the text.
    assert any(re.match(r"১\.\tসেখানে থাকার একটি স্পষ্ট কারণ:", text) for text in texts)
    assert any(re.match(r"২\.\t", text) for text in texts)
    english = docx.Document(io.BytesIO(docx_bytes(project, "report", t=translation("en"))))
    assert any(p.style is not None and p.style.name == "List Number"
               for p in english.paragraphs)
