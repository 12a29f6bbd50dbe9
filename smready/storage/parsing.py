"""Reading a file into a JSON document: size, file type, encoding, JSON, nesting, types."""

from __future__ import annotations

import errno
import json
import math
import os
import re
import stat
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from smready.i18n import _
from smready.storage.errors import (
    ProjectFileError,
    ProjectIOError,
    more_problems,
    read_error_message,
)

MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_NESTING = 64
"""Deepest nesting of JSON objects and arrays accepted; a real project needs about 6."""


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


def _file_kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return _("a folder")
    if stat.S_ISFIFO(mode):
        return _("a pipe (FIFO)")
    if stat.S_ISSOCK(mode):
        return _("a socket")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return _("a device")
    return _("not a regular file")


def _not_regular(path: Path, mode: int) -> ProjectFileError:
    if stat.S_ISDIR(mode):
        return ProjectIOError(path, read_error_message(
            path, IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))))
    return ProjectFileError(path, _(
        "this is {kind}, not a project file; choose a .smready file").format(
            kind=_file_kind(mode)))


def read_regular_file(path: Path, limit: int) -> bytes:
    """At most ``limit`` bytes of a regular file; pipes, devices, sockets and folders are
    refused before reading (a FIFO would block forever), all with one clear line."""
    try:
        # Look before opening: opening a FIFO for reading blocks until a writer appears.
        mode = path.stat().st_mode
        if not stat.S_ISREG(mode):
            raise _not_regular(path, mode)
        # O_NONBLOCK: if a FIFO replaced the file since, opening it still returns at once.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
        with os.fdopen(fd, "rb") as handle:
            info = os.fstat(handle.fileno())
            if not stat.S_ISREG(info.st_mode):
                raise _not_regular(path, info.st_mode)
            if info.st_size > limit:
                raise ProjectFileError(path, _(
                    "the file is {size:.1f} MB, more than the {limit:.0f} MB a project can be; "
                    "it is probably not a smready project").format(
                        size=info.st_size / 1024 / 1024, limit=limit / 1024 / 1024))
            # Read one byte past the limit: files growing under us lie about their size.
            data = handle.read(limit + 1)
    except OSError as exc:
        raise ProjectIOError(path, read_error_message(path, exc)) from exc
    if len(data) > limit:
        raise ProjectFileError(path, _("the file is larger than a project can be"))
    return data


_read_bytes = read_regular_file


def _finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        shown = text if len(text) <= 30 else text[:27] + "..."
        raise ValueError(_(
            "the number {number} is too large for a project file").format(number=shown))
    return value


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
                            parse_float=_finite_float,
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
