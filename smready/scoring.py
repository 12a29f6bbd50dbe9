"""Readiness scoring: answers + checklist -> per-point scores, level, what to do first.

Pure functions: deterministic, instant, no I/O besides the cached content. Answers that do
not fit their question (an unknown option id, a word where a number belongs) count as
unanswered rather than crashing, because project files can be edited by hand.
"""

from __future__ import annotations

import math
import sys

from pydantic import BaseModel

from smready.content import load_checklist, load_labels, load_platforms, load_tiers
from smready.domain import (
    AnswerValue,
    Checklist,
    LevelResult,
    OfficialAccount,
    PlatformProfile,
    PointResult,
    PolicyAnswers,
    PolicyGap,
    Project,
    Question,
    QuestionKind,
    QuestionResult,
    ReadinessResult,
    Recommendation,
    ResourceCheck,
    Responsibility,
    ServiceTier,
    TaskKind,
    TierMatch,
)
from smready.i18n import _

__all__ = [
    "WEEKS_PER_MONTH",
    "policy_complete",
    "policy_gaps",
    "policy_prefill",
    "question_score",
    "resource_check",
    "score",
]

WEEKS_PER_MONTH = 52 / 12
# Minutes per post assumed when posts are planned but no network is chosen yet.
_DEFAULT_MINUTES_PER_POST = 30
# Comparisons against level thresholds tolerate float noise (59.99999 is 60).
_EPS = 1e-9
# Tasks the policy must name a person for before it counts as complete.
REQUIRED_TASKS = (TaskKind.POSTING, TaskKind.MONITORING, TaskKind.ANSWERING)


# --- single answers ------------------------------------------------------------------------


