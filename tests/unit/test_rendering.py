"""Rendering without a PDF engine: the jinja environment, the document model built from the
answers, gaps, the radar chart, the logo check, DOCX structure and atomic export."""

from __future__ import annotations

import datetime as dt
import io
import re
import subprocess
import sys
from pathlib import Path

import pytest
from jinja2 import UndefinedError

from smready.domain import (
    Contact,
    OfficialAccount,
    OrgKind,
    Project,
    Responsibility,
    Spokesperson,
    TaskKind,
)
from smready.rendering import RenderError, export_document, radar_svg, render_html
from smready.rendering.acknowledgement import people_to_sign
from smready.rendering.context import load_logo
from smready.rendering.documents import build_document
from smready.rendering.docx import xml_safe
from smready.rendering.env import environment
from smready.rendering.model import Gap, Signature, Table

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def _empty(kind: OrgKind = OrgKind.SMALL_BUSINESS) -> Project:
    return Project.new("Empty Org", kind)


def _filled() -> Project:
    project = Project.new("Filled & Co <b>", OrgKind.SMALL_BUSINESS)
    pol = project.policy
    pol.accounts = [OfficialAccount(platform="instagram", handle="@filled", owner="Ann")]
    pol.spokespeople = [Spokesperson(name="Ann Boss", role="Owner", may_approve_posts=True),
                        Spokesperson(name="Bo Clerk")]
    pol.responsibilities = [
        Responsibility(task=TaskKind.POINT_PERSON, person="Ann Boss", backup="Bo Clerk"),
        Responsibility(task=TaskKind.ANSWERING, person="bo clerk",
                       response_time="within 4 hours"),
        Responsibility(task=TaskKind.CRISIS, person=""),
    ]
    pol.training.ambassadors = ["Cy Helper", "Ann Boss"]
    pol.review.approver = "Ann Boss"
    pol.review.effective_date = dt.date(2026, 3, 5)
    pol.escalation.crisis_contacts = [Contact(name="Ann Boss", phone="123")]
    return project


def test_environment_is_strict_and_autoescapes() -> None:
    env = environment()
    assert env.autoescape is True
    with pytest.raises(UndefinedError):
        env.from_string("{{ missing }}").render()
    assert env.from_string("{{ x }}").render(x="<b>&") == "&lt;b&gt;&amp;"


