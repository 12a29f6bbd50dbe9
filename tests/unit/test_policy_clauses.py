"""The policy assembled from the clause library: whole sentences whatever the user typed,
the right law and words for each place and kind, and honest "Not decided yet" markers."""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from smready.domain import (
    Goal,
    GoalType,
    OrgKind,
    Person,
    PersonGroup,
    Project,
    Responsibility,
    TaskKind,
)
from smready.rendering.model import Bullets, Cell, Document, Gap, Note, Table, Text
from smready.rendering.policy import (
    build_policy,
    load_clauses,
    next_review,
    open_decisions,
    phrase,
    sentences,
)
from smready.scoring import policy_gaps
from tests.conftest import EXAMPLES

EXAMPLE_FILES = sorted(EXAMPLES.glob("*.smready"))
WIZARD_PAGES = {"organization", "scope", "accounts", "goals", "voice", "spokespeople", "hr",
                "responsibilities", "escalation", "privacy", "measurement", "training",
                "nonprofit", "review"}

LONG = ("We keep the tone warm and plain, and we answer every question we can; when we "
        "cannot, we say who can and when they will reply, because people remember how they "
        "were treated more than what they were told") * 3
VARIANTS: dict[str, str] = {
    "empty": "",
    "one word": "kindness",
    "long": LONG,
    "punctuated": "  the shift manager on duty ;: ",
    "doubled stops": "Ask Sara first..",
    "question": "Who decides? The owner.",
    "spaced stops": "Ask the owner. .",
}


def load(path: Any) -> Project:
    """An example, printed in English whatever its document language: the rules checked
    here (capitals, full stops, "Not decided yet") are those of the English clauses; the
    Finnish and Bengali examples are read in their own language in tests/e2e."""
    project = Project.model_validate_json(path.read_text(encoding="utf-8"))
    project.language = "en"
    return project


def _replace_strings(data: Any, value: str, keep: Callable[[tuple[Any, ...]], bool],
                     path: tuple[Any, ...] = ()) -> Any:
    if isinstance(data, dict):
        return {k: _replace_strings(v, value, keep, (*path, k)) for k, v in data.items()}
    if isinstance(data, list):
        return [_replace_strings(v, value, keep, (*path, i)) for i, v in enumerate(data)]
    if isinstance(data, str) and not keep(path):
        return value
    return data


def _keep(path: tuple[Any, ...]) -> bool:
    """Fields that are not free text (ids, enums, dates, codes) keep their value."""
    text = ".".join(str(p) for p in path)
    return bool(
        path[0] in ("schema_version", "created", "modified", "language", "readiness",
                    "actions")
        or re.search(r"\.(kind|size_band|country|task|work_time|consequence|group|goal_type|"
                     r"effective_date|deadline|logo_path|platform|id)$", text)
        or (text.startswith("policy.accounts") and text.endswith("platform")))


def with_every_text(example: Any, value: str) -> Project:
    """The example with every free-text answer set to ``value`` (or its first 200 chars)."""
    data = load(example).model_dump(mode="json")
    for candidate in (value, value[:200]):
        changed = _replace_strings(data, candidate, _keep)
        try:
            return Project.model_validate(changed)
        except ValidationError:
            continue
    # Names that must not be empty keep their value; everything else takes the variant.
    changed = _replace_strings(data, value[:200], lambda p: _keep(p) or p[-1] == "name")
    return Project.model_validate(changed)


# --- grammar rules ---------------------------------------------------------------------------

FINAL = re.compile(r"[.!?…।][\"'”’)]*$")  # ।: a Bengali answer keeps its daari
DOUBLED = re.compile(r"\b(\w+(?: \w+){1,3}) \1\b", re.IGNORECASE)
BANNED = ("Also note.", "Who may not.", "this serves:", "— this serves", ". .", " ,")


