"""The social media policy: every clause, written once, as a structured ``Document``.

Plain language for a new employee or volunteer. Sections follow the answers of the policy
wizard; a decision the user left open is shown as a marked "Not decided yet" box, and a
section whose only content would be an optional note is left out.
"""

from __future__ import annotations

from smready.domain import (
    Consequence,
    PolicyAnswers,
    PrivacyLaw,
    Project,
    TaskKind,
    WorkTimeRule,
)
from smready.i18n import _
from smready.rendering.context import cell, format_date, format_number, gap, load_logo
from smready.rendering.model import Block, Bullets, Cell, Document, Note, Section, Table, Text


def _t(text: str, lead: str = "") -> Text:
    return Text(text=text, lead=lead)


def _bullets(*items: str) -> Bullets:
    return Bullets(items=tuple(Text(i) for i in items if i))


def _platform_name(platform: str) -> str:
    from smready.content import platform_name

    return platform_name(platform)


def _task_label(task: TaskKind) -> str:
    from smready.content import task_label

    return task_label(task)


def _who_it_covers(project: Project) -> list[str]:
    scope = project.policy.scope
    groups = []
    if scope.staff:
        groups.append(_("everyone employed by us, full-time or part-time, including managers"))
    if scope.volunteers:
        groups.append(_("volunteers"))
    if scope.board:
        groups.append(_("members of the board"))
    if scope.contractors:
        groups.append(_("contractors, freelancers and agencies working for us"))
    return groups