def test_rendering_does_not_import_the_engines() -> None:
    code = (
        "import sys; from smready.domain import Project, OrgKind; "
        "from smready.rendering import render_html; "
        "render_html(Project.new('X', OrgKind.NONPROFIT), 'policy'); "
        "assert 'weasyprint' not in sys.modules and 'docx' not in sys.modules"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_empty_answers_show_marked_gaps_not_none() -> None:
    project = _empty()
    document = build_document(project, "policy")
    gaps = [b for s in document.sections for b in s.blocks if isinstance(b, Gap)]
    assert len(gaps) >= 6
    assert all(g.text.startswith("Not decided yet — ask the person who approves this policy")
               for g in gaps)
    for section in document.sections:
        assert section.blocks, section.title
        for block in section.blocks:
            if isinstance(block, Table):
                assert block.rows, section.title  # never an empty table
    html = render_html(project, "policy")
    assert 'class="gap"' in html
    visible = re.sub(r"<[^>]+>", " ", html.split("<body", 1)[1])
    assert not re.search(r"\bNone\b|\bTBD\b|\bnull\b", visible)


def test_gap_names_the_approver_when_known() -> None:
    project = _empty()
    project.policy.review.approver = "Dana Lead"
    html = render_html(project, "policy")
    assert "Not decided yet — ask Dana Lead" in html


def test_nonprofit_adds_its_sections_and_business_does_not() -> None:
    def titles(project: Project) -> list[str]:
        return [s.title for s in build_document(project, "policy").sections]

    nonprofit = titles(_empty(OrgKind.NONPROFIT))
    business = titles(_empty())
    assert "Fundraising on social media" in nonprofit
    assert "Stories and photos of the people we serve" in nonprofit
    assert not any("Fundraising" in t for t in business)
    html = render_html(_empty(OrgKind.NONPROFIT), "policy")
    assert "volunteers" in html and "members of the board" in html


@pytest.mark.parametrize(("country", "region", "covered", "expected"), [
    ("FI", "", False, "EU General Data Protection Regulation"),
    ("GB", "", False, "UK GDPR and the Data Protection Act 2018"),
    ("US", "California", True, "California Consumer Privacy Act"),
    ("US", "California", False, "privacy law where we work"),
    ("US", "Texas", True, "privacy law where we work"),
])
def test_privacy_clause_follows_the_law(country: str, region: str, covered: bool,
                                        expected: str) -> None:
    project = _empty()
    project.organization.country = country
    project.organization.region = region
    project.organization.ccpa_covered = covered
    assert expected in render_html(project, "policy")


def test_labour_rights_are_protected_in_every_policy() -> None:
    for kind in OrgKind:
        html = render_html(_empty(kind), "policy")
        assert html.count("Your rights.") == 1
        assert ("Nothing in this policy limits the right of employees to talk about their pay"
                if kind is OrgKind.NONPROFIT else
                "Nothing in this policy limits your right to talk about your pay") in html
        assert "forbid" not in html.lower()


def test_policy_content_comes_from_answers() -> None:
    html = render_html(_filled(), "policy")
    assert "Filled &amp; Co &lt;b&gt;" in html and "<b>" not in html.split("<body", 1)[1]
    assert "Instagram" in html and "@filled" in html
    assert "approved first by Ann Boss" in html
    assert "within 4 hours" in html
    assert "5 March 2026" in html
    assert 'href="#s1"' in html  # table of contents links


def test_people_to_sign_are_deduplicated() -> None:
    assert people_to_sign(_filled()) == ["Ann Boss", "Bo Clerk", "Cy Helper"]
    # An incomplete policy cannot be signed: no signature lines, no roster.
    document = build_document(_empty(), "acknowledgement")
    assert document.draft and [s.id for s in document.sections] == ["draft"]
    assert not any(isinstance(b, Table | Signature) for b in document.sections[0].blocks)


def test_radar_svg_is_escaped_and_well_formed() -> None:
    import xml.etree.ElementTree as ET

    from smready.scoring import score

    result = score(_filled())
    result.points[0].title = "<script>&"
    svg = radar_svg(result)
    root = ET.fromstring(svg)
    assert root.tag.endswith("svg")
    assert "<script>" not in svg and "&lt;script&gt;" in svg
    assert svg.count("<polygon") == 5  # four rings and the score


def test_report_has_chart_points_and_actions() -> None:
    project = _filled()
    html = render_html(project, "report")
    assert html.count("data:image/svg+xml;base64,") == 1
    assert "Why it matters:" in html
    assert "No actions planned yet" in html


def test_logo_is_checked_by_magic_bytes_and_size(tmp_path: Path) -> None:
    png = tmp_path / "logo.png"
    png.write_bytes(PNG)
    logo = load_logo(str(png))
    assert logo is not None and logo.mime == "image/png"
    svg = tmp_path / "logo.svg"
    svg.write_text('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>')
    assert load_logo(str(svg)).mime == "image/svg+xml"  # type: ignore[union-attr]
    fake = tmp_path / "fake.png"
    fake.write_text("#!/bin/sh\necho not an image")
    big = tmp_path / "big.png"
    big.write_bytes(PNG + b"\x00" * (2 * 1024 * 1024))
    for path in (str(fake), str(big), str(tmp_path / "missing.png"), str(tmp_path), "", None,
                 "/etc/passwd"):
        assert load_logo(path) is None
    project = _empty()
    project.organization.logo_path = str(png)
    # A path that came with the file is not embedded until the user confirms it.
    assert "data:image/png;base64," not in render_html(project, "policy")
    project.organization.confirm_logo()
    assert "data:image/png;base64," in render_html(project, "policy")


def test_xml_safe_strips_illegal_characters() -> None:
    assert xml_safe("a\x00b\x0bc\ud800d\ufffee\tf\ng😀") == "abcde\tf\ng😀"


def test_docx_structure(tmp_path: Path) -> None:
    import docx

    out = export_document(_filled(), "policy", "docx", tmp_path / "p.docx", paper="letter")
    document = docx.Document(str(out))
    styles = {p.style.name for p in document.paragraphs}
    assert {"Title", "Heading 1"} <= styles
    assert document.sections[0].page_width.mm == pytest.approx(215.9, abs=0.1)
    assert any(c.text == "Ann Boss" for t in document.tables for r in t.rows for c in r.cells)
    footer_xml = document.sections[0].footer._element.xml
    assert "NUMPAGES" in footer_xml
    assert "Filled & Co <b>" in document.sections[0].header.paragraphs[0].text


def test_export_is_atomic_and_errors_are_clear(tmp_path: Path) -> None:
    out = tmp_path / "policy.html"
    out.write_text("old")
    export_document(_filled(), "policy", "html", out)
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert [p.name for p in tmp_path.iterdir()] == ["policy.html"]
    with pytest.raises(RenderError, match="does not exist"):
        export_document(_filled(), "policy", "html", tmp_path / "no" / "such" / "x.html")
    with pytest.raises(RenderError, match="Unknown format"):
        export_document(_filled(), "policy", "odt", out)  # type: ignore[arg-type]
    with pytest.raises(RenderError, match="Unknown document"):
        export_document(_filled(), "memo", "pdf", out)  # type: ignore[arg-type]


def test_failure_inside_a_writer_becomes_render_error(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import smready.rendering.docx as docx_module

    def boom(*_args: object, **_kwargs: object) -> bytes:
        raise OSError("disk on fire")

    monkeypatch.setattr(docx_module, "docx_bytes", boom)
    out = tmp_path / "x.docx"
    with pytest.raises(RenderError, match="Could not make the policy as DOCX: OSError"):
        export_document(_filled(), "policy", "docx", out)
    assert not out.exists()


def test_css_names_the_fonts_and_page_box() -> None:
    html = render_html(_empty(), "policy", paper="letter")
    assert "size: letter" in html
    assert '"DejaVu Sans", "smready bengali"' in html and 'local("Noto Color Emoji")' in html
    assert "counter(pages)" in html and "target-counter" in html
    assert "bookmark-level" in html
    assert '<meta name="author" content="Empty Org">' in html


def test_pdf_of_an_empty_project(tmp_path: Path) -> None:
    from pypdf import PdfReader

    from smready.rendering import pdf_bytes

    data = pdf_bytes(_empty(OrgKind.NONPROFIT), "policy", "letter")
    reader = PdfReader(io.BytesIO(data))
    text = " ".join(" ".join(p.extract_text() for p in reader.pages).split())
    assert "Not decided yet" in text
    assert round(float(reader.pages[0].mediabox.width)) == 612


@pytest.mark.parametrize("compact", [False, True])
def test_radar_labels_stay_inside_the_chart(compact: bool) -> None:
    import xml.etree.ElementTree as ET

    from smready.scoring import score

    svg = radar_svg(score(_filled()), compact=compact)
    root = ET.fromstring(svg)
    width, height = float(root.get("width", 0)), float(root.get("height", 0))
    texts = [t for t in root.iter() if t.tag.endswith("text")]
    assert len(texts) == 12 if compact else len(texts) >= 12
    for text in texts:
        x, y, size = (float(text.get(k, 0)) for k in ("x", "y", "font-size"))
        assert size <= y <= height - size * 0.25, text.text  # ascent above, descent below
        assert 0 <= x <= width
    words = " ".join(t.text or "" for t in texts)
    # The compact chart (beside the checklist) leaves the titles to the table under it.
    assert ("A clear reason" in words) is not compact
    assert "1." in words and "6." in words


def test_finnish_radar_titles_are_whole_and_inside_the_chart() -> None:
    """"Resurssit pitkäjänteiseen työhön" needs three lines beside the chart; it was cut to
    "Resurssit pitkäjänteiseen…"."""
    import xml.etree.ElementTree as ET

    from smready.i18n import translation
    from smready.scoring import score

    finnish = translation("fi")
    svg = radar_svg(score(_filled(), lang="fi"), t=finnish)
    root = ET.fromstring(svg)
    height = float(root.get("height", 0))
    texts = [t for t in root.iter() if t.tag.endswith("text")]
    words = " ".join(t.text or "" for t in texts)
    assert "…" not in words
    assert "pitkäjänteiseen työhön" in words
    for text in texts:
        y, size = float(text.get("y", 0)), float(text.get("font-size", 0))
        assert size <= y <= height - size * 0.25, text.text
