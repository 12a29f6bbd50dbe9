"""Project files (``.smready``): atomic save with a backup, guarded load, migrations.

A ``.smready`` file is UTF-8 JSON with a ``schema_version``. Saving never leaves a half-written
file behind: the new content goes to a temporary file in the same folder, is flushed and
fsynced, then ``os.replace``-d over the old one, and the folder is fsynced. The previous
version is kept beside it as ``<file>.bak`` (replaced the same way). Loading refuses anything
that is too big, not UTF-8, not JSON, too deeply nested, from a newer release or not a valid
project, always with one line naming the file, the field and the reason.

Autosave and crash recovery live here too (no Qt). The flow the window follows:

- on open/new: ``ProjectLock(path).acquire()`` (``ProjectLock(None)`` for an untitled
  project: it locks this session's untitled autosave); False means another live window
  has the file open (``owner()`` says which process).
- every so often: ``write_autosave(project, path)`` (path None while untitled).
- after Save / Save As: ``remove_autosave(old_path)``; on Save As move the lock too.
- clean exit: ``remove_autosave(path)`` and ``lock.release()``.
- at start-up: ``list_recoverable()`` lists the autosaves whose lock is missing or held by
  a dead process, i.e. what a crash left behind; ``Recovery.load()`` / ``.discard()``.

Autosaves and locks live in ``autosave_dir()`` (the user data folder, or
``$SMREADY_DATA_DIR/autosave``), one ``<key>.autosave`` and ``<key>.lock`` per project, the
key being a hash of the resolved project path.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import hashlib
import json
import os
import re
import shutil
import socket
import sys
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from pydantic import ValidationError

from smready.domain import SCHEMA_VERSION, Project
from smready.i18n import _, ngettext

MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_NESTING = 64
"""Deepest nesting of JSON objects and arrays accepted; a real project needs about 6."""

FILE_SUFFIX = ".smready"
BACKUP_SUFFIX = ".bak"


class ProjectFileError(Exception):
    """A project file that cannot be read or written; ``str()`` is one clear line.

    ``path`` is the file (None while migrating a bare dict), ``field`` the dotted path to the
    offending value when there is one, ``reason`` what is wrong in plain words.
    """

    def __init__(self, path: Path | None, reason: str, field: str | None = None) -> None:
        super().__init__(reason)
        self.path = path
        self.field = field
        self.reason = reason

    def with_path(self, path: Path) -> ProjectFileError:
        return ProjectFileError(path, self.reason, self.field)

    def __str__(self) -> str:
        parts = [str(self.path) if self.path is not None else None, self.field, self.reason]
        return ": ".join(p for p in parts if p)


# --------------------------------------------------------------------------- error wording


_ERRNO_REASONS: dict[int, str] = {
    errno.ENOENT: "no such file or folder",
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
    errno.EROFS: "the disk or folder is read-only",
    errno.ENOSPC: "the disk is full",
    errno.EDQUOT: "the disk quota is used up",
    errno.ENOTDIR: "part of the path is a file, not a folder",
    errno.EISDIR: "it is a folder, not a file",
    errno.ENAMETOOLONG: "the name is too long",
    errno.EEXIST: "it already exists",
}


def os_error_reason(exc: OSError) -> str:
    """Plain words for an OSError, e.g. "permission denied"."""
    if exc.errno in _ERRNO_REASONS:
        return _(_ERRNO_REASONS[exc.errno])
    return (exc.strerror or str(exc) or type(exc).__name__).lower()


def write_error_message(path: Path, exc: OSError) -> str:
    """"Cannot write /x/y.smready: permission denied. Choose another folder." """
    return _("Cannot write {path}: {reason}. Choose another folder.").format(
        path=path, reason=os_error_reason(exc))


def read_error_message(path: Path, exc: OSError) -> str:
    return _("Cannot read {path}: {reason}.").format(path=path, reason=os_error_reason(exc))


class ProjectIOError(ProjectFileError):
    """The operating system refused (missing file, permission, read-only, disk full).

    ``reason`` is already a whole sentence naming the file.
    """

    def __str__(self) -> str:
        return self.reason

    def with_path(self, path: Path) -> ProjectFileError:
        return self


class ProjectWriteError(ProjectIOError):
    """Saving failed; the old file and its backup are untouched."""


# --------------------------------------------------------------------------- atomic writes


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


# --------------------------------------------------------------------------- reading


def _reject_constant(name: str) -> Any:
    raise ValueError(_("{name} is not allowed in a project file").format(name=name))


def _bounded_int(digits: str) -> int:
    if len(digits) > 30:
        raise ValueError(_("a number in the file is {n} digits long").format(n=len(digits)))
    return int(digits)


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise ValueError(_("the key {key!r} appears twice").format(key=key))
        result[key] = value
    return result


def _nesting_depth_ok(value: Any, limit: int = MAX_NESTING) -> bool:
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict | list):
            if depth > limit:
                return False
            children = item.values() if isinstance(item, dict) else item
            stack.extend((child, depth + 1) for child in children)
    return True


def _read_bytes(path: Path, limit: int) -> bytes:
    try:
        size = path.stat().st_size
        if path.is_dir():
            raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
        if size > limit:
            raise ProjectFileError(path, _(
                "the file is {size:.1f} MB, more than the {limit:.0f} MB a project can be; "
                "it is probably not a smready project").format(
                    size=size / 1024 / 1024, limit=limit / 1024 / 1024))
        with path.open("rb") as handle:
            # Read one byte past the limit: special files and files growing under us lie
            # about their size.
            data = handle.read(limit + 1)
    except OSError as exc:
        raise ProjectIOError(path, read_error_message(path, exc)) from exc
    if len(data) > limit:
        raise ProjectFileError(path, _("the file is larger than a project can be"))
    return data


def parse_json_bytes(path: Path, data: bytes) -> dict[str, Any]:
    """Strict UTF-8, strict JSON (no NaN/Infinity, no duplicate keys), bounded nesting."""
    if not data.strip():
        raise ProjectFileError(path, _("the file is empty"))
    try:
        text = data.decode("utf-8-sig", errors="strict")
    except UnicodeDecodeError as exc:
        raise ProjectFileError(path, _(
            "not a smready project: the file is not UTF-8 text (bad byte at position {pos})"
        ).format(pos=exc.start)) from exc
    try:
        parsed = json.loads(text, parse_constant=_reject_constant, parse_int=_bounded_int,
                            object_pairs_hook=_no_duplicate_keys)
    except json.JSONDecodeError as exc:
        raise ProjectFileError(path, _(
            "not a smready project, or the file is cut short: invalid JSON at line {line}, "
            "column {col} ({msg})").format(line=exc.lineno, col=exc.colno, msg=exc.msg)) from exc
    except RecursionError as exc:
        raise ProjectFileError(path, _("the data is nested too deeply")) from exc
    except ValueError as exc:
        raise ProjectFileError(path, str(exc)) from exc
    if not isinstance(parsed, dict):
        raise ProjectFileError(path, _(
            "not a smready project: expected a JSON object, found {kind}").format(
                kind=_json_kind(parsed)))
    if not _nesting_depth_ok(parsed):
        raise ProjectFileError(path, _("the data is nested too deeply"))
    return parsed


def _json_kind(value: Any) -> str:
    if isinstance(value, list):
        return _("a list")
    if isinstance(value, str):
        return _("a string")
    if isinstance(value, bool):
        return _("true/false")
    if isinstance(value, int | float):
        return _("a number")
    if value is None:
        return _("null")
    return _("an object")


def more_problems(count: int) -> str:
    """" (and 2 more problems)" to end a one-line message, or "" when there are none."""
    if count <= 0:
        return ""
    return " " + ngettext("(and {n} more problem)", "(and {n} more problems)", count).format(
        n=count)


def _dotted(loc: tuple[int | str, ...]) -> str:
    parts: list[str] = []
    for item in loc:
        if isinstance(item, int):
            parts.append(f"[{item}]")
        elif parts:
            parts.append(f".{item}")
        else:
            parts.append(str(item))
    return "".join(parts)


_UNION_TAG = re.compile(
    r"^(int|float|str|bool|date|datetime|none|(list|dict|set|literal|is-instance|nullable|"
    r"union|tagged-union)\[.*\]|function-.*|constrained-.*)$")


def _strip_union_tags(loc: tuple[int | str, ...]) -> tuple[tuple[int | str, ...], bool]:
    """Union members add their type name to the loc (``answers.x.int``); drop those."""
    kept = tuple(p for p in loc if not (isinstance(p, str) and _UNION_TAG.match(p)))
    return kept, len(kept) != len(loc)


def _validation_error(path: Path | None, exc: ValidationError) -> ProjectFileError:
    errors = exc.errors(include_url=False, include_input=False)
    located = [(*_strip_union_tags(tuple(e["loc"])), e["msg"]) for e in errors]
    loc, from_union, reason = located[0]
    is_key = bool(loc) and loc[-1] == "[key]"
    if is_key:
        loc = loc[:-1]
        reason = _("not a valid name for an entry: {msg}").format(msg=reason)
    field = _dotted(loc)
    same = [msg for other, _union, msg in located if other == loc]
    if from_union and len(same) > 1:
        if field.startswith("readiness.answers."):
            reason = _("not a valid answer: expected a number, an option id, a list of "
                       "option ids or a short text")
        else:
            reason = " or ".join(dict.fromkeys(same))
    reason += more_problems(len({other for other, _union, _msg in located}) - 1)
    return ProjectFileError(path, reason, field or None)


# --------------------------------------------------------------------------- migrations

# Point numbers of the v0 notes, in the order the checklist has always had them.
_V0_POINTS = {1: "reason", 2: "sites", 3: "resources", 4: "pipeline", 5: "policy",
              6: "measurement"}
_V0_KINDS = {"business": "small_business", "small_business": "small_business",
             "nonprofit": "nonprofit", "non-profit": "nonprofit", "charity": "nonprofit"}


def _v0_to_v1(data: dict[str, Any]) -> dict[str, Any]:
    """v0 (the 0.x preview): flat ``org``/``answers``/``notes``, yes/no answers as booleans.

    ``{"version": 0, "saved": "...", "org": {"name", "type", "country", "website"},
    "answers": {question id: value}, "notes": {"1".."6": text}}``
    """
    org = data.get("org")
    if not isinstance(org, dict):
        raise ProjectFileError(None, _("missing or not an object"), "org")
    kind = org.get("type", "business")
    if kind not in _V0_KINDS:
        raise ProjectFileError(None, _("unknown organization type {kind!r}").format(
            kind=kind), "org.type")
    organization: dict[str, Any] = {"name": org.get("name"), "kind": _V0_KINDS[kind]}
    for old, new in (("country", "country"), ("website", "website"), ("sector", "sector")):
        if old in org:
            organization[new] = org[old]
    answers_in = data.get("answers", {})
    if not isinstance(answers_in, dict):
        raise ProjectFileError(None, _("must be an object"), "answers")
    # v0 stored yes/no questions as true/false.
    answers = {key: ("yes" if value else "no") if isinstance(value, bool) else value
               for key, value in answers_in.items()}
    notes_in = data.get("notes", {})
    if not isinstance(notes_in, dict):
        raise ProjectFileError(None, _("must be an object"), "notes")
    notes: dict[str, Any] = {}
    for number, text in notes_in.items():
        try:
            point = _V0_POINTS[int(number)]
        except (KeyError, ValueError):
            raise ProjectFileError(None, _("unknown point number {number!r}").format(
                number=number), "notes") from None
        notes[point] = text
    nonprofit = organization["kind"] == "nonprofit"
    result: dict[str, Any] = {
        "schema_version": 1,
        "organization": organization,
        "readiness": {"answers": answers, "notes": notes},
        # The scope Project.new gives a new organization of this kind.
        "policy": {"scope": {"staff": True, "volunteers": nonprofit, "board": nonprofit}},
    }
    if "saved" in data:
        result["created"] = data["saved"]
        result["modified"] = data["saved"]
    return result


MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {0: _v0_to_v1}
"""``MIGRATIONS[n]`` turns a version ``n`` document into version ``n + 1``."""


def document_version(data: dict[str, Any]) -> int:
    """The schema version of a parsed project document (v0 files said ``version``)."""
    if "schema_version" in data:
        version, field = data["schema_version"], "schema_version"
    elif "version" in data and "org" in data:
        version, field = data["version"], "version"
    else:
        raise ProjectFileError(None, _(
            "not a smready project: no schema_version"), None)
    if isinstance(version, bool) or not isinstance(version, int) or version < 0:
        raise ProjectFileError(None, _("must be a whole number, found {value!r}").format(
            value=version), field)
    return version


def migrate(data: dict[str, Any]) -> dict[str, Any]:
    """Bring a parsed document up to ``SCHEMA_VERSION``; a newer one is refused."""
    version = document_version(data)
    if version > SCHEMA_VERSION:
        raise ProjectFileError(None, _(
            "this project was saved by a newer smready (file version {file}, this app reads "
            "up to {ours}). Update smready to open it.").format(
                file=version, ours=SCHEMA_VERSION))
    while version < SCHEMA_VERSION:
        data = MIGRATIONS[version](data)
        version += 1
    return data


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


# --------------------------------------------------------------------------- autosave

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


def _key(source_path: Path | None) -> str:
    if source_path is None:
        return f"untitled-{_SESSION_ID}"
    resolved = str(Path(source_path).expanduser().resolve())
    return "file-" + hashlib.sha256(resolved.encode("utf-8", "surrogatepass")).hexdigest()[:24]


def autosave_path(source_path: Path | None) -> Path:
    return autosave_dir() / (_key(source_path) + AUTOSAVE_SUFFIX)


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


def write_autosave(project: Project, source_path: Path | None) -> Path:
    """Atomically write the autosave of this project (one file per project), return it."""
    data = project.model_dump(mode="json")
    envelope = {
        "smready_autosave": 1,
        "source_path": str(source_path) if source_path is not None else None,
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
    """After a successful save or a clean exit, the autosave is no longer needed."""
    with contextlib.suppress(FileNotFoundError):
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


# --------------------------------------------------------------------------- locks


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


class ProjectLock:
    """A lock file per open project (pid + hostname), kept in the user data folder.

    ``acquire()`` is False while another live process holds the project; locks of dead
    processes are taken over. ``release()`` removes the lock only if it is ours.
    """

    def __init__(self, path: Path | None) -> None:
        self.source_path = Path(path) if path is not None else None
        self.lock_file = autosave_dir() / (_key(self.source_path) + LOCK_SUFFIX)
        self._held = False

    @property
    def held(self) -> bool:
        return self._held

    def _my_info(self) -> dict[str, Any]:
        return {
            "pid": os.getpid(),
            "hostname": socket.gethostname(),
            "started": _process_start(os.getpid()),
            "source_path": str(self.source_path) if self.source_path else None,
            "locked_at": _now().isoformat(),
        }

    def _is_mine(self, info: dict[str, Any] | None) -> bool:
        return info is not None and info.get("pid") == os.getpid() and (
            info.get("hostname") == socket.gethostname())

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
        self.lock_file.parent.mkdir(parents=True, exist_ok=True)
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
        info = _lock_owner(self.lock_file)
        if info is None:
            return None
        return _("process {pid} on {host}").format(pid=info.get("pid"),
                                                    host=info.get("hostname"))

    def release(self) -> None:
        if not self._held:
            return
        self._held = False
        if self._is_mine(_lock_owner(self.lock_file)):
            with contextlib.suppress(FileNotFoundError):
                self.lock_file.unlink()

    def __enter__(self) -> ProjectLock:
        if not self.acquire():
            raise ProjectFileError(self.source_path, _(
                "the project is open in another smready window ({owner})").format(
                    owner=self.owner()))
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()