def problems(document: Document) -> list[str]:
    """Every break of the grammar rules, as "section: rule: text"."""
    found: list[str] = []

    def check_sentence(where: str, text: str, *, fragment_ok: bool = False) -> None:
        if not text.strip():
            found.append(f"{where}: empty text")
            return
        if text != text.strip():
            found.append(f"{where}: stray spaces: {text!r}")
        first = text.lstrip("\"“‘(")[:1]
        if not fragment_ok and first.islower() and first.upper() != first:
            found.append(f"{where}: no capital at the start: {text!r}")
        if text.endswith(":"):
            return
        if not FINAL.search(text) and not (fragment_ok and text.endswith(";")):
            found.append(f"{where}: no final stop: {text!r}")
        if re.search(r"(?<!\.)\.\.(?!\.)|\.\.\.\.", text):
            found.append(f"{where}: doubled stop: {text!r}")
        for banned in BANNED:
            if banned in text:
                found.append(f"{where}: {banned!r} in {text!r}")
        if re.search(r"[:;] ?[:;.]", text):
            found.append(f"{where}: punctuation pile-up: {text!r}")
        doubled = DOUBLED.search(text)
        if doubled and not doubled.group(1).isdigit():
            found.append(f"{where}: doubled words {doubled.group(0)!r}")

    for section in document.sections:
        blocks = section.blocks
        for n, block in enumerate(blocks):
            where = section.title
            if isinstance(block, Text | Note):
                if block.lead:
                    check_sentence(where, block.lead)
                check_sentence(where, block.text)
                if block.text.endswith(":") and not (
                        n + 1 < len(blocks) and isinstance(blocks[n + 1], Bullets | Table)):
                    found.append(f"{where}: a colon with nothing after it: {block.text!r}")
            elif isinstance(block, Bullets):
                fragments = block.items[0].text[:1].islower()
                for item in block.items:
                    check_sentence(where, item.text, fragment_ok=fragments)
                    if item.lead:
                        check_sentence(where, item.lead)
                texts = [i.text for i in block.items]
                if len(set(texts)) != len(texts):
                    found.append(f"{where}: a list item is repeated")
            elif isinstance(block, Table):
                for row in block.rows:
                    for cell in row:
                        if not cell.text.strip():
                            found.append(f"{where}: an empty table cell")
            elif isinstance(block, Gap):
                check_sentence(where, block.text, fragment_ok=True)
        paragraphs = [(b.lead, b.text) for b in blocks if isinstance(b, Text)]
        for a, b in itertools.pairwise(paragraphs):
            if a == b:
                found.append(f"{section.title}: a paragraph repeated: {a!r}")
    return found


@pytest.mark.parametrize("variant", sorted(VARIANTS))
@pytest.mark.parametrize("example", EXAMPLE_FILES, ids=lambda p: p.stem)
def test_every_clause_is_whole_whatever_the_user_typed(example: Any, variant: str) -> None:
    project = with_every_text(example, VARIANTS[variant])
    assert problems(build_policy(project)) == []


@pytest.mark.parametrize("example", EXAMPLE_FILES, ids=lambda p: p.stem)
def test_examples_as_written_keep_the_rules(example: Any) -> None:
    assert problems(build_policy(load(example))) == []


def test_the_grammar_check_catches_broken_joins() -> None:
    """The checker itself fails on the joins the issue quoted."""
    from smready.rendering.model import Section

    def doc(*blocks: Any) -> Document:
        return Document(kind="policy", title="t", organization="o", subject="s", lang="en",
                        cover_facts=(), sections=(Section(id="s1", title="1. X",
                                                          blocks=tuple(blocks)),))

    assert problems(doc(Text("Followers on Instagram on Instagram from 10 to 25.")))
    assert problems(doc(Text("Everyone else does not speak for us.", lead="Who may not.")))
    assert problems(doc(Text("Applies to staff.", lead="Also note.")))
    assert problems(doc(Text("Sales up — this serves: Fill the quiet afternoons.")))
    assert problems(doc(Text("Ask Sara first..")))
    assert problems(doc(Text("ask Sara first.")))
    assert problems(doc(Text("It applies to:")))
    assert problems(doc(Text("Ask Sara."), Text("Ask Sara.")))


def test_user_text_helpers() -> None:
    assert sentences("") == [] and sentences("  \n ") == []
    assert sentences("kindness") == ["Kindness."]
    assert sentences("the shift manager ;: ") == ["The shift manager."]
    assert sentences("Ask Sara first..") == ["Ask Sara first."]
    assert sentences("Who decides? The owner") == ["Who decides? The owner."]
    assert sentences("One.\n\nTwo") == ["One.", "Two."]
    assert sentences("He said “yes.”") == ["He said “yes.”"]
    assert phrase("  Maria Delgado.  ") == "Maria Delgado"
    assert phrase("within 1 working day;") == "within 1 working day"


# --- the joins quoted in the issue -----------------------------------------------------------

