"""Step: the HR rules — work time, personal accounts, confidentiality, respect."""

from __future__ import annotations

from smready.domain import Consequence, WorkTimeRule
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

        for widget, path in (
                (self.work_time_combo, "hr.work_time"),
                (self.consequence_combo, "hr.consequence"),
                (self.devices_check, "hr.work_devices_ok"),
                (self.after_hours_check, "hr.after_hours_posting_expected"),
                (self.disclose_check, "hr.disclose_affiliation"),
                (self.disclaimer_check, "hr.personal_disclaimer"),
                (self.confidential_edit, "hr.confidential_examples"),
                (self.respect_edit, "hr.respect_note"),
                (self.copyright_edit, "hr.copyright_note"),
                (self.extra_edit, "hr.extra_rules")):
            self.bind(widget, path)
