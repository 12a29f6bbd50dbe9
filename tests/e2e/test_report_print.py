"""The report agrees with the project, and the printed documents read as documents: read
back from the exported PDFs (pdftotext) and DOCX files of every example and a blank project.
"""

from __future__ import annotations

import re
import subprocess
import zipfile
from pathlib import Path
from typing import Any

import pytest

from smready.domain import OrgKind, Project
from smready.rendering import export_document
from smready.scoring import score
from smready.storage import load_project
from tests.conftest import EXAMPLES, english_examples
from tests.e2e.test_documents import pdf_text

EXAMPLE_FILES = english_examples()  # headings and sentences checked in English
CURRENCY_SIGN = {"US": "$", "FI": "€", "GB": "£", "IE": "€"}


def pages(pdf: Path) -> list[str]:
    """pdftotext -layout, one string per page."""
    out = subprocess.run(["pdftotext", "-layout", "-enc", "UTF-8", str(pdf), "-"], check=True,
                         capture_output=True, text=True).stdout
    return out.split("\f")[:-1] if out.endswith("\f") else out.split("\f")


def reading_order(pdf: Path) -> str:
    """pdftotext in reading order (a table cell's lines follow each other)."""
    return subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], check=True,
                          capture_output=True, text=True).stdout


def _export(project: Project, folder: Path) -> dict[tuple[str, str], Path]:
    files = {}
    for doc in ("policy", "report", "acknowledgement"):
        for fmt in ("pdf", "docx"):
            files[(doc, fmt)] = export_document(project, doc, fmt, folder / f"{doc}.{fmt}")
    return files


@pytest.fixture(scope="module", params=[p.stem for p in EXAMPLE_FILES])
def example(request: Any, tmp_path_factory: pytest.TempPathFactory
            ) -> tuple[Project, dict[tuple[str, str], Path]]:
    project = load_project(EXAMPLES / f"{request.param}.smready")
    return project, _export(project, tmp_path_factory.mktemp(request.param))


@pytest.fixture(scope="module")
def blank(tmp_path_factory: pytest.TempPathFactory
          ) -> tuple[Project, dict[tuple[str, str], Path]]:
    project = Project.new("Riverside Youth Club", OrgKind.NONPROFIT)
    return project, _export(project, tmp_path_factory.mktemp("blank"))


def _flat(text: str) -> str:
    return " ".join(text.split())


# --- the report agrees with the project ----------------------------------------------------


def test_report_recommends_nothing_the_project_settles(example: Any) -> None:
    project, files = example
    text = pdf_text(files[("report", "pdf")])
    result = score(project)
    assert result.settled, "the examples' policies settle some weak answers"
    for rec in result.settled:
        assert _flat(rec.text) not in text, rec.question
        assert _flat(rec.settled_note) in text
    for rec in result.recommendations:
        assert _flat(rec.text) in text
    assert "Goals page" not in text and "wizard" not in text.lower()
    if project.organization.name == "Harbour Food Bank":
        for contradiction in ("Decide who receives complaints",
                              "Name a backup for the point person",
                              "Agree three steps for negative posts",
                              "Pick one goal"):
            assert contradiction not in text


def test_report_money_and_hours(example: Any) -> None:
    project, files = example
    text = pdf_text(files[("report", "pdf")])
    country = project.organization.country
    sign = CURRENCY_SIGN[country]
    time_and_money = text.split("Time and money")[-1].split("Action plan")[0]
    assert sign in time_and_money
    for other in set(CURRENCY_SIGN.values()) - {sign}:
        assert other not in time_and_money, other
    res = score(project).resources
    assert res.hours_available_per_month is not None
    have = round(res.hours_available_per_month)
    assert f"Hours available a month {have} " in time_and_money
    assert f"you have {have}." in time_and_money
    # The tier named is the one the plan's own number of posts points to.
    assert res.tier is not None
    if res.enough is False and res.posts_per_month < res.tier.posts_min:
        assert f"your plan of {round(res.posts_per_month)} posts a month is smaller" in (
            time_and_money)
    # No network a goal runs on is suggested for dropping.
    for goal in project.goals:
        assert f"Drop {goal.platform}" not in time_and_money


def test_report_has_goals_notes_and_actions(example: Any) -> None:
    project, files = example
    text = pdf_text(files[("report", "pdf")])
    goals = reading_order(files[("report", "pdf")]).split("What social media should achieve")[1]
    goals = goals.split("What to do next")[0]
    words = set(goals.split())
    for goal in project.goals:
        for piece in (goal.metric, goal.relevance):
            # Neighbouring table cells wrap into each other in any text extraction: every
            # word of the goal is in the goals table.
            assert set(piece.split()) <= words, piece
    for note in project.readiness.notes.values():
        assert f"Your notes: {_flat(note)}" in text
    for action in project.actions:
        if action.question and not action.done:
            assert f"In the action plan: {_flat(action.title).rstrip('.')} — {action.owner}" in (
                text)


