"""Step: who the policy is for."""

from __future__ import annotations

from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QPushButton, QWidget

from smready.domain import Contact, OrgKind, Project, SizeBand
from smready.field_checks import email_problem, logo_problem, phone_problem, url_problem
from smready.i18n import _
from smready.ui.app.preferences import document_language_choices
from smready.ui.pages.policy.base import PolicyPage
from smready.ui.pages.policy.countries import countries


def kind_choices() -> list[tuple[OrgKind, str]]:
    return [(OrgKind.SMALL_BUSINESS, _("Small business")), (OrgKind.NONPROFIT, _("Nonprofit"))]


def size_choices() -> list[tuple[SizeBand, str]]:
    return [
        (SizeBand.SOLO, _("Just me")),
        (SizeBand.MICRO, _("2–9 people")),
        (SizeBand.SMALL, _("10–49 people")),
        (SizeBand.MEDIUM, _("50–249 people")),
        (SizeBand.LARGE, _("250 or more people")),
    ]


class OrganizationPage(PolicyPage):
    page_id = "organization"
    sections = ("organization",)

    @classmethod
    def title(cls) -> str:
        return _("Your organization")

    @classmethod
    def why(cls) -> str:
        return _("The policy opens with who it belongs to. The country decides which "
                 "privacy law it explains.")

    def build(self) -> None:
        self.name_edit = self.add_field(
            "name", _("Organization name"), self.line_edit(_("e.g. Café Aurora")),
            is_required=True)
        self.kind_combo = self.add_field(
            "kind", _("Kind of organization"), self.combo(kind_choices()),
            hint=_("Nonprofits get an extra step about volunteers, the board, fundraising "
                   "and consent."))
        self.sector_edit = self.add_field(
            "sector", _("Sector"), self.line_edit(_("e.g. food and drink, youth work")))
        self.size_combo = self.add_field("size_band", _("Size"), self.combo(size_choices()))
        self.country_combo = self.add_field(
            "country", _("Country"), self.combo(countries()))
        self.country_combo.setMaxVisibleItems(15)
        self.region_edit = self.add_field(
            "region", _("State, province or county"), self.line_edit(_("e.g. California")))
        self.language_combo = self.bind(self.add_field(
            "language", _("Language of the documents"), self.combo(document_language_choices()),
            hint=_("The policy, the report and the acknowledgement sheet are written in this "
                   "language, whatever language smready itself is in.")), "language")
        self.contact_name_edit = self.add_field(
            "contact.name", _("Contact person"), self.line_edit(_("Name")))
        self.contact_email_edit = self.add_field(
            "contact.email", _("Contact e-mail"), self.line_edit(_("name@example.org")))
        self.contact_phone_edit = self.add_field(
            "contact.phone", _("Contact phone"), self.line_edit())
        self.website_edit = self.add_field(
            "website", _("Website"), self.line_edit(_("https://"), 500))

        logo_row = QWidget(self)
        row = QHBoxLayout(logo_row)
        row.setContentsMargins(0, 0, 0, 0)
        self.logo_edit = self.line_edit(_("PNG, JPEG or SVG file"), 500)
        self.logo_edit.setAccessibleName(_("Logo file"))
        self.logo_button = QPushButton(_("Choose…"), logo_row)
        self.logo_button.setAccessibleName(_("Choose a logo file"))
        row.addWidget(self.logo_edit, 1)
        row.addWidget(self.logo_button)
        self.add_field("logo_path", _("Logo file"), logo_row,
                       hint=_("Printed at the top of the policy. Optional."))

        # Review changes the same answer: show it here too, whoever changed it.
        self.controller.project_changed.connect(self._show_language)
        self.name_edit.textEdited.connect(self._on_name_edited)
        self.kind_combo.currentIndexChanged.connect(self._on_kind_changed)
        self.sector_edit.textEdited.connect(self._on_sector_edited)
        self.size_combo.currentIndexChanged.connect(self._on_size_changed)
        self.country_combo.currentIndexChanged.connect(self._on_country_changed)
        self.region_edit.textEdited.connect(self._on_region_edited)
        for edit in (self.contact_name_edit, self.contact_email_edit, self.contact_phone_edit):
            edit.textEdited.connect(self._on_contact_edited)
        self.website_edit.textEdited.connect(self._on_website_edited)
        self.logo_edit.textEdited.connect(self._on_logo_edited)
        self.logo_button.clicked.connect(self._on_logo_button_clicked)

    def load_widgets(self, project: Project) -> None:
        org = project.organization
        self.name_edit.setText(org.name)
        self.kind_combo.setCurrentIndex(max(0, self.kind_combo.findData(org.kind)))
        self.sector_edit.setText(org.sector)
        self.size_combo.setCurrentIndex(max(0, self.size_combo.findData(org.size_band)))
        index = self.country_combo.findData(org.country)
        self.country_combo.setCurrentIndex(index if index >= 0 else self.country_combo.count() - 1)
        self.region_edit.setText(org.region)
        self.contact_name_edit.setText(org.contact.name)
        self.contact_email_edit.setText(org.contact.email)
        self.contact_phone_edit.setText(org.contact.phone)
        self.website_edit.setText(org.website)
        self.logo_edit.setText(org.logo_path or "")
        for key, problem in (("contact.email", email_problem(org.contact.email)),
                             ("contact.phone", phone_problem(org.contact.phone)),
                             ("website", url_problem(org.website)),
                             ("logo_path", logo_problem(org.logo_path or ""))):
            self.check_field(key, problem)

    def _show_language(self) -> None:
        index = self.language_combo.findData(self.project.language)
        if index >= 0 and index != self.language_combo.currentIndex():
            self.language_combo.blockSignals(True)
            self.language_combo.setCurrentIndex(index)
            self.language_combo.blockSignals(False)

    # The model refuses an empty name (a file must always say whose it is), so an emptied
    # field keeps the last name in the model and shows the gap here until it is filled.
    def _on_name_edited(self, text: str) -> None:
        if not text.strip():
            self.set_local_gap("name", _("Give the name of your organization."))
            return
        self.write(lambda p: setattr(p.organization, "name", text.strip()), "name")

    def _on_kind_changed(self, _index: int) -> None:
        kind = self.kind_combo.currentData()
        self.write(lambda p: setattr(p.organization, "kind", kind), "kind")

    def _on_sector_edited(self, text: str) -> None:
        self.write(lambda p: setattr(p.organization, "sector", text.strip()), "sector")

    def _on_size_changed(self, _index: int) -> None:
        size = self.size_combo.currentData()
        self.write(lambda p: setattr(p.organization, "size_band", size), "size_band")

    def _on_country_changed(self, _index: int) -> None:
        country = self.country_combo.currentData() or ""
        self.write(lambda p: setattr(p.organization, "country", country), "country")

    def _on_region_edited(self, text: str) -> None:
        self.write(lambda p: setattr(p.organization, "region", text.strip()), "region")

    def _on_contact_edited(self, _text: str) -> None:
        org = self.project.organization
        contact = Contact(
            name=self.contact_name_edit.text().strip(),
            role=org.contact.role,
            email=self.contact_email_edit.text().strip(),
            phone=self.contact_phone_edit.text().strip(),
        )
        if self.write(lambda p: setattr(p.organization, "contact", contact), "contact.name"):
            self.check_field("contact.email", email_problem(contact.email))
            self.check_field("contact.phone", phone_problem(contact.phone))

    def _on_website_edited(self, text: str) -> None:
        if self.write(lambda p: setattr(p.organization, "website", text.strip()), "website"):
            self.check_field("website", url_problem(text))

    def _on_logo_edited(self, text: str) -> None:
        logo = text.strip() or None
        if self.write(lambda p: setattr(p.organization, "logo_path", logo), "logo_path"):
            self.check_field("logo_path", logo_problem(text))

    def _on_logo_button_clicked(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, _("Choose a logo"), self.logo_edit.text(),
            _("Images (*.png *.jpg *.jpeg *.svg)"))
        if path:
            self.logo_edit.setText(path)
            self._on_logo_edited(path)
