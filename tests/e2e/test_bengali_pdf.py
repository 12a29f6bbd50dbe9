"""Bengali in our PDFs: glyphs from the bundled font on any machine, and text that copies
back exactly as it was typed (``/ActualText`` over WeasyPrint's per-glyph ToUnicode map)."""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

import pytest
from pypdf import PdfReader

from smready.domain import Project, Spokesperson
from smready.paths import resource
from smready.rendering.pdf import html_to_pdf, pdf_bytes, safe_url_fetcher
from smready.storage import load_project
from tests.conftest import EXAMPLES, REPO

ORG = "ঢাকা স্বেচ্ছাসেবক খাদ্য ব্যাংক"
SPOKESPERSON = "মোহাম্মদ রফিকুল ইসলাম"
ROLE = "মুখপাত্র"
CLAUSE = "শ্রাবন্তী চক্রবর্তী সব পোস্ট প্রকাশের আগে অনুমোদন করেন।"
LATIN = "Aino Virtanen"
EMOJI_LINE = "Menu day 🎉 every Friday"


def pdftotext(data: bytes, tmp_path: Path) -> str:
    """The text in content-stream order (``-raw``), so a name wrapped inside a table cell
    reads on rather than being interleaved with the next columns; whitespace collapsed."""
    pdf = tmp_path / "out.pdf"
    pdf.write_bytes(data)
    out = subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", str(pdf), "-"], check=True,
                         capture_output=True, text=True).stdout
    return " ".join(unicodedata.normalize("NFC", out).split())


def bengali_project() -> Project:
    project = load_project(EXAMPLES / "cafe-aurora.smready")
    project.organization.name = ORG
    project.policy.spokespeople = [Spokesperson(name=SPOKESPERSON, role=ROLE),
                                   *project.policy.spokespeople]
    project.policy.hr.extra_rules = f"{CLAUSE}\n\n{EMOJI_LINE}"
    return project


def test_bengali_name_spokesperson_and_clause_read_back_as_typed(tmp_path: Path) -> None:
    text = pdftotext(pdf_bytes(bengali_project(), "policy"), tmp_path)
    assert ORG in text
    assert f"{SPOKESPERSON} {ROLE}" in text  # the row of the spokespeople table
    assert CLAUSE in text
    # The shaped-cluster errors seen before: a wrong vowel sign, a split reph.
    assert "মোহোম্মদ" not in text
    assert "চক্রব র্তী" not in text
    # Latin text and emoji around it are unchanged.
    assert LATIN in text
    assert "Social media policy" in text
    assert EMOJI_LINE in text


def test_pdf_stays_tagged_and_well_formed() -> None:
    data = pdf_bytes(bengali_project(), "policy")
    reader = PdfReader(io.BytesIO(data))
    root = reader.trailer["/Root"]
    assert bool(root["/MarkInfo"]["/Marked"])
    assert "/StructTreeRoot" in root
    xmp = root["/Metadata"].get_object().get_data()
    assert b"pdfuaid" in xmp
    actual_texts = 0
    for page in reader.pages:
        content = page.get_contents().get_data()  # type: ignore[union-attr]
        opened = len(re.findall(rb"\bBDC\b|\bBMC\b", content))
        assert opened == len(re.findall(rb"\bEMC\b", content)), "unbalanced marked content"
        actual_texts += content.count(b"/ActualText")
    assert actual_texts > 0
    # Only runs in shaped scripts carry /ActualText: the Latin-only example has none.
    latin = pdf_bytes(load_project(EXAMPLES / "cafe-aurora.smready"), "policy")
    assert b"/ActualText" not in b"".join(
        p.get_contents().get_data() for p in PdfReader(io.BytesIO(latin)).pages)  # type: ignore[union-attr]


def _sizes_by_font(data: bytes) -> dict[str, set[float]]:
    """{font name without subset prefix: the sizes it is set at}, from the content streams."""
    sizes: dict[str, set[float]] = defaultdict(set)

    def visit(text: str, cm: object, tm: list[float], font: dict[str, object] | None,
              size: float) -> None:
        if font is not None and text.strip():
            name = str(font["/BaseFont"]).split("+", 1)[-1]
            sizes[name].add(round(size * abs(tm[3]), 2))

    for page in PdfReader(io.BytesIO(data)).pages:
        page.extract_text(visitor_text=visit)
    return sizes


