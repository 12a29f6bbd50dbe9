"""The answers of the policy wizard."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from pydantic import Field

from smready.domain.base import (
    Identifier,
    LongText,
    Name,
    ShortText,
    StrictModel,
    bounded_list,
)
from smready.domain.organization import Contact


class PersonGroup(StrEnum):
    STAFF = "staff"
    VOLUNTEER = "volunteer"
    BOARD = "board"
    CONTRACTOR = "contractor"


class Person(StrictModel):
    """Someone named in the policy, so that tables can say who they are."""

    name: Name = Field(min_length=1)
    role: Name = ""
    group: PersonGroup = PersonGroup.STAFF


class Scope(StrictModel):
    staff: bool = True
    volunteers: bool = False
    board: bool = False
    contractors: bool = False
    notes: LongText = ""


class OfficialAccount(StrictModel):
    platform: Identifier | Name
    """A platform id from resources/platforms.yaml, or any other name."""
    handle: Name = ""
    owner: Name = ""
    purpose: ShortText = ""


class Spokesperson(StrictModel):
    name: Name = Field(min_length=1)
    role: Name = ""
    may_approve_posts: bool = False
    contact: ShortText = ""
    topics: ShortText = ""
    """What they speak about, e.g. "press, partnerships"."""


class WorkTimeRule(StrEnum):
    PART_OF_JOB = "part_of_job"
    """Official social media work is part of the job; personal use on breaks."""
    BREAKS_ONLY = "breaks_only"
    """Personal use only on breaks; official work only by assigned people."""
    REASONABLE = "reasonable"
    """Brief personal use is fine as long as work does not suffer."""


class Consequence(StrEnum):
    STANDARD = "standard"
    """Handled like any other breach of workplace rules: a talk, a warning, then more."""
    STRICT = "strict"
    """Serious breaches (leaks, harassment) can lead to dismissal or ending a volunteer role."""


class HRRules(StrictModel):
    work_time: WorkTimeRule = WorkTimeRule.PART_OF_JOB
    work_devices_ok: bool = True
    """Personal social media on work devices is allowed within the work-time rule."""
    after_hours_posting_expected: bool = False
    disclose_affiliation: bool = True
    """People discussing the organization on personal accounts say they work there."""
    personal_disclaimer: bool = True
    """Personal accounts that mention the organization say "my views are my own"."""
    confidential_examples: ShortText = ""
    """What counts as confidential here, e.g. "client files, supplier prices"."""
    respect_note: LongText = ""
    copyright_note: LongText = ""
    consequence: Consequence = Consequence.STANDARD
    extra_rules: LongText = ""


class TaskKind(StrEnum):
    POINT_PERSON = "point_person"
    POSTING = "posting"
    MONITORING = "monitoring"
    ANSWERING = "answering"
    ROUTING = "routing"
    ESCALATING = "escalating"
    CRISIS = "crisis"
    REPORTING = "reporting"
    SECURITY = "security"
    POLICY_REVIEW = "policy_review"


class Responsibility(StrictModel):
    task: TaskKind
    person: Name = ""
    backup: Name = ""
    response_time: Name = ""
    """E.g. "within 4 working hours"."""
    notes: ShortText = ""


class Escalation(StrictModel):
    crisis_contacts: list[Contact] = bounded_list(50)
    complaint_route: ShortText = ""
    """Who receives service complaints from social media, e.g. "the shift manager"."""
    idea_route: ShortText = ""
    """Who receives product ideas and suggestions."""
    negative_mention_steps: LongText = ""
    hacked_account_steps: LongText = ""


class Privacy(StrictModel):
    photo_consent: bool = True
    """Written consent before posting photos of identifiable people."""
    minors_extra_care: bool = True
    collects_personal_data: bool = False
    """Contests, sign-up forms or messages that collect names, e-mails and the like."""
    data_contact: Name = ""
    notes: LongText = ""


class Safeguarding(StrictModel):
    works_with_minors: bool = False
    """We work with children or young people under 18."""
    works_with_vulnerable: bool = False
    """We serve adults who may be in a vulnerable situation (health, money, housing...)."""
    lead: Name = ""
    """The person to tell about a safeguarding worry."""


class CommentRules(StrictModel):
    """House rules for comments on our own pages."""

    extra: LongText = ""
    """Anything else we hide or remove here."""
    threats_to: Name = ""
    """Who reports threats to the police or the platform (default: the crisis contacts)."""


class PaidAds(StrictModel):
    uses_ads: bool = False
    approver: Name = ""
    """Who approves ad spend."""
    budget: ShortText = ""
    """E.g. "up to 150 euros a month"."""


class Agencies(StrictModel):
    uses_agency: bool = False
    """An agency or freelancer runs or posts on our accounts."""
    names: ShortText = ""
    contact: Name = ""
    """Our person who manages the agency and its access."""


class Training(StrictModel):
    onboarding: bool = True
    refresher_months: int = Field(default=12, ge=0, le=60)
    materials: ShortText = ""
    ambassadors: list[Name] = bounded_list(200)
    recognition: ShortText = ""
    """How good social work is credited, e.g. "shout-out in the monthly staff meeting"."""


class Review(StrictModel):
    cadence_months: int = Field(default=12, ge=1, le=36)
    version: Name = "1.0"
    effective_date: dt.date | None = None
    approver: Name = ""
    approver_role: Name = ""
    legal_check_by: Name = ""
    """Who checked this version against local law (a lawyer, a charity adviser...)."""


class Measurement(StrictModel):
    report_every: Name = "month"
    report_to: Name = ""
    tools: ShortText = ""


class NonprofitRules(StrictModel):
    volunteers_may_post_officially: bool = False
    board_may_speak: bool = False
    """Board members may speak for the organization (otherwise only spokespeople do)."""
    fundraising_online: bool = True
    fundraising_rules: LongText = ""
    story_consent: bool = True
    """Written consent before sharing stories or photos of the people served."""
    registered_charity: bool = True
    """A 501(c)(3) in the US, a registered charity in England and Wales, or the like."""
    foreign_funding: bool = False
    """Receives donations or grants from abroad: in Bangladesh registered with the NGO Affairs
    Bureau, in India under the FCRA; both limit what the organization says about politics
    (see ``FOREIGN_FUNDING_RULES_COUNTRIES``)."""


class PolicyAnswers(StrictModel):
    scope: Scope = Field(default_factory=Scope)
    accounts: list[OfficialAccount] = bounded_list(100)
    tools: ShortText = ""
    """Tools used, e.g. "Meta Business Suite for scheduling, Canva for images"."""
    values_voice: LongText = ""
    spokespeople: list[Spokesperson] = bounded_list(200)
    media_inquiries_to: Name = ""
    hr: HRRules = Field(default_factory=HRRules)
    responsibilities: list[Responsibility] = bounded_list(100)
    escalation: Escalation = Field(default_factory=Escalation)
    privacy: Privacy = Field(default_factory=Privacy)
    measurement: Measurement = Field(default_factory=Measurement)
    training: Training = Field(default_factory=Training)
    review: Review = Field(default_factory=Review)
    nonprofit: NonprofitRules = Field(default_factory=NonprofitRules)
    people: list[Person] = bounded_list(300)
    """Other people the policy names (backups, ambassadors) with their role."""
    safeguarding: Safeguarding = Field(default_factory=Safeguarding)
    comments: CommentRules = Field(default_factory=CommentRules)
    ads: PaidAds = Field(default_factory=PaidAds)
    agencies: Agencies = Field(default_factory=Agencies)
    conversation_ideas: LongText = ""
    """How we start conversations ourselves, not only answer them."""
