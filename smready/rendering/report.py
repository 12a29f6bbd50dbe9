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
from smready.formatting import Formats, formats
from smready.i18n import Translation, translation
from smready.rendering.charts import SHAPED_LANGUAGES, radar_svg
from smready.rendering.context import load_logo
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


def _summary(result: ReadinessResult, t: Translation, fmt: Formats) -> list[Block]:
    blocks: list[Block] = [
        Text(lead=t("Overall score:"), text=t("{score} of 100").format(
            score=fmt.integer(round(result.overall)))),
        Text(lead=t("Level:"), text=t("{level} — {meaning}").format(
            level=result.level.name, meaning=result.level.meaning)),
        Text(lead=t("Questions answered:"), text=t("{n} of {total}").format(
            n=fmt.integer(result.answered), total=fmt.integer(result.total))),
    ]
    if result.level.capped_by:
        blocks.append(Note(lead=t("Why the level is held back:"),
                           text=" ".join(result.level.capped_by)))
    blocks.append(Chart(svg=radar_svg(result, t=t, compact=t.lang in SHAPED_LANGUAGES), alt=t(
        "Radar chart of the six readiness points: {scores}").format(scores=", ".join(
            f"{p.title} {fmt.integer(round(p.score))}" for p in result.points))))
    return blocks


def _points(result: ReadinessResult, project: Project, t: Translation, fmt: Formats
            ) -> list[Section]:
    notes = project.readiness.notes
    sections = []
    for point in result.points:
        blocks: list[Block] = [
            Text(lead=t("Score:"), text=t("{score} of 100 ({n} of {total} questions "
                                          "answered)").format(
                score=fmt.integer(round(point.score)), n=fmt.integer(point.answered),
                total=fmt.integer(point.total))),
            Text(lead=t("Why it matters:"), text=point.why),
        ]
        if point.note:
            blocks.append(Text(point.note))
        note = notes.get(point.id, "").strip()
        if note:
            blocks.append(Note(lead=t("Your notes:"), text=note))
        sections.append(Section(id=f"p-{point.id}",
                                title=f"{fmt.integer(point.number)}. {point.title}",
                                blocks=tuple(blocks), level=2))
    return sections


def _action_for(project: Project, question: str) -> Action | None:
    """The action made of a recommendation (the open one first, else the latest done)."""
    made = [a for a in project.actions if a.question == question]
    return next((a for a in made if not a.done), made[-1] if made else None)


def _action_text(action: Action, t: Translation, fmt: Formats) -> str:
    owner = action.owner.strip() or t("nobody yet")
    if action.done:
        return t("Done: {title} ({owner}).").format(title=_stop(action.title), owner=owner)
    if action.due is None:
        return t("In the action plan: {title} — {owner}, no date yet.").format(
            title=_stop(action.title), owner=owner)
    return t("In the action plan: {title} — {owner}, by {date}.").format(
        title=_stop(action.title), owner=owner, date=fmt.date(action.due))


def _stop(text: str) -> str:
    """User text inside our sentence: no doubled final stop."""
    return " ".join(text.split()).rstrip(" .")


def _recommendation_item(rec: Recommendation, project: Project, t: Translation, fmt: Formats,
                         *, settled: bool = False) -> Text:
    text = rec.settled_note if settled else rec.text
    action = _action_for(project, rec.question)
    if action is not None:
        text += "\n" + _action_text(action, t, fmt)
    return Text(lead=f"{rec.point_title}:", text=text)


