"""The example projects exported as every document in every format, read back the way a
person (or a PDF reader) would see them: text, page size, fonts, tags, attachments."""

from __future__ import annotations

import io
import re
import subprocess
import zipfile
from html import escape
from pathlib import Path

import pytest
from pypdf import PdfReader

from smready.domain import Project, TaskKind
from smready.rendering import export_document
from smready.storage import load_project
from tests.conftest import english_examples

EXAMPLE_FILES = english_examples()  # headings and sentences checked in English
PAGE_SIZES = {"a4": (595, 842), "letter": (612, 792)}

POLICY_HEADINGS = [
    "Purpose and scope",
    "What counts as social media, and our official accounts",
    "Why we are on social media",
    "Our values and voice",
    "Starting conversations",
    "Who speaks for us",
    "House rules for comments on our pages",
    "Keeping our accounts safe",
    "Confidential information",
    "Your personal accounts",
    "Reviews, endorsements and paid partnerships",
    "Social media during work",
    "Respect and harassment",
    "Copyright, logos and images",
    "Who does what",
    "Answering comments and passing things on",
    "Negative mentions, crises and hacked accounts",
    "Privacy and consent",
    "Measuring and reporting",
    "Training and ambassadors",
    "If this policy is not followed",
    "Review and approval",
]
NONPROFIT_HEADINGS = [
    "Volunteers, board members and fundraising",
    "Volunteers and board members",
    "Fundraising on social media",
    "Stories and photos of the people we serve",
]
REPORT_HEADINGS = ["Summary", "The six points", "What to do next", "Time and money",
                   "Action plan"]


# --- helpers shared with test_hostile_text.py ----------------------------------------------

def pdf_text(pdf: Path) -> str:
    """pdftotext output with all runs of whitespace collapsed to one space."""
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], check=True,
                         capture_output=True, text=True).stdout
    return " ".join(out.split())


def pdfinfo(pdf: Path) -> dict[str, str]:
    out = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True,
                         text=True).stdout
    return {k.strip(): v.strip() for k, _, v in
            (line.partition(":") for line in out.splitlines()) if v}


def fonts_not_embedded(pdf: Path) -> list[str]:
    out = subprocess.run(["pdffonts", str(pdf)], check=True, capture_output=True,
                         text=True).stdout.splitlines()[2:]
    # Columns: name type encoding emb sub uni id gen; name and type may contain spaces,
    # so read the three yes/no columns from the right.
    bad = []
    for line in out:
        cols = line.split()
        emb = cols[-5]
        if emb != "yes":
            bad.append(line)
    return bad


def assert_no_attachments(pdf: Path) -> None:
    data = pdf.read_bytes()
    assert not PdfReader(io.BytesIO(data)).attachments
    assert b"/EmbeddedFiles" not in data
    assert b"/EmbeddedFile" not in data
    assert b"/FileAttachment" not in data


def load_example(path: Path) -> Project:
    return load_project(path)


# --- tests ---------------------------------------------------------------------------------

def test_both_examples_exist() -> None:
    kinds = {load_example(p).organization.kind.value for p in EXAMPLE_FILES}
    assert kinds == {"small_business", "nonprofit"}


@pytest.fixture(scope="module", params=EXAMPLE_FILES, ids=lambda p: p.stem)
def exported(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
             ) -> tuple[Project, dict[tuple[str, str], Path]]:
    project = load_example(request.param)
    out_dir = tmp_path_factory.mktemp(request.param.stem)
    paper = "letter" if project.organization.country == "US" else "a4"
    files = {}
    for doc in ("policy", "report", "acknowledgement"):
        for fmt in ("pdf", "docx", "html"):
            files[(doc, fmt)] = export_document(project, doc, fmt, out_dir / f"{doc}.{fmt}",
                                                paper=paper)
    files[("policy", "pdf-other-paper")] = export_document(
        project, "policy", "pdf", out_dir / "policy-other.pdf",
        paper="a4" if paper == "letter" else "letter")
    return project, files


def _people(project: Project) -> list[str]:
    return [s.name for s in project.policy.spokespeople]


def test_policy_pdf_has_every_section_and_person(exported) -> None:
    project, files = exported
    text = pdf_text(files[("policy", "pdf")])
    headings = POLICY_HEADINGS + (NONPROFIT_HEADINGS if project.organization.is_nonprofit
                                  else [])
    for heading in headings:
        assert heading in text, heading
    if not project.organization.is_nonprofit:
        assert "Fundraising on social media" not in text
    assert project.organization.name in text
    for name in _people(project):
        assert name in text
    from smready.content import task_label

    for resp in project.policy.responsibilities:
        row = " ".join(x for x in (task_label(resp.task), resp.person) if x)
        assert task_label(resp.task) in text and resp.person in text, row
        assert resp.response_time in text
    # Employee rights are stated once, and printed gaps never read "None" or "TBD".
    assert text.count("Your rights.") == 1
    assert re.search(r"Nothing in this policy limits (your right|the right of employees) to "
                     r"talk about (your|their) pay", text)
    assert not re.search(r"\bNone\b|\bTBD\b", text)


def test_policy_pdf_toc_has_page_numbers(exported) -> None:
    _project, files = exported
    text = pdf_text(files[("policy", "pdf")])
    toc = text[text.index("Contents"):text.index("1. Purpose and scope", text.index(
        "Contents") + 10)]
    assert re.search(r"1\. Purpose and scope[ .]*\d", text)
    assert "Contents" in toc


