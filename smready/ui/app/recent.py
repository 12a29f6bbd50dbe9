"""The recent-files list in ``QSettings``: light enough to fill the start page before the
rest of the app (pydantic models, content bank) is imported."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

RECENT_KEY = "files/recent"
LAST_DIR_KEY = "files/last_dir"
MAX_RECENT = 8


def recent_files() -> list[Path]:
    raw = QSettings().value(RECENT_KEY, [])
    if isinstance(raw, str):
        raw = [raw]
    if not isinstance(raw, list):
        return []
    return [Path(str(p)) for p in raw if p][:MAX_RECENT]


def set_recent_files(paths: list[Path]) -> None:
    QSettings().setValue(RECENT_KEY, [str(p) for p in paths[:MAX_RECENT]])
