"""HTML output: the document model rendered through the jinja templates.

The result is one self-contained file: the stylesheet is inlined and images are data: URLs.
The same HTML is what ``pdf.py`` gives to WeasyPrint.
"""

from __future__ import annotations

import re
from functools import cache

from markupsafe import Markup

from smready.domain import Project
from smready.i18n import Translation, translation
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


#: CSS counter styles for page numbers in the language's own digits.
_COUNTER_STYLES = {"bn": "bengali"}


def _page_counter_css(t: Translation) -> str:
    """CSS ``content`` for the footer, from the translatable "Page {page} of {pages}"."""
    parts = re.split(r"(\{page\}|\{pages\})", t("Page {page} of {pages}"))
    style = _COUNTER_STYLES.get(t.lang)
    suffix = f", {style}" if style else ""
    out = []
    for part in parts:
        if part == "{page}":
            out.append(f"counter(page{suffix})")
        elif part == "{pages}":
            out.append(f"counter(pages{suffix})")
        elif part:
            out.append(css_string(part))
    return " ".join(out)


def render_document(document: Document, paper: Paper = "a4", *, for_print: bool = False,
                    t: Translation | None = None) -> str:
    """The document as HTML. ``for_print`` adds line-break points after @ . / in long
    addresses (``<wbr>``) for the fixed-width page of the PDF; the HTML file a person opens
    keeps the text exactly as typed and lets the browser wrap it."""
    t = t or translation(document.lang)
    template = environment().get_template(f"{document.kind}.html")
    footer = _page_counter_css(t) if document.footer is None else css_string(document.footer)
    page_css = (
        f"@page {{ size: {PAPER_CSS[paper]}; "
        f"@bottom-center {{ content: {footer}; }} }}"
    )
    style = _COUNTER_STYLES.get(t.lang)
    if style:  # the table of contents' page numbers and numbered lists in its digits too
        page_css += (f' .toc a::after {{ content: leader(".") '
                     f"target-counter(attr(href url), page, {style}); }}"
                     f" ol {{ list-style-type: {style}; }}")
    return template.render(
        doc=document,
        stylesheet=Markup(_stylesheet()),
        page_css=Markup(page_css),
        print_breaks=for_print,
        labels={
            "contents": t("Contents"),
            "logo": t("Logo of {org}").format(org=document.organization),
            "generator": "smready",
            "draft_mark": t("DRAFT"),
            "draft_cover": t("Draft — not yet approved"),
        },
    )


def render_html(project: Project, doc: DocKind, paper: Paper = "a4", *,
                for_print: bool = False, t: Translation | None = None) -> str:
    """``doc`` as HTML in the language of ``t`` (the project's document language when
    None)."""
    return render_document(build_document(project, doc, t), paper, for_print=for_print, t=t)