def test_pdf_page_size_metadata_tags_fonts(exported) -> None:
    project, files = exported
    paper = "letter" if project.organization.country == "US" else "a4"
    other = "a4" if paper == "letter" else "letter"
    for key, expected in ((("policy", "pdf"), paper), (("policy", "pdf-other-paper"), other)):
        reader = PdfReader(files[key])
        for page in reader.pages:
            width, height = (round(float(v)) for v in page.mediabox.upper_right)
            assert (width, height) == PAGE_SIZES[expected]
    for doc in ("policy", "report", "acknowledgement"):
        pdf = files[(doc, "pdf")]
        info = pdfinfo(pdf)
        assert info["Tagged"] == "yes"
        assert project.organization.name in info["Title"]
        assert info["Author"] == project.organization.name
        assert info.get("Subject")
        assert fonts_not_embedded(pdf) == []
        assert_no_attachments(pdf)
        text = pdf_text(pdf)
        pages = len(PdfReader(pdf).pages)
        if doc == "acknowledgement":
            # Each sheet is filed alone: its footer names the policy, not "Page 3 of 5".
            assert "Page " not in text
            footer = f"— version {project.policy.review.version}, effective"
            assert text.count(footer) == pages
        else:
            assert f"Page 1 of {pages}" in text
            assert f"Page {pages} of {pages}" in text


def test_policy_pdf_has_bookmarks(exported) -> None:
    _project, files = exported
    outline = PdfReader(files[("policy", "pdf")]).outline
    titles = [item.title for item in outline if not isinstance(item, list)]
    assert "1. Purpose and scope" in titles
    assert any(t.endswith("Review and approval") for t in titles)


def test_report_pdf(exported) -> None:
    project, files = exported
    from smready.scoring import score

    result = score(project)
    text = pdf_text(files[("report", "pdf")])
    for heading in REPORT_HEADINGS:
        assert heading in text
    assert f"{round(result.overall)} of 100" in text
    assert result.level.name in text and result.level.meaning in text
    for point in result.points:
        assert point.title in text
        assert " ".join(point.why.split()) in text
    for action in project.actions:
        assert action.title in text
    if result.resources.tier:
        assert " ".join(result.resources.tier.cost_text.split()) in text
    html = files[("report", "html")].read_text()
    assert "data:image/svg+xml;base64," in html


def test_acknowledgement_pdf_one_page_per_person(exported) -> None:
    project, files = exported
    pdf = files[("acknowledgement", "pdf")]
    text = pdf_text(pdf)
    from smready.rendering.acknowledgement import people_to_sign

    people = people_to_sign(project)
    assert people
    for person in people:
        assert f"Acknowledgement — {person}" in text
    from smready.rendering.acknowledgement import roster_rows

    # One page per person, then the roster (which may run over two pages).
    pages = PdfReader(pdf).pages
    assert len(pages) >= len(people) + 1
    for index, person in enumerate(people):
        assert f"Acknowledgement — {person}" in pages[index].extract_text()
    assert roster_rows(project) >= (20 if project.organization.is_nonprofit else 10)
    assert "I have read and understood the social media policy" in text
    assert project.policy.review.version in text


def test_html_is_self_contained(exported) -> None:
    project, files = exported
    for doc in ("policy", "report", "acknowledgement"):
        html = files[(doc, "html")].read_text(encoding="utf-8")
        assert html.startswith("<!DOCTYPE html>")
        assert '<html lang="en">' in html
        assert "<style>" in html and 'rel="stylesheet"' not in html
        assert not re.search(r"""(src|href)=["']?(https?:|file:|/)""", html)
        assert project.organization.name.replace("&", "&amp;") in html


def test_docx_has_real_headings_and_tables(exported) -> None:
    import docx

    project, files = exported
    document = docx.Document(str(files[("policy", "docx")]))
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert [re.sub(r"^\d+\. ", "", h) for h in headings][:5] == POLICY_HEADINGS[:5]
    if project.organization.is_nonprofit:
        sub = [p.text for p in document.paragraphs if p.style.name == "Heading 2"]
        assert "Fundraising on social media" in sub
    cells = {c.text for t in document.tables for row in t.rows for c in row.cells}
    for person in _people(project):
        assert person in cells
    responsibilities = next(t for t in document.tables if t.rows[0].cells[0].text == "Task")
    assert len(responsibilities.rows) == len(project.policy.responsibilities) + 1
    assert TaskKind.POINT_PERSON  # the enum is what the rows come from
    assert document.core_properties.author == project.organization.name
    with zipfile.ZipFile(files[("report", "docx")]) as zf:
        assert "word/document.xml" in zf.namelist()
    ack = docx.Document(str(files[("acknowledgement", "docx")]))
    assert any("I have read and understood" in p.text for p in ack.paragraphs)


def test_acknowledgement_pages_are_all_laid_out_alike(exported) -> None:
    # Each person's page is handed out on its own: the running header with the organization
    # and the "Acknowledgement — name" heading sit at the same place on every page, page 1
    # included (a title block on page 1 only once pushed its heading down).
    project, files = exported
    pdf = files[("acknowledgement", "pdf")]
    out = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], check=True,
                         capture_output=True, text=True).stdout
    first_word = project.organization.name.split()[0]
    pages = out.split("<page ")[1:]
    people_pages = pages[:-1]  # the last page is the roster
    assert len(people_pages) >= 2
    positions = []
    for page in people_pages:
        words = re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]*)</word>', page)
        header = next(y for x, y, w in words if w == escape(first_word))
        heading = next(y for x, y, w in words if w == "Acknowledgement")
        positions.append((round(float(header)), round(float(heading))))
    assert len(set(positions)) == 1, positions
    assert positions[0][0] < 60  # the header is in the top margin
