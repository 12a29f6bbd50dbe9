"""Autosave and crash recovery (no Qt)."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import socket
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from smready.domain import Project
from smready.i18n import _
from smready.storage.atomic import atomic_write_bytes
from smready.storage.datadir import (
    AUTOSAVE_SUFFIX,
    LOCK_SUFFIX,
    _now,
    absolute_path,
    autosave_dir,
    autosave_path,
)
from smready.storage.errors import ProjectFileError
from smready.storage.locks import _lock_is_live
from smready.storage.parsing import MAX_FILE_BYTES, _read_bytes, parse_json_bytes
from smready.storage.project_file import project_from_document


def write_autosave(project: Project, source_path: Path | None) -> Path:
    """Atomically write the autosave of this project (one file per project), return it."""
    data = project.model_dump(mode="json")
    envelope = {
        "smready_autosave": 1,
        # Absolute: recovery may start from any working folder.
        "source_path": str(absolute_path(source_path)) if source_path is not None else None,
        "saved_at": _now().isoformat(),
        "pid": os.getpid(),
        "hostname": socket.gethostname(),
        "project": data,
    }
    target = autosave_path(source_path)
    target.parent.mkdir(parents=True, exist_ok=True)
    payload = json.dumps(envelope, ensure_ascii=False, allow_nan=False).encode("utf-8")
    atomic_write_bytes(target, payload)
    return target


def remove_autosave(source_path: Path | None) -> None:
    """After a successful save or a clean exit, the autosave is no longer needed.

    Never fails: a missing or unwritable autosave folder has nothing to remove (a Quit
    must not end in a traceback because the data folder went read-only).
    """
    with contextlib.suppress(OSError):
        autosave_path(source_path).unlink()


@dataclass(frozen=True)
class Recovery:
    """An autosave left behind by a process that is gone."""

    autosave: Path
    project_name: str
    source_path: Path | None
    saved_at: dt.datetime

    def load(self) -> Project:
        envelope = _read_envelope(self.autosave)
        project = envelope.get("project")
        if not isinstance(project, dict):
            raise ProjectFileError(self.autosave, _("missing or not an object"), "project")
        return project_from_document(self.autosave, project)

    def discard(self) -> None:
        with contextlib.suppress(FileNotFoundError):
            self.autosave.unlink()
        # A stale lock of the same project would otherwise outlive its autosave.
        lock = self.autosave.with_name(
            self.autosave.name.removesuffix(AUTOSAVE_SUFFIX) + LOCK_SUFFIX)
        if lock.exists() and not _lock_is_live(lock):
            with contextlib.suppress(OSError):
                lock.unlink()


def _read_envelope(path: Path) -> dict[str, Any]:
    # The envelope adds a few hundred bytes around a project of at most MAX_FILE_BYTES.
    return parse_json_bytes(path, _read_bytes(path, MAX_FILE_BYTES + 64 * 1024))


def list_recoverable() -> list[Recovery]:
    """Autosaves whose project is not held open by a live process, newest first."""
    folder = autosave_dir()
    if not folder.is_dir():
        return []
    found: list[Recovery] = []
    for path in folder.glob("*" + AUTOSAVE_SUFFIX):
        key = path.name.removesuffix(AUTOSAVE_SUFFIX)
        if _lock_is_live(folder / (key + LOCK_SUFFIX)):
            continue
        try:
            envelope = _read_envelope(path)
            project = envelope["project"]
            name = str(project["organization"]["name"])
            saved_at = dt.datetime.fromisoformat(str(envelope["saved_at"]))
            source = envelope.get("source_path")
        except (ProjectFileError, KeyError, TypeError, ValueError):
            continue  # unreadable: nothing to offer (Recovery.load would fail too)
        found.append(Recovery(path, name, Path(source) if source else None, saved_at))
    found.sort(key=lambda r: r.saved_at, reverse=True)
    return found
