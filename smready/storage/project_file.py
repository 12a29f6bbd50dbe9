"""``.smready`` files: save with a backup, load, schema."""

from __future__ import annotations

import contextlib
import errno
import json
import os
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from smready.domain import SCHEMA_VERSION, Project
from smready.i18n import _
from smready.storage.atomic import (
    _atomic_copy,
    _fsync_dir,
    _remove_stale_temps,
    _replace,
    _write_temp,
)
from smready.storage.errors import ProjectFileError, ProjectWriteError, write_error_message
from smready.storage.migrations import document_version, migrate
from smready.storage.parsing import MAX_FILE_BYTES, _read_bytes, _validation_error, parse_json_bytes

FILE_SUFFIX = ".smready"
BACKUP_SUFFIX = ".bak"



def backup_path(path: Path) -> Path:
    return path.with_name(path.name + BACKUP_SUFFIX)


def _dump(project: Project) -> bytes:
    data = project.model_dump(mode="json")
    # Never write a file this app could not read back.
    try:
        Project.model_validate(data)
    except ValidationError as exc:
        raise _validation_error(None, exc) from exc
    text = json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False)
    return (text + "\n").encode("utf-8")


def save_project(project: Project, path: Path) -> None:
    """Save atomically, keeping the previous version as ``<path>.bak``.

    Saves exactly what it is given: timestamps are the caller's business (``touch()``).
    Raises ``ProjectWriteError`` (one line, the file untouched) when the folder is not
    writable, and ``ProjectFileError`` if the project could not be read back.
    """
    path = Path(path)
    if path.is_symlink():
        path = path.resolve()  # write the file the link points to, keep the link
    try:
        payload = _dump(project)
    except ProjectFileError as exc:
        raise exc.with_path(path) from exc
    try:
        if path.is_dir():
            raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
        tmp = _write_temp(path, lambda handle: handle.write(payload))
        try:
            if path.is_file():
                _atomic_copy(path, backup_path(path))
        except BaseException:
            with contextlib.suppress(OSError):
                tmp.unlink()
            raise
        _replace(tmp, path)
        _fsync_dir(path.parent)
    except OSError as exc:
        raise ProjectWriteError(path, write_error_message(path, exc)) from exc
    _remove_stale_temps(path)
    _remove_stale_temps(backup_path(path))



def project_from_document(path: Path | None, data: dict[str, Any]) -> Project:
    try:
        current = migrate(data)
        return Project.model_validate(current)
    except ProjectFileError as exc:
        if path is None:
            raise
        raise exc.with_path(path) from exc
    except ValidationError as exc:
        raise _validation_error(path, exc) from exc
    except (TypeError, ValueError, KeyError, AttributeError) as exc:
        # A malformed old-version file that a migration could not make sense of.
        raise ProjectFileError(path, _("cannot convert the old file format: {error}").format(
            error=exc)) from exc


def read_document(path: Path) -> dict[str, Any]:
    """The file parsed as JSON (size, encoding and nesting checked), not yet validated."""
    path = Path(path)
    return parse_json_bytes(path, _read_bytes(path, MAX_FILE_BYTES))


def file_version(path: Path) -> int:
    """The schema version a file was written in (to tell the user an upgrade happened)."""
    path = Path(path)
    try:
        return document_version(read_document(path))
    except ProjectFileError as exc:
        if exc.path is not None:
            raise
        raise exc.with_path(path) from exc


def load_project(path: Path) -> Project:
    """Read, migrate and validate a project; any problem → ``ProjectFileError``."""
    path = Path(path)
    return project_from_document(path, read_document(path))


def project_json_schema() -> dict[str, Any]:
    schema = Project.model_json_schema()
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        **schema,
        "title": f"smready project (schema version {SCHEMA_VERSION})",
    }
