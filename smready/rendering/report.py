"""The readiness report: score, level, radar chart, the six points with the user's notes,
the SMART goals, recommendations (with the actions made of them, and what the policy or the
goals already settle), the resource check and the action plan.

Everything a recommendation says comes from ``smready.scoring.score``, the same function
the app's results panel shows, so the paper and the screen cannot disagree.
"""

from __future__ import annotations

import datetime as dt

from smready.domain import (
    Action,
    Goal,
    Project,
    ReadinessResult,
    Recommendation,
    TierMatch,
    smart_gaps,
)
from smready.i18n import _
from smready.rendering.charts import radar_svg
from smready.rendering.context import format_date, format_number, load_logo
from smready.rendering.model import (
    Block,
    Bullets,
    Cell,
    Chart,
    Document,
    Gap,
    Note,
    Section,
    Table,
    Text,
)


def _summary(result: ReadinessResult) -> list[Block]:
    blocks: list[Block] = [
        Text(lead=_("Overall score:"), text=_("{score} of 100").format(
            score=round(result.overall))),
        Text(lead=_("Level:"), text=f"{result.level.name} — {result.level.meaning}"),
        Text(lead=_("Questions answered:"), text=_("{n} of {total}").format(
            n=result.answered, total=result.total)),
    ]
    if result.level.capped_by:
        blocks.append(Note(lead=_("Why the level is held back:"),
                           text=" ".join(result.level.capped_by)))
    blocks.append(Chart(svg=radar_svg(result), alt=_(
        "Radar chart of the six readiness points: {scores}").format(scores=", ".join(
            f"{p.title} {round(p.score)}" for p in result.points))))
    return blocks


def _points(result: ReadinessResult, project: Project) -> list[Section]:
    notes = project.readiness.notes
    sections = []
    for point in result.points:
        blocks: list[Block] = [
            Text(lead=_("Score:"), text=_("{score} of 100 ({n} of {total} questions "
                                          "answered)").format(
                score=round(point.score), n=point.answered, total=point.total)),
            Text(lead=_("Why it matters:"), text=point.why),
        ]
        if point.note:
            blocks.append(Text(point.note))
        note = notes.get(point.id, "").strip()
        if note:
            blocks.append(Note(lead=_("Your notes:"), text=note))
        sections.append(Section(id=f"p-{point.id}", title=f"{point.number}. {point.title}",
                                blocks=tuple(blocks), level=2))
    return sections


def _action_for(project: Project, question: str) -> Action | None:
    """The action made of a recommendation (the open one first, else the latest done)."""
    made = [a for a in project.actions if a.question == question]
    return next((a for a in made if not a.done), made[-1] if made else None)


def _action_text(action: Action) -> str:
    owner = action.owner.strip() or _("nobody yet")
    if action.done:
        return _("Done: {title} ({owner}).").format(title=_stop(action.title), owner=owner)
    if action.due is None:
        return _("In the action plan: {title} — {owner}, no date yet.").format(
            title=_stop(action.title), owner=owner)
    return _("In the action plan: {title} — {owner}, by {date}.").format(
        title=_stop(action.title), owner=owner, date=format_date(action.due))


def _stop(text: str) -> str:
    """User text inside our sentence: no doubled final stop."""
    return " ".join(text.split()).rstrip(" .")


def _recommendation_item(rec: Recommendation, project: Project, *, settled: bool = False
                         ) -> Text:
    text = rec.settled_note if settled else rec.text
    action = _action_for(project, rec.question)
    if action is not None:
        text += "\n" + _action_text(action)
    return Text(lead=f"{rec.point_title}:", text=text)


def _recommendations(result: ReadinessResult, project: Project) -> list[Block]:
    recs = sorted(result.recommendations, key=lambda r: r.impact, reverse=True)
    blocks: list[Block]
    if not recs:
        blocks = [Text(_("No recommendations: every point is in good shape. Keep measuring and "
                         "review the policy on schedule."))]
    else:
        blocks = [
            Text(_("Most important first. Each one raises the score of the point named.")),
            Bullets(numbered=True, items=tuple(_recommendation_item(r, project) for r in recs)),
        ]
    if result.settled:
        order = {p.id: p.number for p in result.points}
        settled = sorted(result.settled, key=lambda r: order.get(r.point, 0))
        blocks += [
            Text(lead=_("Already settled:"), text=_(
                "your checklist answers still count these as weak, but your policy or your "
                "goals settle them. Update those answers when you next go through the "
                "checklist.")),
            Bullets(items=tuple(_recommendation_item(r, project, settled=True)
                                for r in settled)),
        ]
    return blocks


def _goal_rows(project: Project) -> list[tuple[Cell, ...]]:
    from smready.glossary import goal_type_name

    rows: list[tuple[Cell, ...]] = []
    for goal in project.goals:
        kind = goal_type_name(goal.goal_type.value, project.organization)
        if goal.relevance.strip():
            kind += "\n" + _("Serves: {why}").format(why=goal.relevance.strip())
        figure = " — ".join(x for x in (goal.platform.strip(), goal.metric.strip()) if x)
        rows.append((
            Cell(kind),
            Cell(figure) if figure else Cell(_("Not set yet"), gap=True),
            Cell(_("{baseline} → {target}").format(baseline=_figure(goal.baseline),
                                                  target=_figure(goal.target))),
            Cell(format_date(goal.deadline)) if goal.deadline
            else Cell(_("No date yet"), gap=True),
            Cell(_smart_text(goal, project)),
        ))
    return rows


