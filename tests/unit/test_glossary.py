"""Words by kind of organization and spelling by country."""

from __future__ import annotations

from smready.domain import Organization, OrgKind
from smready.glossary import american_spelling, vocabulary


def org(kind: OrgKind, country: str) -> Organization:
    return Organization(name="X", kind=kind, country=country)


def test_terms_by_kind() -> None:
    shop = vocabulary(org(OrgKind.SMALL_BUSINESS, "FI"))
    bank = vocabulary(org(OrgKind.NONPROFIT, "GB"))
    assert (shop.term("customers"), bank.term("customers")) == ("customers", "people we serve")
    assert (shop.term("offer"), bank.term("offer")) == ("products and services",
                                                        "programmes and services")
    assert (shop.term("team"), bank.term("team")) == ("staff", "staff and volunteers")
    assert (shop.term("sales"), bank.term("sales")) == ("sales", "donations")
    assert bank.slots()["Customers"] == "People we serve"
    assert bank.goal_name("conversions", "Conversions and sales") == "Donations and sign-ups"
    assert shop.goal_name("conversions", "Conversions and sales") == "Conversions and sales"


def test_spelling_by_country() -> None:
    us = vocabulary(org(OrgKind.NONPROFIT, "US"))
    assert us.term("offer") == "programs and services"
    assert us.spell("Our organisation recognised the Labour rules and colours.") == (
        "Our organization recognized the Labor rules and colors.")
    assert vocabulary(org(OrgKind.NONPROFIT, "FI")).spell("organisation") == "organisation"
    assert american_spelling("ORGANISATION, Programmes") == "ORGANIZATION, Programs"
    # Only whole words: a name that merely contains a British spelling stays as it is.
    assert american_spelling("Colourworks Ltd, labourers") == "Colourworks Ltd, labourers"
