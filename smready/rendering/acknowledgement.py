"""The acknowledgement sheet.

Design: one page per named person (spokespeople, people in the responsibilities table and
ambassadors, de-duplicated, in that order) with their name printed, followed by a roster
page of blank rows for everyone else (new staff, volunteers). When nobody is named yet the
sheet is the roster alone, with ten blank rows.
"""

from __future__ import annotations

from smready.domain import Project
from smready.i18n import _
from smready.rendering.context import format_date, load_logo
from smready.rendering.model import Block, Cell, Document, Section, Signature, Table, Text

BLANK_ROWS_NOBODY_NAMED = 10
BLANK_ROWS_AFTER_NAMES = 8


def people_to_sign(project: Project) -> list[str]:
    pol = project.policy
    names = [s.name for s in pol.spokespeople]
    names += [r.person for r in pol.responsibilities] + [r.backup for r in pol.responsibilities]
    names += list(pol.training.ambassadors)
    seen: set[str] = set()
    people = []
    for name in names:
        clean = " ".join(name.split())
        key = clean.casefold()
        if clean and key not in seen:
            seen.add(key)
            people.append(clean)
    return people


def build_acknowledgement(project: Project) -> Document:
    org = project.organization.name.strip()
    rev = project.policy.review
    policy_title = _("Social media policy of {org}").format(org=org)
    version = rev.version.strip() or "—"
    effective = format_date(rev.effective_date) or _("the date it is approved")
    statement = _(
        "I have read and understood the social media policy of {org}, version {version}, "
        "effective from {date}. I know whom to ask when I am unsure, and I agree to follow "
        "it. I understand that nothing in the policy limits my right to discuss pay or "
        "working conditions.").format(org=org, version=version, date=effective)
    facts: list[Block] = [
        Text(lead=_("Policy:"), text=policy_title),
        Text(lead=_("Version:"), text=version),
        Text(lead=_("Effective from:"), text=effective),
    ]
    sections: list[Section] = []
    people = people_to_sign(project)
    for index, person in enumerate(people):
        sections.append(Section(
            id=f"ack{index + 1}",
            title=_("Acknowledgement — {name}").format(name=person),
            blocks=(*facts, Text(statement),
                    Signature(lines=((_("Name"), person), (_("Signature"), ""),
                                     (_("Date"), "")))),
            page_break=index > 0, in_toc=False))
    blank = BLANK_ROWS_AFTER_NAMES if people else BLANK_ROWS_NOBODY_NAMED
    roster_intro = _("By signing below, each person confirms: {statement}").format(
        statement=statement)
    sections.append(Section(
        id="roster",
        title=_("Acknowledgement — signatures") if not people
        else _("Acknowledgement — further signatures"),
        blocks=(*facts, Text(roster_intro), Table(
            columns=(_("Name"), _("Role"), _("Signature"), _("Date")),
            rows=tuple((Cell(""), Cell(""), Cell(""), Cell("")) for _row in range(blank)),
            widths=(30, 20, 32, 18), roster=True)),
        page_break=bool(people), in_toc=False))
    return Document(
        kind="acknowledgement",
        title=_("Policy acknowledgement"),
        organization=org,
        subject=_("Signatures confirming that people have read the social media policy of "
                  "{org}.").format(org=org),
        lang=project.language,
        cover_facts=(),
        sections=tuple(sections),
        toc=False,
        cover=False,
        logo=load_logo(project.organization.logo_path),
        keywords=(_("acknowledgement"), org),
    )