def _figure(value: float | None) -> str:
    return "?" if value is None else format_number(value)


def _smart_text(goal: Goal, project: Project) -> str:
    gaps = smart_gaps(goal, kind=project.organization.kind)
    if not gaps:
        return _("SMART")
    return _("Missing {letters}").format(letters=", ".join(g.letter for g in gaps))


def _goals(project: Project) -> list[Block]:
    if not project.goals:
        return [Gap(_("No goals set yet. Write down what social media should achieve, with "
                      "the network, the figure, today's value, the target and a date."))]
    return [
        Text(_("What social media should achieve, each with the figure to watch, today's value, "
               "the target and the date to reach it:")),
        Table(columns=(_("Goal"), _("Network and figure"), _("Today → target"), _("By"),
                       _("Check")),
              rows=tuple(_goal_rows(project)), widths=(31, 29, 14, 14, 12)),
    ]


def _price_note(tier: TierMatch, currency: str) -> str:
    """Where the agency prices come from, said plainly (they are not local quotes)."""
    from smready.content import load_tier_prices

    prices = load_tier_prices()
    if tier.converted:
        return _("Agency prices are US market figures from our source, converted at about "
                 "1 {base} = {rate} {currency} ({when}) and rounded; prices near you may "
                 "differ.").format(base=prices.currency, rate=f"{prices.rates[tier.currency]:g}",
                                   currency=tier.currency, when=prices.as_of)
    if tier.currency != currency:
        return _("Agency prices are US market figures in US dollars; prices near you may "
                 "differ.")
    return _("Agency prices are typical US market figures; prices near you may differ.")


def _resources(result: ReadinessResult, currency: str) -> list[Block]:
    res = result.resources
    from smready.content import platform_name

    rows: list[tuple[Cell, Cell]] = [
        (Cell(_("Platforms")), Cell(", ".join(platform_name(p) for p in res.platforms)
                                    or _("none chosen yet"))),
        (Cell(_("Posts a month")), Cell(format_number(res.posts_per_month))),
        (Cell(_("Hours needed a month")), Cell(format_number(res.hours_needed_per_month))),
        (Cell(_("Hours available a month")),
         Cell(format_number(res.hours_available_per_month))
         if res.hours_available_per_month is not None
         else Cell(_("Not answered yet"), gap=True)),
    ]
    if res.enough is not None:
        rows.append((Cell(_("Enough time?")), Cell(_("Yes") if res.enough else _("No"))))
    if res.tier is not None:
        rows.append((Cell(_("Comparable agency service")),
                     Cell(f"{res.tier.name}: {res.tier.cost_text}")))
    blocks: list[Block] = [Table(columns=(_("Item"), _("Figure")), rows=tuple(rows),
                                 widths=(40, 60))]
    if res.message:
        blocks.append(Text(res.message))
    if res.tier is not None:
        blocks.append(Text(_price_note(res.tier, currency)))
    blocks.append(Text(_("The accounts are free; the time to run them is the real cost. "
                         "Social media is continuous work, not a campaign of a few weeks.")))
    return blocks


def _actions(project: Project) -> list[Block]:
    if not project.actions:
        return [Gap(_("No actions planned yet. Pick the top recommendations above and give "
                      "each an owner and a date."))]
    today = dt.date.today()
    rows = []
    for action in project.actions:
        overdue = action.due is not None and action.due < today and not action.done
        due = format_date(action.due) if action.due else "—"
        if overdue:
            due += " " + _("(overdue)")
        rows.append((Cell(action.title.strip()),
                     Cell(action.owner.strip()) if action.owner.strip()
                     else Cell(_("Nobody yet"), gap=True),
                     Cell(due), Cell(_("Done") if action.done else _("Open"))))
    return [Table(columns=(_("Action"), _("Owner"), _("Due"), _("Status")), rows=tuple(rows),
                  widths=(50, 20, 18, 12))]


def build_report(project: Project) -> Document:
    from smready.money import currency_for
    from smready.scoring import score

    result = score(project)
    currency = currency_for(project.organization.country)
    org = project.organization.name.strip()
    sections = [
        Section(id="summary", title=_("Summary"), blocks=tuple(_summary(result))),
        Section(id="points", title=_("The six points"), blocks=(Text(_(
            "Each point is a question to answer \u201cyes\u201d before the first official "
            "post.")),)),
        *_points(result, project),
        Section(id="goals", title=_("Goals"), blocks=tuple(_goals(project))),
        Section(id="recommendations", title=_("What to do next"),
                blocks=tuple(_recommendations(result, project))),
        Section(id="resources", title=_("Time and money"),
                blocks=tuple(_resources(result, currency))),
        Section(id="actions", title=_("Action plan"), blocks=tuple(_actions(project))),
    ]
    return Document(
        kind="report",
        title=_("Social media readiness report"),
        organization=org,
        subject=_("Whether {org} is ready for social media, and what to do next.")
        .format(org=org),
        lang=project.language,
        cover_facts=(
            (_("Date"), format_date(dt.date.today())),
            (_("Overall score"), _("{score} of 100").format(score=round(result.overall))),
            (_("Level"), result.level.name),
        ),
        sections=tuple(sections),
        logo=load_logo(project.organization.logo_to_embed),
        keywords=(_("social media readiness"), org),
    )
