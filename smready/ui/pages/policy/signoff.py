"""Last step: review cadence, version, effective date and who approves the policy."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit, QHBoxLayout, QPushButton, QWidget

from smready.domain import Project
from smready.i18n import _
from smready.ui.pages.policy.base import PolicyPage
from smready.ui.widgets.dates import date_format

# QDateEdit cannot be empty; its minimum date stands for "not chosen yet".
NOT_SET = QDate(2000, 1, 1)


class SignOffPage(PolicyPage):
    page_id = "review"
    sections = ("review",)

    @classmethod
    def title(cls) -> str:
        return _("Review and sign-off")

    @classmethod
    def why(cls) -> str:
        return _("A policy nobody reviews goes stale as networks and people change. Give it "
                 "a version, a start date and someone who signs it.")

    def build(self) -> None:
        self.cadence_spin = self.add_field(
            "cadence_months", _("Review the policy every"), self.spin(1, 36, _(" months")))
        self.version_edit = self.add_field(
            "version", _("Version"), self.line_edit(_("e.g. 1.0")), is_required=True)

        date_row = QWidget(self)
        row = QHBoxLayout(date_row)
        row.setContentsMargins(0, 0, 0, 0)
        self.date_edit = QDateEdit(date_row)
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setMinimumDate(NOT_SET)
        self.date_edit.setMaximumDate(QDate(2100, 12, 31))
        self.date_edit.setSpecialValueText(_("Not chosen"))
        self.date_edit.setDisplayFormat(date_format())
        self.date_edit.setAccessibleName(_("Effective date"))
        self.today_button = QPushButton(_("Today"), date_row)
        self.today_button.setAccessibleName(_("Set the effective date to today"))
        row.addWidget(self.date_edit)
        row.addWidget(self.today_button)
        row.addStretch(1)
        self.add_field("effective_date", _("Effective date"), date_row, is_required=True)
        self._fields["effective_date"] = self.date_edit
        self.date_edit.setAccessibleName(_("Effective date"))

        self.approver_edit = self.add_field(
            "approver", _("Approved by"), self.line_edit(_("Name")), is_required=True)
        self.role_edit = self.add_field(
            "approver_role", _("Approver's role"), self.line_edit(_("e.g. owner, board chair")))

        self.legal_edit = self.add_field(
            "legal_check_by", _("Checked against local law by"),
            self.line_edit(_("e.g. Dana Lee, employment lawyer")),
            hint=_("Have the policy read by someone who knows employment and privacy law where "
                   "you work. Until then the policy says it should be."))
        self.bind(self.legal_edit, "review.legal_check_by")

        self.cadence_spin.valueChanged.connect(self._on_cadence_changed)
        self.version_edit.textEdited.connect(self._on_version_edited)
        self.date_edit.dateChanged.connect(self._on_date_changed)
        self.today_button.clicked.connect(self._on_today_button_clicked)
        self.approver_edit.textEdited.connect(self._on_approver_edited)
        self.role_edit.textEdited.connect(self._on_role_edited)

    def load_widgets(self, project: Project) -> None:
        review = project.policy.review
        self.cadence_spin.setValue(review.cadence_months)
        self.version_edit.setText(review.version)
        if review.effective_date is None:
            self.date_edit.setDate(NOT_SET)
        else:
            d = review.effective_date
            self.date_edit.setDate(QDate(d.year, d.month, d.day))
        self.approver_edit.setText(review.approver)
        self.role_edit.setText(review.approver_role)

    def _on_cadence_changed(self, value: int) -> None:
        self.write(lambda p: setattr(p.policy.review, "cadence_months", value), "cadence_months")

    def _on_version_edited(self, text: str) -> None:
        self.write(lambda p: setattr(p.policy.review, "version", text.strip()), "version")

    def _on_date_changed(self, date: QDate) -> None:
        value = None if date == NOT_SET else dt.date(date.year(), date.month(), date.day())
        self.write(lambda p: setattr(p.policy.review, "effective_date", value), "effective_date")

    def _on_today_button_clicked(self) -> None:
        self.date_edit.setDate(QDate.currentDate())
        self.date_edit.setFocus()

    def _on_approver_edited(self, text: str) -> None:
        self.write(lambda p: setattr(p.policy.review, "approver", text.strip()), "approver")

    def _on_role_edited(self, text: str) -> None:
        role = text.strip()
        self.write(lambda p: setattr(p.policy.review, "approver_role", role), "approver_role")
