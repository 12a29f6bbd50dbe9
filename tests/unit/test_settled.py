"""Advice that the policy or the goals already settle is not shown as a to-do.

Which facts settle which advice is data (``settled_by`` in resources/checklist.yaml); each
fact is tested here: false on a blank project, true once the user has written it down, and
the advice it settles leaves the to-do list for the "settled" list, with the reason.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from smready.content import load_checklist
from smready.domain import (
    Goal,
    GoalType,
    OfficialAccount,
    OrgKind,
    Project,
    Responsibility,
    Spokesperson,
    TaskKind,
)
from smready.scoring import SETTLED_FACTS, score, settled_facts
from tests.conftest import EXAMPLES

CHECKLIST = load_checklist()


def _goal(**changes: object) -> Goal:
    values: dict[str, object] = {
        "goal_type": GoalType.RECRUITING, "platform": "Facebook",
        "metric": "New weekend volunteers", "baseline": 4.0, "target": 12.0,
        "deadline": dt.date(2027, 5, 31), "relevance": "The Saturday distribution is short."}
    values.update(changes)
    return Goal.model_validate(values)


def _set_goals(p: Project) -> None:
    p.goals = [_goal(metric="", baseline=None, relevance="")]


def _set_relevance(p: Project) -> None:
    p.goals = [_goal(metric="", baseline=None)]


def _set_metrics(p: Project) -> None:
    p.goals = [_goal(baseline=None, relevance="")]


def _set_baselines(p: Project) -> None:
    p.goals = [_goal(metric="", relevance="")]


def _complete(p: Project) -> None:
    """Every decision of the printed policy taken: the food bank example's answers."""
    example = Project.model_validate_json(
        (EXAMPLES / "harbour-food-bank.smready").read_text(encoding="utf-8"))
    p.policy = example.policy
    p.goals = example.goals


def _task(task: TaskKind, **fields: str) -> Callable[[Project], None]:
    def setter(p: Project) -> None:
        p.policy.responsibilities.append(Responsibility(task=task, **fields))
    return setter


def _spokespeople(p: Project) -> None:
    p.policy.spokespeople = [Spokesperson(name="James Okafor")]


def _approver(p: Project) -> None:
    p.policy.spokespeople = [Spokesperson(name="James Okafor", may_approve_posts=True)]


def _escalation(field: str) -> Callable[[Project], None]:
    def setter(p: Project) -> None:
        setattr(p.policy.escalation, field, "The pantry lead on duty, copied to Maria.")
    return setter


def _materials(p: Project) -> None:
    p.policy.training.materials = "A two-page guide in the volunteer handbook."


def _tools(p: Project) -> None:
    p.policy.measurement.tools = "Facebook insights"


def _report_to(p: Project) -> None:
    p.policy.measurement.report_to = "the board"


def _purposes(p: Project) -> None:
    p.readiness.answers["sites.platforms"] = ["facebook"]
    p.policy.accounts = [OfficialAccount(platform="facebook", purpose="Volunteer sign-ups")]


SETTERS: dict[str, Callable[[Project], None]] = {
    "goals": _set_goals,
    "goals.relevance": _set_relevance,
    "goals.metrics": _set_metrics,
    "goals.baselines": _set_baselines,
    "policy.complete": _complete,
    "policy.point_person": _task(TaskKind.POINT_PERSON, person="Maria Delgado"),
    "policy.backup": _task(TaskKind.POINT_PERSON, person="Maria Delgado",
                           backup="James Okafor"),
    "policy.response_time": _task(TaskKind.ANSWERING, person="Maria Delgado",
                                  response_time="within 1 working day"),
    "policy.spokespeople": _spokespeople,
    "policy.post_approval": _approver,
    "policy.escalation.complaint_route": _escalation("complaint_route"),
    "policy.escalation.idea_route": _escalation("idea_route"),
    "policy.escalation.negative_mention_steps": _escalation("negative_mention_steps"),
    "policy.training.materials": _materials,
    "policy.measurement.tools": _tools,
    "policy.measurement.report_to": _report_to,
    "policy.accounts.purpose": _purposes,
}

SETTLED_QUESTIONS = [q for p in CHECKLIST.points for q in p.questions if q.settled_by]


def blank() -> Project:
    return Project.new("Harbour Food Bank", OrgKind.NONPROFIT)


def test_every_fact_has_a_test_and_every_key_in_the_checklist_is_known() -> None:
    assert sorted(SETTERS) == sorted(SETTLED_FACTS)
    used = {key for q in SETTLED_QUESTIONS for key in q.settled_by}
    assert used <= set(SETTLED_FACTS), used - set(SETTLED_FACTS)
    # The cases the issue names are data, not code.
    by_question = {q.id: q.settled_by for q in SETTLED_QUESTIONS}
    assert by_question["pipeline.complaints"] == ["policy.escalation.complaint_route"]
    assert by_question["pipeline.cover"] == ["policy.backup"]
    assert by_question["policy.negative"] == ["policy.escalation.negative_mention_steps"]
    assert by_question["reason.goals"] == ["goals"]
    assert "policy.spokespeople" in by_question["policy.spokespeople"]


@pytest.mark.parametrize("key", sorted(SETTLED_FACTS))
def test_fact_holds_only_once_written_down(key: str) -> None:
    project = blank()
    assert key not in settled_facts(project)
    SETTERS[key](project)
    assert key in settled_facts(project)


@pytest.mark.parametrize("question", SETTLED_QUESTIONS, ids=lambda q: q.id)
def test_settled_advice_leaves_the_to_do_list(question: object) -> None:
    from smready.domain import Question

    assert isinstance(question, Question)
    project = blank()
    before = score(project)
    assert question.id in [r.question for r in before.recommendations]
    for key in question.settled_by:
        SETTERS[key](project)
    after = score(project)
    assert question.id not in [r.question for r in after.recommendations]
    settled = {r.question: r for r in after.settled}
    assert question.id in settled
    note = settled[question.id].settled_note
    assert note and note.endswith(".") and note[0].isupper()
    for key in question.settled_by:
        assert SETTLED_FACTS[key][1] in note


def test_half_settled_advice_stays_a_to_do() -> None:
    """Spokespeople named but nobody approves posts: the advice still says what is missing."""
    project = blank()
    _spokespeople(project)
    result = score(project)
    assert "policy.spokespeople" in [r.question for r in result.recommendations]


def test_the_score_itself_is_unchanged() -> None:
    """Settling advice moves it out of the to-do list; the checklist answers still score."""
    project = blank()
    before = score(project).overall
    _escalation("complaint_route")(project)
    assert score(project).overall == before
