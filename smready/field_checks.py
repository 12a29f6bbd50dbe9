"""Checks of single answers as they are typed: e-mail, phone, web address, handle, logo file.

Each returns "" when the text is fine (an empty answer is fine: whether it is needed is the
policy's business) or one sentence saying what looks wrong. Qt-free.
"""

from __future__ import annotations

import re
from pathlib import Path

from smready.i18n import _

_EMAIL = re.compile(r"^[^@\s<>()\[\],;:\"]+@[^@\s<>()\[\],;:\"]+\.[^@\s<>()\[\],;:\"]{2,}$")
_PHONE_CHARS = re.compile(r"^\+?[0-9০-৯ ()./\-]+$")  # ASCII or Bengali digits
_HOST = re.compile(r"^([a-z0-9]([a-z0-9\-]*[a-z0-9])?\.)+[a-z]{2,}$", re.IGNORECASE)
_HANDLE = re.compile(r"^@[A-Za-z0-9_.]{1,60}$")
LOGO_SUFFIXES = (".png", ".jpg", ".jpeg", ".svg")
MAX_LOGO_BYTES = 2 * 1024 * 1024
"""Documents embed a logo up to this size (``rendering.context.load_logo``)."""


def sniff_image(head: bytes) -> str | None:
    """The image type of a file from its first bytes: what the documents will embed."""
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if head.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    text = head.lstrip(b"\xef\xbb\xbf").lstrip()
    if text.startswith((b"<?xml", b"<svg", b"<!--")) and b"<svg" in head:
        return "image/svg+xml"
    return None


def email_problem(text: str) -> str:
    text = text.strip()
    if not text or _EMAIL.match(text):
        return ""
    return _("This does not look like an e-mail address (like name@example.org).")


def phone_problem(text: str) -> str:
    text = text.strip()
    if not text:
        return ""
    digits = sum(c.isdigit() for c in text)
    if _PHONE_CHARS.match(text) and 5 <= digits <= 15:
        return ""
    return _("This does not look like a phone number (digits, spaces and + only, "
             "like +358 40 123 4567).")


def contact_problem(text: str) -> str:
    """A contact that may be an e-mail address or a phone number, or just a name."""
    text = text.strip()
    if "@" in text:
        return email_problem(text)
    if text and sum(c.isdigit() for c in text) >= 5:
        return phone_problem(text)
    return ""


def url_problem(text: str) -> str:
    text = text.strip()
    if not text:
        return ""
    rest = re.sub(r"^https?://", "", text, flags=re.IGNORECASE)
    host = re.split(r"[/?#]", rest, maxsplit=1)[0].split(":")[0]
    if " " not in text and _HOST.match(host):
        return ""
    return _("This does not look like a web address (like example.org or "
             "https://example.org/page).")


def handle_problem(text: str) -> str:
    """An account: an @handle, a web address, or a page name."""
    text = text.strip()
    if not text:
        return ""
    if text.startswith("@"):
        return "" if _HANDLE.match(text) else _(
            "A handle is @ followed by letters, digits, dots or underscores (like @cafe_aurora).")
    if "://" in text or text.lower().startswith("www."):
        return url_problem(text)
    return ""


def logo_problem(text: str) -> str:
    text = text.strip()
    if not text:
        return ""
    path = Path(text).expanduser()
    if path.suffix.lower() not in LOGO_SUFFIXES:
        return _("The logo must be a PNG, JPEG or SVG file.")
    try:
        with path.open("rb") as handle:
            head = handle.read(1024)
        size = path.stat().st_size
    except IsADirectoryError:
        return _("This is a folder, not a logo file.")
    except OSError:
        return _("There is no file here: check the path, or choose the file again.")
    if sniff_image(head) is None:
        return _("This file is not a PNG, JPEG or SVG image, whatever its name says.")
    if size > MAX_LOGO_BYTES:
        return _("The logo is larger than 2 MB, so the documents would leave it out. Use a "
                 "smaller copy.")
    return ""
