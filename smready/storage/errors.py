"""Errors of project files and their wording: one clear line naming the file."""

from __future__ import annotations

import errno
import re
from pathlib import Path

from smready.i18n import _, ngettext

UNSAFE_CHARACTERS = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


"""Characters a terminal or a text layout would obey rather than show: C0 and C1 controls
(ESC starts terminal escape sequences), DEL, and the bidirectional marks and overrides."""


def _escape_char(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str) -> str:
    """``text`` safe to show on a terminal or in a dialog: control characters are escaped.

    Messages quote file content (keys, values, names). Escape sequences such as
    ``\\x1b[2J`` (clear the screen) or direction overrides must be shown, never obeyed.
    """
    return UNSAFE_CHARACTERS.sub(_escape_char, text)


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
        return printable(": ".join(p for p in parts if p))


# --------------------------------------------------------------------------- error wording


def N_(message: str) -> str:
    """Marks a message for the catalog where it is defined; it is translated where used."""
    return message


_ERRNO_REASONS: dict[int, str] = {
    errno.ENOENT: N_("no such file or folder"),
    errno.EACCES: N_("permission denied"),
    errno.EPERM: N_("permission denied"),
    errno.EROFS: N_("the disk or folder is read-only"),
    errno.ENOSPC: N_("the disk is full"),
    errno.EDQUOT: N_("the disk quota is used up"),
    errno.ENOTDIR: N_("part of the path is a file, not a folder"),
    errno.EISDIR: N_("it is a folder, not a file"),
    errno.ENAMETOOLONG: N_("the name is too long"),
    errno.EEXIST: N_("it already exists"),
    errno.ELOOP: N_("the path is a loop of symbolic links"),
    errno.EFBIG: N_("the file is too large for this disk"),
    errno.EIO: N_("the disk reported an error"),
}

_ERRNO_ADVICE: dict[int, str] = {
    errno.EISDIR: N_("Choose another name."),
    errno.ENOSPC: N_("Free some space or choose another disk."),
    errno.EDQUOT: N_("Free some space or choose another disk."),
    errno.ELOOP: N_("Choose another name."),
}
_DEFAULT_ADVICE = N_("Choose another folder.")


def os_error_reason(exc: OSError) -> str:
    """Plain words for an OSError, e.g. "permission denied"."""
    if exc.errno in _ERRNO_REASONS:
        return _(_ERRNO_REASONS[exc.errno])
    return (exc.strerror or str(exc) or type(exc).__name__).lower()


def write_error_message(path: Path, exc: OSError) -> str:
    """"Cannot write /x/y.smready: permission denied. Choose another folder." """
    advice = _(_ERRNO_ADVICE.get(exc.errno or 0, _DEFAULT_ADVICE))
    return printable(_("Cannot write {path}: {reason}. {advice}").format(
        path=path, reason=os_error_reason(exc), advice=advice))


def read_error_message(path: Path, exc: OSError) -> str:
    return printable(_("Cannot read {path}: {reason}.").format(
        path=path, reason=os_error_reason(exc)))


class ProjectIOError(ProjectFileError):
    """The operating system refused (missing file, permission, read-only, disk full).

    ``reason`` is already a whole sentence naming the file.
    """

    def __str__(self) -> str:
        return printable(self.reason)

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
