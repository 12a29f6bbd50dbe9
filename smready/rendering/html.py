"""HTML output: the document model rendered through the jinja templates.

The result is one self-contained file: the stylesheet is inlined and images are data: URLs.
The same HTML is what ``pdf.py`` gives to WeasyPrint.
"""

from __future__ import annotations

import re
from functools import cache

from markupsafe import Markup

from smready.domain import Project
from smready.i18n import _
from smready.paths import resource
from smready.rendering.documents import build_document
from smready.rendering.env import environment
from smready.rendering.model import DocKind, Document, Paper

PAPER_CSS: dict[Paper, str] = {"a4": "A4", "letter": "letter"}


@cache
def _stylesheet() -> str:
    return resource("css", "document.css").read_text(encoding="utf-8")


def css_string(text: str) -> str:
    """A CSS string literal; quotes, backslashes and line breaks cannot escape it."""
    escaped = re.sub(r'[\\"\n\r\f<>]', lambda m: f"\\{ord(m.group()):x} ", text)
    return f'"{escaped}"'


def _page_counter_css() -> str:
    """CSS ``content`` for the footer, from the translatable "Page {page} of {pages}"."""
    parts = re.split(r"(\{page\}|\{pages\})", _("Page {page} of {pages}"))
    out = []
    for part in parts:
        if part == "{page}":
            out.append("counter(page)")
        elif part == "{pages}":
            out.append("counter(pages)")
        elif part:
            out.append(css_string(part))
    return " ".join(out)


def render_document(document: Document, paper: Paper = "a4", *, for_print: bool = False) -> str:
    """The document as HTML. ``for_print`` adds line-break points after @ . / in long
    addresses (``<wbr>``) for the fixed-width page of the PDF; the HTML file a person opens
    keeps the text exactly as typed and lets the browser wrap it."""
    template = environment().get_template(f"{document.kind}.html")
    footer = _page_counter_css() if document.footer is None else css_string(document.footer)
    page_css = (
        f"@page {{ size: {PAPER_CSS[paper]}; "
        f"@bottom-center {{ content: {footer}; }} }}"
    )
    return template.render(
        doc=document,
        stylesheet=Markup(_stylesheet()),
        page_css=Markup(page_css),
        print_breaks=for_print,
        labels={
            "contents": _("Contents"),
            "logo": _("Logo of {org}").format(org=document.organization),
            "generator": "smready",
            "draft_mark": _("DRAFT"),
            "draft_cover": _("Draft — not yet approved"),
        },
    )


def render_html(project: Project, doc: DocKind, paper: Paper = "a4", *,
                for_print: bool = False) -> str:
    return render_document(build_document(project, doc), paper, for_print=for_print)
