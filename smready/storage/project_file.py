"""``.smready`` files: save with a backup, load, schema."""

from __future__ import annotations

import contextlib
import errno
import hashlib
import json
import os
from dataclasses import dataclass
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
from smready.storage.parsing import (
    MAX_FILE_BYTES,
    _read_bytes,
    _validation_error,
    parse_json_bytes,
    read_regular_file,
)

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


def resolve_target(path: Path) -> Path:
    """The file a save or an export really writes: a symbolic link is followed (the link
    stays), a loop of links is an ``OSError`` (ELOOP) rather than Python's RuntimeError."""
    path = Path(path)
    if not path.is_symlink():
        return path
    try:
        return path.resolve()
    except (RuntimeError, OSError) as exc:  # RuntimeError up to Python 3.12
        if isinstance(exc, OSError) and exc.errno != errno.ELOOP:
            raise
        raise OSError(errno.ELOOP, os.strerror(errno.ELOOP), str(path)) from exc


def save_target(path: Path) -> tuple[Path, Path]:
    """``(file, backup)`` a save of ``path`` writes: through a symbolic link, the backup
    sits beside the file the link points to, so that is the one to tell the user about."""
    try:
        target = resolve_target(path)
    except OSError:
        target = Path(path)
    return target, backup_path(target)


def save_project(project: Project, path: Path) -> Path:
    """Save atomically, keeping the previous version as ``<path>.bak``; returns the file
    written (the target of ``path`` when it is a symbolic link).

    Saves exactly what it is given: timestamps are the caller's business (``touch()``).
    Raises ``ProjectWriteError`` (one line, the file and its backup untouched) when the
    folder is not writable, and ``ProjectFileError`` if the project could not be read back.
    """
    path = Path(path)
    try:
        payload = _dump(project)
    except ProjectFileError as exc:
        raise exc.with_path(path) from exc
    try:
        path = resolve_target(path)  # write the file the link points to, keep the link
        if path.is_dir():
            raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
        backup = backup_path(path)
        if path.is_file() and (backup.is_dir() or (backup.exists() and not backup.is_file()
                                                    and not backup.is_symlink())):
            raise ProjectWriteError(path, _(
                "Cannot save {path}: its backup {backup} is a folder (or another special "
                "file), not a file. Move or rename it, then save again.").format(
                    path=path, backup=backup))
        tmp = _write_temp(path, lambda handle: handle.write(payload))
        try:
            if path.is_file():
                _atomic_copy(path, backup)
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
    return path


@dataclass(frozen=True)
class Fingerprint:
    """What a file on disk was when this app last read or wrote it."""

    size: int
    mtime_ns: int
    sha256: str


def file_fingerprint(path: Path) -> Fingerprint | None:
    """Size, modification time and a hash of the file (None if it cannot be read), to
    tell whether another program changed it since (a touch alone changes only the time)."""
    try:
        info = Path(path).stat()
        data = read_regular_file(Path(path), MAX_FILE_BYTES)
    except (OSError, ProjectFileError):
        return None
    return Fingerprint(info.st_size, info.st_mtime_ns, hashlib.sha256(data).hexdigest())


def changed_on_disk(path: Path, known: Fingerprint | None) -> bool:
    """True when the file's content is no longer what ``known`` recorded (a file deleted
    since is not "changed": saving simply writes it again)."""
    if known is None:
        return False
    now = file_fingerprint(path)
    if now is None:
        return False
    # Same size and time can still hide an edit (coarse clocks, a quick rewrite); another
    # time with the same bytes is only a touch or a copy back: not worth a question.
    return now.size != known.size or now.sha256 != known.sha256


def project_from_document(path: Path | None, data: dict[str, Any]) -> Project:
    try:
        current = migrate(data)
        # Strict about types, the way the published schema is: a number is not a date
        # ("created": 12345 is not 1970), a string is not a number. JSON mode keeps ISO
        # dates and enum values as text, as they are written.
        return Project.model_validate_json(
            json.dumps(current, ensure_ascii=False, allow_nan=False), strict=True)
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


def _without_patterns(node: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in node.items() if key != "patternProperties"}


_CONTROL = "\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f\\ufffe\\uffff"
"""The characters the models strip from text before checking its length (JSON Schema
regex syntax, which Python's ``re`` reads the same way)."""


def _require_what_the_loader_requires(node: Any) -> None:
    """Tighten pydantic's schema where the loader is stricter than the schema says.

    - A map with key patterns (answers, notes) accepts no other keys.
    - A text that must not be empty needs that many characters that are not control
      characters: the models strip those first, so ``"\\u0000"`` is an empty name.
    """
    if isinstance(node, list):
        for item in node:
            _require_what_the_loader_requires(item)
        return
    if not isinstance(node, dict):
        return
    if "patternProperties" in node and "additionalProperties" not in node:
        node["additionalProperties"] = False
    minimum = node.get("minLength")
    if node.get("type") == "string" and isinstance(minimum, int) and minimum > 0 and (
            "pattern" not in node):
        node["pattern"] = f"^(?:[{_CONTROL}]*[^{_CONTROL}]){{{minimum}}}"
    for value in node.values():
        _require_what_the_loader_requires(value)


def project_json_schema(answers: dict[str, Any] | None = None,
                        note_points: list[str] | None = None) -> dict[str, Any]:
    """The JSON Schema of a project file, requiring what ``load_project`` requires.

    ``answers`` (question id → schema of its answer) and ``note_points`` narrow the
    checklist answers to those of a question bank, as ``smready-cli validate`` checks them
    (storage knows no question bank: the caller passes what it loaded).
    """
    schema = Project.model_json_schema()
    readiness = schema["$defs"]["ReadinessAnswers"]["properties"]
    if answers is not None:
        readiness["answers"] = {**_without_patterns(readiness["answers"]),
                                "properties": answers, "additionalProperties": False}
    if note_points is not None:
        text = next(iter(readiness["notes"]["patternProperties"].values()))
        readiness["notes"] = {**_without_patterns(readiness["notes"]),
                              "properties": {point: text for point in note_points},
                              "additionalProperties": False}
    # The loader needs ``schema_version`` to know how to read a file (a default of 1 would
    # make a file of a later version look like this one).
    required = list(schema.get("required", []))
    if "schema_version" not in required:
        required.insert(0, "schema_version")
    schema["required"] = required
    _require_what_the_loader_requires(schema)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        **schema,
        "title": f"smready project (schema version {SCHEMA_VERSION})",
    }
