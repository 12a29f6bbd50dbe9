"""The readiness report: score, level, radar chart, the six points, recommendations,
the resource check and the action plan."""

from __future__ import annotations

import datetime as dt

from smready.domain import Project, ReadinessResult
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


def _points(result: ReadinessResult) -> list[Section]:
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
        sections.append(Section(id=f"p-{point.id}", title=f"{point.number}. {point.title}",
                                blocks=tuple(blocks), level=2))
    return sections


def _recommendations(result: ReadinessResult) -> list[Block]:
    recs = sorted(result.recommendations, key=lambda r: r.impact, reverse=True)
    if not recs:
        return [Text(_("No recommendations: every point is in good shape. Keep measuring and "
                       "review the policy on schedule."))]
    return [
        Text(_("Most important first. Each one raises the score of the point named.")),
        Bullets(numbered=True, items=tuple(
            Text(lead=f"{r.point_title}:", text=r.text) for r in recs)),
    ]


def _resources(result: ReadinessResult) -> list[Block]:
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
    from smready.scoring import score

    result = score(project)
    org = project.organization.name.strip()
    sections = [
        Section(id="summary", title=_("Summary"), blocks=tuple(_summary(result))),
        Section(id="points", title=_("The six points"), blocks=(Text(_(
            "Each point is a question to answer \u201cyes\u201d before the first official "
            "post.")),)),
        *_points(result),
        Section(id="recommendations", title=_("What to do next"),
                blocks=tuple(_recommendations(result))),
        Section(id="resources", title=_("Time and money"), blocks=tuple(_resources(result))),
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
        logo=load_logo(project.organization.logo_path),
        keywords=(_("social media readiness"), org),
    )
