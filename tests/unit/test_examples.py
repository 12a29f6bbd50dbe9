"""The bundled examples open, are complete, and score to results we would defend."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from smready.content import load_checklist
from smready.domain import PrivacyLaw, Project, TaskKind, smart_gaps
from smready.scoring import policy_gaps, policy_prefill, score

# level id, overall range, resource check enough?, tier, weakest point
EXPECTED = {
    "cafe-aurora.smready": ("getting_there", (70, 80), False, "light", "measurement"),
    "harbour-food-bank.smready": ("getting_started", (50, 60), False, "light", "measurement"),
    "kahvila-leipomo-vehna.smready": ("ready", (78, 88), True, "light", "measurement"),
    "pirkanmaa-nature-association.smready": ("getting_started", (52, 62), True, "light",
                                             "measurement"),
    "riverside-youth-club.smready": ("getting_there", (56, 66), False, "light", "measurement"),
    "shikhon-setu-foundation.smready": ("getting_there", (72, 82), False, "light",
                                        "measurement"),
    "sunset-bean-cafe.smready": ("getting_there", (70, 80), True, "light", "measurement"),
}


def load(examples_dir: Path, name: str) -> Project:
    return Project.model_validate_json((examples_dir / name).read_text(encoding="utf-8"))


def test_examples_are_the_expected_ones(examples_dir: Path) -> None:
    assert sorted(p.name for p in examples_dir.glob("*.smready")) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_example_scores(examples_dir: Path, name: str) -> None:
    level, (low, high), enough, tier, weakest = EXPECTED[name]
    project = load(examples_dir, name)
    result = score(project)
    assert result.level.id == level
    assert low <= result.overall <= high
    assert result.level.capped_by == []
    assert result.answered == result.total == sum(len(p.questions)
                                                  for p in load_checklist().points)
    assert result.policy_counted
    assert min(result.points, key=lambda p: p.score).id == weakest
    assert result.resources.enough is enough
    assert result.resources.tier is not None and result.resources.tier.id == tier
    assert result.resources.message.startswith("Your plan needs about")
    assert result.recommendations, "there is always something to do first"


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_example_is_complete(examples_dir: Path, name: str) -> None:
    project = load(examples_dir, name)
    assert project.schema_version == 1
    assert policy_gaps(project) == []
    # Every task has a person and a backup; the prefill has nothing left to add.
    assert {r.task for r in project.policy.responsibilities} == set(TaskKind)
    assert all(r.person and r.backup for r in project.policy.responsibilities)
    assert policy_prefill(project) == project.policy
    assert 2 <= len(project.policy.spokespeople) <= 3
    assert project.policy.training.ambassadors
    assert 2 <= len(project.goals) <= 3
    created = project.created.date()
    for goal in project.goals:
        assert smart_gaps(goal, today=created) == [], goal
    assert project.actions and all(a.title for a in project.actions)
    assert set(project.readiness.notes) <= {p.id for p in load_checklist().points}


def test_examples_cover_both_kinds_and_privacy_laws(examples_dir: Path) -> None:
    cafe = load(examples_dir, "cafe-aurora.smready")
    bank = load(examples_dir, "harbour-food-bank.smready")
    assert (cafe.organization.name, cafe.organization.privacy_law) == ("Café Aurora",
                                                                        PrivacyLaw.GDPR)
    assert not cafe.organization.is_nonprofit
    # A California nonprofit is outside the CCPA (it covers for-profits above thresholds).
    assert (bank.organization.name, bank.organization.privacy_law) == ("Harbour Food Bank",
                                                                        PrivacyLaw.GENERAL)
    assert bank.organization.is_nonprofit
    assert bank.policy.scope.volunteers and bank.policy.scope.board
    assert bank.policy.nonprofit.story_consent and bank.policy.nonprofit.fundraising_rules
    assert bank.policy.review.effective_date == dt.date(2026, 11, 1)


def test_new_examples_cover_places_and_laws(examples_dir: Path) -> None:
    youth = load(examples_dir, "riverside-youth-club.smready")
    sunset = load(examples_dir, "sunset-bean-cafe.smready")
    nature = load(examples_dir, "pirkanmaa-nature-association.smready")
    assert (youth.organization.country, youth.organization.privacy_law) == ("GB",
                                                                            PrivacyLaw.UK_GDPR)
    assert youth.organization.is_nonprofit and youth.policy.safeguarding.works_with_minors
    assert (sunset.organization.region, sunset.organization.privacy_law) == (
        "California", PrivacyLaw.GENERAL)
    assert not sunset.organization.is_nonprofit and not sunset.organization.ccpa_covered
    assert (nature.organization.country, nature.organization.privacy_law) == ("FI",
                                                                              PrivacyLaw.GDPR)
    assert nature.organization.is_nonprofit


def test_examples_in_finnish_and_bengali_for_their_places(examples_dir: Path) -> None:
    bakery = load(examples_dir, "kahvila-leipomo-vehna.smready")
    assert (bakery.language, bakery.organization.country, bakery.organization.kind) == (
        "fi", "FI", "small_business")
    assert bakery.organization.privacy_law is PrivacyLaw.GDPR
    assert bakery.organization.contact.phone.startswith("+358 ")
    ngo = load(examples_dir, "shikhon-setu-foundation.smready")
    assert (ngo.language, ngo.organization.country, ngo.organization.kind) == (
        "bn", "BD", "nonprofit")
    assert ngo.organization.privacy_law is PrivacyLaw.GENERAL
    assert ngo.policy.nonprofit.foreign_funding and ngo.policy.safeguarding.works_with_minors
    assert ngo.policy.scope.volunteers and ngo.policy.scope.board
    assert all(c.phone.startswith("+880 ") for c in ngo.policy.escalation.crisis_contacts)
