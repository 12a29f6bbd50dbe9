"""Money in the organization's own currency, written the way its country writes it.

The agency costs of ``resources/tiers.yaml`` are US-dollar figures from our source. For an
organization elsewhere they are converted at the approximate rates stated in that file and
rounded to two significant figures (a price range, not a quote); where no rate is listed
they stay in US dollars and say so. Formatting follows CLDR through Babel, for the document
language in the organization's country (``en_FI``: "1 300 €"; ``en_GB``: "£1,300").
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cache

from babel import Locale, UnknownLocaleError
from babel.numbers import format_currency, get_territory_currencies

from smready.domain import TierPrices

__all__ = ["Money", "convert", "currency_for", "format_money", "locale_for", "significant"]


@dataclass(frozen=True)
class Money:
    amount: int
    currency: str
    converted: bool
    """Converted from the source currency at an approximate rate."""


@cache
def currency_for(country: str) -> str:
    """The currency in use in an ISO 3166 country ("FI" -> "EUR"); "USD" when unknown."""
    if len(country) == 2 and country.isalpha():
        try:
            currencies = get_territory_currencies(country.upper())
        except (ValueError, LookupError):
            currencies = []
        if currencies:
            return str(currencies[0])
    return "USD"


@cache
def locale_for(language: str, country: str) -> Locale:
    """The CLDR locale for ``language`` as written in ``country`` (falls back to the language)."""
    for ident in (f"{language}_{country.upper()}" if country else "", language, "en"):
        if not ident:
            continue
        try:
            return Locale.parse(ident)
        except (UnknownLocaleError, ValueError):
            continue
    raise LookupError("no English locale in Babel")  # pragma: no cover - Babel ships "en"


def significant(value: float, digits: int = 2) -> int:
    """Round to ``digits`` significant figures: 1290 -> 1300, 860 -> 860, 3010 -> 3000."""
    if value <= 0:
        return 0
    magnitude = math.floor(math.log10(value)) + 1 - digits
    step = 10 ** max(magnitude, 0)
    return int(math.floor(value / step + 0.5) * step)


def convert(amount: int, prices: TierPrices, currency: str) -> Money:
    """A source amount in ``currency``, converted and rounded, or left as it is."""
    if currency == prices.currency:
        return Money(amount, currency, converted=False)
    rate = prices.rates.get(currency)
    if rate is None:
        return Money(amount, prices.currency, converted=False)
    return Money(significant(amount * rate), currency, converted=True)


def format_money(amount: int, currency: str, locale: Locale) -> str:
    """Whole units with the locale's symbol, grouping and placement ("1 300 €", "$1,300")."""
    pattern = locale.currency_formats["standard"].pattern
    whole = pattern.split(";")[0].replace(".00", "")
    return str(format_currency(amount, currency, locale=locale, format=whole,
                               currency_digits=False))
