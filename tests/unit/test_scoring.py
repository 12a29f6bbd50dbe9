"""Scoring: hand-computed tables against the real checklist, plus properties for any input."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from smready.content import load_checklist
from smready.domain import (
    AnswerValue,
    Checklist,
    Contact,
    Level,
    LevelCap,
    OfficialAccount,
    Option,
    OrgKind,
    Point,
    Project,
    Question,
    QuestionKind,
    Responsibility,
    Review,
    Spokesperson,
    TaskKind,
)
from smready.scoring import (
    policy_complete,
    policy_gaps,
    policy_prefill,
    question_score,
    resource_check,
    score,
)

CHECKLIST = load_checklist()
ALL_QUESTIONS = [q for p in CHECKLIST.points for q in p.questions]


def best_value(q: Question) -> AnswerValue:
    if q.kind is QuestionKind.CHOICE:
        return max(q.options, key=lambda o: o.score).id
    if q.kind is QuestionKind.SCALE:
        assert q.max is not None
        return q.max
    if q.kind is QuestionKind.NUMBER:
        assert q.full_at is not None
        return q.full_at
    if q.kind is QuestionKind.MULTI:
        return [o.id for o in q.options[: q.ideal_min]]
    return "Aino Virtanen"


def project_with(**answers: Any) -> Project:
    """A project answered at best everywhere, except the given answers (None = unanswered)."""
    project = Project.new("Café Aurora", OrgKind.SMALL_BUSINESS)
    values = {q.id: best_value(q) for q in ALL_QUESTIONS}
    for key, value in answers.items():
        qid = key.replace("__", ".")
        if value is None:
            values.pop(qid)
        else:
            values[qid] = value
    project.readiness.answers = values
    return project


def complete_policy(project: Project) -> Project:
    """Every answer the printed policy needs, so it has no "Not decided yet" marker."""
    from smready.domain import Goal, GoalType

    project.goals = [Goal(goal_type=GoalType.BRAND_AWARENESS, metric="Followers")]
    p = project.policy
    p.accounts = [OfficialAccount(platform="instagram", owner="Aino")]
    p.spokespeople = [Spokesperson(name="Aino Virtanen", role="Owner")]
    p.responsibilities = [Responsibility(task=t, person="Sara")
                          for t in (TaskKind.POINT_PERSON, TaskKind.POSTING,
                                    TaskKind.MONITORING, TaskKind.ANSWERING)]
    p.escalation.crisis_contacts = [Contact(name="Aino Virtanen", phone="+358 40 123 4567")]
    p.review = Review(version="1.0", effective_date=dt.date(2026, 11, 1), approver="Aino")
    return project


def point(result: Any, pid: str) -> Any:
    return next(p for p in result.points if p.id == pid)


# --- single questions ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("qid", "value", "expected"),
    [
        ("reason.why", "yes", 1.0),
        ("reason.why", "partly", 0.5),
        ("reason.why", "no", 0.0),
        ("reason.why", "maybe", None),  # unknown option id
        ("reason.why", 3, None),  # wrong type
        ("policy.training", 1, 0.0),  # scale 1..5
        ("policy.training", 3, 0.5),
        ("policy.training", 5, 1.0),
        ("policy.training", 9, 1.0),  # clamped
        ("policy.training", "five", None),
        ("resources.hours_per_week", 0, 0.0),  # number 0..5 hours
        ("resources.hours_per_week", 2.5, 0.5),
        ("resources.hours_per_week", 40, 1.0),
        ("resources.hours_per_week", -3, 0.0),
        ("resources.hours_per_week", float("nan"), None),
        ("resources.posts_per_month", 6, 0.75),  # number 0..8 posts
        ("sites.platforms", [], 0.0),  # multi, ideal 1..3
        ("sites.platforms", ["facebook"], 1.0),
        ("sites.platforms", ["facebook", "instagram", "tiktok"], 1.0),
        ("sites.platforms", ["facebook", "instagram", "tiktok", "x", "threads", "youtube"], 0.5),
        ("sites.platforms", ["facebook", "facebook", "myspace"], 1.0),  # repeats, unknown ignored
        ("sites.platforms", ["myspace"], None),
        ("sites.platforms", "facebook", None),
        ("resources.point_person", "Aino", 1.0),
        ("resources.point_person", "   ", None),
        ("resources.point_person", 7, None),
        ("reason.why", None, None),
    ],
)
def test_question_score(qid: str, value: Any, expected: float | None) -> None:
    got = question_score(CHECKLIST.question(qid), value)
    assert got == (pytest.approx(expected) if expected is not None else None)


# --- points, overall, levels ----------------------------------------------------------------


def test_hand_computed_point_and_overall_scores() -> None:
    project = project_with(
        reason__why="partly",            # 0.5, weight 3
        reason__goals="no",              # 0,   weight 2
        reason__already_social="none",   # 0.2, weight 1   (path stays yes: 1, weight 2)
        resources__hours_per_week=2,     # 0.4, weight 2
        resources__point_person=None,    # unanswered, weight 2
        measurement__review="quarterly",  # 0.7, weight 1.5
    )
    result = score(project)
    reason = (3 * 0.5 + 2 * 0 + 2 * 1 + 1 * 0.2) / 8 * 100  # 46.25
    resources = (2 * 0 + 2 * 0.4 + 1 * 1 + 2 * 1 + 1.5 * 1) / 8.5 * 100  # 62.35
    measurement = (3 + 1.5 + 1.5 + 1.5 * 0.7) / 7.5 * 100  # 94.0
    assert point(result, "reason").score == pytest.approx(reason)
    assert point(result, "resources").score == pytest.approx(resources)
    assert point(result, "measurement").score == pytest.approx(measurement)
    assert point(result, "sites").score == pytest.approx(100)
    # Point weights: reason 2, sites 1, resources 1.5, pipeline 1, policy 1.5, measurement 1.
    overall = (2 * reason + 100 + 1.5 * resources + 100 + 1.5 * 100 + measurement) / 8
    assert result.overall == pytest.approx(overall)  # 73.27
    assert result.level.id == "getting_there"
    assert result.answered == 25 and result.total == 26
    assert point(result, "resources").answered == 4


def test_nothing_answered_is_not_yet_and_everything_best_is_ready() -> None:
    empty = score(Project.new("Café Aurora", OrgKind.SMALL_BUSINESS))
    assert empty.overall == 0 and empty.level.id == "not_yet" and empty.answered == 0
    assert len(empty.recommendations) == len(ALL_QUESTIONS)
    best = score(project_with())
    assert best.overall == pytest.approx(100)
    assert best.level.id == "ready" and best.level.capped_by == []
    assert best.recommendations == []


def _flat_checklist(caps: list[LevelCap] | None = None) -> Checklist:
    """Every question a 0..100 number with weight 1, so the overall equals the answer."""
    def q(pid: str, n: int) -> Question:
        return Question(id=f"{pid}.q{n}", text="How much is it?", help="A test question.",
                        kind=QuestionKind.NUMBER, weight=1, zero_at=0, full_at=100,
                        advice="Do the thing that helps.")
    points = [Point(id=pid, number=i + 1, title=f"Point {pid}", summary="A test point.",
                    why="Why this test point matters.", weight=1 + i % 2,
                    questions=[q(pid, n) for n in range(3)])
              for i, pid in enumerate(["a", "b", "c", "d", "e", "f"])]
    levels = [Level(id=lid, name=lid.title(), meaning="What this level means.", min_score=m)
              for lid, m in (("not_yet", 0), ("getting_started", 35), ("getting_there", 60),
                             ("ready", 80))]
    return Checklist(points=points, levels=levels, caps=caps or [])


@pytest.mark.parametrize(
    ("value", "level"),
    [(0, "not_yet"), (34.9, "not_yet"), (35, "getting_started"), (59.9, "getting_started"),
     (60, "getting_there"), (79.9, "getting_there"), (80, "ready"), (100, "ready")],
)
def test_level_thresholds(value: float, level: str) -> None:
    checklist = _flat_checklist()
    project = Project.new("Test", OrgKind.SMALL_BUSINESS)
    project.readiness.answers = {q.id: value for p in checklist.points for q in p.questions}
    result = score(project, checklist)
    assert result.overall == pytest.approx(value)
    assert result.level.id == level


def test_no_policy_caps_the_level() -> None:
    result = score(project_with(policy__written="no"))
    # 100 minus the policy point's share: 1.5/8 of the overall x 3/9.5 of the point.
    assert result.overall == pytest.approx(100 - 100 * 1.5 / 8 * 3 / 9.5)  # 94.08
    assert result.level.id == "getting_there"
    assert len(result.level.capped_by) == 1 and "policy" in result.level.capped_by[0]
    # A draft is not "no policy at all": no cap.
    assert score(project_with(policy__written="draft")).level.id == "ready"


def test_no_reason_caps_the_level_even_unanswered() -> None:
    for answer in ("no", None):
        result = score(project_with(reason__why=answer))
        assert result.overall == pytest.approx(100 - 100 * 2 / 8 * 3 / 8)  # 90.6
        assert result.level.id == "getting_there"
        assert result.level.capped_by == [CHECKLIST.caps[1].reason]


def test_both_caps_give_both_reasons_and_caps_never_raise_a_level() -> None:
    both = score(project_with(reason__why="no", policy__written="no"))
    assert both.level.id == "getting_there" and len(both.level.capped_by) == 2
    low = score(project_with(reason__why="no", policy__written="no", measurement__metrics="no",
                             pipeline__complaints="no", resources__commitment="campaign",
                             reason__goals="no", reason__path="no", sites__audience="no"))
    assert low.overall < 60 and low.level.id == "getting_started"
    assert low.level.capped_by == []  # the score alone already holds it below the cap


def test_completed_policy_counts_as_a_written_policy() -> None:
    without = score(project_with(policy__written="no"))
    assert not without.policy_counted and point(without, "policy").note == ""
    result = score(complete_policy(project_with(policy__written="no")))
    assert policy_complete(complete_policy(project_with()))
    assert result.policy_counted
    assert result.level.id == "ready" and result.overall == pytest.approx(100)
    policy_point = point(result, "policy")
    assert policy_point.note != ""
    written = next(q for q in policy_point.questions if q.question == "policy.written")
    assert written.from_policy and written.score == 1
    assert not any(r.question == "policy.written" for r in result.recommendations)


# --- recommendations -----------------------------------------------------------------------


def test_recommendations_are_ordered_by_impact() -> None:
    result = score(project_with(
        reason__why="no",                    # 100 x 2/8 x 3/8 x 1     = 9.375
        measurement__baseline="no",          # 100 x 1/8 x 1.5/7.5 x 1 = 2.5
        policy__training=2,                  # 100 x 1.5/8 x 1/9.5 x .75 = 1.48
        sites__analytics="not_checked",      # 100 x 1/8 x 1/6.5 x .6  = 1.15
        resources__commitment="year",        # 0.8: not weak, no advice
    ))
    recs = result.recommendations
    assert [r.question for r in recs] == [
        "reason.why", "measurement.baseline", "policy.training", "sites.analytics"]
    assert [r.impact for r in recs] == pytest.approx([9.375, 2.5, 1.4803, 1.1538], abs=1e-3)
    assert recs[0].point == "reason" and recs[0].point_title == "A clear reason to be there"
    # A weak option with its own advice says something specific to that answer.
    analytics = CHECKLIST.question("sites.analytics")
    assert recs[3].text == next(o.advice for o in analytics.options if o.id == "not_checked")
    assert recs[1].text == CHECKLIST.question("measurement.baseline").advice
    # Fixing the first recommendation gains exactly its impact in overall points.
    fixed = score(project_with(measurement__baseline="no", policy__training=2,
                               sites__analytics="not_checked", resources__commitment="year"))
    assert fixed.overall - result.overall == pytest.approx(recs[0].impact, abs=1e-3)


def test_unanswered_questions_are_recommended_with_their_advice() -> None:
    result = score(project_with(pipeline__cover=None))
    assert [r.question for r in result.recommendations] == ["pipeline.cover"]
    assert result.recommendations[0].text == CHECKLIST.question("pipeline.cover").advice


# --- resources -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("platforms", "posts", "hours_week", "needed", "enough", "tier", "cost"),
    [
        # Facebook 30 min a post + 4 h monitoring: 8 posts -> 4 + 4 = 8 h; 2 h/week = 9 h.
        (["facebook"], 8, 2, 8, True, "light", "$1,000–1,500 a month"),
        # Instagram 45, Facebook 30, Google 15 min; 4 posts each; 4 + 4 + 2 h monitoring.
        # 12 posts is below every tier: compared with the lightest, not pushed to "mid"
        # because of the third network.
        (["instagram", "facebook", "google_business"], 12, 3, 16, False, "light",
         "$1,000–1,500 a month"),
        (["facebook", "instagram"], 25, 10, 24, True, "mid", "$2,000–3,000 a month"),
        (["facebook", "instagram", "linkedin", "tiktok"], 40, 10, 47, False, "full",
         "$3,500+ a month"),
        (["facebook", "instagram"], 18, None, 19, None, "light", "$1,000–1,500 a month"),
    ],
)
def test_resource_check(platforms: list[str], posts: int, hours_week: float | None,
                        needed: int, enough: bool | None, tier: str, cost: str) -> None:
    project = project_with(sites__platforms=platforms, resources__posts_per_month=posts,
                           resources__hours_per_week=hours_week)
    check = resource_check(project)
    assert check.platforms == platforms
    assert check.hours_needed_per_month == needed
    assert check.enough is enough
    assert check.tier is not None and check.tier.id == tier and check.tier.cost_text == cost
    if hours_week is None:
        assert check.hours_available_per_month is None
        assert "Say how many hours a week" in check.message
    else:
        assert check.hours_available_per_month == round(hours_week * 52 / 12)
    assert score(project).resources == check


def test_not_enough_hours_says_what_to_cut() -> None:
    check = resource_check(project_with(
        sites__platforms=["instagram", "facebook", "google_business"],
        resources__posts_per_month=12, resources__hours_per_week=3))
    assert check.message.startswith("Your plan needs about 16 hours a month; you have 13.")
    assert "Drop Facebook, which none of your goals depends on" in check.message
    assert "cut to about 6 posts a month" in check.message
    assert "costs about $1,000–1,500 a month; your plan of 12 posts a month is smaller" in (
        check.message)
    hopeless = resource_check(project_with(sites__platforms=["youtube", "tiktok"],
                                           resources__posts_per_month=20,
                                           resources__hours_per_week=1))
    assert hopeless.enough is False
    assert "Find a few more hours a week" in hopeless.message


def test_resource_check_without_a_plan() -> None:
    check = resource_check(Project.new("Café Aurora", OrgKind.SMALL_BUSINESS))
    assert check.platforms == [] and check.tier is None and check.enough is None
    assert check.hours_needed_per_month == 0
    assert check.message.startswith("Choose your networks")


# --- policy --------------------------------------------------------------------------------


def test_policy_gaps_list_every_missing_answer() -> None:
    project = Project.new("Café Aurora", OrgKind.SMALL_BUSINESS)
    gaps = policy_gaps(project)
    assert [g.field for g in gaps] == [
        "accounts", "goals", "spokespeople", "spokespeople.may_approve_posts",
        "media_inquiries_to", "responsibilities.security", "responsibilities.point_person",
        "responsibilities.posting", "responsibilities.monitoring",
        "responsibilities.answering", "escalation.complaint_route", "escalation.idea_route",
        "escalation.crisis_contacts", "measurement.report_to", "review.effective_date",
        "review.approver"]
    assert "answering comments and messages" in gaps[9].message
    assert all(g.message.startswith("Decide ") and g.message.endswith(".") for g in gaps)
    assert not policy_complete(project)

    complete_policy(project)
    assert policy_gaps(project) == [] and policy_complete(project)
    project.policy.responsibilities = project.policy.responsibilities[:3]
    project.policy.review.version = " "
    assert [(g.section, g.field) for g in policy_gaps(project)] == [
        ("responsibilities", "responsibilities.answering"),
        ("review", "review.version")]


def test_policy_prefill_fills_only_what_is_empty() -> None:
    project = project_with(sites__platforms=["instagram", "facebook", "tiktok"],
                           resources__point_person="Aino Virtanen")
    project.policy.accounts = [OfficialAccount(platform="Instagram", handle="@aurora",
                                               owner="Sara")]
    before = project.policy.model_copy(deep=True)
    filled = policy_prefill(project)
    assert project.policy == before, "the project itself is not changed"
    assert [(a.platform, a.handle, a.owner) for a in filled.accounts] == [
        ("Instagram", "@aurora", "Sara"),
        ("facebook", "", "Aino Virtanen"),
        ("tiktok", "", "Aino Virtanen")]
    assert [(r.task, r.person) for r in filled.responsibilities] == [
        (TaskKind.POINT_PERSON, "Aino Virtanen")]
    # Running it again adds nothing; a point person the user named stays.
    project.policy = filled
    project.policy.responsibilities = [Responsibility(task=TaskKind.POINT_PERSON, person="Sara")]
    again = policy_prefill(project)
    assert len(again.accounts) == 3
    assert [(r.task, r.person) for r in again.responsibilities] == [
        (TaskKind.POINT_PERSON, "Sara")]
    # An empty point-person row is filled in place.
    project.policy.responsibilities = [Responsibility(task=TaskKind.POINT_PERSON, backup="Mikko")]
    row = policy_prefill(project).responsibilities[0]
    assert (row.person, row.backup) == ("Aino Virtanen", "Mikko")


# --- properties ----------------------------------------------------------------------------

ids = st.from_regex(r"[a-z0-9_.-]{1,12}", fullmatch=True)
option_ids = st.sampled_from(sorted({o.id for q in ALL_QUESTIONS for o in q.options}))
any_value = st.one_of(
    st.integers(-10**6, 10**6),
    # Finite only: the models refuse inf and NaN (test_cli_faults.py checks that).
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=50),
    option_ids,
    st.lists(st.one_of(option_ids, ids), max_size=12),
)
answer_sets = st.dictionaries(st.sampled_from([q.id for q in ALL_QUESTIONS]), any_value)


@settings(max_examples=150, deadline=None)
@given(answer_sets)
def test_scores_stay_within_bounds_for_any_answers(answers: dict[str, Any]) -> None:
    project = Project.new("Café Aurora", OrgKind.SMALL_BUSINESS)
    project.readiness.answers = answers
    result = score(project)
    assert 0 <= result.overall <= 100
    assert all(0 <= p.score <= 100 for p in result.points)
    assert all(0 <= q.score <= 1 for p in result.points for q in p.questions)
    assert all(r.impact > 0 for r in result.recommendations)
    assert result.level.id in {lv.id for lv in CHECKLIST.levels}


@pytest.mark.parametrize("junk", [True, None, {"a": 1}, ("yes",), b"yes", object()])
def test_junk_values_count_as_unanswered(junk: Any) -> None:
    for q in ALL_QUESTIONS:
        assert question_score(q, junk) is None


def _improvements(q: Question) -> st.SearchStrategy[tuple[Any, Any]]:
    """A pair (worse, better) of answers to the question."""
    if q.kind is QuestionKind.CHOICE:
        ranked = sorted(q.options, key=lambda o: o.score)
        return st.tuples(st.sampled_from(ranked), st.sampled_from(ranked)).map(
            lambda pair: (min(pair, key=lambda o: o.score).id,
                          max(pair, key=lambda o: o.score).id))
    if q.kind in (QuestionKind.SCALE, QuestionKind.NUMBER):
        nums = st.floats(-100, 500, allow_nan=False)
        return st.tuples(nums, nums).map(lambda pair: (min(pair), max(pair)))
    if q.kind is QuestionKind.TEXT:
        return st.tuples(st.just(" "), st.text(min_size=1, max_size=20).filter(str.strip))
    # Multi: from nothing picked to a pick within the ideal range.
    return st.just(([], [q.options[0].id]))


@settings(max_examples=200, deadline=None)
@given(answer_sets, st.sampled_from(ALL_QUESTIONS).flatmap(
    lambda q: st.tuples(st.just(q), _improvements(q))))
def test_improving_one_answer_never_lowers_a_score(
    answers: dict[str, Any], change: tuple[Question, tuple[Any, Any]]
) -> None:
    question, (worse, better) = change
    project = Project.new("Café Aurora", OrgKind.SMALL_BUSINESS)
    project.readiness.answers = {**answers, question.id: worse}
    before = score(project)
    project.readiness.answers = {**answers, question.id: better}
    after = score(project)
    assert after.overall >= before.overall - 1e-9
    for p_before, p_after in zip(before.points, after.points, strict=True):
        assert p_after.score >= p_before.score - 1e-9
    level_order = [lv.id for lv in CHECKLIST.levels]
    assert level_order.index(after.level.id) >= level_order.index(before.level.id)


def test_options_are_scored_as_listed() -> None:
    # Guards the property above: a checklist option we build ourselves scores as given.
    q = Question(id="x.y", text="Is it so?", help="Just a test.", kind=QuestionKind.CHOICE,
                 weight=1, advice="Make it so, then.",
                 options=[Option(id="a", label="A", score=0.3), Option(id="b", label="B", score=1)])
    assert question_score(q, "a") == 0.3
