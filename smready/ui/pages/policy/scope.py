"""Step: who the policy applies to."""

from __future__ import annotations

from smready.domain import Project
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
        return _("Everyone who answers the phone, meets customers or writes for the website "
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
        for box in (self.staff_check, self.volunteers_check, self.board_check,
                    self.contractors_check):
            box.toggled.connect(self._on_scope_toggled)
        self.notes_edit.textChanged.connect(self._on_notes_changed)

    def load_widgets(self, project: Project) -> None:
        scope = project.policy.scope
        self.staff_check.setChecked(scope.staff)
        self.volunteers_check.setChecked(scope.volunteers)
        self.board_check.setChecked(scope.board)
        self.contractors_check.setChecked(scope.contractors)
        self.notes_edit.setPlainText(scope.notes)

    def _on_scope_toggled(self, _checked: bool) -> None:
        scope = self.project.policy.scope

        def assign() -> None:
            scope.staff = self.staff_check.isChecked()
            scope.volunteers = self.volunteers_check.isChecked()
            scope.board = self.board_check.isChecked()
            scope.contractors = self.contractors_check.isChecked()

        self.write(assign)

    def _on_notes_changed(self) -> None:
        scope = self.project.policy.scope
        self.write(lambda: setattr(scope, "notes", self.notes_edit.toPlainText()), "notes")
