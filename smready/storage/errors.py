"""Errors of project files and their wording: one clear line naming the file."""

from __future__ import annotations

import errno
from pathlib import Path

from smready.i18n import _, ngettext


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



def more_problems(count: int) -> str:
    """" (and 2 more problems)" to end a one-line message, or "" when there are none."""
    if count <= 0:
        return ""
    return " " + ngettext("(and {n} more problem)", "(and {n} more problems)", count).format(
        n=count)
