"""Atomic writes: a fsynced temp file beside the target, renamed over it."""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import sys
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO


def _fsync_dir(folder: Path) -> None:
    # Makes the rename itself durable. Not possible on Windows (and some network disks).
    if sys.platform == "win32":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _temp_path(target: Path) -> Path:
    return target.with_name(f".{target.name}.{uuid.uuid4().hex[:12]}.tmp")


STALE_TEMP_SECONDS = 600
"""A temp file this old next to a project is the leftover of a save that was killed."""


def _remove_stale_temps(target: Path) -> None:
    # Young ones may belong to a save running right now in another process.
    pattern = re.compile(r"^\." + re.escape(target.name) + r"\.[0-9a-f]{12}\.tmp$")
    cutoff = time.time() - STALE_TEMP_SECONDS
    try:
        candidates = [p for p in target.parent.iterdir() if pattern.match(p.name)]
    except OSError:
        return
    for candidate in candidates:
        with contextlib.suppress(OSError):
            if candidate.stat().st_mtime < cutoff:
                candidate.unlink()


def _write_temp(target: Path, write: Callable[[BinaryIO], object]) -> Path:
    """A fully written, fsynced temp file beside ``target``, ready to be renamed over it."""
    tmp = _temp_path(target)
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        with os.fdopen(fd, "wb") as handle:
            write(handle)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    return tmp


def _replace(tmp: Path, target: Path) -> None:
    try:
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


def atomic_write_bytes(target: Path, data: bytes, *, sync_dir: bool = True) -> None:
    """Write ``data`` to ``target`` so that a crash leaves either the old or the new file."""
    _replace(_write_temp(target, lambda handle: handle.write(data)), target)
    if sync_dir:
        _fsync_dir(target.parent)


def _atomic_copy(source: Path, target: Path) -> None:
    # A copy (not a hard link) so the backup survives on file systems without links and
    # never shares an inode with the live file.
    with source.open("rb") as src:
        tmp = _write_temp(target, lambda handle: shutil.copyfileobj(src, handle))
    _replace(tmp, target)