def _texts(document: Document) -> str:
    out = []
    for section in document.sections:
        out.append(section.title)
        for block in section.blocks:
            if isinstance(block, Text | Note):
                out.append(f"{block.lead} {block.text}")
            elif isinstance(block, Bullets):
                out.extend(f"{i.lead} {i.text}" for i in block.items)
            elif isinstance(block, Table):
                out.extend(c.text for row in block.rows for c in row)
            elif isinstance(block, Gap):
                out.append(block.text)
    return "\n".join(out)


def test_goal_with_platform_in_its_metric_names_the_platform_once() -> None:
    project = Project.new("Harbour Food Bank", OrgKind.NONPROFIT)
    project.goals = [Goal(goal_type=GoalType.CONVERSIONS, platform="Instagram",
                          metric="Online donations referred from Instagram a month",
                          baseline=10, target=25, relevance="Fill the quiet afternoons")]
    text = _texts(build_policy(project))
    assert "Instagram a month on Instagram" not in text
    assert ("Online donations referred from Instagram a month: from 10 to 25. Fill the quiet "
            "afternoons.") in text
    assert "this serves" not in text
    assert "Donations and sign-ups." in text and "Conversions and sales" not in text


def test_scope_note_that_repeats_the_list_is_left_out() -> None:
    project = Project.new("Harbour Food Bank", OrgKind.NONPROFIT)
    project.policy.scope.notes = ("Applies to the three staff members, all volunteers and the "
                                  "board of directors.")
    assert "three staff members" not in _texts(build_policy(project))
    project.policy.scope.notes = "Student helpers from the college count as volunteers."
    text = _texts(build_policy(project))
    assert "In practice. Student helpers from the college count as volunteers." in text
    assert "Also note" not in text


def test_routes_are_run_in_headings_with_whole_sentences() -> None:
    project = load(EXAMPLES / "cafe-aurora.smready")
    project.policy.escalation.idea_route = "written on the ideas board in the kitchen"
    text = _texts(build_policy(project))
    assert "Ideas and suggestions. Written on the ideas board in the kitchen." in text
    assert "go to: Written" not in text
    assert "Everyone else. Other people do not give official statements" in text
    assert "Who may not" not in text


def test_people_in_tables_show_their_role() -> None:
    project = load(EXAMPLES / "harbour-food-bank.smready")
    project.policy.responsibilities.append(
        Responsibility(task=TaskKind.MONITORING, person="Ana Ruiz", backup="Tom Reyes"))
    project.policy.people.append(Person(name="Ana Ruiz", role="Driver",
                                        group=PersonGroup.VOLUNTEER))
    document = build_policy(project)
    cells = [c.text for s in document.sections for b in s.blocks if isinstance(b, Table)
             for row in b.rows for c in row]
    assert "Ana Ruiz (volunteer, Driver)" in cells
    assert "Tom Reyes (volunteer, Saturday distribution photographer)" in cells
    assert "Priya Patel (Pantry lead)" in cells


# --- vocabulary, law and sections by place and kind ------------------------------------------

def project_for(kind: OrgKind, country: str, region: str = "", **policy: Any) -> Project:
    project = Project.new("Test Org", kind)
    project.organization.country = country
    project.organization.region = region
    for dotted, value in policy.items():
        obj: Any = project
        *parents, last = dotted.split("__")
        for part in parents:
            obj = getattr(obj, part)
        setattr(obj, last, value)
    return project


def test_nonprofit_policy_speaks_of_the_people_it_serves() -> None:
    text = _texts(build_policy(project_for(OrgKind.NONPROFIT, "US", "California")))
    assert "customer" not in text.lower()
    assert "products or services" not in text and "our products" not in text
    assert "programs and services" in text
    business = _texts(build_policy(project_for(OrgKind.SMALL_BUSINESS, "US")))
    assert "customers" in business and "products and services" in business


def test_spelling_follows_the_country_but_never_touches_user_text() -> None:
    us = load(EXAMPLES / "harbour-food-bank.smready")
    us.policy.values_voice = "Our organisation's colour."
    text = _texts(build_policy(us))
    assert "organization" in text and "recognized" in text and "summarized" in text
    assert "Our organisation's colour." in text  # what the user typed stays as typed
    ours = text.replace("Our organisation's colour.", "")
    assert not re.search(r"organisation|recognised|summarised|programme|colours", ours)
    gb = _texts(build_policy(load(EXAMPLES / "riverside-youth-club.smready")))
    assert "organisation" in gb and "recognised" in gb and "programmes" in gb
    assert not re.search(r"\borganization\b|recognized|\bprograms\b", gb)


