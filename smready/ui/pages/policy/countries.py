"""Countries offered in the organization page, with ISO 3166 codes.

The country decides which privacy law the policy cites (GDPR in the EU/EEA and the UK,
CCPA in California); the list holds those plus the countries our users come from. "Other"
stores an empty code.
"""

from __future__ import annotations

from smready.i18n import _


def countries() -> list[tuple[str, str]]:
    """(code, name) pairs sorted by name, with "Other" last."""
    names = {
        "AT": _("Austria"), "BE": _("Belgium"), "BG": _("Bulgaria"), "HR": _("Croatia"),
        "CY": _("Cyprus"), "CZ": _("Czechia"), "DK": _("Denmark"), "EE": _("Estonia"),
        "FI": _("Finland"), "FR": _("France"), "DE": _("Germany"), "GR": _("Greece"),
        "HU": _("Hungary"), "IE": _("Ireland"), "IT": _("Italy"), "LV": _("Latvia"),
        "LT": _("Lithuania"), "LU": _("Luxembourg"), "MT": _("Malta"),
        "NL": _("Netherlands"), "PL": _("Poland"), "PT": _("Portugal"), "RO": _("Romania"),
        "SK": _("Slovakia"), "SI": _("Slovenia"), "ES": _("Spain"), "SE": _("Sweden"),
        "IS": _("Iceland"), "LI": _("Liechtenstein"), "NO": _("Norway"),
        "GB": _("United Kingdom"), "CH": _("Switzerland"),
        "US": _("United States"), "CA": _("Canada"), "MX": _("Mexico"), "BR": _("Brazil"),
        "AU": _("Australia"), "NZ": _("New Zealand"),
        "BD": _("Bangladesh"), "IN": _("India"), "PK": _("Pakistan"), "LK": _("Sri Lanka"),
        "NP": _("Nepal"), "SG": _("Singapore"), "MY": _("Malaysia"), "PH": _("Philippines"),
        "JP": _("Japan"), "KR": _("South Korea"), "AE": _("United Arab Emirates"),
        "ZA": _("South Africa"), "NG": _("Nigeria"), "KE": _("Kenya"),
    }
    ordered = sorted(names.items(), key=lambda item: item[1].casefold())
    return [*ordered, ("", _("Other"))]