def _number(value: object) -> float | None:
    """A finite number, or None (bools and text are not numbers here)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    number = float(value)
    return number if math.isfinite(number) else None


def _clamp01(x: float) -> float:
    return min(1.0, max(0.0, x))


def _picked(question: Question, value: object) -> list[str] | None:
    """Known option ids picked in a multi-select, without repeats; None if not a pick list."""
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        return None
    known = {o.id for o in question.options}
    picked = list(dict.fromkeys(v for v in value if v in known))
    if value and not picked:
        return None  # only unknown ids: treat as unanswered
    return picked


def question_score(question: Question, value: AnswerValue | None) -> float | None:
    """0..1 for an answer that fits the question, None when unanswered or unusable."""
    if value is None:
        return None
    kind = question.kind
    if kind is QuestionKind.CHOICE:
        if not isinstance(value, str):
            return None
        for option in question.options:
            if option.id == value:
                return option.score
        return None
    if kind is QuestionKind.SCALE:
        number = _number(value)
        if number is None or question.min is None or question.max is None:
            return None
        span = question.max - question.min
        return _clamp01((number - question.min) / span) if span else None
    if kind is QuestionKind.NUMBER:
        number = _number(value)
        if number is None or question.zero_at is None or question.full_at is None:
            return None
        span = question.full_at - question.zero_at
        return _clamp01((number - question.zero_at) / span) if span else None
    if kind is QuestionKind.MULTI:
        picked = _picked(question, value)
        if picked is None:
            return None
        return _multi_score(len(picked), question.ideal_min or 1, question.ideal_max or 1)
    if kind is QuestionKind.TEXT:
        return 1.0 if isinstance(value, str) and value.strip() else None
    return None  # pragma: no cover - every kind is handled above


def _multi_score(count: int, ideal_min: int, ideal_max: int) -> float:
    """Full marks within the ideal range; fewer picks score less, and so do too many."""
    if count < ideal_min:
        return count / ideal_min
    if count > ideal_max:
        return ideal_max / count  # spreading thin: 3 ideal, 6 picked -> 0.5
    return 1.0


def _advice(question: Question, value: AnswerValue | None, score: float | None) -> str:
    if score is not None and question.kind is QuestionKind.CHOICE:
        for option in question.options:
            if option.id == value and option.advice:
                return option.advice
    return question.advice


# --- the whole checklist -------------------------------------------------------------------


def score(project: Project, checklist: Checklist | None = None) -> ReadinessResult:
    """Score every point, the overall readiness and the level, and list what to do first."""
    checklist = checklist or load_checklist()
    answers = project.readiness.answers
    policy_done = policy_complete(project)
    policy_counted = False
    total_point_weight = sum(p.weight for p in checklist.points)

    points: list[PointResult] = []
    recommendations: list[tuple[float, int, int, Recommendation]] = []
    question_scores: dict[str, float] = {}
    answered_total = 0
    total = 0
    for point in checklist.points:
        q_weight_sum = sum(q.weight for q in point.questions)
        results: list[QuestionResult] = []
        earned = 0.0
        counted_here = False
        for index, question in enumerate(point.questions):
            value = answers.get(question.id)
            s = question_score(question, value)
            from_policy = question.satisfied_by_policy and policy_done
            if from_policy:
                s = 1.0
                counted_here = True
            results.append(QuestionResult(question=question.id, answered=s is not None,
                                          score=s or 0.0, from_policy=from_policy))
            question_scores[question.id] = s or 0.0
            earned += question.weight * (s or 0.0)
            if s is None or s < checklist.weak_below - _EPS:
                impact = (100 * point.weight / total_point_weight
                          * question.weight / q_weight_sum * (1.0 - (s or 0.0)))
                recommendations.append((impact, point.number, index, Recommendation(
                    question=question.id, point=point.id, point_title=point.title,
                    text=_advice(question, value, s), impact=round(impact, 4))))
        answered = sum(r.answered for r in results)
        answered_total += answered
        total += len(results)
        policy_counted = policy_counted or counted_here
        points.append(PointResult(
            id=point.id, number=point.number, title=point.title, why=point.why,
            score=_clamp100(100 * earned / q_weight_sum), weight=point.weight,
            answered=answered, total=len(results), questions=results,
            note=_("Counts the policy you completed in this project.") if counted_here else "",
        ))

    overall = _clamp100(sum(p.score * p.weight for p in points) / total_point_weight)
    recommendations.sort(key=lambda r: (-r[0], r[1], r[2]))
    return ReadinessResult(
        overall=overall,
        level=_level(checklist, overall, question_scores),
        points=points,
        recommendations=[r[3] for r in recommendations],
        resources=resource_check(project, checklist),
        policy_counted=policy_counted,
        answered=answered_total,
        total=total,
    )


def _clamp100(x: float) -> float:
    return min(100.0, max(0.0, x))


def _level(checklist: Checklist, overall: float, question_scores: dict[str, float]) -> LevelResult:
    levels = checklist.levels
    index = original = max(i for i, lv in enumerate(levels) if overall + _EPS >= lv.min_score)
    capped_by: list[str] = []
    for cap in checklist.caps:
        if question_scores.get(cap.question, 0.0) < cap.below:
            cap_index = next(i for i, lv in enumerate(levels) if lv.id == cap.max_level)
            if original > cap_index:
                capped_by.append(cap.reason)
            index = min(index, cap_index)
    level = levels[index]
    return LevelResult(id=level.id, name=level.name, meaning=level.meaning, capped_by=capped_by)


# --- time and money ------------------------------------------------------------------------


def _prefill_value(project: Project, checklist: Checklist, key: str) -> AnswerValue | None:
    question = checklist.prefill_question(key)
    return project.readiness.answers.get(question.id) if question is not None else None


def planned_platforms(project: Project, checklist: Checklist | None = None) -> list[str]:
    """Platform ids picked in the checklist (``sites.platforms``), known ids only, in order."""
    checklist = checklist or load_checklist()
    question = checklist.prefill_question("platforms")
    if question is None:
        return []
    return _picked(question, project.readiness.answers.get(question.id)) or []


def point_person(project: Project, checklist: Checklist | None = None) -> str:
    """The point person named in the checklist, or "" if none."""
    value = _prefill_value(project, checklist or load_checklist(), "point_person")
    return value.strip() if isinstance(value, str) else ""


def _non_negative(value: object) -> float | None:
    number = _number(value)
    return max(0.0, number) if number is not None else None


def hours_needed(platforms: list[PlatformProfile], posts_per_month: float) -> float:
    """Posting time (posts spread evenly over the networks) plus monitoring each network."""
    if not platforms:
        return posts_per_month * _DEFAULT_MINUTES_PER_POST / 60
    share = posts_per_month / len(platforms)
    return sum(share * p.minutes_per_post / 60 + p.monitoring_hours_per_month for p in platforms)


def match_tier(platform_count: int, posts_per_month: float,
               tiers: list[ServiceTier] | None = None) -> ServiceTier | None:
    """The smallest service tier whose networks and posts cover the plan (the largest if none)."""
    tiers = sorted(tiers or load_tiers(), key=lambda t: (t.platforms_max, t.posts_min))
    if not tiers or (platform_count == 0 and posts_per_month <= 0):
        return None
    for tier in tiers:
        if platform_count <= tier.platforms_max and (
            tier.posts_max is None or posts_per_month <= tier.posts_max
        ):
            return tier
    return tiers[-1]


def cost_text(tier: ServiceTier) -> str:
    if tier.cost_max is None:
        return _("${cost}+ a month").format(cost=f"{tier.cost_min:,}")
    return _("${low}–{high} a month").format(low=f"{tier.cost_min:,}", high=f"{tier.cost_max:,}")


def resource_check(project: Project, checklist: Checklist | None = None) -> ResourceCheck:
    """Hours a month the plan needs against the hours there are, and the tier it resembles."""
    checklist = checklist or load_checklist()
    by_id = {p.id: p for p in load_platforms()}
    platform_ids = planned_platforms(project, checklist)
    profiles = [by_id[pid] for pid in platform_ids if pid in by_id]
    posts = _non_negative(_prefill_value(project, checklist, "posts_per_month")) or 0.0
    per_week = _non_negative(_prefill_value(project, checklist, "hours_per_week"))
    needed = hours_needed(profiles, posts)
    available = per_week * WEEKS_PER_MONTH if per_week is not None else None
    has_plan = bool(profiles) or posts > 0
    enough = (available + _EPS >= needed) if (available is not None and has_plan) else None

    tier = match_tier(len(profiles), posts)
    tier_match = None if tier is None else TierMatch(
        id=tier.id, name=tier.name, cost_min=tier.cost_min, cost_max=tier.cost_max,
        cost_text=cost_text(tier))
    return ResourceCheck(
        platforms=platform_ids,
        posts_per_month=posts,
        hours_needed_per_month=round(needed, 1),
        hours_available_per_month=None if available is None else round(available, 1),
        enough=enough,
        tier=tier_match,
        message=_resource_message(profiles, posts, needed, available, tier_match),
    )


def _resource_message(profiles: list[PlatformProfile], posts: float, needed: float,
                      available: float | None, tier: TierMatch | None) -> str:
    if not profiles and posts <= 0:
        return _("Choose your networks and how many posts a month you plan, and you will see "
                 "how many hours that takes.")
    need = round(needed)
    if not profiles:
        return _("{posts} posts a month take about {need} hours. Choose your networks to see "
                 "the full picture.").format(posts=round(posts), need=need)
    agency = ""
    if tier is not None:
        agency = " " + _("An agency would charge about {cost} for a plan like this "
                         "({name} service).").format(cost=tier.cost_text, name=tier.name)
    if available is None:
        return _("Your plan needs about {need} hours a month. Say how many hours a week you "
                 "can give to see whether it fits.").format(need=need) + agency
    have = round(available)
    if available + _EPS >= needed:
        return _("Your plan needs about {need} hours a month and you have {have}. That fits; "
                 "keep the spare time for replies on busy days.").format(need=need, have=have)
    return _("Your plan needs about {need} hours a month; you have {have}. {fix}").format(
        need=need, have=have, fix=_fix_suggestion(profiles, posts, available)) + agency


def _fix_suggestion(profiles: list[PlatformProfile], posts: float, available: float) -> str:
    """Concrete changes that make the plan fit: drop a network, post less, or find hours."""
    drop: PlatformProfile | None = None
    if len(profiles) > 1:
        # Of the networks whose removal makes the plan fit, drop the one that loses least.
        fits = [(hours_needed([q for q in profiles if q is not p], posts), i, p)
                for i, p in enumerate(profiles)]
        fits = [f for f in fits if f[0] <= available + _EPS]
        if fits:
            drop = max(fits, key=lambda f: (f[0], -f[1]))[2]
    monitoring = sum(p.monitoring_hours_per_month for p in profiles)
    minutes = sum(p.minutes_per_post for p in profiles) / len(profiles)
    fitting = math.floor((available - monitoring) * 60 / minutes)
    fewer_posts = 4 <= fitting < posts
    if drop is not None and fewer_posts:
        return _("Drop one network, such as {name}, or cut to about {posts} posts a "
                 "month.").format(name=drop.name, posts=fitting)
    if drop is not None:
        return _("Drop one network, such as {name}, or find more time before you "
                 "start.").format(name=drop.name)
    if fewer_posts:
        return _("Cut to about {posts} posts a month, or find more time before you "
                 "start.").format(posts=fitting)
    return _("Find a few more hours a week, or start with one network and a post a week.")


# --- the policy ----------------------------------------------------------------------------


def _task_label(task: TaskKind) -> str:
    return load_labels()[task.value].lower()


def policy_gaps(project: Project) -> list[PolicyGap]:
    """Required policy answers that are still missing, in the order of the wizard."""
    policy = project.policy
    gaps: list[PolicyGap] = []

    def gap(section: str, field: str, message: str) -> None:
        gaps.append(PolicyGap(section=section, field=field, message=message))

    if not project.organization.name.strip():
        gap("organization", "organization.name", _("Give the name of your organization."))
    if not any(str(a.platform).strip() for a in policy.accounts):
        gap("accounts", "accounts",
            _("List at least one official account, such as your Facebook page."))
    if not any(s.name.strip() for s in policy.spokespeople):
        gap("spokespeople", "spokespeople",
            _("Name at least one spokesperson who may speak for the organization."))
    for task in REQUIRED_TASKS:
        if not any(r.task is task and r.person.strip() for r in policy.responsibilities):
            gap("responsibilities", f"responsibilities.{task.value}",
                _("Name the person responsible for {task}.").format(task=_task_label(task)))
    if not any(c.name.strip() for c in policy.escalation.crisis_contacts):
        gap("escalation", "escalation.crisis_contacts",
            _("Add at least one crisis contact to call when something goes badly wrong."))
    if not policy.review.approver.strip():
        gap("review", "review.approver", _("Name the person who approves this policy."))
    if not policy.review.version.strip():
        gap("review", "review.version", _("Give the policy a version number, such as 1.0."))
    if policy.review.effective_date is None:
        gap("review", "review.effective_date", _("Choose the date the policy takes effect."))
    return gaps


def policy_complete(project: Project) -> bool:
    return not policy_gaps(project)


def _same_platform(account: OfficialAccount, platform: PlatformProfile) -> bool:
    name = str(account.platform).strip().lower()
    return name in (platform.id, platform.name.lower())


def _list_limit(model: type[BaseModel], field: str) -> int:
    """The ``max_length`` a model gives one of its list fields."""
    for meta in model.model_fields[field].metadata:
        limit = getattr(meta, "max_length", None)
        if isinstance(limit, int):
            return limit
    return sys.maxsize


def policy_prefill(project: Project) -> PolicyAnswers:
    """A copy of the policy with what the checklist already knows filled in where still empty.

    Adds an official account for each planned network not yet listed (owned by the point
    person) and the point person's responsibility. Never changes an answer the user gave.
    """
    checklist = load_checklist()
    policy = project.policy.model_copy(deep=True)
    person = point_person(project, checklist)
    by_id = {p.id: p for p in load_platforms()}

    # Stays inside the model's list limits: a policy that already lists the most accounts
    # or responsibilities a file may hold gets no more (else it could not be validated).
    accounts = list(policy.accounts)
    max_accounts = _list_limit(PolicyAnswers, "accounts")
    for pid in planned_platforms(project, checklist):
        profile = by_id.get(pid)
        if len(accounts) >= max_accounts:
            break
        if profile is not None and not any(_same_platform(a, profile) for a in accounts):
            accounts.append(OfficialAccount(platform=pid, owner=person))
    policy.accounts = accounts

    if person:
        responsibilities = list(policy.responsibilities)
        existing = [r for r in responsibilities if r.task is TaskKind.POINT_PERSON]
        if not existing and len(responsibilities) < _list_limit(
                PolicyAnswers, "responsibilities"):
            responsibilities.insert(0, Responsibility(task=TaskKind.POINT_PERSON, person=person))
        elif not any(r.person.strip() for r in existing):
            index = responsibilities.index(existing[0])
            responsibilities[index] = existing[0].model_copy(update={"person": person})
        policy.responsibilities = responsibilities
    return policy
