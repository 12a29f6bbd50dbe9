"""Writing a document to a file in one of the three formats, atomically."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from smready.domain import Project
from smready.i18n import _
from smready.rendering.model import DOC_KINDS, FORMATS, PAPERS, DocKind, Format, Paper


class RenderError(Exception):
    """A document could not be produced; the message says which and why."""


def document_bytes(project: Project, doc: DocKind, fmt: Format, paper: Paper = "a4") -> bytes:
    if doc not in DOC_KINDS:
        raise RenderError(_("Unknown document {doc!r}; choose one of: {choices}.").format(
            doc=doc, choices=", ".join(DOC_KINDS)))
    if fmt not in FORMATS:
        raise RenderError(_("Unknown format {fmt!r}; choose one of: {choices}.").format(
            fmt=fmt, choices=", ".join(FORMATS)))
    if paper not in PAPERS:
        raise RenderError(_("Unknown paper size {paper!r}; choose one of: {choices}.").format(
            paper=paper, choices=", ".join(PAPERS)))
    try:
        if fmt == "html":
            from smready.rendering.html import render_html

            return render_html(project, doc, paper).encode("utf-8")
        if fmt == "pdf":
            from smready.rendering.pdf import pdf_bytes

            return pdf_bytes(project, doc, paper)
        from smready.rendering.docx import docx_bytes

        return docx_bytes(project, doc, paper)
    except RenderError:
        raise
    except Exception as exc:
        raise RenderError(_("Could not make the {doc} as {fmt}: {reason}").format(
            doc=doc, fmt=fmt.upper(), reason=f"{type(exc).__name__}: {exc}")) from exc


def write_atomically(data: bytes, out: Path) -> Path:
    """Write to a temporary file beside ``out``, then rename it over ``out``."""
    out = Path(out)
    directory = out.parent if str(out.parent) else Path(".")
    if not directory.is_dir():
        raise RenderError(_("Cannot write {path}: the folder {folder} does not exist.").format(
            path=out, folder=directory))
    handle, tmp_name = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".tmp", dir=directory)
    try:
        # mkstemp makes the file private (0600); a document gets the usual permissions.
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp_name, 0o666 & ~umask)
        with os.fdopen(handle, "wb") as tmp:
            tmp.write(data)
            tmp.flush()
            os.fsync(tmp.fileno())
        os.replace(tmp_name, out)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise RenderError(_("Cannot write {path}: {reason}").format(
            path=out, reason=exc.strerror or exc)) from exc
    return out


def export_document(
    project: Project, doc: DocKind, fmt: Format, out: Path, paper: Paper = "a4"
) -> Path:
    """Render ``doc`` as ``fmt`` and write it to ``out`` atomically; returns ``out``."""
    return write_atomically(document_bytes(project, doc, fmt, paper), Path(out))
