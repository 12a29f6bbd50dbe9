"""Step: photos, personal data and the privacy law that applies."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QLabel

from smready.domain import PrivacyLaw, Project
from smready.i18n import _
from smready.ui.pages.policy.base import PolicyPage


def law_sentence(law: PrivacyLaw, country: str = "") -> str:
    if law is PrivacyLaw.GENERAL and country.upper() == "BD":
        return _("You are in Bangladesh, where the law on personal data has changed more than "
                 "once lately, so the policy asks for consent first and has the point person "
                 "check the law in force before anything new collects personal data.")
    if law is PrivacyLaw.GDPR:
        return _("You are in Europe, so the policy explains the GDPR: personal data only with "
                 "a reason, kept safe, and deleted when asked.")
    if law is PrivacyLaw.UK_GDPR:
        return _("You are in the United Kingdom, so the policy explains the UK GDPR: personal "
                 "data only with a reason, kept safe, and deleted when asked.")
    if law is PrivacyLaw.CCPA:
        return _("You are in California, so the policy explains the CCPA: people may ask what "
                 "you hold about them and have it deleted.")
    if law is PrivacyLaw.DPDP:
        return _("You are in India, so the policy explains the DPDP Act 2023: personal data "
                 "only with consent for a stated purpose, and a parent's consent for anyone "
                 "under 18.")
    return _("The policy explains general good practice for personal data. Choose your "
             "country on the first step if a specific law applies. (The CCPA covers only "
             "for-profit California businesses above its size thresholds.)")


class PrivacyPage(PolicyPage):
    page_id = "privacy"
    sections = ("privacy", "safeguarding")

    @classmethod
    def title(cls) -> str:
        return _("Privacy")

    @classmethod
    def why(cls) -> str:
        return _("Photos of people, contest entries and messages hold personal data. "
                 "The law where you are decides what you must do with it.")

    def build(self) -> None:
        self.law_label = QLabel(self)
        self.law_label.setObjectName("privacyLaw")
        self.law_label.setWordWrap(True)
        self.law_label.setTextFormat(Qt.TextFormat.PlainText)
        self.form.addRow(self.law_label)
        self.photo_check = self.add_check(
            "photo_consent", _("Ask for written consent before posting photos of people"))
        self.minors_check = self.add_check(
            "minors_extra_care", _("Take extra care with children: no names, consent from "
                                   "a parent"))
        self.collects_check = self.add_check(
            "collects_personal_data",
            _("We collect names, e-mails or similar through social media"),
            hint=_("Contests, sign-up forms, booking messages."))
        self.contact_edit = self.add_field(
            "data_contact", _("Questions about personal data go to"),
            self.line_edit(_("e.g. Maria Lind, privacy@example.org")))
        self.notes_edit = self.add_field(
            "notes", _("Other privacy notes"), self.text_edit(), full_width=True)
        self.ccpa_check = self.add_check(
            "ccpa_covered",
            _("Our business is covered by the California Consumer Privacy Act (CCPA)"),
            hint=_("Only for-profit businesses in California that meet one of these: yearly "
                   "revenue over $26,625,000; buying, selling or sharing the personal "
                   "information of 100,000 or more consumers or households a year; or half "
                   "or more of revenue from selling or sharing personal information. Most "
                   "small businesses and all nonprofits are outside it."))
        self.minors_work_check = self.add_check(
            "safeguarding.works_with_minors",
            _("We work with children or young people under 18"),
            hint=_("Adds safeguarding rules: no private messages or friend requests."))
        self.vulnerable_check = self.add_check(
            "safeguarding.works_with_vulnerable",
            _("We serve adults who may be in a vulnerable situation"))
        self.safeguarding_edit = self.add_field(
            "safeguarding.lead", _("Safeguarding lead (who to tell about a worry)"),
            self.line_edit(_("Name")))
        for widget, path in ((self.ccpa_check, "organization.ccpa_covered"),
                             (self.minors_work_check, "safeguarding.works_with_minors"),
                             (self.vulnerable_check, "safeguarding.works_with_vulnerable"),
                             (self.safeguarding_edit, "safeguarding.lead"),
                             (self.photo_check, "privacy.photo_consent"),
                             (self.minors_check, "privacy.minors_extra_care"),
                             (self.collects_check, "privacy.collects_personal_data"),
                             (self.contact_edit, "privacy.data_contact"),
                             (self.notes_edit, "privacy.notes")):
            self.bind(widget, path)

    def load_widgets(self, project: Project) -> None:
        self.law_label.setText(law_sentence(project.organization.privacy_law,
                                            project.organization.country))
        org = project.organization
        # The CCPA question only matters for a business in California.
        self.set_check_shown("ccpa_covered", not org.is_nonprofit and org.country == "US"
                             and org.region.strip().lower() in ("ca", "california"))

    def showEvent(self, event: QShowEvent) -> None:
        # The country may have changed on the first step.
        self.law_label.setText(law_sentence(self.project.organization.privacy_law,
                                            self.project.organization.country))
        super().showEvent(event)