def _recommendations(result: ReadinessResult, project: Project, t: Translation, fmt: Formats
                     ) -> list[Block]:
    recs = sorted(result.recommendations, key=lambda r: r.impact, reverse=True)
    blocks: list[Block]
    if not recs:
        blocks = [Text(t("No recommendations: every point is in good shape. Keep measuring and "
                         "review the policy on schedule."))]
    else:
        blocks = [
            Text(t("Most important first. Each one raises the score of the point named.")),
            Bullets(numbered=True,
                    items=tuple(_recommendation_item(r, project, t, fmt) for r in recs)),
        ]
    if result.settled:
        order = {p.id: p.number for p in result.points}
        settled = sorted(result.settled, key=lambda r: order.get(r.point, 0))
        blocks += [
            Text(lead=t("Already settled:"), text=t(
                "your checklist answers still count these as weak, but your policy or your "
                "goals settle them. Update those answers when you next go through the "
                "checklist.")),
            Bullets(items=tuple(_recommendation_item(r, project, t, fmt, settled=True)
                                for r in settled)),
        ]
    return blocks


def _goal_rows(project: Project, t: Translation, fmt: Formats) -> list[tuple[Cell, ...]]:
    from smready.content import platform_name
    from smready.glossary import goal_type_name

    rows: list[tuple[Cell, ...]] = []
    for goal in project.goals:
        kind = goal_type_name(goal.goal_type.value, project.organization, t.lang)
        if goal.relevance.strip():
            kind += "\n" + t("Serves: {why}").format(why=goal.relevance.strip())
        # The goals page stores a network picked from its list by id ("google_business").
        network = platform_name(goal.platform.strip(), t.lang) if goal.platform.strip() else ""
        figure = (t("{network} — {figure}").format(network=network, figure=goal.metric.strip())
                  if network and goal.metric.strip() else network or goal.metric.strip())
        rows.append((
            Cell(kind),
            Cell(figure) if figure else Cell(t("Not set yet"), gap=True),
            Cell(t("{baseline} → {target}").format(baseline=_figure(goal.baseline, fmt),
                                                  target=_figure(goal.target, fmt))),
            Cell(fmt.cell_date(goal.deadline)) if goal.deadline
            else Cell(t("No date yet"), gap=True),
            Cell(_smart_text(goal, project, t)),
        ))
    return rows


def _figure(value: float | None, fmt: Formats) -> str:
    return "?" if value is None else fmt.number(value)


def _smart_text(goal: Goal, project: Project, t: Translation) -> str:
    gaps = smart_gaps(goal, kind=project.organization.kind)
    if not gaps:
        return t("SMART")
    return t("Missing {letters}").format(letters=", ".join(g.letter for g in gaps))


def _goals(project: Project, t: Translation, fmt: Formats) -> list[Block]:
    if not project.goals:
        return [Gap(t("No goals set yet. Write down what social media should achieve, with "
                      "the network, the figure, today's value, the target and a date."))]
    return [
        Text(t("What social media should achieve, each with the figure to watch, today's value, "
               "the target and the date to reach it:")),
        Table(columns=(t("Goal"), t("Network and figure"), t("Today → target"), t("By"),
                       t("Check")),
              rows=tuple(_goal_rows(project, t, fmt)), widths=(31, 29, 14, 14, 12)),
    ]


def _price_note(tier: TierMatch, currency: str, t: Translation, fmt: Formats) -> str:
    """Where the agency prices come from, said plainly (they are not local quotes)."""
    from smready.content import load_tier_prices

    prices = load_tier_prices()
    if tier.converted:
        return t("Agency prices are US market figures from our source, converted at about "
                 "1 {base} = {rate} {currency} ({when}) and rounded; prices near you may "
                 "differ.").format(base=prices.currency,
                                   rate=fmt.decimal(prices.rates[tier.currency]),
                                   currency=tier.currency, when=fmt.month(prices.as_of))
    if tier.currency != currency:
        return t("Agency prices are US market figures in US dollars; prices near you may "
                 "differ.")
    return t("Agency prices are typical US market figures; prices near you may differ.")


