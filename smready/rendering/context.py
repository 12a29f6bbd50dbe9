"""Small helpers shared by the document builders (policy, report, acknowledgement).

Dates and numbers as a reader expects them, "not decided yet" boxes, table cells, the logo.
This module imports none of the builders; the dispatcher that picks one is
``smready.rendering.documents.build_document``.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from smready.domain import Project
from smready.field_checks import MAX_LOGO_BYTES, sniff_image
from smready.i18n import _
from smready.rendering.model import Cell, Gap, Logo

_MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December",
)


def format_date(value: dt.date | None) -> str:
    """A date the way a reader expects it in English prose: "5 March 2026"."""
    if value is None:
        return ""
    return f"{value.day} {_(_MONTHS[value.month - 1])} {value.year}"


def add_months(start: dt.date, months: int) -> dt.date:
    """The same day ``months`` later (the month's last day when it is shorter)."""
    import calendar

    index = start.month - 1 + months
    year, month = start.year + index // 12, index % 12 + 1
    return start.replace(year=year, month=month,
                         day=min(start.day, calendar.monthrange(year, month)[1]))


def format_number(value: float) -> str:
    """1.0 -> "1", 2.5 -> "2.5", 12000 -> "12,000"."""
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.1f}"


def ask_whom(project: Project) -> str:
    """Who to ask about an open decision: the approver, else the contact, else a role."""
    review = project.policy.review
    contact = project.organization.contact
    if review.approver.strip():
        return review.approver.strip()
    if contact.name.strip():
        return contact.name.strip()
    return _("the person who approves this policy")


def gap(project: Project, what: str) -> Gap:
    """A "not decided yet" box naming the decision and whom to ask."""
    return Gap(_("Not decided yet — ask {who}: {what}").format(who=ask_whom(project), what=what))


def gap_cell(project: Project) -> Cell:
    return Cell(_("Not decided yet — ask {who}").format(who=ask_whom(project)), gap=True)


def cell(value: str, project: Project) -> Cell:
    """A table cell; an empty answer becomes a marked gap, never "None" or a blank."""
    value = value.strip()
    return Cell(value) if value else gap_cell(project)


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
