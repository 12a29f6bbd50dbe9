"""Step: training, and the ambassadors who get credit for good social work."""

from __future__ import annotations

from smready.domain import Project
from smready.i18n import _
from smready.ui.pages.policy.base import PolicyPage
from smready.ui.widgets.table_editor import Column, TableEditor


class TrainingPage(PolicyPage):
    page_id = "training"
    sections = ("training",)

    @classmethod
    def title(cls) -> str:
        return _("Training and ambassadors")

    @classmethod
    def why(cls) -> str:
        return _("People avoid tools they were never shown. Train everyone, and thank "
                 "those who do social media well — publicly.")

    def build(self) -> None:
        self.onboarding_check = self.add_check(
            "onboarding", _("New people get a short introduction to this policy"))
        self.refresher_spin = self.add_field(
            "refresher_months", _("Refresher training every"),
            self.spin(0, 60, _(" months")),
            hint=_("0 means no regular refresher."))
        self.materials_edit = self.add_field(
            "materials", _("Training material"),
            self.line_edit(_("e.g. a one-page how-to in the staff folder"), 500),
            full_width=True)
        self.ambassadors_table = TableEditor(
            [Column("name", _("Name"), stretch=True)],
            name=_("Social media ambassadors"),
            empty_text=_("No ambassadors yet — add people who already share your work."),
            add_text=_("Add ambassador"),
            item=_("ambassador"),
            parent=self,
        )
        self.ambassadors_table.set_height_limits(110, 240)
        self.add_field("ambassadors", _("Social media ambassadors"), self.ambassadors_table,
                       full_width=True)
        self.recognition_edit = self.add_field(
            "recognition", _("How good work is recognized"),
            self.line_edit(_("e.g. a shout-out in the monthly staff meeting"), 500),
            full_width=True)
        for widget, path in ((self.onboarding_check, "training.onboarding"),
                             (self.refresher_spin, "training.refresher_months"),
                             (self.materials_edit, "training.materials"),
                             (self.recognition_edit, "training.recognition")):
            self.bind(widget, path)
        self.ambassadors_table.rows_changed.connect(self._on_ambassadors_rows_changed)

    def load_widgets(self, project: Project) -> None:
        self.ambassadors_table.set_rows(
            [{"name": name} for name in project.policy.training.ambassadors])

    def _on_ambassadors_rows_changed(self) -> None:
        names = [row["name"] for row in self.ambassadors_table.rows() if row["name"]]
        self.write(lambda p: setattr(p.policy.training, "ambassadors", names), "ambassadors",
                   self.ambassadors_table.change_label())
