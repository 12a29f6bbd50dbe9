"""DOCX output with python-docx: the only module importing it.

Walks the same document model as the HTML templates, so Word and PDF say the same thing.
Headings use Word's Heading 1/2 styles, tables are real tables, and every piece of user
text is added as a run (never parsed), with characters XML cannot hold removed.
"""

from __future__ import annotations

import contextlib
import io
import re
from typing import Any

from smready.domain import Project
from smready.i18n import DIGITS, Translation, native_digits, translation
from smready.rendering.documents import build_document
from smready.rendering.model import (
    Block,
    Bullets,
    Chart,
    DocKind,
    Document,
    Gap,
    Note,
    Paper,
    Signature,
    Table,
    Text,
)

# Characters that XML 1.0 forbids (control characters, lone surrogates, U+FFFE/FFFF).
_XML_ILLEGAL = re.compile(
    "[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")

_PAPER_MM: dict[Paper, tuple[float, float]] = {"a4": (210, 297), "letter": (215.9, 279.4)}
_GAP_FILL = "FFF4D6"
_NOTE_FILL = "EEF5FB"
_HEAD_FILL = "E6EEF5"
_GAP_BORDER = "C98A00"
_NOTE_BORDER = "2A7AB0"


def xml_safe(text: str) -> str:
    return _XML_ILLEGAL.sub("", text)


def _add_text(paragraph: Any, text: str, *, bold: bool = False, italic: bool = False) -> None:
    """Add ``text`` as runs, turning line breaks into Word line breaks."""
    lines = xml_safe(text).split("\n")
    for index, line in enumerate(lines):
        run = paragraph.add_run(line)
        run.bold = bold or None
        run.italic = italic or None
        if index < len(lines) - 1:
            run.add_break()


def _add_lead_text(paragraph: Any, item: Text | Note) -> None:
    if item.lead:
        _add_text(paragraph, item.lead + (" " if item.text else ""), bold=True)
    _add_text(paragraph, item.text)


