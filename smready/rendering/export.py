"""Writing a document to a file in one of the three formats, atomically."""

from __future__ import annotations

import contextlib
import errno
import os
from pathlib import Path

from smready.domain import Project
from smready.i18n import Translation, _
from smready.rendering.model import DOC_KINDS, FORMATS, PAPERS, DocKind, Format, Paper
from smready.storage.atomic import atomic_write_bytes
from smready.storage.errors import printable, write_error_message
from smready.storage.project_file import BACKUP_SUFFIX, FILE_SUFFIX, resolve_target


class RenderError(Exception):
    """A document could not be produced; the message says which and why."""


def document_bytes(project: Project, doc: DocKind, fmt: Format, paper: Paper = "a4", *,
                   t: Translation | None = None) -> bytes:
    """``doc`` as ``fmt`` in the language of ``t`` (the project's document language when
    None). Error messages are the caller's (UI or command line) language."""
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

            return render_html(project, doc, paper, t=t).encode("utf-8")
        if fmt == "pdf":
            from smready.rendering.pdf import pdf_bytes

            return pdf_bytes(project, doc, paper, t=t)
        from smready.rendering.docx import docx_bytes

        return docx_bytes(project, doc, paper, t=t)
    except RenderError:
        raise
    except Exception as exc:
        raise RenderError(_("Could not make the {doc} as {fmt}: {reason}").format(
            doc=doc, fmt=fmt.upper(), reason=f"{type(exc).__name__}: {exc}")) from exc


def refuse_project_target(out: Path) -> None:
    """A document is never written over a project file (``.smready``, or a link to one)."""
    names = [Path(out)]
    with contextlib.suppress(OSError):
        names.append(resolve_target(Path(out)))
    for name in names:
        if name.suffix.lower() in (FILE_SUFFIX, FILE_SUFFIX + BACKUP_SUFFIX):
            raise RenderError(printable(_(
                "Cannot write {path}: that name is for smready projects and the export would "
                "replace one. Choose a name ending in .pdf, .docx or .html.").format(path=out)))


def write_atomically(data: bytes, out: Path) -> Path:
    """Write to a temporary file beside ``out``, then rename it over ``out`` (the same
    atomic writer as project saves: a crash, a full disk or Ctrl-C leaves the old file
    and no temporary file). A symbolic link is followed and kept."""
    out = Path(out)
    refuse_project_target(out)
    try:
        target = resolve_target(out)
        directory = target.parent if str(target.parent) else Path(".")
        if not directory.is_dir():
            raise RenderError(printable(_(
                "Cannot write {path}: the folder {folder} does not exist. Choose another "
                "folder.").format(path=out, folder=directory)))
        if target.is_dir():
            raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(target))
        atomic_write_bytes(target, data)
    except OSError as exc:
        raise RenderError(write_error_message(out, exc)) from exc
    return out


def export_document(
    project: Project, doc: DocKind, fmt: Format, out: Path, paper: Paper = "a4", *,
    t: Translation | None = None,
) -> Path:
    """Render ``doc`` as ``fmt`` (in the language of ``t``, the project's document language
    when None) and write it to ``out`` atomically; returns ``out``."""
    return write_atomically(document_bytes(project, doc, fmt, paper, t=t), Path(out))
