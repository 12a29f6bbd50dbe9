"""Who the project is for."""

from __future__ import annotations

from enum import StrEnum

from pydantic import Field

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
    CCPA = "ccpa"
    GENERAL = "general"


# EU and EEA member states, plus the UK and Switzerland whose laws mirror the GDPR.
GDPR_COUNTRIES = frozenset(
    {
        "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT",
        "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "IS", "LI", "NO",
        "GB", "CH",
    }
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

    @property
    def is_nonprofit(self) -> bool:
        return self.kind is OrgKind.NONPROFIT

    @property
    def privacy_law(self) -> PrivacyLaw:
        return privacy_law_for(self.country, self.region)


def privacy_law_for(country: str, region: str) -> PrivacyLaw:
    """Which privacy law the policy cites: GDPR in Europe, CCPA in California, else general."""
    if country.upper() in GDPR_COUNTRIES:
        return PrivacyLaw.GDPR
    if country.upper() == "US" and region.strip().lower() in _CALIFORNIA:
        return PrivacyLaw.CCPA
    return PrivacyLaw.GENERAL
