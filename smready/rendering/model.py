"""The structured document that every output format is made from.

The context builders (``policy.py``, ``report.py``, ``acknowledgement.py``) turn a
``Project`` into a ``Document``: a title page, then sections of paragraphs, lists, tables
and "not decided yet" boxes. The jinja templates (HTML, then PDF) and the DOCX writer both
walk this one structure, so the wording of the policy exists in one place only.

All strings here are plain text. Nothing is markup: the HTML templates escape everything
and the DOCX writer adds it as runs.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass, field
from typing import ClassVar, Literal

DocKind = Literal["policy", "report", "acknowledgement"]
Format = Literal["pdf", "docx", "html"]
Paper = Literal["a4", "letter"]

DOC_KINDS: tuple[DocKind, ...] = ("policy", "report", "acknowledgement")
FORMATS: tuple[Format, ...] = ("pdf", "docx", "html")
PAPERS: tuple[Paper, ...] = ("a4", "letter")


@dataclass(frozen=True)
class Text:
    """A paragraph; ``lead`` is printed in bold before the text (e.g. "Who:")."""

    text: str
    lead: str = ""
    kind: ClassVar[str] = "text"


@dataclass(frozen=True)
class Bullets:
    items: tuple[Text, ...]
    numbered: bool = False
    kind: ClassVar[str] = "bullets"


@dataclass(frozen=True)
class Cell:
    text: str
    gap: bool = False
    """Shown as "not decided yet" (styled) instead of a value."""
    section: str = ""
    """For a gap in the policy: the wizard page id that answers it."""
    field: str = ""
    """For a gap in the policy: the answer path it stands for, e.g. "review.approver"."""
    message: str = ""
    """For a gap in the policy: what to decide, as the wizard shows it."""


@dataclass(frozen=True)
class Table:
    columns: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    widths: tuple[int, ...] = ()
    """Column widths in percent (empty = automatic)."""
    roster: bool = False
    """A sign-up roster: rows are deliberately blank and tall."""
    kind: ClassVar[str] = "table"


@dataclass(frozen=True)
class Gap:
    """A decision the user has not made yet, shown as a clearly marked box."""

    text: str
    section: str = ""
    """The wizard page id that answers this decision (policy only)."""
    field: str = ""
    """The answer path it stands for, e.g. "escalation.crisis_contacts" (policy only)."""
    message: str = ""
    """What to decide, as the wizard shows it (policy only)."""
    kind: ClassVar[str] = "gap"


@dataclass(frozen=True)
class Note:
    """An important statement shown in a highlighted box (e.g. employee rights)."""

    text: str
    lead: str = ""
    kind: ClassVar[str] = "note"


@dataclass(frozen=True)
class Chart:
    """An SVG made by our own code (``charts.py``), embedded as a data: URL."""

    svg: str
    alt: str
    kind: ClassVar[str] = "chart"

    @property
    def data_url(self) -> str:
        return "data:image/svg+xml;base64," + base64.b64encode(self.svg.encode()).decode()


@dataclass(frozen=True)
class Signature:
    """Name / signature / date lines; a value pre-fills the line (e.g. the person's name)."""

    lines: tuple[tuple[str, str], ...]
    kind: ClassVar[str] = "signature"


Block = Text | Bullets | Table | Gap | Note | Chart | Signature


@dataclass(frozen=True)
class Section:
    id: str
    title: str
    blocks: tuple[Block, ...]
    level: int = 1
    """1 = a main section (Heading 1 / h2), 2 = a subsection (Heading 2 / h3)."""
    page_break: bool = False
    in_toc: bool = True


@dataclass(frozen=True)
class Logo:
    mime: str
    data: bytes

    @property
    def data_url(self) -> str:
        return f"data:{self.mime};base64,{base64.b64encode(self.data).decode()}"


@dataclass(frozen=True)
class Document:
    kind: DocKind
    title: str
    organization: str
    subject: str
    """One sentence, used as the PDF description and the DOCX subject."""
    lang: str
    cover_facts: tuple[tuple[str, str], ...]
    """Label / value pairs on the title page (version, effective date, approver...)."""
    sections: tuple[Section, ...]
    toc: bool = True
    cover: bool = True
    """A title page of its own (the acknowledgement sheet has none)."""
    logo: Logo | None = None
    keywords: tuple[str, ...] = ()
    intro: tuple[Block, ...] = field(default_factory=tuple)
    """Blocks on the title page under the title."""
    draft: bool = False
    """Not complete or not approved: a DRAFT watermark on every page and a line on the cover."""
    footer: str | None = None
    """Text for every page's footer instead of "Page 1 of 5" (sheets that are filed alone)."""

    @property
    def toc_sections(self) -> tuple[Section, ...]:
        return tuple(s for s in self.sections if s.in_toc and s.level == 1)
