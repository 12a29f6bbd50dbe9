"""Step: who the policy applies to."""

from __future__ import annotations

from smready.i18n import _
from smready.ui.pages.policy.base import PolicyPage


class ScopePage(PolicyPage):
    page_id = "scope"
    sections = ("scope",)

    @classmethod
    def title(cls) -> str:
        return _("Who the policy covers")

    @classmethod
    def why(cls) -> str:
        return _("Everyone who answers the phone, meets the public or writes for the website "
                 "touches social media. Say plainly who these rules are for.")

    def build(self) -> None:
        self.staff_check = self.add_check("staff", _("Staff and owners"))
        self.volunteers_check = self.add_check("volunteers", _("Volunteers"))
        self.board_check = self.add_check("board", _("Board members"))
        self.contractors_check = self.add_check(
            "contractors", _("Contractors and agencies working for you"))
        self.notes_edit = self.add_field(
            "notes", _("Anything else about who is covered"),
            self.text_edit(_("e.g. Seasonal staff are covered from their first shift.")),
            full_width=True)
        for widget, path in ((self.staff_check, "scope.staff"),
                             (self.volunteers_check, "scope.volunteers"),
                             (self.board_check, "scope.board"),
                             (self.contractors_check, "scope.contractors"),
                             (self.notes_edit, "scope.notes")):
            self.bind(widget, path)
        # The open item "who this policy applies to" (field "scope") lands on the first box.
        self._fields["scope"] = self.staff_check
