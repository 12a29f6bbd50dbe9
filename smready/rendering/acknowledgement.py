"""The acknowledgement sheet.

Design: one page per named person (spokespeople, people in the responsibilities table and
ambassadors, de-duplicated, in that order), handed out and filed on its own: it carries the
person's name and role, their part in the policy, the policy version and dates, and the
signature lines. A roster follows for everyone else (new staff, volunteers), with as many
rows as the organization's size suggests (at least 20 for a nonprofit, whose volunteers sign
too). Each page's footer names the policy and its version instead of "Page 3 of 5".

A policy that is not complete cannot be signed: the sheet then says so, lists what is still
to decide, and has no signature lines.
"""

from __future__ import annotations

from smready.domain import OrgKind, PolicyGap, Project, SizeBand, TaskKind
from smready.formatting import Formats, formats
from smready.i18n import Translation, translation
from smready.rendering.context import add_months, load_logo
from smready.rendering.model import (
    Block,
    Bullets,
    Cell,
    Document,
    Note,
    Section,
    Signature,
    Table,
    Text,
)

# Blank roster rows by organization size: enough for everyone without a sheet of their own.
ROSTER_ROWS: dict[SizeBand, int] = {
    SizeBand.SOLO: 5,
    SizeBand.MICRO: 10,
    SizeBand.SMALL: 25,
    SizeBand.MEDIUM: 40,
    SizeBand.LARGE: 60,
}
MIN_ROWS_NONPROFIT = 20


def _clean(name: str) -> str:
    return " ".join(name.split())


def people_to_sign(project: Project) -> list[str]:
    pol = project.policy
    names = [s.name for s in pol.spokespeople]
    names += [r.person for r in pol.responsibilities] + [r.backup for r in pol.responsibilities]
    names += list(pol.training.ambassadors)
    seen: set[str] = set()
    people = []
    for name in names:
        clean = _clean(name)
        key = clean.casefold()
        if clean and key not in seen:
            seen.add(key)
            people.append(clean)
    return people


def roster_rows(project: Project) -> int:
    rows = ROSTER_ROWS.get(project.organization.size_band, 10)
    if project.organization.kind is OrgKind.NONPROFIT:
        rows = max(rows, MIN_ROWS_NONPROFIT)
    return rows


def _same(a: str, b: str) -> bool:
    return _clean(a).casefold() == _clean(b).casefold() != ""


def role_of(project: Project, person: str) -> str:
    """The person's job title as the project gives it (spokespeople, crisis contacts, the
    organization's contact, the approver), or "" when the project does not say."""
    pol = project.policy
    candidates = [s.role for s in pol.spokespeople if _same(s.name, person)]
    candidates += [c.role for c in pol.escalation.crisis_contacts if _same(c.name, person)]
    contact = project.organization.contact
    if _same(contact.name, person):
        candidates.append(contact.role)
    if _same(pol.review.approver, person):
        candidates.append(pol.review.approver_role)
    return next((_clean(c) for c in candidates if c.strip()), "")


def parts_of(project: Project, person: str, t: Translation) -> list[str]:
    """What the policy asks of this person, one short phrase each."""
    from smready.content import task_label

    pol = project.policy
    parts: list[str] = []
    for spokesperson in pol.spokespeople:
        if _same(spokesperson.name, person):
            topics = _clean(spokesperson.topics).rstrip(".")
            parts.append(t("Speaks for the organization ({topics})").format(topics=topics)
                         if topics else t("Speaks for the organization"))
            if spokesperson.may_approve_posts:
                parts.append(t("Approves posts before they go out"))
    for item in pol.responsibilities:
        label = task_label(item.task, t.lang)
        if _same(item.person, person):
            parts.append(label)
        elif _same(item.backup, person):
            parts.append(t("{task} (backup)").format(task=label))
    if any(_same(c.name, person) for c in pol.escalation.crisis_contacts):
        parts.append(t("Crisis contact"))
    if any(_same(a, person) for a in pol.training.ambassadors):
        parts.append(t("Social media ambassador"))
    return list(dict.fromkeys(parts))


def _ask(project: Project) -> str:
    for item in project.policy.responsibilities:
        if item.task is TaskKind.POINT_PERSON and item.person.strip():
            return _clean(item.person)
    return _clean(project.policy.review.approver) or _clean(project.organization.contact.name)


