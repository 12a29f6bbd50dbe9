"""Rendering: the documents (policy, readiness report, acknowledgement sheet) as HTML, PDF
and DOCX. WeasyPrint and python-docx are imported lazily, only when a PDF or DOCX is made.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from smready.rendering.model import (
    DOC_KINDS,
    FORMATS,
    PAPERS,
    DocKind,
    Format,
    Paper,
)

if TYPE_CHECKING:
    from smready.domain import Project
    from smready.i18n import Translation
    from smready.rendering.charts import radar_svg
    from smready.rendering.export import RenderError, document_bytes, export_document
    from smready.rendering.html import render_html

# Imported on first use: the app's first screen draws the radar chart (``charts``) without
# loading jinja2 and the document builders behind ``html`` and ``export``.
_LAZY = {
    "radar_svg": "smready.rendering.charts",
    "RenderError": "smready.rendering.export",
    "document_bytes": "smready.rendering.export",
    "export_document": "smready.rendering.export",
    "render_html": "smready.rendering.html",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def pdf_bytes(project: Project, doc: DocKind, paper: Paper = "a4", *,
              t: Translation | None = None) -> bytes:
    """The PDF of ``doc`` in the language of ``t``, the project's document language when
    None (imports WeasyPrint on first use)."""
    from smready.rendering import pdf

    return pdf.pdf_bytes(project, doc, paper, t=t)


__all__ = [
    "DOC_KINDS", "FORMATS", "PAPERS", "DocKind", "Format", "Paper", "RenderError",
    "document_bytes", "export_document", "pdf_bytes", "radar_svg", "render_html",
]
