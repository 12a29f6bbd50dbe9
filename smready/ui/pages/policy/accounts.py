"""Step: the official accounts, who owns them, and the tools used."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from smready.content import load_platforms
from smready.domain import OfficialAccount, Project
from smready.field_checks import handle_problem
from smready.i18n import _
from smready.ui.pages.policy.base import PolicyPage
from smready.ui.widgets.table_editor import Column, TableEditor


def platform_choices() -> list[tuple[str, str]]:
    return [(p.id, p.name) for p in load_platforms()]


class AccountsPage(PolicyPage):
    page_id = "accounts"
    sections = ("accounts", "tools", "ads", "agencies")

    @classmethod
    def title(cls) -> str:
        return _("Platforms and official accounts")

    @classmethod
    def why(cls) -> str:
        return _("List every account that speaks for you, and who holds its password. An "
                 "account nobody owns is the one that gets hacked or forgotten.")

    def build(self) -> None:
        self.accounts_table = TableEditor(
            [
                Column("platform", _("Platform"), "combo", platform_choices(), free_text=True,
                       width=150),
                Column("handle", _("Handle or page name"), width=170),
                Column("owner", _("Owner"), width=130),
                Column("purpose", _("What it is for"), stretch=True),
            ],
            name=_("Official accounts"),
            empty_text=_("No accounts yet — add the page or profile people find you on."),
            add_text=_("Add account"),
            item=_("account"),
            parent=self,
        )
        self.add_field("accounts", _("Official accounts"), self.accounts_table,
                       is_required=True, full_width=True)
        self.prefill_row = QWidget(self)
        row = QHBoxLayout(self.prefill_row)
        row.setContentsMargins(0, 0, 0, 0)
        self.prefill_button = QPushButton(_("Fill from readiness answers"), self.prefill_row)
        self.prefill_button.setAccessibleName(_("Fill accounts and point person from your "
                                                "readiness answers"))
        row.addWidget(self.prefill_button)
        row.addStretch(1)
        self.form.addRow(self.prefill_row)
        self.tools_edit = self.add_field(
            "tools", _("Tools you use"),
            self.line_edit(_("e.g. Meta Business Suite for scheduling, Canva for images"), 500),
            full_width=True)
        self.ads_check = self.add_check("ads.uses_ads", _("We pay for ads or boosted posts"))
        self.ads_approver_edit = self.add_field(
            "ads.approver", _("Who approves ad spending"), self.line_edit(_("Name")))
        self.ads_budget_edit = self.add_field(
            "ads.budget", _("Ad budget"), self.line_edit(_("e.g. up to 150 euros a month"), 500))
        self.agency_check = self.add_check(
            "agencies.uses_agency", _("An agency or freelancer posts or runs ads for us"))
        self.agency_names_edit = self.add_field(
            "agencies.names", _("Agencies and freelancers"), self.line_edit("", 500))
        self.agency_contact_edit = self.add_field(
            "agencies.contact", _("Our contact for them"), self.line_edit(_("Name")),
            hint=_("Manages their work and their access to our accounts."))
        for widget, path in ((self.ads_check, "ads.uses_ads"),
                             (self.ads_approver_edit, "ads.approver"),
                             (self.ads_budget_edit, "ads.budget"),
                             (self.agency_check, "agencies.uses_agency"),
                             (self.agency_names_edit, "agencies.names"),
                             (self.agency_contact_edit, "agencies.contact")):
            self.bind(widget, path)
        self.accounts_table.rows_changed.connect(self._on_accounts_rows_changed)
        self.tools_edit.textEdited.connect(self._on_tools_edited)

    def load_widgets(self, project: Project) -> None:
        self.accounts_table.set_rows([
            {"platform": a.platform, "handle": a.handle, "owner": a.owner,
             "purpose": a.purpose}
            for a in project.policy.accounts
        ])
        self.tools_edit.setText(project.policy.tools)

    @staticmethod
    def to_accounts(rows: list[dict[str, Any]]) -> list[OfficialAccount]:
        accounts = []
        for row in rows:
            if not any(str(v).strip() for v in row.values()):
                continue  # a freshly added, still empty row
            accounts.append(OfficialAccount(
                platform=str(row["platform"]).strip(), handle=row["handle"],
                owner=row["owner"], purpose=row["purpose"]))
        return accounts

    def _on_accounts_rows_changed(self) -> None:
        rows = self.accounts_table.rows()
        if self.write(lambda p: setattr(p.policy, "accounts", self.to_accounts(rows)),
                      "accounts", self.accounts_table.change_label()):
            self.check_rows("accounts", rows, "handle", handle_problem)

    def _on_tools_edited(self, text: str) -> None:
        self.write(lambda p: setattr(p.policy, "tools", text.strip()), "tools")