def _policy_facts(project: Project, t: Translation, fmt: Formats) -> list[Block]:
    rev = project.policy.review
    org = project.organization.name.strip()
    facts: list[Block] = [
        Text(lead=t("Policy:"), text=t("Social media policy of {org}").format(org=org)),
        Text(lead=t("Version:"), text=rev.version.strip()),
        Text(lead=t("Effective from:"), text=fmt.date(rev.effective_date)),
    ]
    if rev.effective_date is not None:
        facts.append(Text(lead=t("Next review:"), text=fmt.date(
            add_months(rev.effective_date, rev.cadence_months))))
    return facts


def _statement(project: Project, t: Translation, fmt: Formats) -> str:
    rev = project.policy.review
    return t(
        "I have read and understood the social media policy of {org}, version {version}, "
        "effective from {date}. I know whom to ask when I am unsure, and I agree to follow "
        "it.").format(org=project.organization.name.strip(), version=rev.version.strip(),
                      date=fmt.date(rev.effective_date))


def _person_section(project: Project, index: int, person: str, t: Translation,
                    fmt: Formats) -> Section:
    role = role_of(project, person)
    parts = parts_of(project, person, t)
    blocks: list[Block] = [*_policy_facts(project, t, fmt)]
    if parts:
        blocks += [Text(lead=t("Your part in this policy:"), text=""),
                   Bullets(items=tuple(Text(p) for p in parts))]
    ask = _ask(project)
    if ask and not _same(ask, person):
        blocks.append(Text(lead=t("Questions:"), text=t(
            "ask {who} whenever you are unsure what to post or how to answer.").format(who=ask)))
    blocks += [
        Text(_statement(project, t, fmt)),
        Signature(lines=((t("Name"), person), (t("Role"), role), (t("Signature"), ""),
                         (t("Date"), ""))),
    ]
    return Section(id=f"ack{index + 1}",
                   title=t("Acknowledgement — {name}").format(name=person),
                   blocks=tuple(blocks), page_break=index > 0, in_toc=False)


def _draft_sections(gaps: list[PolicyGap], t: Translation) -> list[Section]:
    return [Section(
        id="draft",
        title=t("This policy cannot be signed yet"),
        blocks=(
            Note(lead=t("Draft — not yet approved."), text=t(
                "Nobody should sign for a policy that is still being written. Print this "
                "sheet again once the policy is complete and approved; it will then have a "
                "page for each person named in it and a list for everyone else.")),
            Text(lead=t("Still to decide:"), text=""),
            Bullets(items=tuple(Text(g.message) for g in gaps)),
        ),
        in_toc=False)]


def _footer(project: Project, t: Translation, fmt: Formats) -> str:
    rev = project.policy.review
    return t("Social media policy of {org} — version {version}, effective {date}").format(
        org=project.organization.name.strip(), version=rev.version.strip(),
        date=fmt.date(rev.effective_date))


def build_acknowledgement(project: Project, t: Translation | None = None) -> Document:
    """The acknowledgement sheet in the language of ``t`` (the document language when
    None)."""
    from smready.domain import document_language
    from smready.scoring import policy_gaps

    t = t or translation(document_language(project))
    fmt = formats(t.lang, project.organization.country)
    org = project.organization.name.strip()
    gaps = policy_gaps(project, t.lang)
    complete = not gaps
    sections: list[Section] = []
    if not complete:
        sections = _draft_sections(gaps, t)
    else:
        people = people_to_sign(project)
        sections = [_person_section(project, i, p, t, fmt) for i, p in enumerate(people)]
        roster_intro = t("By signing below, each person confirms: {statement}").format(
            statement=_statement(project, t, fmt))
        sections.append(Section(
            id="roster",
            title=t("Acknowledgement — signatures") if not people
            else t("Acknowledgement — further signatures"),
            blocks=(*_policy_facts(project, t, fmt), Text(roster_intro), Table(
                columns=(t("Name"), t("Role"), t("Signature"), t("Date")),
                rows=tuple((Cell(""), Cell(""), Cell(""), Cell(""))
                           for _row in range(roster_rows(project))),
                widths=(30, 20, 32, 18), roster=True)),
            page_break=bool(people), in_toc=False))
    return Document(
        kind="acknowledgement",
        title=t("Policy acknowledgement"),
        organization=org,
        subject=t("Signatures confirming that people have read the social media policy of "
                  "{org}.").format(org=org),
        lang=t.lang,
        cover_facts=(),
        sections=tuple(sections),
        toc=False,
        cover=False,
        logo=load_logo(project.organization.logo_to_embed),
        keywords=(t("acknowledgement"), org),
        draft=not complete,
        footer=_footer(project, t, fmt) if complete else None,
    )
