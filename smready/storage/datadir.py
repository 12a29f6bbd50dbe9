"""Where autosaves and locks live, and the key naming a project's files there."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import sys
import uuid
from pathlib import Path

DATA_DIR_ENV = "SMREADY_DATA_DIR"
AUTOSAVE_SUFFIX = ".autosave"
LOCK_SUFFIX = ".lock"
_SESSION_ID = uuid.uuid4().hex
"""Keys the autosave of this process's untitled project."""


def data_dir() -> Path:
    """The user data folder: ``$SMREADY_DATA_DIR``, else the platform's usual place."""
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        return Path(override)
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
        return Path(base) / "smready"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / "smready"
    xdg = os.environ.get("XDG_DATA_HOME")
    base_dir = Path(xdg) if xdg and Path(xdg).is_absolute() else Path.home() / ".local" / "share"
    return base_dir / "smready"


def autosave_dir() -> Path:
    return data_dir() / "autosave"


def absolute_path(path: Path) -> Path:
    """``path`` made absolute with links resolved where possible (a loop stays as it is), so
    that an autosave or a lock still names the right file from another working folder."""
    path = Path(path).expanduser()
    try:
        return path.resolve()
    except (RuntimeError, OSError):  # a loop of symbolic links (RuntimeError up to 3.12)
        return Path(os.path.abspath(path))


def _key(source_path: Path | None) -> str:
    if source_path is None:
        return f"untitled-{_SESSION_ID}"
    resolved = str(absolute_path(source_path))
    return "file-" + hashlib.sha256(resolved.encode("utf-8", "surrogatepass")).hexdigest()[:24]


def autosave_path(source_path: Path | None) -> Path:
    return autosave_dir() / (_key(source_path) + AUTOSAVE_SUFFIX)


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(microsecond=0)