def _shade(cell: Any, fill: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    props = cell._tc.get_or_add_tcPr()
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    props.append(shading)


def _boxed(doc: Any, fill: str, border: str, write: Any) -> None:
    """A shaded paragraph with a coloured left rule: the box used for gaps and notes.

    A paragraph, not a one-cell table, so that screen readers and Word's navigation read it
    as the text it is.
    """
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Mm, Pt

    paragraph = doc.add_paragraph()
    props = paragraph._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    for side in ("left", "top", "bottom", "right"):
        edge = OxmlElement(f"w:{side}")
        edge.set(qn("w:val"), "single")
        edge.set(qn("w:sz"), "18" if side == "left" else "4")
        edge.set(qn("w:space"), "6")
        edge.set(qn("w:color"), border)
        borders.append(edge)
    props.append(borders)
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    props.append(shading)
    paragraph.paragraph_format.left_indent = Mm(2)
    paragraph.paragraph_format.right_indent = Mm(2)
    paragraph.paragraph_format.space_before = Pt(4)
    paragraph.paragraph_format.space_after = Pt(8)
    write(paragraph)


def _repeat_header(row: Any) -> None:
    """Word repeats this row at the top of every page the table runs onto."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    props = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    props.append(header)


def _keep_rows_together(row: Any) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    props = row._tr.get_or_add_trPr()
    cant_split = OxmlElement("w:cantSplit")
    cant_split.set(qn("w:val"), "true")
    props.append(cant_split)


def _add_field(paragraph: Any, instruction: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    run = paragraph.add_run()
    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = instruction
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    run._r.append(begin)
    run._r.append(instr)
    run._r.append(end)


def _add_block(doc: Any, block: Block, lang: str = "en") -> None:
    from docx.shared import Mm

    if isinstance(block, Text):
        _add_lead_text(doc.add_paragraph(), block)
    elif isinstance(block, Bullets) and block.numbered and lang in DIGITS:
        # Word numbers its lists in ASCII digits only (no Bengali number format): the
        # number is written out, as the PDF prints it, with the same hanging indent.
        for number, item in enumerate(block.items, 1):
            paragraph = doc.add_paragraph()
            paragraph.paragraph_format.left_indent = Mm(8)
            paragraph.paragraph_format.first_line_indent = Mm(-8)
            _add_text(paragraph, native_digits(f"{number}.", lang) + "\t")
            _add_lead_text(paragraph, item)
    elif isinstance(block, Bullets):
        style = "List Number" if block.numbered else "List Bullet"
        for item in block.items:
            _add_lead_text(doc.add_paragraph(style=style), item)
    elif isinstance(block, Table):
        table = doc.add_table(rows=1, cols=len(block.columns))
        table.style = "Table Grid"
        for cell, title in zip(table.rows[0].cells, block.columns, strict=True):
            _add_text(cell.paragraphs[0], title, bold=True)
            _shade(cell, _HEAD_FILL)
        _repeat_header(table.rows[0])
        for row in block.rows:
            cells = table.add_row().cells
            for target, value in zip(cells, row, strict=True):
                _add_text(target.paragraphs[0], value.text, italic=value.gap)
                if value.gap:
                    _shade(target, _GAP_FILL)
            _keep_rows_together(table.rows[-1])
            if block.roster:
                table.rows[-1].height = Mm(11)
        if block.widths:
            total = 170.0
            for row in table.rows:
                for cell, width in zip(row.cells, block.widths, strict=True):
                    cell.width = Mm(total * width / 100)
        doc.add_paragraph()
    elif isinstance(block, Gap):
        _boxed(doc, _GAP_FILL, _GAP_BORDER, lambda p: _add_text(p, block.text, italic=True))
    elif isinstance(block, Note):
        _boxed(doc, _NOTE_FILL, _NOTE_BORDER, lambda p: _add_lead_text(p, block))
    elif isinstance(block, Chart):
        # Word cannot show our SVG chart; the alt text carries the same figures.
        _add_text(doc.add_paragraph(), block.alt, italic=True)
    elif isinstance(block, Signature):
        for label, filled in block.lines:
            paragraph = doc.add_paragraph()
            paragraph.paragraph_format.space_before = Mm(6)
            _add_text(paragraph, label + ": ")
            _add_text(paragraph, filled or "_" * 40, bold=bool(filled))


#: Word's language tags: spelling and hyphenation follow them. Bengali is a complex script,
#: tagged (and given its font) on the complex-script side of a run (``w:bidi``, ``w:cs``).
_WORD_LANGUAGE = {"fi": "fi-FI", "bn": "bn-BD"}  # English keeps the template's own tag
_COMPLEX_SCRIPT_FONT = {"bn": "Noto Sans Bengali"}


def _set_language(style: Any, lang: str) -> None:
    """The document language on the Normal style, so Word checks Finnish text as Finnish."""
    if lang not in _WORD_LANGUAGE:
        return
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    rpr = style.element.get_or_add_rPr()
    tag = OxmlElement("w:lang")
    word = _WORD_LANGUAGE[lang]
    if lang in _COMPLEX_SCRIPT_FONT:
        tag.set(qn("w:bidi"), word)
        fonts = rpr.find(qn("w:rFonts"))
        if fonts is None:
            fonts = OxmlElement("w:rFonts")
            rpr.append(fonts)
        fonts.set(qn("w:cs"), _COMPLEX_SCRIPT_FONT[lang])
    else:
        tag.set(qn("w:val"), word)
    rpr.append(tag)


def write_docx(document: Document, paper: Paper = "a4", t: Translation | None = None) -> bytes:
    """The document as DOCX; its own words (draft mark, page footer) in ``t``, else in the
    document's language."""
    t = t or translation(document.lang)
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
    from docx.shared import Mm, Pt

    doc = docx.Document()
    section = doc.sections[0]
    width, height = _PAPER_MM[paper]
    section.page_width, section.page_height = Mm(width), Mm(height)
    section.left_margin = section.right_margin = Mm(20)
    section.top_margin, section.bottom_margin = Mm(22), Mm(20)
    normal = doc.styles["Normal"]
    normal.font.name = "DejaVu Sans"
    normal.font.size = Pt(10)
    _set_language(normal, document.lang)

    props = doc.core_properties
    props.title = xml_safe(f"{document.title} — {document.organization}")[:255]
    props.author = xml_safe(document.organization)[:255]
    props.subject = xml_safe(document.subject)[:255]
    props.keywords = xml_safe(", ".join(document.keywords))[:255]
    props.language = document.lang

    header = section.header.paragraphs[0]
    _add_text(header, document.organization)
    if document.draft:
        _add_text(header, "    " + t("DRAFT — not yet approved"), bold=True)
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if document.footer is not None:
        _add_text(footer, document.footer)
    else:
        before, _sep, rest = t("Page {page} of {pages}").partition("{page}")
        middle, _sep2, after = rest.partition("{pages}")
        _add_text(footer, before)
        _add_field(footer, "PAGE")
        _add_text(footer, middle)
        _add_field(footer, "NUMPAGES")
        _add_text(footer, after)

    if document.logo is not None and document.logo.mime in ("image/png", "image/jpeg"):
        # A logo the library cannot read is skipped, like a missing one.
        with contextlib.suppress(Exception):
            doc.add_picture(io.BytesIO(document.logo.data), height=Mm(20))
    doc.add_heading(xml_safe(document.title), level=0)
    if document.cover:
        _add_text(doc.add_paragraph(), document.organization, bold=True)
        if document.draft:
            _add_text(doc.add_paragraph(), t("Draft — not yet approved"), bold=True)
        for label, value in document.cover_facts:
            paragraph = doc.add_paragraph()
            _add_text(paragraph, label + ": ")
            _add_text(paragraph, value, bold=True)
    for block in document.intro:
        _add_block(doc, block, document.lang)
    first = True
    for sec in document.sections:
        if sec.page_break and not first:
            doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        first = False
        doc.add_heading(xml_safe(sec.title), level=1 if sec.level == 1 else 2)
        for block in sec.blocks:
            _add_block(doc, block, document.lang)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def docx_bytes(project: Project, kind: DocKind, paper: Paper = "a4", *,
               t: Translation | None = None) -> bytes:
    """``kind`` as DOCX in the language of ``t`` (the project's document language when
    None)."""
    document = build_document(project, kind, t)
    return write_docx(document, paper, t)
