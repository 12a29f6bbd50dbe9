"""Who the project is for."""

from __future__ import annotations

from enum import StrEnum

from pydantic import Field, PrivateAttr

from smready.domain.base import Name, ShortText, StrictModel


class OrgKind(StrEnum):
    SMALL_BUSINESS = "small_business"
    NONPROFIT = "nonprofit"


class SizeBand(StrEnum):
    SOLO = "solo"
    MICRO = "2-9"
    SMALL = "10-49"
    MEDIUM = "50-249"
    LARGE = "250+"


class PrivacyLaw(StrEnum):
    GDPR = "gdpr"
    UK_GDPR = "uk_gdpr"
    CCPA = "ccpa"
    DPDP = "dpdp"
    """India's Digital Personal Data Protection Act 2023."""
    GENERAL = "general"


# EU and EEA member states (the GDPR applies there directly).
GDPR_COUNTRIES = frozenset(
    {
        "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT",
        "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "IS", "LI", "NO",
    }
)
UK_COUNTRIES = frozenset({"GB"})
DPDP_COUNTRIES = frozenset({"IN"})
# Where a nonprofit that takes money from abroad has rules on politics of its own: the NGO
# Affairs Bureau in Bangladesh, the FCRA in India (the policy's clauses name both).
FOREIGN_FUNDING_RULES_COUNTRIES = frozenset({"BD", "IN"})
CCPA_THRESHOLDS = (
    "The CCPA (as amended by the CPRA) covers a for-profit business that does business in "
    "California and meets at least one of these: yearly gross revenue over $26,625,000 (the "
    "2025 figure, adjusted for inflation every two years); buys, sells or shares the personal "
    "information of 100,000 or more California consumers or households a year; or earns half "
    "or more of its yearly revenue from selling or sharing personal information. Nonprofits "
    "are outside it unless they control, or are controlled by, a covered business with shared "
    "branding."
)
_CALIFORNIA = frozenset({"ca", "california"})


class Contact(StrictModel):
    name: Name = ""
    role: Name = ""
    email: Name = ""
    phone: Name = ""


class Organization(StrictModel):
    name: Name = Field(min_length=1)
    kind: OrgKind = OrgKind.SMALL_BUSINESS
    sector: Name = ""
    size_band: SizeBand = SizeBand.MICRO
    country: str = Field(default="", pattern=r"^([A-Z]{2})?$", description="ISO 3166 code")
    region: Name = Field(default="", description="State, province or county")
    contact: Contact = Field(default_factory=Contact)
    website: ShortText = ""
    logo_path: ShortText | None = None
    ccpa_covered: bool = Field(default=False, description=CCPA_THRESHOLDS)
    """A for-profit business above one of the CCPA thresholds (see ``CCPA_THRESHOLDS``)."""

    _logo_confirmed: str | None = PrivateAttr(default=None)
    """The ``logo_path`` the user picked or confirmed in this app; never read from a file,
    so a project someone sent cannot make documents embed a picture from this computer."""

    def confirm_logo(self) -> None:
        """The user picked (or agreed to) the current ``logo_path``: documents may embed it."""
        self._logo_confirmed = self.logo_path

    @property
    def logo_to_embed(self) -> str | None:
        """``logo_path`` if the user confirmed it in this app, else None (documents then
        have no logo)."""
        if self.logo_path and self._logo_confirmed == self.logo_path:
            return self.logo_path
        return None

    @property
    def is_nonprofit(self) -> bool:
        return self.kind is OrgKind.NONPROFIT

    @property
    def privacy_law(self) -> PrivacyLaw:
        return privacy_law_for(self.country, self.region, kind=self.kind,
                               ccpa_covered=self.ccpa_covered)


def privacy_law_for(country: str, region: str, *, kind: OrgKind = OrgKind.SMALL_BUSINESS,
                    ccpa_covered: bool = False) -> PrivacyLaw:
    """Which privacy law the policy cites.

    GDPR in the EU/EEA, UK GDPR in the United Kingdom, the DPDP Act in India (businesses and
    nonprofits alike), the CCPA only for a for-profit California business that says it meets
    one of the thresholds, else a general clause.
    """
    if country.upper() in GDPR_COUNTRIES:
        return PrivacyLaw.GDPR
    if country.upper() in UK_COUNTRIES:
        return PrivacyLaw.UK_GDPR
    if country.upper() in DPDP_COUNTRIES:
        return PrivacyLaw.DPDP
    if (country.upper() == "US" and region.strip().lower() in _CALIFORNIA
            and kind is OrgKind.SMALL_BUSINESS and ccpa_covered):
        return PrivacyLaw.CCPA
    return PrivacyLaw.GENERAL
