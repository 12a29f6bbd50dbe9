"""Step (nonprofits only): volunteers, the board, fundraising and consent."""

from __future__ import annotations

from smready.domain import Project
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
        for box in (self.volunteers_check, self.board_check, self.fundraising_check,
                    self.consent_check):
            box.toggled.connect(self._on_check_toggled)
        self.rules_edit.textChanged.connect(self._on_rules_changed)

    def load_widgets(self, project: Project) -> None:
        rules = project.policy.nonprofit
        self.volunteers_check.setChecked(rules.volunteers_may_post_officially)
        self.board_check.setChecked(rules.board_may_speak)
        self.fundraising_check.setChecked(rules.fundraising_online)
        self.rules_edit.setPlainText(rules.fundraising_rules)
        self.consent_check.setChecked(rules.story_consent)
        self.rules_edit.setEnabled(rules.fundraising_online)

    def _on_check_toggled(self, _checked: bool) -> None:
        rules = self.project.policy.nonprofit
        self.rules_edit.setEnabled(self.fundraising_check.isChecked())

        def assign() -> None:
            rules.volunteers_may_post_officially = self.volunteers_check.isChecked()
            rules.board_may_speak = self.board_check.isChecked()
            rules.fundraising_online = self.fundraising_check.isChecked()
            rules.story_consent = self.consent_check.isChecked()

        self.write(assign)

    def _on_rules_changed(self) -> None:
        rules = self.project.policy.nonprofit
        self.write(lambda: setattr(rules, "fundraising_rules", self.rules_edit.toPlainText()),
                   "fundraising_rules")
