"""Step: who may speak for the organization, and who approves posts."""

from __future__ import annotations

from typing import Any

from smready.domain import Project, Spokesperson
from smready.field_checks import contact_problem
from smready.i18n import _
from smready.ui.pages.policy.base import PolicyPage
from smready.ui.widgets.dates import show_number
from smready.ui.widgets.table_editor import Column, TableEditor


def unnamed_rows(rows: list[dict[str, Any]], key: str = "name") -> list[int]:
    """1-based numbers of rows that have content but no name (the model needs a name)."""
    return [
        number for number, row in enumerate(rows, start=1)
        if not str(row[key]).strip() and any(
            isinstance(v, str) and v.strip() for k, v in row.items() if k != key)
    ]


class SpokespeoplePage(PolicyPage):
    page_id = "spokespeople"
    sections = ("spokespeople",)

    @classmethod
    def title(cls) -> str:
        return _("Spokespeople")

    @classmethod
    def why(cls) -> str:
        return _("Say who may speak for the organization, and who approves posts before "
                 "they go out. Everyone else knows to pass questions on.")

    def build(self) -> None:
        self.table = TableEditor(
            [
                Column("name", _("Name"), width=150),
                Column("role", _("Role"), width=130),
                Column("may_approve_posts", _("Approves posts"), "check", width=120,
                       default=False),
                Column("contact", _("Contact"), width=150),
                Column("topics", _("Speaks about"), stretch=True),
            ],
            name=_("Spokespeople"),
            empty_text=_("No spokespeople yet — add the person who answers the press."),
            add_text=_("Add spokesperson"),
            item=_("spokesperson"),
            parent=self,
        )
        self.add_field("spokespeople", _("Spokespeople"), self.table, is_required=True,
                       full_width=True)
        self.media_edit = self.add_field(
            "media_inquiries_to", _("Media questions go to"),
            self.line_edit(_("e.g. Maria Lind, owner")),
            hint=_("Anyone a journalist contacts passes the question to this person."))
        self.table.rows_changed.connect(self._on_table_rows_changed)
        self.media_edit.textEdited.connect(self._on_media_edited)

    def load_widgets(self, project: Project) -> None:
        self.table.set_rows([s.model_dump() for s in project.policy.spokespeople])
        self.media_edit.setText(project.policy.media_inquiries_to)

    def _on_table_rows_changed(self) -> None:
        rows = self.table.rows()

        def assign(p: Project) -> None:
            p.policy.spokespeople = [Spokesperson(**row) for row in rows if row["name"]]

        if self.write(assign, "spokespeople", self.table.change_label()):
            self.check_rows("spokespeople", rows, "contact", contact_problem)
            missing = unnamed_rows(rows)
            if missing:
                self.set_local_gap("spokespeople", _(
                    "Row {rows}: add a name, or the row is left out of the policy."
                ).format(rows=", ".join(map(show_number, missing))))

    def _on_media_edited(self, text: str) -> None:
        self.write(lambda p: setattr(p.policy, "media_inquiries_to", text.strip()),
                   "media_inquiries_to")
