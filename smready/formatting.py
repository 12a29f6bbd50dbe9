"""Numbers, dates, money and percentages the way a reader of the document language expects
them: the one place every document and the command line format a figure.

Formats follow CLDR through Babel: numbers and dates by the language ("12,000" / "12 000" /
"১২,০০০"; "5 March 2026" / "5. maaliskuuta 2026" / "৫ মার্চ, ২০২৬"), money by the language
as written in the organization's country (``smready.money.locale_for``: "1 300 €" for a
Finnish café, "£1,300" for a British one).

Bengali uses Bengali digits (০–৯). CLDR gives ``beng`` as the default numbering system of
``bn``, and Bengali print in Bangladesh and West Bengal (newspapers, government forms, school
books) writes numbers in Bengali digits; Babel itself only ever emits ASCII digits, so the
digits are transliterated here, after Babel has applied the Indian grouping of CLDR's ``bn``
patterns ("১২,৩৪,৫৬৭"). What the user typed is never changed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache

from babel import Locale
from babel.dates import format_date as babel_date
from babel.numbers import format_decimal, format_percent

from smready.i18n import native_digits
from smready.money import format_money as _money
from smready.money import locale_for

__all__ = ["Figure", "Formats", "formats", "native_digits"]

#: Dates in running text: English keeps the day first whatever the country ("5 March
#: 2026", as the documents always did); the others use CLDR's long date.
_DATE_PATTERNS = {"en": "d MMMM y"}
#: Dates in a narrow table column: Finnish "30.9.2027" (the long form, "30. syyskuuta 2027",
#: broke over three lines there); English keeps its long form, which fits.
_CELL_DATE_PATTERNS = {"en": "d MMMM y", "fi": "d.M.yyyy", "bn": "medium"}


@dataclass(frozen=True)
class Figure:
    """A number that keeps its format spec in a message and writes the language's digits."""

    value: float
    lang: str

    def __format__(self, spec: str) -> str:
        return native_digits(format(self.value, spec), self.lang)


@dataclass(frozen=True)
class Formats:
    """Formatting for one document language (and the organization's country, for money)."""

    lang: str
    locale: Locale
    money_locale: Locale

    def _digits(self, text: str) -> str:
        return native_digits(text, self.lang)

    def number(self, value: float) -> str:
        """1.0 -> "1", 2.5 -> "2.5" ("2,5" in Finnish), 12000 -> "12,000" ("12 000")."""
        if float(value).is_integer():
            text = format_decimal(int(value), locale=self.locale)
        else:
            text = format_decimal(round(float(value), 1), format="#,##0.0",
                                  locale=self.locale)
        return self._digits(str(text))

    def figure(self, value: float) -> Figure:
        """``value`` for a message that formats it itself (``{score:.0f}``, ``{n:>5}``):
        the format is applied, then the digits are the language's."""
        return Figure(value, self.lang)

    def integer(self, value: int) -> str:
        """A count or a score: whole, grouped ("1 300"), in the language's digits."""
        return self.number(int(value))

    def date(self, value: dt.date | None) -> str:
        """"5 March 2026", "5. maaliskuuta 2026", "৫ মার্চ, ২০২৬"; "" for no date."""
        if value is None:
            return ""
        pattern = _DATE_PATTERNS.get(self.lang, "long")
        return self._digits(str(babel_date(value, pattern, locale=self.locale)))

    def cell_date(self, value: dt.date | None) -> str:
        """A date for a table cell: "30 September 2027", "30.9.2027", "৩০ সেপ, ২০২৭"."""
        if value is None:
            return ""
        pattern = _CELL_DATE_PATTERNS.get(self.lang, "medium")
        return self._digits(str(babel_date(value, pattern, locale=self.locale)))

    def month(self, value: dt.date) -> str:
        """A month of a year: "November 2025", "marraskuu 2025"."""
        return self._digits(str(babel_date(value, "LLLL yyyy", locale=self.locale)))

    def decimal(self, value: float) -> str:
        """A rate as written, with the language's decimal sign: 0.86 -> "0,86" in Finnish."""
        return self._digits(str(format_decimal(value, locale=self.locale)))

    def money(self, amount: int, currency: str) -> str:
        """Whole units with the country's symbol placement ("1 300 €", "$1,300")."""
        return self._digits(_money(amount, currency, self.money_locale))

    def money_range(self, low: int, high: int, currency: str) -> str:
        """A price range with its currency once: "2 000–3 000 €", "$2,000–3,000"."""
        return "–".join(self.money_range_parts(low, high, currency))

    def money_range_parts(self, low: int, high: int, currency: str) -> tuple[str, str]:
        """The two ends of :meth:`money_range`, the symbol on one of them only ("2 000",
        "3 000 €"; "$2,000", "3,000"), for a sentence that puts the dash between them."""
        parts = [_money(amount, currency, self.money_locale) for amount in (low, high)]
        figures = [str(format_decimal(amount, locale=self.money_locale))
                   for amount in (low, high)]
        split = [text.partition(figure) for text, figure in zip(parts, figures, strict=True)]
        if all(middle for _before, middle, _after in split) and (
                split[0][0] == split[1][0] and split[0][2] == split[1][2]):
            before, _figure, after = split[0]
            return self._digits(before + figures[0]), self._digits(figures[1] + after)
        return self._digits(parts[0]), self._digits(parts[1])

    def percent(self, fraction: float) -> str:
        """0.42 -> "42%" ("42 %" in Finnish, "৪২%" in Bengali)."""
        return self._digits(str(format_percent(fraction, locale=self.locale)))


@cache
def formats(lang: str, country: str = "") -> Formats:
    """The formats of document language ``lang`` for an organization in ``country``."""
    base = lang.split("_", 1)[0]
    return Formats(lang=base, locale=locale_for(base, ""),
                   money_locale=locale_for(base, country))