def test_goal_types_read_as_the_organization_would(example: Any) -> None:
    """A nonprofit's donations goal is not "Conversions and sales" on paper: the report, the
    policy and the DOCX name goal types the way the glossary does for its kind."""
    from smready.glossary import goal_type_name

    project, files = example
    for doc in ("report", "policy"):
        text = _flat(pdf_text(files[(doc, "pdf")]))
        for goal in project.goals:
            assert goal_type_name(goal.goal_type.value, project.organization) in text
        if project.organization.kind is OrgKind.NONPROFIT:
            assert "Conversions and sales" not in text
            assert "Sales" not in text.replace("Wales", "")


# --- drafts look like drafts ---------------------------------------------------------------


def test_blank_project_prints_drafts(blank: Any) -> None:
    _project, files = blank
    from pypdf import PdfReader

    policy = pages(files[("policy", "pdf")])
    assert "Draft — not yet approved" in policy[0]
    # The watermark is set diagonally, which pdftotext leaves out; pypdf reads it.
    for doc in ("policy", "acknowledgement"):
        reader = PdfReader(files[(doc, "pdf")])
        assert all("DRAFT" in page.extract_text() for page in reader.pages), doc
    ack = pdf_text(files[("acknowledgement", "pdf")])
    assert "This policy cannot be signed yet" in ack
    assert "Signature" not in ack and "I have read and understood" not in ack
    from smready.scoring import policy_gaps

    for gap in policy_gaps(_project):
        assert gap.message in ack


def test_complete_examples_are_not_drafts(example: Any) -> None:
    from pypdf import PdfReader

    _project, files = example
    for doc in ("policy", "acknowledgement"):
        for page in PdfReader(files[(doc, "pdf")]).pages:
            assert "DRAFT" not in page.extract_text()
        assert "Draft — not yet approved" not in pdf_text(files[(doc, "pdf")])


# --- print ---------------------------------------------------------------------------------


def _addresses(project: Project) -> list[str]:
    found = {project.organization.contact.email}
    found |= {c.email for c in project.policy.escalation.crisis_contacts}
    found |= {s.contact for s in project.policy.spokespeople if "@" in s.contact}
    return sorted(a for a in found if a)


def test_emails_break_only_after_at_dot_or_slash(example: Any) -> None:
    project, files = example
    for doc in ("policy", "report", "acknowledgement"):
        text = reading_order(files[(doc, "pdf")])
        for address in _addresses(project):
            anywhere = r"\s*".join(map(re.escape, address))
            allowed = "".join(re.escape(ch) + (r"\s*" if ch in "@./" else "")
                              for ch in address)
            broken = len(re.findall(anywhere, text))
            whole = len(re.findall(allowed, text))
            assert broken == whole, (doc, address)
    policy = reading_order(files[("policy", "pdf")])
    for address in _addresses(project):
        assert re.search(r"\s*".join(map(re.escape, address)), policy), address


def test_lead_in_lines_and_small_tables_stay_with_what_follows(example: Any) -> None:
    _project, files = example
    for doc in ("policy", "report"):
        for number, page in enumerate(pages(files[(doc, "pdf")]), start=1):
            body = [line.strip() for line in page.splitlines() if line.strip()]
            body = [line for line in body if not re.fullmatch(r"Page \d+ of \d+", line)]
            assert body and not body[-1].endswith(":"), (doc, number, body[-1:])
    # The report's goals table (three rows) is printed on one page, its header once.
    report = pages(files[("report", "pdf")])
    assert sum("Network and figure" in page for page in report) == 1


def test_acknowledgement_sheets_name_role_and_version(example: Any) -> None:
    from smready.rendering.acknowledgement import people_to_sign, role_of, roster_rows
    from smready.rendering.documents import build_document
    from smready.rendering.model import Table

    project, files = example
    sheets = pages(files[("acknowledgement", "pdf")])
    version = project.policy.review.version
    for person, sheet in zip(people_to_sign(project), sheets, strict=False):
        flat = _flat(sheet)
        assert f"Acknowledgement — {person}" in flat
        assert f"Name {person}" in flat
        assert f"Version: {version}" in flat and "Next review:" in flat
        role = role_of(project, person)
        assert f"Role {role}".strip() in flat
        assert not re.search(r"Page \d+ of \d+", flat)
    roster = build_document(project, "acknowledgement").sections[-1].blocks[-1]
    assert isinstance(roster, Table) and len(roster.rows) == roster_rows(project)
    if project.organization.is_nonprofit:
        assert len(roster.rows) >= 20


def test_docx_header_rows_repeat_and_boxes_are_paragraphs(example: Any) -> None:
    import docx

    _project, files = example
    for doc in ("policy", "report"):
        document = docx.Document(str(files[(doc, "docx")]))
        assert document.tables
        for table in document.tables:
            assert len(table.rows) > 1 or len(table.columns) > 1, "a 1x1 table used as a box"
            header = table.rows[0]._tr
            assert header.xpath("./w:trPr/w:tblHeader"), "header row does not repeat"
    with zipfile.ZipFile(files[("policy", "docx")]) as zf:
        xml = zf.read("word/document.xml").decode()
    assert "w:pBdr" in xml  # the rights box is a bordered paragraph