@pytest.mark.parametrize(("kind", "country", "region", "covered", "expected", "absent"), [
    (OrgKind.NONPROFIT, "US", "California", True, "privacy law where we work", "CCPA"),
    (OrgKind.SMALL_BUSINESS, "US", "California", False, "privacy law where we work", "CCPA"),
    (OrgKind.SMALL_BUSINESS, "US", "California", True, "California Consumer Privacy Act",
     "GDPR"),
    (OrgKind.SMALL_BUSINESS, "GB", "", False, "UK GDPR", "EU General"),
    (OrgKind.NONPROFIT, "FI", "", False, "EU General Data Protection Regulation", "UK GDPR"),
    (OrgKind.SMALL_BUSINESS, "BD", "", False, "privacy law where we work", "GDPR"),
    (OrgKind.NONPROFIT, "IN", "West Bengal", False, "Digital Personal Data Protection Act",
     "privacy law where we work"),
])
def test_privacy_law_by_place_and_kind(kind: OrgKind, country: str, region: str,
                                       covered: bool, expected: str, absent: str) -> None:
    project = project_for(kind, country, region)
    project.organization.ccpa_covered = covered
    text = _texts(build_policy(project))
    assert expected in text and absent not in text


@pytest.mark.parametrize(("country", "expected", "absent"), [
    ("US", "501(c)(3)", "CC9"),
    ("GB", "CC9", "501(c)(3)"),
    ("FI", "takes no side between parties", "501(c)(3)"),
])
def test_political_activity_rules_for_charities(country: str, expected: str,
                                                absent: str) -> None:
    text = _texts(build_policy(project_for(OrgKind.NONPROFIT, country)))
    assert "Politics and campaigns" in text and expected in text and absent not in text
    assert "Politics and campaigns" not in _texts(build_policy(
        project_for(OrgKind.SMALL_BUSINESS, country)))


@pytest.mark.parametrize(("country", "expected"), [
    ("US", "16 CFR 465"), ("GB", "Digital Markets, Competition and Consumers Act 2024"),
    ("FI", "Mainos"), ("DE", "EU consumer law"), ("BD", "Consumer law in most countries"),
    ("IN", "Central Consumer Protection Authority's guidelines on endorsements"),
])
def test_reviews_and_endorsements_by_place(country: str, expected: str) -> None:
    text = _texts(build_policy(project_for(OrgKind.SMALL_BUSINESS, country)))
    assert "Reviews, endorsements and paid partnerships" in text and expected in text
    assert "We never offer a discount, a gift or any other reward for a review." in text


@pytest.mark.parametrize(("country", "clause"), [
    ("BD", "registered with the NGO Affairs Bureau"),
    ("IN", "Foreign Contribution (Regulation) Act 2010 (FCRA)"),
])
def test_foreign_funded_nonprofits_in_bangladesh_and_india(country: str, clause: str) -> None:
    funded = project_for(OrgKind.NONPROFIT, country, policy__nonprofit__foreign_funding=True)
    text = _texts(build_policy(funded))
    assert clause in text and "takes no side between parties" in text
    assert clause not in _texts(build_policy(project_for(OrgKind.NONPROFIT, country)))
    # The flag means nothing for a business, nor elsewhere.
    business = project_for(OrgKind.SMALL_BUSINESS, country,
                           policy__nonprofit__foreign_funding=True)
    assert clause not in _texts(build_policy(business))
    for elsewhere in ("FI", "US", "GB", "DE"):
        other = project_for(OrgKind.NONPROFIT, elsewhere,
                            policy__nonprofit__foreign_funding=True)
        assert clause not in _texts(build_policy(other)), elsewhere


def test_the_foreign_funding_clauses_name_the_countries_the_wizard_asks_in() -> None:
    """The wizard shows the foreign-funding question exactly where a clause reads it."""
    from smready.domain.organization import FOREIGN_FUNDING_RULES_COUNTRIES

    countries: set[str] = set()
    for spec in load_clauses():
        for clause in spec.clauses:
            if "policy.nonprofit.foreign_funding" in clause.when.need:
                assert clause.when.country, clause
                countries.update(clause.when.country)
    assert countries == FOREIGN_FUNDING_RULES_COUNTRIES


