"""Step (nonprofits only): volunteers, the board, fundraising and consent."""

from __future__ import annotations

from smready.domain import Project
from smready.domain.organization import FOREIGN_FUNDING_RULES_COUNTRIES
from smready.i18n import _
from smready.ui.pages.policy.base import PolicyPage


class NonprofitPage(PolicyPage):
    page_id = "nonprofit"
    sections = ("nonprofit",)

    @classmethod
    def title(cls) -> str:
        return _("Volunteers, board and fundraising")

    @classmethod
    def why(cls) -> str:
        return _("Supporters care about your cause, and the people you serve trust you with "
                 "their stories. Settle who speaks, how you raise money, and whose consent "
                 "you need.")

    @classmethod
    def is_shown(cls, project: Project) -> bool:
        return project.organization.is_nonprofit

    def build(self) -> None:
        self.volunteers_check = self.add_check(
            "volunteers_may_post_officially",
            _("Volunteers may post on the official accounts"))
        self.board_check = self.add_check(
            "board_may_speak", _("Board members may speak for the organization"),
            hint=_("Otherwise only the spokespeople do."))
        self.fundraising_check = self.add_check(
            "fundraising_online", _("We raise money through social media"))
        self.rules_edit = self.add_field(
            "fundraising_rules", _("Fundraising rules"),
            self.text_edit(_("e.g. Only the official accounts ask for donations; every "
                             "appeal links to our own donation page.")),
            full_width=True)
        self.consent_check = self.add_check(
            "story_consent",
            _("Ask for written consent before sharing stories or photos of the people we "
              "serve"))
        self.charity_check = self.add_check(
            "registered_charity",
            _("We are a registered charity (a 501(c)(3) in the US, a registered charity in "
              "the UK, or the like)"),
            hint=_("Registered charities may not support parties or candidates; the policy "
                   "then says so in its rules on politics."))
        self.foreign_check = self.add_check(
            "foreign_funding",
            _("We receive donations or grants from abroad"),
            hint=_("In Bangladesh and India, organizations funded from abroad have their own "
                   "rules on politics; the policy then sets them out."))
        for widget, path in (
                (self.foreign_check, "nonprofit.foreign_funding"),
                (self.charity_check, "nonprofit.registered_charity"),
                (self.volunteers_check, "nonprofit.volunteers_may_post_officially"),
                (self.board_check, "nonprofit.board_may_speak"),
                (self.fundraising_check, "nonprofit.fundraising_online"),
                (self.rules_edit, "nonprofit.fundraising_rules"),
                (self.consent_check, "nonprofit.story_consent")):
            self.bind(widget, path)
        self.fundraising_check.toggled.connect(self.rules_edit.setEnabled)

    def load_widgets(self, project: Project) -> None:
        self.rules_edit.setEnabled(project.policy.nonprofit.fundraising_online)
        # Only where the law on foreign funding has rules of its own on politics.
        self.set_check_shown("foreign_funding", project.organization.country.upper()
                             in FOREIGN_FUNDING_RULES_COUNTRIES)
