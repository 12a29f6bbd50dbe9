"""Step: the internal pipeline, negative mentions, hacked accounts and crisis contacts."""

from __future__ import annotations

from smready.domain import Contact, Project
from smready.i18n import _
from smready.ui.pages.policy.base import PolicyPage
from smready.ui.widgets.table_editor import Column, TableEditor


class EscalationPage(PolicyPage):
    page_id = "escalation"
    sections = ("escalation", "comments")

    @classmethod
    def title(cls) -> str:
        return _("Complaints, problems and crises")

    @classmethod
    def why(cls) -> str:
        return _("When someone raises a problem or an idea online, it must reach the "
                 "right person quickly. Decide the routes before you go live.")

    def build(self) -> None:
        self.contacts_table = TableEditor(
            [
                Column("name", _("Name"), width=150),
                Column("role", _("Role"), width=140),
                Column("phone", _("Phone"), width=130),
                Column("email", _("E-mail"), stretch=True),
            ],
            name=_("Crisis contacts"),
            empty_text=_("No crisis contacts yet — add who to call when something goes "
                         "badly wrong."),
            add_text=_("Add contact"),
            item=_("crisis contact"),
            parent=self,
        )
        self.add_field("crisis_contacts", _("Crisis contacts"), self.contacts_table,
                       is_required=True, full_width=True)
        self.complaint_edit = self.add_field(
            "complaint_route", _("Service complaints go to"),
            self.line_edit(_("e.g. the shift manager, same day"), 500), full_width=True)
        self.idea_edit = self.add_field(
            "idea_route", _("Ideas and suggestions go to"),
            self.line_edit(_("e.g. the owner, in the Monday meeting"), 500), full_width=True)
        self.negative_edit = self.add_field(
            "negative_mention_steps", _("When someone posts something negative"),
            self.text_edit(_("e.g. Answer politely within a day, offer to take it to a "
                             "private message, tell the point person.")),
            full_width=True)
        self.hacked_edit = self.add_field(
            "hacked_account_steps", _("When an account is hacked"),
            self.text_edit(_("e.g. Reset the password from the recovery e-mail, tell the "
                             "point person, post a short notice once it is back.")),
            full_width=True)
        self.comments_extra_edit = self.add_field(
            "comments.extra", _("Also hidden or removed on our pages"),
            self.text_edit(_("e.g. Advertising for other businesses; posts in the comments "
                             "about individual staff members."), lines=3),
            hint=_("The policy already removes threats, hate speech, harassment, spam, scams, "
                   "personal details, sexual content and anything illegal."),
            full_width=True)
        self.threats_edit = self.add_field(
            "comments.threats_to", _("Who reports threats to the platform and the police"),
            self.line_edit(_("Name")),
            hint=_("Leave it empty and the first crisis contact does it."))
        self.bind(self.comments_extra_edit, "comments.extra")
        self.bind(self.threats_edit, "comments.threats_to")
        self.contacts_table.rows_changed.connect(self._on_contacts_rows_changed)
        self.complaint_edit.textEdited.connect(self._on_routes_edited)
        self.idea_edit.textEdited.connect(self._on_routes_edited)
        self.negative_edit.textChanged.connect(self._on_steps_changed)
        self.hacked_edit.textChanged.connect(self._on_steps_changed)

    def load_widgets(self, project: Project) -> None:
        escalation = project.policy.escalation
        self.contacts_table.set_rows([c.model_dump() for c in escalation.crisis_contacts])
        self.complaint_edit.setText(escalation.complaint_route)
        self.idea_edit.setText(escalation.idea_route)
        self.negative_edit.setPlainText(escalation.negative_mention_steps)
        self.hacked_edit.setPlainText(escalation.hacked_account_steps)

    def _on_contacts_rows_changed(self) -> None:
        rows = self.contacts_table.rows()

        def assign(p: Project) -> None:
            p.policy.escalation.crisis_contacts = [
                Contact(**row) for row in rows if any(v.strip() for v in row.values())]

        self.write(assign, "crisis_contacts", self.contacts_table.change_label())

    def _on_routes_edited(self, _text: str) -> None:
        def assign(p: Project) -> None:
            p.policy.escalation.complaint_route = self.complaint_edit.text().strip()
            p.policy.escalation.idea_route = self.idea_edit.text().strip()

        self.write(assign, "complaint_route")

    def _on_steps_changed(self) -> None:
        def assign(p: Project) -> None:
            p.policy.escalation.negative_mention_steps = self.negative_edit.toPlainText()
            p.policy.escalation.hacked_account_steps = self.hacked_edit.toPlainText()

        self.write(assign, "negative_mention_steps")
