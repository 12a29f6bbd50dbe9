"""One way to show dates and times in the app, from the user's locale (QLocale).

Every page and dialog uses these, so a goal's deadline, the policy's effective date and
"Saved 14:05" read the same way everywhere. Dates always show a four-digit year (a locale's
short format may have two, which is ambiguous for a policy date)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QLocale, QTime


def date_format(locale: QLocale | None = None) -> str:
    """The locale's short date format with a four-digit year, for labels and QDateEdit."""
    fmt = (locale or QLocale()).dateFormat(QLocale.FormatType.ShortFormat)
    if "yyyy" not in fmt:
        fmt = fmt.replace("yy", "yyyy")
    return fmt


def show_date(value: dt.date, locale: QLocale | None = None) -> str:
    loc = locale or QLocale()
    return loc.toString(QDate(value.year, value.month, value.day), date_format(loc))


def show_time(moment: dt.datetime, locale: QLocale | None = None) -> str:
    """Today's moments as a time only; earlier ones with their date."""
    loc = locale or QLocale()
    local = moment.astimezone() if moment.tzinfo else moment
    time = loc.toString(QTime(local.hour, local.minute), QLocale.FormatType.ShortFormat)
    if local.date() == dt.date.today():
        return time
    return f"{show_date(local.date(), loc)} {time}"

