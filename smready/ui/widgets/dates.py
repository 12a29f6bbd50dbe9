"""One way to show dates, times and numbers in the window, from the locale of the UI
language (``QLocale()``, set by ``qt_translations.apply_ui_language``).

Every page and dialog uses these, so a goal's deadline, the policy's effective date,
"Saved 14:05", a score and a goal's target read the same way everywhere — and as Qt's own
date and number fields write them (Finnish "1 300,5", Bengali digits in Bengali). Dates
always show a four-digit year (a locale's short format may have two, which is ambiguous
for a policy date)."""

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


def show_number(value: float, locale: QLocale | None = None, *, grouped: bool = True) -> str:
    """A figure as the locale writes it, with at most two decimals and none when whole
    ("1 300", "4,3" in Finnish); ``grouped=False`` leaves out thousands separators (for a
    field the user edits)."""
    loc = QLocale(locale or QLocale())
    if not grouped:
        loc.setNumberOptions(loc.numberOptions() | QLocale.NumberOption.OmitGroupSeparator)
    rounded = round(float(value), 2)
    if rounded.is_integer():
        return loc.toString(int(rounded))
    decimals = 1 if round(rounded, 1) == rounded else 2
    return loc.toString(rounded, "f", decimals)


def parse_number(text: str, locale: QLocale | None = None) -> float | None:
    """A figure typed in the locale's way (or with a "." or "," as the decimal mark);
    ``None`` when it is not a number."""
    text = text.strip()
    if not text:
        return None
    loc = locale or QLocale()
    value, ok = loc.toDouble(text)
    if ok:
        return float(value)
    try:
        return float(text.replace("\N{NO-BREAK SPACE}", "").replace(" ", "").replace(",", "."))
    except ValueError:
        return None

