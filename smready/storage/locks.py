"""A lock file per open project, so two windows never edit the same file."""

from __future__ import annotations

import contextlib
import json
import os
import socket
import sys
from pathlib import Path
from typing import Any

from smready.i18n import _
from smready.storage.datadir import LOCK_SUFFIX, _key, _now, absolute_path, autosave_dir
from smready.storage.errors import ProjectFileError


def _process_start(pid: int) -> str | None:
    """The kernel's start time of a process, to tell a reused pid from the original."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text(encoding="ascii", errors="replace")
    except OSError:
        return None
    # Field 22; the command name (field 2) may contain spaces and brackets.
    fields = stat.rsplit(")", 1)[-1].split()
    return fields[19] if len(fields) > 19 else None


def _pid_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
        import ctypes

        kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
        handle = kernel32.OpenProcess(0x1000, False, pid)
        if not handle:
            return False
        kernel32.CloseHandle(handle)
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except OSError:
        return False
    return True


def _lock_owner(lock_file: Path) -> dict[str, Any] | None:
    try:
        raw = lock_file.read_bytes()[:4096]
        info = json.loads(raw.decode("utf-8"))
    except (OSError, ValueError):
        return None
    return info if isinstance(info, dict) else None


def _owner_alive(info: dict[str, Any]) -> bool:
    pid = info.get("pid")
    if isinstance(pid, bool) or not isinstance(pid, int):
        return False
    if info.get("hostname") != socket.gethostname():
        return True  # cannot see processes on another machine: assume it is still open
    if not _pid_alive(pid):
        return False
    started = info.get("started")
    return started is None or started == _process_start(pid)


def _lock_is_live(lock_file: Path) -> bool:
    info = _lock_owner(lock_file)
    return info is not None and _owner_alive(info)


def _is_this_process(info: dict[str, Any] | None) -> bool:
    return info is not None and info.get("pid") == os.getpid() and (
        info.get("hostname") == socket.gethostname())


def _same_file(recorded: object, path: Path) -> bool:
    if not isinstance(recorded, str) or not recorded:
        return False
    try:
        return os.path.samefile(recorded, path)
    except (OSError, ValueError):
        return False


def _describe(info: dict[str, Any]) -> str:
    return _("process {pid} on {host}").format(pid=info.get("pid"), host=info.get("hostname"))


def live_holder(path: Path, exclude: Path | None = None) -> tuple[Path, dict[str, Any]] | None:
    """The live lock of another process on the file ``path`` names, with its owner's info.

    Found by the lock's key (the path) or by identity (device and inode, via
    ``os.path.samefile``): the same file through a hard link or another link is the same
    project. ``exclude`` is a lock file to skip (the caller's own).
    """
    folder = autosave_dir()
    own = folder / (_key(path) + LOCK_SUFFIX)
    try:
        others = sorted(folder.glob("*" + LOCK_SUFFIX))
    except OSError:
        others = []
    for lock_file in [own, *(p for p in others if p != own)]:
        if lock_file == exclude:
            continue
        info = _lock_owner(lock_file)
        if info is None or _is_this_process(info) or not _owner_alive(info):
            continue
        if lock_file == own or _same_file(info.get("source_path"), path):
            return lock_file, info
    return None


def lock_holder(path: Path) -> str | None:
    """"process 4242 on office-pc" when a smready window elsewhere has ``path`` open."""
    found = live_holder(path)
    return _describe(found[1]) if found is not None else None


class ProjectLock:
    """A lock file per open project (pid + hostname), kept in the user data folder.

    ``acquire()`` is False while another live process holds the project; locks of dead
    processes are taken over. ``release()`` removes the lock only if it is ours.
    """

    def __init__(self, path: Path | None) -> None:
        self.source_path = Path(path) if path is not None else None
        self.lock_file = autosave_dir() / (_key(self.source_path) + LOCK_SUFFIX)
        self._held = False
        self._blocker: Path | None = None

    @property
    def held(self) -> bool:
        return self._held

    def _my_info(self) -> dict[str, Any]:
        return {
            "pid": os.getpid(),
            "hostname": socket.gethostname(),
            "started": _process_start(os.getpid()),
            "source_path": str(absolute_path(self.source_path)) if self.source_path else None,
            "locked_at": _now().isoformat(),
        }

    def _is_mine(self, info: dict[str, Any] | None) -> bool:
        return _is_this_process(info)

    def _create(self) -> bool:
        payload = json.dumps(self._my_info()).encode("utf-8")
        try:
            fd = os.open(self.lock_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        except FileExistsError:
            return False
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        return True

    def acquire(self) -> bool:
        """True when this process now holds the project; raises ``OSError`` when the
        autosave folder cannot be written (the caller decides whether to go on unlocked)."""
        self._blocker = None
        self.lock_file.parent.mkdir(parents=True, exist_ok=True)
        if self.source_path is not None:
            other = live_holder(self.source_path, exclude=self.lock_file)
            if other is not None:  # the same file under another name (hard link, link)
                self._blocker = other[0]
                return False
        if self._create():
            self._held = True
            return True
        info = _lock_owner(self.lock_file)
        if self._is_mine(info):
            self._held = True
            return True
        if info is not None and _owner_alive(info):
            return False
        # Stale (dead owner) or unreadable: take it over. Two processes racing here for
        # the same stale lock is the one case this does not decide; O_EXCL picks a winner
        # unless both removed the old file first.
        with contextlib.suppress(FileNotFoundError):
            self.lock_file.unlink()
        self._held = self._create()
        return self._held

    def owner(self) -> str | None:
        """Who holds the lock, e.g. "process 4242 on office-pc", for the message to the user."""
        info = _lock_owner(self._blocker or self.lock_file)
        if info is None:
            return None
        return _describe(info)

    def release(self) -> None:
        if not self._held:
            return
        self._held = False
        if self._is_mine(_lock_owner(self.lock_file)):
            # A data folder gone read-only since must not turn Quit into a traceback.
            with contextlib.suppress(OSError):
                self.lock_file.unlink()

    def __enter__(self) -> ProjectLock:
        if not self.acquire():
            raise ProjectFileError(self.source_path, _(
                "the project is open in another smready window ({owner})").format(
                    owner=self.owner()))
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()