def test_bengali_is_set_at_the_latin_size_and_bold_in_headings() -> None:
    css = resource("css", "document.css").read_text(encoding="utf-8")
    html = (f"<html lang='bn'><head><style>{css}</style></head><body>"
            f"<h2>Who speaks for us — কে আমাদের পক্ষে কথা বলে</h2>"
            f"<p>Latin text beside বাংলা লেখা and Latin again.</p></body></html>")
    sizes = _sizes_by_font(html_to_pdf(html))
    assert sizes["smready-bengali-Bold"] == sizes["DejaVu-Sans-Bold"]
    assert sizes["smready-bengali"] == sizes["DejaVu-Sans"] == {13.33}  # 10pt in CSS px
    assert min(sizes["DejaVu-Sans-Bold"]) > 13.33


def test_bundled_fonts_are_served_by_our_fetcher_which_still_refuses_the_rest() -> None:
    fetcher = safe_url_fetcher()
    html = ("<html><head><style>"
            "@font-face { font-family: x; src: url(file:///etc/passwd); }"
            "@font-face { font-family: y; src: url(https://example.org/f.ttf); }"
            "</style></head><body><p style='font-family: x, y, \"smready bengali\"'>"
            f"{SPOKESPERSON}</p></body></html>")
    data = html_to_pdf(html, fetcher=fetcher)
    # The bundled font came through the same fetcher.
    assert "smready-bengali" in _sizes_by_font(data)
    assert "file:///etc/passwd" in fetcher.refused
    assert "https://example.org/f.ttf" in fetcher.refused
    assert not [u for u in fetcher.refused if "NotoSansBengali" in u]
    licence = resource("fonts", "OFL.txt").read_text(encoding="utf-8")
    assert "SIL OPEN FONT LICENSE Version 1.1" in licence


NO_BENGALI_FONTCONFIG = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig>
  <dir>/usr/share/fonts/truetype/dejavu</dir>
  <cachedir>{cache}</cachedir>
</fontconfig>
"""

RENDER_IN_CHILD = f"""
import json, logging, sys
records = []
class Keep(logging.Handler):
    def emit(self, record):
        records.append(record.getMessage())
logging.getLogger("weasyprint").addHandler(Keep())
from smready.domain import Spokesperson
from smready.rendering.pdf import pdf_bytes
from smready.storage import load_project
project = load_project(sys.argv[1])
project.organization.name = {ORG!r}
project.policy.spokespeople = [Spokesperson(name={SPOKESPERSON!r}, role={ROLE!r})]
open(sys.argv[2], "wb").write(pdf_bytes(project, "policy"))
print(json.dumps(records))
"""


def test_bengali_renders_with_glyphs_when_the_system_has_no_bengali_font(
        tmp_path: Path) -> None:
    if not Path("/usr/share/fonts/truetype/dejavu").is_dir():
        pytest.skip("DejaVu fonts are not installed where this test hides the others")
    conf = tmp_path / "fonts.conf"
    conf.write_text(NO_BENGALI_FONTCONFIG.format(cache=tmp_path / "cache"), encoding="utf-8")
    env = {**os.environ, "FONTCONFIG_FILE": str(conf)}
    listed = subprocess.run(["fc-list", ":lang=bn"], env=env, capture_output=True, text=True,
                            check=True).stdout
    assert listed.strip() == "", "the test config should hide every Bengali font"
    pdf = tmp_path / "policy.pdf"
    child = subprocess.run(
        [sys.executable, "-c", RENDER_IN_CHILD, str(EXAMPLES / "cafe-aurora.smready"), str(pdf)],
        env=env, cwd=REPO, capture_output=True, text=True, check=True, timeout=300)
    warnings = json.loads(child.stdout.strip().splitlines()[-1])
    assert not [w for w in warnings if ".notdef" in w], warnings
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True,
                           check=True).stdout
    bengali = [line for line in fonts.splitlines() if "smready-bengali" in line]
    assert bengali and all(line.split()[-5] == "yes" for line in bengali), fonts
    # The embedded program is Noto Sans Bengali (its name table), not a fallback.
    from fontTools.ttLib import TTFont

    families = set()
    for page in PdfReader(pdf).pages:
        for font in page["/Resources"]["/Font"].values():  # type: ignore[index]
            font = font.get_object()
            if "smready-bengali" not in str(font["/BaseFont"]):
                continue
            descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            program = descriptor.get_object()["/FontFile2"].get_object().get_data()
            families.add(TTFont(io.BytesIO(program))["name"].getDebugName(1))
    assert families == {"Noto Sans Bengali"}
    assert ORG in pdftotext(pdf.read_bytes(), tmp_path)