def test_safeguarding_only_for_work_with_minors_or_vulnerable_people() -> None:
    plain = _texts(build_policy(project_for(OrgKind.NONPROFIT, "GB")))
    assert "Keeping children and vulnerable people safe" not in plain
    youth = project_for(OrgKind.NONPROFIT, "GB", policy__safeguarding__works_with_minors=True)
    text = _texts(build_policy(youth))
    assert "Keeping children and vulnerable people safe" in text
    assert "Do not send private messages or friend or follow requests to children" in text
    assert [g.field for g in policy_gaps(youth)].count("safeguarding.lead") == 1
    youth.policy.safeguarding.lead = "Grace Whitfield"
    assert "safeguarding.lead" not in [g.field for g in policy_gaps(youth)]


def test_clauses_labour_boards_struck_down_are_gone() -> None:
    for example in EXAMPLE_FILES:
        text = _texts(build_policy(load(example)))
        assert "Do not give comments yourself" not in text
        assert "only in official posts or with approval" not in text
        assert "could harm" not in text
        assert "Labour authorities" not in text and "deliberately specific" not in text
        assert text.count("Your rights.") == 1


def test_rights_statement_is_worded_for_who_is_covered() -> None:
    shop = _texts(build_policy(project_for(OrgKind.SMALL_BUSINESS, "US")))
    assert "limits your right to talk about your pay" in shop
    charity = _texts(build_policy(project_for(OrgKind.NONPROFIT, "US")))
    assert "limits the right of employees to talk about their pay" in charity
    assert "Volunteers and board members may also raise concerns" in charity
    only_volunteers = project_for(OrgKind.NONPROFIT, "US", policy__scope__staff=False)
    text = _texts(build_policy(only_volunteers))
    assert "pay" not in text.split("Your rights.")[1].split("\n")[0]
    for t in (shop, charity, text):
        assert t.count("Nothing in this policy") == 1


def test_new_sections_follow_the_answers() -> None:
    project = load(EXAMPLES / "cafe-aurora.smready")
    text = _texts(build_policy(project))
    for title in ("House rules for comments on our pages", "Starting conversations",
                  "Paid ads", "Agencies and freelancers"):
        assert title in text
    assert "Aino Virtanen (Owner) approves every ad and its budget" in text
    assert "hand back all logins, files and content" in text
    project.policy.ads.uses_ads = False
    project.policy.scope.contractors = False
    text = _texts(build_policy(project))
    assert "Paid ads" not in text and "Agencies and freelancers" not in text
    project.policy.ads.uses_ads = True
    project.policy.ads.approver = ""
    assert "ads.approver" in [g.field for g in policy_gaps(project)]


def test_next_review_is_a_date() -> None:
    project = load(EXAMPLES / "harbour-food-bank.smready")
    assert next_review(project) == dt.date(2027, 11, 1)
    document = build_policy(project)
    assert ("Next review", "1 November 2027") in document.cover_facts
    assert "by 1 November 2027 (12 months after it takes effect)" in _texts(document)
    project.policy.review.effective_date = dt.date(2026, 8, 31)
    project.policy.review.cadence_months = 6
    assert next_review(project) == dt.date(2027, 2, 28)
    project.policy.review.effective_date = None
    assert next_review(project) is None


def test_have_it_reviewed_note_until_someone_checked_it() -> None:
    project = load(EXAMPLES / "sunset-bean-cafe.smready")
    assert "someone who knows employment and privacy law" in _texts(build_policy(project))
    project.policy.review.legal_check_by = "Dana Lee, employment lawyer"
    text = _texts(build_policy(project))
    assert "Dana Lee, employment lawyer checked this version" in text
    assert "someone who knows employment and privacy law" not in text


# --- honest gaps ---------------------------------------------------------------------------

def test_every_marker_names_its_wizard_page_and_field() -> None:
    for kind in OrgKind:
        project = Project.new("Blank", kind)
        project.policy.safeguarding.works_with_minors = True
        markers = open_decisions(build_policy(project))
        assert len(markers) >= 10
        for marker in markers:
            assert marker.section in WIZARD_PAGES, marker
            assert marker.field and marker.message.startswith("Decide ")
            assert "Not decided yet" in marker.text
        gaps = policy_gaps(project)
        assert [(g.section, g.field) for g in gaps] == [(m.section, m.field) for m in markers]