class _Builder:
    def __init__(self, project: Project, policy: PolicyAnswers) -> None:
        self.project = project
        self.org = project.organization
        self.name = project.organization.name.strip()
        self.policy = policy
        self.sections: list[Section] = []

    def add(self, title: str, blocks: list[Block], level: int = 1) -> None:
        if level == 1:
            number = sum(1 for s in self.sections if s.level == 1) + 1
            title = f"{number}. {title}"
        self.sections.append(Section(
            id=f"s{len(self.sections) + 1}", title=title, blocks=tuple(blocks), level=level))

    def person_for(self, task: TaskKind) -> str:
        for resp in self.policy.responsibilities:
            if resp.task is task and resp.person.strip():
                return resp.person.strip()
        return ""

    # --- sections -------------------------------------------------------------------

    def purpose(self) -> None:
        groups = _who_it_covers(self.project)
        blocks: list[Block] = [
            _t(_("This policy explains how {org} uses social media, who may post or speak "
                 "for us, and what we expect from everyone who works with us when they are "
                 "online. It is meant to be read in ten minutes; if anything is unclear, "
                 "ask.").format(org=self.name)),
        ]
        if groups:
            blocks.append(_t(_("It applies to:"), lead=_("Who it covers.")))
            blocks.append(_bullets(*groups))
        else:
            blocks.append(gap(self.project, _("who this policy applies to")))
        blocks.append(_t(_("It covers the official accounts of {org} and, where they touch on "
                           "{org}, the personal accounts of the people listed above.")
                         .format(org=self.name)))
        if self.policy.scope.notes.strip():
            blocks.append(_t(self.policy.scope.notes, lead=_("Also note.")))
        blocks.append(_t(_("Nothing in this policy limits your right to talk about your pay, "
                           "hours or working conditions (see section \u201cYour personal "
                           "accounts\u201d).")))
        self.add(_("Purpose and scope"), blocks)

    def social_media_and_accounts(self) -> None:
        blocks: list[Block] = [
            _t(_("\u201cSocial media\u201d means any website or app where people publish and "
                 "comment in public or semi-public: networks such as Facebook, Instagram, "
                 "LinkedIn or TikTok, review sites such as Google reviews, video and photo "
                 "sites, blogs, forums, podcasts, wikis and group chats.")),
        ]
        accounts = self.policy.accounts
        if accounts:
            blocks.append(_t(_("These are our official accounts. Only the people named in this "
                               "policy post on them. The owner keeps the account details up to "
                               "date and answers for what is posted.")))
            blocks.append(Table(
                columns=(_("Platform"), _("Account"), _("Owner"), _("What we use it for")),
                rows=tuple(
                    (Cell(_platform_name(a.platform)), Cell(a.handle.strip()),
                     cell(a.owner, self.project), Cell(a.purpose.strip()))
                    for a in accounts
                ),
                widths=(20, 22, 24, 34),
            ))
            blocks.append(_t(_("Nobody opens a new account in the name of {org} without the "
                               "approval of the person responsible for social media.")
                             .format(org=self.name)))
        else:
            blocks.append(gap(self.project, _("which platforms are official and who owns each "
                                              "account")))
        if self.policy.tools.strip():
            blocks.append(_t(self.policy.tools, lead=_("Tools we use.")))
        self.add(_("What counts as social media, and our official accounts"), blocks)

    def goals(self) -> None:
        from smready.content import goal_type_info

        goals = self.project.goals
        blocks: list[Block] = [
            _t(_("We are on social media for a reason, not because everyone else is. These are "
                 "the goals our posts should serve:")),
        ]
        if not goals:
            self.add(_("Why we are on social media"),
                     [*blocks, gap(self.project, _("the goals for social media"))])
            return
        items = []
        for goal in goals:
            info = goal_type_info(goal.goal_type)
            parts = []
            if goal.metric.strip():
                parts.append(goal.metric.strip())
            if goal.platform.strip():
                parts.append(_("on {platform}").format(platform=_platform_name(goal.platform)))
            if goal.baseline is not None and goal.target is not None:
                parts.append(_("from {baseline} to {target}").format(
                    baseline=format_number(goal.baseline), target=format_number(goal.target)))
            elif goal.target is not None:
                parts.append(_("reach {target}").format(target=format_number(goal.target)))
            if goal.deadline is not None:
                parts.append(_("by {date}").format(date=format_date(goal.deadline)))
            text = " ".join(parts) if parts else info.description
            if goal.relevance.strip():
                text += " — " + _("this serves: {why}").format(why=goal.relevance.strip())
            items.append(Text(text=text, lead=info.name + "."))
        blocks.append(Bullets(items=tuple(items)))
        self.add(_("Why we are on social media"), blocks)

    def values_voice(self) -> None:
        blocks: list[Block] = []
        if self.policy.values_voice.strip():
            blocks.append(_t(self.policy.values_voice))
        else:
            blocks.append(gap(self.project, _("how our posts should sound (our values and "
                                              "voice)")))
        blocks.append(_t(_("Whatever the platform, posts are honest, polite and easy to "
                           "understand. When we get something wrong, we say so and correct "
                           "it.")))
        self.add(_("Our values and voice"), blocks)

    def spokespeople(self) -> None:
        pol = self.policy
        blocks: list[Block] = []
        if pol.spokespeople:
            blocks.append(_t(_("Only these people speak for {org} in public, including "
                               "comments, interviews and posts on our official accounts:")
                             .format(org=self.name)))
            blocks.append(Table(
                columns=(_("Name"), _("Role"), _("Speaks about"), _("Contact"),
                         _("Approves posts")),
                rows=tuple(
                    (Cell(s.name.strip()), Cell(s.role.strip()), Cell(s.topics.strip()),
                     Cell(s.contact.strip()), Cell(_("Yes") if s.may_approve_posts else _("No")))
                    for s in pol.spokespeople
                ),
                widths=(22, 18, 22, 24, 14),
            ))
        else:
            blocks.append(gap(self.project, _("who may speak for the organization")))
        blocks.append(_t(_("Everyone else does not speak for {org}. You are welcome to share "
                           "our public posts, but do not present your own opinion as our "
                           "position, and do not answer on our behalf.").format(org=self.name),
                         lead=_("Who may not.")))
        approvers = [s.name.strip() for s in pol.spokespeople if s.may_approve_posts]
        if approvers:
            blocks.append(_t(_("Routine posts that follow the content plan can go out without "
                               "approval. Anything new, sensitive or about money, people or "
                               "partners is approved first by: {names}.")
                             .format(names=", ".join(approvers)), lead=_("Approval of posts.")))
        else:
            blocks.append(gap(self.project, _("who approves posts before they go out")))
        if pol.media_inquiries_to.strip():
            blocks.append(_t(_("If a journalist, blogger or researcher contacts you, thank them "
                               "and pass the request to {who}. Do not give comments "
                               "yourself.").format(who=pol.media_inquiries_to.strip()),
                             lead=_("Media inquiries.")))
        else:
            blocks.append(gap(self.project, _("who handles questions from journalists")))
        self.add(_("Who speaks for us"), blocks)

    def security(self) -> None:
        owner = self.person_for(TaskKind.SECURITY) or self.person_for(TaskKind.POINT_PERSON)
        blocks: list[Block] = [_bullets(
            _("Passwords for official accounts live in a password manager. Never send them "
              "by e-mail or chat, and never write them down where others can see them."),
            _("Two-factor authentication is switched on for every official account."),
            _("Each person uses their own login where the platform allows it, so that access "
              "can be given and taken away one person at a time."),
            _("When someone leaves or changes role, their access is removed the same day and "
              "shared passwords are changed."),
            _("Do not click on links in messages that ask you to log in again or that threaten "
              "to close the account; check with the person below first."),
        )]
        if owner:
            blocks.append(_t(_("{who} keeps the list of who has access and checks it every "
                               "three months.").format(who=owner), lead=_("Responsible.")))
        else:
            blocks.append(gap(self.project, _("who looks after account security")))
        self.add(_("Keeping our accounts safe"), blocks)

    def confidentiality(self) -> None:
        hr = self.policy.hr
        blocks: list[Block] = [
            _t(_("Do not post anything you learned at work that is not already public and that "
                 "could harm {org}, our customers or the people we work with.")
               .format(org=self.name)),
        ]
        if hr.confidential_examples.strip():
            blocks.append(_t(hr.confidential_examples, lead=_("Here that includes:")))
        blocks.append(_t(_("Never post personal details of customers, clients or colleagues "
                           "(names, photos, messages, health or money matters) without their "
                           "permission. When in doubt, leave it out and ask.")))
        blocks.append(_t(_("This rule is about business secrets and other people's private "
                           "data. It does not stop you from talking about your own pay or "
                           "working conditions.")))
        self.add(_("Confidential information"), blocks)

    def personal_accounts(self) -> None:
        hr = self.policy.hr
        blocks: list[Block] = [
            _t(_("Your personal accounts are your own business. This section only applies when "
                 "you post about {org} or our work.").format(org=self.name)),
        ]
        items = []
        if hr.disclose_affiliation:
            items.append(_("If you write about {org}, our products or services, say that you "
                           "work with us. Hidden praise misleads people and can break "
                           "consumer protection law.").format(org=self.name))
        if hr.personal_disclaimer:
            items.append(_("If your profile says where you work, make clear that the views are "
                           "your own, for example with \u201cmy views are my own\u201d."))
        items.append(_("Do not use our logo or official account names in a way that makes a "
                       "personal account look official."))
        items.append(_("You do not have to connect with colleagues, customers or managers on "
                       "your personal accounts, and nobody may pressure you to."))
        blocks.append(_bullets(*items))
        blocks.append(Note(
            lead=_("Your rights."),
            text=_("Nothing in this policy limits your right to discuss your pay, hours, "
                   "benefits or working conditions with colleagues or anyone else, on social "
                   "media or elsewhere, or to raise concerns about the workplace together. "
                   "No one will be disciplined for doing so. Labour authorities have struck "
                   "down social media rules that were written too broadly, so the rules here "
                   "are deliberately specific."),
        ))
        self.add(_("Your personal accounts"), blocks)

    def work_time(self) -> None:
        hr = self.policy.hr
        rule = {
            WorkTimeRule.PART_OF_JOB: _(
                "For the people who run our accounts, social media work is part of the job and "
                "is done in working hours. Personal use of social media is for breaks."),
            WorkTimeRule.BREAKS_ONLY: _(
                "Personal social media is for breaks and time off. During working hours, only "
                "the people assigned to our accounts use social media, and only for that work."),
            WorkTimeRule.REASONABLE: _(
                "Short personal use of social media during the day is fine, as long as it does "
                "not get in the way of your work, customers or colleagues."),
        }[hr.work_time]
        blocks: list[Block] = [_t(rule, lead=_("During working hours."))]
        if hr.work_devices_ok:
            blocks.append(_t(_("You may use work computers and phones for personal social "
                               "media within the rule above. Log out of personal accounts on "
                               "shared devices."), lead=_("Work devices.")))
        else:
            blocks.append(_t(_("Work computers and phones are used for official accounts only, "
                               "not for personal social media."), lead=_("Work devices.")))
        if hr.after_hours_posting_expected:
            blocks.append(_t(_("Some posting or answering outside normal hours is part of the "
                               "role for the people named in the responsibilities table. That "
                               "time counts as working time and is agreed in advance."),
                             lead=_("Outside working hours.")))
        else:
            blocks.append(_t(_("Nobody is expected to post or answer messages for {org} in "
                               "their free time. If the work does not fit in working hours, "
                               "tell your manager so it can be rearranged.")
                             .format(org=self.name), lead=_("Outside working hours.")))
        self.add(_("Social media during work"), blocks)

    def respect(self) -> None:
        hr = self.policy.hr
        blocks: list[Block] = [_bullets(
            _("Treat people online as you would face to face. No insults, threats, slurs, "
              "sexual comments or bullying, whether on official accounts or about colleagues, "
              "customers or partners."),
            _("Harassment of a colleague on social media is handled the same way as harassment "
              "at work."),
            _("If you are harassed online because of your work for us, tell your manager or "
              "the point person. You will get support, and you do not have to answer."),
        )]
        if hr.respect_note.strip():
            blocks.append(_t(hr.respect_note))
        self.add(_("Respect and harassment"), blocks)

    def copyright(self) -> None:
        hr = self.policy.hr
        blocks: list[Block] = [_bullets(
            _("Only post photos, videos, music and text that we made ourselves, that we have "
              "paid for, or that we have written permission to use. Credit the creator."),
            _("Finding something online does not mean we may use it."),
            _("Our logo and brand materials are used as they are, without changes, and only "
              "in official posts or with approval."),
        )]
        if hr.copyright_note.strip():
            blocks.append(_t(hr.copyright_note))
        self.add(_("Copyright, logos and images"), blocks)

    def nonprofit(self) -> None:
        if not self.org.is_nonprofit:
            return
        npr = self.policy.nonprofit
        self.add(_("Volunteers, board members and fundraising"), [
            _t(_("As a nonprofit we depend on the trust of supporters and of the people we "
                 "serve. These extra rules protect that trust.")),
        ])
        vol = (_("Volunteers may post on our official accounts when the point person has "
                 "given them access and shown them this policy.")
               if npr.volunteers_may_post_officially else
               _("Volunteers do not post on our official accounts. They are warmly invited to "
                 "share our posts from their own accounts."))
        board = (_("Board members may speak for the organization in public on matters the "
                   "board has decided, and tell the point person when they do.")
                 if npr.board_may_speak else
                 _("Board members speak for the organization in public only when they are "
                   "listed as spokespeople. Board discussions stay confidential until the "
                   "board decides to share them."))
        self.add(_("Volunteers and board members"), [_t(vol), _t(board)], level=2)
        fund: list[Block] = []
        if npr.fundraising_online:
            fund.append(_bullets(
                _("Fundraising posts say clearly who is raising the money, what it is for and "
                  "how to give through our official channels."),
                _("Never ask for donations to a personal bank account or payment link."),
                _("Report honestly on what donations achieved."),
            ))
        else:
            fund.append(_t(_("We do not raise money through social media. Refer anyone who "
                             "wants to give to our website or office.")))
        if npr.fundraising_rules.strip():
            fund.append(_t(npr.fundraising_rules))
        self.add(_("Fundraising on social media"), fund, level=2)
        if npr.story_consent:
            story = _t(_("Before we share the story, photo or video of someone we serve, we "
                         "get their written consent (from a parent or guardian for a child), "
                         "explain where it will appear, and remove it if they change their "
                         "mind. Never share anything that could identify a person in a "
                         "vulnerable situation without that consent."))
            self.add(_("Stories and photos of the people we serve"), [story], level=2)
        else:
            self.add(_("Stories and photos of the people we serve"),
                     [gap(self.project, _("how we get consent for the stories and photos of "
                                          "the people we serve"))], level=2)

    def responsibilities(self) -> None:
        rows = self.policy.responsibilities
        blocks: list[Block] = []
        point = self.person_for(TaskKind.POINT_PERSON)
        if point:
            blocks.append(_t(_("{who} is the point person for all our social media: the first "
                               "person to ask about anything in this policy.").format(who=point)))
        if rows:
            blocks.append(Table(
                columns=(_("Task"), _("Person"), _("Backup"), _("Response time")),
                rows=tuple(
                    (Cell(_task_label(r.task) + (f" ({r.notes.strip()})" if r.notes.strip()
                                                 else "")),
                     cell(r.person, self.project), Cell(r.backup.strip() or "—"),
                     Cell(r.response_time.strip() or "—"))
                    for r in rows
                ),
                widths=(36, 22, 20, 22),
            ))
        else:
            blocks.append(gap(self.project, _("who posts, who monitors, who answers and how "
                                              "fast")))
        blocks.append(_t(_("When the person is away, the backup takes over. Social media is "
                           "everyone's business: if you see something about us online that "
                           "needs an answer, pass it to the person responsible.")))
        self.add(_("Who does what"), blocks)

    def responding(self) -> None:
        esc = self.policy.escalation
        answer_time = ""
        for resp in self.policy.responsibilities:
            if resp.task is TaskKind.ANSWERING and resp.response_time.strip():
                answer_time = resp.response_time.strip()
        blocks: list[Block] = [_bullets(
            _("We answer comments and messages; posting and then ignoring the replies is the "
              "worst thing we can do."),
            (_("We aim to reply {when}.").format(when=answer_time) if answer_time else ""),
            _("Thank people for praise, answer questions, and move personal details to a "
              "private message."),
            _("We do not delete criticism just because it is critical. We remove spam, hate "
              "speech, threats and posts that reveal someone's private data, and note why."),
        )]
        blocks.append(_t(_("Complaints, questions and ideas that reach us on social media go "
                           "to the right person quickly, and we tell the sender what will "
                           "happen next.")))
        if esc.complaint_route.strip():
            blocks.append(_t(esc.complaint_route, lead=_("Complaints and service problems go "
                                                         "to:")))
        else:
            blocks.append(gap(self.project, _("who receives complaints that arrive on social "
                                              "media")))
        if esc.idea_route.strip():
            blocks.append(_t(esc.idea_route, lead=_("Ideas and suggestions go to:")))
        else:
            blocks.append(gap(self.project, _("who receives ideas and suggestions")))
        self.add(_("Answering comments and passing things on"), blocks)

    def crisis(self) -> None:
        esc = self.policy.escalation
        blocks: list[Block] = []
        if esc.negative_mention_steps.strip():
            blocks.append(_t(esc.negative_mention_steps, lead=_("Negative comments and "
                                                                "reviews.")))
        else:
            blocks.append(_t(_("Follow these steps:"), lead=_("Negative comments and reviews.")))
            blocks.append(Bullets(numbered=True, items=(
                Text(_("Stay calm and do not argue in public.")),
                Text(_("Check the facts with the people involved.")),
                Text(_("Reply once, politely, and offer to sort it out in a private "
                       "message.")),
                Text(_("If it spreads, involves a threat or the media, or could be a legal "
                       "matter, tell the crisis contacts below at once.")),
            )))
        if esc.hacked_account_steps.strip():
            blocks.append(_t(esc.hacked_account_steps, lead=_("If an account is hacked.")))
        else:
            blocks.append(_t(_("Follow these steps:"), lead=_("If an account is hacked.")))
            blocks.append(Bullets(numbered=True, items=(
                Text(_("Tell the crisis contacts straight away, even outside working hours.")),
                Text(_("Change the password and log out all sessions; use the platform's "
                       "account recovery if you are locked out.")),
                Text(_("Delete posts the intruder made and tell followers briefly what "
                       "happened.")),
                Text(_("Review who has access and switch on two-factor authentication if it "
                       "was off.")),
            )))
        contacts = esc.crisis_contacts
        if contacts:
            blocks.append(_t(_("Crisis contacts, in this order:")))
            blocks.append(Table(
                columns=(_("Name"), _("Role"), _("E-mail"), _("Phone")),
                rows=tuple(
                    (cell(c.name, self.project), Cell(c.role.strip() or "—"),
                     Cell(c.email.strip() or "—"), Cell(c.phone.strip() or "—"))
                    for c in contacts
                ),
                widths=(26, 24, 30, 20),
            ))
        else:
            blocks.append(gap(self.project, _("whom to call in a crisis or when an account is "
                                              "hacked")))
        self.add(_("Negative mentions, crises and hacked accounts"), blocks)

    def privacy(self) -> None:
        prv = self.policy.privacy
        law = self.org.privacy_law
        law_text = {
            PrivacyLaw.GDPR: _(
                "We follow the EU General Data Protection Regulation (GDPR). We collect "
                "personal data only for a stated purpose and with a lawful basis such as "
                "consent, keep no more than we need, and people may ask to see or delete "
                "their data."),
            PrivacyLaw.CCPA: _(
                "We follow the California Consumer Privacy Act (CCPA). People have the right "
                "to know what personal information we collect through social media, to ask us "
                "to delete it, and to opt out of its sale or sharing."),
            PrivacyLaw.GENERAL: _(
                "We follow the privacy law where we operate and the rules of each platform. We "
                "collect personal data only when we need it, tell people why, and keep it "
                "safe."),
        }[law]
        blocks: list[Block] = [_t(law_text)]
        items = []
        if prv.photo_consent:
            items.append(_("We ask for consent before posting a photo or video in which a "
                           "person can be recognised. For groups at public events, a visible "
                           "notice is given and anyone may ask to be left out."))
        else:
            items.append(_("Before posting photos of people, check with the point person "
                           "whether consent is needed."))
        if prv.minors_extra_care:
            items.append(_("Children are only shown with written consent from a parent or "
                           "guardian, and never with their full name or school."))
        if prv.collects_personal_data:
            items.append(_("Contests, sign-up forms and messages that collect names, e-mail "
                           "addresses or other personal data say what the data is for and how "
                           "long it is kept; it is stored only in our approved systems."))
        blocks.append(_bullets(*items))
        if prv.data_contact.strip():
            blocks.append(_t(_("Questions about personal data go to {who}.")
                             .format(who=prv.data_contact.strip()), lead=_("Contact.")))
        if prv.notes.strip():
            blocks.append(_t(prv.notes))
        self.add(_("Privacy and consent"), blocks)

    def measurement(self) -> None:
        from smready.content import goal_type_info

        msr = self.policy.measurement
        blocks: list[Block] = [
            _t(_("Social media is a tool, so we check whether it works, like any other "
                 "marketing.")),
        ]
        metrics: list[str] = []
        for goal in self.project.goals:
            chosen = goal.metric.strip()
            names = [chosen] if chosen else goal_type_info(goal.goal_type).metrics[:3]
            for name in names:
                if name not in metrics:
                    metrics.append(name)
        if metrics:
            blocks.append(_t(", ".join(metrics), lead=_("What we measure:")))
        period = msr.report_every.strip() or _("month")
        if msr.report_to.strip():
            blocks.append(_t(_("Every {period}, the figures are summarised and sent to {who}, "
                               "with what worked, what did not and what we will change.")
                             .format(period=period, who=msr.report_to.strip()),
                             lead=_("Reporting.")))
        else:
            blocks.append(gap(self.project, _("who receives the social media report")))
        if msr.tools.strip():
            blocks.append(_t(msr.tools, lead=_("Tools.")))
        self.add(_("Measuring and reporting"), blocks)

    def training(self) -> None:
        trn = self.policy.training
        items = []
        if trn.onboarding:
            items.append(_("Everyone reads this policy when they join and signs the "
                           "acknowledgement sheet."))
        if trn.refresher_months:
            items.append(_("We run a short refresher every {n} months, and whenever we start "
                           "on a new platform.").format(n=trn.refresher_months))
        items.append(_("Nobody has to use a tool they have not been shown: ask for training "
                       "instead."))
        blocks: list[Block] = [_bullets(*items)]
        if trn.materials.strip():
            blocks.append(_t(trn.materials, lead=_("Training material:")))
        if trn.ambassadors:
            blocks.append(_t(", ".join(a.strip() for a in trn.ambassadors if a.strip()),
                             lead=_("Our social media ambassadors:")))
            blocks.append(_t(_("Ambassadors help colleagues get started and share ideas for "
                               "posts. Anyone can volunteer.")))
        recognition = trn.recognition.strip() or _(
            "We credit people who help a customer quickly online or bring a good idea.")
        blocks.append(_t(recognition, lead=_("Recognition.")))
        self.add(_("Training and ambassadors"), blocks)

    def enforcement(self) -> None:
        hr = self.policy.hr
        text = {
            Consequence.STANDARD: _(
                "A breach of this policy is handled like any other breach of workplace rules: "
                "first a conversation, then a written warning, and further steps only if it "
                "continues."),
            Consequence.STRICT: _(
                "Most breaches are handled with a conversation and, if needed, a warning. "
                "Serious breaches such as leaking confidential information or harassing "
                "someone can lead to dismissal or the end of a volunteer role."),
        }[hr.consequence]
        blocks: list[Block] = [_t(text)]
        blocks.append(_t(_("If you are unsure whether something is allowed, ask before you "
                           "post. Asking never gets anyone into trouble.")))
        if hr.extra_rules.strip():
            blocks.append(_t(hr.extra_rules, lead=_("Other rules.")))
        self.add(_("If this policy is not followed"), blocks)

    def review(self) -> None:
        rev = self.policy.review
        rows = [
            (Cell(_("Version")), cell(rev.version, self.project)),
            (Cell(_("Effective from")),
             Cell(format_date(rev.effective_date)) if rev.effective_date
             else cell("", self.project)),
            (Cell(_("Approved by")),
             cell(", ".join(x for x in (rev.approver.strip(), rev.approver_role.strip()) if x),
                  self.project)),
            (Cell(_("Next review")),
             Cell(_("every {n} months, or sooner when laws, platforms or our team change")
                  .format(n=rev.cadence_months))),
        ]
        blocks: list[Block] = [Table(columns=(_("Item"), _("Detail")), rows=tuple(rows),
                                     widths=(30, 70))]
        reviewer = self.person_for(TaskKind.POLICY_REVIEW)
        if reviewer:
            blocks.append(_t(_("{who} makes sure the review happens.").format(who=reviewer)))
        self.add(_("Review and approval"), blocks)