def _resources(result: ReadinessResult, currency: str, t: Translation, fmt: Formats
               ) -> list[Block]:
    res = result.resources
    from smready.content import platform_name

    rows: list[tuple[Cell, Cell]] = [
        (Cell(t("Platforms")), Cell(", ".join(platform_name(p, t.lang) for p in res.platforms)
                                    or t("none chosen yet"))),
        (Cell(t("Posts a month")), Cell(fmt.number(res.posts_per_month))),
        (Cell(t("Hours needed a month")), Cell(fmt.number(res.hours_needed_per_month))),
        (Cell(t("Hours available a month")),
         Cell(fmt.number(res.hours_available_per_month))
         if res.hours_available_per_month is not None
         else Cell(t("Not answered yet"), gap=True)),
    ]
    if res.enough is not None:
        rows.append((Cell(t("Enough time?")), Cell(t("Yes") if res.enough else t("No"))))
    if res.tier is not None:
        rows.append((Cell(t("Comparable agency service")),
                     Cell(f"{res.tier.name}: {res.tier.cost_text}")))
    blocks: list[Block] = [Table(columns=(t("Item"), t("Figure")), rows=tuple(rows),
                                 widths=(40, 60))]
    if res.message:
        blocks.append(Text(res.message))
    if res.tier is not None:
        blocks.append(Text(_price_note(res.tier, currency, t, fmt)))
    blocks.append(Text(t("The accounts are free; the time to run them is the real cost. "
                         "Social media is continuous work, not a campaign of a few weeks.")))
    return blocks


def _actions(project: Project, t: Translation, fmt: Formats) -> list[Block]:
    if not project.actions:
        return [Gap(t("No actions planned yet. Pick the top recommendations above and give "
                      "each an owner and a date."))]
    today = dt.date.today()
    rows = []
    for action in project.actions:
        overdue = action.due is not None and action.due < today and not action.done
        due = fmt.cell_date(action.due) if action.due else "—"
        if overdue:
            due += " " + t("(overdue)")
        rows.append((Cell(action.title.strip()),
                     Cell(action.owner.strip()) if action.owner.strip()
                     else Cell(t("Nobody yet"), gap=True),
                     Cell(due), Cell(t("Done") if action.done else t("Open"))))
    return [Table(columns=(t("Action"), t("Owner"), t("Due"), t("Status")), rows=tuple(rows),
                  widths=(50, 20, 18, 12))]


def build_report(project: Project, t: Translation | None = None) -> Document:
    """The readiness report in the language of ``t`` (the document language when None)."""
    from smready.domain import document_language
    from smready.money import currency_for
    from smready.scoring import score

    t = t or translation(document_language(project))
    fmt = formats(t.lang, project.organization.country)
    result = score(project, lang=t.lang)
    currency = currency_for(project.organization.country)
    org = project.organization.name.strip()
    sections = [
        Section(id="summary", title=t("Summary"), blocks=tuple(_summary(result, t, fmt))),
        Section(id="points", title=t("The six points"), blocks=(Text(t(
            "Each point is a question to answer \u201cyes\u201d before the first official "
            "post.")),)),
        *_points(result, project, t, fmt),
        Section(id="goals", title=t("Goals"), blocks=tuple(_goals(project, t, fmt))),
        Section(id="recommendations", title=t("What to do next"),
                blocks=tuple(_recommendations(result, project, t, fmt))),
        Section(id="resources", title=t("Time and money"),
                blocks=tuple(_resources(result, currency, t, fmt))),
        Section(id="actions", title=t("Action plan"), blocks=tuple(_actions(project, t, fmt))),
    ]
    return Document(
        kind="report",
        title=t("Social media readiness report"),
        organization=org,
        subject=t("Whether {org} is ready for social media, and what to do next.")
        .format(org=org),
        lang=t.lang,
        cover_facts=(
            (t("Date"), fmt.date(dt.date.today())),
            (t("Overall score"), t("{score} of 100").format(
                score=fmt.integer(round(result.overall)))),
            (t("Level"), result.level.name),
        ),
        sections=tuple(sections),
        logo=load_logo(project.organization.logo_to_embed),
        keywords=(t("social media readiness"), org),
    )