def test_clause_library_sections_point_at_wizard_pages() -> None:
    specs = load_clauses()
    assert {s.wizard for s in specs} <= WIZARD_PAGES
    assert len({s.id for s in specs}) == len(specs)


REMOVALS: dict[str, Callable[[Project], None]] = {
    "accounts": lambda p: (setattr(p.policy, "accounts", []),
                           p.readiness.answers.pop("sites.platforms", None)),
    "spokespeople": lambda p: setattr(p.policy, "spokespeople", []),
    "crisis contacts": lambda p: setattr(p.policy.escalation, "crisis_contacts", []),
    "approver": lambda p: setattr(p.policy.review, "approver", ""),
    "effective date": lambda p: setattr(p.policy.review, "effective_date", None),
    "goals": lambda p: setattr(p, "goals", []),
    "tasks": lambda p: setattr(p.policy, "responsibilities", []),
    "story consent": lambda p: setattr(p.policy.nonprofit, "story_consent", False),
    "report": lambda p: (setattr(p.policy.measurement, "report_to", ""),
                         setattr(p.policy.review, "approver", "")),
}


@pytest.mark.parametrize("removal", sorted(REMOVALS))
@pytest.mark.parametrize("example", EXAMPLE_FILES, ids=lambda p: p.stem)
def test_gaps_are_exactly_the_printed_markers(example: Any, removal: str) -> None:
    from smready.rendering import render_html

    project = load(example)
    assert policy_gaps(project) == [] and "Not decided yet" not in render_html(project,
                                                                               "policy")
    REMOVALS[removal](project)
    html = render_html(project, "policy")
    gaps = policy_gaps(project)
    if removal == "story consent" and not project.organization.is_nonprofit:
        assert gaps == []
        return
    assert gaps, removal
    assert html.count("Not decided yet") == len(gaps)


# Any text, except punctuation inside it that the rules would blame on us (what the user
# wrote in the middle of their answer is theirs).
texts = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")),
                max_size=60).filter(lambda t: not re.search(r"\.\s*\.| ,|[:;] ?[:;.]", t))


@st.composite
def projects(draw: st.DrawFn) -> Project:
    kind = draw(st.sampled_from(list(OrgKind)))
    project = Project.new(draw(st.sampled_from(["Aurora", "Harbour & Co", "Kylä ry"])), kind)
    org = project.organization
    org.country = draw(st.sampled_from(["US", "GB", "FI", "DE", "BD", "IN", ""]))
    org.region = draw(st.sampled_from(["California", "Texas", ""]))
    org.ccpa_covered = draw(st.booleans())
    pol = project.policy
    for flag in ("staff", "volunteers", "board", "contractors"):
        setattr(pol.scope, flag, draw(st.booleans()))
    pol.safeguarding.works_with_minors = draw(st.booleans())
    pol.safeguarding.lead = draw(texts)
    pol.ads.uses_ads = draw(st.booleans())
    pol.ads.approver = draw(texts)
    pol.values_voice = draw(texts)
    pol.scope.notes = draw(texts)
    pol.escalation.complaint_route = draw(texts)
    pol.media_inquiries_to = draw(texts)
    pol.hr.extra_rules = draw(texts)
    if draw(st.booleans()):
        pol.responsibilities = [Responsibility(task=t, person=draw(texts))
                                for t in draw(st.lists(st.sampled_from(list(TaskKind)),
                                                       max_size=4, unique=True))]
    if draw(st.booleans()):
        project.goals = [Goal(goal_type=draw(st.sampled_from(list(GoalType))),
                              metric=draw(texts), platform=draw(texts),
                              relevance=draw(texts))]
    pol.review.approver = draw(texts)
    if draw(st.booleans()):
        pol.review.effective_date = dt.date(2026, 11, 1)
    return project


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(projects())
def test_generated_projects_gaps_match_markers_and_grammar(project: Project) -> None:
    from smready.rendering import render_html

    html = render_html(project, "policy")
    gaps = policy_gaps(project)
    assert (gaps == []) == ("Not decided yet" not in html)
    assert html.count("Not decided yet") == len(gaps)
    assert [p for p in problems(build_policy(project))
            if "doubled words" not in p] == []  # user text may repeat itself
    for marker in open_decisions(build_policy(project)):
        assert isinstance(marker, Gap | Cell) and marker.section in WIZARD_PAGES
