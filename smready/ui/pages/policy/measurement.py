"""Step: how results are measured and reported."""

from __future__ import annotations

from smready.domain import Project
from smready.i18n import _
from smready.ui.pages.policy.base import PolicyPage


def report_choices() -> list[tuple[str, str]]:
    return [("week", _("Every week")), ("month", _("Every month")),
            ("quarter", _("Every quarter"))]


class MeasurementPage(PolicyPage):
    page_id = "measurement"
    sections = ("measurement",)

    @classmethod
    def title(cls) -> str:
        return _("Measuring and reporting")

    @classmethod
    def why(cls) -> str:
        return _("Social media is a tool, not a destination. Decide who looks at the figures "
                 "from your goals, how often, and with which tools.")

    def build(self) -> None:
        self.every_combo = self.add_field(
            "report_every", _("Report results"), self.combo(report_choices()))
        self.to_edit = self.add_field(
            "report_to", _("Report to"), self.line_edit(_("e.g. the owner, the board")))
        self.tools_edit = self.add_field(
            "tools", _("Measuring tools"),
            self.line_edit(_("e.g. Meta Business Suite insights, Google Analytics"), 500),
            full_width=True)
        self.every_combo.currentIndexChanged.connect(self._on_every_changed)
        self.bind(self.to_edit, "measurement.report_to")
        self.bind(self.tools_edit, "measurement.tools")

    def load_widgets(self, project: Project) -> None:
        measurement = project.policy.measurement
        index = self.every_combo.findData(measurement.report_every)
        if index < 0:  # a value from a newer version or a hand-edited file: keep it
            self.every_combo.addItem(measurement.report_every, measurement.report_every)
            index = self.every_combo.count() - 1
        self.every_combo.setCurrentIndex(index)

    def _on_every_changed(self, _index: int) -> None:
        every = self.every_combo.currentData()
        self.write(lambda p: setattr(p.policy.measurement, "report_every", every), "report_every")
