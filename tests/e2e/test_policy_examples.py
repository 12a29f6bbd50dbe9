"""The five example policies, exported to PDF and read back with pdftotext as a reader would
see them: the right words for the kind of organization, the right law for its place, plain
enough to read (Flesch reading ease), and "Not decided yet" exactly when a decision is open."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from smready.domain import Project
from smready.rendering import export_document
from smready.scoring import policy_gaps
from tests.conftest import EXAMPLES, english_examples
from tests.e2e.test_documents import pdf_text
from tests.unit.test_policy_clauses import projects

NONPROFITS = ("harbour-food-bank", "riverside-youth-club", "pirkanmaa-nature-association")
AMERICAN = ("harbour-food-bank", "sunset-bean-cafe")
# The examples whose documents are in English (the Finnish and Bengali ones are read in their
# own language in tests/e2e/test_language_examples.py).
ENGLISH = ("cafe-aurora", "harbour-food-bank", "pirkanmaa-nature-association",
           "riverside-youth-club", "sunset-bean-cafe")
MARKER = "Not decided yet"


def syllables(word: str) -> int:
    """A simple syllable count: groups of vowels, a silent final "e" dropped."""
    word = word.lower()
    count = len(re.findall(r"[aeiouyäöå]+", word))
    if word.endswith("e") and not word.endswith(("le", "ee")) and count > 1:
        count -= 1
    return max(1, count)


def flesch_reading_ease(text: str) -> float:
    """206.835 − 1.015 × words per sentence − 84.6 × syllables per word."""
    sentences = [s for s in re.split(r"[.!?:;]+(?:\s|$)", text) if re.search(r"[A-Za-z]", s)]
    words = re.findall(r"[A-Za-zÀ-ÿ']+", text)
    total = sum(syllables(w) for w in words)
    return 206.835 - 1.015 * len(words) / len(sentences) - 84.6 * total / len(words)


def test_flesch_helper_on_known_texts() -> None:
    assert syllables("cat") == 1 and syllables("table") == 2 and syllables("policy") == 3
    assert flesch_reading_ease("The cat sat on the mat.") > 100
    hard = ("Notwithstanding the aforementioned considerations, organisational "
            "accountability necessitates comprehensive documentation of communications.")
    assert flesch_reading_ease(hard) < 0


@pytest.fixture(scope="module")
def policies(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    out = tmp_path_factory.mktemp("policies")
    texts = {}
    for name in ENGLISH:
        project = Project.model_validate_json((EXAMPLES / f"{name}.smready").read_text("utf-8"))
        pdf = export_document(project, "policy", "pdf", out / f"{name}.pdf")
        texts[name] = pdf_text(pdf)
    return texts


def test_every_example_is_read_in_its_language() -> None:
    """A new example is added here or to tests/e2e/test_language_examples.py."""
    from tests.e2e.test_language_examples import IN_THEIR_LANGUAGE

    assert sorted(p.stem for p in EXAMPLES.glob("*.smready")) == sorted(
        [*ENGLISH, *IN_THEIR_LANGUAGE])
    assert [p.stem for p in english_examples()] == sorted(ENGLISH)


def test_nonprofit_policies_never_say_customer(policies: dict[str, str]) -> None:
    for name in NONPROFITS:
        text = policies[name]
        assert "customer" not in text.lower(), name
        assert "products or services" not in text and "products and services" not in text
        assert "Donations and sign-ups" in text or "Volunteers and recruiting" in text or (
            "people we serve" in text)
    assert "customers" in policies["cafe-aurora"]


def test_business_policies_without_volunteers_never_mention_them(
        policies: dict[str, str]) -> None:
    # The cafés name no volunteer: their people table said "Staff or volunteer" all the same.
    for name in ("cafe-aurora", "sunset-bean-cafe"):
        assert "volunteer" not in policies[name].lower(), name
    assert "Relationship" in policies["cafe-aurora"]


def test_law_follows_place_and_kind(policies: dict[str, str]) -> None:
    bank = policies["harbour-food-bank"]
    assert "CCPA" not in bank and "California Consumer Privacy Act" not in bank
    assert "501(c)(3)" in bank and "16 CFR 465" in bank
    assert "CCPA" not in policies["sunset-bean-cafe"]  # a small café is under the thresholds
    assert "16 CFR 465" in policies["sunset-bean-cafe"]
    youth = policies["riverside-youth-club"]
    assert "UK GDPR" in youth and "CC9" in youth and "Digital Markets" in youth
    assert "Keeping children and vulnerable people safe" in youth
    assert "friend or follow requests to children" in youth
    nature = policies["pirkanmaa-nature-association"]
    assert "EU General Data Protection Regulation" in nature and "Mainos" in nature
    assert "takes no side between parties" in nature and "501(c)(3)" not in nature


def test_spelling_follows_the_country(policies: dict[str, str]) -> None:
    for name in ENGLISH:
        text = policies[name]
        if name in AMERICAN:
            assert "recognized" in text and "recognised" not in text, name
            assert "summarized" in text and "summarised" not in text, name
        else:
            assert "recognised" in text and "recognized" not in text, name


def test_the_quoted_joins_are_gone(policies: dict[str, str]) -> None:
    everything = " ".join(policies.values())
    for bad in ("this serves:", "Also note.", "Who may not.", "go to: Written",
                "Instagram a month on Instagram", "Do not give comments yourself",
                "only in official posts or with approval", "could harm",
                "Labour authorities", "deliberately specific"):
        assert bad not in everything, bad
    assert "Tom Reyes (volunteer, Saturday distribution photographer)" in (
        policies["harbour-food-bank"])
    for name in ENGLISH:
        text = policies[name]
        assert text.count("Your rights.") == 1, name
        assert re.search(r"Next review \d{1,2} \w+ 20\d\d", text), name


@pytest.mark.parametrize("name", ["cafe-aurora", "harbour-food-bank",
                                  "pirkanmaa-nature-association", "riverside-youth-club",
                                  "sunset-bean-cafe"])
def test_every_example_policy_is_plain_enough(policies: dict[str, str], name: str) -> None:
    score = flesch_reading_ease(policies[name])
    assert score >= 55, f"{name}: Flesch reading ease {score:.1f}"


def test_complete_examples_print_no_open_decision(policies: dict[str, str]) -> None:
    for name in ENGLISH:
        project = Project.model_validate_json((EXAMPLES / f"{name}.smready").read_text("utf-8"))
        assert policy_gaps(project) == []
        assert MARKER not in policies[name]


def _marker_count(pdf: Path) -> int:
    # A marker in a narrow table cell may wrap between "decided" and "yet".
    return len(re.findall(r"Not\s+decided\s+yet", pdf_text(pdf)))


@pytest.mark.parametrize("name", ["cafe-aurora", "harbour-food-bank",
                                  "pirkanmaa-nature-association", "riverside-youth-club",
                                  "sunset-bean-cafe"])
def test_removed_answers_show_in_the_pdf_and_in_the_gaps(name: str, tmp_path: Path) -> None:
    project = Project.model_validate_json((EXAMPLES / f"{name}.smready").read_text("utf-8"))
    project.policy.review.approver = ""
    project.policy.escalation.crisis_contacts = []
    project.goals = []
    gaps = policy_gaps(project)
    assert {g.field for g in gaps} == {"review.approver", "escalation.crisis_contacts",
                                       "goals"}
    pdf = export_document(project, "policy", "pdf", tmp_path / "policy.pdf")
    assert _marker_count(pdf) == len(gaps)


@settings(max_examples=4, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(project=projects())
def test_generated_projects_pdf_markers_match_gaps(project: Project, tmp_path: Path) -> None:
    pdf = export_document(project, "policy", "pdf", tmp_path / "generated.pdf")
    gaps = policy_gaps(project)
    assert (gaps == []) == (_marker_count(pdf) == 0)
    assert _marker_count(pdf) == len(gaps)
