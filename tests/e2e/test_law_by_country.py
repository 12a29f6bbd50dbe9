"""Bangladesh and India get their own clauses in the printed policy (read back from the PDF
with pdftotext, as a reader sees it), and no other country gets them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from smready.domain import OrgKind, Project
from smready.rendering import export_document
from tests.e2e.test_documents import pdf_text

# One phrase from each clause, as printed (whitespace collapsed by pdf_text).
NGO_POLITICS = "registered with the NGO Affairs Bureau"
CONSTITUTIONAL_BODIES = "bodies set up by the Constitution"
CHILDREN_ACT = "section 28 of the Children Act 2013"
CHILDRENS_COURT = "a child whose case is before a Children's Court"
BD_CONSENT = "the point person checks the law in force"
BD_HATE = "posts that stir up religious hatred"
DPDP = "Digital Personal Data Protection Act 2023"
PARENTAL_CONSENT = "we get verifiable consent from a parent or guardian"
NO_TARGETED_ADS = "We never aim targeted ads at them"
ENDORSEMENTS = "Central Consumer Protection Authority's guidelines on endorsements"
SECTION_66E = "section 66E of the Information Technology Act"
AI_LABEL = "we label it clearly as made with AI"
FCRA = "Foreign Contribution (Regulation) Act 2010"
JJ_ACT = "section 74 of the Juvenile Justice"
ALL = (NGO_POLITICS, CONSTITUTIONAL_BODIES, CHILDREN_ACT, CHILDRENS_COURT, BD_CONSENT,
       BD_HATE, DPDP, PARENTAL_CONSENT, NO_TARGETED_ADS, ENDORSEMENTS, SECTION_66E, AI_LABEL,
       FCRA, JJ_ACT)


def policy_pdf_text(tmp_path: Path, kind: OrgKind, country: str, region: str = "",
                    foreign_funding: bool = True) -> str:
    project = Project.new("Test Org", kind)
    project.organization.country = country
    project.organization.region = region
    project.policy.nonprofit.foreign_funding = foreign_funding
    pdf = export_document(project, "policy", "pdf", tmp_path / f"{country}-{kind}.pdf")
    return pdf_text(pdf)


def test_a_bangladeshi_ngo_gets_the_ngo_bureau_and_children_act_clauses(
        tmp_path: Path) -> None:
    text = policy_pdf_text(tmp_path, OrgKind.NONPROFIT, "BD")
    for phrase in (NGO_POLITICS, CONSTITUTIONAL_BODIES, CHILDREN_ACT, CHILDRENS_COURT,
                   BD_CONSENT, BD_HATE, "Copyright Act 2023"):
        assert phrase in text, phrase
    # Bangladesh has no law of its own in the general privacy clause, and none of India's.
    assert "We follow the privacy law where we work" in text
    for phrase in (DPDP, PARENTAL_CONSENT, ENDORSEMENTS, SECTION_66E, FCRA, JJ_ACT):
        assert phrase not in text, phrase
    assert "Consumer law in most countries bans fake reviews" in text


def test_an_indian_small_business_gets_dpdp_consent_and_endorsement_clauses(
        tmp_path: Path) -> None:
    text = policy_pdf_text(tmp_path, OrgKind.SMALL_BUSINESS, "IN", "West Bengal")
    for phrase in (DPDP, PARENTAL_CONSENT, NO_TARGETED_ADS, ENDORSEMENTS, SECTION_66E,
                   AI_LABEL, JJ_ACT):
        assert phrase in text, phrase
    # The DPDP clause replaces the general one; India's endorsement rule replaces the
    # "most countries" one; nonprofit and Bangladeshi clauses stay out.
    assert "We follow the privacy law where we work" not in text
    assert "Consumer law in most countries" not in text
    for phrase in (FCRA, NGO_POLITICS, CHILDREN_ACT, BD_CONSENT, BD_HATE):
        assert phrase not in text, phrase


@pytest.mark.parametrize(("kind", "country", "region"), [
    (OrgKind.NONPROFIT, "FI", ""),
    (OrgKind.SMALL_BUSINESS, "US", "California"),
])
def test_other_countries_get_none_of_them(tmp_path: Path, kind: OrgKind, country: str,
                                          region: str) -> None:
    text = policy_pdf_text(tmp_path, kind, country, region)
    assert "Privacy and consent" in text
    found = [p for p in ALL if p in text]
    assert found == []
    assert not re.search(r"Bangladesh|India\b", text)
