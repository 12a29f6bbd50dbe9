"""Small helpers shared by the document builders (policy, report, acknowledgement).

Whom to ask about an open decision, dates a number of months on, the logo. (Dates and
numbers are formatted by ``smready.formatting``, in the document language.)
This module imports none of the builders; the dispatcher that picks one is
``smready.rendering.documents.build_document``.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from smready.domain import Project
from smready.field_checks import MAX_LOGO_BYTES, sniff_image
from smready.i18n import Translation
from smready.rendering.model import Logo


def add_months(start: dt.date, months: int) -> dt.date:
    """The same day ``months`` later (the month's last day when it is shorter)."""
    import calendar

    index = start.month - 1 + months
    year, month = start.year + index // 12, index % 12 + 1
    return start.replace(year=year, month=month,
                         day=min(start.day, calendar.monthrange(year, month)[1]))


def ask_whom(project: Project, t: Translation) -> str:
    """Who to ask about an open decision: the approver, else the contact, else a role."""
    review = project.policy.review
    contact = project.organization.contact
    if review.approver.strip():
        return review.approver.strip()
    if contact.name.strip():
        return contact.name.strip()
    return t("the person who approves this policy")


def load_logo(logo_path: str | None) -> Logo | None:
    """Read the organization's logo if it is a PNG, JPEG or SVG of at most 2 MB.

    The path is user data: anything missing, too big or of another type is skipped
    quietly (the document is still useful without a logo).
    """
    if not logo_path or not logo_path.strip():
        return None
    try:
        path = Path(logo_path).expanduser()
        if not path.is_file() or path.stat().st_size > MAX_LOGO_BYTES:
            return None
        with path.open("rb") as handle:
            data = handle.read(MAX_LOGO_BYTES + 1)
    except (OSError, ValueError):
        return None
    if len(data) > MAX_LOGO_BYTES or not data:
        return None
    mime = sniff_image(data[:1024])
    return Logo(mime=mime, data=data) if mime else None
