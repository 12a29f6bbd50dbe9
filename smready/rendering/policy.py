"""The social media policy, assembled from the clause library as a structured ``Document``.

The wording lives in ``resources/policy_clauses.yaml``: each section is a list of clauses,
each with the conditions under which it applies (kind of organization, place, privacy law,
answers). This module loads and checks that file, works out the facts the conditions ask
about, builds the parts that come from the answers (tables, the goal list) and joins the
user's own text in whole sentences. Words follow the organization's kind and spelling its
country (``smready.glossary``).

A decision the user left open is printed as a "Not decided yet" box or cell that carries the
wizard page and the answer path it stands for; ``open_decisions`` lists them, and
``smready.scoring.policy_gaps`` is exactly that list.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING, Any

import yaml

from smready.domain import (
    Consequence,
    PersonGroup,
    PolicyAnswers,
    PrivacyLaw,
    Project,
    TaskKind,
    WorkTimeRule,
)
from smready.domain.organization import GDPR_COUNTRIES
from smready.glossary import Vocabulary, fill_slots, vocabulary
from smready.i18n import Translation, translation

if TYPE_CHECKING:
    from smready.formatting import Formats
from smready.paths import resource
from smready.rendering.context import add_months, ask_whom, load_logo
from smready.rendering.model import Block, Bullets, Cell, Document, Gap, Note, Section, Table, Text
from smready.yamlfile import safe_load

__all__ = ["ClauseError", "build_policy", "load_clauses", "next_review", "open_decisions",
           "phrase", "sentences"]

# Tasks the "Who does what" table always lists, so a missing person is an open decision.
REQUIRED_TASKS = (TaskKind.POINT_PERSON, TaskKind.POSTING, TaskKind.MONITORING,
                  TaskKind.ANSWERING)

PLACES = ("us", "uk", "eu", "other")
LAWS = tuple(law.value for law in PrivacyLaw)
CONDITION_KEYS = {"kind", "place", "country", "law", "need", "without"}
CLAUSE_KINDS = ("text", "bullets", "numbered", "note", "user", "block", "gap", "subsection")


class ClauseError(Exception):
    """resources/policy_clauses.yaml is malformed: names the section, clause and reason."""


# --- the clause library ----------------------------------------------------------------------


@dataclass(frozen=True)
class When:
    kind: str = ""
    place: tuple[str, ...] = ()
    country: tuple[str, ...] = ()
    law: tuple[str, ...] = ()
    need: tuple[str, ...] = ()
    without: tuple[str, ...] = ()


@dataclass(frozen=True)
class Item:
    text: str
    when: When = When()


@dataclass(frozen=True)
class Clause:
    kind: str
    """One of CLAUSE_KINDS."""
    text: str = ""
    """The text (text/note), the answer path (user), the block name (block), what is open
    (gap) or the title (subsection)."""
    lead: str = ""
    items: tuple[Item, ...] = ()
    gap: str = ""
    """For ``user``: what is open when the answer is empty (no gap when blank)."""
    field: str = ""
    when: When = When()
    drop_if_repeated: bool = False
    """For ``user``: leave the text out when it only repeats the block printed before it."""


@dataclass(frozen=True)
class SectionSpec:
    id: str
    wizard: str
    title: str
    clauses: tuple[Clause, ...]
    when: When = When()


def _tuple(value: Any, where: str) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(value)
    raise ClauseError(f"policy_clauses.yaml: {where}: expected a string or a list of strings")


def _when(raw: Any, where: str) -> When:
    if raw is None:
        return When()
    if not isinstance(raw, dict) or not set(raw) <= CONDITION_KEYS:
        raise ClauseError(f"policy_clauses.yaml: {where}.when: expected a mapping with keys "
                          f"from {sorted(CONDITION_KEYS)}")
    when = When(
        kind=str(raw.get("kind", "")),
        place=_tuple(raw.get("place", []), f"{where}.when.place"),
        country=_tuple(raw.get("country", []), f"{where}.when.country"),
        law=_tuple(raw.get("law", []), f"{where}.when.law"),
        need=_tuple(raw.get("need", []), f"{where}.when.need"),
        without=_tuple(raw.get("without", []), f"{where}.when.without"),
    )
    if when.kind not in ("", "small_business", "nonprofit"):
        raise ClauseError(f"policy_clauses.yaml: {where}.when.kind: unknown kind {when.kind!r}")
    for value, allowed, name in ((when.place, PLACES, "place"), (when.law, LAWS, "law")):
        if not set(value) <= set(allowed):
            raise ClauseError(f"policy_clauses.yaml: {where}.when.{name}: expected some of "
                              f"{list(allowed)}")
    return when


def _items(raw: Any, where: str) -> tuple[Item, ...]:
    if not isinstance(raw, list) or not raw:
        raise ClauseError(f"policy_clauses.yaml: {where}: expected a non-empty list")
    items = []
    for n, entry in enumerate(raw):
        if isinstance(entry, str):
            items.append(Item(entry))
        elif isinstance(entry, dict) and isinstance(entry.get("text"), str):
            items.append(Item(entry["text"], _when(entry.get("when"), f"{where}[{n}]")))
        else:
            raise ClauseError(f"policy_clauses.yaml: {where}[{n}]: expected a text or "
                              "{text, when}")
    return tuple(items)


def _clause(raw: Any, where: str) -> Clause:
    if not isinstance(raw, dict):
        raise ClauseError(f"policy_clauses.yaml: {where}: expected a mapping")
    kinds = [k for k in CLAUSE_KINDS if k in raw]
    if not kinds or (len(kinds) > 1 and kinds != ["user", "gap"]):
        raise ClauseError(f"policy_clauses.yaml: {where}: needs exactly one of "
                          f"{list(CLAUSE_KINDS)}")
    kind = kinds[0]
    when = _when(raw.get("when"), where)
    lead = str(raw.get("lead", ""))
    if kind in ("bullets", "numbered"):
        return Clause(kind=kind, items=_items(raw[kind], f"{where}.{kind}"), when=when)
    text = raw[kind]
    if not isinstance(text, str) or not text.strip():
        raise ClauseError(f"policy_clauses.yaml: {where}.{kind}: expected a non-empty text")
    gap_text = str(raw.get("gap", "")) if kind == "user" else ""
    field_path = str(raw.get("field", ""))
    if (kind == "gap" or gap_text) and not field_path:
        raise ClauseError(f"policy_clauses.yaml: {where}: a gap needs the field it stands for")
    return Clause(kind=kind, text=text.strip(), lead=lead, gap=gap_text, field=field_path,
                  when=when, drop_if_repeated=bool(raw.get("drop_if_repeated", False)))


@cache
def load_clauses() -> tuple[SectionSpec, ...]:
    """The clause library, checked; raises ClauseError naming section, clause and reason."""
    path = resource("policy_clauses.yaml")
    try:
        data: Any = safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise ClauseError(f"{path}: cannot be read: {exc}") from exc
    if not isinstance(data, dict) or not isinstance(data.get("sections"), list):
        raise ClauseError(f"{path}: sections: expected a list")
    specs = []
    seen: set[str] = set()
    for n, raw in enumerate(data["sections"]):
        where = f"sections[{n}]"
        if not isinstance(raw, dict) or not {"id", "wizard", "title", "clauses"} <= set(raw):
            raise ClauseError(f"policy_clauses.yaml: {where}: needs id, wizard, title, clauses")
        sid = str(raw["id"])
        if sid in seen:
            raise ClauseError(f"policy_clauses.yaml: {where}: duplicate id {sid!r}")
        seen.add(sid)
        if not isinstance(raw["clauses"], list) or not raw["clauses"]:
            raise ClauseError(f"policy_clauses.yaml: {sid}.clauses: expected a list")
        clauses = tuple(_clause(c, f"{sid}.clauses[{i}]") for i, c in enumerate(raw["clauses"]))
        specs.append(SectionSpec(id=sid, wizard=str(raw["wizard"]), title=str(raw["title"]),
                                 clauses=clauses, when=_when(raw.get("when"), sid)))
    return tuple(specs)


# --- user text in whole sentences ------------------------------------------------------------

_FINAL = re.compile(r"[.!?…।][\"'”’)\]]*$")
_TRAILING = re.compile(r"[\s.,;:!—–-]+$")
_SPACES = re.compile(r"[ \t]+")


def phrase(text: str) -> str:
    """User text to go inside one of our sentences: trimmed, no final stop or colon."""
    text = _TRAILING.sub("", _SPACES.sub(" ", text.strip()))
    return re.sub(r"^[\s,;:.]+", "", text)  # nor a stray comma or stop in front


def name_slot(text: str) -> str:
    """A name inside our sentences: trimmed; keeps one final dot ("Acme Inc.")."""
    text = re.sub(r"[\s,;:—–-]+$", "", _SPACES.sub(" ", text.strip()))
    return re.sub(r"\.{2,}$", ".", text)


def _tidy(text: str) -> str:
    """Stops doubled where a slot ending in a dot meets ours ("Acme Inc.." -> "Acme Inc.")."""
    return re.sub(r"(?<!\.)\.(?:\s*\.)+(?!\.)", ".", text)


_SLOT_AT_START = re.compile(r"(^|[.!?:।]\s+)\{(\w+)((?::\w+)?)\}")


def _capitalized(value: str) -> str:
    from smready.glossary import Term

    if isinstance(value, Term):
        return value.capitalized()
    return value[:1].upper() + value[1:]


def full_stop(lang: str) -> str:
    """What ends a sentence in ``lang``: "।" (daari) in Bengali, "." otherwise."""
    return "।" if lang == "bn" else "."


def _sentence(paragraph: str, stop: str = ".") -> str:
    text = _SPACES.sub(" ", paragraph.strip())
    text = re.sub(r"[\s,;:—–-]+$", "", text)
    if not text.endswith("..."):
        text = re.sub(r"\.(?:\s*\.)+$", ".", text)
    text = re.sub(r"[\s,;:—–-]+$", "", text)
    if not text:
        return ""
    # The first letter, after any opening quote or bracket ("(a" -> "(A").
    opening = len(text) - len(text.lstrip("\"“‘("))
    if text[opening:opening + 1].islower():
        text = text[:opening] + text[opening].upper() + text[opening + 1:]
    if not _FINAL.search(text):
        text += stop
    return text


def sentences(text: str, stop: str = ".") -> list[str]:
    """User text as whole paragraphs: each starts with a capital and ends with one stop
    (``stop``, the document language's, where the user wrote none)."""
    paragraphs = re.split(r"\n\s*\n", text.replace("\r\n", "\n"))
    out = []
    for para in paragraphs:
        joined = " ".join(line.strip() for line in para.splitlines() if line.strip())
        sentence = _sentence(joined, stop)
        if sentence and re.search(r"[^\W_]", sentence):  # not punctuation alone
            out.append(sentence)
    return out


_STOP = frozenset({
    "a", "an", "the", "and", "or", "of", "to", "for", "in", "on", "at", "by", "with", "from",
    "as", "is", "are", "be", "it", "its", "this", "that", "these", "those", "we", "our", "us",
    "you", "your", "all", "any", "every", "each", "who", "which", "what", "also", "applies",
    "apply", "including", "include", "includes", "one", "two", "three", "four", "five", "six",
    "seven", "eight", "nine", "ten",
})


def _stems(text: str) -> set[str]:
    words = re.findall(r"[^\W_]+", text.lower())
    out = set()
    for word in words:
        if word in _STOP:
            continue
        for suffix in ("ers", "ing", "ed", "er", "es", "s", "e"):
            if word.endswith(suffix) and len(word) - len(suffix) >= 3:
                word = word[: -len(suffix)]
                break
        out.add(word)
    return out


def _repeats(user_text: str, before: str) -> bool:
    """True when the user's paragraph says (almost) nothing the block before it does not.

    Catches a note such as "Applies to the staff, all volunteers and the board" printed
    right under a list of exactly those groups.
    """
    words = _stems(user_text)
    if not words or not before:
        return False
    return len(words & _stems(before)) / len(words) >= 0.75


def _block_texts(blocks: Sequence[Block]) -> list[str]:
    out: list[str] = []
    for block in blocks:
        if isinstance(block, Text | Note):
            out.append(block.text)
        elif isinstance(block, Bullets):
            out.extend(i.text for i in block.items)
    return out


# --- the builder -----------------------------------------------------------------------------


def _platform_name(platform: str, lang: str) -> str:
    from smready.content import platform_name

    return platform_name(platform, lang)


def _task_label(task: TaskKind, lang: str) -> str:
    from smready.content import task_label

    return task_label(task, lang)


def next_review(project: Project) -> dt.date | None:
    """The date of the next review: the effective date plus the review interval."""
    review = project.policy.review
    if review.effective_date is None:
        return None
    return add_months(review.effective_date, review.cadence_months)


def _place(country: str) -> str:
    country = country.upper()
    if country == "US":
        return "us"
    if country == "GB":
        return "uk"
    if country in GDPR_COUNTRIES:
        return "eu"
    return "other"


def N_(message: str) -> str:
    """Marks a string for translation where it is used, not where it is defined."""
    return message


#: The Measurement step's choices ("month"), as a word in the document language.
_REPORT_EVERY = {"week": N_("week"), "month": N_("month"), "quarter": N_("quarter")}

_GROUP_LABELS = {
    PersonGroup.VOLUNTEER: N_("volunteer"),
    PersonGroup.BOARD: N_("board member"),
    PersonGroup.CONTRACTOR: N_("contractor"),
}


@dataclass
class _Builder:
    project: Project
    policy: PolicyAnswers
    vocab: Vocabulary
    t: Translation
    fmt: Formats
    sections: list[Section] = field(default_factory=list)
    facts: dict[str, object] = field(default_factory=dict)
    slots: dict[str, str] = field(default_factory=dict)
    # ``slots`` with the capitalized forms added, made once for the slots it was made from
    # (every clause is filled from it: ~5,900 capitalizations per policy otherwise).
    _fill_slots: tuple[dict[str, str], dict[str, Any]] | None = field(default=None, repr=False)

    # --- facts and slots -------------------------------------------------------------

    def person_for(self, task: TaskKind) -> str:
        for resp in self.policy.responsibilities:
            if resp.task is task and phrase(resp.person):
                return phrase(resp.person)
        return ""

    def roles(self) -> dict[str, str]:
        """Name -> how the reader can tell who they are ("volunteer, photographer")."""
        pol = self.policy
        found: dict[str, str] = {}

        def add(name: str, role: str) -> None:
            key = name.strip().casefold()
            if key and role.strip() and key not in found:
                found[key] = role.strip()

        for person in pol.people:
            label = self.t(_GROUP_LABELS[person.group]) if person.group in _GROUP_LABELS else ""
            role = person.role.strip()
            if label and label.split()[0] not in role.casefold():
                role = f"{label}, {role}" if role else label
            add(person.name, role)
        for spokesperson in pol.spokespeople:
            add(spokesperson.name, spokesperson.role)
        for contact in pol.escalation.crisis_contacts:
            add(contact.name, contact.role)
        add(self.project.organization.contact.name, self.project.organization.contact.role)
        add(pol.review.approver, pol.review.approver_role)
        return found

    def who(self, name: str) -> str:
        name = name.strip()
        role = self.roles().get(name.casefold(), "")
        return f"{name} ({role})" if role else name

    def compute(self) -> None:
        pol = self.policy
        org = self.project.organization
        scope = pol.scope
        place = _place(org.country)
        groups = self.scope_groups()
        # Sensible defaults from other answers: the point person approves posts and gets
        # what arrives, the first spokesperson answers journalists, the approver of the
        # policy gets the report. A marker is printed only when there is nobody to name.
        point_person = self.person_for(TaskKind.POINT_PERSON)
        approvers = [phrase(s.name) for s in pol.spokespeople
                     if s.may_approve_posts and phrase(s.name)] or (
            [point_person] if point_person else [])
        media_to = phrase(pol.media_inquiries_to) or next(
            (phrase(s.name) for s in pol.spokespeople if phrase(s.name)), "")
        router = self.person_for(TaskKind.ROUTING) or point_person
        report_to = phrase(pol.measurement.report_to) or phrase(pol.review.approver)
        every = phrase(pol.measurement.report_every)
        answer_time = ""
        for resp in pol.responsibilities:
            if resp.task is TaskKind.ANSWERING and resp.response_time.strip():
                answer_time = phrase(resp.response_time)
        ambassadors = [phrase(a) for a in pol.training.ambassadors if phrase(a)]
        safeguarding = pol.safeguarding
        registered = org.is_nonprofit and pol.nonprofit.registered_charity
        self.facts = {
            "scope_groups": bool(groups),
            "accounts": any(str(a.platform).strip() for a in pol.accounts),
            "goals": bool(self.project.goals),
            "spokespeople": any(s.name.strip() for s in pol.spokespeople),
            "approvers": bool(approvers),
            "media_to": bool(media_to),
            "router": bool(router),
            "security_person": bool(self.person_for(TaskKind.SECURITY)
                                    or self.person_for(TaskKind.POINT_PERSON)),
            "point_person": bool(self.person_for(TaskKind.POINT_PERSON)),
            "answer_time": bool(answer_time),
            "crisis_contacts": any(c.name.strip() for c in pol.escalation.crisis_contacts),
            "covers_staff": scope.staff,
            "covers_only_staff": scope.staff and not scope.volunteers and not scope.board,
            "work_part_of_job": pol.hr.work_time is WorkTimeRule.PART_OF_JOB,
            "work_breaks_only": pol.hr.work_time is WorkTimeRule.BREAKS_ONLY,
            "work_reasonable": pol.hr.work_time is WorkTimeRule.REASONABLE,
            "strict": pol.hr.consequence is Consequence.STRICT,
            "is_finland": org.country.upper() == "FI",
            "is_india": org.country.upper() == "IN",
            "uk_or_us_charity": registered and place in ("us", "uk"),
            "safeguarding_applies": (safeguarding.works_with_minors
                                     or safeguarding.works_with_vulnerable),
            "safeguarding_lead": bool(phrase(safeguarding.lead)),
            "ads_approver": bool(phrase(pol.ads.approver)),
            "uses_outside_help": pol.agencies.uses_agency or scope.contractors,
            "agency_contact": bool(phrase(pol.agencies.contact)),
            "data_contact": bool(phrase(pol.privacy.data_contact)),
            "report_to": bool(report_to),
            "ambassadors": bool(ambassadors),
            "reviewer": bool(self.person_for(TaskKind.POLICY_REVIEW)),
            "legal_check_by": bool(phrase(pol.review.legal_check_by)),
        }
        self.slots = {
            **self.vocab.slots(),
            "org": name_slot(org.name),
            # Named in the spokespeople table or the task table next to it, with roles there.
            "media_to": media_to,
            "router": router,
            "approvers": _join(approvers, self.t),
            "security_person": (self.person_for(TaskKind.SECURITY)
                                or self.person_for(TaskKind.POINT_PERSON)),
            "point_person": self.person_for(TaskKind.POINT_PERSON),
            "answer_time": answer_time,
            "threats_to": (self.who(phrase(pol.comments.threats_to))
                           if phrase(pol.comments.threats_to)
                           else self.vocab.spell(self.t("The first crisis contact"))),
            "safeguarding_lead": self.who(phrase(safeguarding.lead)),
            "ads_approver": self.who(phrase(pol.ads.approver)),
            "agency_contact": self.who(phrase(pol.agencies.contact)),
            "data_contact": self.who(phrase(pol.privacy.data_contact)),
            "report_every": (self.t(_REPORT_EVERY[every]) if every in _REPORT_EVERY
                             else every or self.t("month")),
            "report_to": report_to,
            "refresher_months": self.fmt.integer(pol.training.refresher_months),
            "ambassadors": _join([self.who(a) for a in ambassadors], self.t),
            "reviewer": self.person_for(TaskKind.POLICY_REVIEW),
            "legal_check_by": phrase(pol.review.legal_check_by),
        }
        self.place: str = place

    @property
    def stop(self) -> str:
        return full_stop(self.t.lang)

    def fact(self, name: str) -> bool:
        if name in self.facts:
            return bool(self.facts[name])
        root, _dot, rest = name.partition(".")
        obj: Any = {"policy": self.policy, "organization": self.project.organization}.get(root)
        if obj is None or not rest:
            raise ClauseError(f"policy_clauses.yaml: unknown fact {name!r}")
        for part in rest.split("."):
            if not hasattr(obj, part):
                raise ClauseError(f"policy_clauses.yaml: unknown fact {name!r}")
            obj = getattr(obj, part)
        return bool(obj.strip()) if isinstance(obj, str) else bool(obj)

    def holds(self, when: When) -> bool:
        org = self.project.organization
        if when.kind and when.kind != org.kind.value:
            return False
        if when.place and self.place not in when.place:
            return False
        if when.country and org.country.upper() not in when.country:
            return False
        if when.law and org.privacy_law.value not in when.law:
            return False
        return (all(self.fact(f) for f in when.need)
                and not any(self.fact(f) for f in when.without))

    def fill(self, template: str) -> str:
        """Our own text in the document language: spelt for the country (English only),
        slots filled in the form the translation asks for ({customers:par}); user text is
        never respelt."""
        text = self.vocab.spell(self.t(template))
        # A slot that starts a sentence starts with a capital, whatever was typed.
        text = _SLOT_AT_START.sub(lambda m: f"{m.group(1)}{{{m.group(2)}__cap{m.group(3)}}}",
                                  text)
        if self._fill_slots is None or self._fill_slots[0] is not self.slots:
            self._fill_slots = (self.slots, {
                **self.slots, **{f"{k}__cap": _capitalized(v) for k, v in self.slots.items()}})
        slots = self._fill_slots[1]
        try:
            return _tidy(fill_slots(text, slots))
        except (KeyError, IndexError, ValueError) as exc:
            raise ClauseError(f"policy_clauses.yaml: unknown slot {exc} in {template!r}") from exc

    # --- gaps ------------------------------------------------------------------------

    def gap(self, spec: SectionSpec, what: str, field_path: str) -> Gap:
        what = self.fill(what)
        return Gap(self.t("Not decided yet — ask {who}: {what}.").format(
            who=self.ask_whom(), what=what),
            section=spec.wizard, field=field_path,
            message=self.t("Decide {what}.").format(what=what))

    def ask_whom(self) -> str:
        return phrase(ask_whom(self.project, self.t))

    def cell(self, value: str, section: str, field_path: str, what: str) -> Cell:
        value = value.strip()
        if value:
            return Cell(value)
        return Cell(self.t("Not decided yet — ask {who}").format(who=self.ask_whom()),
                    gap=True, section=section, field=field_path,
                    message=self.t("Decide {what}.").format(what=self.vocab.spell(what)))

    # --- blocks made from the answers ------------------------------------------------

    def scope_groups(self) -> list[str]:
        scope = self.policy.scope
        groups = []
        if scope.staff:
            groups.append(self.t("staff: everyone we employ, full-time or part-time, including "
                            "managers"))
        if scope.volunteers:
            groups.append(self.t("volunteers"))
        if scope.board:
            groups.append(self.t("members of the board"))
        if scope.contractors:
            groups.append(self.t("contractors, freelancers and agencies working for us"))
        return [self.vocab.spell(g) for g in groups]

    def block(self, spec: SectionSpec, name: str) -> list[Block]:
        maker: dict[str, Callable[[SectionSpec], list[Block]]] = {
            "scope_groups": lambda s: _fragments(self.scope_groups(), self.stop),
            "accounts_table": self.accounts_table,
            "goals_list": self.goals_list,
            "spokespeople_table": self.spokespeople_table,
            "responsibilities_table": self.responsibilities_table,
            "people_table": self.people_table,
            "crisis_table": self.crisis_table,
            "metrics": self.metrics,
            "review_table": self.review_table,
        }
        if name not in maker:
            raise ClauseError(f"policy_clauses.yaml: {spec.id}: unknown block {name!r}")
        return maker[name](spec)

    def accounts_table(self, spec: SectionSpec) -> list[Block]:
        accounts = [a for a in self.policy.accounts if str(a.platform).strip()]
        if not accounts:
            return []
        # An account without a named owner is looked after by the point person.
        point_person = self.person_for(TaskKind.POINT_PERSON)
        return [Table(
            columns=(self.t("Platform"), self.t("Account"), self.t("Owner"),
                     self.t("What we use it for")),
            rows=tuple(
                (Cell(_platform_name(a.platform, self.t.lang)), Cell(a.handle.strip() or "—"),
                 self.cell(self.who(a.owner.strip() or point_person)
                           if (a.owner.strip() or point_person) else "", spec.wizard,
                           "accounts.owner", self.t("who owns each official account")),
                 Cell(phrase(a.purpose) or "—"))
                for a in accounts),
            widths=(18, 22, 26, 34))]

    def goals_list(self, spec: SectionSpec) -> list[Block]:
        from smready.content import goal_type_info

        items = []
        for goal in self.project.goals:
            info = goal_type_info(goal.goal_type, self.t.lang)
            name = self.vocab.goal_name(goal.goal_type.value, info.name)
            metric = phrase(goal.metric)
            platform = (phrase(_platform_name(goal.platform.strip(), self.t.lang))
                        if phrase(goal.platform) else "")
            text = metric or self.vocab.spell(phrase(info.description))
            if platform and platform.casefold() not in text.casefold():
                text += " " + self.t("on {platform}").format(platform=platform)
            if goal.baseline is not None and goal.target is not None:
                text += ": " + self.t("from {baseline} to {target}").format(
                    baseline=self.fmt.number(goal.baseline), target=self.fmt.number(goal.target))
            elif goal.target is not None:
                text += ": " + self.t("reach {target}").format(target=self.fmt.number(goal.target))
            if goal.deadline is not None:
                text += " " + self.t("by {date}").format(date=self.fmt.date(goal.deadline))
            text = _sentence(text, self.stop)
            why = sentences(goal.relevance, self.stop)
            if why:
                text += " " + " ".join(why)
            items.append(Text(text=text, lead=name + self.stop))
        return [Bullets(items=tuple(items))] if items else []

    def spokespeople_table(self, spec: SectionSpec) -> list[Block]:
        people = [s for s in self.policy.spokespeople if s.name.strip()]
        if not people:
            return []
        return [Table(
            columns=(self.t("Name"), self.t("Role"), self.t("Speaks about"), self.t("Contact"),
                     self.t("Approves posts")),
            rows=tuple(
                (Cell(s.name.strip()), Cell(s.role.strip() or "—"), Cell(phrase(s.topics) or "—"),
                 Cell(s.contact.strip() or "—"),
                 Cell(self.t("Yes") if s.may_approve_posts else self.t("No")))
                for s in people),
            widths=(20, 20, 24, 24, 12))]

    def responsibilities_table(self, spec: SectionSpec) -> list[Block]:
        rows = list(self.policy.responsibilities)
        present = {r.task for r in rows if r.person.strip()}
        order = list(TaskKind)
        listed = [r for r in rows if r.person.strip() or r.task in REQUIRED_TASKS]
        seen = {r.task for r in listed}
        from smready.domain import Responsibility

        listed += [Responsibility(task=t) for t in REQUIRED_TASKS
                   if t not in present and t not in seen]
        listed.sort(key=lambda r: order.index(r.task))
        table_rows = []
        introduced: set[str] = set()

        def person(name: str) -> str:
            # The role the first time a person appears in the table, then the name alone.
            key = phrase(name).casefold()
            if key in introduced:
                return phrase(name)
            introduced.add(key)
            return self.who(phrase(name))

        for r in listed:
            label = _task_label(r.task, self.t.lang)
            notes = sentences(r.notes, self.stop)
            if notes:
                label += self.stop + " " + " ".join(notes)
            table_rows.append((
                Cell(label),
                self.cell(person(r.person) if phrase(r.person) else "", spec.wizard,
                          f"responsibilities.{r.task.value}",
                          self.t("who is responsible for {task}").format(
                              task=_task_label(r.task, self.t.lang).lower())),
                Cell(person(r.backup) if phrase(r.backup) else "—"),
                Cell(phrase(r.response_time) or "—")))
        return [Table(columns=(self.t("Task"), self.t("Person"), self.t("Backup"),
                               self.t("Timing")),
                      rows=tuple(table_rows), widths=(36, 24, 22, 18))]

    def people_table(self, spec: SectionSpec) -> list[Block]:
        people = [p for p in self.policy.people if p.name.strip()]
        if not people:
            return []
        groups = {
            PersonGroup.STAFF: self.t("Staff"),
            PersonGroup.VOLUNTEER: self.t("Volunteer"),
            PersonGroup.BOARD: self.t("Board member"),
            PersonGroup.CONTRACTOR: self.t("Contractor"),
        }
        return [
            Text(self.fill(N_("Other people named in this policy:"))),
            Table(columns=(self.t("Name"), self.t("Role"), self.t("Relationship")),
                  rows=tuple((Cell(p.name.strip()), Cell(phrase(p.role) or "—"),
                              Cell(groups[p.group])) for p in people),
                  widths=(34, 40, 26)),
        ]

    def crisis_table(self, spec: SectionSpec) -> list[Block]:
        contacts = [c for c in self.policy.escalation.crisis_contacts if c.name.strip()]
        if not contacts:
            return []
        return [
            Text(self.fill(N_("Crisis contacts, in this order:"))),
            Table(columns=(self.t("Name"), self.t("Role"), self.t("E-mail"), self.t("Phone")),
                  rows=tuple((Cell(c.name.strip()), Cell(c.role.strip() or "—"),
                              Cell(c.email.strip() or "—"), Cell(c.phone.strip() or "—"))
                             for c in contacts),
                  widths=(24, 24, 32, 20)),
        ]

    def metrics(self, spec: SectionSpec) -> list[Block]:
        from smready.content import goal_type_info

        metrics: list[str] = []
        for goal in self.project.goals:
            chosen = phrase(goal.metric)
            info = goal_type_info(goal.goal_type, self.t.lang)
            names = [chosen] if chosen else list(info.metrics[:3])
            for name in names:
                if name.casefold() not in (m.casefold() for m in metrics):
                    metrics.append(name)
        if not metrics:
            return []
        return [Text(lead=self.fill(N_("What we measure.")),
                     text=_sentence("; ".join(metrics), self.stop))]

    def review_table(self, spec: SectionSpec) -> list[Block]:
        rev = self.policy.review
        due = next_review(self.project)
        approver = (", ".join(x for x in (rev.approver.strip(), rev.approver_role.strip()) if x)
                    if rev.approver.strip() else "")
        n, months = rev.cadence_months, self.fmt.integer(rev.cadence_months)
        if due is not None:
            next_text = self.t.ngettext(
                "by {date} ({n} month after it takes effect), or sooner when laws, platforms "
                "or our team change",
                "by {date} ({n} months after it takes effect), or sooner when laws, "
                "platforms or our team change", n).format(date=self.fmt.date(due), n=months)
        else:
            next_text = self.t.ngettext(
                "{n} month after it takes effect, or sooner when laws, platforms or our team "
                "change",
                "{n} months after it takes effect, or sooner when laws, platforms "
                "or our team change", n).format(n=months)
        rows = [
            (Cell(self.t("Version")), self.cell(rev.version, spec.wizard, "review.version",
                                           self.t("the version number of this policy"))),
            (Cell(self.t("Effective from")),
             self.cell(self.fmt.date(rev.effective_date), spec.wizard, "review.effective_date",
                       self.t("the date this policy takes effect"))),
            (Cell(self.t("Approved by")), self.cell(approver, spec.wizard, "review.approver",
                                               self.t("who approves this policy"))),
            (Cell(self.t("Next review")), Cell(next_text)),
        ]
        return [Table(columns=(self.t("Item"), self.t("Detail")), rows=tuple(rows),
                      widths=(28, 72))]

    # --- sections --------------------------------------------------------------------

    def items(self, items: Sequence[Item]) -> tuple[Text, ...]:
        return tuple(Text(self.fill(i.text)) for i in items if self.holds(i.when))

    def section(self, spec: SectionSpec) -> None:
        if not self.holds(spec.when):
            return
        title = self.fill(spec.title)
        current: list[Block] = []
        parts: list[tuple[str, int, list[Block]]] = [(title, 1, current)]
        for clause in spec.clauses:
            if not self.holds(clause.when):
                continue
            lead = self.fill(clause.lead) if clause.lead else ""
            if clause.kind == "subsection":
                current = []
                parts.append((self.fill(clause.text), 2, current))
            elif clause.kind == "text":
                current.append(Text(text=self.fill(clause.text), lead=lead))
            elif clause.kind == "note":
                current.append(Note(text=self.fill(clause.text), lead=lead))
            elif clause.kind in ("bullets", "numbered"):
                items = self.items(clause.items)
                if items:
                    current.append(Bullets(items=items, numbered=clause.kind == "numbered"))
            elif clause.kind == "block":
                current.extend(self.block(spec, clause.text))
            elif clause.kind == "gap":
                current.append(self.gap(spec, clause.text, clause.field))
            elif clause.kind == "user":
                self.user_text(spec, clause, lead, current)
        for number_title, level, blocks in parts:
            if not blocks:
                continue
            if level == 1:
                number = sum(1 for s in self.sections if s.level == 1) + 1
                number_title = f"{self.fmt.integer(number)}. {number_title}"
            self.sections.append(Section(id=f"s{len(self.sections) + 1}", title=number_title,
                                         blocks=tuple(blocks), level=level))

    def user_text(self, spec: SectionSpec, clause: Clause, lead: str,
                  current: list[Block]) -> None:
        value = self.answer(clause.text)
        paragraphs = sentences(value, self.stop)
        previous = " ".join(_block_texts(current[-1:]))
        if paragraphs and clause.drop_if_repeated and _repeats(" ".join(paragraphs), previous):
            paragraphs = []
        if not paragraphs:
            if clause.gap:
                current.append(self.gap(spec, clause.gap, clause.field))
            return
        current.append(Text(text=paragraphs[0], lead=lead))
        current.extend(Text(p) for p in paragraphs[1:])

    def answer(self, path: str) -> str:
        root, _dot, rest = path.partition(".")
        obj: Any = {"policy": self.policy, "organization": self.project.organization}.get(root)
        for part in rest.split("."):
            if obj is None or not hasattr(obj, part):
                raise ClauseError(f"policy_clauses.yaml: unknown answer {path!r}")
            obj = getattr(obj, part)
        if not isinstance(obj, str):
            raise ClauseError(f"policy_clauses.yaml: {path!r} is not a text answer")
        return obj


def _fragments(items: Sequence[str], stop: str = ".") -> list[Block]:
    """A list that completes the sentence before it: "…;" on each item, the language's full
    stop on the last."""
    if not items:
        return []
    return [Bullets(items=tuple(
        Text(item + (";" if n < len(items) - 1 else stop)) for n, item in enumerate(items)))]


def _join(names: Sequence[str], t: Translation) -> str:
    names = [n for n in names if n]
    if len(names) <= 1:
        return "".join(names)
    return t("{first} and {last}").format(first=", ".join(names[:-1]), last=names[-1])


def _walk_gaps(document: Document) -> Iterator[Gap | Cell]:
    for section in document.sections:
        for block in section.blocks:
            if isinstance(block, Gap):
                yield block
            elif isinstance(block, Table):
                for row in block.rows:
                    yield from (c for c in row if c.gap)


def open_decisions(document: Document) -> list[Gap | Cell]:
    """Every "Not decided yet" marker of a built policy, in print order."""
    return list(_walk_gaps(document))


def build_policy(project: Project, t: Translation | None = None) -> Document:
    """The policy of ``project`` in the language of ``t`` (the project's document language
    when None)."""
    from smready.domain import document_language
    from smready.formatting import formats  # Babel: first used here, not at import

    t = t or translation(document_language(project))
    policy = project.policy  # the one policy: what the wizard shows and the gaps check
    fmt = formats(t.lang, project.organization.country)
    builder = _Builder(project=project, policy=policy,
                       vocab=vocabulary(project.organization, t.lang), t=t, fmt=fmt)
    builder.compute()
    for spec in load_clauses():
        builder.section(spec)
    rev = policy.review
    facts: list[tuple[str, str]] = [(t("Version"), rev.version.strip())]
    if rev.effective_date:
        facts.append((t("Effective from"), fmt.date(rev.effective_date)))
    if rev.approver.strip():
        facts.append((t("Approved by"), ", ".join(
            x for x in (rev.approver.strip(), rev.approver_role.strip()) if x)))
    due = next_review(project)
    if due is not None:
        facts.append((t("Next review"), fmt.date(due)))
    org = project.organization
    kind = t("nonprofit") if org.is_nonprofit else t("small business")
    return Document(
        kind="policy",
        title=t("Social media policy"),
        organization=org.name.strip(),
        subject=t("How {org} uses social media: rules, responsibilities and contacts ({kind}).")
        .format(org=org.name.strip(), kind=kind),
        lang=t.lang,
        cover_facts=tuple((k, v) for k, v in facts if v),
        sections=tuple(builder.sections),
        logo=load_logo(org.logo_to_embed),
        keywords=(t("social media policy"), org.name.strip()),
    )
