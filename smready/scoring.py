"""Readiness scoring: answers + checklist -> per-point scores, level, what to do first.

Every text a result carries (point titles, levels, advice, the resource message, the policy
gaps) is in the language passed as ``lang``: a document passes its own language, the command
line its ``--lang``; without it the UI language is used (the window's results panel).

Pure functions: deterministic, instant, no I/O besides the cached content. Answers that do
not fit their question (an unknown option id, a word where a number belongs) count as
unanswered rather than crashing, because project files can be edited by hand.
"""

from __future__ import annotations

import math
import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from pydantic import BaseModel

from smready.content import (
    load_checklist,
    load_labels,
    load_platforms,
    load_tier_prices,
    load_tiers,
)
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
from smready.i18n import Translation, current, translation

if TYPE_CHECKING:
    from smready.formatting import Formats

__all__ = [
    "SETTLED_FACTS",
    "WEEKS_PER_MONTH",
    "policy_complete",
    "policy_gaps",
    "policy_prefill",
    "question_score",
    "resource_check",
    "score",
    "settled_note",
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


# --- what the project already settles ------------------------------------------------------
#
# A weak checklist answer may be out of date: the user answered "partly" about complaints,
# then wrote the complaint route into the policy. Advice that the policy or the goals already
# settle is not shown as a to-do. Which facts settle which advice is data: the ``settled_by``
# list of each question in resources/checklist.yaml names keys of this table, and all of them
# must hold. Each fact has a test that the printed sentence is true (tests/unit/test_settled.py).


def N_(message: str) -> str:
    """Marks a string for translation where it is used, not where it is defined."""
    return message


def _named(text: str) -> bool:
    return bool(text.strip())


def _responsibility(project: Project, task: TaskKind) -> Responsibility | None:
    for item in project.policy.responsibilities:
        if item.task is task and _named(item.person):
            return item
    return None


def _backup_named(project: Project) -> bool:
    return any(item.task in (TaskKind.POINT_PERSON, TaskKind.ANSWERING) and _named(item.person)
               and _named(item.backup) for item in project.policy.responsibilities)


def _response_time_set(project: Project) -> bool:
    answering = _responsibility(project, TaskKind.ANSWERING)
    return answering is not None and _named(answering.response_time)


def _post_approval_named(project: Project) -> bool:
    policy = project.policy
    return (any(_named(s.name) and s.may_approve_posts for s in policy.spokespeople)
            or _responsibility(project, TaskKind.POSTING) is not None)


def _accounts_have_purposes(project: Project) -> bool:
    accounts = [a for a in policy_prefill(project).accounts if _named(str(a.platform))]
    return bool(accounts) and all(_named(a.purpose) for a in accounts)


SETTLED_FACTS: dict[str, tuple[Callable[[Project], bool], str]] = {
    "goals": (
        lambda p: bool(p.goals),
        N_("Your SMART goals are set."),
    ),
    "goals.relevance": (
        lambda p: any(_named(g.relevance) for g in p.goals),
        N_("Your goals say what social media should bring you."),
    ),
    "goals.metrics": (
        lambda p: bool(p.goals) and all(_named(g.metric) for g in p.goals),
        N_("Each of your goals names the figure to watch."),
    ),
    "goals.baselines": (
        lambda p: bool(p.goals) and all(g.baseline is not None for g in p.goals),
        N_("Each of your goals records today's figure."),
    ),
    "policy.complete": (
        lambda p: policy_complete(p),
        N_("The policy is complete and sets the rules for personal accounts."),
    ),
    "policy.point_person": (
        lambda p: _responsibility(p, TaskKind.POINT_PERSON) is not None,
        N_("The policy names the point person."),
    ),
    "policy.backup": (
        _backup_named,
        N_("The policy names a backup for the point person."),
    ),
    "policy.response_time": (
        _response_time_set,
        N_("The policy sets how quickly comments and messages are answered."),
    ),
    "policy.spokespeople": (
        lambda p: any(_named(s.name) for s in p.policy.spokespeople),
        N_("The policy names the spokespeople."),
    ),
    "policy.post_approval": (
        _post_approval_named,
        N_("The policy says who approves or publishes posts."),
    ),
    "policy.escalation.complaint_route": (
        lambda p: _named(p.policy.escalation.complaint_route),
        N_("The policy says where complaints from social media go."),
    ),
    "policy.escalation.idea_route": (
        lambda p: _named(p.policy.escalation.idea_route),
        N_("The policy says where ideas and suggestions go."),
    ),
    "policy.escalation.negative_mention_steps": (
        lambda p: _named(p.policy.escalation.negative_mention_steps),
        N_("The policy sets the steps for negative posts."),
    ),
    "policy.training.materials": (
        lambda p: p.policy.training.onboarding and _named(p.policy.training.materials),
        N_("The policy names the training material and the introduction for newcomers."),
    ),
    "policy.measurement.tools": (
        lambda p: _named(p.policy.measurement.tools),
        N_("The policy names the tools that give the figures."),
    ),
    "policy.measurement.report_to": (
        lambda p: _named(p.policy.measurement.report_to),
        N_("The policy says how often the figures are reported, and to whom."),
    ),
    "policy.accounts.purpose": (
        _accounts_have_purposes,
        N_("The policy says what each official account is for."),
    ),
}


def settled_facts(project: Project, *, policy_done: bool | None = None) -> set[str]:
    """The keys of ``SETTLED_FACTS`` that hold for this project.

    ``policy_done`` passes ``policy_complete(project)`` when the caller already has it (it
    builds the whole policy, the dearest fact by far).
    """
    facts = set()
    for key, (holds, _note) in SETTLED_FACTS.items():
        if key == "policy.complete" and policy_done is not None:
            if policy_done:
                facts.add(key)
        elif holds(project):
            facts.add(key)
    return facts


def _t(lang: str | None) -> Translation:
    """The messages of ``lang``; the UI language when None."""
    return translation(lang) if lang else current()


def settled_note(question: Question, facts: set[str], lang: str | None = None) -> str:
    """Why the question's advice is already settled ("" when it is still to do).

    Every fact in ``settled_by`` must hold; an unknown key never holds (the content tests
    check that every key is known).
    """
    keys = question.settled_by
    if not keys or not all(key in facts and key in SETTLED_FACTS for key in keys):
        return ""
    t = _t(lang)
    return " ".join(t(SETTLED_FACTS[key][1]) for key in keys)


# --- the whole checklist -------------------------------------------------------------------


def score(project: Project, checklist: Checklist | None = None, *,
          policy_done: bool | None = None, lang: str | None = None) -> ReadinessResult:
    """Score every point, the overall readiness and the level, and list what to do first.

    ``policy_done`` passes ``policy_complete(project)`` when the caller already has it: it
    builds the whole policy, by far the dearest part of scoring. ``lang``: the language of
    the texts (the UI language when None)."""
    t = _t(lang)
    checklist = checklist or load_checklist(lang=t.lang)
    answers = project.readiness.answers
    if policy_done is None:
        policy_done = policy_complete(project)
    policy_counted = False
    total_point_weight = sum(p.weight for p in checklist.points)

    points: list[PointResult] = []
    recommendations: list[tuple[float, int, int, Recommendation]] = []
    facts = settled_facts(project, policy_done=policy_done)
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
                    text=_advice(question, value, s), impact=round(impact, 4),
                    settled_note=settled_note(question, facts, t.lang))))
        answered = sum(r.answered for r in results)
        answered_total += answered
        total += len(results)
        policy_counted = policy_counted or counted_here
        points.append(PointResult(
            id=point.id, number=point.number, title=point.title, why=point.why,
            score=_clamp100(100 * earned / q_weight_sum), weight=point.weight,
            answered=answered, total=len(results), questions=results,
            note=t("Counts the policy you completed in this project.") if counted_here else "",
        ))

    overall = _clamp100(sum(p.score * p.weight for p in points) / total_point_weight)
    recommendations.sort(key=lambda r: (-r[0], r[1], r[2]))
    ordered = [r[3] for r in recommendations]
    return ReadinessResult(
        overall=overall,
        level=_level(checklist, overall, question_scores),
        points=points,
        recommendations=[r for r in ordered if not r.settled_note],
        settled=[r for r in ordered if r.settled_note],
        resources=resource_check(project, checklist, lang=t.lang),
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


def _prefill_number(project: Project, checklist: Checklist, key: str) -> float | None:
    """A number answer, kept within 0 and the question's maximum: a file may hold any
    finite number (1e306 posts a month), and the hours computed from it must stay finite."""
    number = _non_negative(_prefill_value(project, checklist, key))
    question = checklist.prefill_question(key)
    if number is not None and question is not None and question.max is not None:
        number = min(number, question.max)
    return number


def hours_needed(platforms: list[PlatformProfile], posts_per_month: float) -> float:
    """Posting time (posts spread evenly over the networks) plus monitoring each network."""
    if not platforms:
        return posts_per_month * _DEFAULT_MINUTES_PER_POST / 60
    share = posts_per_month / len(platforms)
    return sum(share * p.minutes_per_post / 60 + p.monitoring_hours_per_month for p in platforms)


def whole_hours(hours: float) -> int:
    """The one rounding of hours used everywhere (table, sentence, app): half rounds up."""
    return math.floor(hours + 0.5)


def match_tier(platform_count: int, posts_per_month: float,
               tiers: list[ServiceTier] | None = None) -> ServiceTier | None:
    """The agency tier whose posts a month are closest to the plan's own number.

    Tiers are matched on posts a month, the plan's main figure: the first tier whose range
    reaches the plan (the lightest one when the plan is smaller than all of them). Whether
    the tier also covers as many networks is said separately, never used to push a small
    plan into a bigger, dearer tier.
    """
    tiers = sorted(tiers or load_tiers(), key=lambda t: (t.posts_min, t.platforms_max))
    if not tiers or (platform_count == 0 and posts_per_month <= 0):
        return None
    for tier in tiers:
        if tier.posts_max is None or posts_per_month <= tier.posts_max:
            return tier
    return tiers[-1]


def cost_text(tier: ServiceTier, country: str = "US", language: str = "en") -> str:
    """The tier's monthly cost in the country's currency, formatted for that country."""
    return _tier_cost(tier, country, translation(language))[0]


def _tier_cost(tier: ServiceTier, country: str, t: Translation) -> tuple[str, str, bool]:
    """"860–1 300 € a month": the cost converted to the country's currency, the range
    written once with its symbol (``Formats.money_range``)."""
    from smready.money import convert, currency_for

    prices = load_tier_prices()
    currency = currency_for(country)
    from smready.formatting import formats

    fmt = formats(t.lang, country)
    low = convert(tier.cost_min, prices, currency)
    if tier.cost_max is None:
        text = t("{cost}+ a month").format(cost=fmt.money(low.amount, low.currency))
    else:
        high = convert(tier.cost_max, prices, currency)
        if high.currency == low.currency:
            first, last = fmt.money_range_parts(low.amount, high.amount, low.currency)
        else:  # pragma: no cover - both ends convert at the same rate
            first, last = (fmt.money(low.amount, low.currency),
                           fmt.money(high.amount, high.currency))
        text = t("{low}–{high} a month").format(low=first, high=last)
    return text, low.currency, low.converted


def goal_platforms(project: Project, profiles: list[PlatformProfile]) -> list[PlatformProfile]:
    """The planned networks that a goal names (a goal on "Instagram" depends on Instagram)."""
    named = [g.platform.casefold() for g in project.goals if g.platform.strip()]
    return [p for p in profiles
            if any(p.id == text.strip() or p.name.casefold() in text for text in named)]


def resource_check(project: Project, checklist: Checklist | None = None, *,
                   lang: str | None = None) -> ResourceCheck:
    """Hours a month the plan needs against the hours there are, and the tier it resembles
    (texts in ``lang``, the UI language when None)."""
    t = _t(lang)
    checklist = checklist or load_checklist(lang=t.lang)
    by_id = {p.id: p for p in load_platforms(lang=t.lang)}
    platform_ids = planned_platforms(project, checklist)
    profiles = [by_id[pid] for pid in platform_ids if pid in by_id]
    posts = _prefill_number(project, checklist, "posts_per_month") or 0.0
    per_week = _prefill_number(project, checklist, "hours_per_week")
    needed = whole_hours(hours_needed(profiles, posts))
    available = whole_hours(per_week * WEEKS_PER_MONTH) if per_week is not None else None
    has_plan = bool(profiles) or posts > 0
    enough = (available >= needed) if (available is not None and has_plan) else None

    tier = match_tier(len(profiles), posts, load_tiers(lang=t.lang))
    tier_match = None
    if tier is not None:
        text, currency, converted = _tier_cost(tier, project.organization.country, t)
        tier_match = TierMatch(
            id=tier.id, name=tier.name, cost_min=tier.cost_min, cost_max=tier.cost_max,
            cost_text=text, posts_min=tier.posts_min, posts_max=tier.posts_max,
            platforms_max=tier.platforms_max, smaller_plan=posts < tier.posts_min,
            currency=currency, converted=converted)
    return ResourceCheck(
        platforms=platform_ids,
        posts_per_month=posts,
        hours_needed_per_month=float(needed),
        hours_available_per_month=None if available is None else float(available),
        enough=enough,
        tier=tier_match,
        message=_resource_message(profiles, posts, needed, available, tier_match,
                                  goal_platforms(project, profiles),
                                  _words(t, project.organization.country)),
    )


@dataclass(frozen=True)
class _Words:
    """The messages and number formats of one language, for the resource sentences."""

    t: Translation
    fmt: Formats



def _words(t: Translation, country: str) -> _Words:
    from smready.formatting import formats  # Babel: only once a plan is checked

    return _Words(t, formats(t.lang, country))


def _tier_sentence(tier: TierMatch, platform_count: int, posts: float, w: _Words) -> str:
    # Tiers start at 15 posts a month on 2 networks or more: these counts are never 1.
    t, n = w.t, w.fmt.integer
    if tier.posts_max is None:
        size = t("{low} or more posts a month").format(low=n(tier.posts_min))
    else:
        size = t("{low}–{high} posts a month").format(low=n(tier.posts_min),
                                                      high=n(tier.posts_max))
    if tier.smaller_plan:
        sentence = t("An agency's lightest service ({name}: {size} on up to {networks} "
                     "networks) costs about {cost}; your plan of {posts} posts a month is "
                     "smaller than that.").format(
            name=tier.name, size=size, networks=n(tier.platforms_max), cost=tier.cost_text,
            posts=n(round(posts)))
    else:
        sentence = t("The closest agency service is {name} ({size} on up to {networks} "
                     "networks), at about {cost}.").format(
            name=tier.name, size=size, networks=n(tier.platforms_max), cost=tier.cost_text)
    if platform_count > tier.platforms_max:
        sentence += " " + t("That service covers fewer networks than the {count} you plan."
                            ).format(count=n(platform_count))
    return sentence


def _resource_message(profiles: list[PlatformProfile], posts: float, need: int,
                      have: int | None, tier: TierMatch | None,
                      protected: list[PlatformProfile], w: _Words) -> str:
    t, n = w.t, w.fmt.integer
    if not profiles and posts <= 0:
        return t("Choose your networks and how many posts a month you plan, and you will see "
                 "how many hours that takes.")
    if not profiles:
        # Planned posts and no network yet (half an hour a post: one post is an hour).
        return t.ngettext(
            "{posts} post a month takes about an hour. Choose your networks to see the full "
            "picture.",
            "{posts} posts a month take about {need} hours. Choose your networks to see the "
            "full picture.", round(posts)).format(posts=n(round(posts)), need=n(need))
    # With a network chosen the plan needs its monitoring hours too: never 1 hour in
    # practice (the lightest network alone needs 1 hour of monitoring and no post).
    agency = "" if tier is None else " " + _tier_sentence(tier, len(profiles), posts, w)
    if have is None:
        return t("Your plan needs about {need} hours a month. Say how many hours a week you "
                 "can give to see whether it fits.").format(need=n(need)) + agency
    if have >= need:
        return t("Your plan needs about {need} hours a month and you have {have}. That fits; "
                 "keep the spare time for replies on busy days.").format(need=n(need),
                                                                           have=n(have))
    return t("Your plan needs about {need} hours a month; you have {have}. {fix}").format(
        need=n(need), have=n(have),
        fix=_fix_suggestion(profiles, posts, have, protected, w)) + agency


def _fix_suggestion(profiles: list[PlatformProfile], posts: float, available: float,
                    protected: list[PlatformProfile], w: _Words) -> str:
    """Concrete changes that make the plan fit: drop a network no goal depends on, post
    less, or find hours."""
    t, n = w.t, w.fmt.integer
    drop: PlatformProfile | None = None
    if len(profiles) > 1:
        # Of the networks no goal runs on and whose removal makes the plan fit, drop the one
        # that loses least.
        keep = {p.id for p in protected}
        fits = [(whole_hours(hours_needed([q for q in profiles if q is not p], posts)), i, p)
                for i, p in enumerate(profiles) if p.id not in keep]
        fits = [f for f in fits if f[0] <= available]
        if fits:
            drop = max(fits, key=lambda f: (f[0], -f[1]))[2]
    monitoring = sum(p.monitoring_hours_per_month for p in profiles)
    minutes = sum(p.minutes_per_post for p in profiles) / len(profiles)
    fitting = math.floor((available - monitoring) * 60 / minutes)
    fewer_posts = 4 <= fitting < posts  # at least 4: never "1 posts"
    if drop is not None and fewer_posts:
        return t("Drop {name}, which none of your goals depends on, or cut to about {posts} "
                 "posts a month.").format(name=drop.name, posts=n(fitting))
    if drop is not None:
        return t("Drop {name}, which none of your goals depends on, or find more time before "
                 "you start.").format(name=drop.name)
    if fewer_posts:
        return t("Cut to about {posts} posts a month, or find more time before you "
                 "start.").format(posts=n(fitting))
    if protected and len(profiles) > 1:
        return t("Find a few more hours a week: your goals depend on each of these "
                 "networks, so keep them and post less often on each.")
    return t("Find a few more hours a week, or start with one network and a post a week.")


# --- the policy ----------------------------------------------------------------------------


def _task_label(task: TaskKind) -> str:
    return load_labels()[task.value].lower()


def policy_gaps(project: Project, lang: str | None = None) -> list[PolicyGap]:
    """The open decisions of the policy as printed, in print order (messages in ``lang``,
    the UI language when None).

    Exactly the "Not decided yet" markers of the policy document: each carries the wizard
    page id and the answer path it stands for. So "complete" means the printed policy has no
    open marker, and the two can never disagree.
    """
    from smready.rendering.policy import build_policy, open_decisions

    return [PolicyGap(section=g.section, field=g.field, message=g.message)
            for g in open_decisions(build_policy(project, _t(lang)))]


def policy_complete(project: Project) -> bool:
    """Whether the printed policy has no open marker (the same in every language)."""
    return not policy_gaps(project, "en")


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