def build_policy(project: Project) -> Document:
    policy = project.policy  # the one policy: what the wizard shows and the gaps check
    builder = _Builder(project, policy)
    builder.purpose()
    builder.social_media_and_accounts()
    builder.goals()
    builder.values_voice()
    builder.spokespeople()
    builder.security()
    builder.confidentiality()
    builder.personal_accounts()
    builder.work_time()
    builder.respect()
    builder.copyright()
    builder.nonprofit()
    builder.responsibilities()
    builder.responding()
    builder.crisis()
    builder.privacy()
    builder.measurement()
    builder.training()
    builder.enforcement()
    builder.review()
    rev = policy.review
    facts = [(_("Version"), rev.version.strip())]
    if rev.effective_date:
        facts.append((_("Effective from"), format_date(rev.effective_date)))
    if rev.approver.strip():
        facts.append((_("Approved by"), ", ".join(
            x for x in (rev.approver.strip(), rev.approver_role.strip()) if x)))
    kind = (_("nonprofit") if project.organization.is_nonprofit else _("small business"))
    return Document(
        kind="policy",
        title=_("Social media policy"),
        organization=project.organization.name.strip(),
        subject=_("How {org} uses social media: rules, responsibilities and contacts ({kind}).")
        .format(org=project.organization.name.strip(), kind=kind),
        lang=project.language,
        cover_facts=tuple((k, v) for k, v in facts if v),
        sections=tuple(builder.sections),
        logo=load_logo(project.organization.logo_path),
        keywords=(_("social media policy"), project.organization.name.strip()),
    )
