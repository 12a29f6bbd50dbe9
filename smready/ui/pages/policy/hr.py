"""Step: the HR rules — work time, personal accounts, confidentiality, respect."""

from __future__ import annotations

from smready.domain import Consequence, Project, WorkTimeRule
from smready.i18n import _
from smready.ui.pages.policy.base import PolicyPage


def work_time_choices() -> list[tuple[WorkTimeRule, str]]:
    return [
        (WorkTimeRule.PART_OF_JOB,
         _("Official social media work is part of the job; personal use on breaks")),
        (WorkTimeRule.BREAKS_ONLY,
         _("Personal use only on breaks; official work only by assigned people")),
        (WorkTimeRule.REASONABLE,
         _("Brief personal use is fine as long as work does not suffer")),
    ]


def consequence_choices() -> list[tuple[Consequence, str]]:
    return [
        (Consequence.STANDARD, _("Like any other breach: a talk, a warning, then more")),
        (Consequence.STRICT, _("Serious breaches can end the job or volunteer role")),
    ]


class HRPage(PolicyPage):
    page_id = "hr"
    sections = ("hr",)

    @classmethod
    def title(cls) -> str:
        return _("Rules for staff")

    @classmethod
    def why(cls) -> str:
        return _("Settle up front whether social media is allowed during work time, how "
                 "people mention you on their own accounts, and what stays private.")

    def build(self) -> None:
        self.work_time_combo = self.add_field(
            "work_time", _("During work time"), self.combo(work_time_choices()),
            full_width=True)
        self.devices_check = self.add_check(
            "work_devices_ok", _("Personal social media on work devices is allowed"))
        self.after_hours_check = self.add_check(
            "after_hours_posting_expected", _("Staff are expected to post after hours"),
            hint=_("If not, make time for it during the job."))
        self.disclose_check = self.add_check(
            "disclose_affiliation",
            _("People who talk about us on personal accounts say they work here"))
        self.disclaimer_check = self.add_check(
            "personal_disclaimer", _("Personal accounts add “my views are my own”"))
        self.confidential_edit = self.add_field(
            "confidential_examples", _("What counts as confidential here"),
            self.line_edit(_("e.g. client files, supplier prices, staff matters"), 500),
            full_width=True)
        self.respect_edit = self.add_field(
            "respect_note", _("Respect and harassment"),
            self.text_edit(_("Optional: anything to add to the standard rule.")),
            full_width=True)
        self.copyright_edit = self.add_field(
            "copyright_note", _("Copyright and photos"),
            self.text_edit(_("Optional: e.g. use only our own photos or licensed images.")),
            full_width=True)
        self.consequence_combo = self.add_field(
            "consequence", _("When someone breaks these rules"),
            self.combo(consequence_choices()), full_width=True)
        self.extra_edit = self.add_field(
            "extra_rules", _("Other rules"), self.text_edit(), full_width=True)

        self.work_time_combo.currentIndexChanged.connect(self._on_choice_changed)
        self.consequence_combo.currentIndexChanged.connect(self._on_choice_changed)
        for box in (self.devices_check, self.after_hours_check, self.disclose_check,
                    self.disclaimer_check):
            box.toggled.connect(self._on_check_toggled)
        self.confidential_edit.textEdited.connect(self._on_confidential_edited)
        self.respect_edit.textChanged.connect(self._on_respect_changed)
        self.copyright_edit.textChanged.connect(self._on_copyright_changed)
        self.extra_edit.textChanged.connect(self._on_extra_changed)

    def load_widgets(self, project: Project) -> None:
        hr = project.policy.hr
        self.work_time_combo.setCurrentIndex(max(0, self.work_time_combo.findData(hr.work_time)))
        self.consequence_combo.setCurrentIndex(
            max(0, self.consequence_combo.findData(hr.consequence)))
        self.devices_check.setChecked(hr.work_devices_ok)
        self.after_hours_check.setChecked(hr.after_hours_posting_expected)
        self.disclose_check.setChecked(hr.disclose_affiliation)
        self.disclaimer_check.setChecked(hr.personal_disclaimer)
        self.confidential_edit.setText(hr.confidential_examples)
        self.respect_edit.setPlainText(hr.respect_note)
        self.copyright_edit.setPlainText(hr.copyright_note)
        self.extra_edit.setPlainText(hr.extra_rules)

    def _on_choice_changed(self, _index: int) -> None:
        hr = self.project.policy.hr

        def assign() -> None:
            hr.work_time = self.work_time_combo.currentData()
            hr.consequence = self.consequence_combo.currentData()

        self.write(assign)

    def _on_check_toggled(self, _checked: bool) -> None:
        hr = self.project.policy.hr

        def assign() -> None:
            hr.work_devices_ok = self.devices_check.isChecked()
            hr.after_hours_posting_expected = self.after_hours_check.isChecked()
            hr.disclose_affiliation = self.disclose_check.isChecked()
            hr.personal_disclaimer = self.disclaimer_check.isChecked()

        self.write(assign)

    def _on_confidential_edited(self, text: str) -> None:
        hr = self.project.policy.hr
        self.write(lambda: setattr(hr, "confidential_examples", text.strip()),
                   "confidential_examples")

    def _on_respect_changed(self) -> None:
        hr = self.project.policy.hr
        self.write(lambda: setattr(hr, "respect_note", self.respect_edit.toPlainText()),
                   "respect_note")

    def _on_copyright_changed(self) -> None:
        hr = self.project.policy.hr
        self.write(lambda: setattr(hr, "copyright_note", self.copyright_edit.toPlainText()),
                   "copyright_note")

    def _on_extra_changed(self) -> None:
        hr = self.project.policy.hr
        self.write(lambda: setattr(hr, "extra_rules", self.extra_edit.toPlainText()),
                   "extra_rules")
