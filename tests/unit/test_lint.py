"""The legal-risk lint: each rule fires on its risky examples and stays quiet on the safe
ones, names the field, and explains itself with a safer wording."""

from __future__ import annotations

import pytest

from smready.domain import Goal, GoalType, OrgKind, Project
from smready.lint import LintFinding, lint_project, lint_text, load_rules
from tests.conftest import EXAMPLES

RULES = load_rules()
RULE_IDS = {"pay_ban", "criticism_ban", "media_ban", "logo_ban", "harm_catch_all",
            "personal_monitoring", "child_photos_no_consent", "review_rewards"}


def test_the_rules_the_issue_asks_for_are_there() -> None:
    assert {r.id for r in RULES} == RULE_IDS
    for rule in RULES:
        assert len(rule.message) > 80 and rule.suggestion and rule.title


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_rule_fires_on_its_risky_examples(rule: object) -> None:
    from smready.lint import LintRule

    assert isinstance(rule, LintRule)
    for text in rule.flag_examples:
        assert rule.id in [f.rule for f in lint_text(text)], text


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_rule_stays_quiet_on_safe_wording(rule: object) -> None:
    from smready.lint import LintRule

    assert isinstance(rule, LintRule)
    for text in rule.pass_examples:
        assert lint_text(text) == [], text
    # ... and on its own suggested wording.
    assert rule.id not in [f.rule for f in lint_text(rule.suggestion)]


def test_lint_project_names_field_rule_message_and_suggestion() -> None:
    project = Project.new("Café", OrgKind.SMALL_BUSINESS)
    project.policy.hr.extra_rules = ("Never criticise the company online. Staff must not "
                                     "discuss their wages on Facebook.")
    project.policy.privacy.notes = "Photos of kids at the party can go up without asking."
    project.goals = [Goal(goal_type=GoalType.BRAND_REPUTATION,
                          relevance="A free coffee for every 5-star review.")]
    findings = lint_project(project)
    assert [(f.field, f.rule) for f in findings] == [
        ("policy.hr.extra_rules", "pay_ban"),
        ("policy.hr.extra_rules", "criticism_ban"),
        ("policy.privacy.notes", "child_photos_no_consent"),
        ("goals[0].relevance", "review_rewards"),
    ]
    first = findings[0]
    assert isinstance(first, LintFinding)
    assert "pay" in first.message and first.suggestion.startswith("Name the real secrets")
    assert first.excerpt.startswith("must not discuss")


def test_our_own_clauses_are_never_linted() -> None:
    # A blank project has no user text; the clauses smready writes are not looked at.
    assert lint_project(Project.new("Harbour", OrgKind.NONPROFIT)) == []


def test_the_examples_are_clean_and_the_old_cafe_reward_is_flagged() -> None:
    for path in sorted(EXAMPLES.glob("*.smready")):
        project = Project.model_validate_json(path.read_text(encoding="utf-8"))
        assert lint_project(project) == [], path.name
    old = ("A free lunch and a shout-out at the Monday meeting for the best customer moment "
           "online.")
    assert [f.rule for f in lint_text(old)] == ["review_rewards"]
